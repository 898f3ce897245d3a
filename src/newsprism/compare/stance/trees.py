"""Gradient-boosted trees as plain JSON: exported from scikit-learn once, evaluated here with numpy.

Pickles and joblib files run code when loaded; a list of thresholds cannot. The shipped model is
read with ``json.loads`` and scored by ``BoostedTrees.raw_scores``, which tests check against
scikit-learn's own ``decision_function``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Tree:
    """One regression tree in scikit-learn's array form; a leaf has ``left == -1``."""

    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray

    def predict(self, features: FloatArray) -> FloatArray:
        node = np.zeros(len(features), dtype=np.int64)
        rows = np.arange(len(features))
        while True:
            inner = self.left[node] >= 0
            if not inner.any():
                return self.value[node]
            # sklearn sends a sample left when its feature is <= the threshold.
            go_left = features[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)

    def to_json(self) -> dict[str, Any]:
        return {
            "feature": self.feature.tolist(),
            "threshold": [round(float(t), 6) for t in self.threshold],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(float(v), 6) for v in self.value],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tree:
        return cls(
            feature=np.asarray(data["feature"], dtype=np.int64),
            threshold=np.asarray(data["threshold"], dtype=np.float64),
            left=np.asarray(data["left"], dtype=np.int64),
            right=np.asarray(data["right"], dtype=np.int64),
            value=np.asarray(data["value"], dtype=np.float64),
        )


@dataclass(frozen=True)
class BoostedTrees:
    """A gradient-boosting classifier: raw score = init + rate * sum of trees, one tree per class and round."""

    classes: list[str]
    init: FloatArray
    learning_rate: float
    rounds: list[list[Tree]]

    def raw_scores(self, features: FloatArray) -> FloatArray:
        """One raw score per class column (one column for a two-class model, as in scikit-learn)."""
        raw = np.tile(self.init, (len(features), 1))
        for trees in self.rounds:
            for column, tree in enumerate(trees):
                raw[:, column] += self.learning_rate * tree.predict(features)
        return raw

    def predict_proba(self, features: FloatArray) -> FloatArray:
        """Class probabilities, columns in the order of ``classes``."""
        raw = self.raw_scores(features)
        if raw.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
        result: FloatArray = shifted / shifted.sum(axis=1, keepdims=True)
        return result

    @classmethod
    def from_sklearn(cls, model: Any, features: FloatArray) -> BoostedTrees:
        """Export a fitted ``GradientBoostingClassifier``; ``features`` (any rows) pin down its initial score."""
        rounds = [
            [
                Tree(
                    feature=np.asarray(e.tree_.feature, dtype=np.int64),
                    threshold=np.asarray(e.tree_.threshold, dtype=np.float64),
                    left=np.asarray(e.tree_.children_left, dtype=np.int64),
                    right=np.asarray(e.tree_.children_right, dtype=np.int64),
                    value=np.asarray(e.tree_.value[:, 0, 0], dtype=np.float64),
                )
                for e in stage
            ]
            for stage in model.estimators_
        ]
        rate = float(model.learning_rate)
        partial = cls([str(c) for c in model.classes_], np.zeros(len(rounds[0])), rate, rounds)
        # The initial score is the prior's log-odds, however scikit-learn derives it; read it off one row.
        decision = np.asarray(model.decision_function(features[:1]), dtype=np.float64).reshape(1, -1)
        init = (decision - partial.raw_scores(features[:1]))[0]
        return cls(partial.classes, init, rate, rounds)

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": self.classes,
            "init": [float(v) for v in self.init],
            "learning_rate": self.learning_rate,
            "rounds": [[tree.to_json() for tree in trees] for trees in self.rounds],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BoostedTrees:
        return cls(
            classes=[str(c) for c in data["classes"]],
            init=np.asarray(data["init"], dtype=np.float64),
            learning_rate=float(data["learning_rate"]),
            rounds=[[Tree.from_json(t) for t in trees] for trees in data["rounds"]],
        )
