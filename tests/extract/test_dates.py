"""Dates: resolution against a base date (pure), and DATE entities of a real parse (slow)."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsprism.extract.dates import extract_dates, resolve_date
from newsprism.model import Article, content_id

WEDNESDAY = datetime(2022, 2, 16)


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("February 15", WEDNESDAY, ("2022-02-15", "absolute")),
        ("15 Feb 2022", None, ("2022-02-15", "absolute")),
        ("2014", None, ("2014", "absolute")),
        ("February 2022", None, ("2022-02", "absolute")),
        ("February 20", WEDNESDAY, ("2022-02-20", "absolute")),  # ahead of the base, not a year back
        ("February 20", None, (None, "unresolved")),
        ("Tuesday", WEDNESDAY, ("2022-02-15", "weekday")),
        ("Wednesday", WEDNESDAY, ("2022-02-16", "weekday")),
        ("Tuesday", None, (None, "unresolved")),
        ("yesterday", WEDNESDAY, ("2022-02-15", "relative")),
        ("the day before", WEDNESDAY, ("2022-02-15", "relative")),
        ("next month", WEDNESDAY, ("2022-03", "relative")),
        ("last week", None, (None, "unresolved")),
        ("decades", WEDNESDAY, None),
    ],
)
def test_resolve_date(text: str, base: datetime | None, expected: tuple[str | None, str] | None) -> None:
    assert resolve_date(text, base) == expected


@pytest.mark.slow
def test_dates_cite_their_sentence_and_use_the_publication_date() -> None:
    from newsprism.nlp import load_spacy, parse_articles

    text = "Troops left on Tuesday. The pact dates from 2015. The talks lasted two days."
    article = Article(id=content_id(text), source="s", text=text, published=WEDNESDAY)
    [analyzed] = parse_articles([article], load_spacy())
    found = [(m.date, m.how, m.citation.text) for m in extract_dates(analyzed)]
    assert found == [
        ("2022-02-15", "weekday", "Troops left on Tuesday."),
        ("2015", "absolute", "The pact dates from 2015."),
    ]
