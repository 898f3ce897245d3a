"""Number conflicts: rules on hand-built figures, and precision/recall on labelled stories (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.compare.numbers import NumberOptions, find_number_conflicts, group_numbers
from newsprism.eval.divergence import load_labels, score_numbers, story_texts
from newsprism.extract.number_records import Approximation, Conflict, Quantity, QuantityKind

STORIES = Path(__file__).resolve().parent.parent / "data" / "stories"


def figure(
    article: str,
    value: float,
    noun: str = "troop",
    approximation: Approximation = "exact",
    hedge: str | None = None,
    kind: QuantityKind = "total",
    event: str | None = None,
    scope_names: list[str] | None = None,
    high: float | None = None,
) -> Quantity:
    text = f"{hedge + ' ' if hedge else ''}{value:,.0f} {noun}s"
    return Quantity(
        article_id=article,
        sentence=0,
        start=0,
        end=len(text),
        text=text,
        phrase=text,
        hedge=hedge,
        low=value,
        high=high if high is not None else value,
        approximation=approximation,
        noun=noun,
        event=event,
        measure=noun,
        scope_names=scope_names or [],
        kind=kind,
    )


def conflicts(*quantities: Quantity) -> list[Conflict]:
    return find_number_conflicts(group_numbers(quantities))


def test_exact_figures_that_differ_conflict() -> None:
    [found] = conflicts(figure("a", 100_000), figure("b", 150_000, noun="soldier"))
    assert found.kind == "number"
    assert found.subject == "soldier"
    assert sorted(v.text for v in found.values) == ["100,000 troops", "150,000 soldiers"]


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        (
            figure("a", 130_000, approximation="approximate", hedge="about"),
            figure("b", 150_000, approximation="approximate", hedge="around"),
            False,
        ),
        (
            figure("a", 120_000, approximation="approximate", hedge="around"),
            figure("b", 150_000, approximation="approximate", hedge="some"),
            True,
        ),
        (figure("a", 100_000, approximation="lower_bound", hedge="more than"), figure("b", 150_000), False),
        (figure("a", 100_000, approximation="lower_bound", hedge="more than"), figure("b", 100_000), True),
        (figure("a", 100_000, approximation="lower_bound", hedge="at least"), figure("b", 100_000), False),
        (figure("a", 100_000, approximation="upper_bound", hedge="up to"), figure("b", 150_000), True),
        (figure("a", 20_000, approximation="approximate", high=99_990), figure("b", 150_000), False),
        (figure("a", 10), figure("b", 40_000), False),
    ],
)
def test_tolerance_and_bounds(first: Quantity, second: Quantity, clash: bool) -> None:
    assert bool(conflicts(first, second)) is clash


def test_totals_and_changes_are_never_compared() -> None:
    totals = [figure("a", 150_000), figure("d", 100_000)]
    groups = group_numbers([*totals, figure("b", 7_000, kind="change"), figure("c", 150_000, kind="change")])
    assert sorted(g.kind for g in groups) == ["change", "total"]
    assert [c.values[0].text for c in find_number_conflicts(groups)] == ["150,000 troops"]  # the totals only


def test_different_measures_and_generic_nouns_are_apart() -> None:
    assert conflicts(figure("a", 100, noun="tank"), figure("b", 300, noun="troop")) == []
    assert conflicts(figure("a", 19, noun="man"), figure("b", 22, noun="other")) == []  # counted, but what of?
    assert conflicts(figure("a", 19, noun="man", event="wound"), figure("b", 22, noun="people", event="injure"))
    # A bare percentage ("40 percent owned", "100 percent danger") is of nothing named.
    assert conflicts(figure("a", 40, noun="percent"), figure("b", 100, noun="percent")) == []
    assert conflicts(figure("a", 40, noun="percent of voter"), figure("b", 60, noun="percent of voter"))


def test_named_scopes_that_differ_are_different_quantities() -> None:
    assert conflicts(figure("a", 10_000, scope_names=["Iraq"]), figure("b", 3_000, scope_names=["Syria"])) == []
    assert conflicts(figure("a", 10_000, scope_names=["Syria"]), figure("b", 3_000, scope_names=["Turkish-Syrian"]))


def test_one_source_against_itself_is_not_a_conflict_by_default() -> None:
    pair = [figure("a", 100_000), figure("a", 150_000), figure("b", 100_000)]
    assert find_number_conflicts(group_numbers(pair)) != []  # b agrees with one figure of a, disagrees with the other
    alone = group_numbers([figure("a", 100_000), figure("a", 150_000), figure("b", 10)])
    assert find_number_conflicts(alone) == []
    assert find_number_conflicts(alone, NumberOptions(across_sources_only=False)) != []


# --- labelled stories: precision and recall of the detector -------------------------------------------------


def story_conflicts(texts: list[tuple[str, str]]) -> list[Conflict]:
    from newsprism.extract.numbers import extract_quantities
    from newsprism.model import Article, content_id
    from newsprism.nlp import load_spacy, parse_articles

    articles = [Article(id=content_id(text) + name, source=name, text=text) for name, text in texts]
    analyzed = parse_articles(articles, load_spacy())
    return find_number_conflicts(group_numbers([q for a in analyzed for q in extract_quantities(a)]))


def test_score_counts_a_conflict_right_when_it_spans_two_sides() -> None:
    [found] = conflicts(figure("a", 100_000), figure("b", 150_000))
    labels = [{"sides": [["100,000 troops"], ["150,000 troops", "some 150,000"]]}, {"sides": [["1"], ["2"]]}]
    assert score_numbers([[v.text for v in found.values]], labels) == {
        "detected": 1,
        "correct": 1,
        "labelled": 2,
        "found": 1,
        "precision": 1.0,
        "recall": 0.5,
        "value_precision": 1.0,
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("story", "floor"), [("russia-pullback", 1.0), ("duc2004-d30034", 0.5), ("duc2004-d30028", 1.0)]
)
def test_labelled_story(story: str, floor: float, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = load_labels(STORIES, story)
    conflicts = story_conflicts(story_texts(labels, STORIES.parent.parent.parent, shared_data))
    result = score_numbers([[v.text for v in c.values] for c in conflicts], labels.conflicts)
    with capsys.disabled():
        print(f"\n{story}: {result}")
    # Pinned floors: a regression of the detector fails here.
    assert result["precision"] >= floor
    assert result["recall"] >= min(floor, 0.5)
