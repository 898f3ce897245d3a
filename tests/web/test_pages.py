"""The pages: stories listed and searched, a story's brief, its citations opening the cited sentence."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.web.corpus import STORY, client, twin_store

CITATION = re.compile(r'class="cite" href="(/stories/\d+/sources/\d+\?s=\d+#s\d+-\d+)"')


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return twin_store(tmp_path, STORY)


def test_story_list_shows_each_story_with_its_source_count(store_url: str) -> None:
    with client(store_url) as app:
        page = app.get("/")
    assert page.status_code == 200
    assert 'href="/stories/0"' in page.text
    assert "2 sources" in page.text
    assert "Russia says troops return to base" in page.text


def test_search_finds_stories_by_text_and_misses_others(store_url: str) -> None:
    with client(store_url) as app:
        found = app.get("/", params={"q": "believe it when"})
        missed = app.get("/", params={"q": "earthquake"})
    assert 'href="/stories/0"' in found.text
    assert 'href="/stories/0"' not in missed.text
    assert "No stories match" in missed.text


def test_story_page_citations_open_the_cited_sentence_highlighted(store_url: str) -> None:
    with client(store_url) as app:
        story = app.get("/stories/0")
        links = CITATION.findall(story.text)
        assert links, "the story page cites no sentence"
        path, _, anchor = html.unescape(links[0]).partition("#")
        source = app.get(path)
    assert source.status_code == 200
    highlighted = re.search(r'<span class="s highlight" id="([^"]+)" aria-current="true">([^<]+)</span>', source.text)
    assert highlighted is not None
    assert highlighted.group(1) == anchor
    # The highlighted text is a sentence of the article, as stored.
    sentence = html.unescape(highlighted.group(2)).strip()
    assert sentence
    assert any(sentence in str(record["text"]) for record in STORY)


def test_story_page_is_served_from_the_cache_until_the_story_changes(store_url: str, tmp_path: Path) -> None:
    from newsprism.corpus import CorpusOptions, ingest_inputs
    from newsprism.store import Store
    from newsprism.store.process import ProcessOptions, TwinModels
    from newsprism.stories import StoryOptions
    from tests.web.corpus import write_jsonl

    with client(store_url) as app:
        first = app.get("/stories/0").text
        assert app.get("/stories/0").text == first
        later = {**STORY[1], "source": "Third Outlet", "url": "https://third.example/c", "title": STORY[0]["title"]}
        later["text"] = str(later["text"]).replace("Ukraine's foreign minister", "A Ukrainian official")
        store = Store.open(store_url)
        try:
            options = CorpusOptions(process=ProcessOptions(stories=StoryOptions(threshold=0.05, entity_weight=0.0)))
            ingest_inputs([str(write_jsonl(tmp_path / "later.jsonl", [later]))], store, TwinModels(), options)
        finally:
            store.close()
        updated = app.get("/stories/0").text
    assert "Third Outlet" in updated
    assert "Third Outlet" not in first


def test_compare_person_and_missing_pages(store_url: str) -> None:
    with client(store_url) as app:
        compare = app.get("/stories/0/compare", params={"a": 1, "b": 2})
        assert compare.status_code == 200
        assert compare.text.count('class="source-text"') == 2
        assert app.get("/stories/0/compare", params={"a": 1, "b": 9}).status_code == 404
        assert app.get("/stories/0/sources/7").status_code == 404
        assert app.get("/stories/0/people/99").status_code == 404
        missing = app.get("/stories/12345")
    assert missing.status_code == 404
    assert "no story 12345" in missing.text
    assert missing.headers["content-type"].startswith("text/html")


def test_new_story_form_briefs_pasted_articles_without_storing_them(store_url: str) -> None:
    pasted = "\n---\n".join(f"{r['title']}\nSource: {r['source']}\n{r['text']}" for r in STORY)
    with client(store_url) as app:
        assert app.get("/new").status_code == 200
        result = app.post("/new", data={"articles": pasted})
        empty = app.post("/new", data={"articles": "  "})
        stories = app.get("/api/stories").json()
    assert result.status_code == 200
    assert "Wire One" in result.text
    assert "Paper Two" in result.text
    assert 'id="s1-0"' in result.text  # the sources' texts are on the page, so citations jump within it
    assert empty.status_code == 422
    assert "paste at least one article" in empty.text
    assert stories["total"] == 1


def test_api_docs_page_lists_the_endpoints_without_external_assets(store_url: str) -> None:
    with client(store_url) as app:
        docs = app.get("/api/docs")
    assert docs.status_code == 200
    assert "/api/stories/{story_id}/brief" in docs.text
    assert "http://" not in docs.text
    assert "https://" not in docs.text
