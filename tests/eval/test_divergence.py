"""Scoring of the cross-source sections against hand labels, and the label files themselves."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.eval.divergence import (
    actor_key,
    labelled_stories,
    load_labels,
    pooled,
    same_text,
    score_disputes,
    score_numbers,
    score_roles,
    story_texts,
)

STORIES = Path(__file__).resolve().parent.parent / "data" / "stories"
ROOT = STORIES.parent.parent.parent


def test_same_text_ignores_case_and_spacing_and_accepts_either_inside_the_other() -> None:
    assert same_text("some 150,000\n troops", "150,000 troops")
    assert same_text("German Chancellor", "german chancellor Olaf Scholz")
    assert not same_text("", "troops")
    assert not same_text("120,000 troops", "150,000 troops")


def test_numbers_a_conflict_on_one_side_only_is_wrong() -> None:
    labels = [{"sides": [["150,000 troops"], ["120,000 troops"]]}]
    result = score_numbers([["150,000 troops", "130,000 troops"], ["150,000 troops", "120,000 troops"]], labels)
    assert (result["detected"], result["correct"], result["found"]) == (2, 1, 1)
    assert result["precision"] == 0.5
    assert result["recall"] == 1.0


def test_roles_need_the_person_and_two_sides() -> None:
    labels = [{"person": "Olaf Scholz", "sides": [["EU Commissioner"], ["German Chancellor"]]}]
    right = ("Scholz", ["German Chancellor", "European Union Commissioner ... EU Commissioner"])
    other_person = ("Jens Stoltenberg", ["German Chancellor", "EU Commissioner"])
    one_side = ("Olaf Scholz", ["German Chancellor", "Chancellor"])
    result = score_roles([right, other_person, one_side], labels)
    assert (result["detected"], result["correct"], result["labelled"], result["found"]) == (3, 1, 1, 1)
    assert score_roles([], []) == {
        "detected": 0,
        "correct": 0,
        "labelled": 0,
        "found": 0,
        "precision": 1.0,
        "recall": 1.0,
    }


def test_disputes_use_aliases_and_ignore_optional_pairs() -> None:
    labels = [{"between": ["indonesia", "portugal"]}, {"between": ["taiwan", "dpp"]}]
    optional = [{"between": ["hrw", "belo"]}]
    aliases = {"portugal": ["lisbon"], "belo": ["carlos belo"], "hrw": ["human rights watch"]}
    found = {
        frozenset({"indonesia", "lisbon"}),
        frozenset({"human rights watch", "carlos belo"}),
        frozenset({"indonesia", "taiwan"}),
    }
    result = score_disputes(found, labels, optional, aliases)
    assert (result["detected"], result["correct"], result["labelled"], result["found"]) == (2, 1, 2, 1)


def test_actor_key_maps_names_to_their_body() -> None:
    assert actor_key("Kremlin") == actor_key("Russian Defense Ministry") == "russia"
    assert actor_key("Human Rights Watch") == "human rights watch"


def test_pooled_sums_counts_before_dividing() -> None:
    stories = [
        {"detected": 1, "correct": 1, "labelled": 4, "found": 1},
        {"detected": 3, "correct": 0, "labelled": 0, "found": 0},
    ]
    assert pooled(stories) == {
        "detected": 4,
        "correct": 1,
        "labelled": 4,
        "found": 1,
        "precision": 0.25,
        "recall": 0.25,
    }


def test_every_labelled_story_loads_with_all_three_kinds() -> None:
    names = labelled_stories(STORIES)
    assert {"russia-pullback", "duc2004-d30034", "duc2004-d30028"} <= set(names)
    for name in names:
        labels = load_labels(STORIES, name)
        assert labels.roles is not None, name
        assert labels.disputes is not None, name
        for label in [*labels.conflicts, *labels.roles]:
            assert len(label["sides"]) >= 2, (name, label)
        for dispute in [*labels.disputes, *labels.optional_disputes]:
            assert len(set(dispute["between"])) == 2, (name, dispute)
        sides = {side for dispute in labels.disputes for side in dispute["between"]}
        assert set(labels.aliases) <= sides | {s for d in labels.optional_disputes for s in d["between"]}


def test_example_texts_are_read_from_the_repository() -> None:
    texts = story_texts(load_labels(STORIES, "russia-pullback"), ROOT, ROOT / "no-shared-data")
    assert len(texts) == 5
    assert all(text.strip() for _, text in texts)


def test_duc_texts_are_unwrapped(shared_data: Path) -> None:
    texts = story_texts(load_labels(STORIES, "duc2004-d30028"), ROOT, shared_data)
    assert len(texts) == 10
    assert all("\n" not in text for _, text in texts)
    with pytest.raises(KeyError):
        story_texts(replace(load_labels(STORIES, "duc2004-d30028"), cluster="d99999"), ROOT, shared_data)
