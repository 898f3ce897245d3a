from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from newsprism.nlp import HashingEncoder
from newsprism.stories import (
    StoryClusterer,
    StoryInput,
    StoryOptions,
    lead_text,
    named_years,
    normalise_entity,
    story_input,
)


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def item(
    article_id: str, vector: np.ndarray, entities: set[str], day: int | None = None, years: set[int] | None = None
) -> StoryInput:
    published = datetime(2024, 3, day, tzinfo=UTC) if day else None
    return StoryInput(article_id, vector, frozenset(entities), published, frozenset(years or ()))


QUAKE_A = {"chile", "valparaiso", "6.1"}
QUAKE_B = {"japan", "sendai", "7.2"}


@pytest.mark.parametrize("index", ["exact", "hnswlib", "usearch"])
def test_same_kind_different_events_are_told_apart_by_entities(index: str) -> None:
    clusterer = StoryClusterer(StoryOptions(index=index))
    quake = unit(1, 0.1, 0)
    first = clusterer.assign(item("a1", quake, QUAKE_A))
    second = clusterer.assign(item("b1", quake, QUAKE_B))
    third = clusterer.assign(item("a2", unit(1, 0.2, 0), QUAKE_A | {"navy"}))
    assert (first.new_story, second.new_story, third.new_story) == (True, True, False)
    assert third.story_id == first.story_id != second.story_id
    assert sorted(clusterer.stories().values()) == [["a1", "a2"], ["b1"]]


def test_an_article_of_few_names_is_placed_more_by_its_wording() -> None:
    # One name the story lacks says little: the same lead still joins; three such names start a story.
    quake = unit(1, 0.1, 0)
    few, many = StoryClusterer(), StoryClusterer()
    for clusterer in (few, many):
        clusterer.assign(item("a1", quake, QUAKE_A))
        clusterer.assign(item("a2", quake, QUAKE_A))
    assert not few.assign(item("short", quake, {"pacific"})).new_story
    assert many.assign(item("other", quake, QUAKE_B)).new_story
    full_weight = StoryClusterer(StoryOptions(full_entities=1))
    full_weight.assign(item("a1", quake, QUAKE_A))
    assert full_weight.assign(item("short", quake, {"pacific"})).new_story


def test_unrelated_article_starts_a_new_story() -> None:
    clusterer = StoryClusterer()
    clusterer.assign(item("a1", unit(1, 0, 0), QUAKE_A))
    assert clusterer.assign(item("x", unit(0, 1, 0), {"parliament"})).new_story


def test_dormant_story_takes_no_articles_but_unknown_dates_are_neutral() -> None:
    clusterer = StoryClusterer(StoryOptions(window=timedelta(days=2)))
    clusterer.assign(item("a1", unit(1, 0, 0), QUAKE_A, day=1))
    assert clusterer.assign(item("late", unit(1, 0, 0), QUAKE_A, day=10)).new_story
    undated = clusterer.assign(item("undated", unit(1, 0, 0), QUAKE_A))
    assert not undated.new_story


def test_stories_merge_when_they_converge() -> None:
    # Two stories with the same entities start apart (orthogonal vectors); an article between them
    # joins the older, whose centroid then leans towards the other enough to merge.
    options = StoryOptions(threshold=0.8, merge_threshold=0.6, entity_weight=0.5)
    clusterer = StoryClusterer(options)
    left = clusterer.assign(item("l1", unit(1, 0, 0), {"a", "b", "c"}))
    right = clusterer.assign(item("r1", unit(0, 1, 0), {"a", "b", "c"}))
    assert right.new_story
    assert left.story_id != right.story_id
    assert not right.merged_into
    bridge = clusterer.assign(item("bridge", unit(1, 1, 0), {"a", "b", "c"}))
    assert bridge.merged_into == {right.story_id: left.story_id}
    assert (bridge.story_id, bridge.new_story) == (left.story_id, False)
    assert clusterer.stories() == {left.story_id: ["l1", "bridge", "r1"]}


def test_assignment_is_deterministic_and_rebuilt_from_assignments() -> None:
    encoder = HashingEncoder()
    texts = [
        ("Quake hits Chile", "A strong earthquake struck Valparaiso on Monday.", {"Chile", "Valparaiso"}),
        ("Chile quake toll rises", "Rescuers in Valparaiso searched the rubble.", {"Chile", "Valparaiso"}),
        ("Japan quake", "An earthquake shook Sendai, Japan's north-east.", {"Japan", "Sendai"}),
        ("Budget passes", "Parliament passed the budget after a long night.", {"Parliament"}),
        ("Sendai aftershocks", "Aftershocks rattled Sendai in Japan.", {"Japan", "Sendai"}),
    ]
    inputs = [
        story_input(t, body, names, None, encoder, article_id=f"n{i}") for i, (t, body, names) in enumerate(texts)
    ]

    def run() -> tuple[StoryClusterer, list[int]]:
        clusterer = StoryClusterer()
        return clusterer, [clusterer.assign(one).story_id for one in inputs]

    clusterer, story_ids = run()
    assert run()[1] == story_ids
    assert story_ids[0] == story_ids[1] != story_ids[2] == story_ids[4]
    rebuilt = StoryClusterer.from_assignments(list(zip(inputs, story_ids, strict=True)), clusterer.options)
    assert rebuilt.stories() == clusterer.stories()
    extra = story_input("Chile rebuilds", "Valparaiso begins to rebuild.", {"Valparaiso", "Chile"}, None, encoder, "n9")
    assert rebuilt.assign(extra) == clusterer.assign(extra)


def test_naive_and_aware_dates_can_meet() -> None:
    clusterer = StoryClusterer()
    clusterer.assign(StoryInput("a", unit(1, 0), frozenset({"x"}), datetime(2024, 1, 1)))
    assert not clusterer.assign(
        StoryInput("b", unit(1, 0), frozenset({"x"}), datetime(2024, 1, 1, tzinfo=UTC))
    ).new_story


def test_story_input_is_unit_length_with_normalised_entities() -> None:
    made = story_input("Title", "First. Second! Third?", ["The Red Sox", "Obama's", "  "], None, HashingEncoder())
    assert made.entities == frozenset({"red sox", "obama"})
    assert np.isclose(np.linalg.norm(made.vector), 1.0)


def test_lead_text_skips_datelines_shorter_than_min_words() -> None:
    text = "May 24, 2005\nUpdated: 3: 23 PM ET\nCheeks is named coach of the Sixers.\nHe starts today."
    assert lead_text("", text, 1, min_words=4) == "Cheeks is named coach of the Sixers."
    assert lead_text("", "Short.\nTiny.", 1, min_words=4) == "Short."


@pytest.mark.parametrize(
    ("title", "text", "sentences", "lead"),
    [
        ("Quake", "One. Two. Three.", 2, "Quake One. Two."),
        ("", "Headline\nBody one. Body two.", 2, "Headline Body one."),
        ("T", "", 2, "T"),
    ],
)
def test_lead_text_takes_title_and_first_sentences(title: str, text: str, sentences: int, lead: str) -> None:
    assert lead_text(title, text, sentences) == lead


@pytest.mark.parametrize(("name", "normal"), [("The  White House", "white house"), ("Reid 's", "reid")])
def test_normalise_entity(name: str, normal: str) -> None:
    assert normalise_entity(name) == normal


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="entity_weight"):
        StoryOptions(entity_weight=1.5)
    with pytest.raises(ValueError, match="year_weight"):
        StoryOptions(year_weight=-0.1)


# Two piracy raids of one kind, in one sea, told alike: the years they name tell them apart.
RAID = {"gulf of aden", "indian navy", "somali"}


@pytest.mark.parametrize(("years", "joins"), [({2008}, True), ({2011}, False), (set(), True)])
def test_named_years_move_the_score_only_when_both_sides_name_some(years: set[int], joins: bool) -> None:
    # Without years the newcomer's score sits just above the threshold; a shared year lifts it, another
    # year sinks it below.
    options = StoryOptions(threshold=0.9, entity_weight=0.5, year_weight=0.05)
    clusterer = StoryClusterer(options)
    clusterer.assign(item("a1", unit(1, 0, 0), RAID, years={2008}))
    newcomer = clusterer.assign(item("b1", unit(1, 0.5, 0), RAID, years=years))
    assert newcomer.new_story is not joins


def test_year_agreement_is_the_cosine_of_year_shares() -> None:
    clusterer = StoryClusterer(StoryOptions(year_weight=0.1))
    assert clusterer._year_term(Counter({2008: 3}), Counter({2008: 1})) == pytest.approx(0.1)
    assert clusterer._year_term(Counter({2008: 1}), Counter({2011: 2})) == pytest.approx(-0.1)
    assert clusterer._year_term(Counter({2008: 1, 2011: 1}), Counter({2011: 1})) == pytest.approx(
        0.1 * (2 / np.sqrt(2) - 1)
    )
    assert clusterer._year_term(Counter(), Counter({2011: 1})) == 0.0
    assert StoryClusterer(StoryOptions(year_weight=0.0))._year_term(Counter({1: 1}), Counter({2: 1})) == 0.0


def test_an_article_left_alone_joins_a_story_that_grew_towards_it() -> None:
    # "late" arrives before the story has its entities and starts one of its own; once the story names
    # them too, the lone article rejoins at the join threshold, though two stories of several articles
    # would need the higher merge threshold.
    options = StoryOptions(threshold=0.6, merge_threshold=0.9, entity_weight=0.5)
    clusterer = StoryClusterer(options)
    first = clusterer.assign(item("a1", unit(1, 0, 0), {"a", "b"}))
    clusterer.assign(item("x", unit(0, 0, 1), {"q"}))
    late = clusterer.assign(item("late", unit(1, 0.6, 0), {"c", "d"}))
    assert late.new_story
    grown = clusterer.assign(item("a2", unit(1, 0, 0), {"a", "b", "c", "d"}))
    assert (grown.story_id, grown.merged_into) == (first.story_id, {late.story_id: first.story_id})
    assert clusterer.stories()[first.story_id] == ["a1", "a2", "late"]


def test_two_grown_stories_need_the_merge_threshold() -> None:
    options = StoryOptions(threshold=0.6, merge_threshold=0.9, entity_weight=0.5)
    clusterer = StoryClusterer(options)
    clusterer.assign(item("a1", unit(1, 0, 0), {"a", "b"}))
    clusterer.assign(item("a2", unit(1, 0.1, 0), {"a", "b"}))
    clusterer.assign(item("c1", unit(1, 0.6, 0), {"c", "d"}))
    clusterer.assign(item("c2", unit(1, 0.7, 0), {"c", "d"}))
    grown = clusterer.assign(item("a3", unit(1, 0.3, 0), {"a", "b", "c", "d"}))
    assert not grown.merged_into
    assert sorted(map(len, clusterer.stories().values())) == [2, 3]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The quake of Dec. 15, 2008 (the worst since 1999-2000)", {1999, 2000, 2008}),
        ("1,999 people paid $2000 for 2010.5 units; 20% of 12000", set()),
        ("In 2012.", {2012}),
    ],
)
def test_named_years(text: str, years: set[int]) -> None:
    assert named_years(text) == years


def test_story_input_takes_the_years_of_title_and_text() -> None:
    made = story_input("Quake of 2008", "Rescuers searched, as in 1999.", ["Chile"], None, HashingEncoder())
    assert made.years == {1999, 2008}
