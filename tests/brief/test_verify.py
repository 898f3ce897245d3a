from __future__ import annotations

import pytest

from newsprism.brief import verify_brief
from newsprism.model import (
    Article,
    Brief,
    Citation,
    Headline,
    KeyPoint,
    OnlyIn,
    Person,
    QuoteEntry,
    RoleSpan,
    SourceEntry,
)

TEXT_A = "Troops are returning to base. Officials doubt it."
TEXT_B = "Officials doubt that troops are returning. Markets rose."


@pytest.fixture
def articles() -> list[Article]:
    return [
        Article(id="a", source="A", title="Troops return", text=TEXT_A),
        Article(id="b", source="B", title="Doubts", text=TEXT_B),
    ]


def good_brief() -> Brief:
    return Brief(
        headline=Headline(text="Troops return", source=1, article_id="a"),
        sources=[
            SourceEntry(number=1, article_id="a", source="A", title="Troops return"),
            SourceEntry(number=2, article_id="b", source="B", title="Doubts"),
        ],
        key_points=[
            KeyPoint(
                text="Troops are returning to base.",
                citations=[
                    Citation(source=1, article_id="a", sentence=0, start=0, end=29),
                    Citation(source=2, article_id="b", sentence=0, start=0, end=42),
                ],
            )
        ],
        only_in=[
            OnlyIn(
                source=2,
                points=[
                    KeyPoint(
                        text="Markets rose.",
                        citations=[Citation(source=2, article_id="b", sentence=1, start=43, end=56)],
                    )
                ],
            )
        ],
    )


def test_faithful_brief_verifies(articles: list[Article]) -> None:
    assert verify_brief(good_brief(), articles) == []


def test_invented_text_is_caught(articles: list[Article]) -> None:
    brief = good_brief()
    brief.key_points[0].text = "Troops are returning to base, all of them."
    [problem] = verify_brief(brief, articles)
    assert "key point 1 is not verbatim in source [1]" in problem


def test_wrong_source_number_is_caught(articles: list[Article]) -> None:
    brief = good_brief()
    brief.only_in[0].points[0].citations[0].source = 1
    assert any("only-in point 1" in p for p in verify_brief(brief, articles))


def test_offsets_outside_article_are_caught(articles: list[Article]) -> None:
    brief = good_brief()
    brief.key_points[0].citations[1].end = 999
    assert any("points outside the article" in p for p in verify_brief(brief, articles))


def test_missing_article_and_wrong_headline_are_caught(articles: list[Article]) -> None:
    brief = good_brief()
    brief.headline = Headline(text="Invented headline", source=1, article_id="a")
    problems = verify_brief(brief, articles[:1])
    assert any("headline is not the title" in p for p in problems)
    assert any("source [2]" in p and "not among the articles" in p for p in problems)


def test_point_without_citation_is_caught(articles: list[Article]) -> None:
    brief = good_brief()
    brief.key_points[0].citations = []
    assert verify_brief(brief, articles) == ["key point 1 cites no source"]


def test_roles_must_be_verbatim(articles: list[Article]) -> None:
    brief = good_brief()
    role = RoleSpan(article_id="a", text="Troops", start=0, end=6)
    brief.people = [Person(id=0, name="X", names=["X"], roles=[role])]
    assert verify_brief(brief, articles) == []
    brief.people[0].roles[0].text = "Generals"
    assert any("role 'Generals' of X is not verbatim" in p for p in verify_brief(brief, articles))


def test_quote_pieces_must_be_verbatim_in_order(articles: list[Article]) -> None:
    brief = good_brief()
    cited = Citation(source=1, article_id="a", sentence=0, start=0, end=len(TEXT_A))
    brief.quotes = [QuoteEntry(speaker="X", text="Troops are … Officials doubt", kind="direct", citations=[cited])]
    assert verify_brief(brief, articles) == []
    brief.quotes[0].text = "Officials doubt … Troops are"
    assert any("quote 1 (X) is not verbatim" in p for p in verify_brief(brief, articles))


def test_a_speaker_as_written_must_be_in_the_first_cited_source(articles: list[Article]) -> None:
    brief = good_brief()
    cited = Citation(source=1, article_id="a", sentence=0, start=0, end=len(TEXT_A))
    quote = QuoteEntry(speaker="X", speaker_as_written="Officials", text="Troops are", kind="direct", citations=[cited])
    brief.quotes = [quote]
    assert verify_brief(brief, articles) == []
    brief.quotes[0].speaker_as_written = "The spokesman"
    assert any("speaker as written 'The spokesman'" in p for p in verify_brief(brief, articles))
