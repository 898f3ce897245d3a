"""The clean evaluation on a tiny synthetic seeds folder and benchmark written to tmp_path."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism.errors import EvaluationError
from newsprism.eval.clean import run_clean_eval, score_tokens

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy lorries from next month.",
    "Engineers found cracks in two of the bridge's steel girders during an inspection in the spring.",
    "The mayor said the closure would last at least a year while the council looked for money to repair it.",
    "Hauliers warned that the detour would add forty minutes to every delivery to the port.",
]


def _write_seeds(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("\n\n".join(["Bridge closed to lorries", *PARAGRAPHS, "Post a Comment"]))
    # The annotation may name a line the file does not hold ("Missing line"): it counts for nothing.
    (folder / "b.txt").write_text(
        "\n".join(["Harbour bridge", "Remove Ads", PARAGRAPHS[0], "He said so.", "Share this"])
    )
    gold = folder.parent / "gold.json"
    gold.write_text(json.dumps({"a.txt": ["Post a Comment"], "b.txt": ["Remove Ads", "Share this", "Missing line"]}))
    return gold


def _write_aeb(folder: Path) -> None:
    (folder / "html").mkdir(parents=True)
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    page = (
        "<html><head><title>Bridge closed to lorries</title></head><body><article><h1>Bridge closed to lorries</h1>"
        f"{body}<p>Subscribe to our newsletter for the latest updates in your inbox.</p></article></body></html>"
    )
    (folder / "html" / "page1.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "html" / "empty.html.gz").write_bytes(gzip.compress(b"<html><body></body></html>"))
    truth = {
        "page1": {"articleBody": "\n".join(PARAGRAPHS), "url": "https://example.org/bridge"},
        "empty": {"articleBody": "Some text the page does not hold.", "url": "https://example.org/empty"},
    }
    (folder / "ground-truth.json").write_text(json.dumps(truth))


def test_seed_figures_count_removed_and_kept_lines(tmp_path: Path) -> None:
    gold = _write_seeds(tmp_path / "seeds")
    report = run_clean_eval(tmp_path / "seeds", None, seeds_gold=gold)
    seeds = report.ours["seeds"]
    assert seeds["removed_lines"] == 3
    assert seeds["removed_precision"] == 1.0
    assert seeds["boilerplate_recall"] == 1.0
    assert seeds["kept_recall"] == 1.0
    assert "aeb" not in report.ours


def test_aeb_figures_show_cleaning_raises_precision(tmp_path: Path) -> None:
    gold = _write_seeds(tmp_path / "seeds")
    _write_aeb(tmp_path / "aeb")
    report = run_clean_eval(tmp_path / "seeds", tmp_path / "aeb", seeds_gold=gold)
    ours, alone = report.ours["aeb"], report.peers["trafilatura alone"]["aeb"]
    assert alone["failed_pages"] == 1
    assert ours["removed_lines"] >= 1
    assert ours["removed_precision"] == 1.0
    assert ours["kept_recall"] == 1.0
    assert ours["precision"] > alone["precision"]
    assert ours["recall"] == pytest.approx(alone["recall"])
    assert set(report.peers) == {
        "trafilatura alone",
        "trafilatura default (favor_recall=False) + clean",
        "trafilatura default (favor_recall=False) alone",
    }


def test_a_removed_real_line_lowers_removed_precision(tmp_path: Path) -> None:
    gold = _write_seeds(tmp_path / "seeds")
    gold.write_text(json.dumps({"a.txt": [], "b.txt": ["Remove Ads"]}))
    seeds = run_clean_eval(tmp_path / "seeds", None, seeds_gold=gold).ours["seeds"]
    assert seeds["removed_precision"] == pytest.approx(1 / 3)
    assert seeds["kept_recall"] < 1.0


def test_seed_without_annotation_is_an_error(tmp_path: Path) -> None:
    gold = _write_seeds(tmp_path / "seeds")
    gold.write_text(json.dumps({"a.txt": []}))
    with pytest.raises(EvaluationError, match=r"b\.txt"):
        run_clean_eval(tmp_path / "seeds", None, seeds_gold=gold)


def test_token_scores_are_bag_of_words() -> None:
    score = score_tokens("the bridge the", "The bridge closed")
    assert (score.precision, score.recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert score_tokens("", "text").f1 == 0.0


def test_packaged_seed_annotation_covers_every_seed(shared_data: Path) -> None:
    seeds = run_clean_eval(shared_data / "seeds", None).ours["seeds"]
    assert seeds["removed_precision"] >= 0.9
    assert seeds["kept_recall"] >= 0.99


@pytest.mark.slow
def test_cleaning_aeb_dev_raises_f1_and_removes_mostly_boilerplate(shared_data: Path) -> None:
    report = run_clean_eval(shared_data / "seeds", shared_data / "aeb-dev")
    ours, alone = report.ours["aeb"], report.peers["trafilatura alone"]["aeb"]
    # Floors pinned a little under the figures measured when the stage was written (0.77, 0.998, +0.006).
    assert ours["removed_precision"] >= 0.7
    assert ours["kept_recall"] >= 0.99
    assert ours["f1"] >= alone["f1"] + 0.003
