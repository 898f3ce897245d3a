"""PolNeAR scoring on a tiny synthetic brat data set: spans, matching, annotator averaging, output files."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from newsprism.errors import EvaluationError
from newsprism.eval.polnear import (
    Attribution,
    Counts,
    baseline,
    match_count,
    match_pairs,
    read_ann,
    run_polnear,
    score_agreement,
    write_ann,
)
from newsprism.extract.quotes.article import paragraph_texts

TEXT = '"We will win," Smith said.\n\nThe weather was fine.\n'
# Source "Smith" 15-20, cue "said" 21-25, content '"We will win,"' 0-14.
FULL = (
    'T1\tSource 15 20\tSmith\nT2\tCue 21 25\tsaid\nT3\tContent 0 14\t"We will win,"\nE1\tSource:T1 Cue:T2 Content:T3\n'
)
OTHER = (
    "T1\tSource 28 39\tThe weather\nT2\tCue 40 43\twas\nT3\tContent 1 3;4 8\tWe will\nE1\tSource:T1 Cue:T2 Content:T3\n"
)


def _dataset(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "doc_a.ann").write_text(FULL, encoding="utf-8")
    (root / "attributions" / "doc_b.ann").write_text(OTHER, encoding="utf-8")
    return root


def test_read_ann_ties_parts_and_keeps_discontinuous_spans(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text(OTHER, encoding="utf-8")
    assert read_ann(path) == [Attribution(((28, 39),), ((40, 43),), ((1, 3), (4, 8)))]


def test_read_ann_names_the_file_of_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.ann"
    path.write_text("T1\tSource x y\tSmith\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"broken\.ann:1"):
        read_ann(path)


def test_overlap_matches_a_gold_item_at_most_once() -> None:
    gold = [((0, 10),)]
    predicted = [((0, 4),), ((5, 10),)]
    assert match_count(predicted, gold, "x" * 20, exact=False) == 1


def test_exact_match_ignores_white_space_only() -> None:
    text = "ab cd ef"
    assert match_count([((0, 5),)], [((0, 2), (3, 5))], text, exact=True) == 1
    assert match_count([((0, 4),)], [((0, 5),)], text, exact=True) == 0


def test_pair_overlap_needs_both_source_and_content() -> None:
    gold = [(((0, 5),), ((10, 20),))]
    assert match_pairs([(((0, 2),), ((15, 30),))], gold, "x" * 40, exact=False) == 1
    assert match_pairs([(((6, 8),), ((15, 30),))], gold, "x" * 40, exact=False) == 0


def test_baseline_finds_quote_then_said() -> None:
    [found] = baseline(TEXT)
    assert (found.source, found.content) == (((15, 20),), ((0, 14),))


def test_run_polnear_averages_over_annotators_and_writes_ann(tmp_path: Path, blank_nlp) -> None:  # type: ignore[no-untyped-def]
    root = _dataset(tmp_path / "dev")
    parsed = {"doc": [(offset, blank_nlp(chunk)) for offset, chunk in paragraph_texts(TEXT)]}
    report = run_polnear(root, tmp_path / "out", parsed=parsed)
    peer = report.peers["quotes+said baseline"]
    # The baseline equals annotator a (all matched) and misses annotator b's item: recall 0.5 on average.
    assert peer["pair"]["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert peer["source"]["overlap"]["recall"] == 0.5
    # Annotator b's content overlaps the baseline's content, so content overlap matches both annotators.
    assert peer["content"]["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(report.ours) == {"source", "content", "pair"}
    assert set(report.ours["pair"]) == {"exact", "overlap"}
    assert (tmp_path / "out" / "doc.ann").exists()


def test_annotators_are_scored_against_one_another() -> None:
    smith = Attribution(((15, 20),), ((21, 25),), ((0, 14),))
    weather = Attribution(((28, 39),), ((40, 43),), ((1, 3), (4, 8)))
    totals: dict[str, Counts] = defaultdict(Counts)
    score_agreement([[smith], [smith, weather]], TEXT, totals)
    # Each against the other: the one with two items finds one of them in the other's, and the other way round.
    assert totals["pair/overlap"].figures() == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
    assert totals["pair/overlap"].gold == 1.5  # the document weighs 1: (1 + 2) items / 2 orderings


def test_run_polnear_notes_how_far_annotators_agree(tmp_path: Path, blank_nlp) -> None:  # type: ignore[no-untyped-def]
    root = _dataset(tmp_path / "dev")
    parsed = {"doc": [(offset, blank_nlp(chunk)) for offset, chunk in paragraph_texts(TEXT)]}
    [note] = [note for note in run_polnear(root, parsed=parsed).notes if "annotated by several people" in note]
    # The two annotators of the one document share no pair.
    assert note.startswith("On the 1 document(s) annotated by several people")
    assert "(overlap) 0.0000" in note


def test_write_ann_round_trips(tmp_path: Path) -> None:
    attributions = [Attribution(((15, 20),), ((21, 25),), ((0, 3), (4, 14)))]
    write_ann(tmp_path / "doc.ann", attributions, TEXT)
    assert read_ann(tmp_path / "doc.ann") == attributions


def test_run_polnear_without_texts_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        run_polnear(tmp_path)
