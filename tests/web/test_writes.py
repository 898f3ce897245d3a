"""Articles added through the API: the corpus index stays warm between a worker's own batches, and is
rebuilt whenever anyone else wrote, so every batch is placed exactly as a fresh `newsprism ingest` would."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from newsprism.corpus import CorpusOptions, ingest_inputs
from newsprism.store import Store
from newsprism.store import schema as t
from newsprism.store.process import TwinModels
from newsprism.web import writes
from newsprism.web.writes import ArticleWriter
from tests.store.conftest import TWIN_PROCESS, article_lines

OPTIONS = CorpusOptions(process=TWIN_PROCESS)


def _batches(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"batch{number}.jsonl"
        path.write_text(article_lines(3, start=number * 3), encoding="utf-8")
        paths.append(path)
    return paths


def _placement(store: Store) -> list[tuple[str, int | None, str | None]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(t.articles.c.id, t.articles.c.story_id, t.articles.c.near_duplicate_of).order_by(t.articles.c.seq)
        )
        return [(row.id, row.story_id, row.near_duplicate_of) for row in rows]


def test_a_warm_index_places_batches_as_fresh_runs_do(tmp_path: Path) -> None:
    batches = _batches(tmp_path, 3)
    fresh = Store.open("sqlite:///:memory:")
    for path in batches:
        ingest_inputs([str(path)], fresh, TwinModels(), OPTIONS)
    warm = Store.open("sqlite:///:memory:")
    writer = ArticleWriter(warm, TwinModels(), OPTIONS)
    for path in batches:
        writer.ingest(path)
    assert writer.rebuilds == 1
    assert _placement(warm) == _placement(fresh)


def test_a_write_by_anyone_else_makes_the_next_batch_rebuild(tmp_path: Path) -> None:
    first, other, last = _batches(tmp_path, 3)
    store = Store.open("sqlite:///:memory:")
    writer = ArticleWriter(store, TwinModels(), OPTIONS)
    writer.ingest(first)
    ingest_inputs([str(other)], store, TwinModels(), OPTIONS)  # e.g. `newsprism ingest` meanwhile
    writer.ingest(last)
    assert writer.rebuilds == 2
    assert store.count() == 9


def test_a_failed_batch_drops_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _batches(tmp_path, 2)
    store = Store.open("sqlite:///:memory:")
    writer = ArticleWriter(store, TwinModels(), OPTIONS)
    writer.ingest(first)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    with monkeypatch.context() as patch:
        patch.setattr(writes, "ingest_inputs", broken)
        with pytest.raises(RuntimeError):
            writer.ingest(second)
    writer.ingest(second)
    assert writer.rebuilds == 2
    assert store.count() == 6
