"""Markdown output: the brief's structure, inert hostile text, and escaping that reads back verbatim."""

from __future__ import annotations

import html
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from newsprism.render.markdown import escape_markdown, print_markdown, render_markdown
from tests.render.conftest import MARKDOWN_IMAGE, MARKDOWN_LINK, SCRIPT, Story, resolved_quote

# What a CommonMark renderer may produce from our Markdown; anything else came from article text.
ALLOWED_TAGS = {"h1", "h2", "h3", "ol", "ul", "li", "p", "em", "a"}


def to_html(markdown: str) -> str:
    return str(MarkdownIt("commonmark").render(markdown))


def test_markdown_full_brief_has_every_section(story: Story) -> None:
    markdown = render_markdown(story.brief)
    assert re.findall(r"^#+ .*$", markdown, flags=re.MULTILINE) == [
        "# Troops pull back from the city [1]",
        "## Key points",
        "## Only in one source",
        "### [1] Wire",
        "## Sources",
        "## Notes",
    ]
    assert "1. Troops began withdrawing on Monday. [1][2][3]\n2. Residents were cautious. [2]\n" in markdown
    assert "- Officials said 2,000 left. [1]" in markdown
    assert "- skipped empty.txt: no text" in markdown


def test_markdown_sources_list_number_source_title_url_and_date(story: Story) -> None:
    markdown = render_markdown(story.brief)
    assert (
        "- [1] Wire — Troops pull back from the city — <https://wire.example/troops> — 2024-05-01 09:30+00:00\n"
        in markdown
    )
    assert "- [3] Copycat — Withdrawal starts — 2024-05-01 09:30+00:00 — copy of [2]\n" in markdown


def test_markdown_short_keeps_headline_points_and_sources_only(story: Story) -> None:
    markdown = render_markdown(story.brief, short=True)
    assert re.findall(r"^#+ .*$", markdown, flags=re.MULTILINE) == [
        "# Troops pull back from the city [1]",
        "## Key points",
        "## Sources",
    ]


def test_markdown_without_headline_or_points(story: Story) -> None:
    brief = story.brief.model_copy(update={"headline": None, "key_points": [], "sources": []})
    markdown = render_markdown(brief)
    assert markdown.startswith("# Brief\n")
    assert "No key points" in markdown
    assert "No sources" in markdown


def test_hostile_markdown_renders_without_markup_from_articles(hostile_story: Story) -> None:
    rendered = to_html(render_markdown(hostile_story.brief))
    assert set(re.findall(r"<([a-z0-9]+)", rendered)) <= ALLOWED_TAGS
    assert re.findall(r'<a href="([^"]*)"', rendered) == [
        "https://sneaky.example/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E?q=%3Cx%3E&amp;y=%27onmouseover=alert(1)"
    ]
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for hostile in (SCRIPT, MARKDOWN_LINK, MARKDOWN_IMAGE, "javascript:alert(1)", "[ref]: javascript:alert(1)"):
        assert hostile in text


def test_hostile_markdown_keeps_the_document_outline(hostile_story: Story) -> None:
    markdown = render_markdown(hostile_story.brief)
    headings = re.findall(r"<(h[1-3])>", to_html(markdown))
    assert headings == ["h1", "h2", "h2", "h2", "h3", "h2", "h2"]  # key points, agreed, only in, sources, notes


@pytest.mark.parametrize(
    "text", ["2024. A year to remember.", "1) First", "- dash", "+ plus", "* star", "> quote", "---", "# hash", "```"]
)
def test_escaped_text_at_the_start_of_a_list_item_stays_one_item(text: str) -> None:
    rendered = to_html(f"1. {escape_markdown(text)}")
    assert re.findall(r"<([a-z0-9]+)", rendered) == ["ol", "li"]
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == text


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00")))
def test_escaped_text_reads_back_verbatim(text: str) -> None:
    rendered = to_html(escape_markdown(text)).strip()
    expected = " ".join(text.split())
    if not expected:
        assert rendered == ""
        return
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]) == expected


def test_print_markdown_formats_for_a_terminal(story: Story) -> None:
    output = io.StringIO()
    print_markdown(render_markdown(story.brief, short=True), Console(file=output, width=100, color_system=None))
    shown = output.getvalue()
    assert "Troops pull back from the city [1]" in shown
    assert "Troops began withdrawing on Monday. [1][2][3]" in shown
    assert "##" not in shown


def test_a_resolved_speaker_shows_the_sources_own_words_inert(hostile_story: Story) -> None:
    markdown = render_markdown(resolved_quote(hostile_story, f"he {SCRIPT}"))
    assert "**Jens Stoltenberg** (NATO chief; written “he " in markdown
    rendered = to_html(markdown)
    assert set(re.findall(r"<([a-z0-9]+)", rendered)) <= ALLOWED_TAGS | {"strong"}
    assert f"written “he {SCRIPT}”" in html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_a_speaker_the_source_names_is_shown_without_a_note(story: Story) -> None:
    markdown = render_markdown(resolved_quote(story, ""))
    assert "**Jens Stoltenberg** (NATO chief) said:" in markdown


@pytest.mark.parametrize("mark", [":", "―"])
def test_a_label_or_signature_mark_is_no_word_of_the_line(story: Story, mark: str) -> None:
    markdown = render_markdown(resolved_quote(story, "", cue=mark))
    assert "- **Jens Stoltenberg** (NATO chief):" in markdown
    assert f" {mark}:" not in markdown


def test_a_cue_phrase_naming_its_speaker_after_it_opens_the_line(story: Story) -> None:
    markdown = render_markdown(resolved_quote(story, "", cue="According to"))
    assert "- According to **Jens Stoltenberg** (NATO chief):" in markdown
    assert "according to:" not in markdown.lower()
