"""Every kind of input a corpus reads, as one stream of articles, problems and completion marks.

An input is a file, a directory, a URL (page, feed or OPML), a feed entry or a WARC crawl. Each is
marked ``Completed`` once all its articles have been handed on, so a resumed run can skip it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newsprism.errors import InputError
from newsprism.ingest.feeds import (
    FEED_SUFFIXES,
    OPML_SUFFIXES,
    FeedEntry,
    FeedOptions,
    inline_article,
    inline_words,
    is_opml,
    looks_like_feed,
    parse_feed,
    parse_opml,
)
from newsprism.ingest.files import SUPPORTED_SUFFIXES, IngestOptions, read_file
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.urls import FetchOptions, article_from_page, fetch, is_url
from newsprism.ingest.warc import is_warc, read_warc


@dataclass(frozen=True)
class SourceOptions:
    """Options of every reader."""

    files: IngestOptions = field(default_factory=IngestOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    feeds: FeedOptions = field(default_factory=FeedOptions)


@dataclass(frozen=True)
class Completed:
    """Every article of this input has been handed on."""

    key: str


Event = RawArticle | InputError | Completed


@dataclass
class SourceReader:
    """Reads inputs of any kind; ``skip`` names inputs an interrupted run already completed."""

    options: SourceOptions
    client: httpx.Client
    skip: set[str] = field(default_factory=set)

    def read(self, inputs: list[str]) -> Iterator[Event]:
        """Articles, problems and completion marks of every input, in order."""
        for name in inputs:
            if name in self.skip:
                continue
            if is_url(name):
                yield from self._url(name)
            else:
                yield from self._path(Path(name))
            yield Completed(name)

    def _path(self, path: Path) -> Iterator[Event]:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            if not files:
                yield InputError(str(path), "directory holds no article, feed or WARC files")
            for file in files:
                if str(file) not in self.skip:
                    yield from self._file(file)
                    yield Completed(str(file))
            return
        yield from self._file(path)

    def _file(self, path: Path) -> Iterator[Event]:
        name = str(path)
        suffix = path.suffix.lower()
        if is_warc(name):
            yield from read_warc(path, self.options.files.html, self.options.files.max_file_bytes)
            return
        if suffix not in FEED_SUFFIXES | OPML_SUFFIXES:
            yield from read_file(path, self.options.files)
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            yield InputError(name, f"cannot read file ({error.strerror or error})")
            return
        yield from self._listing(data, name)

    def _url(self, url: str) -> Iterator[Event]:
        try:
            fetched = fetch(url, self.client, self.options.fetch)
            if not looks_like_feed(fetched.body, fetched.content_type):
                yield article_from_page(fetched, url, self.options.fetch)
                return
        except InputError as error:
            yield error
            return
        yield from self._listing(fetched.body, url)

    def _listing(self, data: bytes, origin: str) -> Iterator[Event]:
        """A feed's entries, or every feed of an OPML outline."""
        try:
            if is_opml(data):
                for feed in parse_opml(data, origin):
                    if feed not in self.skip:
                        yield from self._url(feed)
                        yield Completed(feed)
                return
            entries = parse_feed(data, origin)
        except InputError as error:
            yield error
            return
        for number, entry in enumerate(entries, start=1):
            key = entry.url or f"{origin}#{number}"
            if key not in self.skip:
                yield from self._entry(entry, key)
                yield Completed(key)

    def _entry(self, entry: FeedEntry, key: str) -> Iterator[Event]:
        try:
            if inline_words(entry) >= self.options.feeds.inline_min_words:
                yield inline_article(entry, key, self.options.fetch.html)
                return
            if entry.url is None:
                raise InputError(key, "feed entry has no link and no full text")
            fetched = fetch(entry.url, self.client, self.options.fetch)
            article = article_from_page(fetched, key, self.options.fetch)
        except InputError as error:
            yield error
            return
        # The feed knows the title and date for sure; the page's own metadata is a guess.
        article.title = entry.title or article.title
        article.published = entry.published or article.published
        yield article


def _readable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in SUPPORTED_SUFFIXES | FEED_SUFFIXES | OPML_SUFFIXES or is_warc(path.name)
