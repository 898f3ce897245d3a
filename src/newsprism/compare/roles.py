"""Role conflicts: one person given incompatible roles by different sources.

"NATO Secretary General", "head of NATO" and "chief executive of NATO" are one office in other
words; "German Chancellor" and "EU Commissioner for Foreign Affairs", or a "defence minister" and
a "foreign minister", are not. Compatibility is decided from the words of the roles (the body or
country they name, the title, the portfolio), with the vocabulary in ``data/titles.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprism.extract.people import role_abbreviations, role_heads
from newsprism.model import Conflict, ConflictValue, ParsedArticle, Person, RoleSpan
from newsprism.nlp.sentences import cite_span

_WORD = re.compile(r"[a-z][a-z.'’-]*")
_FILLER = frozenset({"the", "a", "an", "of", "for", "and", "to", "'s", "’s", "s", "well-known", "former", "then"})


@dataclass(frozen=True)
class TitleVocabulary:
    classes: tuple[frozenset[str], ...]
    generic: frozenset[str]
    bodies: Mapping[str, str]  # alias -> body key


@cache
def title_vocabulary() -> TitleVocabulary:
    """The title classes, generic titles and body aliases of ``data/titles.json``."""
    data = json.loads(resources.files("newsprism.compare").joinpath("data", "titles.json").read_text("utf-8"))
    bodies = {alias: key for key, aliases in data["demonyms"].items() for alias in aliases}
    return TitleVocabulary(tuple(frozenset(c) for c in data["equivalent"]), frozenset(data["generic"]), bodies)


@cache
def _body_pattern() -> re.Pattern[str]:
    aliases = sorted(title_vocabulary().bodies, key=len, reverse=True)
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, aliases))})(?![\w])")


def actor_key(name: str) -> str:
    """The country or body a name stands for ("Kremlin", "Russian Defense Ministry", "Moscow" -> russia).

    The first alias the name holds decides; a name holding none stands for itself (lower-cased).
    """
    lowered = " ".join(name.lower().replace("’", "'").split())
    found = _body_pattern().search(lowered)
    return title_vocabulary().bodies[found.group(1)] if found else lowered


@dataclass(frozen=True)
class RoleReading:
    """What a role says: which body or country, which office, which portfolio."""

    bodies: frozenset[str]
    titles: frozenset[int]  # indices of the title classes the role's title belongs to
    title: str
    portfolio: frozenset[str]


@cache
def _alias_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every body alias with its pattern, longest first (so 'european union' goes before 'union')."""
    aliases = sorted(title_vocabulary().bodies, key=len, reverse=True)
    return tuple((alias, re.compile(rf"(?<![\w.]){re.escape(alias)}(?![\w])")) for alias in aliases)


@cache
def _title_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every title phrase with its pattern, longest first, then in alphabetical order (one choice every run)."""
    phrases = sorted({p for c in title_vocabulary().classes for p in c}, key=lambda p: (-len(p), p))
    return tuple((phrase, re.compile(rf"\b{re.escape(phrase)}\b")) for phrase in phrases)


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    shorts = sorted(role_abbreviations(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, shorts))})\.")


def _spelled_out(lowered: str) -> str:
    """'sen. from florida' as 'senator from florida': one title however it is written."""
    return _abbreviation_pattern().sub(lambda found: role_abbreviations()[found.group(1)][0], lowered)


def read_role(text: str, actor: str | None = None) -> RoleReading:
    """Split a role into body, title and portfolio words."""
    vocabulary = title_vocabulary()
    lowered = _spelled_out(" ".join(text.lower().replace("’", "'").split()))
    bodies = {vocabulary.bodies[alias] for alias, pattern in _alias_patterns() if pattern.search(lowered)}
    rest = lowered
    for _, pattern in _alias_patterns():
        rest = pattern.sub(" ", rest)
    title = next((phrase for phrase, pattern in _title_patterns() if pattern.search(rest)), "")
    if not title:
        heads = [w for w in _WORD.findall(rest) if w in role_heads()]
        title = heads[-1] if heads else ""
    classes = frozenset(i for i, c in enumerate(vocabulary.classes) if title in c)
    if title:
        rest = re.sub(rf"\b{re.escape(title)}\b", " ", rest)
    portfolio = frozenset(w for w in _WORD.findall(rest) if w not in _FILLER and w not in role_heads())
    # The organisation or country the parse found in the role names a body even when not listed.
    if actor and not bodies:
        bodies.add(vocabulary.bodies.get(actor.lower(), actor.lower()))
        portfolio = portfolio - set(_WORD.findall(actor.lower()))
    return RoleReading(frozenset(bodies), classes, title, portfolio)


def compatible(first: RoleReading, second: RoleReading) -> bool:
    """Whether one person can hold both roles as worded (one may be a fuller or other wording of the other)."""
    if first.bodies and second.bodies and not first.bodies & second.bodies:
        return False
    generic = title_vocabulary().generic
    same_office = (
        first.title == second.title
        or bool(first.titles & second.titles)
        or first.title in generic
        or second.title in generic
        or not first.title
        or not second.title
    )
    if not same_office:
        return False
    return not (first.portfolio and second.portfolio and not first.portfolio & second.portfolio)


def role_conflicts(
    people: Sequence[Person], documents: Sequence[ParsedArticle], number_of: Mapping[str, int]
) -> list[Conflict]:
    """Every person whose roles, across sources, fall into more than one compatible group."""
    by_article = {document.article.id: document for document in documents}
    conflicts = []
    # Each role is read once: it is compared with every member of each group it might join.
    readings: dict[tuple[str, str | None], RoleReading] = {}

    def reading_of(role: RoleSpan) -> RoleReading:
        key = (role.text, role.actor)
        if key not in readings:
            readings[key] = read_role(role.text, role.actor)
        return readings[key]

    for person in people:
        groups: list[list[RoleSpan]] = []
        for role in person.roles:
            if role.article_id not in number_of:
                continue
            reading = reading_of(role)
            home = next((g for g in groups if all(compatible(reading, reading_of(r)) for r in g)), None)
            if home is None:
                groups.append([role])
            else:
                home.append(role)
        sources = [{number_of[r.article_id] for r in group} for group in groups]
        if len(groups) < 2 or len(set().union(*sources)) < 2:
            continue
        ordered = sorted(zip(groups, sources, strict=True), key=lambda pair: (-len(pair[1]), min(pair[1])))
        values = [
            ConflictValue(
                text=group[0].text,
                citations=[cite_span(by_article[r.article_id], r.start, r.end, number_of) for r in group],
            )
            for group, _ in ordered
        ]
        conflicts.append(
            Conflict(kind="role", subject=person.name, values=values, note="the sources give incompatible roles")
        )
    return conflicts
