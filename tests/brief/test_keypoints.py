from __future__ import annotations

import pytest

from newsprism.brief.keypoints import (
    KeyPointOptions,
    PointCandidate,
    eligible,
    point_candidates,
    rank_by_score,
    select_key_points,
)
from newsprism.compare.statements import SentencePool, StatementGroups
from newsprism.model import Sentence, SentenceRef, Statement
from newsprism.nlp import HashingEncoder
from newsprism.nlp.sentences import stands_alone


def pool_and_groups(texts_by_article: dict[str, list[str]], groups: list[list[tuple[str, int]]], supports: list[int]):  # type: ignore[no-untyped-def]
    """A sentence pool of hand-written articles and statements given as (article, sentence index) lists."""
    sentences = []
    for article_id, texts in texts_by_article.items():
        offset = 0
        for index, text in enumerate(texts):
            sentences.append(
                Sentence(article_id=article_id, index=index, start=offset, end=offset + len(text), text=text)
            )
            offset += len(text) + 1
    encoder = HashingEncoder()
    pool = SentencePool(sentences, encoder.encode([s.text for s in sentences]))
    row = {(s.article_id, s.index): n for n, s in enumerate(sentences)}
    member_rows = [[row[key] for key in group] for group in groups]
    statements = [
        Statement(
            id=n, members=[SentenceRef(article_id=a, sentence=i) for a, i in group], support=support, centrality=0.5
        )
        for n, (group, support) in enumerate(zip(groups, supports, strict=True))
    ]
    return pool, StatementGroups(statements, pool.embeddings @ pool.embeddings.T, member_rows)


STORY = {
    "a": [
        "The ministry said on Tuesday that the troops were returning to their bases after the drills.",
        "Officials in Brussels said they had seen no sign of any withdrawal of the forces so far.",
        "Heavy snow closed several roads in the capital on Tuesday morning, the city said.",
    ],
    "b": [
        "The ministry said the troops were returning to their bases after the drills on Tuesday.",
        "The stock market in Moscow rose sharply after the announcement by the ministry.",
    ],
}
GROUPS = [[("a", 0), ("b", 0)], [("a", 1)], [("a", 2)], [("b", 1)]]


def test_one_point_per_statement_and_the_best_supported_first() -> None:
    pool, groups = pool_and_groups(STORY, GROUPS, [2, 1, 1, 1])
    options = KeyPointOptions(min_points=2, max_points=3)
    candidates = point_candidates(pool, groups, options)
    chosen = select_key_points(candidates, pool, options)
    statements = [candidates[i].statement for i in chosen]
    assert len(statements) == len(set(statements))
    assert 2 <= len(chosen) <= 3
    assert statements[0] == 0


def test_at_most_max_points() -> None:
    pool, groups = pool_and_groups(STORY, GROUPS, [2, 1, 1, 1])
    options = KeyPointOptions(min_points=1, max_points=1)
    candidates = point_candidates(pool, groups, options)
    assert len(select_key_points(candidates, pool, options)) == 1


def test_support_outranks_slightly_higher_centrality() -> None:
    weak = PointCandidate(row=0, statement=0, text="x", support=1, centrality=0.6)
    strong = PointCandidate(row=1, statement=1, text="y", support=4, centrality=0.5)
    assert rank_by_score([weak, strong], KeyPointOptions()) == [1, 0]


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
