"""Cached briefs: the brief of a story as last computed, keyed by the articles it was computed from;
indexes for listing stories by time and by source count.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the brief cache and the story listing indexes."""
    op.create_table(
        "briefs",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("articles_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("documents", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"]),
        sa.PrimaryKeyConstraint("story_id"),
    )
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"], unique=False)
    op.create_index("ix_stories_source_count", "stories", ["source_count"], unique=False)


def downgrade() -> None:
    """Drop the brief cache and the listing indexes."""
    op.drop_index("ix_stories_source_count", table_name="stories")
    op.drop_index("ix_stories_last_seen", table_name="stories")
    op.drop_table("briefs")
