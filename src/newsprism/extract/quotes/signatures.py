"""Signed quotations: '“He represents our greatest shame.” ― Sonya Herridge'.

Pull quotes, readers' and voters' testimonials, epigraphs and collected reactions name who said them the
way a letter is signed: the quotation on a line of its own, then a dash and the name, and nothing else on
that line but what describes the person ('― Maria Lopez, 34, a nurse in Phoenix', '— Ana (@ana)'). No
verb says it, so the parse finds no cue; the dash is the cue, as annotators of attribution mark it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.found import Found, Range
from newsprism.extract.quotes.labels import has_a_word
from newsprism.extract.quotes.marks import QuotedSpan
from newsprism.nlp.analyze import doc_text

# A horizontal bar, an em dash or an en dash (one or two), between the closing mark and the name. A hyphen
# is left out: '"..." - and then' joins clauses far more often than it signs anything. Spaces of any kind
# around it (web copy has no-break ones), on the quotation's line.
_SIGNATURE_DASH = re.compile(r"[^\S\n]*([―—–]{1,2})[^\S\n]*")
_MAX_NAME_TOKENS = 5
# What may follow the name on its line: a description set off by a comma, a handle or affiliation in
# brackets. Anything else ('— Trump said.', '— and then ...') is a sentence going on, not a signature.
_AFTER_NAME = (",", "(")
# Small words inside a name ('Juan de la Cruz', 'Ludwig van Beethoven'), never its first or last word.
_PARTICLES = frozenset({"de", "del", "della", "da", "di", "la", "le", "van", "von", "der", "den", "bin", "ibn", "al"})


def signed_quotations(doc: Doc, quotes: Sequence[QuotedSpan]) -> list[Found]:
    """The quotations of ``doc`` (in its coordinates) signed by a dash and a name: one attribution each."""
    text = doc_text(doc)
    found: list[Found] = []
    for quote in quotes:
        if not 0 < quote.end < len(text) or not _opens_its_line(text, quote.pieces[-1][0]):
            continue
        dash = _SIGNATURE_DASH.match(text, quote.end)
        name = _signing_name(doc, dash.end()) if dash is not None else None
        if dash is None or name is None:
            continue
        cue: Range = dash.span(1)
        found.append(Found(cue=cue, source=(name.start_char, name.end_char), content=list(quote.pieces), quoted=True))
    return found


def _opens_its_line(text: str, start: int) -> bool:
    """Whether only white space stands between the line's start and ``start`` (a signed quotation stands alone)."""
    line_start = text.rfind("\n", 0, max(start, 0)) + 1
    return not text[line_start : max(start, 0)].strip()


def _signing_name(doc: Doc, start: int) -> Span | None:
    """The name that starts at character ``start`` and fills its line, save a description after a comma or
    a bracket: a few capitalised words or proper nouns ('Sonya Herridge', 'J. R. Smith', 'AFP')."""
    text = doc_text(doc)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    line = doc.char_span(start, line_end, alignment_mode="expand")
    if line is None or not len(line) or line.start_char != start:
        return None
    words: list[Token] = []
    for token in line:
        if token.text in _AFTER_NAME or token.is_space:
            break
        # A particle, or the hyphen of a double name the tokenizer split off ('O'Brien-McDonald').
        glued_hyphen = token.text == "-" and bool(words) and not words[-1].whitespace_
        inside = bool(words) and (token.lower_ in _PARTICLES or glued_hyphen)
        if not (inside or _name_word(token)) or len(words) == _MAX_NAME_TOKENS:
            return None
        words.append(token)
    # The name's last word may carry a sentence's full stop ('― Carla Sanchez.'); the stop is no part of it.
    while words and words[-1].is_punct:
        words.pop()
    if not words or words[-1].lower_ in _PARTICLES:
        return None
    name = doc[words[0].i : words[-1].i + 1]
    return name if has_a_word(name) else None  # 'I' signs nothing


def _name_word(token: Token) -> bool:
    """A word a name is written with: one that opens with a capital and holds only letters, apostrophes,
    hyphens and full stops ('Herridge', 'AFP', 'McDonald', "O'Brien", 'Resnick-Day', 'J.'), or a full stop."""
    word = token.text
    return word == "." or (word[:1].isupper() and all(c.isalpha() or c in "'’-." for c in word))
