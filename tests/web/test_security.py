"""Security: headers on every response, escaped article text, no active links, body and rate limits,
and errors that never leak internals."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.web.security import CONTENT_SECURITY_POLICY
from tests.web.corpus import STORY, TOKEN, client, twin_store

HOSTILE = {
    # A story of its own (another event), so it heads its story and is its first source.
    "title": "<script>alert(1)</script> harbour floods",
    "source": '"><img src=x onerror=alert(2)>',
    "url": "javascript:alert(3)",
    "published": "2022-02-16",
    "text": "The harbour of Valparaiso flooded <b onmouseover=alert(4)>again</b> on Sunday morning. "
    "Fishermen in Valparaiso said the water rose a full metre.",
}


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return twin_store(tmp_path, [*STORY, HOSTILE], together=False)


@pytest.mark.parametrize("path", ["/", "/stories/0", "/new", "/api/stories", "/api/docs", "/no/such/page"])
def test_every_response_carries_the_security_headers(store_url: str, path: str) -> None:
    with client(store_url) as app:
        headers = app.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_hostile_article_fields_are_escaped_and_never_linked(store_url: str) -> None:
    with client(store_url) as app:
        story_id = next(s["story"] for s in app.get("/api/stories").json()["stories"] if "script" in s["headline"])
        pages = [
            app.get("/").text,
            app.get(f"/stories/{story_id}").text,
            app.get(f"/stories/{story_id}/sources/1").text,
        ]
        pages.append(app.get("/", params={"q": "<script>"}).text)
    for page in pages:
        assert "<script>" not in page
        assert "<img src=x" not in page
        assert "<b onmouseover" not in page
        assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[1]
    assert "javascript:alert(3)" in pages[2]  # shown as text, so a reader sees where it claimed to be


def test_bodies_over_the_limit_are_refused_before_they_are_read(store_url: str) -> None:
    big = {"articles": [{"title": "t", "text": "word " * 20_000}]}
    with client(store_url, write_token=TOKEN, max_body_bytes=10_000) as app:
        declared = app.post("/api/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
        form = app.post("/new", data={"articles": "x" * 20_000})
    assert declared.status_code == 413
    assert form.status_code == 413


def test_write_endpoints_are_rate_limited(store_url: str) -> None:
    batch = {"articles": [{"title": "t", "text": "Some text about an event that happened."}]}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client(store_url, write_token=TOKEN, write_rate="2/minute") as app:
        answers = [app.post("/api/articles", json=batch, headers=auth).status_code for _ in range(3)]
        limited = app.post("/api/articles", json=batch, headers=auth)
    assert answers[:2] == [201, 201]
    assert answers[2] == 429
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0


def test_new_story_form_is_rate_limited(store_url: str) -> None:
    with client(store_url, brief_rate="1/minute") as app:
        first = app.post("/new", data={"articles": "T\nSome text about an event that happened today."})
        second = app.post("/new", data={"articles": "T\nSome text about an event that happened today."})
    assert first.status_code == 200
    assert second.status_code == 429


def test_unexpected_errors_are_logged_not_shown(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.web import briefs

    def broken(self: object, story_id: int, key: str | None = None) -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(briefs.BriefService, "brief", broken)
    with client(store_url) as app:
        page = app.get("/stories/0")
        api = app.get("/api/stories/0/brief")
    assert page.status_code == api.status_code == 500
    for answer in (page, api):
        assert "secret" not in answer.text
        assert "Traceback" not in answer.text
    assert api.json() == {"detail": "internal error; it has been logged"}
