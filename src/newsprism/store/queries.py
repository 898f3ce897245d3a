"""Reads of the store that summarise many rows: stories, status, and the rows indexes are rebuilt from."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, desc, func, select, update

from newsprism.store import schema as t
from newsprism.store.records import Failure, IndexRow, RunInfo, StoreStatus, StorySummary, Vector, vector_from_bytes

# Rows read per round trip when the indexes are rebuilt, so memory stays flat on a large corpus.
_CHUNK = 1000


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _sortable(value: str | None, fallback: str) -> str:
    """A timestamp as comparable UTC text; a date without a zone is taken as UTC."""
    moment = _time(value) or _time(fallback)
    assert moment is not None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def refresh_stories(connection: Connection, story_ids: Iterable[int]) -> None:
    """Recount the named stories; the headline is the title of the story's first article that has one."""
    for story_id in sorted(set(story_ids)):
        rows = connection.execute(
            select(t.articles.c.title, t.articles.c.source, t.articles.c.published, t.articles.c.ingested_at)
            .where(t.articles.c.story_id == story_id)
            .order_by(t.articles.c.seq)
        ).all()
        if not rows:
            continue
        seen = [_sortable(row.published, row.ingested_at) for row in rows]
        connection.execute(
            update(t.stories)
            .where(t.stories.c.id == story_id)
            .values(
                headline=next((row.title for row in rows if row.title.strip()), ""),
                article_count=len(rows),
                source_count=len({row.source for row in rows}),
                first_seen=min(seen),
                last_seen=max(seen),
            )
        )


def read_stories(connection: Connection, since: datetime | None) -> list[StorySummary]:
    """Stories, most recently seen first."""
    query = select(t.stories).where(t.stories.c.article_count > 0)
    if since is not None:
        query = query.where(t.stories.c.last_seen >= _sortable(since.isoformat(), since.isoformat()))
    query = query.order_by(desc(t.stories.c.last_seen), t.stories.c.id)
    return [summary_of(row) for row in connection.execute(query)]


def summary_of(row: Row[Any]) -> StorySummary:
    """A row of the stories table as listed."""
    return StorySummary(
        id=row.id,
        headline=row.headline,
        article_count=row.article_count,
        source_count=row.source_count,
        first_seen=_time(row.first_seen),
        last_seen=_time(row.last_seen),
    )


def read_status(connection: Connection, label: str) -> StoreStatus:
    """Counts of every table that matters, the last run and its failures."""

    def count(table: object) -> int:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]

    last = connection.execute(select(t.runs).order_by(desc(t.runs.c.id)).limit(1)).first()
    run = None
    failures: list[Failure] = []
    if last is not None:
        run = RunInfo(
            id=last.id,
            started=datetime.fromisoformat(last.started),
            finished=_time(last.finished),
            status=last.status,
            counts=json.loads(last.counts),
            inputs=json.loads(last.inputs),
        )
        failures = [
            Failure(run_id=row.run_id, input=row.input, reason=row.reason)
            for row in connection.execute(
                select(t.failures).where(t.failures.c.run_id == last.id).order_by(t.failures.c.id)
            )
        ]
    return StoreStatus(
        url=label,
        articles=count(t.articles),
        stories=int(
            connection.execute(
                select(func.count()).select_from(t.stories).where(t.stories.c.article_count > 0)
            ).scalar_one()
        ),
        sentences=count(t.sentences),
        entities=count(t.mentions),
        runs=count(t.runs),
        last_run=run,
        failures=failures,
    )


def index_rows(connection: Connection) -> Iterator[IndexRow]:
    """Every article's signature, story and story vectors, in insertion order, a chunk at a time.

    Entity names are not read: story inputs take them from the text, as ingest does.
    """
    after = 0
    while True:
        rows = connection.execute(
            select(
                t.articles.c.id,
                t.articles.c.seq,
                t.articles.c.title,
                t.articles.c.text,
                t.articles.c.published,
                t.articles.c.signature,
                t.articles.c.story_id,
                t.articles.c.story_names,
            )
            .where(t.articles.c.seq > after)
            .order_by(t.articles.c.seq)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        ids = [row.id for row in rows]
        vectors: dict[str, list[Vector]] = defaultdict(list)
        for vector in connection.execute(
            select(t.embeddings.c.article_id, t.embeddings.c.dtype, t.embeddings.c.vector)
            .where(t.embeddings.c.article_id.in_(ids), t.embeddings.c.kind == "story")
            .order_by(t.embeddings.c.article_id, t.embeddings.c.idx)
        ):
            vectors[vector.article_id].append(vector_from_bytes(vector.vector, vector.dtype))
        for row in rows:
            yield IndexRow(
                id=row.id,
                title=row.title,
                text=row.text,
                published=_time(row.published),
                signature=row.signature,
                story_id=row.story_id,
                story_vectors=vectors[row.id],
                story_names=json.loads(row.story_names) if row.story_names is not None else None,
            )
        after = rows[-1].seq


def read_text_vectors(connection: Connection, article_ids: Iterable[str]) -> dict[str, Vector]:
    """Sentence and title vectors of the articles, keyed by the text they embed.

    Keyed by text, not by position, so a brief that splits an article the same way finds them, and one
    that splits it differently merely embeds the sentences it does not find.
    """
    ids = list(article_ids)
    found: dict[str, Vector] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        e = t.embeddings.c
        sentences = (
            select(t.sentences.c.text, e.dtype, e.vector)
            .join(t.sentences, (t.sentences.c.article_id == e.article_id) & (t.sentences.c.idx == e.idx))
            .where(e.article_id.in_(chunk), e.kind == "sentence")
        )
        titles = (
            select(t.articles.c.title, e.dtype, e.vector)
            .join(t.articles, t.articles.c.id == e.article_id)
            .where(e.article_id.in_(chunk), e.kind == "title")
        )
        for text, dtype, vector in [*connection.execute(sentences), *connection.execute(titles)]:
            found[text] = vector_from_bytes(vector, dtype)
    return found
