"""The boilerplate vocabulary: a data file, read once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprism.errors import NewsprismError

_VOCABULARY_FILE = "boilerplate_vocabulary.json"


@dataclass(frozen=True)
class Vocabulary:
    """Word and phrase lists by reason; phrases are lower case, matched on word boundaries."""

    line_terms: dict[str, frozenset[str]]
    strong_terms: dict[str, tuple[str, ...]]
    cta_verbs: frozenset[str]
    promo_terms: dict[str, tuple[str, ...]]
    reader_words: frozenset[str]
    credit_labels: dict[str, tuple[str, ...]]

    def all_line_terms(self) -> frozenset[str]:
        return frozenset().union(*self.line_terms.values())


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``phrases`` as whole words (case-insensitive)."""
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


@cache
def load_vocabulary() -> Vocabulary:
    """Read the packaged vocabulary file (cached: it never changes while running)."""
    try:
        raw = json.loads(resources.files("newsprism.clean").joinpath("data", _VOCABULARY_FILE).read_text("utf-8"))
        return Vocabulary(
            line_terms={reason: frozenset(words) for reason, words in raw["line_terms"].items()},
            strong_terms={reason: tuple(words) for reason, words in raw["strong_terms"].items()},
            cta_verbs=frozenset(raw["cta_verbs"]),
            promo_terms={reason: tuple(words) for reason, words in raw["promo_terms"].items()},
            reader_words=frozenset(raw["reader_words"]),
            credit_labels={reason: tuple(words) for reason, words in raw["credit_labels"].items()},
        )
    except (OSError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise NewsprismError(
            f"clean/data/{_VOCABULARY_FILE}: cannot read the boilerplate vocabulary ({error})"
        ) from error


@cache
def strong_patterns() -> dict[str, re.Pattern[str]]:
    """Compiled ``strong_terms`` by reason."""
    return {reason: phrase_pattern(terms) for reason, terms in load_vocabulary().strong_terms.items()}


@cache
def promo_patterns() -> dict[str, re.Pattern[str]]:
    """Compiled ``promo_terms`` by reason."""
    return {reason: phrase_pattern(terms) for reason, terms in load_vocabulary().promo_terms.items()}


@cache
def credit_patterns() -> dict[str, re.Pattern[str]]:
    """A label at the start of a line (``Source:``, ``By``, ``Updated``), capturing the rest, by reason."""
    patterns = {}
    for reason, labels in load_vocabulary().credit_labels.items():
        alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        patterns[reason] = re.compile(
            rf"^\W*?(?:{alternatives})(?:(?<=\W)|(?!\w))(?P<colon>\s*[:|])?\s*(?P<rest>.*)$", re.IGNORECASE
        )
    return patterns
