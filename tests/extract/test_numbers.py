"""Quantities: numeral values (pure) and golden with/without cases over the real parse (slow)."""

from __future__ import annotations

import pytest

from newsprism.extract.number_records import Quantity
from newsprism.extract.numbers import extract_quantities, numeral_value
from newsprism.model import Article, content_id


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("150,000", (150_000.0, 150_000.0)),
        ("2.5 billion", (2.5e9, 2.5e9)),
        ("seven", (7.0, 7.0)),
        ("twenty-five", (25.0, 25.0)),
        ("two hundred thousand", (200_000.0, 200_000.0)),
        ("a", None),
        ("tens of thousands", (20_000.0, 99_990.0)),
        ("dozens", (24.0, 99.0)),
    ],
)
def test_numeral_value(numeral: str, value: tuple[float, float] | None) -> None:
    assert numeral_value(numeral) == value


def quantities_of(text: str) -> list[Quantity]:
    from newsprism.nlp import load_spacy, parse_articles

    article = Article(id=content_id(text), source="s", text=text)
    [analyzed] = parse_articles([article], load_spacy())
    found = extract_quantities(analyzed)
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "phrase", "low", "approximation", "measure", "kind"),
    [
        (
            "Moscow's deployment of some 150,000 troops has raised concerns.",
            "some 150,000 troops",
            150_000,
            "approximate",
            "troop",
            "total",
        ),
        (
            "7,000 more soldiers are said to have been transferred to the border.",
            "7,000 more soldiers",
            7_000,
            "exact",
            "soldier transfer",
            "change",
        ),
        (
            "According to UN estimates, more than 14,000 people have already been killed.",
            "more than 14,000 people",
            14_000,
            "lower_bound",
            "people kill",
            "total",
        ),
        ("The fund pledged $2.5 billion to the region.", "$2.5 billion", 2.5e9, "exact", "USD", "total"),
        ("Turnout fell to 30% of voters in the north.", "30%", 30, "exact", "percent of voter", "total"),
        ("Police said seven protesters were arrested.", "seven protesters", 7, "exact", "protester arrest", "total"),
        (
            "Up to 3,000 people were evacuated from the valley.",
            "Up to 3,000 people",
            3_000,
            "upper_bound",
            "people evacuate",
            "total",
        ),
    ],
)
def test_golden_with(text: str, phrase: str, low: float, approximation: str, measure: str, kind: str) -> None:
    [found] = [q for q in quantities_of(text) if q.phrase == phrase or q.text == phrase]
    assert (found.low, found.approximation, found.measure, found.kind) == (low, approximation, measure, kind)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Crimea, which Russia annexed in 2014, was the subject of a 2014 annexation.",
        "The talks resumed on February 15 at 10:30 and ended on the second day.",
        "Call 555-1234 for details about the Boeing 747.",
    ],
)
def test_golden_without(text: str) -> None:
    assert quantities_of(text) == []


@pytest.mark.slow
def test_range_subject_and_scope() -> None:
    [found] = quantities_of("Between 10,000-15,000 Russian troops remain in Belarus.")
    assert (found.low, found.high, found.subject) == (10_000, 15_000, "Russian")
    assert found.scope == ["in Belarus"]
    assert found.scope_names == ["Belarus"]


@pytest.mark.slow
def test_a_participle_clause_takes_the_place_and_time_of_its_main_clause() -> None:
    text = "On Aug. 20 the United States fired missiles at camps in eastern Afghanistan, killing 26 people."
    [found] = quantities_of(text)
    assert found.low == 26
    assert "Aug. 20" in found.scope_names


def test_without_a_parse_figures_are_found_but_no_tree_is_walked(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from newsprism.nlp import parse_articles

    text = "Hundreds of people gathered in the square on Monday. Police said 40 officers were there."
    [analyzed] = parse_articles([Article(id=content_id(text), source="s", text=text)], blank_nlp)
    found = extract_quantities(analyzed)
    assert [q.text for q in found] == ["40"]  # a vague word without its counted noun is not kept
    assert all(q.measure is None and not q.scope for q in found)
