"""The corpus store: every article with its analysis, the stories they form, and the runs that read them.

Each batch is written in one transaction, together with the inputs it completes, so a process killed at
any point leaves the store as of its last commit, and a re-run resumes after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from newsprism.errors import InputError, StoreError, StoreFullError, StoreLockedError
from newsprism.model import Article, RemovedLine
from newsprism.store import schema as t
from newsprism.store.engine import StoreOptions, create_store_engine, migrate
from newsprism.store.queries import index_rows, read_status, read_stories, read_text_vectors, refresh_stories
from newsprism.store.records import (
    VECTOR_DTYPE,
    IndexRow,
    StoredArticle,
    StoreStatus,
    StorySummary,
    Vector,
    vector_to_bytes,
)

RUNNING, COMPLETED, FAILED, INTERRUPTED, RESUMED = "running", "completed", "failed", "interrupted", "resumed"


def utc_now() -> str:
    """Now, as the ISO text every timestamp of the store uses."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse_time(value: str | None) -> datetime | None:
    """A stored ISO timestamp as a datetime (None stays None)."""
    return datetime.fromisoformat(value) if value else None


class Store:
    """A corpus database; ``Store.open("sqlite:///:memory:")`` is the in-memory twin for tests."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, url: str | None = None, options: StoreOptions | None = None) -> Store:
        """Open (creating and migrating as needed) the database at ``url``, ``$NEWSPRISM_DB`` or ``newsprism.db``."""
        options = options or StoreOptions()
        if url is not None:
            options = StoreOptions(url=url, busy_timeout_seconds=options.busy_timeout_seconds)
        engine = create_store_engine(options)
        label = engine.url.render_as_string(hide_password=True)
        store = cls(engine, label)
        with store._guard("open"):
            migrate(engine)
        return store

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn driver errors into one clear message; the failed transaction is rolled back, earlier ones kept."""
        try:
            yield
        except OperationalError as error:
            message = str(error.orig or error).lower()
            if "locked" in message or "busy" in message:
                raise StoreLockedError(
                    f"{self.label}: database is locked by another process (cannot {action}); "
                    "nothing committed is lost, try again when it finishes"
                ) from error
            if "full" in message or "no space" in message or "53100" in message:
                raise StoreFullError(
                    f"{self.label}: disk or database is full (cannot {action}); the last batch was rolled back, "
                    "nothing committed before it is lost"
                ) from error
            raise StoreError(f"{self.label}: cannot {action} ({error.orig or error})") from error
        except SQLAlchemyError as error:
            raise StoreError(f"{self.label}: cannot {action} ({error})") from error

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with self._guard(action), self.engine.begin() as connection:
            yield connection

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this content id is stored."""
        return bool(self.known_ids([article_id]))

    def known_ids(self, article_ids: Sequence[str]) -> set[str]:
        """The ids among ``article_ids`` already stored."""
        with self._guard("read articles"), self.engine.connect() as connection:
            return _known(connection, article_ids)

    def start_run(self, inputs: Sequence[str]) -> tuple[int, set[str]]:
        """Record a new run; return its id and the inputs that an interrupted run of the same inputs completed."""
        listed = json.dumps(list(inputs))
        with self._write("start a run") as connection:
            unfinished = connection.execute(
                select(t.runs.c.id).where(t.runs.c.status.in_([RUNNING, INTERRUPTED]), t.runs.c.inputs == listed)
            ).scalars()
            earlier = list(unfinished)
            done = set(
                connection.execute(
                    select(t.completed_inputs.c.input).where(t.completed_inputs.c.run_id.in_(earlier))
                ).scalars()
            )
            if earlier:
                connection.execute(update(t.runs).where(t.runs.c.id.in_(earlier)).values(status=RESUMED))
            run_id = connection.execute(
                insert(t.runs).values(started=utc_now(), status=RUNNING, counts="{}", inputs=listed)
            ).inserted_primary_key
            assert run_id is not None
            new_id = int(run_id[0])
            # The new run inherits what the interrupted ones completed, so a second interruption loses nothing.
            if done:
                connection.execute(insert(t.completed_inputs), [{"run_id": new_id, "input": name} for name in done])
        return new_id, done

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        """Close a run with its final status and counts."""
        with self._write("finish the run") as connection:
            connection.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(finished=utc_now(), status=status, counts=json.dumps(counts, sort_keys=True))
            )

    def record_failure(self, run_id: int, failure: InputError) -> None:
        """Record an input the run could not read."""
        with self._write("record a failure") as connection:
            _insert_failures(connection, run_id, [failure])

    def add_articles(
        self,
        batch: Sequence[StoredArticle],
        run_id: int | None = None,
        completed: Sequence[str] = (),
        failures: Sequence[InputError] = (),
        merges: dict[int, int] | None = None,
    ) -> int:
        """Store a batch in one transaction (articles already stored are skipped); return how many were new."""
        with self._write("store a batch") as connection:
            known = _known(connection, [item.id for item in batch])
            new = [item for item in _unique(batch) if item.id not in known]
            story_ids = {item.story_id for item in new if item.story_id is not None} | set((merges or {}).values())
            existing = set(connection.execute(select(t.stories.c.id).where(t.stories.c.id.in_(story_ids))).scalars())
            if story_ids - existing:
                connection.execute(insert(t.stories), [{"id": s, "headline": ""} for s in sorted(story_ids - existing)])
            _insert_articles(connection, new, run_id)
            touched = {item.story_id for item in new if item.story_id is not None}
            for old, target in (merges or {}).items():
                connection.execute(update(t.articles).where(t.articles.c.story_id == old).values(story_id=target))
                connection.execute(delete(t.stories).where(t.stories.c.id == old))
                touched.discard(old)
                touched.add(target)
            refresh_stories(connection, touched)
            if run_id is not None:
                if completed:
                    connection.execute(
                        insert(t.completed_inputs),
                        [{"run_id": run_id, "input": name} for name in dict.fromkeys(completed)],
                    )
                _insert_failures(connection, run_id, failures)
        return len(new)

    def completed_inputs(self, run_id: int) -> set[str]:
        """The inputs a run has completed so far."""
        with self._guard("read runs"), self.engine.connect() as connection:
            query = select(t.completed_inputs.c.input).where(t.completed_inputs.c.run_id == run_id)
            return set(connection.execute(query).scalars())

    def articles_of_story(self, story_id: int) -> list[Article]:
        """The articles of a story, in the order they were ingested."""
        query = select(t.articles).where(t.articles.c.story_id == story_id).order_by(t.articles.c.seq)
        with self._guard("read a story"), self.engine.connect() as connection:
            return [_article(row._mapping) for row in connection.execute(query)]

    def stored_vectors(self, article_ids: Sequence[str]) -> dict[str, Vector]:
        """The vectors ingest computed for these articles' sentences and titles, by their text."""
        with self._guard("read vectors"), self.engine.connect() as connection:
            return read_text_vectors(connection, article_ids)

    def stories(self, since: datetime | None = None) -> list[StorySummary]:
        """Every story, most recently seen first; with ``since``, only stories seen since then."""
        with self._guard("read stories"), self.engine.connect() as connection:
            return read_stories(connection, since)

    def status(self) -> StoreStatus:
        """Counts, the last run and its failures."""
        with self._guard("read status"), self.engine.connect() as connection:
            return read_status(connection, self.label)

    def index_rows(self) -> Iterator[IndexRow]:
        """What the near-duplicate and story indexes need, article by article in insertion order."""
        with self._guard("read the indexes"), self.engine.connect() as connection:
            yield from index_rows(connection)

    def count(self) -> int:
        """How many articles are stored."""
        with self._guard("count articles"), self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(t.articles)).scalar_one())


def _unique(batch: Sequence[StoredArticle]) -> list[StoredArticle]:
    return list({item.id: item for item in reversed(batch)}.values())[::-1]


def _known(connection: Connection, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    query = select(t.articles.c.id).where(t.articles.c.id.in_(list(set(article_ids))))
    return set(connection.execute(query).scalars())


def _insert_failures(connection: Connection, run_id: int, failures: Sequence[InputError]) -> None:
    if failures:
        rows = [{"run_id": run_id, "input": f.origin, "reason": f.problem} for f in failures]
        connection.execute(insert(t.failures), rows)


def _insert_articles(connection: Connection, items: Sequence[StoredArticle], run_id: int | None) -> None:
    if not items:
        return
    seq = int(connection.execute(select(func.coalesce(func.max(t.articles.c.seq), 0))).scalar_one())
    now = utc_now()
    for offset, item in enumerate(items, start=1):
        article = item.document.article
        # One row at a time, in order, so a near-duplicate's original (earlier in the batch) exists first.
        connection.execute(
            insert(t.articles).values(
                id=article.id,
                seq=seq + offset,
                source=article.source,
                title=article.title,
                url=article.url,
                published=article.published.isoformat() if article.published else None,
                text=article.text,
                origin=article.origin,
                language=article.language,
                removed=json.dumps([line.model_dump() for line in article.removed]),
                signature=item.signature,
                story_names=json.dumps(item.story_names) if item.story_names is not None else None,
                near_duplicate_of=item.near_duplicate_of,
                story_id=item.story_id,
                ingested_at=now,
                run_id=run_id,
            )
        )
    sentences = [
        {**s.model_dump(include={"start", "end", "paragraph", "text"}), "article_id": s.article_id, "idx": s.index}
        for item in items
        for s in item.document.sentences
    ]
    if sentences:
        connection.execute(insert(t.sentences), sentences)
    mentions = [m.model_dump() for item in items for m in item.document.mentions]
    if mentions:
        connection.execute(insert(t.mentions), mentions)
    vectors = [row for item in items for row in _vector_rows(item)]
    if vectors:
        connection.execute(insert(t.embeddings), vectors)


def _vector_rows(item: StoredArticle) -> Iterator[dict[str, object]]:
    slots = [("sentence", i, v) for i, v in enumerate(item.sentence_vectors)]
    slots += [("story", i, v) for i, v in enumerate(item.story_vectors)]
    if item.title_vector is not None:
        slots.append(("title", 0, item.title_vector))
    for kind, index, vector in slots:
        if not np.any(vector):
            continue  # a fragment too short to compare has no vector worth keeping
        yield {
            "article_id": item.id,
            "kind": kind,
            "idx": index,
            "dtype": VECTOR_DTYPE,
            "dim": int(vector.shape[0]),
            "vector": vector_to_bytes(vector),
        }


def _article(row: object) -> Article:
    values = dict(row)  # type: ignore[call-overload]
    return Article(
        id=values["id"],
        source=values["source"],
        title=values["title"],
        url=values["url"],
        published=parse_time(values["published"]),
        text=values["text"],
        origin=values["origin"],
        language=values["language"],
        removed=[RemovedLine.model_validate(line) for line in json.loads(values["removed"])],
    )
