"""The HTML page: structure, citations that land on the cited sentence, and inert hostile input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from newsprism.errors import VerificationError
from newsprism.model import Citation
from newsprism.render.html import render_html
from tests.render.conftest import ATTRIBUTE_BREAKOUT, MARKDOWN_IMAGE, MARKDOWN_LINK, SCRIPT, Story, resolved_quote

SOURCE_LINK_REL = "noopener noreferrer nofollow"


@dataclass
class Page:
    """What a browser would see of a page: its elements, their attributes, texts and style sheet."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    texts_by_id: dict[str, str] = field(default_factory=dict)
    text: str = ""
    style: str = ""

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if "id" in attrs}

    def links(self) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == "a"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open_ids: list[tuple[str, str]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        self.in_style = tag == "style"
        if tag == "span" and "id" in values:
            self.open_ids.append((values["id"], ""))

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        if tag == "span" and self.open_ids:
            anchor, text = self.open_ids.pop()
            self.page.texts_by_id[anchor] = text

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.page.style += data
            return
        self.page.text += data
        self.open_ids = [(anchor, text + data) for anchor, text in self.open_ids]


def parse(html: str) -> Page:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page


def test_html_has_every_section_in_reading_order(story: Story) -> None:
    html = render_html(story.brief, story.documents)
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[:4] == ["Key points", "Only in one source", "Sources", "Notes"]
    assert headings[4:] == ["[1] Wire", "[2] Daily", "[3] Copycat"]
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Troops pull back from the city</title>" in html


def test_html_citations_jump_to_the_cited_sentence(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents))
    points = [*story.brief.key_points, *(p for group in story.brief.only_in for p in group.points)]
    for point in points:
        for citation in point.citations:
            anchor = f"s{citation.source}-{citation.sentence}"
            document = next(d for d in story.documents if d.article.id == citation.article_id)
            assert page.texts_by_id[anchor] == document.article.text[citation.start : citation.end]
            assert any(link.get("href") == f"#{anchor}" for link in page.links())


def test_html_every_internal_link_has_a_target(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents))
    internal = [link["href"] for link in page.links() if link["href"].startswith("#")]
    assert internal
    assert {href[1:] for href in internal} <= page.ids


def test_html_cited_sentences_are_marked_and_link_back(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents))
    cited = [attrs for tag, attrs in page.elements if tag == "span" and "cited" in attrs.get("class", "").split()]
    assert {attrs["id"] for attrs in cited} == {"s1-0", "s2-0", "s3-0", "s2-1", "s1-2"}
    assert {"href": "#k1", "class": "back", "title": "back to the brief"} in page.links()


def test_html_shows_every_sentence_of_each_source_in_full(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents))
    for number, document in enumerate(story.documents, start=1):
        for sentence in document.sentences:
            assert page.texts_by_id[f"s{number}-{sentence.index}"] == sentence.text


def test_html_shows_removed_boilerplate_collapsed(story: Story) -> None:
    html = render_html(story.brief, story.documents)
    assert re.search(r"<details>\s*<summary>Removed as boilerplate \(1 line\)</summary>", html)
    assert "line 8 (boilerplate): Subscribe to our newsletter" in html


def test_html_marks_copies_and_links_the_original(story: Story) -> None:
    html = render_html(story.brief, story.documents)
    assert 'copy of <a href="#source-2">[2]</a>' in html


def test_html_without_a_source_text_links_citations_to_the_source_entry(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents[:2]))
    hrefs = [link["href"] for link in page.links()]
    assert "#source-3" in hrefs
    assert "text-3" not in page.ids
    assert {href[1:] for href in hrefs if href.startswith("#")} <= page.ids


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sentence": 99}, "has no such sentence"),
        ({"source": 9}, "not source 9"),
        ({"article_id": "0" * 16}, "not source 1"),
    ],
)
def test_html_refuses_citations_of_missing_sentences(story: Story, change: dict[str, object], message: str) -> None:
    point = story.brief.key_points[0]
    broken = Citation.model_validate({**point.citations[0].model_dump(), **change})
    brief = story.brief.model_copy(update={"key_points": [point.model_copy(update={"citations": [broken]})]})
    with pytest.raises(VerificationError, match=message):
        render_html(brief, story.documents)


def test_html_forbids_every_request_by_policy(story: Story) -> None:
    page = parse(render_html(story.brief, story.documents))
    policies = [attrs["content"] for _, attrs in page.elements if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert len(policies) == 1
    assert policies[0].startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert not re.search(r"url\(|@import|https?:|//", page.style)


def test_html_brief_without_headline_or_points_still_renders(story: Story) -> None:
    brief = story.brief.model_copy(update={"headline": None, "key_points": [], "only_in": [], "notes": []})
    html = render_html(brief, [])
    assert '<h1 id="headline">Brief</h1>' in html
    assert "No key points" in html
    assert "Only in one source" not in html


# --- hostile input -------------------------------------------------------------------------------------------


def test_hostile_html_has_no_script_image_frame_or_event_handler(hostile_story: Story) -> None:
    html = render_html(hostile_story.brief, hostile_story.documents)
    page = parse(html)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "base", "form", "b"}
    attributes = {name for _, attrs in page.elements for name in attrs}
    assert not any(name.startswith("on") for name in attributes)
    assert "<script" not in html.lower()


def test_hostile_html_keeps_hostile_text_as_visible_text(hostile_story: Story) -> None:
    page = parse(render_html(hostile_story.brief, hostile_story.documents))
    for text in (SCRIPT, ATTRIBUTE_BREAKOUT, MARKDOWN_LINK, MARKDOWN_IMAGE, "<img src=x onerror=alert(1)>"):
        assert text in page.text


def test_hostile_html_links_only_to_the_page_or_to_web_sources(hostile_story: Story) -> None:
    page = parse(render_html(hostile_story.brief, hostile_story.documents))
    external = [link for link in page.links() if not link["href"].startswith("#")]
    assert len(external) == 1  # the https source; javascript: and data: URLs stay text
    assert external[0]["rel"] == SOURCE_LINK_REL
    assert external[0]["href"].startswith("https://sneaky.example/a%22%3E%3Cscript%3E")
    for _, attrs in page.elements:
        for name, value in attrs.items():
            assert "javascript:" not in value.lower()
            assert "data:" not in value.lower()
            if name != "content" and value not in {link["href"] for link in external}:
                assert "http" not in value, name
                assert "//" not in value, name
    assert not any("src" in attrs for _, attrs in page.elements)


def test_hostile_html_source_urls_outside_http_are_shown_as_text(hostile_story: Story) -> None:
    page = parse(render_html(hostile_story.brief, hostile_story.documents))
    assert "javascript:alert(1)" in page.text
    assert "data:text/html;base64,PHNjcmlwdD4=" in page.text


def test_html_keeps_source_text_that_no_sentence_covers(story: Story) -> None:
    wire = story.documents[0]
    article = wire.article.model_copy(update={"text": "DATELINE — " + wire.article.text + " (c) Wire"})
    shift = len("DATELINE — ")
    sentences = [s.model_copy(update={"start": s.start + shift, "end": s.end + shift}) for s in wire.sentences]
    document = wire.model_copy(update={"article": article, "sentences": sentences})
    page = parse(render_html(story.brief, [document, *story.documents[1:]]))
    assert "DATELINE — Troops began withdrawing on Monday." in page.text
    assert "Officials said 2,000 left.↩ (c) Wire" in page.text  # ↩ links back to the point citing it
    assert page.texts_by_id["s1-2"] == "Officials said 2,000 left."


def test_a_signature_dash_is_no_word_of_the_line(story: Story) -> None:
    page = parse(render_html(resolved_quote(story, "", cue="―"), story.documents))
    assert "Jens Stoltenberg (NATO chief):" in page.text
    assert "―:" not in page.text


def test_a_cue_phrase_naming_its_speaker_after_it_opens_the_line(story: Story) -> None:
    page = parse(render_html(resolved_quote(story, "", cue="according to"), story.documents))
    assert "According to Jens Stoltenberg (NATO chief):" in page.text
    assert "according to:" not in page.text.lower()


def test_a_resolved_speaker_shows_the_sources_own_words_as_text(hostile_story: Story) -> None:
    html = render_html(resolved_quote(hostile_story, f"he {SCRIPT}{ATTRIBUTE_BREAKOUT}"), hostile_story.documents)
    page = parse(html)
    assert f"Jens Stoltenberg (NATO chief; written “he {SCRIPT}{ATTRIBUTE_BREAKOUT}”)" in page.text
    assert "<script" not in html.lower()
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
