"""Plain-text and Markdown articles: the first non-empty line is the title."""

from __future__ import annotations

import re

from newsprism.errors import InputError
from newsprism.ingest.raw import RawArticle

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def parse_plain_text(text: str, origin: str, source: str) -> RawArticle:
    """Split a text file into title (first non-empty line) and body (the rest)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        if line.strip():
            title = _MARKDOWN_HEADING.sub("", line).strip()
            body = "\n".join(lines[number + 1 :]).strip("\n")
            break
    else:
        raise InputError(origin, "empty file")
    if not body.strip():
        # A one-line file is all title and no article; keep it as the body so nothing is lost.
        body = title
    return RawArticle(title=title, text=body, source=source, origin=origin)
