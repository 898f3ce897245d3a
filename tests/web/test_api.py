"""The JSON API: the CLI's JSON over HTTP, and articles added only with the write token."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from newsprism.render.json import brief_to_json
from newsprism.web.briefs import BriefService
from tests.web.corpus import STORY, TOKEN, client, twin_store


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return twin_store(tmp_path, STORY)


def test_stories_are_listed_as_the_cli_lists_them(store_url: str) -> None:
    with client(store_url) as app:
        listing = app.get("/api/stories", params={"sort": "sources", "limit": 10}).json()
        one = app.get("/api/stories/0").json()
    assert listing["total"] == 1
    assert listing["stories"][0] == one
    assert set(one) == {"story", "sources", "articles", "first_seen", "last_seen", "headline"}
    assert (one["story"], one["sources"], one["articles"]) == (0, 2, 2)


def test_brief_is_the_cli_json_and_valid_against_its_schema(store_url: str) -> None:
    schema = json.loads((files("newsprism") / "schema" / "brief.schema.json").read_text(encoding="utf-8"))
    with client(store_url) as app:
        answer = app.get("/api/stories/0/brief")
        service: BriefService = app.app.state.context.briefs  # type: ignore[attr-defined]
        expected = json.loads(brief_to_json(service.brief(0).brief))
    assert answer.status_code == 200
    jsonschema.validate(answer.json(), schema)
    assert answer.json() == expected


def test_articles_of_a_story_and_status(store_url: str) -> None:
    with client(store_url) as app:
        articles = app.get("/api/stories/0/articles").json()
        status = app.get("/api/status").json()
        missing = app.get("/api/stories/77/articles")
    assert [a["source"] for a in articles] == ["Wire One", "Paper Two"]
    assert status["articles"] == 2
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no story 77"}


def test_a_read_only_server_refuses_articles(store_url: str) -> None:
    with client(store_url) as app:
        answer = app.post("/api/articles", json={"articles": [{"title": "t", "text": "x"}]})
    assert answer.status_code == 403
    assert "read-only" in answer.json()["detail"]


def test_articles_are_added_only_with_the_right_token(store_url: str) -> None:
    batch = {
        "articles": [
            {
                "title": "Quake hits coast",
                "text": "A strong earthquake struck the coast on Monday, officials said.",
                "source": "Quake Daily",
                "published": "2022-03-01",
            },
        ]
    }
    with client(store_url, write_token=TOKEN) as app:
        unauthorised = app.post("/api/articles", json=batch)
        wrong = app.post("/api/articles", json=batch, headers={"Authorization": "Bearer nope"})
        added = app.post("/api/articles", json=batch, headers={"Authorization": f"Bearer {TOKEN}"})
        again = app.post("/api/articles", json=batch, headers={"Authorization": f"Bearer {TOKEN}"})
        total = app.get("/api/status").json()["articles"]
    assert unauthorised.status_code == 401
    assert unauthorised.headers["www-authenticate"] == "Bearer"
    assert wrong.status_code == 401
    assert added.status_code == 201
    assert added.json()["added"] == 1
    assert again.json()["added"] == 0
    assert again.json()["duplicates"] == 1
    assert total == 3


def test_invalid_requests_get_a_short_json_error(store_url: str) -> None:
    with client(store_url, write_token=TOKEN) as app:
        empty = app.post("/api/articles", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"})
        bad_sort = app.get("/api/stories", params={"sort": "random"})
    assert empty.status_code == 422
    assert empty.json()["detail"].startswith("invalid request")
    assert bad_sort.status_code == 422
    assert "Traceback" not in empty.text + bad_sort.text
