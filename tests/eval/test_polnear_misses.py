"""Kinds of PolNeAR pair misses: each missed gold pair and each unmatched prediction in the right kind."""

from __future__ import annotations

from pathlib import Path

from newsprism.eval.polnear import Attribution, run_polnear
from newsprism.eval.polnear_misses import MISSED, MissTally, pair_misses
from newsprism.extract.quotes.article import paragraph_texts


def _a(source: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]) -> Attribution:
    return Attribution((source,), (cue,), (content,))


GOLD = _a((0, 5), (6, 10), (11, 30))


def test_a_matched_pair_is_neither_missed_nor_extra() -> None:
    missed, extra = pair_misses([_a((0, 3), (6, 10), (20, 40))], [GOLD])
    assert not missed
    assert not extra


def test_nothing_at_the_gold_cue_is_no_cue_and_a_far_prediction_nothing_near() -> None:
    missed, extra = pair_misses([_a((50, 55), (56, 60), (61, 80))], [GOLD])
    assert missed == {"no_cue": 1}
    assert extra == {"nothing_near": 1}


def test_another_speaker_at_the_gold_cue() -> None:
    missed, extra = pair_misses([_a((40, 45), (6, 10), (11, 30))], [GOLD])
    assert missed == {"speaker_differs": 1}
    assert extra == {"at_a_gold_cue": 1}


def test_another_content_at_the_gold_cue() -> None:
    missed, _ = pair_misses([_a((0, 5), (6, 10), (40, 45))], [GOLD])
    assert missed == {"content_differs": 1}


def test_a_gold_cue_inside_our_content() -> None:
    # Ours: speaker 40-45 says 0-38, which takes in the gold cue 6-10.
    missed, extra = pair_misses([_a((40, 45), (46, 50), (0, 38))], [GOLD])
    assert missed == {"cue_inside_ours": 1}
    assert extra == {"overlaps_one_part": 1}


def test_two_predictions_of_one_gold_pair_one_is_taken() -> None:
    missed, extra = pair_misses([_a((0, 5), (6, 10), (11, 30)), _a((1, 4), (6, 10), (12, 20))], [GOLD])
    assert not missed
    assert extra == {"taken": 1}


def test_shares_add_up_to_one_less_recall_and_precision() -> None:
    tally = MissTally()
    second = _a((100, 105), (106, 110), (111, 130))
    tally.add([_a((0, 5), (6, 10), (11, 30)), _a((50, 55), (56, 60), (61, 80))], [GOLD, second], weight=1.0)
    figures = tally.figures()
    assert sum(figures["missed"].values()) == 0.5  # recall 1/2
    assert sum(figures["extra"].values()) == 0.5  # precision 1/2
    assert set(figures["missed"]) == set(MISSED)


TEXT = '"We will win," Smith said.\n\nThe weather was fine.\n'


def test_run_polnear_with_misses_reports_them_for_every_system(tmp_path: Path, blank_nlp) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "doc_a.ann").write_text(
        "T1\tSource 28 39\tThe weather\nT2\tCue 40 43\twas\nT3\tContent 44 48\tfine\nE1\tSource:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    parsed = {"doc": [(offset, blank_nlp(chunk)) for offset, chunk in paragraph_texts(TEXT)]}
    report = run_polnear(root, parsed=parsed, misses=True)
    baseline = report.peers["quotes+said baseline"]["misses"]
    # The baseline finds Smith's quote, which the annotator did not mark, and misses the marked one.
    assert baseline["missed"]["no_cue"] == 1.0
    assert baseline["extra"]["nothing_near"] == 1.0
    assert "misses" in report.ours
    assert "misses" not in run_polnear(root, parsed=parsed).ours
