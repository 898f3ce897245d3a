"""Gradient-boosted trees as plain JSON: exported from scikit-learn once, evaluated here with numpy.

Pickles and joblib files run code when loaded; a list of thresholds cannot. The shipped model is
read with ``json.loads`` and scored by ``BoostedTrees.raw_scores``, which tests check against
scikit-learn's own ``decision_function``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
_CHUNK_ROWS = 1024


@dataclass(frozen=True)
class Tree:
    """One regression tree in scikit-learn's array form; a leaf has ``left == -1``."""

    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray

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
class _Forest:
    """Every tree of a model in padded arrays (trees x nodes), walked for all trees and rows at once:
    a model of hundreds of trees is a few numpy steps per level, not hundreds of small calls."""

    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray
    column: IntArray  # the class column each tree adds to

    @classmethod
    def of(cls, trees: list[Tree], columns: list[int]) -> _Forest:
        width = max(len(tree.left) for tree in trees)

        def padded(arrays: list[npt.NDArray[Any]], fill: float, dtype: type) -> npt.NDArray[Any]:
            out: npt.NDArray[Any] = np.full((len(arrays), width), fill, dtype=dtype)
            for row, array in enumerate(arrays):
                out[row, : len(array)] = array
            return out

        return cls(
            feature=padded([t.feature for t in trees], 0, np.int64),
            threshold=padded([t.threshold for t in trees], 0.0, np.float64),
            left=padded([t.left for t in trees], -1, np.int64),
            right=padded([t.right for t in trees], -1, np.int64),
            value=padded([t.value for t in trees], 0.0, np.float64),
            column=np.asarray(columns, dtype=np.int64),
        )

    def leaf_values(self, features: FloatArray) -> FloatArray:
        """The value of the leaf each row reaches in each tree (trees x rows)."""
        trees = np.arange(len(self.left))[:, None]
        rows = np.arange(len(features))[None, :]
        node = np.zeros((len(self.left), len(features)), dtype=np.int64)
        while True:
            inner = self.left[trees, node] >= 0
            if not inner.any():
                result: FloatArray = self.value[trees, node]
                return result
            # sklearn sends a sample left when its feature is <= the threshold (a leaf's feature is unused).
            feature = np.where(inner, self.feature[trees, node], 0)
            go_left = features[rows, feature] <= self.threshold[trees, node]
            node = np.where(inner, np.where(go_left, self.left[trees, node], self.right[trees, node]), node)


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
        if not self.rounds or not len(features):
            return raw
        forest = self._forest
        # Rows a chunk at a time: the walk holds a trees x rows array of nodes.
        for first in range(0, len(features), _CHUNK_ROWS):
            chunk = slice(first, first + _CHUNK_ROWS)
            leaves = forest.leaf_values(features[chunk])
            for column in range(raw.shape[1]):
                raw[chunk, column] += self.learning_rate * leaves[forest.column == column].sum(axis=0)
        return raw

    @cached_property
    def _forest(self) -> _Forest:
        return _Forest.of(
            [tree for trees in self.rounds for tree in trees], [c for trees in self.rounds for c in range(len(trees))]
        )

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
