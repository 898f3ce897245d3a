"""Opening a corpus database: SQLite by default (WAL, foreign keys, busy timeout), PostgreSQL by URL."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from newsprism.errors import StoreError

DEFAULT_DB_FILE = "newsprism.db"
DB_ENV = "NEWSPRISM_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class StoreOptions:
    """Where the corpus lives and how long to wait for another writer."""

    url: str | None = None
    busy_timeout_seconds: float = 30.0


def resolve_url(url: str | None) -> str:
    """The database URL: as given, else ``$NEWSPRISM_DB``, else ``newsprism.db`` here; a plain path means SQLite."""
    chosen = url or os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" not in chosen:
        return f"sqlite:///{chosen}"
    if chosen.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy's default for postgresql:// is psycopg2.
        return "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def create_store_engine(options: StoreOptions) -> Engine:
    """An engine for the URL, with the SQLite settings that make it safe for one writer and many readers."""
    url = resolve_url(options.url)
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"{url}: not a database URL ({error})") from error
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as error:
            raise StoreError(f"{parsed.render_as_string(hide_password=True)}: cannot open ({error})") from error
    memory = parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"timeout": options.busy_timeout_seconds}}
    if memory:
        # One shared connection, or every new connection would see a new, empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif parsed.database is not None:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, **kwargs)
    busy_ms = int(options.busy_timeout_seconds * 1000)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if not memory:
            # WAL: readers never block the writer, and a killed writer leaves the last commit intact.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped with this package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
