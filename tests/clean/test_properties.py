"""Properties: cleaning is idempotent and never invents text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_articles, split_lines
from newsprism.ingest.raw import RawArticle

# Lines mixing real sentences, furniture and noise, so the rules actually fire.
_LINES = st.one_of(
    st.sampled_from(
        [
            "",
            "Remove Ads",
            "Post a Comment",
            "AP News",
            "Share prices tumble",
            "Sign up for our newsletter.",
            "The minister said the talks would continue next week.",
            "He denied it.",
            "Troops pull back",
            "KYIV, Ukraine —",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=60),
)
_ARTICLE = st.builds(
    lambda lines, title: RawArticle(title=title, text="\n".join(lines), source="s", origin="o"),
    st.lists(_LINES, max_size=15),
    st.sampled_from(["Troops pull back", "", "Remove Ads"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ARTICLE, min_size=1, max_size=3))
def test_cleaning_is_idempotent(raws: list[RawArticle]) -> None:
    once = clean_articles(raws)
    again = clean_articles(
        [RawArticle(title=article.title, text=article.text, source="s", origin="o") for article in once]
    )
    assert [article.text for article in again] == [article.text for article in once]
    assert all(not article.removed for article in again)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ARTICLE, min_size=1, max_size=3))
def test_cleaning_never_invents_text(raws: list[RawArticle]) -> None:
    for raw, article in zip(raws, clean_articles(raws), strict=True):
        raw_lines = split_lines(raw.text)
        assert all(line in raw_lines for line in split_lines(article.text) if line.strip())
        # Line -1 is a line that had been taken as the title; the headline below it then became the title.
        body_removals = [removed for removed in article.removed if removed.line != -1]
        assert all(raw_lines[removed.line] == removed.text for removed in body_removals)
        promoted = int(article.title != raw.title and bool(article.title))
        if promoted:
            assert article.title in [line.strip() for line in raw_lines]
        kept = [line for line in split_lines(article.text) if line.strip()]
        assert len(kept) + len(body_removals) + promoted == sum(bool(line.strip()) for line in raw_lines)
