"""Concept coverage (Gillick & Favre 2009): pick the sentences that cover the most weight of concepts in a budget.

Concepts are stemmed bigrams (optionally also content unigrams) weighted by how many documents use them
(and how early), raised to a power so that what most sources agree on dominates;
a summary earns a concept's weight once however many of its sentences contain it, which is what keeps
it from repeating itself. The exact optimum is an integer linear program, solved by HiGHS through
``scipy.optimize.milp``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Concept = tuple[str, str]


@dataclass(frozen=True)
class ConceptTable:
    """Concepts kept for a cluster, their weights, and which concepts each sentence holds (by concept index)."""

    names: list[Concept]
    weights: np.ndarray
    sentence_concepts: list[list[int]]


def weigh_concepts(
    concepts: Sequence[set[Concept]],
    docs: Sequence[int],
    min_doc_freq: int,
    unigram_weight: float,
    positions: Sequence[int] | None = None,
    position_weight: float = 0.0,
    exponent: float = 1.0,
) -> ConceptTable:
    """Weight of a concept: the number of documents that use it, plus ``position_weight / (1 + p)`` for each of them,
    p being the first sentence of that document that holds it, raised to ``exponent``; concepts in fewer than
    ``min_doc_freq`` documents are dropped.

    When the cluster has fewer documents than ``min_doc_freq`` the threshold falls to the number of
    documents, so a one-document cluster still has concepts.
    """
    seen_in: dict[Concept, set[int]] = defaultdict(set)
    earliest: dict[tuple[Concept, int], int] = {}
    positions = positions if positions is not None else [0] * len(docs)
    for sentence_concepts, doc, position in zip(concepts, docs, positions, strict=True):
        for concept in sentence_concepts:
            seen_in[concept].add(doc)
            key = (concept, doc)
            earliest[key] = min(earliest.get(key, position), position)
    threshold = max(1, min(min_doc_freq, len(set(docs))))
    index: dict[Concept, int] = {}
    weights: list[float] = []
    for concept in sorted(seen_in):  # sorted: the same input always gives the same program
        frequency = len(seen_in[concept])
        if frequency < threshold:
            continue
        scale = unigram_weight if concept[1] == "" else 1.0
        if scale <= 0:
            continue
        index[concept] = len(weights)
        early = sum(1.0 / (1.0 + earliest[(concept, doc)]) for doc in seen_in[concept])
        weights.append((frequency + position_weight * early) ** exponent * scale)
    held = [sorted(index[c] for c in sentence if c in index) for sentence in concepts]
    return ConceptTable(list(index), np.asarray(weights, dtype=float), held)


def solve_coverage(
    table: ConceptTable,
    lengths: Sequence[int],
    eligible: Sequence[int],
    budget: int,
    bonus: np.ndarray,
    conflicts: Sequence[tuple[int, int]],
    time_limit: float,
) -> list[int]:
    """Eligible sentences maximising covered concept weight plus their bonuses, in at most ``budget`` words.

    ``conflicts`` are pairs of sentences that may not both be chosen (near-paraphrases).
    Variables: one binary per eligible sentence, then one binary per concept.
    """
    # Imported here: scipy.optimize costs 0.3 s to import and only the exact choice needs it.
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    sentences = list(eligible)
    n_sent, n_conc = len(sentences), len(table.weights)
    if n_sent == 0:
        return []
    column = {sentence: k for k, sentence in enumerate(sentences)}
    objective = -np.concatenate([bonus[sentences], table.weights])  # milp minimises
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    # A concept counts only if some chosen sentence holds it: c_i - sum_j s_j <= 0.
    for k, sentence in enumerate(sentences):
        for concept in table.sentence_concepts[sentence]:
            rows.append(concept)
            cols.append(k)
            vals.append(-1.0)
    for concept in range(n_conc):
        rows.append(concept)
        cols.append(n_sent + concept)
        vals.append(1.0)
    n_rows = n_conc
    # The length budget.
    for k, sentence in enumerate(sentences):
        rows.append(n_rows)
        cols.append(k)
        vals.append(float(lengths[sentence]))
    n_rows += 1
    upper = [0.0] * n_conc + [float(budget)]
    for first, second in conflicts:
        if first in column and second in column:
            rows += [n_rows, n_rows]
            cols += [column[first], column[second]]
            vals += [1.0, 1.0]
            upper.append(1.0)
            n_rows += 1
    matrix = coo_array((vals, (rows, cols)), shape=(n_rows, n_sent + n_conc)).tocsr()
    result = milp(
        objective,
        constraints=LinearConstraint(matrix, -np.inf, np.asarray(upper)),
        integrality=np.ones(n_sent + n_conc),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "presolve": True},
    )
    if result.x is None:
        return []
    return [sentence for k, sentence in enumerate(sentences) if result.x[k] > 0.5]


def conflict_map(conflicts: Sequence[tuple[int, int]]) -> dict[int, set[int]]:
    """For each sentence, the sentences it may not share a summary with."""
    blocked_by: dict[int, set[int]] = {}
    for first, second in conflicts:
        blocked_by.setdefault(first, set()).add(second)
        blocked_by.setdefault(second, set()).add(first)
    return blocked_by


def new_weight(table: ConceptTable, held: Sequence[int], covered: set[int]) -> float:
    """The weight of the concepts in ``held`` that ``covered`` does not have yet."""
    return float(table.weights[[c for c in held if c not in covered]].sum())


def greedy_coverage(
    table: ConceptTable,
    lengths: Sequence[int],
    eligible: Sequence[int],
    budget: int,
    bonus: np.ndarray,
    conflicts: Sequence[tuple[int, int]],
    seeds: int = 3,
) -> list[int]:
    """The same choice as ``solve_coverage`` made greedily: deterministic and fast, near the optimum.

    Budgeted maximum coverage (Khuller, Moss & Naor 1999): repeatedly take the sentence adding the most new
    weight per word that still fits. Per word alone undervalues a long sentence that many sources share, so
    the greedy run is also started from each of the ``seeds`` sentences worth most on their own and from
    the one with the highest bonus, and the best of these runs wins. Ties go to the earlier sentence, so the
    same input always gives the same choice.
    """
    fitting = [s for s in eligible if 0 < lengths[s] <= budget]
    if not fitting:
        return []
    blocked_by = conflict_map(conflicts)

    def gain(sentence: int, covered: set[int]) -> float:
        return new_weight(table, table.sentence_concepts[sentence], covered) + float(bonus[sentence])

    def grow(start: list[int]) -> tuple[float, list[int]]:
        chosen: list[int] = []
        covered: set[int] = set()
        words, value = 0, 0.0
        remaining = set(fitting)
        pick: int | None = start[0] if start else None
        while pick is not None:
            value += gain(pick, covered)
            chosen.append(pick)
            covered.update(table.sentence_concepts[pick])
            words += lengths[pick]
            remaining -= {pick} | blocked_by.get(pick, set())
            remaining = {s for s in remaining if words + lengths[s] <= budget}
            pick, best_ratio = None, 0.0
            for sentence in sorted(remaining):
                ratio = gain(sentence, covered) / lengths[sentence]
                if ratio > best_ratio:
                    pick, best_ratio = sentence, ratio
        return value, sorted(chosen)

    strongest = sorted(fitting, key=lambda s: (-gain(s, set()), s))[:seeds]
    # The sentence the caller favours most (its bonus, e.g. the most sources) is tried as a start too.
    favoured = max(fitting, key=lambda s: (float(bonus[s]), -s))
    starts = list(dict.fromkeys([*strongest, favoured]))
    runs = [grow([])] + [grow([start]) for start in starts]
    return max(runs, key=lambda run: run[0])[1]
