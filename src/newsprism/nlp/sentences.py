"""Sentences: which one holds an offset, and whether one reads on its own."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from newsprism.model import Citation, ParsedArticle, Sentence


def sentence_at(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the one starting last at or before it; 0 if none)."""
    starts = [sentence.start for sentence in sentences]
    position = bisect.bisect_right(starts, offset) - 1
    return sentences[max(position, 0)].index if sentences else 0


# Personal and demonstrative pronouns are a closed class: a sentence that opens with one leans on the
# sentence before it ("He said the move..."), so out of context the reader cannot tell who or what.
_LEADING_PRONOUNS = frozenset("he she it they we i you his her its their our this these those that there such".split())
# A sentence ends with one of these (possibly inside a closing quote); a headline or subheading doesn't.
_TERMINAL = (".", "!", "?", '."', ".”", ".’", '!"', "!”", ".'", ".)", '?"', "?”")


def stands_alone(text: str) -> bool:
    """Whether a sentence makes sense without its neighbours: a whole sentence, not a headline,
    not opening with a pronoun, not half of a quote."""
    if not text.rstrip().endswith(_TERMINAL):
        return False
    words = text.split()
    # Inside an opening quote a pronoun is the speaker's own ("We see..."), attributed in the sentence.
    first = words[0].lstrip("(").lower().rstrip(",") if words else ""
    if first in _LEADING_PRONOUNS:
        return False
    if text.count('"') % 2 or text.count("«") != text.count("»"):
        return False
    # German-style quotes open with „ and close with “; English ones open with “ and close with ”.
    if "„" in text:
        return text.count("„") == text.count("“") + text.count("”")
    return text.count("“") == text.count("”")


def cite_sentence(sentence: Sentence, number_of: Mapping[str, int]) -> Citation:
    """A whole sentence as a citation of its source (``number_of`` maps article ids to source numbers)."""
    return Citation(
        source=number_of[sentence.article_id],
        article_id=sentence.article_id,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
    )


def cite_span(document: ParsedArticle, start: int, end: int, number_of: Mapping[str, int]) -> Citation:
    """A span of an article as a citation, pointing at the sentence it starts in."""
    return Citation(
        source=number_of[document.article.id],
        article_id=document.article.id,
        sentence=sentence_at(document.sentences, start),
        start=start,
        end=end,
    )
