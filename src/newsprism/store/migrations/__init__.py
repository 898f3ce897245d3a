"""Alembic migrations of the corpus schema, run in code by ``newsprism.store.engine.migrate``."""
