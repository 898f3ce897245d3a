"""Store: the corpus database (SQLite by default, PostgreSQL by URL), migrated with Alembic on open."""

from newsprism.errors import StoreError, StoreFullError, StoreLockedError
from newsprism.store.engine import DB_ENV, DEFAULT_DB_FILE, StoreOptions, resolve_url
from newsprism.store.records import (
    Failure,
    IndexRow,
    RunInfo,
    StoredArticle,
    StoreStatus,
    StorySummary,
    vector_from_bytes,
    vector_to_bytes,
)
from newsprism.store.store import COMPLETED, FAILED, INTERRUPTED, RUNNING, Store

__all__ = [
    "COMPLETED",
    "DB_ENV",
    "DEFAULT_DB_FILE",
    "FAILED",
    "INTERRUPTED",
    "RUNNING",
    "Failure",
    "IndexRow",
    "RunInfo",
    "Store",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreOptions",
    "StoreStatus",
    "StoredArticle",
    "StorySummary",
    "resolve_url",
    "vector_from_bytes",
    "vector_to_bytes",
]
