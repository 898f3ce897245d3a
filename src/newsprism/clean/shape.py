"""The shape of a line: words, sentence punctuation, quotation, datelines. No vocabulary here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Letters with an inner apostrophe ("don't"); digits alone are not words.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])")
_QUOTES = re.compile(r"[\"“”«»]|(?:^|\s)['‘]|['’](?:\s|$)")
# "WASHINGTON (AP) —", "LONDON, Feb 16 (Reuters) -", "KYIV, Ukraine —", "BAAR, SWITZERLAND": a place in
# capitals, then a dash, or a comma and a region.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:(?:,[^—–\n]{0,40})?(?:\([^)]{1,30}\))?\s*[—–-]+|,\s*[A-Z][\w .'’-]{1,40})\s*$"
)
_ALNUM = re.compile(r"\w")


@dataclass(frozen=True)
class LineShape:
    """What the cleaner knows about one line before it looks at any vocabulary."""

    text: str
    words: tuple[str, ...]
    is_sentence: bool
    is_quoted: bool

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def has_alnum(self) -> bool:
        return _ALNUM.search(self.text) is not None


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text`` (apostrophes normalised to ')."""
    words = _WORD.findall(text.lower())
    if "’" in text:
        return tuple(word.replace("’", "'") for word in words)
    return tuple(words)


def measure(text: str, min_sentence_words: int) -> LineShape:
    """The shape of one line of text."""
    words = words_of(text)
    stripped = text.strip()
    # A trailing colon introduces what follows; a trailing ellipsis marks a teaser ("You may also like...").
    ends_like_sentence = _TERMINAL.search(stripped) is not None and not stripped.endswith((":", "...", "…"))
    return LineShape(
        text=text,
        words=words,
        is_sentence=ends_like_sentence and len(words) >= min_sentence_words,
        is_quoted=_QUOTES.search(stripped) is not None,
    )


def split_sentences(text: str) -> list[str]:
    """Rough sentence split on terminal punctuation followed by a capital; enough to judge a line."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def looks_like_dateline(text: str) -> bool:
    """A one-line dateline such as ``WASHINGTON (AP) —``: content, never boilerplate."""
    return _DATELINE.match(text.strip()) is not None


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: how lines are compared with each other."""
    return " ".join(words_of(text))


@cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words (importable without loading a model)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(word.replace("’", "'") for word in STOP_WORDS)
