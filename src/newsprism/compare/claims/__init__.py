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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsprism.compare.claims.reading import (
    accused_parties,
    denies,
    doubted_parties,
    first_party,
    is_claim,
    is_media,
    party_key,
    speaking_actor,
    stance_text,
    topic_words,
)
from newsprism.compare.roles import actor_key
from newsprism.compare.similarity import content_words, dice_matrix, is_negated, shared_counts
from newsprism.compare.stance import STANCES, StanceModel, shipped_stance_model
from newsprism.model import Claim, ClaimSide, QuoteEntry
from newsprism.nlp.models import SentenceEncoder

__all__ = [
    "ClaimOptions",
    "accused_parties",
    "claims_and_counterclaims",
    "denies",
    "doubted_parties",
    "is_claim",
    "is_media",
    "speaking_actor",
    "stance_text",
    "topic_words",
]


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
    actors = [party_key(q) for q in quotes]
    overlap = dice_matrix([content_words(q.text) for q in quotes])
    topics = [topic_words(q.text) for q in quotes]
    accused = [accused_parties(q) for q in quotes]
    doubted = [
        doubted_parties(text, options.negation_window) - {actor} for text, actor in zip(texts, actors, strict=True)
    ]
    # The word tests are cheap and the encoder is not: only statements in a pair that passes one are embedded.
    candidates = _candidate_pairs(overlap, topics, actors, accused, doubted, options)
    if not candidates:
        return []
    embedded = sorted({index for pair in candidates for index in pair})
    row_of = {index: row for row, index in enumerate(embedded)}
    vectors = encoder.encode([texts[index] for index in embedded])
    similarity = {(i, j): float(vectors[row_of[i]] @ vectors[row_of[j]]) for i, j in candidates}

    sides: dict[int, dict[str, list[int]]] = {}
    reasons = {pair: _disputes(texts, topics, actors, accused, similarity[pair], *pair, options) for pair in candidates}
    # "had not confirmed Russia's claim" disputes the claim of Russia's that it is closest to.
    answering: dict[int, list[tuple[int, int]]] = {}
    for pair in candidates:
        if doubted[pair[1]]:
            answering.setdefault(pair[1], []).append(pair)
    for j, pairs_of_j in answering.items():
        named = [pair for pair in pairs_of_j if actors[pair[0]] in doubted[j]]
        if named:
            reasons[max(named, key=lambda pair: similarity[pair])] = "referenced"
    denials = [pair for pair, reason in reasons.items() if reason == "denial"]
    if denials and options.min_disagree_denial > 0:
        model = model or shipped_stance_model()
        disagree = STANCES.index("disagree")
        forth = model.predict_proba([texts[i] for i, _ in denials], [texts[j] for _, j in denials], encoder)
        back = model.predict_proba([texts[j] for _, j in denials], [texts[i] for i, _ in denials], encoder)
        for pair, one, other in zip(denials, forth, back, strict=True):
            if max(one[disagree], other[disagree]) < options.min_disagree_denial:
                reasons[pair] = None
    # A rebuttal answers a party once: under that party's most contested claim (the most rebuttals,
    # then the most sources), and of those the closest. "We have not verified that units are returning"
    # disputes each of Russia's six statements about the units; shown under all six it would fill the
    # section with one quarrel.
    rebuttals = Counter(i for (i, _), reason in reasons.items() if reason)

    def weight(i: int, j: int) -> tuple[int, int, float]:
        return rebuttals[i], len(quotes[i].citations), similarity[(i, j)]

    answered: dict[tuple[int, str], int] = {}
    for (i, j), reason in reasons.items():
        if reason:
            kept = answered.get((j, actors[i]))
            if kept is None or weight(i, j) > weight(kept, j):
                answered[(j, actors[i])] = i
    for (i, j), reason in reasons.items():
        if reason and answered[(j, actors[i])] == i:
            sides.setdefault(i, {"support": [], "dispute": []})["dispute"].append(j)

    # Supports: alike statements of the same polarity that the stance model is sure agree.
    # Polarity by both readings: a statement that doubts or refutes ("still have to see evidence of a
    # withdrawal") never supports one that asserts, whether or not the two share words.
    # Two statements about different parties support nothing of each other, however alike their words:
    # in a quarrel every statement names the same few, and "Turkey accuses Syria of harboring rebels"
    # reads much like "Syria accuses Turkey of plotting with Israel".
    negated = [(is_negated(text), denies(text, frozenset(), options.negation_window)) for text in texts]
    about = [first_party(text) for text in texts]
    pairs = [
        pair
        for pair in candidates
        if similarity[pair] >= options.min_similarity
        and overlap[pair] >= options.min_word_overlap
        and negated[pair[0]] == negated[pair[1]]
        and not reasons[pair]
        and (None in (about[pair[0]], about[pair[1]]) or about[pair[0]] == about[pair[1]])
    ]
    pairs = sorted(pairs, key=lambda pair: -similarity[pair])[: options.max_pairs]
    if pairs:
        model = model or shipped_stance_model()
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
    """Why statement ``j`` disputes statement ``i`` ("answered", "mutual", "rebuttal", "denial"), or None.

    Each quarrel is read one way round, so that a brief shows it once: the charge or the assertion is
    the claim, the denial or the accused party's account disputes it; of two parties charging each
    other, the statement that comes first is the claim.
    """
    shared = topics[i] & topics[j]
    # A charge answered by the accused party's denial, or two parties charging each other over one matter.
    if len(shared) >= options.min_shared_accusation:
        if actors[j] in accused[i] and denies(texts[j], shared, options.negation_window):
            return "answered"
        if actors[i] in accused[j] and denies(texts[i], shared, options.negation_window):
            return None  # i answers j's charge: read as j's claim, disputed by i
        if actors[j] in accused[i] and actors[i] in accused[j]:
            return "mutual" if i < j else None
    # The accused party's own account of the charged matter rebuts it, with or without a "no".
    one_matter = len(shared) >= options.min_shared_words and similarity >= options.min_similarity_denial
    if one_matter and actors[j] in accused[i]:
        return "rebuttal"
    if one_matter and actors[i] in accused[j]:
        return None  # i is the accused party's account: read as j's charge, rebutted by i
    if len(shared) < options.min_shared_words or similarity < options.min_similarity_denial:
        return None
    if denies(texts[j], shared, options.negation_window) and not denies(texts[i], shared, options.negation_window):
        return "denial"
    return None


def _candidate_pairs(
    overlap: npt.NDArray[np.float64],
    topics: Sequence[frozenset[str]],
    actors: Sequence[str],
    accused: Sequence[frozenset[str]],
    doubted: Sequence[frozenset[str]],
    options: ClaimOptions,
) -> list[tuple[int, int]]:
    """Ordered pairs of statements of different parties that share enough words to be one matter, or
    where the second names the first's party in doubt; row by row, as a double loop would give them.
    ``overlap`` is the Dice overlap of the statements' content words (``dice_matrix``).

    As matrices: a brief of 250 articles has some 1,800 statements, three million pairs.
    """
    count = len(actors)
    party = {name: number for number, name in enumerate(dict.fromkeys(actors))}
    party_of = np.array([party[name] for name in actors], dtype=np.int64)
    shared_topics = shared_counts(topics)
    charged = np.array([bool(parties) for parties in accused], dtype=bool)
    doubts = np.zeros((count, count), dtype=bool)
    for j, parties in enumerate(doubted):
        if parties:
            doubts[:, j] = np.isin(party_of, [party[p] for p in parties if p in party])
    related = (
        (overlap >= options.min_word_overlap)
        | (shared_topics >= options.min_shared_words)
        | ((charged[:, None] | charged[None, :]) & (shared_topics >= options.min_shared_accusation))
        | doubts
    )
    related &= party_of[:, None] != party_of[None, :]
    return [(int(i), int(j)) for i, j in np.argwhere(related)]


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
