"""FNC-1 stance detection: the official weighted score and per-class F1, ours beside two baselines.

Data: ``fnc1-dev/`` (see the shared data README): claims (headlines) paired with article bodies, each
pair labelled agree / disagree / discuss / unrelated. The shipped model was trained on this very split,
so "ours" is the cross-validated figure (grouped by body, out-of-fold predictions); the shipped model's
in-sample figure is reported apart and labelled as such.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsprism.compare.stance.features import FEATURE_NAMES, FeatureOptions, FloatArray
from newsprism.compare.stance.metrics import STANCES, per_class_f1, relative_fnc1_score
from newsprism.compare.stance.model import StanceModel, pair_matrix, stance_labels
from newsprism.compare.stance.train import (
    CachedEncoder,
    Fnc1Data,
    TrainOptions,
    fit_idf,
    fit_model,
    out_of_fold_proba,
    read_fnc1,
)
from newsprism.errors import EvaluationError
from newsprism.eval.report import EvalReport, Figures
from newsprism.nlp.models import SentenceEncoder

# The word-overlap baseline sees only these columns: the official FNC-1 baseline's idea (overlap of
# words and n-grams between headline and body, fed to gradient boosting), without embeddings or cues.
OVERLAP_FEATURES = (
    "coverage",
    "coverage_lead",
    "jaccard",
    "bigram_overlap",
    "bigram_overlap_lead",
    "trigram_overlap",
)
PUBLISHED = "published on the full FNC-1 test set: official baseline 75.20 %, best competition entry 82.02 %"


def _figures(gold: Sequence[str], predicted: Sequence[str]) -> Figures:
    return {"relative_score": relative_fnc1_score(gold, predicted), "f1": per_class_f1(gold, predicted)}


def overlap_baseline(features: FloatArray, data: Fnc1Data, options: TrainOptions) -> list[str]:
    """Out-of-fold stances from gradient boosting over word-overlap features alone, same folds as ours."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    columns = [FEATURE_NAMES.index(name) for name in OVERLAP_FEATURES]
    overlap = features[:, columns]
    labels = np.asarray(data.stances)
    predicted = np.empty(len(labels), dtype=object)
    folds = GroupKFold(n_splits=_folds(data, options), shuffle=True, random_state=options.seed)
    for train, test in folds.split(overlap, labels, groups=np.asarray(data.body_ids)):
        model = GradientBoostingClassifier(n_estimators=100, max_depth=3, random_state=options.seed)
        model.fit(overlap[train], labels[train])
        predicted[test] = model.predict(overlap[test])
    return [str(p) for p in predicted]


def _folds(data: Fnc1Data, options: TrainOptions) -> int:
    bodies = len(set(data.body_ids))
    if bodies < 2:
        raise EvaluationError("FNC-1 data needs at least two bodies to cross-validate")
    return min(options.folds, bodies)


def run_fnc1(
    data_dir: Path,
    out_file: Path | None = None,
    retrain: bool = False,
    encoder: SentenceEncoder | None = None,
    options: TrainOptions | None = None,
    embedding_cache: Path | None = None,
) -> EvalReport:
    """Score the stance model on an FNC-1 folder: cross-validated (ours), in-sample, and two baselines.

    ``retrain`` fits a fresh model on the folder first and reports its in-sample figure instead of the
    shipped model's; the shipped file is never changed. ``out_file`` receives one JSON line per pair with
    the claim, body id and our cross-validated stance (plus ``in_sample_stance``). Embedding the bodies'
    sentences takes most of the time; ``embedding_cache`` (an ``.npz`` file) keeps them for the next run.
    """
    started = time.monotonic()
    data = read_fnc1(data_dir)
    unknown = sorted(set(data.stances) - set(STANCES))
    if unknown:
        raise EvaluationError(f"{data_dir}: stances must be one of {STANCES}, found {unknown[:3]}")
    options = options or TrainOptions()
    options = dataclasses.replace(options, folds=_folds(data, options))
    if encoder is None:
        from newsprism.nlp.models import load_encoder

        encoder = load_encoder()
    # Both feature passes (fresh idf for cross-validation, the model's own for in-sample) embed the same sentences.
    encoder = CachedEncoder(encoder, embedding_cache)
    feature_options = FeatureOptions()
    idf = fit_idf(data)
    features = pair_matrix(data.claims, data.texts, encoder, idf, feature_options)
    model = StanceModel.load()
    texts = data.texts
    oof_proba = out_of_fold_proba(features, texts, data.stances, data.body_ids, idf, options, feature_options)
    ours = stance_labels(oof_proba, options.unrelated_threshold)
    if retrain:
        model = fit_model(features, texts, data.stances, data.body_ids, idf, options, feature_options)
    in_sample = model.predict(data.claims, data.texts, encoder)

    report = EvalReport(
        title="FNC-1 stance (fnc1-dev): official weighted score relative to its maximum, per-class F1",
        ours=_figures(data.stances, ours),
        peers={
            "in-sample (trained on this split)": _figures(data.stances, in_sample),
            "majority (all unrelated)": _figures(data.stances, ["unrelated"] * len(data.stances)),
            "word-overlap GBDT": _figures(data.stances, overlap_baseline(features, data, options)),
        },
        notes=[
            f"ours and word-overlap GBDT: {options.folds}-fold cross-validation grouped by body id, "
            "out-of-fold predictions; claims recur across folds (FNC-1 pairs a claim with many bodies) and word "
            "weights (idf) are read from all texts of the split, without labels",
            "in-sample: the " + ("freshly retrained" if retrain else "shipped") + " model scored on the split it "
            "was trained on; not comparable to published figures",
            PUBLISHED + " (a different, larger split)",
            f"{len(data.stances)} pairs, {len(data.bodies)} bodies, {time.monotonic() - started:.0f} s",
        ],
    )
    if out_file is not None:
        _write_predictions(out_file, data, ours, in_sample)
    return report


def _write_predictions(path: Path, data: Fnc1Data, ours: Sequence[str], in_sample: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for claim, body_id, stance, shipped in zip(data.claims, data.body_ids, ours, in_sample, strict=True):
            row = {"claim": claim, "body_id": body_id, "stance": stance, "in_sample_stance": shipped}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
