"""The store: idempotent, atomic batches, clear errors, and round trips of what it keeps."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import InputError
from newsprism.model import Article, Mention, ParsedArticle, Sentence
from newsprism.store import Store, StoredArticle, StoreError, StoreLockedError, StoreOptions, resolve_url
from newsprism.store.records import vector_from_bytes, vector_to_bytes


def stored(article_id: str, story: int | None = 1, near: str | None = None, title: str = "T") -> StoredArticle:
    text = f"Body of {article_id}. Second sentence."
    article = Article(id=article_id, source=f"S{article_id}", title=title, text=text, origin=f"o/{article_id}")
    document = ParsedArticle(
        article=article,
        sentences=[Sentence(article_id=article_id, index=0, start=0, end=len(text.split(".")[0]) + 1, text=text[:10])],
        mentions=[Mention(article_id=article_id, start=0, end=4, text="Body", label="ORG")],
    )
    vector = np.linspace(0, 1, 8, dtype=np.float32)
    return StoredArticle(document, [vector], vector, [vector], b"sig", near, story)


def test_adding_the_same_article_twice_is_a_no_op(store_url: str) -> None:
    store = Store.open(store_url)
    assert store.add_articles([stored("a"), stored("b")]) == 2
    assert store.add_articles([stored("a"), stored("c")]) == 1
    assert store.count() == 3
    assert store.has_article("a")
    assert not store.has_article("zz")
    [story] = store.stories()
    assert (story.article_count, story.source_count, story.headline) == (3, 3, "T")
    assert [a.id for a in store.articles_of_story(1)] == ["a", "b", "c"]
    store.close()


def test_a_failed_batch_commits_nothing_and_keeps_earlier_ones(store_url: str) -> None:
    store = Store.open(store_url)
    store.add_articles([stored("a")])
    with pytest.raises(StoreError, match="cannot store a batch"):
        store.add_articles([stored("b"), stored("c", near="missing")])  # foreign key to no article
    assert store.count() == 1
    assert store.status().sentences == 1
    store.close()


def test_story_merge_moves_articles_and_recounts(store_url: str) -> None:
    store = Store.open(store_url)
    store.add_articles([stored("a", story=1), stored("b", story=2, title="Other")])
    store.add_articles([stored("c", story=2)], merges={1: 2})
    [story] = store.stories()
    assert story.id == 2
    assert story.article_count == 3
    assert story.headline == "T"  # the first article's title
    store.close()


def test_runs_record_completed_inputs_and_failures(store_url: str) -> None:
    store = Store.open(store_url)
    run, skip = store.start_run(["x", "y"])
    assert skip == set()
    store.add_articles([stored("a")], run, completed=["x"], failures=[InputError("y", "broken")])
    # The run never finished (a crash): the next run of the same inputs skips what it completed.
    second, skip = store.start_run(["x", "y"])
    assert skip == {"x"}
    assert store.completed_inputs(second) == {"x"}
    store.finish_run(second, "completed", {"added": 0})
    status = store.status()
    assert status.last_run is not None
    assert status.last_run.status == "completed"
    assert status.articles == 1
    _, skip = store.start_run(["x", "y"])
    assert skip == set()  # a finished run is not resumed: feeds must be read again
    store.close()


def test_index_rows_round_trip_vectors(store_url: str) -> None:
    store = Store.open(store_url)
    item = stored("a")
    store.add_articles([item])
    [row] = store.index_rows()
    assert row.signature == b"sig"
    assert row.text == item.document.article.text
    np.testing.assert_allclose(row.story_vectors[0], item.story_vectors[0], atol=1e-3)
    store.close()


def test_vectors_are_compact_float16() -> None:
    vector = np.array([0.5, -0.25, 1.0], dtype=np.float32)
    data = vector_to_bytes(vector)
    assert len(data) == 6
    np.testing.assert_array_equal(vector_from_bytes(data), vector)


def test_locked_database_says_so_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    store = Store.open(str(path), StoreOptions(busy_timeout_seconds=0.2))
    store.add_articles([stored("a")])
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLockedError, match=r"c\.db: database is locked"):
            store.add_articles([stored("b")])
    finally:
        blocker.rollback()
        blocker.close()
    assert store.count() == 1
    assert store.add_articles([stored("b")]) == 1
    store.close()


def test_full_database_says_so_and_loses_nothing(tmp_path: Path) -> None:
    from sqlalchemy import event

    from newsprism.store import StoreFullError

    path = tmp_path / "full.db"
    store = Store.open(str(path))
    store.add_articles([stored("a")])
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    # SQLite's page cap stands in for a full disk: the same SQLITE_FULL error, without filling one.
    @event.listens_for(store.engine, "connect")
    def cap(connection: sqlite3.Connection, _: object) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    store.engine.dispose()
    big = [stored(f"big{n}") for n in range(200)]
    for item in big:
        item.document.article.text = "x" * 5_000
    with pytest.raises(StoreFullError, match=r"full\.db: disk or database is full"):
        store.add_articles(big)
    assert store.count() == 1
    store.close()


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    Store.open(str(tmp_path / "w.db")).close()
    with sqlite3.connect(tmp_path / "w.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003"


@pytest.mark.parametrize(
    ("given", "url"),
    [
        (None, "sqlite:///newsprism.db"),
        ("my.db", "sqlite:///my.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
    ],
)
def test_database_urls(given: str | None, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    assert resolve_url(given) == url


def test_env_names_default_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_DB", "/data/corpus.db")
    assert resolve_url(None) == "sqlite:////data/corpus.db"


def test_stored_vectors_are_found_by_the_text_they_embed(store_url: str, corpus_files: Path) -> None:
    from newsprism.corpus import CorpusOptions, ingest_inputs
    from newsprism.store.process import TwinModels
    from tests.store.conftest import TWIN_PROCESS

    store = Store.open(store_url)
    try:
        full = dataclasses.replace(TWIN_PROCESS, analysis="full")
        ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=full))
        story = store.stories()[0]
        articles = store.articles_of_story(story.id)
        found = store.stored_vectors([article.id for article in articles])
        nothing = store.stored_vectors([])
    finally:
        store.close()
    encoder = TwinModels().build().encoder
    assert nothing == {}
    assert all(article.title in found for article in articles)
    sentences = [text for text in found if text not in {article.title for article in articles}]
    assert sentences
    assert all(any(text in article.text for article in articles) for text in sentences)
    for text in [*sentences[:3], articles[0].title]:
        assert np.allclose(found[text], encoder.encode([text])[0], atol=1e-3)  # stored as float16


def test_lean_ingest_keeps_sentences_and_names_but_no_sentence_vectors(store_url: str, corpus_files: Path) -> None:
    from newsprism.corpus import CorpusOptions, ingest_inputs
    from newsprism.store.process import TwinModels
    from tests.store.conftest import TWIN_PROCESS

    assert TWIN_PROCESS.analysis == "lean"  # the default
    store = Store.open(store_url)
    try:
        ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS))
        status = store.status()
        articles = [a for story in store.stories() for a in store.articles_of_story(story.id)]
        found = store.stored_vectors([article.id for article in articles])
    finally:
        store.close()
    assert status.sentences > status.articles > 0
    assert status.entities > 0
    assert found == {}


def test_index_rows_give_back_the_story_names_stored(store_url: str) -> None:
    store = Store.open(store_url)
    named, unnamed = stored("a"), stored("b")
    named.story_names = ["Body", "NATO"]
    store.add_articles([named, unnamed])
    rows = {row.id: row for row in store.index_rows()}
    store.close()
    assert rows["a"].story_names == ["Body", "NATO"]
    assert rows["b"].story_names is None  # stored without them: a rebuild finds them in the text
