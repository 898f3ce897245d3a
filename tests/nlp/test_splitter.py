"""Sentences by punctuation: where lean ingest's sentences end, and where they don't."""

from __future__ import annotations

from newsprism.model import Article, content_id
from newsprism.nlp.splitter import sentence_spans, split_articles


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_end_at_terminal_punctuation_before_a_capital() -> None:
    assert sentences("Troops left. Tanks stayed! Why? 7,000 more came.") == [
        "Troops left.",
        "Tanks stayed!",
        "Why?",
        "7,000 more came.",
    ]


def test_an_opening_quote_starts_the_next_sentence_and_a_closing_one_ends_this() -> None:
    assert sentences('"We will go," he said. "Not now." He left.') == [
        '"We will go," he said.',
        '"Not now."',
        "He left.",
    ]


def test_abbreviations_initials_and_initialisms_do_not_end_a_sentence() -> None:
    text = "Mr. Putin met Gen. J. Smith in the U.S. Capitol at 3 p.m. Tuesday. It went well."
    assert sentences(text) == ["Mr. Putin met Gen. J. Smith in the U.S. Capitol at 3 p.m. Tuesday.", "It went well."]


def test_a_lower_case_continuation_and_decimals_do_not_split() -> None:
    assert sentences("It cost $3.5 billion. and more... then less.") == ["It cost $3.5 billion. and more... then less."]


def test_articles_keep_offsets_and_paragraphs() -> None:
    text = "First one. Second one.\n\nA new paragraph here."
    [parsed] = split_articles([Article(id=content_id(text), source="s", title="t", text=text)])
    assert [(s.text, s.paragraph, s.index) for s in parsed.sentences] == [
        ("First one.", 0, 0),
        ("Second one.", 0, 1),
        ("A new paragraph here.", 1, 2),
    ]
    assert all(text[s.start : s.end] == s.text for s in parsed.sentences)
    assert parsed.mentions == []
