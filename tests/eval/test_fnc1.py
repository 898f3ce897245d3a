"""FNC-1 benchmark on a tiny synthetic split: figures, baselines, the predictions file, bad data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.compare.stance import STANCES
from newsprism.compare.stance.train import TrainOptions
from newsprism.errors import EvaluationError
from newsprism.eval.fnc1 import run_fnc1
from newsprism.nlp import HashingEncoder

TOPICS = [
    ("mayor of Springfield", "resigned after the bribery scandal"),
    ("Acme Corporation", "recalled two million toasters over fire risk"),
    ("the city zoo", "welcomed twin panda cubs born overnight"),
    ("Northern Railways", "cancelled every train on the coastal line"),
    ("the national museum", "found a lost Rembrandt painting in its basement"),
    ("Governor Alvarez", "signed the ban on plastic bags into law"),
]
BODY = {
    "agree": "Officials confirmed that {s} {p}. The announcement was made on Tuesday and photos show it.",
    "disagree": "The story that {s} {p} is a hoax. A spokesman denied it and said the report is not true.",
    "discuss": "Unconfirmed reports claim {s} {p}, according to sources. It is unclear whether this happened.",
}


def write_split(folder: Path) -> Path:
    folder.mkdir()
    bodies, stances = [], []
    for t, (subject, predicate) in enumerate(TOPICS):
        claim = f"{subject[0].upper()}{subject[1:]} {predicate}"
        for k, (stance, template) in enumerate(BODY.items()):
            body_id = 10 * t + k
            bodies.append({"body_id": body_id, "text": template.format(s=subject, p=predicate)})
            stances.append({"claim": claim, "body_id": body_id, "stance": stance})
        for other in range(1, 3):
            stances.append({"claim": claim, "body_id": 10 * ((t + other) % len(TOPICS)), "stance": "unrelated"})
    (folder / "bodies.jsonl").write_text("".join(json.dumps(b) + "\n" for b in bodies), encoding="utf-8")
    (folder / "stances.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stances), encoding="utf-8")
    return folder


QUICK = TrainOptions(folds=3, rounds=15)


@pytest.mark.parametrize("retrain", [False, True])
def test_run_reports_ours_in_sample_and_both_baselines(tmp_path: Path, retrain: bool) -> None:
    out = tmp_path / "predictions.jsonl"
    report = run_fnc1(write_split(tmp_path / "fnc1"), out, retrain=retrain, encoder=HashingEncoder(), options=QUICK)
    assert set(report.ours) == {"relative_score", "f1"}
    assert set(report.ours["f1"]) == set(STANCES)
    assert 0.0 <= report.ours["relative_score"] <= 1.0
    assert set(report.peers) == {"in-sample (trained on this split)", "majority (all unrelated)", "word-overlap GBDT"}
    # 12 unrelated pairs score 0.25 each of a best of 12 * 0.25 + 18 related pairs * 1.0.
    assert report.peers["majority (all unrelated)"]["relative_score"] == pytest.approx(3.0 / 21.0)
    assert any("in-sample" in note for note in report.notes)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30
    assert {"claim", "body_id", "stance"} <= set(rows[0])
    assert {row["stance"] for row in rows} <= set(STANCES)


def test_embeddings_are_cached_for_the_next_run(tmp_path: Path) -> None:
    folder, cache = write_split(tmp_path / "fnc1"), tmp_path / "embeddings.npz"
    first = run_fnc1(folder, encoder=HashingEncoder(), options=QUICK, embedding_cache=cache)
    assert cache.is_file()

    class NoEncoder:
        def encode(self, texts: object) -> None:
            raise AssertionError("every sentence should come from the cache")

    again = run_fnc1(folder, encoder=NoEncoder(), options=QUICK, embedding_cache=cache)  # type: ignore[arg-type]
    assert again.ours == first.ours


def test_retrained_model_fits_its_own_training_split(tmp_path: Path) -> None:
    report = run_fnc1(write_split(tmp_path / "fnc1"), retrain=True, encoder=HashingEncoder(), options=QUICK)
    assert report.peers["in-sample (trained on this split)"]["relative_score"] > 0.9


def test_missing_data_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="cannot read FNC-1"):
        run_fnc1(tmp_path, encoder=HashingEncoder())


def test_unknown_stance_labels_are_rejected(tmp_path: Path) -> None:
    folder = write_split(tmp_path / "fnc1")
    with (folder / "stances.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps({"claim": "x", "body_id": 0, "stance": "maybe"}) + "\n")
    with pytest.raises(EvaluationError, match="maybe"):
        run_fnc1(folder, encoder=HashingEncoder())
