"""Claims and counter-claims: what one actor says, and which other actors support or dispute it.

Every assertion in who-said-what is a possible claim (wishes, appeals, plans and questions are not:
``is_claim``). Two statements of different actors are about one proposition when they share words beyond
the names of the parties (``topic_words``) and are close in meaning. A statement disputes another when
it denies what the other asserts, read from denial words and from negators near the shared words
(``denies``) and not contradicted by the stance model; or when it denies a charge the other laid against
its actor (``accused_parties``), or is the accused party's own account of the charged matter; or when
two actors charge each other over one matter; or when it doubts the other party's words by name
("had not confirmed Russia's claim", ``doubted_parties``). Supports are
judged by the stance model trained on FNC-1, which weighs overlap, embedding similarity and cues of
confirmation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.compare.roles import actor_key, title_vocabulary
from newsprism.compare.similarity import content_words, is_negated
from newsprism.compare.stance import STANCES, StanceModel
from newsprism.model import Claim, ClaimSide, QuoteEntry
from newsprism.nlp.models import SentenceEncoder

# Lower-case words inside personal names ("Osama bin Laden", "Vincent van Gogh").
_NAME_PARTICLES = frozenset(
    {"bin", "ibn", "abu", "al", "el", "van", "von", "der", "de", "la", "le", "da", "dos", "del"}
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+", re.UNICODE)


@dataclass(frozen=True)
class ClaimOptions:
    """Which pairs are judged, and how sure each judge must be.

    The stance model learned headline-versus-article stances; between two short statements it is
    over-eager, so it decides supports only when sure (both statements assert alike), and disputes are
    read from denial and accusation: the model can only veto a plain denial it gives less than
    ``min_disagree_denial`` of "disagree" either way round (a charge and the accused party's answer are
    two accounts of one matter, which it reads as "discuss"). ``min_shared_words`` topic words and a
    similarity of ``min_similarity_denial`` make two statements one proposition; a charge and its
    denial, or two charges, need ``min_shared_accusation`` words (the charge names the party, so less
    is needed to tie them). Negators count within ``negation_window`` tokens before a shared word.
    """

    min_similarity: float = 0.55
    min_word_overlap: float = 0.15
    min_probability: float = 0.5
    min_shared_words: int = 2
    min_similarity_denial: float = 0.45
    min_shared_accusation: int = 1
    negation_window: int = 8
    min_disagree_denial: float = 0.25
    max_pairs: int = 100
    max_claims: int = 10


def claims_and_counterclaims(
    quotes: Sequence[QuoteEntry],
    encoder: SentenceEncoder,
    model: StanceModel | None = None,
    options: ClaimOptions | None = None,
) -> list[Claim]:
    """Claims with at least one supporter or disputer among other actors' statements, disputed ones first."""
    options = options or ClaimOptions()
    quotes = [quote for quote in quotes if not is_media(quote) and is_claim(quote)]
    if len(quotes) < 2:
        return []
    texts = [stance_text(q) for q in quotes]
    actors = [_actor(q) for q in quotes]
    words = [content_words(q.text) for q in quotes]
    topics = [topic_words(q.text) for q in quotes]
    accused = [accused_parties(q) for q in quotes]
    doubted = [
        doubted_parties(text, options.negation_window) - {actor} for text, actor in zip(texts, actors, strict=True)
    ]
    # The word tests are cheap and the encoder is not: only statements in a pair that passes one are embedded.
    candidates = [
        (i, j)
        for i in range(len(quotes))
        for j in range(len(quotes))
        if i != j
        and actors[i] != actors[j]
        and (
            _dice(words[i], words[j]) >= options.min_word_overlap
            or len(topics[i] & topics[j]) >= options.min_shared_words
            or ((accused[i] or accused[j]) and len(topics[i] & topics[j]) >= options.min_shared_accusation)
            or actors[i] in doubted[j]
        )
    ]
    if not candidates:
        return []
    embedded = sorted({index for pair in candidates for index in pair})
    row_of = {index: row for row, index in enumerate(embedded)}
    vectors = encoder.encode([texts[index] for index in embedded])
    similarity = {(i, j): float(vectors[row_of[i]] @ vectors[row_of[j]]) for i, j in candidates}

    sides: dict[int, dict[str, list[int]]] = {}
    reasons = {pair: _disputes(texts, topics, actors, accused, similarity[pair], *pair, options) for pair in candidates}
    # "had not confirmed Russia's claim" disputes the claim of Russia's that it is closest to.
    for j, parties in enumerate(doubted):
        named = [pair for pair in candidates if pair[1] == j and actors[pair[0]] in parties]
        if named:
            reasons[max(named, key=lambda pair: similarity[pair])] = "referenced"
    denials = [pair for pair, reason in reasons.items() if reason == "denial"]
    if denials and options.min_disagree_denial > 0:
        model = model or StanceModel.load()
        disagree = STANCES.index("disagree")
        forth = model.predict_proba([texts[i] for i, _ in denials], [texts[j] for _, j in denials], encoder)
        back = model.predict_proba([texts[j] for _, j in denials], [texts[i] for i, _ in denials], encoder)
        for pair, one, other in zip(denials, forth, back, strict=True):
            if max(one[disagree], other[disagree]) < options.min_disagree_denial:
                reasons[pair] = None
    for (i, j), reason in reasons.items():
        if reason:
            sides.setdefault(i, {"support": [], "dispute": []})["dispute"].append(j)

    # Supports: alike statements of the same polarity that the stance model is sure agree.
    negated = [is_negated(text) for text in texts]
    pairs = [
        pair
        for pair in candidates
        if similarity[pair] >= options.min_similarity
        and _dice(words[pair[0]], words[pair[1]]) >= options.min_word_overlap
        and negated[pair[0]] == negated[pair[1]]
        and pair[1] not in sides.get(pair[0], {}).get("dispute", [])
    ]
    pairs = sorted(pairs, key=lambda pair: -similarity[pair])[: options.max_pairs]
    if pairs:
        model = model or StanceModel.load()
        proba = model.predict_proba([texts[i] for i, _ in pairs], [texts[j] for _, j in pairs], encoder)
        agree = STANCES.index("agree")
        for (i, j), row in zip(pairs, proba, strict=True):
            if row[agree] >= options.min_probability:
                sides.setdefault(i, {"support": [], "dispute": []})["support"].append(j)
    claims = [_claim(quotes[i], quotes, found["support"], found["dispute"]) for i, found in sides.items()]
    claims.sort(key=lambda c: (-len(c.disputers), -len(c.supporters), -len(c.citations)))
    return _spread_over_parties(claims, options.max_claims)


def _spread_over_parties(claims: Sequence[Claim], limit: int) -> list[Claim]:
    """The first ``limit`` claims, one for each pair of disputing parties before a second for any.

    Ten claims of one quarrel (each of Russia's statements that NATO denies) would hide every other
    quarrel of the story.
    """
    first: list[Claim] = []
    rest: list[Claim] = []
    seen: set[frozenset[str]] = set()
    for claim in claims:
        pairs = {
            frozenset({_side_key(claim.actor, claim.claimant), _side_key(s.actor, s.speaker)}) for s in claim.disputers
        }
        (first if pairs - seen else rest).append(claim)
        seen |= pairs
    return (first + rest)[:limit]


def _side_key(actor: str | None, speaker: str) -> str:
    return actor_key(actor or speaker)


def _disputes(
    texts: Sequence[str],
    topics: Sequence[frozenset[str]],
    actors: Sequence[str],
    accused: Sequence[frozenset[str]],
    similarity: float,
    i: int,
    j: int,
    options: ClaimOptions,
) -> str | None:
    """Why statement ``j`` disputes statement ``i`` ("answered", "mutual", "rebuttal", "denial"), or None."""
    shared = topics[i] & topics[j]
    # A charge answered by the accused party's denial, or two parties charging each other over one matter.
    if len(shared) >= options.min_shared_accusation:
        if actors[j] in accused[i] and denies(texts[j], shared, options.negation_window):
            return "answered"
        if actors[i] in accused[j] and denies(texts[i], shared, options.negation_window):
            return "answered"
        if actors[j] in accused[i] and actors[i] in accused[j]:
            return "mutual"
    # The accused party's own account of the charged matter rebuts it, with or without a "no".
    one_matter = len(shared) >= options.min_shared_words and similarity >= options.min_similarity_denial
    if one_matter and (actors[j] in accused[i] or actors[i] in accused[j]):
        return "rebuttal"
    if len(shared) < options.min_shared_words or similarity < options.min_similarity_denial:
        return None
    if denies(texts[i], shared, options.negation_window) != denies(texts[j], shared, options.negation_window):
        return "denial"
    return None


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
    lowered = " ".join(quote.text.lower().replace("’", "'").split())
    # The first party named is the one charged ("Greece accused Turkey of ... its stand-off with Syria").
    found = _bodies_pattern().search(lowered)
    return frozenset({title_vocabulary().bodies[found.group(1)]}) if found else frozenset()


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


def _actor(quote: QuoteEntry) -> str:
    """One key per party: "Lebanon", "Lebanese" and "Beirut" are one actor, and never dispute each other."""
    return actor_key(speaking_actor(quote) or quote.speaker)


def _tokens(text: str) -> list[str]:
    return [token.lower().replace("’", "'") for token in _TOKEN.findall(text)]


def _match(tokens: Sequence[str], position: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the longest phrase starting at ``position`` (phrases come longest first), else 0."""
    for phrase in phrases:
        if tuple(tokens[position : position + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _stem(word: str) -> str:
    """A crude stem, enough to match "harboring" with "harbor" and "bases" with "base"."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _dice(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _side(quote: QuoteEntry) -> ClaimSide:
    return ClaimSide(speaker=quote.speaker, actor=speaking_actor(quote), text=quote.text, citations=quote.citations)


def _claim(claim: QuoteEntry, quotes: Sequence[QuoteEntry], support: list[int], dispute: list[int]) -> Claim:
    return Claim(
        claimant=claim.speaker,
        actor=speaking_actor(claim),
        text=claim.text,
        citations=claim.citations,
        supporters=[_side(quotes[j]) for j in support],
        disputers=[_side(quotes[j]) for j in dispute],
    )
