"""One canonical person across all sources, whatever name form or spelling each source uses.

"Stoltenberg", "Jens Stoltenberg" and "NATO Secretary General Jens Stoltenberg" are one person;
"Zelensky" and "Zelenski" are one spelling apart; "Joe Biden" and "Hunter Biden" are two people.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from nicknames import NickNamer

from newsprism.model import Person, PersonMention

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})


# Words that open a surname, not a first name ('bin Laden', 'van Gogh', 'de Klerk'), written in lower
# case: capitalised, most are first names too ('Al Gore', 'Van Jones'). 'Bin' and 'Ibn' are not.
_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "le", "la"})


def _opens_with_particle(name: str, parts: Sequence[str]) -> bool:
    written = name.split()[0]
    return parts[0] in _PARTICLES and (written.islower() or parts[0] in {"bin", "ibn"})


# Pronouns, which the tagger sometimes takes for a name ('He' opening a sentence): no one's name.
PRONOUNS = frozenset("i you he she it we they me him her us them my your his its our their one".split())


@dataclass(frozen=True)
class PeopleOptions:
    """How alike two surnames must be to be one person's."""

    surname_similarity: float = 0.8


@dataclass
class _Cluster:
    surname: str
    members: list[PersonMention] = field(default_factory=list)
    full_names: list[list[str]] = field(default_factory=list)  # name parts of members with a first name


def name_parts(name: str) -> list[str]:
    """Lower-case, accent-free name words without honorifics ("Mr. Volodymyr Zelenskyy" -> [volodymyr, zelenskyy])."""
    return list(_name_parts(name))


@lru_cache(maxsize=1 << 16)
def _name_parts(name: str) -> tuple[str, ...]:
    # Asked for every person of a story for every quote of it: the same few names, many times over.
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = ["".join(ch for ch in word if ch.isalnum() or ch == "-") for word in folded.split()]
    return tuple(word for word in words if word and word.rstrip(".") not in _HONORIFICS)


@lru_cache(maxsize=1 << 16)
def alike(first: str, second: str, threshold: float) -> bool:
    """Whether two name words are the same up to a spelling variant.

    Every name is compared with every person found so far, so the cheap upper bounds of the ratio
    (from the lengths, then from the letters) rule most pairs out before the real one is computed.
    """
    if first == second:
        return True
    if 2.0 * min(len(first), len(second)) / (len(first) + len(second)) < threshold:
        return False  # the bound real_quick_ratio() gives, without building a matcher
    matcher = SequenceMatcher(None, first, second)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def full_names_fit(first: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two full names (``name_parts`` of two words or more) with alike surnames may be one
    person's: their first names fit. A middle name is not taken for a first ('Mohammed Zughayar' is
    the father of 'Yusef Ali Mohammed Zughayar', named after him)."""
    return first_names_fit(first[0], other[0])


def fits_full_names(parts: Sequence[str], full_names: Sequence[Sequence[str]]) -> bool:
    """Whether a full name may be the one person's whose full names are ``full_names``: it fits one of
    them (``full_names_fit``), or they have none."""
    return not full_names or any(full_names_fit(parts, other) for other in full_names)


def first_names_fit(first: str, other: str) -> bool:
    """Whether two first names (lower-case name words) may be one person's: the same up to spelling or
    transliteration, an initial of the other, or one a usual short form of the other ('Bob' of 'Robert',
    'Judy' of 'Judith', by the `nicknames` package's table)."""
    return _spelled_alike(first, other) or first in _nicknames_of(other) or other in _nicknames_of(first)


@lru_cache(maxsize=1 << 12)
def _nicknames_of(name: str) -> frozenset[str]:
    return frozenset(_nicknamer().nicknames_of(name))


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def _spelled_alike(first: str, other: str) -> bool:
    if len(first.rstrip(".")) == 1 or len(other.rstrip(".")) == 1:
        return first[0] == other[0]  # "J. Stoltenberg"
    # Not string similarity: "Ivana" and "Ivanka" Trump are two people. Transliterations and spelling
    # variants ("Vladimir"/"Volodymyr", "Antony"/"Anthony") keep their consonant skeleton.
    return consonant_skeleton(first) == consonant_skeleton(other)


def consonant_skeleton(word: str) -> str:
    """The consonants of a name, doubled letters once, w as v and no h: what transliterations keep."""
    letters = [("v" if ch == "w" else ch) for ch in word if ch not in "aeiouyh-"]
    return "".join(ch for i, ch in enumerate(letters) if i == 0 or ch != letters[i - 1])


def merge_people(mentions: Sequence[PersonMention], options: PeopleOptions | None = None) -> list[Person]:
    """Group person mentions of all articles into people; the most mentioned come first."""
    options = options or PeopleOptions()
    clusters: list[_Cluster] = []
    surname_only: list[PersonMention] = []
    order = {id(mention): position for position, mention in enumerate(mentions)}
    for mention in mentions:
        parts = name_parts(mention.name)
        if len(parts) >= 2 and not _opens_with_particle(mention.name, parts):
            _add_full_name(clusters, mention, parts, options)
        elif parts:
            surname_only.append(mention)  # 'Stoltenberg'; 'bin Laden' is a surname too
    for mention in surname_only:
        _add_surname(clusters, mention, name_parts(mention.name)[-1], options)
    for cluster in clusters:
        cluster.members.sort(key=lambda member: order[id(member)])
    people = [_person(cluster) for cluster in clusters]
    people.sort(key=lambda person: (-person.mentions, person.name))
    return [person.model_copy(update={"id": number}) for number, person in enumerate(people)]


def _add_full_name(clusters: list[_Cluster], mention: PersonMention, parts: list[str], options: PeopleOptions) -> None:
    surname = parts[-1]
    for cluster in clusters:
        if alike(surname, cluster.surname, options.surname_similarity) and fits_full_names(parts, cluster.full_names):
            cluster.members.append(mention)
            cluster.full_names.append(parts)
            return
    clusters.append(_Cluster(surname=surname, members=[mention], full_names=[parts]))


def _add_surname(clusters: list[_Cluster], mention: PersonMention, word: str, options: PeopleOptions) -> None:
    matches = [c for c in clusters if alike(word, c.surname, options.surname_similarity)]
    if len(matches) > 1:
        # Two people share the surname: the one this article names is meant; failing that, the most named.
        in_article = [c for c in matches if any(m.article_id == mention.article_id for m in c.members)]
        matches = in_article or matches
        matches = [max(matches, key=lambda c: len(c.members))]
    if not matches:
        # No one's surname, but one person's first name: 'Mahathir' is Mahathir Mohamad, as Malay and
        # Arabic names are used, and 'Hillary' is Hillary Clinton. Two people of that first name: no one.
        by_first = [c for c in clusters if any(parts[0] == word for parts in c.full_names)]
        matches = by_first if len(by_first) == 1 and word not in PRONOUNS else []  # not 'He' Xintong
    if matches:
        matches[0].members.append(mention)
    else:
        clusters.append(_Cluster(surname=word, members=[mention]))


def _person(cluster: _Cluster) -> Person:
    forms = Counter(member.name for member in cluster.members)
    full = [
        name for name in forms if len(parts := name_parts(name)) >= 2 and not _opens_with_particle(name, parts)
    ] or list(forms)
    canonical = max(full, key=lambda name: (forms[name], len(name)))
    roles = [role for member in cluster.members for role in member.roles]
    actors = Counter(role.actor for role in roles if role.actor)
    return Person(
        id=0,
        name=canonical,
        names=sorted(forms, key=lambda name: (-forms[name], name)),
        roles=roles,
        actor=actors.most_common(1)[0][0] if actors else None,
        article_ids=list(dict.fromkeys(member.article_id for member in cluster.members)),
        mentions=len(cluster.members),
    )
