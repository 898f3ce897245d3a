"""Web pages by URL: httpx with timeouts, a redirect limit and a size cap, then trafilatura.

The body is streamed and the download aborted as soon as it passes the cap, so a 2 GB response
costs at most the cap in memory and time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newsprism import __version__
from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle

USER_AGENT = f"newsprism/{__version__} (+https://github.com/newsprism)"


@dataclass(frozen=True)
class FetchOptions:
    """Limits of every download: a slow, huge or looping server costs at most these."""

    timeout_seconds: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    html: HtmlOptions = field(default_factory=HtmlOptions)


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with the URL it finally came from and its content type."""

    url: str
    content_type: str
    body: bytes


def is_url(name: str) -> bool:
    """Whether an input names an http(s) URL rather than a file."""
    return urlsplit(name).scheme in ("http", "https")


def http_client(options: FetchOptions, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client with newsprism's user agent, timeouts and redirect limit; ``transport`` lets tests mock it."""
    return httpx.Client(
        headers={"User-Agent": options.user_agent},
        timeout=httpx.Timeout(options.timeout_seconds),
        follow_redirects=True,
        max_redirects=options.max_redirects,
        transport=transport,
    )


def fetch(url: str, client: httpx.Client, options: FetchOptions) -> Fetched:
    """Download ``url``, or raise ``InputError`` naming it and what went wrong."""
    if not is_url(url):
        raise InputError(url, "not an http or https URL")
    # The timeout bounds each read; the deadline bounds a server that trickles bytes forever.
    deadline = time.monotonic() + options.timeout_seconds * 3
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(url, f"server answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > options.max_bytes:
                raise InputError(url, f"response is {_size(int(declared))}, over the {_size(options.max_bytes)} limit")
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > options.max_bytes:
                    raise InputError(url, f"response is over the {_size(options.max_bytes)} limit; download aborted")
                if time.monotonic() > deadline:
                    raise InputError(url, f"download took over {options.timeout_seconds * 3:.0f} s; aborted")
                chunks.append(chunk)
            return Fetched(str(response.url), response.headers.get("content-type", ""), b"".join(chunks))
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {options.timeout_seconds:g} s") from None
    except httpx.TooManyRedirects:
        raise InputError(url, f"more than {options.max_redirects} redirects") from None
    except httpx.HTTPError as error:
        raise InputError(url, f"cannot fetch ({type(error).__name__}: {error})") from None


def article_from_page(fetched: Fetched, origin: str, options: FetchOptions) -> RawArticle:
    """The article of a downloaded HTML page (``InputError`` when it is not one)."""
    kind = fetched.content_type.split(";")[0].strip().lower()
    if kind and kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InputError(origin, f"not a web page (content type {kind})")
    decoded = decode_bytes(fetched.body, origin)
    host = urlsplit(fetched.url).hostname or origin
    article = parse_html(decoded.text, origin, host.removeprefix("www."), url=fetched.url, options=options.html)
    if decoded.note:
        article.notes.append(f"{origin}: {decoded.note}")
    return article


def read_url(url: str, client: httpx.Client, options: FetchOptions) -> Iterator[RawArticle | InputError]:
    """Yield the article of the page at ``url``, or one ``InputError`` saying why there is none."""
    try:
        yield article_from_page(fetch(url, client, options), url, options)
    except InputError as error:
        yield error


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count} bytes"
