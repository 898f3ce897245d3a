"""Who said what: attributed statements of all sources, each once, with every source that carries it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsprism.compare.people import PRONOUNS, alike, fits_full_names, name_parts
from newsprism.compare.roles import actor_key, title_vocabulary
from newsprism.compare.similarity import content_words
from newsprism.extract.people import role_heads
from newsprism.extract.quotes.gender import title_words
from newsprism.extract.quotes.holders import Description, Role, plain_words
from newsprism.extract.records import Quote
from newsprism.model import ParsedArticle, Person, QuoteEntry
from newsprism.nlp.sentences import cite_span

PIECE_JOINER = " … "


@dataclass(frozen=True)
class QuoteOptions:
    """``same_statement`` is the content-word overlap (Dice) above which two reports are one statement."""

    same_statement: float = 0.5
    min_words: int = 3
    # Reported speech shorter than this is a noun phrase ("denied any plans"), not a statement to list.
    min_reported_words: int = 5


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str | None
    actor: str | None
    key: str


def who_said_what(
    quotes: Mapping[str, Sequence[Quote]],
    documents: Sequence[ParsedArticle],
    people: Sequence[Person],
    number_of: Mapping[str, int],
    options: QuoteOptions | None = None,
) -> list[QuoteEntry]:
    """Group the quotes of all articles (by article id) into entries, grouped by actor, most carried first."""
    options = options or QuoteOptions()
    groups: list[tuple[_Speaker, list[Quote]]] = []
    for document in documents:
        for quote in quotes.get(document.article.id, []):
            words = len(quote.content_text.split())
            if words < options.min_words or (quote.kind == "indirect" and words < options.min_reported_words):
                continue
            quote = _named_across_sources(quote, people)
            speaker = _speaker_of(quote, people)
            if speaker is None:
                continue
            _join_group(groups, speaker, quote, options)
    sentences = {d.article.id: d for d in documents}
    entries = [_entry(speaker, group, sentences, number_of) for speaker, group in groups]
    sources = {id(entry): len({c.source for c in entry.citations}) for entry in entries}
    _name_parties(entries)
    actor_weight: dict[str, int] = {}
    for entry in entries:
        actor_weight[entry.actor or entry.speaker] = actor_weight.get(entry.actor or entry.speaker, 0) + 1
    entries.sort(key=lambda e: (-actor_weight[e.actor or e.speaker], e.actor or e.speaker, -sources[id(e)]))
    return entries


def party_names(names: Iterable[str]) -> dict[str, str]:
    """Each actor name as the party it stands for is called in this brief: "Russian", "Kremlin" and
    "Moscow" are Russia; "US" and "United States" are one. Names standing for no known country or body
    keep their own wording."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_key[actor_key(name)].append(name)
    _join_acronyms(by_key)
    chosen: dict[str, str] = {}
    for key, members in by_key.items():
        exact = [m for m in members if " ".join(m.lower().replace("’", "'").split()) == key]
        if exact:
            display = Counter(exact).most_common(1)[0][0]
        elif any(actor_key(m) != m.lower() for m in members):
            display = _as_written(key, members) or (key.upper() if len(key) <= 3 else key.title())
        else:
            display = Counter(members).most_common(1)[0][0]
        chosen.update((member, display) for member in members)
    return chosen


def _as_written(key: str, members: Iterable[str]) -> str | None:
    """The party's name as one of its members writes it ('NATO' in 'A senior NATO diplomat'), if one does."""
    pattern = re.compile(rf"\b{re.escape(key)}\b", re.IGNORECASE)
    found = (pattern.search(member) for member in members)
    return next((match.group(0) for match in found if match is not None), None)


# Small words an acronym may skip: "Department of Defense" is DoD or DD, "Wall Street Journal" WSJ.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def _initials(key: str) -> set[str]:
    """The acronyms a name of several words may go by: its initials with and without its small words."""
    words = [word for word in key.split() if word[0].isalnum()]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)}


def _join_acronyms(by_key: dict[str, list[str]]) -> None:
    """Fold a name written as an acronym ("WSJ") into the one name of this brief it abbreviates."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for key in by_key:
        for initials in _initials(key):
            expansions[initials].add(key)
    known = set(title_vocabulary().bodies.values())  # "US" is a country, whatever else its letters spell
    for key in list(by_key):
        if key in known:
            continue
        written = [m for m in by_key[key] if m.isupper() and m.isalpha() and 2 <= len(m) <= 6]
        full = expansions.get(key, set()) - {key}
        # Only an acronym that stands alone and expands one way: "UN" beside "United Nations" and
        # "Ukrainian Navy" is left as written.
        if written and len(written) == len(by_key[key]) and len(full) == 1:
            by_key[full.pop()].extend(by_key.pop(key))


def _name_parties(entries: Sequence[QuoteEntry]) -> None:
    # A speaker with no stated actor who is itself a country's office ("the Kremlin") speaks for it.
    names = party_names(entry.actor or entry.speaker for entry in entries)
    for entry in entries:
        name = entry.actor or entry.speaker
        if entry.actor is not None or names[name] != name:
            entry.actor = names[name]
    _qualify_bare_offices(entries)


def _qualify_bare_offices(entries: Sequence[QuoteEntry]) -> None:
    """An office named bare ("the Defense Ministry") is the one this brief's sources name with its
    party ("Russian Defense Ministry", "Russia's defence ministry"), when they name it for one party only.

    Written by one source for readers who know whose ministry it is, it would otherwise stand as a
    party of its own; named for two parties it stays as written, and so does a description in lower
    case ("officials"), which may be anyone's.
    """
    qualified = [(name_parts(e.speaker), e.actor) for e in entries if e.actor and e.actor != e.speaker]
    for entry in entries:
        # Only an institution's proper name: "officials" may be anyone's, whoever else said it.
        # One capitalised word may only open its sentence ("Officials said").
        words = [w for w in entry.speaker.split() if w.lower() not in ("the", "of", "for")]
        proper = len(words) > 1 and all(w[:1].isupper() for w in words)
        if entry.actor not in (None, entry.speaker) or not proper:
            continue
        bare = name_parts(entry.speaker)
        if bare and bare[0] == "the":
            bare = bare[1:]
        if not bare:
            continue
        parties = {
            actor
            for words, actor in qualified
            if len(words) > len(bare) and all(alike(a, b, 0.8) for a, b in zip(words[-len(bare) :], bare, strict=True))
        }
        if len(parties) == 1:
            entry.actor = parties.pop()


# A speaker the brief can name: not a bare pronoun, and a description only when it names a body or a
# role ("Western leaders", "the Defense Ministry"), not whatever noun the parse found ("this week").
# Capitalised but naming no one: "reports on Monday" is as anonymous as "reports" ("May" may be a name).
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july"
    " august september october november december".split()
)


def _is_pronoun(word: str) -> bool:
    # "US" in capitals is the country, not "us".
    return word.lower() in PRONOUNS and not (len(word) > 1 and word.isupper())


def _nameable(name: str, resolution: str) -> bool:
    words = name.split()
    if resolution == "unresolved" or not words or _is_pronoun(name):
        return False
    if resolution != "as_written":
        return True
    if _is_pronoun(words[0]):
        return False
    heads = role_heads()
    has_role = any(word.lower().rstrip("s") in heads or word.lower() in heads for word in words)
    return has_role or any(
        word[:1].isupper() for word in words if word.lower() != "the" and word.lower() not in _CALENDAR_WORDS
    )


_EDGES = " \"'“”‘’.,;:"
_SMALLEST_EXCERPT = 5  # words; fewer ('the new normal') may be anyone's phrase


def _named_across_sources(quote: Quote, people: Sequence[Person]) -> Quote:
    """A speaker one source names only by a description ('the secretary general of NATO said', before or
    without the name) is the one person of the story some source gives a role of that head noun with
    every word of it ('NATO Secretary General Jens Stoltenberg'). A description no role fits, or two
    people's, stays as written ('the former president' beside a sitting 'President'), and so does a
    plural or a body's name ('the players', 'the group' beside 'leader of the group').
    """
    # A description read as the article's fuller words ('NATO's secretary general') may still be named.
    if quote.resolution not in ("as_written", "described") or quote.speaker is None:
        return quote
    written = quote.speaker.text
    words = written.split()
    if len(words) < 2 or words[0].lower() != "the":
        return quote
    head = Role.of(written).head
    # Capitalised words are a name ('The Associated Press') unless a person's title heads them: 'The
    # Russian Foreign Minister speaks of ...' describes whoever holds that office.
    if not any(word.islower() for word in words[1:]) and head not in role_heads():
        return quote
    if head.endswith("s") and not head.endswith("ss"):
        return quote  # a plural is a group, not one person
    # The test the article's own descriptions pass (holders.holder_of): the head noun, every other word,
    # past or present alike.
    description = Description.of(written, frozenset({head}))
    holding = [
        person
        for person in people
        if any(description.fits(held.words) and held.head == head for held in map(Role.of, _role_texts(person)))
    ]
    # A title may be part of a name ('Prince Norodom Ranariddh'): another person so named makes the
    # description anyone's, whatever role a slip of the parse gave the first.
    wanted = description.forms | description.other
    named = [person for person in people if any(wanted <= set(plain_words(name)) for name in person.names)]
    if len(holding) != 1 or any(person.id != holding[0].id for person in named):
        return quote
    return quote.model_copy(update={"speaker_name": holding[0].name, "resolution": "title"})


def _role_texts(person: Person) -> list[str]:
    return [role.text for role in person.roles]


def _speaker_of(quote: Quote, people: Sequence[Person]) -> _Speaker | None:
    name = quote.speaker_name or (quote.speaker.text if quote.speaker else None)
    if not name or not _nameable(name, quote.resolution):
        return None
    parts = name_parts(name)
    if not parts:
        return None
    person = _person_named(name, parts, quote.article_id, people)
    if person is not None:
        role = next((r.text for r in person.roles if r.article_id == quote.article_id), None)
        role = role or (person.roles[0].text if person.roles else None)
        role = " ".join(role.split()) if role else None  # on one line, however the source wrapped it
        return _Speaker(person.name, role, person.actor, f"person:{person.id}")
    # An organisation or office ("the Kremlin", "Russia's defence ministry") speaks for itself. A role
    # named by no one ("the commander") keeps its article: bare, it would read as a name.
    words = name.split()
    if len(words) > 1 and words[0].lower() in {"the", "a", "an"} and words[1][:1].isupper():
        name = " ".join(words[1:])
    # 'A senior NATO diplomat' is NATO's side, in NATO's words only where NATO itself speaks.
    return _Speaker(name, None, quote.speaker_body or name, "as:" + " ".join(name_parts(name)))


def _person_named(name: str, parts: list[str], article_id: str, people: Sequence[Person]) -> Person | None:
    """The person a speaker's name is.

    A name that is one person's name form is that person ('Hu' is Hu Jiangxia, whatever surname it is
    like). A phrase that ends in one of a person's full names is that person ('the operative, Haroun
    Fazil,').
    Else a description is no one ('the royalist FUNCINPEC party', 'a spokesman for Idris'); a name is,
    of the people with its surname, the one whose first name fits ('Buck Williams' is not Herb
    Williams); of several still, the one the quote's article names; else the most mentioned.
    """
    exact = [person for person in people if any(name_parts(form) == parts for form in person.names)]
    if len(exact) == 1:
        return exact[0]
    ending = [
        person
        for person in people
        if any(len(form) > 1 and parts[-len(form) :] == form for form in map(name_parts, person.names))
    ]
    if ending:
        return ending[0]
    words = name.strip(_EDGES).split()
    if not words or words[0] in _ARTICLES or words[-1].islower():
        return None
    same_surname = [person for person in people if (own := name_parts(person.name)) and alike(parts[-1], own[-1], 0.8)]
    # A title or a lower-case word before the surname ('President Clinton', 'Sen. McCain', 'coach
    # Ewing') is no first name: the surname alone decides.
    if len(parts) > 1 and words[0][:1].isupper() and parts[0] not in title_words():
        same_surname = [person for person in same_surname if _full_name_fits(parts, person)]
    if len(same_surname) > 1:
        same_surname = [p for p in same_surname if article_id in p.article_ids] or same_surname
    return same_surname[0] if same_surname else None


_ARTICLES = frozenset({"the", "a", "an", "The", "A"})  # not "An": a name too (An Jun)


def _full_name_fits(parts: Sequence[str], person: Person) -> bool:
    """Whether a full name may be the person's: it fits one of their full names, or they have none."""
    return fits_full_names(parts, [form for form in map(name_parts, person.names) if len(form) > 1])


def _join_group(
    groups: list[tuple[_Speaker, list[Quote]]], speaker: _Speaker, quote: Quote, options: QuoteOptions
) -> None:
    words = _statement_words(quote.content_text)
    for known, group in groups:
        if known.key != speaker.key:
            continue
        same = [n for n, q in enumerate(group) if q.article_id == quote.article_id]
        twice = [n for n in same if group[n].content_text == quote.content_text]
        if twice:
            # The same words given to one speaker twice in an article ('to discuss what NATO has called
            # "..."'): one statement, under the cue nearest to it.
            if _cue_distance(quote) < _cue_distance(group[twice[0]]):
                group[twice[0]] = quote
            return
        # Part of a statement the article quotes in full elsewhere (a lede's excerpt of the quote below
        # it) is that statement, and the fuller report stands for it.
        within = [n for n in same if _inside(quote.content_text, group[n].content_text)]
        if within:
            return
        around = [n for n in same if _inside(group[n].content_text, quote.content_text)]
        if around:
            group[around[0]] = quote
            return
        if same:
            continue
        if any(_same_words(words, _statement_words(q.content_text), options) for q in group):
            group.append(quote)
            return
    groups.append((speaker, [quote]))


@lru_cache(maxsize=1 << 12)
def _statement_words(text: str) -> frozenset[str]:
    """A report's content words, read once: each new report is compared with every report of its speaker."""
    return content_words(text)


def _inside(part: str, whole: str) -> bool:
    """Whether ``part``'s words, quotation marks and edge punctuation aside, stand in ``whole``."""
    words = part.strip(_EDGES).split()
    return len(words) >= _SMALLEST_EXCERPT and " ".join(words) in " ".join(whole.split())


def _same_words(first: frozenset[str], second: frozenset[str], options: QuoteOptions) -> bool:
    """Two reports share enough content words (Dice) to be one statement."""
    return bool(first and second) and 2 * len(first & second) / (len(first) + len(second)) >= options.same_statement


def _cue_distance(quote: Quote) -> int:
    """Characters between the cue and the nearest piece of what it reports."""
    return min(max(0, piece.start - quote.cue.end, quote.cue.start - piece.end) for piece in quote.content)


def _entry(
    speaker: _Speaker, group: list[Quote], documents: Mapping[str, ParsedArticle], number_of: Mapping[str, int]
) -> QuoteEntry:
    ordered = sorted(group, key=lambda q: number_of[q.article_id])
    # The fullest report of the statement is the one shown, and cited first: a source that quotes only
    # its second sentence must not hide the first ('We have not yet verified ... Indeed, our analysts ...').
    fullest = max(ordered, key=lambda q: sum(len(piece.text.split()) for piece in q.content))
    ordered = [fullest, *(q for q in ordered if q is not fullest)]
    # A speaker the source names only as 'he' or 'the spokesman' is our reading, not its words: say so.
    resolved = fullest.speaker is not None and fullest.resolution in ("pronoun", "title", "described")
    return QuoteEntry(
        speaker=speaker.name,
        speaker_as_written=fullest.speaker.text if resolved and fullest.speaker else None,
        role=speaker.role,
        actor=speaker.actor,
        text=PIECE_JOINER.join(piece.text for piece in fullest.content),
        kind=fullest.kind,
        cue=fullest.cue.text,
        citations=[
            cite_span(documents[q.article_id], q.content[0].start, q.content[-1].end, number_of) for q in ordered
        ],
    )


def listed_people(people: Sequence[Person], quotes: Sequence[QuoteEntry]) -> list[Person]:
    """The people worth a line in the brief: those given a role, those who speak, and those named more than
    once. A name found once with nothing said of it is too often a tagger's slip (a place, a masthead)."""
    speakers = {quote.speaker.lower() for quote in quotes}
    listed = [
        person
        for person in people
        if person.roles or person.mentions > 1 or any(name.lower() in speakers for name in person.names)
    ]
    # A person speaks for the party their quotes are grouped under ("Russian" -> "Russia").
    parties = party_names([p.actor for p in listed if p.actor] + [q.actor for q in quotes if q.actor])
    return [p.model_copy(update={"actor": parties[p.actor]}) if p.actor else p for p in listed]
