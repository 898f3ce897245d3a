"""A small twin-model corpus for the web tests: JSONL articles ingested into a temporary store."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsprism.corpus import CorpusOptions, ingest_inputs
from newsprism.store import Store
from newsprism.store.process import ProcessOptions, TwinModels
from newsprism.stories import StoryOptions
from newsprism.web.app import create_app
from newsprism.web.settings import WebSettings

TOKEN = "test-token-123"

STORY = [
    {
        "title": "Russia says troops return to base",
        "source": "Wire One",
        "url": "https://wire.example/a",
        "published": "2022-02-16",
        "text": "Russia said on Tuesday that some troops were returning to their bases. "
        "NATO Secretary General Jens Stoltenberg said the alliance had seen no sign of de-escalation. "
        "The defence ministry released video of tanks loaded onto trains.",
    },
    {
        "title": "Russia says troops return to base, NATO doubts it",
        "source": "Paper Two",
        "url": "https://paper.example/b",
        "published": "2022-02-16",
        "text": "Russia said on Tuesday that some troops were returning to their bases. "
        "Stoltenberg said NATO had seen no sign of de-escalation on the ground. "
        "Ukraine's foreign minister said he would believe it when he saw it.",
    },
]


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def twin_store(folder: Path, records: Sequence[dict[str, Any]], together: bool = True) -> str:
    """A SQLite store at ``folder`` holding ``records``, ingested with the model twins; its URL.

    The twins' hashing vectors are far weaker than real embeddings, so ``together`` lowers the bar for
    joining a story until articles about one event share one, as the real models would have them."""
    url = f"sqlite:///{folder / 'corpus.db'}"
    stories = StoryOptions(threshold=0.05, entity_weight=0.0) if together else StoryOptions()
    options = CorpusOptions(process=ProcessOptions(stories=stories))
    store = Store.open(url)
    try:
        ingest_inputs([str(write_jsonl(folder / "articles.jsonl", records))], store, TwinModels(), options)
    finally:
        store.close()
    return url


@contextmanager
def client(url: str, **settings: Any) -> Iterator[TestClient]:
    """A test client of the app over the store at ``url`` (twin models; overrides in ``settings``)."""
    options: dict[str, Any] = {"db_url": url, "models": TwinModels(), **settings}
    with TestClient(create_app(WebSettings(**options)), raise_server_exceptions=False) as test_client:
        yield test_client
