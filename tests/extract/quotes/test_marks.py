"""Quotation marks: balanced pairs in several scripts, run-on paragraphs, and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract.quotes.marks import find_quotes
from newsprism.nlp import split_paragraphs


def _texts(text: str) -> list[str]:
    paragraphs = [(p.start, p.end) for p in split_paragraphs(text)]
    return [" / ".join(text[s:e] for s, e in q.pieces) for q in find_quotes(text, paragraphs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ['"we will win"']),
        ("He said “we will win” today.", ["“we will win”"]),
        ("Il a dit « nous gagnerons » hier.", ["« nous gagnerons »"]),
        ("Er sagte „wir gewinnen“ gestern.", ["„wir gewinnen“"]),
        ("“Outer ‘inner’ words” and more.", ["“Outer ‘inner’ words”"]),
        ('“Outer "inner" words” here.', ['“Outer "inner" words”']),
        ("“One.” Then “two.”", ["“One.”", "“two.”"]),
        ("He said ''we will win'' today.", ["''we will win''"]),
        # Wire copy of the 1990s and Penn Treebank text: two backquotes open, two apostrophes close.
        ("``We will win,'' he said. ``Today.''", ["``We will win,''", "``Today.''"]),
        ("Rock 'n' roll, he said ``is back'' now.", ["``is back''"]),
        # Two backquotes inside a quotation they opened: the first was never closed, and is dropped.
        ("``Far apart. He added, ``We are far apart.''", ["``We are far apart.''"]),
        ('“I disagree," he said. “We lose.”', ['“I disagree,"', "“We lose.”"]),
        ('"I disagree,” he said. "We lose."', ['"I disagree,”', '"We lose."']),
        # An opening mark typed for the closing one after the quote's punctuation.
        ("“It's unusual,“ said Noble. “We lose.”", ["“It's unusual,“", "“We lose.”"]),
        ("“Do you want that?“ he asked.", ["“Do you want that?“"]),
        ("an “expedited review“ of Flint and a “health system” too", ["“expedited review“", "“health system”"]),
        ("It was “Mostly False.“", ["“Mostly False.“"]),
        # The same marks nested: the inner pair does not close the outer one.
        ("“He called it “madness” today,” she said.", ["“He called it “madness” today,”"]),
        # A second “ with too few ” after it: the first quotation was never closed, and is dropped ...
        ("She tweeted: “Let’s go.’ Later she starred in “Trainwreck.”", ["“Trainwreck.”"]),
        ("She tweeted: “Let’s go.’ Later she made her film, “Trainwreck.”", ["“Trainwreck.”"]),
        ("“One part “two.” “Three.”", ["“two.”", "“Three.”"]),
        # ... unless it stands after the quote's closing punctuation and no quotation of its own follows it:
        # a closing mark the wrong way round.
        ("“We have seen no sign of it, “Stoltenberg said. “None.”", ["“We have seen no sign of it, “", "“None.”"]),
        ("“No sign of it, “Stoltenberg said, adding that Russia has” moved", ["“No sign of it, “"]),
    ],
)
def test_find_quotes_pairs_marks(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said “we will win today.",
        "He said ``we will win today.",
        "“We will win,\n\nhe said.",
        'The 6" pipe burst.',
        "»",
    ],
)
def test_find_quotes_drops_unclosed_quotes(text: str) -> None:
    assert _texts(text) == []


def test_find_quotes_runs_on_when_next_paragraph_opens_with_a_mark() -> None:
    text = "He said: “The first part.\n\n“The second part.”\n\nNot quoted."
    assert _texts(text) == ["“The first part. / “The second part.”"]


def test_find_quotes_runs_on_when_next_paragraph_opens_with_two_backquotes() -> None:
    text = "He said: ``The first part.\n\n``The second part.''\n\nNot quoted."
    assert _texts(text) == ["``The first part. / ``The second part.''"]


def test_find_quotes_does_not_cross_a_paragraph_without_a_mark() -> None:
    text = "He said: “The first part.\n\nA reporter's words.”"
    assert _texts(text) == []


def test_find_quotes_takes_an_article_that_is_one_long_quote() -> None:
    text = "“All of this is a quote. Every sentence of it.”"
    assert _texts(text) == [text]


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”«»„‘’')), max_size=80))
def test_find_quotes_open_and_close_inside_paragraphs(text: str) -> None:
    paragraphs = [(p.start, p.end) for p in split_paragraphs(text)]
    for quote in find_quotes(text, paragraphs):
        assert text[quote.start] in '"“«„‹「»'
        assert text[quote.end - 1] in '"”»“›」«'
        for start, end in quote.pieces:
            assert any(s <= start and end <= e for s, e in paragraphs)
