"""The brief of a stored story for the web app: read from the store's cache when its articles are
unchanged, else computed once (one computation per story at a time) and kept for every later reader.

Three layers, fastest first: this process's memory, the store's ``briefs`` table (shared by every
worker and kept across restarts), and the pipeline itself (seconds, models loaded on first use).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import TypeAdapter

from newsprism.errors import NoArticlesError
from newsprism.ingest.raw import raw_from_article
from newsprism.model import Brief, ParsedArticle
from newsprism.pipeline import Models, PipelineOptions, brief_from_raw
from newsprism.render.json import brief_from_json, brief_to_json
from newsprism.store import Store
from newsprism.store.browse import CachedBrief, articles_key, cached_brief, save_brief
from newsprism.store.process import ModelFactory

_DOCUMENTS = TypeAdapter(list[ParsedArticle])

Value = TypeVar("Value")


@dataclass(frozen=True)
class StoryBrief:
    """A story's brief with the parsed sources its citations point into."""

    story_id: int
    articles_key: str
    brief: Brief
    documents: list[ParsedArticle]


class MissingStoryError(LookupError):
    """No story with this number, or one without articles."""


class Memo(Generic[Value]):
    """A small least-recently-used map, safe to share between a worker's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[object, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object) -> Value | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: object, value: Value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class BriefService:
    """Briefs of stored stories, each computed at most once per set of articles."""

    def __init__(self, store: Store, models: ModelFactory, memory: int = 64) -> None:
        self.store = store
        self.models = models
        self._memo: Memo[StoryBrief] = Memo(memory)
        self._json: Memo[bytes] = Memo(memory)
        self._locks: dict[int, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def current_key(self, story_id: int) -> str:
        """The key of the story's articles now; raises ``MissingStoryError`` when it has none."""
        key = articles_key(self.store, story_id)
        if not key:
            raise MissingStoryError(f"no story {story_id}")
        return key

    def brief(self, story_id: int, key: str | None = None) -> StoryBrief:
        """The story's brief for its current articles (``key`` when the caller has just read it)."""
        key = key or self.current_key(story_id)
        found = self._memo.get((story_id, key))
        if found is not None:
            return found
        with self._lock_of(story_id):
            found = self._memo.get((story_id, key)) or self._stored(story_id, key) or self._compute(story_id)
        self._memo.put((story_id, found.articles_key), found)
        return found

    def brief_json(self, story_id: int) -> bytes:
        """The story's brief as compact JSON (the API's answer), serialized once per set of articles."""
        key = self.current_key(story_id)
        found = self._json.get((story_id, key))
        if found is None:
            story = self.brief(story_id, key)
            found = story.brief.model_dump_json().encode()
            self._json.put((story_id, story.articles_key), found)
        return found

    def _lock_of(self, story_id: int) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(story_id, threading.Lock())

    def _stored(self, story_id: int, key: str) -> StoryBrief | None:
        cached = cached_brief(self.store, story_id)
        if cached is None or cached.articles_key != key:
            return None
        return StoryBrief(
            story_id, key, brief_from_json(cached.brief_json), _DOCUMENTS.validate_json(cached.documents_json)
        )

    def _compute(self, story_id: int) -> StoryBrief:
        # The key is read again with the articles, so the brief is filed under what it was made from.
        articles = self.store.articles_of_story(story_id)
        if not articles:
            raise MissingStoryError(f"no story {story_id}")
        key = self.current_key(story_id)
        stored = self.store.stored_vectors([article.id for article in articles])
        raw = [raw_from_article(article) for article in articles]
        result = brief_from_raw(raw, self._loaded(), PipelineOptions(), stored_vectors=stored)
        if not result.brief.sources:
            raise NoArticlesError(f"story {story_id} has no usable article")
        made = StoryBrief(story_id, key, result.brief, result.documents)
        save_brief(
            self.store,
            CachedBrief(story_id, key, brief_to_json(result.brief), _DOCUMENTS.dump_json(result.documents).decode()),
        )
        return made

    def _loaded(self) -> Models:
        # Factories cache what they build, so models load once per process, on the first brief computed.
        return self.models.build()
