"""Assemble the brief: headline, key points, sources and what only one source reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.brief.keypoints import (
    KeyPointOptions,
    PointCandidate,
    point_candidates,
    point_score,
    rank_by_score,
    select_key_points,
)
from newsprism.compare.similarity import FloatMatrix
from newsprism.compare.statements import SentencePool, StatementGroups
from newsprism.model import (
    Brief,
    DuplicateLink,
    Headline,
    KeyPoint,
    OnlyIn,
    ParsedArticle,
    SourceEntry,
)
from newsprism.nlp.sentences import cite_sentence

SINGLE_SOURCE_NOTE = "Only one independent source: nothing to compare, so no cross-source sections."


def list_sources(documents: Sequence[ParsedArticle], duplicates: Sequence[DuplicateLink]) -> list[SourceEntry]:
    """Number the sources in input order; copies point at the source they copy."""
    number_of = {document.article.id: n for n, document in enumerate(documents, start=1)}
    original_of = {link.article_id: link.original_id for link in duplicates}
    entries = []
    for document in documents:
        article = document.article
        original = original_of.get(article.id)
        entries.append(
            SourceEntry(
                number=number_of[article.id],
                article_id=article.id,
                source=article.source,
                title=article.title,
                url=article.url,
                published=article.published,
                duplicate_of=number_of.get(original) if original else None,
            )
        )
    return entries


def assemble_brief(
    documents: Sequence[ParsedArticle],
    pool: SentencePool,
    groups: StatementGroups,
    duplicates: Sequence[DuplicateLink],
    title_embeddings: Mapping[str, np.ndarray],
    options: KeyPointOptions | None = None,
    notes: Sequence[str] = (),
) -> Brief:
    """Build the brief from grouped statements; every text in it is a verbatim source span."""
    options = options or KeyPointOptions()
    sources = list_sources(documents, duplicates)
    number_of = {entry.article_id: entry.number for entry in sources}
    independent = sum(1 for entry in sources if entry.duplicate_of is None)

    candidates = point_candidates(pool, groups, options)
    chosen = select_key_points(candidates, pool, options)
    key_points = [
        _key_point(groups.member_rows[candidates[i].statement], candidates[i], pool, number_of, options) for i in chosen
    ]

    only_in: list[OnlyIn] = []
    all_notes = list(notes)
    if independent > 1:
        only_in = _only_in(candidates, groups.member_rows, set(chosen), pool, number_of, sources, options)
    else:
        all_notes.append(SINGLE_SOURCE_NOTE)
    point_vectors = pool.embeddings[[candidates[i].row for i in chosen]] if chosen else pool.embeddings
    return Brief(
        headline=_headline(documents, sources, title_embeddings, point_vectors),
        sources=sources,
        key_points=key_points,
        only_in=only_in,
        notes=all_notes,
    )


def _key_point(
    rows: list[int],
    candidate: PointCandidate,
    pool: SentencePool,
    number_of: Mapping[str, int],
    options: KeyPointOptions,
) -> KeyPoint:
    """The candidate's sentence, cited first, then every other sentence of its statement."""
    chosen = pool.sentences[candidate.row]
    others = sorted((pool.sentences[r] for r in rows if r != candidate.row), key=lambda s: number_of[s.article_id])
    return KeyPoint(
        text=chosen.text,
        citations=[cite_sentence(chosen, number_of)] + [cite_sentence(s, number_of) for s in others],
        support=candidate.support,
        score=round(point_score(candidate, options), 4),
    )


def _only_in(
    candidates: Sequence[PointCandidate],
    member_rows: Sequence[list[int]],
    chosen: set[int],
    pool: SentencePool,
    number_of: Mapping[str, int],
    sources: Sequence[SourceEntry],
    options: KeyPointOptions,
) -> list[OnlyIn]:
    """Per independent source, its strongest statements that no other independent source makes."""
    by_source: dict[int, list[KeyPoint]] = {}
    used = {candidates[i].statement for i in chosen}
    for index in rank_by_score(candidates, options):
        candidate = candidates[index]
        if candidate.statement in used or candidate.support != 1:
            continue
        used.add(candidate.statement)
        number = number_of[pool.sentences[candidate.row].article_id]
        points = by_source.setdefault(number, [])
        if len(points) < options.only_in_per_source:
            points.append(_key_point(member_rows[candidate.statement], candidate, pool, number_of, options))
    duplicates = {entry.number for entry in sources if entry.duplicate_of is not None}
    return [
        OnlyIn(source=number, points=points) for number, points in sorted(by_source.items()) if number not in duplicates
    ]


def _headline(
    documents: Sequence[ParsedArticle],
    sources: Sequence[SourceEntry],
    title_embeddings: Mapping[str, np.ndarray],
    point_vectors: FloatMatrix,
) -> Headline | None:
    """The title closest in meaning to the key points: the one that best names the whole story."""
    titled = [d.article for d in documents if d.article.title.strip() and d.article.id in title_embeddings]
    if not titled:
        return None
    number_of = {entry.article_id: entry.number for entry in sources}
    centre = point_vectors.mean(axis=0) if len(point_vectors) else None

    def closeness(article_id: str) -> float:
        if centre is None:
            return 0.0
        return float(np.dot(title_embeddings[article_id], centre))

    best = max(titled, key=lambda a: (closeness(a.id), -number_of[a.id]))
    return Headline(text=best.title, source=number_of[best.id], article_id=best.id)
