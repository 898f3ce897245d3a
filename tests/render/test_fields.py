"""Fields shown the same way in every format."""

from __future__ import annotations

import pytest

from newsprism.render.fields import cue_before_speaker, cue_words, placed_cue, web_url


@pytest.mark.parametrize(
    ("cue", "shown"),
    [
        ("According to", "according to"),  # it opened its sentence in the source
        ("Asked", "asked"),
        ("said", "said"),
        (":", ""),  # a speaker label's colon: the name says who, the colon nothing more
        ("―", ""),  # a signed quotation's dash
        ("UN", "UN"),  # not a capital of position
        (None, "said"),
        ("", "said"),
    ],
)
def test_a_cue_after_a_speakers_name_loses_only_its_sentence_capital(cue: str | None, shown: str) -> None:
    assert cue_words(cue) == shown


@pytest.mark.parametrize(
    ("cue", "first"),
    [
        ("according to", True),
        ("According  to", True),
        ("in the words of", True),
        ("quoted by", True),
        ("said", False),
        ("according", False),
        (None, False),
    ],
)
def test_only_a_cue_phrase_naming_its_speaker_after_it_is_read_first(cue: str | None, first: bool) -> None:
    assert cue_before_speaker(cue) is first


@pytest.mark.parametrize(
    ("cue", "placed"),
    [("according to", ("According to", True)), ("Said", ("said", False)), ("―", ("", False)), (None, ("said", False))],
)
def test_a_cue_is_placed_before_its_speaker_only_when_it_names_the_speaker_after_it(
    cue: str | None, placed: tuple[str, bool]
) -> None:
    assert placed_cue(cue) == placed


def test_only_absolute_web_urls_become_links() -> None:
    assert web_url("https://example.org/a b") is None
    assert web_url("javascript:alert(1)") is None
    assert web_url("https://example.org/x?y=1") == "https://example.org/x?y=1"
