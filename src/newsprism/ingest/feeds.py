"""RSS and Atom feeds (feedparser) and OPML lists of feeds.

A feed names articles; their text is fetched from each entry's link, unless the entry carries the
full text inline (long enough not to be a teaser), which then becomes the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
import lxml.etree
import lxml.html
from lxml.etree import ParserError

from newsprism.errors import InputError
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.records import parse_published

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
OPML_SUFFIXES = {".opml"}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


@dataclass(frozen=True)
class FeedOptions:
    """How entries are read: inline text of at least ``inline_min_words`` words is the whole article."""

    inline_min_words: int = 150


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed: where the article is, and its inline text when the feed carries one."""

    url: str | None
    title: str
    published: datetime | None
    content: str | None
    source: str


def _head(data: bytes) -> bytes:
    return data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether a body is an RSS/Atom feed or OPML list rather than a web page."""
    kind = content_type.split(";")[0].strip().lower()
    head = _head(data)
    if kind in _FEED_TYPES or head.startswith((b"<rss", b"<feed", b"<rdf", b"<opml")):
        return True
    return head.startswith(b"<?xml") and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<opml"))


def is_opml(data: bytes) -> bool:
    """Whether a body is an OPML outline."""
    return b"<opml" in _head(data)


def parse_opml(data: bytes, origin: str) -> list[str]:
    """The feed URLs an OPML outline lists, in order, without repeats."""
    try:
        root = lxml.etree.fromstring(data, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError as error:
        raise InputError(origin, f"not a readable OPML file ({error})") from None
    if root.tag.lower() != "opml":
        raise InputError(origin, f"not an OPML file (root element <{root.tag}>)")
    urls = [str(node.get("xmlUrl")).strip() for node in root.iter("outline") if node.get("xmlUrl")]
    if not urls:
        raise InputError(origin, "OPML file lists no feeds (no outline with an xmlUrl)")
    return list(dict.fromkeys(urls))


def parse_feed(data: bytes, origin: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed; ``InputError`` when the body is no feed (an HTML page, say)."""
    if _head(data).startswith((b"<!doctype html", b"<html")):
        raise InputError(origin, "not an RSS or Atom feed: this is an HTML page")
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise InputError(origin, f"not an RSS or Atom feed ({problem or 'no feed elements found'})")
    channel = parsed.get("feed", {})
    site = channel.get("title") or urlsplit(channel.get("link") or origin).hostname or origin
    entries: list[FeedEntry] = []
    for entry in parsed.get("entries", []):
        content = entry.get("content") or []
        inline = content[0].get("value") if content else entry.get("summary")
        entries.append(
            FeedEntry(
                url=entry.get("link") or None,
                title=(entry.get("title") or "").strip(),
                published=parse_published(entry.get("published") or entry.get("updated"), origin),
                content=inline or None,
                source=str(site).strip(),
            )
        )
    return entries


def inline_words(entry: FeedEntry) -> int:
    """How many words of text the entry carries inline."""
    if not entry.content:
        return 0
    try:
        return len(lxml.html.fragment_fromstring(entry.content, create_parent="div").text_content().split())
    except (ParserError, ValueError):
        return len(entry.content.split())


def inline_article(entry: FeedEntry, origin: str, options: HtmlOptions | None = None) -> RawArticle:
    """The article an entry carries inline (``InputError`` when there is none)."""
    head = f"<head><title>{escape(entry.title)}</title></head>"
    page = f"<html>{head}<body><article>{entry.content or ''}</article></body></html>"
    article = parse_html(page, origin, entry.source, url=entry.url, options=options)
    article.title = entry.title or article.title
    article.source = entry.source or article.source
    article.published = entry.published or article.published
    return article
