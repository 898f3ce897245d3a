"""Briefs of stored stories: computed once per set of articles, shared through the store, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.pipeline import Models
from newsprism.store import Store
from newsprism.store.browse import cached_brief
from newsprism.store.process import TwinModels
from newsprism.web.briefs import BriefService, MissingStoryError
from tests.web.corpus import STORY, twin_store


class CountingModels:
    """Twin models that count how often a brief asked for them, i.e. how many briefs were computed."""

    def __init__(self) -> None:
        self.builds = 0

    def build(self, parse: bool = True) -> Models:
        self.builds += 1
        return TwinModels().build()


def test_a_brief_is_computed_once_and_then_read_from_memory_or_the_store(tmp_path: Path) -> None:
    store = Store.open(twin_store(tmp_path, STORY))
    try:
        models = CountingModels()
        first = BriefService(store, models).brief(0)
        service = BriefService(store, models)  # as another worker process would
        again = service.brief(0)
        assert service.brief(0) is again
        assert models.builds == 1
        assert again.brief == first.brief
        assert again.documents == first.documents
        cached = cached_brief(store, 0)
        assert cached is not None
        assert cached.articles_key == first.articles_key
    finally:
        store.close()


def test_a_story_that_gained_an_article_gets_a_new_brief(tmp_path: Path) -> None:
    url = twin_store(tmp_path, STORY[:1])
    store = Store.open(url)
    try:
        models = CountingModels()
        service = BriefService(store, models)
        before = service.brief(0)
        assert len(before.brief.sources) == 1
        store.close()
        twin_store(tmp_path, STORY)  # the same store, now with the second article in the same story
        store = Store.open(url)
        service.store = store
        after = service.brief(0)
    finally:
        store.close()
    assert after.articles_key != before.articles_key
    assert len(after.brief.sources) == 2
    assert models.builds == 2


def test_a_missing_story_is_reported(tmp_path: Path) -> None:
    store = Store.open(twin_store(tmp_path, STORY))
    try:
        with pytest.raises(MissingStoryError):
            BriefService(store, CountingModels()).brief(42)
    finally:
        store.close()
