"""The web app in a real browser: a ``newsprism serve`` process over the bundled example, ingested with the
real models (so its five articles form one story), driven by headless Chromium.

Each test saves a full-page screenshot to ``test-artifacts/web/`` for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, ViewportSize

from tests.web.conftest import ROOT, LiveServer, ServerFactory, ingest

pytestmark = pytest.mark.slow

EXAMPLE = sorted((ROOT / "examples" / "russia-pullback").glob("*.txt"))
PHONE: ViewportSize = {"width": 375, "height": 812}

PASTED = """Harbour bridge to close for repairs
Source: Coast Gazette
The harbour bridge will close for six weeks from Monday while engineers replace its worn cables.
The city council said buses would run a free shuttle across the river during the works.
Engineers said the cables had corroded faster than expected after two wet winters.
---
Council shuts harbour bridge for six weeks
Source: River Times
The council will close the harbour bridge for six weeks from Monday to replace corroded cables.
A free shuttle bus will cross the river while the bridge is shut, the council said.
Shop owners near the bridge said they feared losing customers during the closure.
"""


@pytest.fixture(scope="module")
def example_server(start_server: ServerFactory, tmp_path_factory: pytest.TempPathFactory) -> LiveServer:
    """The example's five articles ingested with the real models, served with the real models."""
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    ingest(EXAMPLE, db, twins=False)
    return start_server(db, twins=False)


@pytest.fixture(scope="module")
def story_path(example_server: LiveServer) -> str:
    """The path of the example's one story (computing its brief once, so the pages below open quickly)."""
    listing = example_server.get("/").text
    paths = sorted(set(re.findall(r'href="(/stories/\d+)"', listing)))
    assert len(paths) == 1, f"the example should be one story, got {paths}"
    path: str = paths[0]
    assert example_server.get(path).status_code == 200
    return path


@pytest.fixture
def problems(page: Page) -> list[str]:
    """Console errors and uncaught page errors; a CSP violation (an inline style, say) shows up here too."""
    found: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    return found


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def background(page: Page, selector: str) -> str:
    value: str = page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")
    return value


def no_horizontal_scroll(page: Page) -> int:
    width: int = page.evaluate("document.scrollingElement.scrollWidth")
    return width


def test_story_list_opens_the_example_story(
    page: Page, example_server: LiveServer, story_path: str, artifacts: Path, problems: list[str]
) -> None:
    page.goto(example_server.url + "/")
    stories = page.locator("ol.story-list > li")
    assert stories.count() == 1
    assert "5 sources" in stories.first.inner_text()
    shot(page, artifacts, "01-story-list")

    stories.first.locator("a.headline").click()
    page.wait_for_url(f"**{story_path}")
    assert page.locator("h1#headline").inner_text().strip()
    assert page.locator("#key-points li").count() >= 3
    assert page.locator("#sources li").count() == 5
    shot(page, artifacts, "02-story")
    assert problems == []


def test_conflicts_and_disputes_look_different(page: Page, example_server: LiveServer, story_path: str) -> None:
    page.goto(example_server.url + story_path)
    sections = [s for s in ("#conflicts", "#disputed") if page.locator(s).count()]
    if len(sections) < 2:
        pytest.skip(f"the example's brief has only {sections or 'neither of conflicts and disputes'}")
    style = "e => { const s = getComputedStyle(e); return [s.borderLeftStyle, s.borderLeftColor]; }"
    conflicts = page.eval_on_selector("#conflicts", style)
    disputed = page.eval_on_selector("#disputed", style)
    assert conflicts[0] != disputed[0]
    assert conflicts[1] != disputed[1]
    assert background(page, "#conflicts .value") != background(page, "#disputed .said")


def test_a_citation_opens_its_source_with_the_cited_sentence_highlighted(
    page: Page, example_server: LiveServer, story_path: str, artifacts: Path, problems: list[str]
) -> None:
    page.goto(example_server.url + story_path)
    point = page.locator("#key-points li").first
    citation = point.locator("a.cite[href*='?s=']").first
    href = citation.get_attribute("href")
    assert href is not None
    source_name = citation.get_attribute("title")
    point_text = point.evaluate("li => [...li.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('')")
    fragment = urlsplit(href).fragment
    number, sentence = re.fullmatch(r"s(\d+)-(\d+)", fragment).groups()  # type: ignore[union-attr]
    assert href.startswith(f"{story_path}/sources/{number}?s={sentence}#")

    citation.click()
    page.wait_for_url(f"**/sources/{number}?s={sentence}*")
    marked = page.locator("[aria-current='true']")
    assert marked.count() == 1
    assert marked.get_attribute("id") == fragment
    assert "highlight" in (marked.get_attribute("class") or "").split()
    # The highlight is visible: its background is not the page's.
    assert background(page, "[aria-current='true']") != background(page, "body")
    assert marked.is_visible()
    # The sentence the citation names is the key point's own text (a brief copies it verbatim).
    assert " ".join(marked.inner_text().split()) == " ".join(point_text.split())
    assert page.locator(f"#text-{number} h2").inner_text() == f"[{number}] {source_name}"
    # The fragment scrolled the highlighted sentence into the viewport.
    box = marked.bounding_box()
    assert box is not None
    viewport = page.viewport_size
    assert viewport is not None
    assert 0 <= box["y"] < viewport["height"]
    shot(page, artifacts, "03-source-highlighted")
    assert problems == []


def test_compare_and_person_pages(
    page: Page, example_server: LiveServer, story_path: str, artifacts: Path, problems: list[str]
) -> None:
    page.goto(f"{example_server.url}{story_path}/compare?a=1&b=2")
    texts = page.locator(".side-by-side article.source-text")
    assert texts.count() == 2
    assert texts.nth(0).locator("h2").inner_text().startswith("[1]")
    assert texts.nth(1).locator("h2").inner_text().startswith("[2]")
    first, second = (texts.nth(n).bounding_box() for n in (0, 1))
    assert first is not None
    assert second is not None
    assert first["x"] < second["x"], "not side by side on a desk"
    shot(page, artifacts, "04-compare")

    page.goto(example_server.url + story_path)
    # A speaker the source names only as 'he' shows those words beside the name we give, here and there.
    assert page.locator("li .as-written").count() > 0
    person = page.locator("#people a").first
    name = person.inner_text()
    resolved = page.locator("li", has=page.locator(".speaker", has_text=name)).locator(".as-written").count()
    person.click()
    page.wait_for_url("**/people/*")
    assert page.locator("h1").inner_text() == name
    assert page.locator("#roles").count() == 1
    assert page.locator("#quotes").count() == 1
    assert page.locator("#quotes .as-written").count() == resolved
    # Each cue is worded as on the story page: a word ('said'), never a bare label colon or dash.
    cues = page.locator("#quotes .cue").all_inner_texts()
    assert cues
    assert all(any(c.isalpha() for c in cue) for cue in cues), cues
    shot(page, artifacts, "05-person")
    assert problems == []


def test_new_story_form_briefs_pasted_articles(
    page: Page, example_server: LiveServer, artifacts: Path, problems: list[str]
) -> None:
    page.goto(example_server.url + "/")
    page.get_by_role("link", name="New story").click()
    page.wait_for_url("**/new")
    page.fill("textarea#articles", PASTED)
    with page.expect_navigation():
        page.get_by_role("button", name="Write the brief").click()
    assert page.locator("h1#headline").count() == 1
    assert page.locator("#key-points li").count() + page.locator("#sources li").count() > 0
    sources = page.locator("#sources li").all_inner_texts()
    assert any("Coast Gazette" in s for s in sources)
    assert any("River Times" in s for s in sources)
    shot(page, artifacts, "06-new-story")
    assert problems == []


def test_pages_fit_a_phone(browser: Browser, example_server: LiveServer, story_path: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for name, path in [
            ("07-phone-story", story_path),
            ("08-phone-source", f"{story_path}/sources/1?s=0#s1-0"),
            ("09-phone-compare", f"{story_path}/compare?a=1&b=2"),
            ("10-phone-story-list", "/"),
            ("11-phone-new", "/new"),
        ]:
            page.goto(example_server.url + path)
            width = no_horizontal_scroll(page)
            if name.startswith("07"):
                shot(page, artifacts, name)
            else:
                page.screenshot(path=str(artifacts / f"{name}.png"), full_page=False)
            assert width <= PHONE["width"], f"{path} scrolls sideways on a phone: {width}px wide"
    finally:
        context.close()
