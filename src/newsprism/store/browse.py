"""Reads for readers of the corpus: stories a page at a time, searched by text or entity, and the brief cache.

A brief takes seconds to compute and milliseconds to read, so the brief of a story is kept with the
key of the articles it was computed from: a story that gains an article has a new key, and its brief is
recomputed rather than served stale.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, desc, exists, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsprism.store import schema as t
from newsprism.store.queries import summary_of
from newsprism.store.records import StorySummary
from newsprism.store.store import Store, utc_now

StoryOrder = Literal["latest", "sources"]

# Longest search text accepted: longer ones are cut, so one request cannot make a pathological query.
MAX_QUERY = 200


@dataclass(frozen=True)
class StoryPage:
    """One page of a story listing and how many stories match in all."""

    stories: list[StorySummary]
    total: int


@dataclass(frozen=True)
class CachedBrief:
    """A story's brief as JSON, with its parsed sources as a JSON list, and the articles it was made from."""

    story_id: int
    articles_key: str
    brief_json: str
    documents_json: str


def list_stories(
    store: Store, order: StoryOrder = "latest", query: str = "", limit: int = 50, offset: int = 0
) -> StoryPage:
    """Stories, latest seen or most sources first; ``query`` matches headlines, article titles and texts, and
    named entities (a plain substring scan: fine for a newsroom's corpus, not a search engine)."""
    statement = select(t.stories).where(t.stories.c.article_count > 0)
    text = query.strip()[:MAX_QUERY].lower()
    if text:
        statement = _matching(statement, text)
    if order == "sources":
        statement = statement.order_by(desc(t.stories.c.source_count), desc(t.stories.c.last_seen), t.stories.c.id)
    else:
        statement = statement.order_by(desc(t.stories.c.last_seen), t.stories.c.id)
    with store._guard("list stories"), store.engine.connect() as connection:
        total = int(connection.execute(select(func.count()).select_from(statement.subquery())).scalar_one())
        rows = connection.execute(statement.limit(max(0, limit)).offset(max(0, offset))).all()
    return StoryPage([summary_of(row) for row in rows], total)


def _matching(statement: Select[tuple[object, ...]], text: str) -> Select[tuple[object, ...]]:
    """Stories whose headline, an article's title or text, or a named entity holds ``text`` (case-insensitive)."""
    article = t.articles.alias("a")
    titled = exists().where(
        article.c.story_id == t.stories.c.id,
        or_(
            func.lower(article.c.title).contains(text, autoescape=True),
            func.lower(article.c.text).contains(text, autoescape=True),
        ),
    )
    mention = t.mentions.alias("m")
    named = exists().where(
        article.c.story_id == t.stories.c.id,
        mention.c.article_id == article.c.id,
        func.lower(mention.c.text).contains(text, autoescape=True),
    )
    return statement.where(or_(func.lower(t.stories.c.headline).contains(text, autoescape=True), titled, named))


def story_summary(store: Store, story_id: int) -> StorySummary | None:
    """One story's listing row, or None when there is no such story."""
    query = select(t.stories).where(t.stories.c.id == story_id, t.stories.c.article_count > 0)
    with store._guard("read a story"), store.engine.connect() as connection:
        row = connection.execute(query).first()
    return summary_of(row) if row is not None else None


def articles_key(store: Store, story_id: int) -> str:
    """A key naming exactly the articles a story holds now ("" for a story without articles)."""
    query = select(t.articles.c.id).where(t.articles.c.story_id == story_id).order_by(t.articles.c.id)
    with store._guard("read a story"), store.engine.connect() as connection:
        ids = list(connection.execute(query).scalars())
    return hashlib.sha256("\n".join(ids).encode()).hexdigest() if ids else ""


def cached_brief(store: Store, story_id: int) -> CachedBrief | None:
    """The brief last computed for a story, whatever articles it was computed from (compare the key)."""
    query = select(t.briefs).where(t.briefs.c.story_id == story_id)
    with store._guard("read a brief"), store.engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        return None
    return CachedBrief(row.story_id, row.articles_key, row.brief, row.documents)


def save_brief(store: Store, brief: CachedBrief) -> None:
    """Keep a story's brief, replacing the one computed before."""
    values = {
        "story_id": brief.story_id,
        "articles_key": brief.articles_key,
        "created_at": utc_now(),
        "brief": brief.brief_json,
        "documents": brief.documents_json,
    }
    changed = {key: values[key] for key in ("articles_key", "created_at", "brief", "documents")}
    with store._write("keep a brief") as connection:
        if connection.dialect.name == "postgresql":
            statement = pg_insert(t.briefs).values(**values)
            connection.execute(statement.on_conflict_do_update(index_elements=["story_id"], set_=changed))
        else:
            statement_lite = sqlite_insert(t.briefs).values(**values)
            connection.execute(statement_lite.on_conflict_do_update(index_elements=["story_id"], set_=changed))


def corpus_version(store: Store) -> tuple[int, int]:
    """The last article stored and the last run started: any write by anyone changes one of them."""
    with store._guard("read the corpus version"), store.engine.connect() as connection:
        last_article = connection.execute(select(func.max(t.articles.c.seq))).scalar_one()
        last_run = connection.execute(select(func.max(t.runs.c.id))).scalar_one()
    return int(last_article or 0), int(last_run or 0)
