"""Choose the brief's key points with the summarizer scored on DUC 2004, favouring what many sources say.

Every sentence that can stand alone is a candidate; the summarizer covers the story's concepts
(weighted by how many sources use them), with a bonus per independent source that makes the same
statement. The chosen sentences are then listed by support and centrality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsprism.brief.summarize import Candidate, SummaryOptions, rank_sentences, select_summary
from newsprism.compare.statements import SentencePool, StatementGroups
from newsprism.nlp.sentences import stands_alone


@dataclass(frozen=True)
class KeyPointOptions:
    """How many key points, within how many words, and how much each extra source counts."""

    min_points: int = 5
    max_points: int = 8
    word_budget: int = 200
    min_words: int = 6
    max_words: int = 70
    support_weight: float = 0.5
    only_in_per_source: int = 3
    # The summarizer's tuned settings, with a strict budget (a brief shows whole sentences only) and the
    # greedy choice: the exact program needs about a second for a 200-word budget, and cut short by a time
    # limit it returned a choice that depended on how busy the machine was; the greedy one is always the
    # same and reached 98 % of the optimum's concept weight on DUC 2004 clusters (95 % at worst).
    summary: SummaryOptions = field(
        default_factory=lambda: SummaryOptions(fill_overflow=False, min_words=6, exact=False)
    )


@dataclass(frozen=True)
class PointCandidate:
    """A sentence the selector may choose, with the statement it belongs to."""

    row: int  # row of the sentence in the pool and similarity matrix
    statement: int
    text: str
    support: int
    centrality: float


def eligible(text: str, options: KeyPointOptions) -> bool:
    """A key point must read as a statement: long enough, not a question, not a fragment."""
    words = len(text.split())
    return options.min_words <= words <= options.max_words and not text.rstrip().endswith("?") and stands_alone(text)


def point_candidates(pool: SentencePool, groups: StatementGroups, options: KeyPointOptions) -> list[PointCandidate]:
    """Every sentence of the pool that could be a point, with its statement's support and centrality."""
    candidates = []
    for number, (statement, rows) in enumerate(zip(groups.statements, groups.member_rows, strict=True)):
        for row in rows:
            text = pool.sentences[row].text
            if eligible(text, options):
                candidates.append(PointCandidate(row, number, text, statement.support, statement.centrality))
    candidates.sort(key=lambda c: c.row)
    return candidates


def select_key_points(candidates: Sequence[PointCandidate], pool: SentencePool, options: KeyPointOptions) -> list[int]:
    """Indices into ``candidates`` of the key points, one per statement, strongest first."""
    if not candidates:
        return []
    documents = {article: n for n, article in enumerate(dict.fromkeys(s.article_id for s in pool.sentences))}
    summary_candidates = [
        Candidate(doc=documents[pool.sentences[c.row].article_id], position=pool.sentences[c.row].index, text=c.text)
        for c in candidates
    ]
    boost = [float(c.support - 1) * options.support_weight for c in candidates]
    vectors = pool.embeddings[[c.row for c in candidates]]
    summary = replace(options.summary, word_budget=options.word_budget)
    chosen = select_summary(summary_candidates, summary, vectors, boost)
    if len(chosen) < options.min_points:
        ranked = rank_sentences(summary_candidates, summary, vectors, boost)
        chosen += [i for i in ranked if i not in chosen]
    points: list[int] = []
    statements: set[int] = set()
    for index in chosen:
        if candidates[index].statement in statements:
            continue
        statements.add(candidates[index].statement)
        points.append(index)
        if len(points) == options.max_points:
            break
    return sorted(points[: max(options.min_points, len(points))], key=lambda i: -point_score(candidates[i], options))


def point_score(candidate: PointCandidate, options: KeyPointOptions) -> float:
    """Centrality scaled up by every independent source beyond the first."""
    return candidate.centrality * (1.0 + options.support_weight * (candidate.support - 1))


def rank_by_score(candidates: Sequence[PointCandidate], options: KeyPointOptions) -> list[int]:
    """Indices of candidates, best first (used for what only one source reports)."""
    return sorted(range(len(candidates)), key=lambda i: (-point_score(candidates[i], options), i))
