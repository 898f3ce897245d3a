"""How source fields are shown to readers, the same way in every format: web links and dates."""

from __future__ import annotations

import re
from datetime import datetime, time
from urllib.parse import quote, urlsplit

# Browsers ignore or reinterpret whitespace and control characters inside URLs (``java\tscript:``),
# so a URL holding any is never made a link.
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f]")
# Everything else that is legal in a URL stays as it is; quotes, angle brackets, backslashes and
# backticks are percent-encoded so the link cannot end early in an HTML attribute or Markdown autolink.
_URL_SAFE = "/:?#[]@!$&()*+,;=%~"


def web_url(url: str | None) -> str | None:
    """The URL ready to be a link target if it is an absolute http(s) URL, else None (show it as text only)."""
    if not url or _UNSAFE_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def published_text(published: datetime | None) -> str:
    """A publication time for readers: the date alone when no time of day is known, else to the minute."""
    if published is None:
        return ""
    if published.tzinfo is None and published.time() == time(0, 0):
        return published.date().isoformat()
    return published.isoformat(sep=" ", timespec="minutes")
