"""Briefs and source documents built by hand for the renderer tests: a plain story and a hostile one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from newsprism.model import (
    Article,
    Brief,
    Citation,
    Headline,
    KeyPoint,
    OnlyIn,
    ParsedArticle,
    QuoteEntry,
    RemovedLine,
    Sentence,
    SourceEntry,
    content_id,
)

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAKOUT = '" onmouseover="alert(1)'
JAVASCRIPT_URL = "javascript:alert(1)"
MARKDOWN_LINK = "[x](javascript:alert(1))"
MARKDOWN_IMAGE = "![img](http://evil.example/pixel.png)"


@dataclass(frozen=True)
class Story:
    """A brief together with the documents it was made from."""

    brief: Brief
    documents: list[ParsedArticle]


def parsed_article(
    source: str,
    title: str,
    paragraphs: Sequence[Sequence[str]],
    url: str | None = None,
    removed: Sequence[RemovedLine] = (),
    language: str | None = "en",
) -> ParsedArticle:
    """An article whose text is the given sentences, with exact offsets (sentences joined by spaces)."""
    text = ""
    spans: list[tuple[int, int, str, int]] = []
    for number, paragraph in enumerate(paragraphs):
        if text:
            text += "\n\n"
        for position, sentence in enumerate(paragraph):
            if position:
                text += " "
            spans.append((len(text), len(text) + len(sentence), sentence, number))
            text += sentence
    article_id = content_id(text)
    article = Article(
        id=article_id,
        source=source,
        title=title,
        url=url,
        published=datetime(2024, 5, 1, 9, 30, tzinfo=UTC),
        text=text,
        origin=f"{source}.txt",
        language=language,
        removed=list(removed),
    )
    sentences = [
        Sentence(article_id=article_id, index=index, start=start, end=end, text=sentence, paragraph=paragraph)
        for index, (start, end, sentence, paragraph) in enumerate(spans)
    ]
    return ParsedArticle(article=article, sentences=sentences)


def cite(number: int, document: ParsedArticle, index: int) -> Citation:
    """A citation of sentence ``index`` of ``document``, listed as source ``number``."""
    sentence = document.sentences[index]
    return Citation(
        source=number, article_id=document.article.id, sentence=index, start=sentence.start, end=sentence.end
    )


def point(citations: Sequence[tuple[int, ParsedArticle, int]]) -> KeyPoint:
    """A key point whose text is the first cited sentence, verbatim."""
    links = [cite(number, document, index) for number, document, index in citations]
    first = citations[0]
    return KeyPoint(text=first[1].sentences[first[2]].text, citations=links, support=len(links), score=1.0)


def entry(number: int, document: ParsedArticle, duplicate_of: int | None = None) -> SourceEntry:
    """The brief's listing of ``document`` as source ``number``."""
    article = document.article
    return SourceEntry(
        number=number,
        article_id=article.id,
        source=article.source,
        title=article.title,
        url=article.url,
        published=article.published,
        duplicate_of=duplicate_of,
    )


@pytest.fixture
def story() -> Story:
    """Three reports of one story; the third copies the second."""
    wire = parsed_article(
        "Wire",
        "Troops pull back from the city",
        [["Troops began withdrawing on Monday.", "The move was announced at dawn."], ["Officials said 2,000 left."]],
        url="https://wire.example/troops",
        removed=[RemovedLine(line=7, text="Subscribe to our newsletter", reason="boilerplate")],
    )
    daily = parsed_article(
        "Daily",
        "Withdrawal starts",
        [["The withdrawal started on Monday.", "Residents were cautious."]],
        url="http://daily.example/withdrawal",
    )
    copy = parsed_article("Copycat", "Withdrawal starts", [["The withdrawal started on Monday!", "Residents waited."]])
    brief = Brief(
        headline=Headline(text=wire.article.title, source=1, article_id=wire.article.id),
        sources=[entry(1, wire), entry(2, daily), entry(3, copy, duplicate_of=2)],
        key_points=[
            point([(1, wire, 0), (2, daily, 0), (3, copy, 0)]),
            point([(2, daily, 1)]),
        ],
        only_in=[OnlyIn(source=1, points=[point([(1, wire, 2)])])],
        notes=["skipped empty.txt: no text"],
    )
    return Story(brief, [wire, daily, copy])


@pytest.fixture
def hostile_story() -> Story:
    """A story whose every article-derived field tries to inject markup, links or scripts."""
    evil = parsed_article(
        SCRIPT,
        f"Title{ATTRIBUTE_BREAKOUT} {SCRIPT}",
        [
            [f"Click {MARKDOWN_LINK} now.", f"See {MARKDOWN_IMAGE} here."],
            [f"Raw {SCRIPT} and <img src=x onerror=alert(1)> too.", "# Heading\n\n[ref]: javascript:alert(1)"],
        ],
        url=JAVASCRIPT_URL,
        removed=[RemovedLine(line=0, text=SCRIPT, reason=ATTRIBUTE_BREAKOUT)],
        language=f"en{ATTRIBUTE_BREAKOUT}",
    )
    sneaky = parsed_article(
        f"Outlet{ATTRIBUTE_BREAKOUT}",
        "<b>bold</b> & [link](data:text/html,hi)",
        [["2024. A year of <iframe src=//evil.example>.", "Nothing else."]],
        url="https://sneaky.example/a\"><script>alert(1)</script>?q=<x>&y='onmouseover=alert(1)",
    )
    datauri = parsed_article("Data", "data", [["Plain sentence."]], url="data:text/html;base64,PHNjcmlwdD4=")
    brief = Brief(
        headline=Headline(text=evil.article.title, source=1, article_id=evil.article.id),
        sources=[entry(1, evil), entry(2, sneaky), entry(3, datauri)],
        key_points=[point([(1, evil, index), (2, sneaky, 0)]) for index in range(4)],
        only_in=[OnlyIn(source=2, points=[point([(2, sneaky, 1)])])],
        notes=[f"note {SCRIPT} {MARKDOWN_LINK}"],
    )
    return Story(brief, [evil, sneaky, datauri])


def resolved_quote(story: Story, as_written: str, cue: str = "said") -> Brief:
    """``story``'s brief with one quote whose speaker the source names only as ``as_written``, by ``cue``."""
    document = story.documents[0]
    quote = QuoteEntry(
        speaker="Jens Stoltenberg",
        speaker_as_written=as_written,
        role="NATO chief",
        actor="NATO",
        text=document.sentences[0].text,
        kind="direct",
        cue=cue,
        citations=[cite(1, document, 0)],
    )
    return story.brief.model_copy(update={"quotes": [quote]})
