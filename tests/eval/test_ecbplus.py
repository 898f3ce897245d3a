from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import EvaluationError
from newsprism.eval.ecbplus import bcubed, clustering_figures, load_ecbplus, run_ecbplus
from newsprism.nlp import HashingEncoder

EVENTS = {
    "1_ecb": "Tara Reid checked into Promises Treatment Center in Malibu, her rep told People.\n"
    "The actress entered Promises on Tuesday.",
    "1_ecbplus": "Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage, her lawyer said.\n"
    "Lohan arrived at Betty Ford on Thursday.",
    "2_ecb": "A magnitude 6.1 earthquake struck Valparaiso, Chile, killing 12 people.\n"
    "Chilean rescuers searched Valparaiso overnight.",
}


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "ecbplus.jsonl"
    rows = []
    for event, text in EVENTS.items():
        for copy in range(3):
            # Each copy reorders the text a little so the articles are not identical.
            lines = text.splitlines()
            body = "\n".join(lines if copy % 2 == 0 else lines[::-1])
            rows.append({"id": f"{event}_{copy}", "topic": int(event[0]), "event": event, "text": body})
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_run_ecbplus_finds_the_events_and_writes_clusters(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "clusters.jsonl"
    report = run_ecbplus(dataset, out_file=out, encoder=HashingEncoder())
    assert report.ours == {"bcubed_precision": 1.0, "bcubed_recall": 1.0, "bcubed_f1": 1.0, "ari": 1.0}
    assert set(report.peers["tfidf_agglomerative"]) == set(report.ours)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 9
    assert set(rows[0]) == {"id", "cluster"}
    assert len({row["cluster"] for row in rows}) == 3
    assert "over 20 arrival orders (seeds 0-19): B-cubed F1 mean 1.0000, min 1.0000" in report.notes[-1]


def test_the_spread_over_orders_can_be_left_out(dataset: Path) -> None:
    report = run_ecbplus(dataset, encoder=HashingEncoder(), orders=0)
    assert not any("arrival orders" in note for note in report.notes)


def test_bcubed_of_known_clustering() -> None:
    precision, recall, f1 = bcubed([0, 0, 1, 1], ["a", "a", "a", "b"])
    assert (round(precision, 4), round(recall, 4)) == (0.75, round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4))
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert clustering_figures(["x", "x", "y"], [1, 1, 2])["ari"] == 1.0


def test_missing_or_malformed_data_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        load_ecbplus(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.jsonl:1"):
        load_ecbplus(bad)
