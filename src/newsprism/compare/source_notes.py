"""Source notes: per source, what only it reports, where it stands alone, and measured text signals.

The signals are features to check, reported beside the other sources' median, never a verdict on
an outlet: a machine-spun or translated text keeps the others' meaning in different words, and a
garbled one leaves fragments.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.compare.similarity import FloatMatrix, lexical_matrix
from newsprism.compare.statements import SentencePool
from newsprism.model import Brief, ParsedArticle, SourceNote, SourceSignal
from newsprism.nlp.sentences import stands_alone

# Pairs of sentences this close in meaning say the same thing; how differently they word it is the signal.
_SAME_MEANING = 0.75
_EXAMPLES = 3


def source_notes(brief: Brief, documents: Sequence[ParsedArticle], pool: SentencePool) -> list[SourceNote]:
    """One note per independent source of the brief."""
    number_of = {entry.article_id: entry.number for entry in brief.sources}
    measures = {name: _per_source(values, number_of) for name, values in _measures(documents, pool).items()}
    only_in = {group.source: len(group.points) for group in brief.only_in}
    notes = []
    for entry in brief.sources:
        if entry.duplicate_of is not None:
            continue
        document = next(d for d in documents if d.article.id == entry.article_id)
        signals = [
            SourceSignal(
                name=name,
                value=round(values[entry.number], 3),
                others=_median([v for n, v in values.items() if n != entry.number]),
                meaning=_MEANINGS[name],
            )
            for name, values in measures.items()
            if entry.number in values
        ]
        notes.append(
            SourceNote(
                source=entry.number,
                only_in=only_in.get(entry.number, 0),
                minority=_minority(brief, entry.number),
                removed_lines=len(document.article.removed),
                removed_examples=[line.text for line in document.article.removed[:_EXAMPLES]],
                signals=signals,
            )
        )
    return notes


_MEANINGS = {
    "reworded_share": "share of its sentences that say what another source says in clearly different words "
    "(high: paraphrased, translated or machine-spun text)",
    "fragment_share": "share of its sentences that are not whole sentences (high: garbled text or leftover furniture)",
    "words_per_sentence": "average sentence length in words",
}


def _measures(documents: Sequence[ParsedArticle], pool: SentencePool) -> dict[str, dict[str, float]]:
    rows_of: dict[str, list[int]] = {}
    for row, sentence in enumerate(pool.sentences):
        rows_of.setdefault(sentence.article_id, []).append(row)
    semantic: FloatMatrix = (pool.embeddings @ pool.embeddings.T).astype(np.float32)
    lexical = lexical_matrix([s.text for s in pool.sentences])
    reworded: dict[str, float] = {}
    fragments: dict[str, float] = {}
    lengths: dict[str, float] = {}
    for document in documents:
        article_id = document.article.id
        rows = rows_of.get(article_id, [])
        if not rows:
            continue
        others = [r for r in range(len(pool.sentences)) if pool.sentences[r].article_id != article_id]
        matched = changed = 0
        if others:
            # Each sentence's closest sentence of another source (the first of equals, as max() would take).
            closest = np.asarray(others)[semantic[np.ix_(rows, others)].argmax(axis=1)]
            for row, best in zip(rows, closest.tolist(), strict=True):
                if semantic[row, best] >= _SAME_MEANING:
                    matched += 1
                    changed += int(lexical[row, best] < 0.5)
        if matched:
            reworded[article_id] = changed / matched
        fragments[article_id] = sum(not stands_alone(pool.sentences[r].text) for r in rows) / len(rows)
        lengths[article_id] = statistics.mean(len(pool.sentences[r].text.split()) for r in rows)
    return {"reworded_share": reworded, "fragment_share": fragments, "words_per_sentence": lengths}


def _per_source(values: Mapping[str, float], number_of: Mapping[str, int]) -> dict[int, float]:
    return {number_of[article_id]: value for article_id, value in values.items() if article_id in number_of}


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def _minority(brief: Brief, number: int) -> list[str]:
    """Subjects of conflicts where this source gives a value no other source gives, against a value several do."""
    subjects = []
    for conflict in brief.conflicts:
        sources_per_value = [{c.source for c in value.citations} for value in conflict.values]
        alone = any(s == {number} for s in sources_per_value)
        backed = any(len(s) >= 2 for s in sources_per_value)
        if alone and backed:
            subjects.append(f"{conflict.subject} ({conflict.kind})")
    return subjects
