"""Reads for readers: stories a page at a time, in either order, searched; the brief cache."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert, select

from newsprism.corpus import CorpusOptions, ingest_inputs
from newsprism.store import Store
from newsprism.store import schema as t
from newsprism.store.browse import CachedBrief, articles_key, cached_brief, list_stories, save_brief, story_summary
from newsprism.store.process import TwinModels
from tests.store.conftest import TWIN_PROCESS


def _filled(url: str, corpus_files: Path) -> Store:
    store = Store.open(url)
    ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS))
    return store


def test_stories_come_a_page_at_a_time_in_either_order(store_url: str, corpus_files: Path) -> None:
    store = _filled(store_url, corpus_files)
    try:
        everything = list_stories(store, "latest", limit=100)
        by_sources = list_stories(store, "sources", limit=100)
        pages = [list_stories(store, "latest", limit=1, offset=n).stories for n in range(everything.total)]
    finally:
        store.close()
    assert everything.total == len(everything.stories) >= 2
    assert [s.id for page in pages for s in page] == [s.id for s in everything.stories]
    counts = [s.source_count for s in by_sources.stories]
    assert counts == sorted(counts, reverse=True)
    assert [s.last_seen for s in everything.stories] == sorted((s.last_seen for s in everything.stories), reverse=True)


def test_search_matches_headline_text_and_entities_case_insensitively(store_url: str, corpus_files: Path) -> None:
    store = _filled(store_url, corpus_files)
    try:
        floods = list_stories(store, query="FLOODS force").stories
        in_text = list_stories(store, query="rescue teams").stories
        nothing = list_stories(store, query="100%_sure").stories
        with store.engine.begin() as connection:
            article = connection.execute(
                select(t.articles.c.id, t.articles.c.story_id).where(t.articles.c.title.like("Council%")).limit(1)
            ).one()
            connection.execute(
                insert(t.mentions).values(
                    article_id=article.id, start=0, end=5, text="Jens Stoltenberg", label="PERSON"
                )
            )
        by_entity = list_stories(store, query="stoltenberg").stories
    finally:
        store.close()
    assert floods
    assert all("Floods" in s.headline for s in floods)
    assert {s.id for s in in_text} == {s.id for s in floods}
    assert nothing == []  # % and _ are matched literally, not as wildcards
    assert [s.id for s in by_entity] == [article.story_id]


def test_a_saved_brief_is_replaced_and_keyed_by_the_story_articles(store_url: str, corpus_files: Path) -> None:
    store = _filled(store_url, corpus_files)
    try:
        story = list_stories(store).stories[0]
        key = articles_key(store, story.id)
        save_brief(store, CachedBrief(story.id, "old", "{}", "[]"))
        save_brief(store, CachedBrief(story.id, key, '{"a": 1}', "[]"))
        kept = cached_brief(store, story.id)
        assert story_summary(store, story.id) == story
        assert story_summary(store, 99_999) is None
        assert articles_key(store, 99_999) == ""
    finally:
        store.close()
    assert kept == CachedBrief(story.id, key, '{"a": 1}', "[]")
    assert len(key) == 64


def test_a_store_at_the_first_schema_is_upgraded_when_opened(tmp_path: Path, corpus_files: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from newsprism.store.engine import MIGRATIONS, StoreOptions, create_store_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_store_engine(StoreOptions(url=url))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    # Ingesting opens the store, which upgrades it first; then the old and new tables are both usable.
    store = _filled(url, corpus_files)
    try:
        count = store.count()
        story = list_stories(store).stories[0]
        save_brief(store, CachedBrief(story.id, articles_key(store, story.id), "{}", "[]"))
        assert cached_brief(store, story.id) is not None
    finally:
        store.close()
    assert count == 12


def test_a_store_from_before_story_names_rebuilds_the_index_it_would_have_with_them(
    tmp_path: Path, corpus_files: Path
) -> None:
    from newsprism.store.assign import CorpusIndex

    fresh = _filled(f"sqlite:///{tmp_path / 'fresh.db'}", corpus_files)
    old = _filled(f"sqlite:///{tmp_path / 'old.db'}", corpus_files)
    try:
        with old.engine.begin() as connection:
            connection.execute(t.articles.update().values(story_names=None))
        indexes = []
        for store in (fresh, old):
            rows = list(store.index_rows())
            indexes.append(CorpusIndex.rebuild(rows, TWIN_PROCESS.lsh, TWIN_PROCESS.stories))
        assert all(row.story_names is not None for row in fresh.index_rows())
    finally:
        fresh.close()
        old.close()
    built, rebuilt = (index.clusterer for index in indexes)
    assert built.stories() == rebuilt.stories()
    assert {k: s.entities for k, s in built._stories.items()} == {k: s.entities for k, s in rebuilt._stories.items()}
