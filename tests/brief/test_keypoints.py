from __future__ import annotations

import numpy as np
import pytest

from newsprism.brief.keypoints import (
    KeyPointOptions,
    PointCandidate,
    eligible,
    rank_by_score,
    select_key_points,
    stands_alone,
)


def candidates(count: int, support: list[int] | None = None) -> list[PointCandidate]:
    support = support or [1] * count
    return [
        PointCandidate(
            row=i,
            text=f"Statement number {i} says something long enough here.",
            support=support[i],
            centrality=1.0 - i * 0.05,
        )
        for i in range(count)
    ]


def test_between_min_and_max_points() -> None:
    options = KeyPointOptions(min_points=5, max_points=8, word_budget=10)
    chosen = select_key_points(candidates(12), np.zeros((12, 12), dtype=np.float32), options)
    assert len(chosen) == 5
    chosen = select_key_points(
        candidates(12), np.zeros((12, 12), dtype=np.float32), KeyPointOptions(word_budget=10_000)
    )
    assert len(chosen) == 8


def test_support_outranks_slightly_higher_centrality() -> None:
    ranked = rank_by_score(candidates(3, support=[1, 1, 4]), KeyPointOptions())
    assert ranked[0] == 2


def test_redundant_candidate_is_passed_over() -> None:
    similarity = np.eye(3, dtype=np.float32)
    similarity[0, 1] = similarity[1, 0] = 0.99
    chosen = select_key_points(candidates(3), similarity, KeyPointOptions(min_points=2, max_points=2))
    assert chosen == [0, 2]


def test_questions_and_fragments_are_not_key_points() -> None:
    options = KeyPointOptions()
    assert not eligible("Is this the end of the crisis in the region?", options)
    assert not eligible("Remove Ads", options)
    assert eligible("The ministry said the units were returning to their bases.", options)


@pytest.mark.parametrize(
    ("sentence", "alone"),
    [
        ("He said the move was part of the forces returning to their bases.", False),
        ("“So far, we haven’t seen any de-escalation on the territory.", False),
        ("This gives grounds for cautious optimism, officials said on Tuesday.", False),
        ('"We see no withdrawal," the minister said in Brussels on Wednesday.', True),
        ("„Wir sehen keinen Abzug“, sagte der Minister am Mittwoch in Brüssel.", True),
        ("Helsinki said the talks would resume next week in Geneva.", True),
    ],
)
def test_stands_alone(sentence: str, alone: bool) -> None:
    assert stands_alone(sentence) is alone


@pytest.mark.parametrize(
    "heading",
    [
        "Russia-Ukraine conflict: NATO Sees No Evidence Of Russian Troops Withdrawing",
        "Ukraine crisis: cautious diplomacy",
    ],
)
def test_headlines_and_subheadings_do_not_stand_alone(heading: str) -> None:
    assert not stands_alone(heading)
