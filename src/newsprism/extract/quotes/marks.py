"""Quotation marks: the quoted spans of a text, robust to unbalanced marks and other scripts.

A quote never crosses a paragraph break unless the next paragraph opens with a quotation mark,
the convention for a quote that runs on; an unclosed quote is dropped rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Each opening mark with the marks that may close it („ closes with “ in German, ” in Polish).
_CLOSERS: dict[str, str] = {'"': '"', "“": "”", "«": "»", "„": "“”", "‹": "›", "「": "」", "»": "«"}
# Web copy mixes straight and curly double marks ('“I disagree," he said'), so the other kind closes a
# quote too, unless it opened a quotation inside it ('“Outer "inner" words”').
_STAND_INS: dict[str, str] = {'"': "”", "“": '"'}
_OPENERS = frozenset(_CLOSERS)
_CLOSING_PUNCTUATION = (",", ".", "?", "!")
# What an opening mark may stand right after without a space.
_GLUED_OPENERS = frozenset("([{—–-/\"“‘'«„")


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation, marks included: one (start, end) piece per paragraph it runs over."""

    pieces: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def quoted_pieces(quotes: Sequence[QuotedSpan]) -> list[tuple[int, int]]:
    """Every (start, end) piece of ``quotes``, one per paragraph each runs over."""
    return [piece for quote in quotes for piece in quote.pieces]


def _opens_here(text: str, position: int) -> bool:
    """A straight double quote opens when nothing but space or an opening bracket comes before it."""
    return position == 0 or text[position - 1].isspace() or text[position - 1] in "([{—–-/"


def _curly_closes(text: str, start: int, position: int, end: int) -> bool:
    """Whether the “ at ``position`` closes the quotation a “ opened at ``start``, not nesting a quotation in
    it (the paragraph ends at ``end``)."""
    if _misturned_closer(text, position):
        return True
    return not _nests(text, position, end) and _closes_the_wrong_way(text, start, position, end)


def _misturned_closer(text: str, position: int) -> bool:
    """An opening curly mark that closes a quote ('“It's unusual,“ said Noble', 'an “expedited review“ of'):
    glued to the word or punctuation before it and followed by a space, punctuation or the end, where no
    quotation opens (an opening mark stands after a space or a bracket, before a word)."""
    if text[position - 1].isspace() or text[position - 1] in _GLUED_OPENERS:
        return False
    return position + 1 == len(text) or text[position + 1].isspace() or text[position + 1] in ",.;:?!)]"


def _nests(text: str, position: int, end: int) -> bool:
    """Whether the “ at ``position``, inside a quotation that “ opened, opens a quotation nested in it
    ('“He called it “madness” today”'), not a new one after a quotation that was never closed ('tweeted:
    “Let’s go. ... her film, “Trainwreck.”'): enough ” follow in the paragraph to close both."""
    rest = text[position + 1 : end]
    return rest.count("”") >= rest.count("“") + 2


def _closes_the_wrong_way(text: str, start: int, position: int, end: int) -> bool:
    """Whether the “ at ``position``, inside a quotation opened at ``start`` that no ” will close, is its
    closing mark typed the wrong way round with the space on its wrong side: it follows the quotation's
    closing punctuation ('... military rise, “Stoltenberg said, adding that ...'), and what follows it does
    not read as a quotation of its own, closed after its own punctuation ('... her film, “Trainwreck.”')."""
    if not text[start:position].rstrip().endswith(_CLOSING_PUNCTUATION):
        return False
    closing, opening = text.find("”", position + 1, end), text.find("“", position + 1, end)
    if closing < 0 or 0 <= opening < closing:
        return True
    return not text[position + 1 : closing].rstrip().endswith(_CLOSING_PUNCTUATION)


def _opening_mark(text: str, position: int) -> bool:
    return text[position] in _OPENERS or text.startswith(("``", "''"), position)


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """Every top-level quotation of ``text``; ``paragraphs`` are (start, end) spans, the whole text if None."""
    spans = list(paragraphs) if paragraphs is not None else [(0, len(text))]
    found: list[QuotedSpan] = []
    pending: list[tuple[int, int]] = []  # pieces of a quote running on from earlier paragraphs
    for number, (para_start, para_end) in enumerate(spans):
        opener: str | None = None
        start = para_start
        if pending:
            # The run-on quote continues only if this paragraph opens with a mark.
            if para_start < para_end and _opening_mark(text, para_start):
                opener, start = text[para_start], para_start
            else:
                pending = []
        position = start + 1 if opener else para_start
        if opener is not None and text.startswith(("``", "''"), start):
            opener, position = '"', start + 2  # a two-character mark stands for a double quotation mark
        inner = False  # inside a straight-quoted quotation within a curly one
        nested = 0  # curly quotations open inside the curly one that opened first
        while position < para_end:
            char = text[position]
            if char == "`" and text.startswith("``", position):
                # Wire copy of the 1990s (and text tokenized the Penn Treebank way) opens a quotation
                # with two backquotes and closes it with two apostrophes: ``Like this,'' she said. Two
                # backquotes only ever open, so inside a quotation they say it was never closed: it is
                # dropped, and the new one starts here.
                if opener is None or text.startswith("``", start):
                    opener, start, pending = '"', position, []
                position += 2
                continue
            if char == "'" and text.startswith("''", position):
                # Two apostrophes stand for a double quotation mark in some wire copy.
                char = '"'
                if opener is None and not _opens_here(text, position):
                    position += 2
                    continue
                if opener is None:
                    opener, start = char, position
                elif opener == '"':
                    found.append(QuotedSpan((*pending, (start, position + 2))))
                    pending, opener = [], None
                position += 2
                continue
            if opener is None:
                if char in _OPENERS and (char != '"' or _opens_here(text, position)):
                    opener, start = char, position
            elif char == '"' and opener == "“" and (inner or _opens_here(text, position)):
                inner = not inner
            elif char == "“" and opener == "“" and not _curly_closes(text, start, position, para_end):
                if _nests(text, position, para_end):
                    nested += 1
                else:  # the quotation open here was never closed: it is dropped, and a new one starts
                    start, pending, inner, nested = position, [], False, 0
            elif char == "”" and nested:
                nested -= 1
            # A “ inside a “ quotation gets here only where _curly_closes found it closes the quotation.
            elif char in _CLOSERS[opener] or char in _STAND_INS.get(opener, "") or char == opener == "“":
                found.append(QuotedSpan((*pending, (start, position + 1))))
                pending, opener, inner, nested = [], None, False, 0
            position += 1
        if opener is not None:
            following = spans[number + 1][0] if number + 1 < len(spans) else None
            if following is not None and following < len(text) and _opening_mark(text, following):
                pending = [*pending, (start, para_end)]
            else:
                pending = []
    return found
