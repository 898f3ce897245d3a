"""Reading one statement for the dispute rules: is it a claim, what is it about, does it deny, whom does it charge.

The vocabulary (cues that make no claim, accusation and refutation words, negators, offices) is data, in
``compare/data/claim_words.json``; news media, who report claims rather than make them, in ``media.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.compare.roles import actor_key, title_vocabulary
from newsprism.compare.similarity import content_words, is_negated
from newsprism.model import QuoteEntry

_NAME_PARTICLES = frozenset(
    {"bin", "ibn", "abu", "al", "el", "van", "von", "der", "de", "la", "le", "da", "dos", "del"}
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+", re.UNICODE)


@cache
def claim_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue and denial vocabulary of ``data/claim_words.json``, each entry as a word tuple."""
    raw = resources.files("newsprism.compare").joinpath("data", "claim_words.json").read_text("utf-8")
    data = json.loads(raw)
    return {
        kind: tuple(sorted((tuple(_tokens(p)) for p in data[kind]), key=len, reverse=True))
        for kind in ("not_claims", "accusations", "refutations", "negators", "offices", "no_speakers")
    }


def is_claim(quote: QuoteEntry) -> bool:
    """Whether a statement asserts something another actor could dispute.

    Appeals, wishes, plans, offers and acts ("called for talks", "refused to hand him over") and
    questions are not claims; nor are fragments with fewer than two words of their own, nor what a
    speaker the attribution got wrong says ("This", "Another report").
    """
    cue = _tokens(quote.cue or "")
    if cue and (cue[0],) in claim_words()["not_claims"]:
        return False
    speaker = _tokens(quote.speaker)
    if not speaker or (speaker[0],) in claim_words()["no_speakers"]:
        return False
    text = quote.text.strip()
    if text.rstrip("”\"’' ").endswith("?") or text.lower().startswith("whether "):
        return False
    return len(topic_words(text)) >= 2


def topic_words(text: str) -> frozenset[str]:
    """What a statement is about: its content words, stemmed, without the names of countries and bodies.

    Two parties' statements always name the parties; only the words beyond them show that both speak
    of one matter ("Syria harbours the rebels" and "Lebanon denies harbouring rebels" share "harbour rebel").
    """
    # Names (capitalised past the first word: "Kurdish", "Crimea", with particles: "bin Laden") say who,
    # not what.
    pieces = text.replace("’", "'").split()
    common = " ".join(
        word
        for position, word in enumerate(pieces)
        if (position == 0 or not word[:1].isupper())
        and not (
            word.lower() in _NAME_PARTICLES
            and pieces[position + 1 : position + 2] != []
            and pieces[position + 1][:1].isupper()
        )
    ).lower()
    for alias in sorted(title_vocabulary().bodies, key=len, reverse=True):
        if alias in common:
            common = re.sub(rf"(?<![\w.]){re.escape(alias)}(?![\w])", " ", common)
    return frozenset(_stem(word) for word in content_words(common) if len(word) > 2)


def denies(text: str, shared: frozenset[str], window: int = 8) -> bool:
    """Whether a statement denies the matter it shares with another (the ``shared`` topic words).

    Denial words ("denied", "not true", "wrong") deny the whole statement; a plain negator denies
    only when one of the shared words follows within ``window`` tokens ("no Kurdish rebels are based
    here" denies "rebels are based"; "the region cannot bear another conflict" does not). Denials are
    counted, so that a denial of a denial asserts: "NATO is wrong to say there is no evidence".
    """
    tokens = _tokens(text)
    stems = [_stem(token) for token in tokens]
    words = claim_words()
    count, position = 0, 0
    while position < len(tokens):
        refutation = _match(tokens, position, words["refutations"])
        negator = _match(tokens, position, words["negators"]) if not refutation else 0
        scoped = bool(negator) and any(
            stem in shared for stem in stems[position + negator : position + negator + window]
        )
        count += bool(refutation) or scoped
        position += max(refutation, negator, 1)
    return count % 2 == 1


def accused_parties(quote: QuoteEntry) -> frozenset[str]:
    """The party a charge names ("Turkey accuses Syria of plotting with Israel" -> syria)."""
    cue = _tokens(quote.cue or "")
    if not cue or (cue[0],) not in claim_words()["accusations"]:
        return frozenset()
    # The first party named is the one charged ("Greece accused Turkey of ... its stand-off with Syria").
    charged = first_party(quote.text)
    return frozenset({charged}) if charged else frozenset()


def first_party(text: str) -> str | None:
    """The first country or body a statement names: what it is about ("Syria is harboring rebels" -> syria)."""
    found = _bodies_pattern().search(" ".join(text.lower().replace("’", "'").split()))
    return title_vocabulary().bodies[found.group(1)] if found else None


def doubted_parties(text: str, window: int = 8) -> frozenset[str]:
    """Parties whose words a statement denies or doubts by name ("had not confirmed Russia's claim")."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    words = claim_words()
    found = set()
    for reference in _reference_pattern().finditer(lowered):
        before = _tokens(lowered[: reference.start()])[-window:]
        if any(
            _match(before, k, words["negators"]) or _match(before, k, words["refutations"]) for k in range(len(before))
        ):
            found.add(title_vocabulary().bodies[reference.group("party")])
    return frozenset(found)


@cache
def _reference_pattern() -> re.Pattern[str]:
    """A party's words named as such: "Russia's claim", "Moscow's statements"."""
    aliases = "|".join(map(re.escape, sorted(title_vocabulary().bodies, key=len, reverse=True)))
    nouns = r"claims?|statements?|announcements?|assertions?|accounts?|version|words|denials?|assurances?"
    return re.compile(rf"(?<![\w.])(?P<party>{aliases})'s\s+(?:{nouns})\b")


@cache
def _bodies_pattern() -> re.Pattern[str]:
    aliases = sorted(title_vocabulary().bodies, key=len, reverse=True)
    return re.compile(rf"(?<![\w.])({'|'.join(map(re.escape, aliases))})(?![\w])")


@cache
def media_words() -> frozenset[str]:
    """Words naming news media, who report claims rather than make them (``data/media.json``)."""
    data = json.loads(resources.files("newsprism.compare").joinpath("data", "media.json").read_text("utf-8"))
    return frozenset(data["words"])


def is_media(quote: QuoteEntry) -> bool:
    """Whether the speaker is a wire, paper or broadcaster rather than an actor of the story.

    The speaker's own name and role count even when a country is given as its party ("Tehran Times",
    Iran; "Nadav Eyal, an Israeli journalist").
    """
    names = f"{quote.actor or ''} {quote.speaker} {quote.role or ''}".lower().split()
    return bool(set(names) & media_words())


def stance_text(quote: QuoteEntry) -> str:
    """What the speaker asserts, for comparing: a denying cue ("denied", "rejected") belongs to it.

    "Syria denies that it is supporting the rebels" is reported as the text "that it is supporting the
    rebels" with the cue "denies"; without the cue the statement would read as its opposite.
    """
    if quote.cue and is_negated(quote.cue):
        return f"{quote.cue} {quote.text}"
    return quote.text


def speaking_actor(quote: QuoteEntry) -> str | None:
    """The party a speaker speaks for, or None when the speaker speaks for themselves.

    A leading article names no other party ("the National Security Council"); a word of an office's
    title taken for the party ("Defense" of "Defense Minister") names none, so the speaker stands alone.
    """
    actor = quote.actor
    if actor is None:
        return None
    actor = re.sub(r"^(?:the|some)\s+", "", actor.strip(), flags=re.IGNORECASE)
    if actor_key(actor) == actor.lower() and actor.lower() in _title_words():
        return None
    # A country is not the party of its citizens: a role without an office (an owner, an exile) speaks
    # for the person alone ("Salih Idris, owner of the plant" is not Sudan).
    if quote.role and actor != quote.speaker and not set(_tokens(quote.role)) & _office_words():
        return None
    return actor


@cache
def _office_words() -> frozenset[str]:
    return _title_words() | frozenset(word for phrase in claim_words()["offices"] for word in phrase)


@cache
def _title_words() -> frozenset[str]:
    words = {word for titles in title_vocabulary().classes for title in titles for word in title.split()}
    return frozenset(words - STOP_WORDS)


def party_key(quote: QuoteEntry) -> str:
    """One key per party: "Lebanon", "Lebanese" and "Beirut" are one actor, and never dispute each other."""
    return actor_key(speaking_actor(quote) or quote.speaker)


def _tokens(text: str) -> list[str]:
    return [token.lower().replace("’", "'") for token in _TOKEN.findall(text)]


def _match(tokens: Sequence[str], position: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at ``position`` (phrases come longest first), else 0."""
    if position >= len(tokens):
        return 0
    for phrase in _by_first_word(phrases).get(tokens[position], ()):
        if tuple(tokens[position : position + len(phrase)]) == phrase:
            return len(phrase)
    return 0


@cache
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, each list still longest first: a token is checked against its own."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:  # an empty phrase matches nothing: it would give length 0
            grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in grouped.items()}


def _stem(word: str) -> str:
    """A crude stem, enough to match "harboring" with "harbor" and "bases" with "base"."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word
