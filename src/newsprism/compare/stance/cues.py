"""Cue words of denial, doubt and confirmation, and where negation falls near the terms of a claim."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from newsprism.compare.stance.text import words
from newsprism.errors import ModelLoadError

CUE_KINDS = ("refute", "hedge", "support", "negation")


@dataclass(frozen=True)
class CueLexicon:
    """Cue phrases of each kind, as word tuples; single words and phrases are matched the same way."""

    phrases: dict[str, frozenset[tuple[str, ...]]]

    @cached_property
    def by_first_word(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """(kind, phrase) pairs by the phrase's first word, so matching looks at each token once."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, phrases in self.phrases.items():
            for phrase in phrases:
                index.setdefault(phrase[0], []).append((kind, phrase))
        return index


@cache
def load_cues(path: Path | None = None) -> CueLexicon:
    """Read a cue lexicon (default: the one shipped in ``stance/data/cues.json``), once per process."""
    try:
        if path is None:
            raw = resources.files("newsprism.compare.stance").joinpath("data/cues.json").read_text("utf-8")
        else:
            raw = path.read_text("utf-8")
        table = json.loads(raw)
        phrases = {kind: frozenset(tuple(words(p)) for p in table[kind]) for kind in CUE_KINDS}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelLoadError(f"cannot read stance cues from {path or 'the package'}: {error}") from error
    return CueLexicon(phrases)


def cue_positions(tokens: Sequence[str], lexicon: CueLexicon) -> dict[str, list[int]]:
    """Token positions where a cue phrase of each kind starts."""
    found: dict[str, list[int]] = {kind: [] for kind in CUE_KINDS}
    index = lexicon.by_first_word
    for i, token in enumerate(tokens):
        for kind, phrase in index.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase and (not found[kind] or found[kind][-1] != i):
                found[kind].append(i)
    return found


def cue_counts(tokens: Sequence[str], lexicon: CueLexicon) -> dict[str, int]:
    """How many cue phrases of each kind a token list holds."""
    return {kind: len(positions) for kind, positions in cue_positions(tokens, lexicon).items()}
