"""URLs, feeds, OPML and WARC crawls, served from a local HTTP server and files the tests write."""

from __future__ import annotations

import gzip
import io
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from newsprism.errors import InputError
from newsprism.ingest import RawArticle
from newsprism.ingest.feeds import parse_feed, parse_opml
from newsprism.ingest.urls import USER_AGENT, FetchOptions, http_client, read_url
from newsprism.ingest.warc import read_warc

BODY = " ".join(f"Sentence number {n} of the report says the council voted on the new budget plan." for n in range(12))


def page(title: str, body: str = BODY) -> bytes:
    paragraphs = "".join(f"<p>{part}.</p>" for part in body.split(". "))
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
    return html.encode()


def rss(base: str, inline: bool = False) -> bytes:
    content = f"<content:encoded><![CDATA[{page('x').decode()}]]></content:encoded>" if inline else ""
    items = "".join(
        f"<item><title>Entry {n}</title><link>{base}/a{n}.html</link>"
        f"<pubDate>Tue, 01 Oct 2024 10:0{n}:00 GMT</pubDate>{content}</item>"
        for n in (1, 2)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Local Wire</title><link>{base}</link>{items}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path in ("/a1.html", "/a2.html", "/page.html"):
            self._send(200, page(f"Council story {path}"))
        elif path == "/feed.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif path == "/inline.xml":
            self._send(200, rss(base + "/missing", inline=True), "application/rss+xml")
        elif path == "/fake-feed.xml":
            self._send(200, b"<!DOCTYPE html><html><body><p>Not a feed</p></body></html>", "application/rss+xml")
        elif path == "/list.opml":
            body = f'<opml version="2.0"><body><outline text="w" xmlUrl="{base}/feed.xml"/></body></opml>'
            self._send(200, body.encode(), "text/x-opml")
        elif path == "/error":
            self._send(500, b"boom")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, page("late"))
        elif path == "/huge":
            # Claims nothing about its size and streams far past the cap; the client must stop reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(400):
                    self.wfile.write(b"x" * 16_384)
            except OSError:
                self.close_connection = True
        elif path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


OPTIONS = FetchOptions(timeout_seconds=0.5, max_bytes=200_000, max_redirects=3)


def read(url: str) -> list[RawArticle | InputError]:
    with http_client(OPTIONS) as client:
        return list(read_url(url, client, OPTIONS))


def test_url_page_becomes_article_and_sends_user_agent(server: str) -> None:
    [article] = read(f"{server}/page.html")
    assert isinstance(article, RawArticle)
    assert "council voted" in article.text
    assert article.url == f"{server}/page.html"
    assert USER_AGENT in Handler.seen_agents
    assert USER_AGENT.startswith("newsprism/")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/error", "HTTP 500"),
        ("/slow", "timed out after 0.5 s"),
        ("/huge", "over the 0.2 MB limit; download aborted"),
        ("/declared-huge", "response is 2147.5 MB, over the"),
        ("/loop", "more than 3 redirects"),
        ("/nothing", "HTTP 404"),
    ],
)
def test_bad_url_gives_error_naming_it(server: str, path: str, message: str) -> None:
    [error] = read(server + path)
    assert isinstance(error, InputError)
    assert error.origin == server + path
    assert message in error.problem


def test_url_that_is_not_http_is_refused() -> None:
    [error] = read("ftp://example.org/x")
    assert isinstance(error, InputError)
    assert "not an http or https URL" in str(error)


def test_mock_transport_twin_needs_no_network() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=page("Mocked"), headers={"content-type": "text/html"})
    )
    with http_client(OPTIONS, transport=transport) as client:
        [article] = list(read_url("https://news.example/x", client, OPTIONS))
    assert isinstance(article, RawArticle)
    assert article.source == "news.example"


def test_feed_lists_entries_with_dates(server: str) -> None:
    entries = parse_feed(rss(server), "feed.xml")
    assert [e.title for e in entries] == ["Entry 1", "Entry 2"]
    assert entries[0].url == f"{server}/a1.html"
    assert entries[0].published is not None
    assert entries[0].published.minute == 1
    assert entries[0].source == "Local Wire"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<!DOCTYPE html><html><body>hi</body></html>", "this is an HTML page"),
        (b"just some words", "not an RSS or Atom feed"),
    ],
)
def test_feed_that_is_not_a_feed(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_feed(data, "feed.xml")


def test_opml_lists_feed_urls_once() -> None:
    data = b'<opml><body><outline xmlUrl="http://a/f"/><outline><outline xmlUrl="http://a/f"/></outline></body></opml>'
    assert parse_opml(data, "x.opml") == ["http://a/f"]
    with pytest.raises(InputError, match="lists no feeds"):
        parse_opml(b"<opml><body/></opml>", "x.opml")


# warcio's writer spools record bodies into temporary files it never closes; the warning is its, not ours.
warcio_spools = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def write_warc(path: Path, compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))

    def response(url: str, body: bytes, kind: str, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)

    response("https://one.example/story", page("First story"), "text/html; charset=utf-8")
    response("https://one.example/logo.png", b"\x89PNG....", "image/png")
    response("https://one.example/gone", page("Gone"), "text/html", status="404 Not Found")
    writer.write_record(writer.create_warc_record("https://two.example/req", "request", payload=io.BytesIO(b"GET /")))
    response("https://www.two.example/story", page("Second story"), "text/html")
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


@warcio_spools
@pytest.mark.parametrize("compress", [True, False])
def test_warc_reads_html_responses_only(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress)
    items = list(read_warc(path))
    assert all(isinstance(item, RawArticle) for item in items)
    assert [item.url for item in items if isinstance(item, RawArticle)] == [
        "https://one.example/story",
        "https://www.two.example/story",
    ]
    assert items[1].source == "two.example"  # type: ignore[union-attr]


@warcio_spools
@pytest.mark.parametrize("compress", [True, False])
def test_truncated_warc_reports_the_loss(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    data = write_warc(path, compress)
    path.write_bytes(data[: len(data) - 300])
    items = list(read_warc(path))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(errors) == 1
    assert errors[0].origin == str(path)
    assert "truncated" in errors[0].problem
    assert any(isinstance(item, RawArticle) for item in items)  # records before the cut are kept


def test_gzip_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"not gzip at all")
    [error] = list(read_warc(path))
    assert isinstance(error, InputError)
    assert str(path) in str(error)


@warcio_spools
def test_cc_news_layout_gzip_members(tmp_path: Path) -> None:
    # CC-NEWS files are one gzip member per record; concatenated members must all be read.
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_warc(first, True)
    write_warc(second, True)
    joined = tmp_path / "cc.warc.gz"
    joined.write_bytes(first.read_bytes() + second.read_bytes())
    assert len([i for i in read_warc(joined) if isinstance(i, RawArticle)]) == 4
    assert gzip.decompress(joined.read_bytes()).startswith(b"WARC/1.")
