"""Extractive multi-document summaries: which source sentences to show, verbatim, within a word budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from newsprism.brief.summarize.concepts import (
    ConceptTable,
    conflict_map,
    greedy_coverage,
    new_weight,
    solve_coverage,
    weigh_concepts,
)
from newsprism.brief.summarize.text import (
    bigram_concepts,
    is_quote_or_question,
    terms,
    unigram_concepts,
    word_count,
)


@dataclass(frozen=True)
class Candidate:
    """One sentence that may enter a summary."""

    doc: int  # index of its document (article)
    position: int  # index of the sentence within its document
    text: str


@dataclass(frozen=True)
class SummaryOptions:
    """Knobs of the summarizer; defaults chosen on the DUC 2004 dev clusters (10 news articles, 100 words).

    Concepts are stemmed bigrams weighted by document frequency (Gillick & Favre 2009); the summary is the
    set of sentences covering the most concept weight within the budget.

    word_budget: words (white-space separated, as ROUGE counts them) the summary may hold.
    fill_overflow: after the optimal in-budget choice, add one more sentence, read last, that brings the
        most new concepts in its first words; it overflows the budget and a reader (or a scorer that
        truncates at the budget, like ROUGE's ``-l``) sees only its start. Off, the budget is strict.
    min_words, max_words: sentences outside this length are not chosen (headlines and fragments are short;
        overlong ones are run-ons that waste the budget).
    skip_quotes: leave out direct speech and questions, which rarely state facts in the summary's voice.
    min_doc_freq: a concept must appear in this many documents to count (fewer when the cluster is smaller).
    frequency_exponent: a concept's weight is its (position-weighted) document frequency raised to this power;
        above 1 it lets what most sources agree on outweigh many details that only two sources share.
    unigram_weight: weight of a content word relative to a bigram of the same document frequency; 0 drops them.
    position_weight: news puts the main facts first, so a concept also earns, for each document using it,
        ``position_weight / (1 + p)`` where p is the index of the first sentence of that document holding it.
    boost_weight: bonus per unit of ``boost`` (e.g. independent sources supporting a sentence), in units of
        an average concept's weight.
    max_similarity: two sentences whose embeddings (or, without them, stem vectors) are closer than this
        cosine never both enter a summary.
    time_limit: seconds the integer program may run before the best solution found so far is taken.
    exact: solve the integer program (the optimum, given time) or, when off, choose greedily: always the
        same choice, in milliseconds, for callers that cannot wait (see ``greedy_coverage``).
    """

    word_budget: int = 100
    fill_overflow: bool = True
    min_words: int = 8
    max_words: int = 50
    skip_quotes: bool = True
    min_doc_freq: int = 2
    frequency_exponent: float = 2.5
    unigram_weight: float = 0.1
    position_weight: float = 2.0
    boost_weight: float = 1.0
    max_similarity: float = 0.8
    time_limit: float = 10.0
    exact: bool = True


@dataclass(frozen=True)
class _Analysis:
    """Per-candidate features, shared by selection and ranking."""

    texts: list[str]
    lengths: list[int]
    stems: list[list[str]]
    eligible: list[int]
    table: ConceptTable
    bonus: np.ndarray


def select_summary(
    candidates: Sequence[Candidate],
    options: SummaryOptions,
    embeddings: np.ndarray | None = None,
    boost: Sequence[float] | None = None,
) -> list[int]:
    """Indices of the candidates forming the summary, in reading order, within ``options.word_budget`` words.

    With ``fill_overflow`` the last sentence may run past the budget (see ``SummaryOptions``).
    ``embeddings`` (unit-norm rows, one per candidate) sharpen the paraphrase check; ``boost`` (one value
    >= 0 per candidate) favours sentences that more sources support. The result is deterministic.
    """
    if not candidates:
        return []
    analysis = _analyse(candidates, options, boost)
    conflicts = _near_duplicates(analysis, embeddings, options.max_similarity)
    if options.exact:
        chosen = solve_coverage(
            analysis.table,
            analysis.lengths,
            analysis.eligible,
            options.word_budget,
            analysis.bonus,
            conflicts,
            options.time_limit,
        )
    else:
        chosen = greedy_coverage(
            analysis.table, analysis.lengths, analysis.eligible, options.word_budget, analysis.bonus, conflicts
        )
    ordered = sorted(chosen, key=lambda i: (candidates[i].position, candidates[i].doc, i))
    if options.fill_overflow:
        tail = _best_tail(analysis, ordered, conflicts, options.word_budget)
        if tail is not None:
            ordered.append(tail)
    return ordered


def rank_sentences(
    candidates: Sequence[Candidate],
    options: SummaryOptions,
    embeddings: np.ndarray | None = None,
    boost: Sequence[float] | None = None,
) -> list[int]:
    """Every candidate index, most useful first: greedy by new concept weight (plus bonus) per word.

    Cutting the ranking anywhere gives a non-redundant selection; ineligible sentences (quotes, fragments)
    come last, in document order.
    """
    if not candidates:
        return []
    analysis = _analyse(candidates, options, boost)
    conflicts = _near_duplicates(analysis, embeddings, options.max_similarity)
    blocked_by = conflict_map(conflicts)
    covered: set[int] = set()
    chosen: set[int] = set()
    ranking: list[int] = []
    remaining = list(analysis.eligible)
    while remaining:
        best = max(
            remaining,
            key=lambda i: (
                _gain(analysis, i, covered, None) / max(analysis.lengths[i], 1),
                -i,
            ),
        )
        ranking.append(best)
        remaining.remove(best)
        # A paraphrase of a ranked sentence goes behind everything that still adds something new.
        if blocked_by.get(best, set()) & chosen or _gain(analysis, best, covered, None) <= 0:
            continue
        chosen.add(best)
        covered.update(analysis.table.sentence_concepts[best])
    ranked = set(ranking)
    rest = sorted((i for i in range(len(candidates)) if i not in ranked), key=lambda i: (candidates[i].doc, i))
    useful = [i for i in ranking if i in chosen]
    return useful + [i for i in ranking if i not in chosen] + rest


def _analyse(
    candidates: Sequence[Candidate],
    options: SummaryOptions,
    boost: Sequence[float] | None,
) -> _Analysis:
    if boost is not None and len(boost) != len(candidates):
        raise ValueError(f"boost has {len(boost)} values for {len(candidates)} candidates")
    lengths = [word_count(c.text) for c in candidates]
    stems = [terms(c.text) for c in candidates]
    concepts = []
    for sentence in stems:
        found = bigram_concepts(sentence)
        if options.unigram_weight > 0:
            found |= unigram_concepts(sentence)
        concepts.append(found)
    table = weigh_concepts(
        concepts,
        [c.doc for c in candidates],
        options.min_doc_freq,
        options.unigram_weight,
        [c.position for c in candidates],
        options.position_weight,
        options.frequency_exponent,
    )
    eligible = _eligible(candidates, lengths, stems, options)
    unit = float(table.weights.mean()) if len(table.weights) else 1.0
    bonus = np.zeros(len(candidates))
    if boost is not None:
        values = np.asarray(boost, dtype=float)
        if (values < 0).any():
            raise ValueError("boost values must be >= 0")
        bonus += options.boost_weight * unit * values
    return _Analysis([c.text for c in candidates], lengths, stems, eligible, table, bonus)


def _eligible(
    candidates: Sequence[Candidate], lengths: list[int], stems: list[list[str]], options: SummaryOptions
) -> list[int]:
    """Sentences of a fitting length, not quotes, first copies only; all non-empty ones if that leaves too few."""
    seen: set[tuple[str, ...]] = set()
    firsts = []
    for i, sentence in enumerate(stems):
        key = tuple(sentence)
        if sentence and key not in seen:
            seen.add(key)
            firsts.append(i)
    strict = [
        i
        for i in firsts
        if options.min_words <= lengths[i] <= options.max_words
        and not (options.skip_quotes and is_quote_or_question(candidates[i].text))
    ]
    # Short clusters (a handful of brief reports) must still yield a summary.
    if sum(lengths[i] for i in strict) < options.word_budget:
        return firsts
    return strict


def _near_duplicates(analysis: _Analysis, embeddings: np.ndarray | None, threshold: float) -> list[tuple[int, int]]:
    """Pairs of eligible sentences too similar to share a summary."""
    eligible = analysis.eligible
    if len(eligible) < 2 or threshold >= 1.0:
        return []
    if embeddings is not None:
        vectors = np.asarray(embeddings, dtype=float)[eligible]
    else:
        vocabulary: dict[str, int] = {}
        for i in eligible:
            for stem in analysis.stems[i]:
                vocabulary.setdefault(stem, len(vocabulary))
        vectors = np.zeros((len(eligible), max(len(vocabulary), 1)))
        for row, i in enumerate(eligible):
            for stem in analysis.stems[i]:
                vectors[row, vocabulary[stem]] += 1.0
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    similarity = vectors @ vectors.T
    rows, cols = np.nonzero(np.triu(similarity, k=1) > threshold)
    return [(eligible[r], eligible[c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)]


def _gain(analysis: _Analysis, sentence: int, covered: set[int], prefix_words: int | None) -> float:
    """New concept weight a sentence (or its first ``prefix_words`` words) adds, plus its bonus."""
    if prefix_words is None:
        held = analysis.table.sentence_concepts[sentence]
    else:
        held = _prefix_concepts(analysis, sentence, prefix_words)
    return new_weight(analysis.table, held, covered) + float(analysis.bonus[sentence])


def _prefix_concepts(analysis: _Analysis, sentence: int, words: int) -> list[int]:
    """Concepts held by the first ``words`` words of a sentence, all of them but those the cut splits off."""
    stems = terms(" ".join(analysis.texts[sentence].split()[:words]))
    kept = set(stems)
    bigrams = set(pairwise(stems))
    names = analysis.table.names
    return [
        c
        for c in analysis.table.sentence_concepts[sentence]
        if (names[c][0] in kept if names[c][1] == "" else names[c] in bigrams)
    ]


def _best_tail(analysis: _Analysis, chosen: list[int], conflicts: Sequence[tuple[int, int]], budget: int) -> int | None:
    """The sentence whose first (budget - used) words add the most new concept weight, if any adds some."""
    room = budget - sum(analysis.lengths[i] for i in chosen)
    if room <= 0:
        return None
    taken = set(chosen)
    blocked = {b for a, b in conflicts if a in taken} | {a for a, b in conflicts if b in taken}
    covered = {c for i in chosen for c in analysis.table.sentence_concepts[i]}
    best, best_gain = None, 0.0
    for i in analysis.eligible:
        if i in taken or i in blocked:
            continue
        gain = _gain(analysis, i, covered, room)
        if gain > best_gain:
            best, best_gain = i, gain
    return best
