"""HTML pages: trafilatura finds the main text and metadata after lxml_html_clean strips active content."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError
from lxml_html_clean import Cleaner

from newsprism.errors import InputError
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.records import parse_published


@dataclass(frozen=True)
class HtmlOptions:
    """How pages are extracted; ``favor_recall`` keeps more text at the price of more boilerplate."""

    favor_recall: bool = True
    include_tables: bool = False
    # Menus and footers of a page with no article still yield a few words; an article has more.
    min_words: int = 25


def _cleaner() -> Cleaner:
    # Scripts and styles only: forms, frames and page structure carry article text on some sites.
    return Cleaner(
        scripts=True,
        javascript=True,
        style=True,
        comments=True,
        inline_style=True,
        forms=False,
        frames=False,
        page_structure=False,
        meta=False,
        embedded=False,
        safe_attrs_only=False,
        remove_unknown_tags=False,
    )


def strip_active_content(html: str) -> str:
    """Remove scripts, styles and comments, which only ever add noise to extraction."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return html
    cleaned = _cleaner().clean_html(tree)
    return str(lxml.html.tostring(cleaned, encoding="unicode"))


def parse_html(
    html: str, origin: str, source: str, url: str | None = None, options: HtmlOptions | None = None
) -> RawArticle:
    """Extract the article of an HTML page, or raise ``InputError`` when the page has none."""
    options = options or HtmlOptions()
    document = trafilatura.bare_extraction(
        strip_active_content(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=options.include_tables,
        favor_recall=options.favor_recall,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(origin, "no article text found in this HTML page")
    words = len(text.split())
    if words < options.min_words:
        raise InputError(origin, f"no article text found in this HTML page (only {words} words of text)")
    page_url = getattr(document, "url", None) or url
    site = getattr(document, "sitename", None) or getattr(document, "hostname", None)
    return RawArticle(
        title=(getattr(document, "title", None) or "").strip(),
        text=text,
        source=site or source,
        origin=origin,
        url=page_url,
        published=parse_published(getattr(document, "date", None), origin),
    )
