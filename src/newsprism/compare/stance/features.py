"""Features of a (claim, text) pair: word overlap, meaning overlap, and cues of denial or doubt near the claim.

Every text is read once (``TextView``) however many claims it is paired with; a pair's features are then
cheap arithmetic over the two views.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsprism.compare.stance.cues import CUE_KINDS, CueLexicon, cue_positions
from newsprism.compare.stance.text import content_words, ngrams, split_sentences, words
from newsprism.nlp.models import Matrix, SentenceEncoder

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class FeatureOptions:
    """How much of each text is read; the encoder is slow, so only the first sentences are embedded."""

    max_sentences: int = 12
    lead_sentences: int = 3
    top_sentences: int = 3
    cue_window: int = 8


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies of words; a word never seen weighs as much as the rarest seen."""

    weights: Mapping[str, float]
    unseen: float

    def of(self, word: str) -> float:
        return self.weights.get(word, self.unseen)

    @classmethod
    def fit(cls, documents: Sequence[str], min_df: int = 2) -> Idf:
        """Smoothed idf over documents, keeping words seen in at least ``min_df`` of them."""
        df: Counter[str] = Counter()
        for document in documents:
            df.update(set(content_words(words(document))))
        n = len(documents)
        weights = {w: round(math.log((1 + n) / (1 + c)) + 1.0, 4) for w, c in df.items() if c >= min_df}
        return cls(weights, round(math.log((1 + n) / (1 + min_df - 1)) + 1.0, 4))


@dataclass(frozen=True)
class TextView:
    """What the features need of one text: its sentences as words, weights, cue positions and embeddings."""

    sentence_tokens: list[list[str]]
    sentence_content: list[set[str]]
    content: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    lead_content: set[str]
    lead_bigrams: set[tuple[str, ...]]
    tfidf: dict[str, float]
    lead_tfidf: dict[str, float]
    sentence_tfidf: list[dict[str, float]]
    cues: list[dict[str, list[int]]]
    embeddings: Matrix
    n_tokens: int
    question: bool


def _tfidf(tokens: Sequence[str], idf: Idf) -> dict[str, float]:
    counts = Counter(content_words(tokens))
    vector = {w: (1.0 + math.log(c)) * idf.of(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {w: v / norm for w, v in vector.items()} if norm else {}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _view(sentences: list[str], embeddings: Matrix, idf: Idf, lexicon: CueLexicon, options: FeatureOptions) -> TextView:
    tokens = [words(s) for s in sentences]
    flat = [t for sentence in tokens for t in sentence]
    lead = [t for sentence in tokens[: options.lead_sentences] for t in sentence]
    content = content_words(flat)
    return TextView(
        sentence_tokens=tokens,
        sentence_content=[set(content_words(t)) for t in tokens],
        content=set(content),
        bigrams=ngrams(content, 2),
        trigrams=ngrams(flat, 3),
        lead_content=set(content_words(lead)),
        lead_bigrams=ngrams(content_words(lead), 2),
        tfidf=_tfidf(flat, idf),
        lead_tfidf=_tfidf(lead, idf),
        sentence_tfidf=[_tfidf(t, idf) for t in tokens],
        cues=[cue_positions(t, lexicon) for t in tokens],
        embeddings=embeddings,
        n_tokens=len(flat),
        question=any("?" in s for s in sentences),
    )


def read_texts(
    texts: Sequence[str],
    encoder: SentenceEncoder,
    idf: Idf,
    lexicon: CueLexicon,
    options: FeatureOptions,
    split: bool = True,
) -> list[TextView]:
    """Views of texts, embedding every sentence read in one call; ``split=False`` reads each text as one sentence."""
    sentences = [split_sentences(t)[: options.max_sentences] if split else [t] for t in texts]
    sentences = [s if s else [""] for s in sentences]
    vectors = encoder.encode([s for group in sentences for s in group])
    views, start = [], 0
    for group in sentences:
        views.append(_view(group, vectors[start : start + len(group)], idf, lexicon, options))
        start += len(group)
    return views


FEATURE_NAMES = (
    ["tfidf_cos", "tfidf_cos_lead", "tfidf_cos_best_sentence", "coverage", "coverage_lead", "coverage_idf"]
    + ["jaccard", "bigram_overlap", "bigram_overlap_lead", "trigram_overlap"]
    + ["emb_max", "emb_mean", "emb_top_mean", "emb_first", "emb_lead_max", "emb_centroid", "emb_best_position"]
    + [f"body_{kind}_rate" for kind in CUE_KINDS]
    + [f"lead_{kind}" for kind in CUE_KINDS]
    + [f"top_{kind}" for kind in CUE_KINDS]
    + [f"near_{kind}" for kind in CUE_KINDS]
    + [f"top_near_{kind}" for kind in CUE_KINDS]
    + [f"claim_{kind}" for kind in CUE_KINDS]
    + ["claim_question", "negation_mismatch", "log_body_tokens", "claim_tokens"]
)


def _fraction(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def pair_features(claim: TextView, body: TextView, idf: Idf, options: FeatureOptions) -> FloatArray:
    """The feature vector of one pair, in the order of ``FEATURE_NAMES``."""
    claim_terms = claim.content
    idf_total = sum(idf.of(w) for w in claim_terms)
    lexical = [
        _cosine(claim.tfidf, body.tfidf),
        _cosine(claim.tfidf, body.lead_tfidf),
        max((_cosine(claim.tfidf, s) for s in body.sentence_tfidf), default=0.0),
        _fraction(len(claim_terms & body.content), len(claim_terms)),
        _fraction(len(claim_terms & body.lead_content), len(claim_terms)),
        sum(idf.of(w) for w in claim_terms & body.content) / idf_total if idf_total else 0.0,
        _fraction(len(claim_terms & body.content), len(claim_terms | body.content)),
        _fraction(len(claim.bigrams & body.bigrams), len(claim.bigrams)),
        _fraction(len(claim.bigrams & body.lead_bigrams), len(claim.bigrams)),
        _fraction(len(claim.trigrams & body.trigrams), len(claim.trigrams)),
    ]
    similarities = body.embeddings @ claim.embeddings[0]
    order = np.argsort(-similarities)
    top = [int(i) for i in order[: options.top_sentences]]
    centroid = body.embeddings.mean(axis=0)
    semantic = [
        float(similarities.max()),
        float(similarities.mean()),
        float(similarities[top].mean()),
        float(similarities[0]),
        float(similarities[: options.lead_sentences].max()),
        float(centroid @ claim.embeddings[0] / max(float(np.linalg.norm(centroid)), 1e-9)),
        _fraction(top[0], len(similarities)),
    ]
    per_100_words = 100.0 / max(body.n_tokens, 1)
    near = [_near(body, i, claim_terms, options.cue_window) for i in range(len(body.cues))]
    cues = (
        [per_100_words * sum(len(s[kind]) for s in body.cues) for kind in CUE_KINDS]
        + [float(sum(len(s[kind]) for s in body.cues[: options.lead_sentences])) for kind in CUE_KINDS]
        + [float(sum(len(body.cues[i][kind]) for i in top)) for kind in CUE_KINDS]
        + [float(sum(counts[kind] for counts in near)) for kind in CUE_KINDS]
        + [float(sum(near[i][kind] for i in top)) for kind in CUE_KINDS]
        + [float(len(claim.cues[0][kind])) for kind in CUE_KINDS]
    )
    claim_negated = bool(claim.cues[0]["negation"] or claim.cues[0]["refute"])
    best_negated = bool(body.cues[top[0]]["negation"] or body.cues[top[0]]["refute"])
    shape = [
        float(claim.question),
        float(claim_negated != best_negated),
        math.log1p(body.n_tokens),
        float(len(claim.sentence_tokens[0])),
    ]
    return np.asarray(lexical + semantic + cues + shape, dtype=np.float64)


def _near(body: TextView, sentence: int, targets: set[str], window: int) -> dict[str, int]:
    """Cues of each kind within a few words of a claim term: "Rivers' doctor denied taking a selfie".

    A denial counts against a claim only when it speaks about the claim's subject; a cue far from every
    claim term more likely negates something else in the same sentence.
    """
    anchors = [i for i, token in enumerate(body.sentence_tokens[sentence]) if token in targets]
    if not anchors:
        return dict.fromkeys(CUE_KINDS, 0)
    counts = {}
    for kind, positions in body.cues[sentence].items():
        counts[kind] = sum(1 for i in positions if _distance(anchors, i) <= window)
    return counts


def _distance(sorted_positions: list[int], position: int) -> int:
    at = bisect.bisect_left(sorted_positions, position)
    neighbours = sorted_positions[max(at - 1, 0) : at + 1]
    return min(abs(position - p) for p in neighbours)
