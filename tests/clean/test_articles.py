"""Golden expectations for the clean stage: lines that must go, and real sentences that must stay."""

from __future__ import annotations

import pytest

from newsprism.clean import CleanOptions, clean_articles, split_lines
from newsprism.ingest.raw import RawArticle
from newsprism.model import content_id

BODY = [
    "Russia said on Tuesday it was pulling some troops back from the border with Ukraine.",
    "",
    "NATO's chief said he had seen no sign of de-escalation on the ground so far.",
]


def _raw(lines: list[str], title: str = "Russia pulls back some troops", source: str = "Outlet") -> RawArticle:
    return RawArticle(title=title, text="\n".join(lines), source=source, origin=f"{source}.txt")


def _clean(lines: list[str], title: str = "Russia pulls back some troops") -> tuple[list[str], dict[str, str]]:
    [article] = clean_articles([_raw(lines, title)])
    return article.text.split("\n"), {removed.text: removed.reason for removed in article.removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Post a Comment", "comment prompt"),
        ("Previous Post Next Post", "navigation"),
        ("twitter facebook instagram reddit tumblr", "share bar"),
        ("Remove Ads", "advertising"),
        ("Advertisement", "advertising"),
        ("Buy Now", "shop"),
        ("Pick Six Newsletter", "newsletter sign-up"),
        ("Subscribe to the Morning Review newsletter", "newsletter sign-up"),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", "newsletter sign-up"),
        ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "share bar"),
        ("Purchase your new wardrobe staple today at our store.", "shop"),
        ("SOURCE: NEWS AGENCIES", "credit line"),
        ("Photo: Hau Dinh, AP", "credit line"),
        ("By Jane Doe and John Roe", "byline"),
        ("Updated: Tue., Nov. 19, 2019", "date stamp"),
        ("© 2019 Example Media. All rights reserved.", "copyright notice"),
        ("Russia pulls back some troops", "repeats the title"),
        ("Related: The 15 Weirdest Galaxies in Our Universe", "related link"),
        ("You may also like...", "navigation"),
    ],
)
def test_boilerplate_line_is_removed_with_its_reason(line: str, reason: str) -> None:
    kept, removed = _clean([BODY[0], line, *BODY[1:]])
    assert line not in kept
    assert removed == {line: reason}


@pytest.mark.parametrize(
    "line",
    [
        "He denied it.",
        "“We will not be intimidated,” the minister said.",
        "Shares of the company fell 5% after it said it would buy back stock and stop selling subscriptions.",
        "More than 2 million people subscribe to the service, which will share its data with regulators.",
        "Share prices tumble",
        "WASHINGTON (AP) —",
        "KYIV, Ukraine",
        "What does Putin want from NATO",
        "Follow the money, investigators told the committee.",
        "If you subscribe to a newsletter from a foreign ministry, your data may be shared, the regulator warned.",
        "Related: the minister said the two cases were not connected.",
        "Source: the finance ministry, which published the figures on Monday, said they were provisional.",
    ],
)
def test_real_text_is_kept(line: str) -> None:
    kept, removed = _clean([BODY[0], line, *BODY[1:]])
    assert line in kept
    assert removed == {}


def test_short_line_between_boilerplate_goes_with_it() -> None:
    kept, removed = _clean(["Russia pulls back some troops", "AP News", "Remove Ads", *BODY])
    assert kept == BODY
    assert removed["AP News"] == "inside a boilerplate block"


def test_end_of_page_block_goes_but_a_final_short_sentence_stays() -> None:
    lines = [*BODY, "He declined to comment.", "Do you know what we posted on", "twitter facebook", "Post a Comment"]
    kept, removed = _clean(lines)
    assert kept == [*BODY, "He declined to comment."]
    assert removed["Do you know what we posted on"] == "end-of-page block"


def test_list_after_last_sentence_stays_when_boilerplate_follows_it() -> None:
    dates = [f"June {day} – Arena {day}, Tampa, FL" for day in range(1, 9)]
    kept, _ = _clean([*BODY, "Tour dates:", *dates, "Additional reporting by Joseph Hudak"])
    assert kept == [*BODY, "Tour dates:", *dates]


def test_line_repeated_across_sources_at_the_edge_is_removed() -> None:
    first = _raw([*BODY, "Don't Get Censored"], source="A")
    second = _raw(["A different report entirely about grain exports from the port.", "Don't Get Censored"], source="B")
    articles = clean_articles([first, second])
    assert all(article.removed[0].reason == "repeated across sources" for article in articles)
    assert [article.text for article in articles] == ["\n".join(BODY), second.text.split("\n")[0]]


def test_subhead_shared_by_two_articles_stays_inside_the_body() -> None:
    lines = [BODY[0], "Alleged battles in Luhansk", BODY[2]]
    articles = clean_articles([_raw(lines, source="A"), _raw([*lines, "Other closing sentence here."], source="B")])
    assert all("Alleged battles in Luhansk" in article.text for article in articles)


def test_article_keeps_raw_id_metadata_and_line_numbers() -> None:
    raw = _raw(["Remove Ads", "", "", *BODY, "", "", "Post a Comment", ""])
    [article] = clean_articles([raw])
    assert article.id == content_id(raw.text)
    assert (article.title, article.source, article.origin) == (raw.title, raw.source, raw.origin)
    assert article.text == "\n".join(BODY)
    assert [(removed.line, removed.text) for removed in article.removed] == [(0, "Remove Ads"), (8, "Post a Comment")]
    assert article.language == "en"


def test_removed_lines_point_into_the_raw_text_with_any_line_breaks() -> None:
    raw = _raw([])
    raw.text = "Remove Ads\r\n" + "\r\n".join(BODY)
    [article] = clean_articles([raw])
    assert split_lines(raw.text)[article.removed[0].line] == "Remove Ads"
    assert article.text == "\n".join(BODY)


def test_options_can_make_cleaning_more_cautious() -> None:
    strict = CleanOptions(max_furniture_words=2)
    [article] = clean_articles([_raw([*BODY, "Previous Post Next Post"])], strict)
    assert "Previous Post Next Post" in article.text


def test_furniture_taken_as_title_gives_way_to_the_headline() -> None:
    headline = "Ukraine conflict: NATO sees no evidence of troops withdrawing"
    [article] = clean_articles([_raw(["", headline, "", *BODY], title="Search Suggest")])
    assert article.title == headline
    assert headline not in article.text
    assert article.removed[0].line == -1
    assert article.removed[0].text == "Search Suggest"
    assert "was taken as the title" in article.removed[0].reason


def test_a_real_title_stays() -> None:
    [article] = clean_articles([_raw(BODY, title="Russia pulls back some troops")])
    assert article.title == "Russia pulls back some troops"
