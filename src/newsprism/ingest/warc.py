"""WARC and WARC.gz crawls (warcio), including Common Crawl's CC-NEWS: HTML responses become articles.

Gzip is read through Python's ``gzip`` module rather than warcio's own reader, because warcio stops
quietly at a truncated member and the loss would go unnoticed; ``gzip`` raises instead.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(name: str) -> bool:
    """Whether a file name is a WARC crawl."""
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, options: HtmlOptions | None = None, max_record_bytes: int = 10 * 1024 * 1024
) -> Iterator[RawArticle | InputError]:
    """Yield an article per HTML response record; other records are skipped, bad ones reported."""
    origin = str(path)
    try:
        stream = _open(path)
    except OSError as error:
        yield InputError(origin, f"cannot read file ({error.strerror or error})")
        return
    with stream:
        guarded = _GuardedStream(stream)
        try:
            yield from _records(guarded, origin, options, max_record_bytes)
        except ArchiveLoadFailed as error:
            yield InputError(origin, f"not a readable WARC file ({error})")
        if guarded.error is not None:
            problem = f"compressed data is truncated or corrupt ({guarded.error}); the records before it were read"
            yield InputError(origin, problem)


class _GuardedStream:
    """Hands warcio what decompresses cleanly and remembers the error that ends it (warcio would swallow it)."""

    def __init__(self, stream: BufferedIOBase) -> None:
        self._stream = stream
        self.error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        parts: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        try:
            # read1 returns what one step decompresses, so a failure loses only the broken member.
            while wanted > 0:
                part = self._stream.read1(min(wanted, 1 << 16))
                if not part:
                    break
                parts.append(part)
                wanted -= len(part)
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as error:
            self.error = error
        return b"".join(parts)


def _records(
    stream: _GuardedStream, origin: str, options: HtmlOptions | None, max_record_bytes: int
) -> Iterator[RawArticle | InputError]:
    for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), start=1):
        if record.rec_type != "response":
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{number}"
        where = f"{origin} ({url})"
        if record.http_headers is None:
            continue  # a response without HTTP headers is a DNS or other non-web record
        status = record.http_headers.get_statuscode() or ""
        kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        body = record.content_stream().read(max_record_bytes + 1)
        if getattr(record.raw_stream, "limit", 0) > 0 and len(body) <= max_record_bytes:
            yield InputError(origin, f"WARC file is truncated inside the record of {url}")
            return
        if not status.startswith("2") or (kind and kind not in _HTML_TYPES):
            continue
        if len(body) > max_record_bytes:
            yield InputError(where, f"record is over the {max_record_bytes / 1e6:.0f} MB limit")
            continue
        try:
            decoded = decode_bytes(body, where)
            yield parse_html(decoded.text, where, _host(url), url=url, options=options)
        except InputError as error:
            yield error


def _open(path: Path) -> BufferedIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
