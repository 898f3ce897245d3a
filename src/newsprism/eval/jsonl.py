"""Reading a benchmark's JSON-lines file, with errors that name the file and line at fault."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from newsprism.errors import EvaluationError

T = TypeVar("T")


def read_records(path: Path, dataset: str, build: Callable[[Any], T]) -> list[T]:
    """One ``build(row)`` per non-blank line; a missing file, bad JSON or a row ``build`` rejects is an error."""
    if not path.is_file():
        raise EvaluationError(f"{path}: {dataset} data not found")
    records = [_record(path, dataset, number, line, build) for number, line in _lines(path)]
    if not records:
        raise EvaluationError(f"{path}: no {dataset} records")
    return records


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield number, line


def _record(path: Path, dataset: str, number: int, line: str, build: Callable[[Any], T]) -> T:
    try:
        return build(json.loads(line))
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise EvaluationError(f"{path}:{number}: not a {dataset} record: {error}") from error
