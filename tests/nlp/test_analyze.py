"""The NLP stage's helpers that need no model."""

from __future__ import annotations

import spacy

from newsprism.nlp.analyze import doc_text, paragraph_windows


def test_doc_text_is_the_docs_text_built_once() -> None:
    doc = spacy.blank("en")("Troops are returning to base, the ministry said.")
    assert doc_text(doc) == doc.text
    # Built once: the second call returns the very string the first one stored.
    assert doc_text(doc) is doc_text(doc)


def test_long_paragraphs_are_cut_into_windows_at_a_space() -> None:
    text = "word " * 5000 + "\n\nshort paragraph"
    windows = paragraph_windows(text)
    assert "".join(chunk for index, _, chunk in windows if index == 0) == text[: text.index("\n\n")].rstrip()
    assert all(len(chunk) <= 20_000 for _, _, chunk in windows)
    assert all(text[offset : offset + len(chunk)] == chunk for _, offset, chunk in windows)
