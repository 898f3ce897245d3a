"""How alike two sentences are: meaning (embeddings) blended with shared content words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)

FloatMatrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class SimilarityOptions:
    """Weights of the blend; embeddings catch paraphrase, words keep names and numbers honest."""

    embedding_weight: float = 0.7
    lexical_weight: float = 0.3


# Words that turn a statement into its denial or into doubt about it. Two sentences on either side of
# this line do not say the same thing however alike their words are ("troops are withdrawing" vs "no
# sign that troops are withdrawing"); the stance model of the compare stage weighs them properly.
_NEGATORS = frozenset(
    {
        "no",
        "not",
        "never",
        "none",
        "nothing",
        "nobody",
        "neither",
        "nor",
        "without",
        "cannot",
        "deny",
        "denies",
        "denied",
        "denying",
        "doubt",
        "doubts",
        "doubted",
        "dismiss",
        "dismissed",
        "dismisses",
        "reject",
        "rejected",
        "rejects",
        "false",
        "unfounded",
        "untrue",
    }
)
_NEGATED_AUXILIARY = re.compile(r"n[’']t\b", re.IGNORECASE)


def is_negated(text: str) -> bool:
    """Whether a sentence denies, doubts or negates something (by its words, not its parse)."""
    if _NEGATED_AUXILIARY.search(text):
        return True
    return any(word.lower() in _NEGATORS for word in _WORD.findall(text))


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of a sentence without stop words; numbers are kept, they matter."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOP_WORDS and len(w) > 1)


def shared_counts(bags: Sequence[frozenset[str]]) -> npt.NDArray[np.float64]:
    """How many words every pair of bags has in common (the diagonal: each bag's own size)."""
    frequency = Counter(word for bag in bags for word in bag)
    # A word of one bag only adds to that bag's size, never to an overlap: the product needs only the
    # others, which keeps it small for a brief of hundreds of articles (most words occur once).
    vocabulary = {word: column for column, word in enumerate(w for w in frequency if frequency[w] > 1)}
    incidence = np.zeros((len(bags), max(len(vocabulary), 1)), dtype=np.float64)
    for row, bag in enumerate(bags):
        for word in bag:
            if (column := vocabulary.get(word)) is not None:
                incidence[row, column] = 1.0
    shared: npt.NDArray[np.float64] = incidence @ incidence.T
    np.fill_diagonal(shared, [float(len(bag)) for bag in bags])
    return shared


def dice_matrix(bags: Sequence[frozenset[str]]) -> npt.NDArray[np.float64]:
    """Dice overlap of every pair of bags of words (0 where either is empty)."""
    shared = shared_counts(bags)
    sizes = np.diagonal(shared).copy()
    total = sizes[:, None] + sizes[None, :]
    dice: npt.NDArray[np.float64] = np.where(
        (sizes[:, None] > 0) & (sizes[None, :] > 0), 2.0 * shared / np.maximum(total, 1.0), 0.0
    )
    return dice


def lexical_matrix(texts: Sequence[str]) -> FloatMatrix:
    """Dice overlap of content words for every pair of sentences."""
    dice: FloatMatrix = dice_matrix([content_words(text) for text in texts]).astype(np.float32)
    return dice


def similarity_matrix(texts: Sequence[str], embeddings: FloatMatrix, options: SimilarityOptions) -> FloatMatrix:
    """Blended similarity of every pair of sentences, in [0, 1] up to rounding."""
    semantic = np.clip(embeddings @ embeddings.T, 0.0, 1.0)
    blended = options.embedding_weight * semantic + options.lexical_weight * lexical_matrix(texts)
    result: FloatMatrix = blended.astype(np.float32)
    return result
