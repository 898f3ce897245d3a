"""Story names: the names by shape each article brought to story clustering, kept so that an index
rebuild need not find them in every stored text again (a third of a rebuild's time).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the column; articles stored before it keep NULL and have their names found from the text."""
    op.add_column("articles", sa.Column("story_names", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    op.drop_column("articles", "story_names")
