"""DUC 2004 loader, text clean-up and an end-to-end run on a tiny synthetic cluster scored by ROUGE-1.5.5."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsprism.errors import EvaluationError
from newsprism.eval.duc2004 import load_clusters, normalize_wire_text, run_duc2004
from newsprism.eval.rouge import score_systems

DOCS = [
    "WASHINGTON (AP) _ Hurricane Mitch killed at least 200 people in Honduras \non Friday, officials said. "
    "The storm destroyed bridges and roads across the northern coast. ``We need help,'' the mayor said.",
    "Officials said Hurricane Mitch killed at least 200 people in Honduras \nthis week. Aid agencies began "
    "flying food and water to survivors stranded by the floods across the country.",
    "Hurricane Mitch killed at least 200 people in Honduras, according to officials \nin the capital. "
    "The storm destroyed bridges and roads along the northern coast of the country on Thursday night.",
]
REFERENCE = "Hurricane Mitch killed at least 200 people in Honduras. The storm destroyed bridges and roads."

needs_perl = pytest.mark.skipif(shutil.which("perl") is None, reason="ROUGE-1.5.5 needs Perl")


def write_clusters(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def storm_cluster() -> dict[str, Any]:
    return {
        "cluster": "d99999",
        "docs": [{"id": f"D{n}", "text": text} for n, text in enumerate(DOCS)],
        "references": [REFERENCE, "Mitch killed 200 in Honduras and destroyed roads and bridges on the coast."],
        "peers": {"Echo": REFERENCE, "Off": "The football match was postponed because of the weather."},
    }


def test_normalize_wire_text_undoes_typewriter_conventions() -> None:
    text = "NAIROBI, Kenya (AP) _ FBI agents began \nquestioning ``relatives'' _ and others."
    assert normalize_wire_text(text) == "FBI agents began questioning \u201crelatives\u201d \u2014 and others."


def test_normalize_wire_text_keeps_a_sentence_without_dateline() -> None:
    assert normalize_wire_text("Hurricane Mitch paused \non Wednesday.") == "Hurricane Mitch paused on Wednesday."


def test_load_clusters_reads_docs_references_and_peers(tmp_path: Path) -> None:
    [cluster] = load_clusters(write_clusters(tmp_path / "duc.jsonl", [storm_cluster()]))
    assert cluster.name == "d99999"
    assert len(cluster.docs) == 3
    assert len(cluster.references) == 2
    assert set(cluster.peers) == {"Echo", "Off"}


def test_load_clusters_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "duc.jsonl"
    path.write_text(json.dumps(storm_cluster()) + "\n{not json}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"duc\.jsonl:2"):
        load_clusters(path)


def test_load_clusters_of_a_missing_file_fails(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        load_clusters(tmp_path / "absent.jsonl")


@pytest.mark.slow
@needs_perl
def test_score_systems_ranks_a_copy_of_the_reference_first() -> None:
    scores = score_systems(
        {"copy": [REFERENCE], "other": ["Football match postponed because of rain."]},
        [[REFERENCE]],
    )
    assert scores["copy"]["rouge1_recall"] == pytest.approx(1.0)
    assert scores["copy"]["rouge2_recall"] == pytest.approx(1.0)
    assert scores["other"]["rouge2_recall"] == pytest.approx(0.0)


@pytest.mark.slow
@needs_perl
def test_run_duc2004_scores_ours_and_peers_end_to_end(tmp_path: Path, blank_nlp: Any) -> None:
    data = write_clusters(tmp_path / "duc.jsonl", [storm_cluster()])
    report = run_duc2004(data, out_dir=tmp_path / "out", nlp=blank_nlp)
    summary = (tmp_path / "out" / "d99999.txt").read_text(encoding="utf-8")
    assert "killed at least 200 people in Honduras" in summary
    assert "(AP)" not in summary
    assert set(report.peers) == {"Echo", "Off"}
    assert report.peers["Echo"]["rouge2_recall"] > report.peers["Off"]["rouge2_recall"]
    assert report.ours["rouge1_recall"] > report.peers["Off"]["rouge1_recall"]
    assert 0.0 < report.ours["rouge2_recall"] <= 1.0
