"""The new-story form's inputs: pasted articles split and labelled, URLs fetched only from public hosts."""

from __future__ import annotations

import httpx

from newsprism.ingest.urls import FetchOptions
from newsprism.web.forms import fetched_articles, is_public_host, pasted_articles, url_lines


def test_pasted_articles_are_split_titled_and_labelled() -> None:
    found = pasted_articles("First title\nSource: Wire\nBody one.\n\n---\nSecond title\nBody two.\n---\n\n", limit=5)
    assert [(a.title, a.source, a.text) for a in found.articles] == [
        ("First title", "Wire", "Body one."),
        ("Second title", "pasted article 2", "Body two."),
    ]
    assert found.problems == []


def test_pasted_articles_over_the_limit_or_without_text_are_problems() -> None:
    found = pasted_articles("A\ntext\n---\nB only title\n---\nC\ntext", limit=2)
    assert [a.title for a in found.articles] == ["A"]
    assert [str(p) for p in found.problems] == [
        "pasted article 2: has a title but no text",
        "pasted article 3: over the limit of 2 pasted articles; not read",
    ]


def test_url_lines_skip_blank_lines() -> None:
    assert url_lines(" https://a.example/x \n\n\thttps://b.example/y\n") == [
        "https://a.example/x",
        "https://b.example/y",
    ]


def test_only_hosts_resolving_to_public_addresses_are_public() -> None:
    def table(name: str) -> list[str]:
        return {
            "news.example": ["93.184.216.34"],
            "mixed.example": ["93.184.216.34", "10.0.0.5"],
            "local.example": ["127.0.0.1"],
            "v6.example": ["::1"],
            "meta.example": ["169.254.169.254"],
        }[name]

    assert is_public_host("news.example", table)
    for host in ("mixed.example", "local.example", "v6.example", "meta.example"):
        assert not is_public_host(host, table)


def test_private_addresses_are_refused_and_public_pages_read() -> None:
    page = b"<html><head><title>Quake</title></head><body><article><p>" + b"A strong earthquake hit. " * 20
    page += b"</p></article></body></html>"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"content-type": "text/html"})

    transport = httpx.MockTransport(answer)
    refused = fetched_articles(
        ["http://127.0.0.1:9/x"], FetchOptions(), allow_private=False, limit=5, transport=transport
    )
    allowed = fetched_articles(
        ["http://127.0.0.1:9/x", "http://127.0.0.1:9/y"],
        FetchOptions(),
        allow_private=True,
        limit=1,
        transport=transport,
    )
    assert refused.articles == []
    assert [str(p) for p in refused.problems] == ["http://127.0.0.1:9/x: refused: 127.0.0.1 is not a public address"]
    assert len(allowed.articles) == 1
    assert "earthquake" in allowed.articles[0].text
    assert [str(p) for p in allowed.problems] == ["http://127.0.0.1:9/y: over the limit of 1 URLs; not fetched"]
