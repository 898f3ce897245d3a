"""Read articles from files, directories and standard input; one bad input never stops the batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.records import parse_json_document, parse_json_lines
from newsprism.ingest.text import parse_plain_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
STDIN = "-"


@dataclass(frozen=True)
class IngestOptions:
    """Limits and choices for reading inputs."""

    max_file_bytes: int = 20 * 1024 * 1024
    html: HtmlOptions = field(default_factory=HtmlOptions)


@dataclass
class IngestResult:
    """Articles read, and the inputs that could not be read (each with its reason)."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)

    def extend(self, items: Iterable[RawArticle | InputError]) -> None:
        for item in items:
            if isinstance(item, InputError):
                self.problems.append(item)
            else:
                self.articles.append(item)


def read_inputs(
    inputs: Iterable[str], options: IngestOptions | None = None, stdin: BinaryIO | None = None
) -> IngestResult:
    """Read every named file, directory (recursively) or ``-`` (JSON Lines on ``stdin``)."""
    options = options or IngestOptions()
    result = IngestResult()
    for name in inputs:
        if name == STDIN:
            if stdin is None:
                result.problems.append(InputError("<stdin>", "standard input is not available"))
                continue
            result.extend(_read_stream(stdin.read(options.max_file_bytes + 1), "<stdin>", options))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not files:
                result.problems.append(InputError(name, "directory holds no .txt, .md, .html, .json or .jsonl files"))
            for file in files:
                result.extend(read_file(file, options))
        else:
            result.extend(read_file(path, options))
    return result


def read_file(path: Path, options: IngestOptions) -> Iterator[RawArticle | InputError]:
    """Yield the article(s) of one file, or one ``InputError`` saying why it cannot be read."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise InputError(origin, "no such file or directory")
        if suffix not in SUPPORTED_SUFFIXES:
            raise InputError(
                origin, f"unsupported file type '{suffix or path.name}' (use .txt, .md, .html, .json or .jsonl)"
            )
        size = path.stat().st_size
        if size > options.max_file_bytes:
            raise InputError(
                origin, f"file is {size / 1e6:.0f} MB, over the {options.max_file_bytes / 1e6:.0f} MB limit"
            )
        data = path.read_bytes()
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(origin, f"cannot read file ({error.strerror or error})")
        return
    yield from _parse(data, origin, suffix, path.stem, options)


def _read_stream(data: bytes, origin: str, options: IngestOptions) -> Iterator[RawArticle | InputError]:
    if len(data) > options.max_file_bytes:
        yield InputError(origin, f"input is over the {options.max_file_bytes / 1e6:.0f} MB limit")
        return
    yield from _parse(data, origin, ".jsonl", "stdin", options)


def _parse(
    data: bytes, origin: str, suffix: str, label: str, options: IngestOptions
) -> Iterator[RawArticle | InputError]:
    try:
        decoded = decode_bytes(data, origin)
    except InputError as error:
        yield error
        return
    try:
        if suffix in JSON_SUFFIXES:
            items: Iterable[RawArticle | InputError] = (
                parse_json_lines(decoded.text, origin)
                if suffix != ".json"
                else parse_json_document(decoded.text, origin)
            )
        elif suffix in HTML_SUFFIXES:
            items = [parse_html(decoded.text, origin, label, options=options.html)]
        else:
            items = [parse_plain_text(decoded.text, origin, label)]
        for item in items:
            if isinstance(item, RawArticle) and decoded.note:
                item.notes.append(f"{origin}: {decoded.note}")
            yield item
    except InputError as error:
        yield error
