"""The JSON API against its own OpenAPI spec: Schemathesis generates valid and invalid requests for every
operation (POST /api/articles with the write token) and checks each answer: no server error, only
documented status codes and content types, bodies that match their schemas, invalid requests refused."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from newsprism.store.process import TwinModels
from newsprism.web.app import create_app
from newsprism.web.settings import WebSettings
from tests.web.corpus import STORY, TOKEN, twin_store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "russia-pullback"

# The app is made when the tests are collected and started on the first request (Schemathesis runs its
# lifespan), by when the fixture below has filled its store; every check then reaches it in-process.
DB = Path(tempfile.gettempdir()) / f"newsprism-openapi-{uuid.uuid4().hex}" / "corpus.db"
# A write limit high enough that the generated POSTs reach the ingest path rather than a 429.
APP = create_app(
    WebSettings(db_url=f"sqlite:///{DB}", models=TwinModels(), write_token=TOKEN, write_rate="10000/minute")
)
schema = schemathesis.openapi.from_dict(
    APP.openapi(), config=schemathesis.Config.from_dict({"auth": {"openapi": {"HTTPBearer": {"bearer": TOKEN}}}})
)
schema.app = APP


@pytest.fixture(scope="module", autouse=True)
def corpus() -> Iterator[None]:
    DB.parent.mkdir()
    # A two-source story and the example's five reports: briefs with every section to serialize.
    example = [
        {"text": path.read_text(encoding="utf-8"), "source": path.stem} for path in sorted(EXAMPLE.glob("*.txt"))
    ]
    assert twin_store(DB.parent, [*STORY, *example]) == f"sqlite:///{DB}"
    yield
    # Stop the app's lifespan, closing its store, before the store's folder goes.
    schemathesis.python.asgi.shutdown_lifespans()
    shutil.rmtree(DB.parent)


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_api_conforms_to_its_spec(case: schemathesis.Case) -> None:
    case.call_and_validate()
