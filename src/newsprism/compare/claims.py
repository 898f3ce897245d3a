"""Claims and counter-claims: what one actor says, and which other actors support or dispute it.

Every statement of who-said-what is a possible claim; the statements of other actors on the same
subject (sharing content words or meaning) are judged by the stance model trained on FNC-1, which
weighs denial and doubt cues, negation near the claim's terms, overlap and embedding similarity.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprism.compare.roles import actor_key
from newsprism.compare.similarity import content_words, is_negated
from newsprism.compare.stance import STANCES, StanceModel
from newsprism.model import Claim, ClaimSide, QuoteEntry
from newsprism.nlp.models import SentenceEncoder


@dataclass(frozen=True)
class ClaimOptions:
    """Which pairs are judged, and how sure the stance model must be.

    The model learned headline-versus-article stances; between two short statements it is over-eager,
    so a side is taken only when it is confident *and* the words agree: a dispute needs one statement
    to deny or doubt (``is_negated``) what the other asserts, a support needs both to assert alike.
    """

    min_similarity: float = 0.55
    min_word_overlap: float = 0.15
    min_probability: float = 0.5
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
    quotes = [quote for quote in quotes if not is_media(quote)]
    if len(quotes) < 2:
        return []
    texts = [stance_text(q) for q in quotes]
    actors = [_actor(q) for q in quotes]
    words = [content_words(q.text) for q in quotes]
    negated = [is_negated(text) for text in texts]
    # The word test is cheap and the encoder is not: only statements in a pair that passes it are embedded.
    candidates = [
        (i, j)
        for i in range(len(quotes))
        for j in range(len(quotes))
        if i != j and actors[i] != actors[j] and _dice(words[i], words[j]) >= options.min_word_overlap
    ]
    if not candidates:
        return []
    embedded = sorted({index for pair in candidates for index in pair})
    row_of = {index: row for row, index in enumerate(embedded)}
    vectors = encoder.encode([texts[index] for index in embedded])
    similarity = {(i, j): float(vectors[row_of[i]] @ vectors[row_of[j]]) for i, j in candidates}
    pairs = [pair for pair in candidates if similarity[pair] >= options.min_similarity]
    pairs = sorted(pairs, key=lambda pair: -similarity[pair])[: options.max_pairs]
    if not pairs:
        return []
    model = model or StanceModel.load()
    proba = model.predict_proba([texts[i] for i, _ in pairs], [texts[j] for _, j in pairs], encoder)
    agree, disagree = STANCES.index("agree"), STANCES.index("disagree")
    sides: dict[int, dict[str, list[int]]] = {}
    for (i, j), row in zip(pairs, proba, strict=True):
        if negated[i] != negated[j] and row[disagree] >= options.min_probability:
            sides.setdefault(i, {"support": [], "dispute": []})["dispute"].append(j)
        elif negated[i] == negated[j] and row[agree] >= options.min_probability:
            sides.setdefault(i, {"support": [], "dispute": []})["support"].append(j)
    claims = [_claim(quotes[i], quotes, found["support"], found["dispute"]) for i, found in sides.items()]
    claims.sort(key=lambda c: (-len(c.disputers), -len(c.supporters), -len(c.citations)))
    return claims[: options.max_claims]


@cache
def media_words() -> frozenset[str]:
    """Words naming news media, who report claims rather than make them (``data/media.json``)."""
    data = json.loads(resources.files("newsprism.compare").joinpath("data", "media.json").read_text("utf-8"))
    return frozenset(data["words"])


def is_media(quote: QuoteEntry) -> bool:
    """Whether the speaker is a wire, paper or broadcaster rather than an actor of the story."""
    return bool(set((quote.actor or quote.speaker).lower().split()) & media_words())


def stance_text(quote: QuoteEntry) -> str:
    """What the speaker asserts, for comparing: a denying cue ("denied", "rejected") belongs to it.

    "Syria denies that it is supporting the rebels" is reported as the text "that it is supporting the
    rebels" with the cue "denies"; without the cue the statement would read as its opposite.
    """
    if quote.cue and is_negated(quote.cue):
        return f"{quote.cue} {quote.text}"
    return quote.text


def _actor(quote: QuoteEntry) -> str:
    """One key per party: "Lebanon", "Lebanese" and "Beirut" are one actor, and never dispute each other."""
    return actor_key(quote.actor or quote.speaker)


def _dice(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _side(quote: QuoteEntry) -> ClaimSide:
    return ClaimSide(speaker=quote.speaker, actor=quote.actor, text=quote.text, citations=quote.citations)


def _claim(claim: QuoteEntry, quotes: Sequence[QuoteEntry], support: list[int], dispute: list[int]) -> Claim:
    return Claim(
        claimant=claim.speaker,
        actor=claim.actor,
        text=claim.text,
        citations=claim.citations,
        supporters=[_side(quotes[j]) for j in support],
        disputers=[_side(quotes[j]) for j in dispute],
    )
