"""How alike two sentences are: meaning (embeddings) blended with shared content words."""

from __future__ import annotations

import re
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


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of a sentence without stop words; numbers are kept, they matter."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOP_WORDS and len(w) > 1)


def lexical_matrix(texts: Sequence[str]) -> FloatMatrix:
    """Dice overlap of content words for every pair of sentences."""
    bags = [content_words(text) for text in texts]
    vocabulary: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            vocabulary.setdefault(word, len(vocabulary))
    incidence = np.zeros((len(bags), max(len(vocabulary), 1)), dtype=np.float32)
    for row, bag in enumerate(bags):
        for word in bag:
            incidence[row, vocabulary[word]] = 1.0
    shared = incidence @ incidence.T
    sizes = incidence.sum(axis=1)
    total = sizes[:, None] + sizes[None, :]
    dice: FloatMatrix = np.where(total > 0, 2.0 * shared / np.maximum(total, 1.0), 0.0).astype(np.float32)
    return dice


def similarity_matrix(texts: Sequence[str], embeddings: FloatMatrix, options: SimilarityOptions) -> FloatMatrix:
    """Blended similarity of every pair of sentences, in [0, 1] up to rounding."""
    semantic = np.clip(embeddings @ embeddings.T, 0.0, 1.0)
    blended = options.embedding_weight * semantic + options.lexical_weight * lexical_matrix(texts)
    result: FloatMatrix = blended.astype(np.float32)
    return result
