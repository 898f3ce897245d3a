"""Readings whose cue is a noun, read off the real spaCy parse."""

from __future__ import annotations

import pytest

from newsprism.extract.quotes.nominal import agent_noun_cue
from newsprism.nlp import load_spacy

pytestmark = pytest.mark.slow


def _agent_reading(text: str, noun: str) -> tuple[str, list[str]] | None:
    doc = load_spacy()(text)
    found = agent_noun_cue(next(token for token in doc if token.text == noun))
    if found is None or found.source is None:
        return None
    return text[found.source[0] : found.source[1]], [text[start:end] for start, end in found.content]


def test_a_noun_with_its_speaker_after_by_reports_its_that_clause() -> None:
    text = "They fought claims by intelligence agencies that the messages were secret."
    assert _agent_reading(text, "claims") == ("intelligence agencies", ["that the messages were secret"])


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("They fought claims by the software that the messages were secret.", "claims"),
        ("There were reports by the sensors that the bridge was unsafe.", "reports"),
    ],
)
def test_a_thing_after_by_is_no_speaker(text: str, noun: str) -> None:
    assert _agent_reading(text, noun) is None
