"""Choose the brief's key points: statements ranked by independent support and centrality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.compare.similarity import FloatMatrix


@dataclass(frozen=True)
class KeyPointOptions:
    """How many key points, and how strongly support outweighs centrality."""

    min_points: int = 5
    max_points: int = 8
    word_budget: int = 220
    min_words: int = 6
    max_words: int = 70
    support_weight: float = 0.5
    redundancy_weight: float = 0.7
    only_in_per_source: int = 3


@dataclass(frozen=True)
class PointCandidate:
    """A statement's representative sentence, as the key-point selector sees it."""

    row: int  # row of the sentence in the similarity matrix
    text: str
    support: int
    centrality: float


# Personal and demonstrative pronouns are a closed class: a sentence that opens with one leans on the
# sentence before it ("He said the move..."), so out of context the reader cannot tell who or what.
_LEADING_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "these",
        "those",
        "that",
        "there",
        "such",
    ]
)


# A sentence ends with one of these (possibly inside a closing quote); a headline or subheading doesn't.
_TERMINAL = (".", "!", "?", '."', ".”", ".’", '!"', "!”", ".'", ".)", '?"', "?”")


def stands_alone(text: str) -> bool:
    """Whether a sentence makes sense without its neighbours: a whole sentence, not a headline,
    not opening with a pronoun, not half of a quote."""
    if not text.rstrip().endswith(_TERMINAL):
        return False
    words = text.split()
    # Inside an opening quote a pronoun is the speaker's own ("We see..."), attributed in the sentence.
    first = words[0].lstrip("(").lower().rstrip(",") if words else ""
    if first in _LEADING_PRONOUNS:
        return False
    straight = text.count('"')
    if straight % 2:
        return False
    if text.count("«") != text.count("»"):
        return False
    # German-style quotes open with „ and close with “; English ones open with “ and close with ”.
    if "„" in text:
        return text.count("„") == text.count("“") + text.count("”")
    return text.count("“") == text.count("”")


def eligible(text: str, options: KeyPointOptions) -> bool:
    """A key point must read as a statement: long enough, not a question, not a fragment."""
    words = len(text.split())
    stripped = text.rstrip()
    return options.min_words <= words <= options.max_words and not stripped.endswith("?") and stands_alone(text)


def point_scores(candidates: Sequence[PointCandidate], options: KeyPointOptions) -> list[float]:
    """Centrality scaled up by every independent source beyond the first."""
    top = max((c.centrality for c in candidates), default=1.0) or 1.0
    return [(c.centrality / top) * (1.0 + options.support_weight * (c.support - 1)) for c in candidates]


def select_key_points(
    candidates: Sequence[PointCandidate], similarity: FloatMatrix, options: KeyPointOptions
) -> list[int]:
    """Maximal-marginal-relevance selection: strong points first, none repeating another.

    Returns indices into ``candidates`` in rank order; at least ``min_points`` when that many are
    eligible, at most ``max_points``, and within ``word_budget`` once the minimum is reached.
    """
    pool = [i for i, c in enumerate(candidates) if eligible(c.text, options)]
    scores = point_scores(candidates, options)
    chosen: list[int] = []
    words = 0
    while pool and len(chosen) < options.max_points:

        def marginal(i: int) -> float:
            if not chosen:
                return scores[i]
            overlap = max(float(similarity[candidates[i].row, candidates[j].row]) for j in chosen)
            return scores[i] - options.redundancy_weight * overlap

        best = max(pool, key=lambda i: (marginal(i), -i))
        length = len(candidates[best].text.split())
        if len(chosen) >= options.min_points and words + length > options.word_budget:
            break
        chosen.append(best)
        words += length
        pool.remove(best)
    return chosen


def rank_by_score(candidates: Sequence[PointCandidate], options: KeyPointOptions) -> list[int]:
    """Indices of eligible candidates, best first (used for what only one source reports)."""
    scores = point_scores(candidates, options)
    pool = [i for i, c in enumerate(candidates) if eligible(c.text, options)]
    return sorted(pool, key=lambda i: (-scores[i], i))
