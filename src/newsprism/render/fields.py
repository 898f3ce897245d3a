"""How fields are shown to readers, the same way in every format: web links, dates, quotes by actor, roles."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, time
from urllib.parse import quote, urlsplit

from newsprism.extract import load_cues
from newsprism.model import Brief, KeyPoint, Person, QuoteEntry

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


def actor_groups(quotes: Sequence[QuoteEntry]) -> list[tuple[str, list[QuoteEntry]]]:
    """Quotes grouped under the actor they speak for (the speaker itself when no actor is known)."""
    groups: dict[str, list[QuoteEntry]] = {}
    for entry in quotes:
        groups.setdefault(entry.actor or entry.speaker, []).append(entry)
    return list(groups.items())


def roles_by_source(person: Person, number_of: Mapping[str, int]) -> list[tuple[str, int]]:
    """Each distinct (role, source number) a person is given, in source order."""
    pairs = {(role.text, number_of[role.article_id]) for role in person.roles if role.article_id in number_of}
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def agreed_points(brief: Brief) -> list[KeyPoint]:
    """Key points that more than half of the independent sources make (none with fewer than three sources)."""
    independent = sum(1 for entry in brief.sources if entry.duplicate_of is None)
    if independent < 3:
        return []
    return [point for point in brief.key_points if point.support * 2 > independent]


def cue_words(cue: str | None) -> str:
    """The cue as it reads after a speaker's name: "According to" and "Asked" open their sentences in
    the source, and keep their capital only there ("NATO According to:" reads as a slip)."""
    if not cue:
        return "said"
    if not any(character.isalnum() for character in cue):
        # A label's colon ('TAPPER: ...') or a signature's dash ('“...” ― Sonya Herridge') says nothing a
        # reader needs beside the name: '**TAPPER**: ...', not '**TAPPER** :: ...'.
        return ""
    if cue[:1].isupper() and cue[1:2].islower():
        return cue[:1].lower() + cue[1:]
    return cue


def cue_before_speaker(cue: str | None) -> bool:
    """Whether the cue is read before its speaker: the lexicon's cue phrases name the speaker after them
    ('according to NATO', 'in the words of the minister', 'quoted by Interfax'), and 'NATO according to:'
    reads as a slip."""
    return cue is not None and tuple(cue.lower().split()) in load_cues().phrases


def placed_cue(cue: str | None) -> tuple[str, bool]:
    """The cue as a line of the brief shows it, and whether it opens the line, before the speaker's name:
    ('According to', True) for 'according to'; ('said', False); ('', False) for a label's colon."""
    if cue_before_speaker(cue):
        words = cue_words(cue)
        return words[:1].upper() + words[1:], True
    return cue_words(cue), False
