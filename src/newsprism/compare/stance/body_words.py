"""A bag-of-words judge of a body's stance: tf-idf of its words, then logistic regression, as plain JSON.

The cue lexicon names the words of denial we thought of; this model learns the rest from related
bodies ("allegedly", "footage", "spokesperson", "claims" ...). Its three stance probabilities are
stacked into the boosted trees as features, always computed by a model that did not see the body.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.compare.stance.features import FloatArray
from newsprism.compare.stance.text import words

# Columns the stacked features take, whatever classes a (small) training set happened to hold.
WORD_STANCES = ("agree", "disagree", "discuss")
WORD_FEATURE_NAMES = [f"words_{stance}" for stance in WORD_STANCES]


@dataclass(frozen=True)
class BodyWordOptions:
    """Vocabulary size and regularisation, fixed by grouped cross-validation on fnc1-dev."""

    max_words: int = 5000
    min_df: int = 3
    c: float = 1.0


@dataclass(frozen=True)
class BodyWords:
    """Multinomial logistic regression over sublinear, l2-normalised tf-idf of a text's words."""

    vocabulary: list[str]
    idf: FloatArray
    coef: FloatArray
    intercept: FloatArray
    classes: list[str]

    def vectors(self, texts: Sequence[str]) -> FloatArray:
        """Tf-idf rows, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes them."""
        index = {w: i for i, w in enumerate(self.vocabulary)}
        rows = np.zeros((len(texts), len(self.vocabulary)))
        for r, text in enumerate(texts):
            for word, count in Counter(w for w in words(text) if w in index).items():
                rows[r, index[word]] = (1.0 + math.log(count)) * self.idf[index[word]]
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        result: FloatArray = rows / np.where(norms > 0, norms, 1.0)
        return result

    def features(self, texts: Sequence[str]) -> FloatArray:
        """Probabilities of agree / disagree / discuss (``WORD_STANCES`` order) for each text."""
        distinct = list(dict.fromkeys(texts))
        table = np.zeros((len(distinct), len(WORD_STANCES)))
        if self.classes:
            raw = self.vectors(distinct) @ self.coef.T + self.intercept
            if len(self.classes) == 2:
                raw = np.column_stack([np.zeros(len(distinct)), raw[:, 0]])
            shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
            proba = shifted / shifted.sum(axis=1, keepdims=True)
            for column, label in enumerate(self.classes):
                if label in WORD_STANCES:
                    table[:, WORD_STANCES.index(label)] = proba[:, column]
        row_of = {text: i for i, text in enumerate(distinct)}
        result: FloatArray = table[[row_of[t] for t in texts]] if texts else table
        return result

    @classmethod
    def fit(cls, texts: Sequence[str], stances: Sequence[str], options: BodyWordOptions) -> BodyWords:
        """Fit on related texts and their stances; too few texts or classes give a model of zeros."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(set(stances)) < 2:
            return cls([], np.zeros(0), np.zeros((0, 0)), np.zeros(0), [])
        # A tiny training set keeps every word; a real one drops words too rare to generalise.
        min_df = options.min_df if len(texts) >= 10 * options.min_df else 1
        vectorizer = TfidfVectorizer(
            tokenizer=words,
            lowercase=False,
            token_pattern=None,
            sublinear_tf=True,
            min_df=min_df,
            max_features=options.max_words,
        )
        matrix = vectorizer.fit_transform(texts)
        regression = LogisticRegression(C=options.c, max_iter=2000, class_weight="balanced")
        regression.fit(matrix, list(stances))
        return cls(
            vocabulary=[str(w) for w in vectorizer.get_feature_names_out()],
            idf=np.asarray(vectorizer.idf_, dtype=np.float64),
            coef=np.asarray(regression.coef_, dtype=np.float64),
            intercept=np.asarray(regression.intercept_, dtype=np.float64),
            classes=[str(c) for c in regression.classes_],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": self.classes,
            "vocabulary": self.vocabulary,
            "idf": [round(float(v), 5) for v in self.idf],
            "coef": [[round(float(v), 5) for v in row] for row in self.coef],
            "intercept": [round(float(v), 6) for v in self.intercept],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BodyWords:
        vocabulary = [str(w) for w in data["vocabulary"]]
        return cls(
            vocabulary=vocabulary,
            idf=np.asarray(data["idf"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64).reshape(-1, len(vocabulary)),
            intercept=np.asarray(data["intercept"], dtype=np.float64),
            classes=[str(c) for c in data["classes"]],
        )
