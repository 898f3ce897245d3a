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
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

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


def greedy_coverage(
    table: ConceptTable,
    lengths: Sequence[int],
    eligible: Sequence[int],
    budget: int,
    bonus: np.ndarray,
    conflicts: Sequence[tuple[int, int]],
) -> list[int]:
    """The same choice as ``solve_coverage`` made greedily: deterministic and fast, near the optimum.

    Budgeted maximum coverage (Khuller, Moss & Naor 1999): repeatedly take the sentence adding the most new
    weight per word that still fits, then keep that set or the best single sentence, whichever is worth more;
    this is never below (1 - 1/e) / 2 of the optimum and in practice close to it. Ties go to the earlier
    sentence, so the same input always gives the same choice.
    """
    fitting = [s for s in eligible if 0 < lengths[s] <= budget]
    if not fitting:
        return []
    blocked_by: dict[int, set[int]] = {}
    for first, second in conflicts:
        blocked_by.setdefault(first, set()).add(second)
        blocked_by.setdefault(second, set()).add(first)
    weights = table.weights

    def gain(sentence: int, covered: set[int]) -> float:
        new = [c for c in table.sentence_concepts[sentence] if c not in covered]
        return float(weights[new].sum()) + float(bonus[sentence])

    chosen: list[int] = []
    covered: set[int] = set()
    words = 0
    value = 0.0
    remaining = set(fitting)
    while remaining:
        best, best_ratio = -1, 0.0
        for sentence in sorted(remaining):
            ratio = gain(sentence, covered) / lengths[sentence]
            if ratio > best_ratio:
                best, best_ratio = sentence, ratio
        if best < 0:
            break
        value += gain(best, covered)
        chosen.append(best)
        covered.update(table.sentence_concepts[best])
        words += lengths[best]
        remaining -= {best} | blocked_by.get(best, set())
        remaining = {s for s in remaining if words + lengths[s] <= budget}
    single = max(fitting, key=lambda s: (gain(s, set()), -s))
    if gain(single, set()) > value:
        return [single]
    return sorted(chosen)
