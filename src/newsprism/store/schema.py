"""The tables of the corpus, as SQLAlchemy Core metadata; migrations in ``migrations/`` create them.

Dates are ISO 8601 text: a publication date keeps exactly what the source said (with or without a
time zone) on every backend, and ``ingested_at`` is always UTC, so text order is time order.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("headline", Text, nullable=False, default=""),
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    Column("article_count", Integer, nullable=False, default=0),
    Column("source_count", Integer, nullable=False, default=0),
)
Index("ix_stories_last_seen", stories.c.last_seen)
Index("ix_stories_source_count", stories.c.source_count)

runs = Table(
    "ingestion_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(40), nullable=False),
    Column("finished", String(40)),
    Column("status", String(20), nullable=False),
    Column("counts", Text, nullable=False, default="{}"),
    Column("inputs", Text, nullable=False, default="[]"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    # Insertion order, so indexes rebuilt from the store see articles in the order they first did.
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("published", String(40)),
    Column("text", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("language", String(16)),
    Column("removed", Text, nullable=False, default="[]"),
    Column("signature", LargeBinary),
    Column("near_duplicate_of", String(32), ForeignKey("articles.id")),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    Column("ingested_at", String(40), nullable=False),
    Column("run_id", Integer, ForeignKey("ingestion_runs.id")),
    # JSON list of the names story clustering took from the text (NULL: stored before migration 0003).
    Column("story_names", Text),
)
Index("ix_articles_url", articles.c.url)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
)

embeddings = Table(
    "embeddings",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    # "sentence" (idx = sentence index), "title" (idx 0) or "story" (idx = order the story stage asked for it)
    Column("kind", String(16), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("dtype", String(8), nullable=False),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),
)

mentions = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(32), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("speaker", Text),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
)

completed_inputs = Table(
    "run_inputs",
    metadata,
    Column("run_id", Integer, ForeignKey("ingestion_runs.id"), primary_key=True),
    Column("input", Text, primary_key=True),
)

failures = Table(
    "input_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingestion_runs.id"), nullable=False, index=True),
    Column("input", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

# The brief of a story as last computed, with the parsed sources it cites; ``articles_key`` names the
# articles it was computed from, so a story that gained articles is recomputed, never served stale.
briefs = Table(
    "briefs",
    metadata,
    Column("story_id", Integer, ForeignKey("stories.id"), primary_key=True, autoincrement=False),
    Column("articles_key", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("brief", Text, nullable=False),
    Column("documents", Text, nullable=False),
)
