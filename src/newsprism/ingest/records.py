"""JSON and JSON Lines articles with fields ``title``, ``text``, ``url``, ``published``, ``source``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from newsprism.errors import InputError
from newsprism.ingest.raw import RawArticle


def parse_json_lines(text: str, origin: str) -> Iterator[RawArticle | InputError]:
    """Yield one article per line; a bad line becomes an ``InputError`` and the rest go on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg})")
            continue
        yield _record_or_error(record, where)


def parse_json_document(text: str, origin: str) -> Iterator[RawArticle | InputError]:
    """A ``.json`` file holds one article object or a list of them."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        # Many ".json" exports are really JSON Lines.
        yield from parse_json_lines(text, origin)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = origin if len(records) == 1 else f"{origin}[{number}]"
        yield _record_or_error(record, where)


def _record_or_error(record: Any, where: str) -> RawArticle | InputError:
    try:
        return record_to_article(record, where)
    except InputError as error:
        return error


def record_to_article(record: Any, origin: str) -> RawArticle:
    """Read the documented fields of one JSON record."""
    if not isinstance(record, dict):
        raise InputError(origin, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "no 'text' field, or it is empty")
    url = _optional_string(record, "url", origin)
    title = _optional_string(record, "title", origin) or ""
    source = _optional_string(record, "source", origin) or _source_from_url(url) or origin
    return RawArticle(
        title=title.strip(),
        text=text,
        source=source,
        origin=origin,
        url=url,
        published=parse_published(record.get("published"), origin),
    )


def _optional_string(record: dict[str, Any], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(origin, f"field '{key}' must be a string")
    return value


def _source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def parse_published(value: Any, origin: str) -> datetime | None:
    """Parse a publication date; an unreadable one is dropped rather than failing the article."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(origin, "field 'published' must be a date string")
    try:
        parsed: datetime = date_parser.parse(value)
        return parsed
    except (ValueError, OverflowError):
        return None
