"""Alembic environment: always online, on the connection ``migrate`` hands over (no alembic.ini, no logging setup)."""

from __future__ import annotations

from alembic import context

from newsprism.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
