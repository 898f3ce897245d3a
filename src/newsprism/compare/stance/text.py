"""Text pieces the stance features read: sentences, words, content words and n-grams, by rule not by parse.

A parse would be more exact, but spaCy reads only a few thousand tokens a second on the machines we
run on, and the stance signals need words and their order, not syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# A sentence ends at . ! ? (and closing quotes) followed by space and a capital, digit or quote; or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\s*\n+\s*")
_MIN_SENTENCE_CHARS = 20


def split_sentences(text: str) -> list[str]:
    """Sentences of a body text; fragments too short to carry a claim are joined to the next one."""
    sentences: list[str] = []
    carry = ""
    for piece in _SENTENCE_END.split(text):
        piece = (carry + " " + piece).strip() if carry else piece.strip()
        if not piece:
            continue
        if len(piece) < _MIN_SENTENCE_CHARS:
            carry = piece
            continue
        sentences.append(piece)
        carry = ""
    if carry:
        sentences.append(carry)
    return sentences


def words(text: str) -> list[str]:
    """Lower-cased word tokens in order; curly apostrophes become straight ones so "don’t" == "don't"."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def is_content_word(word: str) -> bool:
    """A word that names something: not a stop word, not a single character."""
    return len(word) > 1 and word not in STOP_WORDS and "'" not in word


def content_words(tokens: Sequence[str]) -> list[str]:
    """The content words of a token list, in order."""
    return [w for w in tokens if is_content_word(w)]


def ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    """The set of n-grams of a token list."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}
