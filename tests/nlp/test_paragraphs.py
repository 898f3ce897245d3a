from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.nlp import split_paragraphs


def test_each_line_is_a_paragraph_in_ragged_text() -> None:
    text = "Headline here\nAP News\n\nFirst paragraph.\n\n  Second paragraph.  "
    spans = [text[p.start : p.end] for p in split_paragraphs(text)]
    assert spans == ["Headline here", "AP News", "First paragraph.", "Second paragraph."]


def test_hard_wrapped_block_is_one_paragraph() -> None:
    block = (
        "Cambodian leader Hun Sen on Friday rejected opposition parties' demands\n"
        "for talks outside the country, accusing them of trying to internationalize\n"
        "the political crisis. Government and opposition parties have asked\n"
        "King Norodom Sihanouk to host a summit meeting."
    )
    assert len(split_paragraphs(block)) == 1


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_empty_text_has_no_paragraphs(text: str) -> None:
    assert split_paragraphs(text) == []


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_paragraphs_are_trimmed_ordered_spans(text: str) -> None:
    previous_end = 0
    for paragraph in split_paragraphs(text):
        segment = text[paragraph.start : paragraph.end]
        assert segment
        assert segment == segment.strip()
        assert paragraph.start >= previous_end
        previous_end = paragraph.end
