"""The FNC-1 score and per-class F1, shared by training (to choose settings) and the benchmark."""

from __future__ import annotations

from collections.abc import Sequence

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset({"agree", "disagree", "discuss"})


def fnc1_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Official FNC-1 score: 0.25 for related-vs-unrelated right, 0.75 more for the exact related stance."""
    score = 0.0
    for g, p in zip(gold, predicted, strict=True):
        if (g in RELATED) == (p in RELATED):
            score += 0.25
        if g == p and g in RELATED:
            score += 0.75
    return score


def relative_fnc1_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """FNC-1 score as a fraction of the best possible score on the gold labels."""
    best = fnc1_score(gold, gold)
    return fnc1_score(gold, predicted) / best if best else 0.0


def per_class_f1(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """F1 of each stance class (0.0 for a class neither predicted nor present)."""
    result = {}
    for label in STANCES:
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        guessed = sum(1 for p in predicted if p == label)
        actual = sum(1 for g in gold if g == label)
        result[label] = 2.0 * hits / (guessed + actual) if guessed + actual else 0.0
    return result
