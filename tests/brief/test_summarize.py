"""The extractive summarizer: budget, redundancy, boost, determinism, on hand-made clusters (no models)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.brief.summarize import Candidate, SummaryOptions, rank_sentences, select_summary
from newsprism.brief.summarize.stem import porter_stem

# Three reports of one storm; the shared facts recur across documents, the colour does not.
STORM = [
    [
        "Hurricane Mitch killed at least 200 people in Honduras on Friday, officials said.",
        "The storm destroyed bridges and roads across the northern coast of Honduras.",
        "Aid agencies began flying food and water to the survivors in the capital.",
        "A local baker said he had never seen rain like it in his whole long life.",
    ],
    [
        "Officials said Hurricane Mitch killed at least 200 people in Honduras this week.",
        "Aid agencies began flying food and water to survivors stranded by the floods.",
        "Bridges and roads across the northern coast were destroyed by the storm.",
        "The national football team postponed its friendly match against a visiting side.",
    ],
    [
        "Hurricane Mitch killed at least 200 people in Honduras, according to officials.",
        "The storm destroyed bridges and roads along the northern coast of the country.",
        "Aid agencies began flying food and water to the survivors on Saturday morning.",
        "Schools in the south will reopen next month if the weather allows it to happen.",
    ],
]


def storm() -> list[Candidate]:
    return [
        Candidate(doc=doc, position=position, text=text)
        for doc, sentences in enumerate(STORM)
        for position, text in enumerate(sentences)
    ]


def words(candidates: list[Candidate], chosen: list[int]) -> int:
    return sum(len(candidates[i].text.split()) for i in chosen)


def strict(budget: int, **changes: object) -> SummaryOptions:
    return SummaryOptions(word_budget=budget, fill_overflow=False, min_doc_freq=2, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("budget", [14, 30, 45, 60])
def test_select_summary_respects_a_strict_budget(budget: int) -> None:
    candidates = storm()
    chosen = select_summary(candidates, strict(budget))
    assert chosen
    assert words(candidates, chosen) <= budget


def test_select_summary_overflows_only_by_its_last_sentence() -> None:
    candidates = storm()
    options = SummaryOptions(word_budget=30, min_doc_freq=2)
    chosen = select_summary(candidates, options)
    assert words(candidates, chosen[:-1]) <= 30
    assert words(candidates, chosen) > 30


def test_select_summary_picks_the_facts_the_documents_share() -> None:
    candidates = storm()
    chosen = select_summary(candidates, strict(45))
    texts = " ".join(candidates[i].text for i in chosen)
    assert "killed at least 200" in texts
    assert "football" not in texts
    assert "baker" not in texts


def test_select_summary_never_repeats_a_fact() -> None:
    candidates = storm()
    chosen = select_summary(candidates, strict(60))
    killed = [i for i in chosen if "killed at least 200" in candidates[i].text]
    assert len(killed) == 1


def test_select_summary_honours_boost() -> None:
    candidates = storm()
    plain = select_summary(candidates, strict(14))
    assert len(plain) == 1
    # The three "killed" sentences are interchangeable on content; boost decides which one is shown.
    killed = [i for i, c in enumerate(candidates) if "killed at least 200" in c.text]
    favourite = next(i for i in killed if i != plain[0])
    boost = [0.0] * len(candidates)
    boost[favourite] = 1.0
    assert select_summary(candidates, strict(14), boost=boost) == [favourite]


def test_select_summary_uses_embeddings_to_keep_paraphrases_apart() -> None:
    candidates = storm()
    embeddings = np.zeros((len(candidates), 2))
    embeddings[:, 0] = 1.0  # every sentence "means" the same thing: only one may be chosen
    chosen = select_summary(candidates, strict(60, max_similarity=0.9), embeddings=embeddings)
    assert len(chosen) == 1


def test_select_summary_of_nothing_is_nothing() -> None:
    assert select_summary([], SummaryOptions()) == []
    assert rank_sentences([], SummaryOptions()) == []


def test_select_summary_is_deterministic() -> None:
    candidates = storm()
    options = SummaryOptions(word_budget=40, min_doc_freq=2)
    first = select_summary(candidates, options)
    assert all(select_summary(candidates, options) == first for _ in range(3))
    assert select_summary(list(candidates), options) == first


def test_select_summary_reads_earlier_sentences_first() -> None:
    candidates = storm()
    chosen = select_summary(candidates, strict(60))
    positions = [candidates[i].position for i in chosen]
    assert positions == sorted(positions)


def test_select_summary_leaves_out_quotes_and_questions() -> None:
    candidates = [
        *storm(),
        Candidate(
            doc=0, position=9, text="\u201cHurricane Mitch killed at least 200 people in Honduras,\u201d he said."
        ),
        Candidate(doc=1, position=9, text="Hurricane Mitch killed at least 200 people in Honduras, did it not?"),
    ]
    chosen = select_summary(candidates, strict(60))
    assert not {len(candidates) - 2, len(candidates) - 1} & set(chosen)


def test_select_summary_rejects_a_boost_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="boost"):
        select_summary(storm(), SummaryOptions(), boost=[1.0])


def test_rank_sentences_puts_new_facts_before_repeats() -> None:
    candidates = storm()
    ranking = rank_sentences(candidates, SummaryOptions(min_doc_freq=2))
    assert sorted(ranking) == list(range(len(candidates)))
    top = ranking[:3]
    facts = ["killed at least 200", "bridges and roads", "food and water"]
    assert all(sum(fact.lower() in candidates[i].text.lower() for i in top) == 1 for fact in facts)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("agreed", "agre"),
        ("hopping", "hop"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("killed", "kill"),
        ("hurricanes", "hurrican"),
        ("controlling", "control"),
        ("adjustment", "adjust"),
    ],
)
def test_porter_stem_matches_porter(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


@pytest.mark.parametrize("budget", [14, 30, 45, 60])
def test_greedy_choice_keeps_the_budget_and_the_shared_facts_once(budget: int) -> None:
    candidates = storm()
    chosen = select_summary(candidates, strict(budget, exact=False))
    assert chosen
    assert words(candidates, chosen) <= budget
    texts = [candidates[i].text for i in chosen]
    assert sum("killed at least 200" in text for text in texts) <= 1
    if budget >= 45:
        assert any("killed at least 200" in text for text in texts)
        assert not any("football" in text or "baker" in text for text in texts)


def test_greedy_choice_covers_close_to_what_the_exact_one_does() -> None:
    candidates = storm()
    for budget in (30, 45, 60):
        exact = select_summary(candidates, strict(budget))
        greedy = select_summary(candidates, strict(budget, exact=False))
        assert greedy == select_summary(candidates, strict(budget, exact=False))
        shared = {porter_stem(w.lower()) for i in exact for w in candidates[i].text.split()}
        found = {porter_stem(w.lower()) for i in greedy for w in candidates[i].text.split()}
        assert len(found & shared) >= 0.7 * len(shared)
