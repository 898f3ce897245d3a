"""The library front door, with model twins: fast, and no model needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.brief import verify_brief
from newsprism.errors import NoArticlesError
from newsprism.pipeline import Models, brief_from_inputs, brief_from_raw


@pytest.fixture
def twins(blank_nlp, hashing_encoder) -> Models:  # type: ignore[no-untyped-def]
    return Models(nlp=blank_nlp, encoder=hashing_encoder)


def test_example_brief_is_verbatim_and_cited(example_files: list[Path], twins: Models) -> None:
    result = brief_from_inputs([str(p) for p in example_files], twins)
    brief = result.brief
    assert not result.problems
    assert len(brief.sources) == 5
    assert 5 <= len(brief.key_points) <= 8
    assert brief.headline is not None
    assert verify_brief(brief, [d.article for d in result.documents]) == []
    supports = [point.support for point in brief.key_points]
    assert max(supports) >= 2, "some key point should be carried by several sources"


def test_single_source_still_gets_a_brief(example_files: list[Path], twins: Models) -> None:
    brief = brief_from_inputs([str(example_files[0])], twins).brief
    assert brief.key_points
    assert brief.only_in == []
    assert any("one independent source" in note for note in brief.notes)


def test_exact_copy_is_read_once(tmp_path: Path, example_files: list[Path], twins: Models) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text("Republished\n\n" + example_files[1].read_text().split("\n", 1)[1], encoding="utf-8")
    result = brief_from_inputs([str(example_files[1]), str(copy)], twins)
    assert len(result.brief.sources) == 1
    assert any("exact copy" in note and str(copy) in note for note in result.brief.notes)


def test_near_copy_of_a_source_adds_no_support(tmp_path: Path, example_files: list[Path], twins: Models) -> None:
    copy = tmp_path / "copy.txt"
    body = example_files[1].read_text().split("\n", 1)[1]
    copy.write_text("Republished\n\nThis story first ran elsewhere and is shared here.\n\n" + body, encoding="utf-8")
    result = brief_from_inputs([str(example_files[1]), str(copy)], twins)
    [original, duplicate] = result.brief.sources
    assert duplicate.duplicate_of == original.number
    assert all(point.support == 1 for point in result.brief.key_points)
    assert any("one independent source" in note for note in result.brief.notes)


def test_bad_inputs_are_skipped_and_named(tmp_path: Path, example_files: list[Path], twins: Models) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    german = tmp_path / "german.txt"
    german.write_text(
        "Titel\n\nDie Regierung hat am Dienstag erklärt, dass die Truppen in ihre Kasernen zurückkehren werden. "
        "Die Nato sieht dafür bisher keine Belege und fordert weitere Schritte der Entspannung an der Grenze.",
        encoding="utf-8",
    )
    result = brief_from_inputs([str(empty), str(german), *map(str, example_files[:2])], twins)
    origins = sorted(problem.origin for problem in result.problems)
    assert origins == sorted([str(empty), str(german)])
    assert any("not English" in str(problem) for problem in result.problems)
    assert len(result.brief.sources) == 2
    assert any(str(empty) in note for note in result.brief.notes)


def test_nothing_usable_is_an_error(tmp_path: Path, twins: Models) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(NoArticlesError, match="empty file"):
        brief_from_inputs([str(empty)], twins)


def test_story_without_quotes_numbers_or_dates_explains_its_empty_sections(tmp_path: Path, twins: Models) -> None:
    bodies = [
        "The city gardens are in full bloom this spring. Visitors walk among the flower beds in the warm weather.",
        "Roses and tulips fill the park beside the river. Families bring picnics and sit on the lawns all afternoon.",
        "Gardeners have planted hundreds of new shrubs along the old canal. Walkers stop to photograph the colours.",
    ]
    files = []
    for number, body in enumerate(bodies):
        path = tmp_path / f"calm{number}.txt"
        path.write_text(f"Gardens in bloom {number}\n\n{body}", encoding="utf-8")
        files.append(str(path))
    notes = brief_from_inputs(files, twins).brief.notes
    assert any(note.startswith("Who said what:") for note in notes)
    assert any(note.startswith("Conflicting facts:") for note in notes)
    assert any(note.startswith("Timeline:") for note in notes)


def test_two_hundred_sources_give_a_brief(tmp_path: Path, twins: Models) -> None:
    topics = ["the harbour bridge", "the new stadium", "the river flood", "the school strike"]
    lines = [
        json.dumps(
            {
                "title": f"Report {n} on {topics[n % 4]}",
                "source": f"outlet{n}",
                "text": f"Officials in city {n} said work on {topics[n % 4]} would resume on Monday. "
                f"Residents number {n} said they had waited {n % 7 + 2} weeks for news about {topics[n % 4]}.",
            }
        )
        for n in range(200)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = brief_from_inputs([str(path)], twins)
    assert len(result.brief.sources) == 200
    assert result.brief.key_points
    assert verify_brief(result.brief, [d.article for d in result.documents]) == []


def test_stored_vectors_spare_the_encoder_and_change_nothing(example_files: list[Path], blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from newsprism.ingest import read_inputs
    from newsprism.nlp import HashingEncoder

    asked: list[str] = []

    class Counting(HashingEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            asked.extend(texts)
            return super().encode(texts)

    raw = read_inputs([str(p) for p in example_files]).articles
    fresh = brief_from_raw(raw, Models(nlp=blank_nlp, encoder=Counting()))
    first_run = len(asked)
    sentences = [s.text for d in fresh.documents for s in d.sentences] + [d.article.title for d in fresh.documents]
    stored = dict(zip(sentences, HashingEncoder().encode(sentences), strict=True))
    asked.clear()
    reused = brief_from_raw(raw, Models(nlp=blank_nlp, encoder=Counting()), stored_vectors=stored)
    assert reused.brief.model_dump() == fresh.brief.model_dump()
    assert len(asked) < first_run / 2  # the probe and the quotes the claims compare, not every sentence
    assert not set(asked) & (set(sentences) - {min(stored)})
