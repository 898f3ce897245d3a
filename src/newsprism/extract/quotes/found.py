"""What the rules find before it becomes a ``Quote``: character ranges into one spaCy ``Doc``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprism.nlp.analyze import doc_text

Range = tuple[int, int]
_QUOTE_MARKS = frozenset("\"'“”«»„‘’‹›「」")


@dataclass
class Found:
    """One attribution in doc coordinates; ``quoted`` is set when the content was snapped to quotation marks.

    ``nests`` is set on a report that stands even inside another report's content ('made no mention of Jeb
    Bush, who announced he is suspending his campaign'): see ``indirect.stands_inside_another_report``.
    """

    cue: Range
    source: Range | None
    content: list[Range]
    quoted: bool = False
    partial: bool = False
    nests: bool = False


def token_range(doc: Doc, first: int, last: int, keep_quotes: bool = True) -> Range | None:
    """Characters of tokens ``first..last`` (inclusive) without punctuation at either edge; None if nothing is left."""
    while first <= last and _is_edge_punct(doc[first], keep_quotes):
        first += 1
    while last >= first and _is_edge_punct(doc[last], keep_quotes):
        last -= 1
    if first > last:
        return None
    final = doc[last]
    return doc[first].idx, final.idx + len(final)


def range_span(doc: Doc, piece: Range) -> Span | None:
    """The tokens ``piece`` touches (widened to whole tokens); None when it touches none."""
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    return span if span is not None and len(span) else None


def subtree_range(token: Token, keep_quotes: bool = True) -> Range | None:
    """Characters of a token's subtree, edge punctuation trimmed."""
    return token_range(token.doc, token.left_edge.i, token.right_edge.i, keep_quotes)


def _is_edge_punct(token: Token, keep_quotes: bool) -> bool:
    if token.is_space:
        return True
    if not token.is_punct:
        return False
    return not (keep_quotes and token.text in _QUOTE_MARKS)


def overlaps(first: Range, second: Range) -> bool:
    """Two half-open ranges share at least one character."""
    return first[0] < second[1] and second[0] < first[1]


def within(piece: Range, pieces: Sequence[Range]) -> bool:
    """``piece`` lies wholly inside one of ``pieces``."""
    return any(start <= piece[0] and piece[1] <= end for start, end in pieces)


def minus(outer: Range, inner: Range) -> list[Range]:
    """The parts of ``outer`` outside ``inner``."""
    parts = [(outer[0], min(outer[1], inner[0])), (max(outer[0], inner[1]), outer[1])]
    return [part for part in parts if part[1] > part[0]]


def has_words(text: str, piece: Range) -> bool:
    """Whether ``piece`` of ``text`` holds a letter or digit."""
    return any(character.isalnum() for character in text[piece[0] : piece[1]])


def trim_cut(text: str, piece: Range) -> Range:
    """``piece`` without the commas, dashes and spaces a cut leaves at its edges."""
    start, end = piece
    while start < end and text[start] in " ,;:—–-\n":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-\n":
        end -= 1
    return start, end


def rest_of(doc: Doc, whole: Range, cut: Range) -> list[Range]:
    """The pieces of ``whole`` outside ``cut`` that hold words, trimmed: what a clause says without its cue."""
    text = doc_text(doc)
    return [trim_cut(text, part) for part in minus(whole, cut) if has_words(text, part)]
