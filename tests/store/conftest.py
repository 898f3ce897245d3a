"""Store fixtures: an in-memory SQLite store always, a real PostgreSQL one when NEWSPRISM_TEST_POSTGRES is set."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsprism.store.process import ProcessOptions
from newsprism.stories import StoryOptions

# The model twins find no entities; story assignment then rests on the vectors alone.
# Hashed bag-of-words vectors of two topics overlap more than real embeddings do: a higher bar.
TWIN_PROCESS = ProcessOptions(stories=StoryOptions(entity_weight=0.0, threshold=0.5, merge_threshold=0.7))

POSTGRES = os.environ.get("NEWSPRISM_TEST_POSTGRES")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES, reason="set NEWSPRISM_TEST_POSTGRES")),
]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "sqlite":
        yield "sqlite:///:memory:"
        return
    assert POSTGRES is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in POSTGRES else "?"
    yield f"{POSTGRES}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def article_lines(count: int, start: int = 0) -> str:
    """JSON Lines of small, distinct English articles on two topics."""
    topics = [
        "The city council approved the new budget for schools and roads after a long debate on taxes.",
        "Heavy rain flooded the river valley and rescue teams moved families from their homes overnight.",
    ]
    lines = []
    for n in range(start, start + count):
        body = f"{topics[n % 2]} Officials said report number {n} was published on day {n}. " * 3
        title = ("Council approves the school and road budget", "Floods force families from the river valley")[n % 2]
        lines.append(json.dumps({"title": title, "text": body, "source": f"Outlet {n % 3}"}))
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"part{number}.jsonl").write_text(article_lines(4, start=number * 4), encoding="utf-8")
    return folder
