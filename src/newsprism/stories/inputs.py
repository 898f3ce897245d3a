"""From an article to what the story clusterer reads: a title+lead vector and normalised entity names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from newsprism.nlp.models import SentenceEncoder
from newsprism.stories.options import StoryInput

# Sentence ends: . ! or ? (perhaps closed by a quote) then space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+|\n+")
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"\s*['\u2019]s$")
_WORD = re.compile(r"[^\W\d_]{2,}")
# A four-digit year of the last or this century standing alone: not part of a word, a longer number
# or an amount ("1,999", "2010.5", "$2000", "20%").
_YEAR = re.compile(r"(?<![\w$.,])(?:19|20)\d\d(?![\w%]|[.,]\d)")


def lead_text(title: str, text: str, sentences: int = 2, min_words: int = 0) -> str:
    """The title and first ``sentences`` sentences: where a news article says what its story is.

    Sentences of fewer than ``min_words`` words are skipped: datelines, timestamps and bylines
    ("Updated: May 24, 2005, 3: 23 PM ET") say nothing about the story, yet would take a lead's place.
    """
    parts = [part.strip() for part in _SENTENCE_END.split(text.strip()) if part and part.strip()]
    parts = [part for part in parts if len(_WORD.findall(part)) >= min_words] or parts
    return " ".join([title.strip(), *parts[:sentences]]).strip()


def named_years(text: str) -> frozenset[int]:
    """The calendar years (1900-2099) ``text`` names: "in 2008", "Dec. 15, 2008", "the 1999 quake"."""
    return frozenset(int(year) for year in _YEAR.findall(text))


def normalise_entity(name: str) -> str:
    """One spelling per entity name: case-folded, single spaces, no possessive ``'s``, no leading "the"."""
    name = _POSSESSIVE.sub("", _SPACE.sub(" ", name).strip()).casefold()
    return name.removeprefix("the ")


def story_input(
    title: str,
    text: str,
    entities: Iterable[str],
    published: datetime | None,
    encoder: SentenceEncoder,
    article_id: str = "",
    lead_sentences: int = 2,
) -> StoryInput:
    """Build a clusterer input: ``encoder`` embeds the title and first sentences; entity names are normalised.

    The years are those the title and text name: a clue to when the story happened.
    """
    vector = encoder.encode([lead_text(title, text, lead_sentences)])[0]
    return story_input_of_vector(title, text, entities, published, vector, article_id)


def story_input_of_vector(
    title: str,
    text: str,
    entities: Iterable[str],
    published: datetime | None,
    vector: npt.NDArray[np.floating[Any]],
    article_id: str = "",
) -> StoryInput:
    """The clusterer input of an article whose title+lead vector is known (stored at ingest, say)."""
    unit = vector.astype(np.float32)
    unit /= max(float(np.linalg.norm(unit)), 1e-12)
    names = frozenset(filter(None, (normalise_entity(name) for name in entities)))
    return StoryInput(article_id, unit, names, published, named_years(f"{title}\n{text}"))
