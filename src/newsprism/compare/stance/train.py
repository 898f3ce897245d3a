"""Train the stance model on FNC-1 pairs, with cross-validation grouped by article body.

    python -m newsprism.compare.stance.train ../shared/data/fnc1-dev \
        --out src/newsprism/compare/stance/data/stance_model.json

Every figure this module reports comes from out-of-fold predictions: no body is ever scored by a model
that saw it in training (claims, which FNC-1 pairs with many bodies, do recur across folds).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism.compare.stance.body_words import WORD_STANCES, BodyWordOptions, BodyWords
from newsprism.compare.stance.features import FeatureOptions, FloatArray, Idf
from newsprism.compare.stance.metrics import STANCES, per_class_f1, relative_fnc1_score
from newsprism.compare.stance.model import StanceModel, pair_matrix
from newsprism.compare.stance.trees import BoostedTrees
from newsprism.errors import EvaluationError
from newsprism.nlp.models import Matrix, SentenceEncoder

SEED = 13


@dataclass(frozen=True)
class Fnc1Data:
    """FNC-1 pairs: claim, body id and gold stance of each, and the text of each body."""

    claims: list[str]
    body_ids: list[int]
    stances: list[str]
    bodies: dict[int, str]

    @property
    def texts(self) -> list[str]:
        return [self.bodies[b] for b in self.body_ids]


@dataclass(frozen=True)
class TrainOptions:
    """Settings of the two boosted-tree stages, fixed by grouped cross-validation on fnc1-dev."""

    folds: int = 5
    seed: int = SEED
    rounds: int = 150
    depth: int = 3
    learning_rate: float = 0.1
    # Each split looks at a random third of the features: several times faster, and no worse out of fold.
    max_features: float = 0.3
    # Weight of a class in stage two is (majority count / class count) ** this: 0 ignores rarity, 1 balances.
    balance: float = 0.75
    unrelated_threshold: float = 0.5
    body_words: BodyWordOptions = field(default_factory=BodyWordOptions)


def read_fnc1(data_dir: Path) -> Fnc1Data:
    """Read ``stances.jsonl`` and ``bodies.jsonl`` of an FNC-1 folder."""
    try:
        with (data_dir / "bodies.jsonl").open(encoding="utf-8") as lines:
            bodies = {int(row["body_id"]): str(row["text"]) for row in map(json.loads, filter(str.strip, lines))}
        with (data_dir / "stances.jsonl").open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        claims = [str(r["claim"]) for r in rows]
        body_ids = [int(r["body_id"]) for r in rows]
        stances = [str(r.get("stance", "")) for r in rows]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvaluationError(f"{data_dir}: cannot read FNC-1 stances and bodies: {error}") from error
    missing = sorted(set(body_ids) - set(bodies))
    if missing:
        raise EvaluationError(f"{data_dir}: stances name bodies not in bodies.jsonl, e.g. {missing[:3]}")
    return Fnc1Data(claims, body_ids, stances, bodies)


def fit_idf(data: Fnc1Data) -> Idf:
    """Word weights from the bodies and distinct claims (no labels are read)."""
    return Idf.fit(list(data.bodies.values()) + list(dict.fromkeys(data.claims)))


def _fit_stage(features: FloatArray, labels: Sequence[str], options: TrainOptions, balance: float) -> BoostedTrees:
    from sklearn.ensemble import GradientBoostingClassifier

    classes, counts = np.unique(np.asarray(labels), return_counts=True)
    weight_of = {c: (counts.max() / n) ** balance for c, n in zip(classes, counts, strict=True)}
    model = GradientBoostingClassifier(
        n_estimators=options.rounds,
        max_depth=options.depth,
        learning_rate=options.learning_rate,
        subsample=0.8,
        max_features=options.max_features,
        random_state=options.seed,
    )
    model.fit(features, labels, sample_weight=np.asarray([weight_of[label] for label in labels]))
    return BoostedTrees.from_sklearn(model, features)


def _grouped_folds(groups: Sequence[int], folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    ids = np.asarray(groups)
    n_splits = min(folds, len(set(groups)))
    if n_splits < 2:
        return []
    splitter = GroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return list(splitter.split(ids, groups=ids))


def _fit_body_words(texts: Sequence[str], stances: Sequence[str], options: TrainOptions) -> BodyWords:
    related = [(t, s) for t, s in zip(texts, stances, strict=True) if s != "unrelated"]
    return BodyWords.fit([t for t, _ in related], [s for _, s in related], options.body_words)


def out_of_fold_body_words(
    texts: Sequence[str], stances: Sequence[str], groups: Sequence[int], options: TrainOptions
) -> FloatArray:
    """Body-word stance probabilities of every pair from a word model that never saw its body.

    The trees must learn how far to trust the word model on bodies it has not read, as at prediction
    time; fed in-sample probabilities, they would learn to trust it blindly.
    """
    result = np.zeros((len(texts), len(WORD_STANCES)))
    for train, test in _grouped_folds(groups, options.folds, options.seed):
        words = _fit_body_words([texts[i] for i in train], [stances[i] for i in train], options)
        result[test] = words.features([texts[i] for i in test])
    return result


def fit_model(
    features: FloatArray,
    texts: Sequence[str],
    stances: Sequence[str],
    groups: Sequence[int],
    idf: Idf,
    options: TrainOptions,
    feature_options: FeatureOptions,
) -> StanceModel:
    """Fit the body-word model and both tree stages on pair feature rows, their texts, bodies and gold stances."""
    stacked = np.hstack([features, out_of_fold_body_words(texts, stances, groups, options)])
    body_words = _fit_body_words(texts, stances, options)
    relatedness = _fit_stage(stacked, ["unrelated" if s == "unrelated" else "related" for s in stances], options, 0.0)
    related = np.asarray([s != "unrelated" for s in stances])
    stance = _fit_stage(stacked[related], [s for s in stances if s != "unrelated"], options, options.balance)
    return StanceModel(idf, feature_options, body_words, relatedness, stance, options.unrelated_threshold)


def out_of_fold_proba(
    features: FloatArray,
    texts: Sequence[str],
    stances: Sequence[str],
    groups: Sequence[int],
    idf: Idf,
    options: TrainOptions,
    feature_options: FeatureOptions,
) -> FloatArray:
    """Stance probabilities of every pair from a model that never saw its body (GroupKFold by body id)."""
    proba = np.zeros((len(stances), len(STANCES)))
    for train, test in _grouped_folds(groups, options.folds, options.seed):
        model = fit_model(
            features[train],
            [texts[i] for i in train],
            [stances[i] for i in train],
            [groups[i] for i in train],
            idf,
            options,
            feature_options,
        )
        proba[test] = model.proba_from_features(model.with_body_words(features[test], [texts[i] for i in test]))
    return proba


class CachedEncoder:
    """Wraps an encoder with a cache of vectors (kept in an npz file if given), so each sentence is embedded once."""

    def __init__(self, encoder: SentenceEncoder, path: Path | None = None) -> None:
        self._encoder = encoder
        self._path = path
        self._vectors: dict[str, Matrix] = {}
        if path is not None and path.is_file():
            with np.load(path, allow_pickle=False) as stored:
                self._vectors = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))

    def encode(self, texts: Sequence[str]) -> Matrix:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            self._vectors.update(zip(missing, self._encoder.encode(missing), strict=True))
            if self._path is not None:
                self._save(self._path)
        if not texts:
            dimension = len(next(iter(self._vectors.values()))) if self._vectors else 0
            return np.zeros((0, dimension), dtype=np.float32) if dimension else self._encoder.encode(texts)
        stacked: Matrix = np.vstack([self._vectors[t] for t in texts]).astype(np.float32)
        return stacked

    def _save(self, path: Path) -> None:
        known = list(self._vectors)
        np.savez(path, texts=np.asarray(known), vectors=np.vstack([self._vectors[t] for t in known]))


def train(
    data: Fnc1Data, encoder: SentenceEncoder, options: TrainOptions, feature_options: FeatureOptions
) -> tuple[StanceModel, list[str]]:
    """Fit the model on all pairs, and return it with the out-of-fold stance of every pair."""
    idf = fit_idf(data)
    features = pair_matrix(data.claims, data.texts, encoder, idf, feature_options)
    model = fit_model(features, data.texts, data.stances, data.body_ids, idf, options, feature_options)
    oof = model.labels_from_proba(
        out_of_fold_proba(features, data.texts, data.stances, data.body_ids, idf, options, feature_options)
    )
    return model, oof


def main(argv: Sequence[str] | None = None) -> None:
    """Train on an FNC-1 folder, print cross-validated figures, write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with stances.jsonl and bodies.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="model file to write (JSON)")
    parser.add_argument("--cache", type=Path, help="npz file caching sentence embeddings between runs")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    from newsprism.nlp.models import load_encoder

    encoder: SentenceEncoder = load_encoder()
    if args.cache:
        encoder = CachedEncoder(encoder, args.cache)
    data = read_fnc1(args.data)
    model, oof = train(data, encoder, TrainOptions(seed=args.seed), FeatureOptions())
    model.save(args.out)
    figures = {"relative_score": relative_fnc1_score(data.stances, oof), "f1": per_class_f1(data.stances, oof)}
    print(json.dumps({"cross_validated": figures, "model": str(args.out), "bytes": args.out.stat().st_size}, indent=2))


if __name__ == "__main__":
    main()
