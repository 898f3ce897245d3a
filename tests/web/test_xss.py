"""Untrusted article text cannot run in a reader's browser: classic XSS payloads in article titles, texts,
source names and URLs, ingested and served by a real ``newsprism serve``, leave every page inert.

Every page is checked twice: its raw HTML on the server side (parsed, not grepped), and its live DOM in
headless Chromium, which must open no dialog, log no error (nothing even reaches the CSP: everything is
escaped before it), and show each payload as plain visible text.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

from tests.web.conftest import LiveServer, ServerFactory, ingest

# Harmless in HTML even unescaped (the checks below cannot catch them, and need not): breakouts from a script's
# strings (no page has a script), encoded markup and template syntax (shown as written, never decoded or run).
SCRIPT_STRINGS = ['"-alert(1)-"', "';alert(1);//"]
ENCODED = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
]
TEMPLATES = [
    "{{7*7}}",
    "{{ config.items() }}",
    "{% for x in range(3) %}{{ x }}{% endfor %}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{constructor.constructor('alert(1)')()}}",
]
HARMLESS_UNESCAPED = {*SCRIPT_STRINGS, *ENCODED, *TEMPLATES}

PAYLOADS = [
    # Script tags, plain and broken up.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<svg><script>alert(1)</script></svg>",
    "]]><script>alert(1)</script>",
    # Breaking out of attributes, elements and the textarea of the new-story form.
    '"><script>alert(document.domain)</script>',
    "'><script>alert(1)</script>",
    '\\"><script>alert(1)</script>',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    '" autofocus onfocus=alert(1) x="',
    '"><img src=x onerror=alert(1)>',
    "'';!--\"<XSS>=&{()}",
    # Event handlers.
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(\'xss\')">',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img src=`x` onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert('xss')>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<input onfocus=alert(1) autofocus>",
    "<marquee onstart=alert(1)>",
    "<x onclick=alert(1)>click me",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    # javascript: and data: URLs.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<a href="javascript:alert(1)">click me</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href="java&#x09;script:alert(1)">tab</a>',
    "<IMG SRC=javascript:alert('XSS')>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<button formaction=javascript:alert(1)>x</button>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    # iframe srcdoc.
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    # Script-string breakouts, encoded markup and template injection (above): shown exactly as written.
    *SCRIPT_STRINGS,
    *ENCODED,
    *TEMPLATES,
    # Styles: expressions, URLs, imports.
    '<div style="width: expression(alert(1))">',
    '<div style="background:url(javascript:alert(1))">',
    "<style>@import 'http://xss.example/x.css';</style>",
    "<link rel=stylesheet href=//xss.example/x.css>",
    # Comments and parser confusion (mutation XSS).
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]

# Every element the app's own templates use; any other on a page was injected.
ELEMENTS = {
    "html", "head", "meta", "title", "link", "body", "nav", "main", "header", "section", "article", "h1", "h2",
    "h3", "p", "a", "span", "strong", "code", "br", "ol", "ul", "li", "div", "form", "label", "input", "select",
    "option", "button", "textarea", "details", "summary", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcset"}
FORBIDDEN_ATTRIBUTES = {"style", "srcdoc"}

# Words for article texts: each article reads differently, so none is taken for a copy of another.
_WORDS = (
    "harbour council bridge river school hospital market railway library stadium museum airport tunnel "
    "factory orchard vineyard lighthouse quarry reservoir canal ferry college theatre parliament budget "
    "election festival drought flood wildfire vaccine tariff strike pension mortgage census ceasefire"
).split()
_PLACES = "Lisbon Tromso Cork Gdansk Trieste Ghent Porto Bergen Riga Tallinn Malmo Lyon Turin Graz Brno".split()
_SUFFIXES = "ford burg ville mouth stad haven field bridge wick thorpe dale minster hall stow by".split()


_FIRST = "Anna Boris Carla Dmitri Elena Felix Greta Hugo Ines Jonas Karin Lukas".split()
_LAST = "Berg Costa Dahl Eriksen Fabbri Gruber Horvat Ivanova Janssen Kowalski Lind Moreau Novak".split()


def _place(index: int, which: int) -> str:
    """Town names of their own per article: names shared by two articles would rightly join their stories."""
    number = 3 * index + which
    return _PLACES[number % len(_PLACES)] + _SUFFIXES[number // len(_PLACES) % len(_SUFFIXES)]


def _person(index: int, which: int) -> str:
    number = 2 * index + which
    return f"{_FIRST[number % len(_FIRST)]} {_LAST[number // len(_FIRST) % len(_LAST)]}"


def _article(index: int, payload: str) -> dict[str, str]:
    """One article carrying ``payload`` in its title, text and URL, and the next payload as its source name."""
    pick = random.Random(index)
    place, other = _place(index, 0), _place(index, 1)
    a, b, c, d, e, f = pick.sample(_WORDS, 6)
    follow = PAYLOADS[(index + 1) % len(PAYLOADS)]
    text = "\n\n".join(
        [
            f"Officials in {place} said this week that the {a} and the {b} would be reviewed before winter.",
            f"The notice posted by the {c} office read: {payload}",
            f"Residents of {other} were told the {d} plan would cost more than first estimated.",
            # Not the next payload: two texts quoting one message would rightly share a story.
            f"A spokesperson for the {e} committee quoted the message in full.",
            f"Mayor {_person(index, 0)} met {_person(index, 1)} of the {_place(index, 2)} board about it.",
            f"The {f} inquiry in {place} is expected to report its findings in the spring.",
        ]
    )
    urls = [payload, f"https://news.example/{index}/{payload}", f"https://news.example/{index}?q={quote(payload)}"]
    return {
        "title": f"Notice {index} in {place}: {payload}",
        "text": text,
        "source": follow,
        "url": urls[index % 3],
        "published": f"2024-03-{index % 28 + 1:02d}T09:00:00Z",
    }


class _Inspector(HTMLParser):
    """Parses raw HTML the way a browser tokenizes it and records every sign of injected markup."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.problems: list[str] = []
        self.text: list[str] = []
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ELEMENTS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in FORBIDDEN_ATTRIBUTES:
                self.problems.append(f"attribute {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                url = urljoin(self.base, value)
                # Only a link may lead to another site (a source's page); nothing is loaded from one.
                if not _is_web_url(url) or (tag != "a" and urlsplit(url).netloc != urlsplit(self.base).netloc):
                    self.problems.append(f"{name}={value[:60]!r} on <{tag}>")
            if name in {"value", "title"} and value:
                self.values.append(value)
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append("<meta http-equiv>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment <!--{data[:40]}-->")


def _is_web_url(url: str) -> bool:
    # What a browser would make of it: control characters and spaces inside a scheme are dropped.
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return urlsplit(cleaned).scheme.lower() in {"http", "https"}


def _normal(text: str) -> str:
    # A sentence split inside a payload (at "<!", say) puts a back link "↩" between its halves.
    return " ".join(text.replace("↩", "").split())


def raw_html_problems(html: str, base: str, expected: list[str]) -> list[str]:
    """Injected markup in ``html``, and the ``expected`` payloads that are not in its text."""
    inspector = _Inspector(base)
    inspector.feed(html)
    inspector.close()
    problems = list(inspector.problems)
    if "<script" in html.lower():
        problems.append("a <script tag in the raw HTML")
    shown = _normal("".join(inspector.text)) + "\n" + "\n".join(map(_normal, inspector.values))
    problems += [f"payload not shown as text: {p!r}" for p in expected if _normal(p) not in shown]
    return problems


# Run in the page: every element, attribute and URL of the live DOM, and the text a reader sees.
_DOM_PROBLEMS = """([elements, urlAttributes, forbidden]) => {
  const problems = [];
  for (const e of document.querySelectorAll('*')) {
    const tag = e.tagName.toLowerCase();
    if (!elements.includes(tag)) problems.push('element <' + tag + '>');
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || forbidden.includes(name)) problems.push('attribute ' + name + '= on <' + tag + '>');
      if (urlAttributes.includes(name)) {
        let url = null;
        try { url = new URL(a.value, document.baseURI); } catch (error) { /* an unusable base or URL */ }
        const web = url && (url.protocol === 'http:' || url.protocol === 'https:');
        // Only a link may lead to another site (a source's page); nothing is loaded from one.
        if (!web || (tag !== 'a' && url.origin !== location.origin)) problems.push(name + '=' + a.value.slice(0, 60));
      }
    }
  }
  if (document.scripts.length) problems.push(document.scripts.length + ' script element(s)');
  if (document.baseURI !== location.href) problems.push('base URI changed to ' + document.baseURI);
  return problems;
}"""

_VISIBLE_TEXT = """() => {
  const fields = [...document.querySelectorAll('input, textarea')].map(e => e.value);
  return [document.body.innerText, ...fields].join(' ');
}"""


@dataclass
class Watched:
    """Everything a page did that a payload could have caused."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watched(page: Page) -> Watched:
    seen = Watched()

    def on_dialog(dialog: Dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        # Errors and warnings both: a CSP violation report is an error, so any would mean escaping failed.
        if message.type in {"error", "warning"}:
            seen.errors.append(f"{message.type}: {message.text} ({message.location.get('url')})")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(f"page error: {error}"))
    return seen


def dom_problems(page: Page, expected: list[str]) -> list[str]:
    """Injected markup in the live DOM, and ``expected`` payloads a reader does not see as text."""
    problems: list[str] = page.evaluate(
        _DOM_PROBLEMS, [sorted(ELEMENTS), sorted(URL_ATTRIBUTES), sorted(FORBIDDEN_ATTRIBUTES)]
    )
    shown = _normal(page.evaluate(_VISIBLE_TEXT))
    return problems + [f"payload not visible: {p!r}" for p in expected if _normal(p) not in shown]


@pytest.fixture(scope="module")
def payload_server(start_server: ServerFactory, tmp_path_factory: pytest.TempPathFactory) -> LiveServer:
    """A store holding one article per payload (model twins: fast, and each article its own story)."""
    folder = tmp_path_factory.mktemp("xss")
    records = folder / "payloads.jsonl"
    lines = [json.dumps(_article(index, payload)) for index, payload in enumerate(PAYLOADS)]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest([records], folder / "corpus.db", twins=True)
    return start_server(folder / "corpus.db", twins=True)


def _shown_on(html: str, *, titles_only: bool = False) -> list[str]:
    """The payloads a page of the payload store must show: the title payload of each article on it and,
    where sources are named, the next payload (its source name)."""
    indexes = sorted({int(n) for n in re.findall(r"Notice (\d+) in", unescape(html))})
    if titles_only:
        return [PAYLOADS[i] for i in indexes]
    return [PAYLOADS[j % len(PAYLOADS)] for i in indexes for j in (i, i + 1)]


@pytest.fixture(scope="module")
def site(payload_server: LiveServer) -> list[tuple[str, list[str]]]:
    """Every story list page, story page, source page and side-by-side page, with the payloads each shows."""
    pages: list[tuple[str, list[str]]] = []
    stories: list[str] = []
    number = 1
    while True:
        path = f"/?page={number}"
        listing = payload_server.get(path).text
        pages.append((path, _shown_on(listing, titles_only=True)))
        stories += re.findall(r'href="(/stories/\d+)"', listing)
        if 'rel="next"' not in listing:
            break
        number += 1
    for story in dict.fromkeys(stories):
        html = payload_server.get(story).text
        pages.append((story, _shown_on(html)))
        sources = sorted(set(re.findall(rf'href="({story}/sources/\d+)', html)))
        for source in sources:
            pages.append((source, _shown_on(payload_server.get(source).text)))
        if len(sources) > 1:
            compare = f"{story}/compare?a=1&b=2"
            pages.append((compare, _shown_on(payload_server.get(compare).text)))
    return pages


def _pasted(payloads: list[str]) -> str:
    """The new-story form's text box: articles titled, sourced and written with the payloads."""
    blocks = []
    for n in range(0, len(payloads), 3):
        title, source, said = (payloads[(n + k) % len(payloads)] for k in range(3))
        pick = random.Random(1000 + n)
        place, other = pick.sample(_PLACES, 2)
        a, b, c, d = pick.sample(_WORDS, 4)
        blocks.append(
            f"Pasted {n} from {place}: {title}\nSource: {source}\n"
            f"The mayor of {place} read out a statement about the {a} on Tuesday: {said}\n"
            f"Members of the {b} board in {other} said they would vote on the {c} plan next week.\n"
            f"Critics of the {d} called the message {title} a distraction."
        )
    return "\n---\n".join(blocks)


# URLs for the form's URL box that are never fetched: not http(s), or on the server's own network (refused).
FORM_URLS = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://127.0.0.1/?q=<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
]


def test_there_are_enough_distinct_payloads() -> None:
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def _unescaped(payload: str) -> list[str]:
    """``payload`` pasted unescaped into text, attributes (both quotes) and a link: what escaping prevents."""
    return [
        f"<p>{payload}</p>",
        f'<span title="{payload}">x</span>',
        f"<span title='{payload}'>x</span>",
        f'<a href="{payload}">x</a>',
    ]


def test_the_checks_catch_every_dangerous_payload_left_unescaped(browser: Browser) -> None:
    """The checks below can fail: each dangerous payload, not escaped, is caught on the server and in the DOM."""
    assert set(PAYLOADS) >= HARMLESS_UNESCAPED
    missed_raw = []
    missed_dom = []
    # Scripts off: the payloads are parsed into the DOM here, but must not run in the test's browser.
    context = browser.new_context(java_script_enabled=False)
    try:
        for payload in PAYLOADS:
            if payload in HARMLESS_UNESCAPED:
                continue
            if not any(raw_html_problems(html, "http://127.0.0.1/", []) for html in _unescaped(payload)):
                missed_raw.append(payload)
            # A page per payload and a document per context: some parser confusions take a page down with them.
            page = context.new_page()
            caught = False
            for html in _unescaped(payload):
                page.set_content(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>")
                caught = caught or bool(dom_problems(page, []))
            page.close()
            if not caught:
                missed_dom.append(payload)
    finally:
        context.close()
    assert missed_raw == []
    assert missed_dom == []


def test_every_payload_was_ingested_into_its_own_story(site: list[tuple[str, list[str]]]) -> None:
    listed = [p for path, shown in site if path.startswith("/?") for p in shown]
    assert sorted(listed) == sorted(PAYLOADS)


def test_raw_html_of_every_page_is_inert(payload_server: LiveServer, site: list[tuple[str, list[str]]]) -> None:
    failures = []
    for path, shown in site:
        response = payload_server.get(path)
        assert response.status_code == 200, path
        assert "script-src" not in response.headers["content-security-policy"]
        assert shown, f"{path} shows no payload"
        failures += [f"{path}: {p}" for p in raw_html_problems(response.text, payload_server.url + path, shown)]
    assert failures == []


def test_raw_html_of_searches_and_the_form_is_inert(payload_server: LiveServer) -> None:
    failures = []
    for payload in PAYLOADS:
        response = httpx.get(payload_server.url + "/", params={"q": payload}, timeout=60)
        assert response.status_code == 200
        failures += [f"search {payload!r}: {p}" for p in raw_html_problems(response.text, str(response.url), [payload])]
    briefed = payload_server.post("/new", {"articles": _pasted(PAYLOADS), "urls": "\n".join(FORM_URLS)})
    assert briefed.status_code == 200
    failures += [f"new brief: {p}" for p in raw_html_problems(briefed.text, payload_server.url, PAYLOADS)]
    # Titles without text: nothing to brief, so the form comes back holding what was typed.
    untexted = "\n---\n".join(PAYLOADS)
    refused = payload_server.post("/new", {"articles": untexted, "urls": ""})
    assert refused.status_code == 422
    failures += [f"form again: {p}" for p in raw_html_problems(refused.text, payload_server.url, PAYLOADS)]
    assert failures == []


def test_every_page_is_inert_in_the_browser(
    page: Page, watched: Watched, payload_server: LiveServer, site: list[tuple[str, list[str]]]
) -> None:
    failures = []
    for path, shown in site:
        page.goto(payload_server.url + path)
        failures += [f"{path}: {p}" for p in dom_problems(page, shown)]
    assert watched.dialogs == []
    assert watched.errors == []
    assert failures == []


def test_searches_are_inert_in_the_browser(page: Page, watched: Watched, payload_server: LiveServer) -> None:
    failures = []
    page.goto(payload_server.url + "/")
    for payload in PAYLOADS:
        page.fill("input#q", payload)
        with page.expect_navigation():
            page.get_by_role("button", name="Search").click()
        assert page.input_value("input#q") == payload
        failures += [f"search {payload!r}: {p}" for p in dom_problems(page, [payload])]
    assert watched.dialogs == []
    assert watched.errors == []
    assert failures == []


def test_the_new_story_form_is_inert_in_the_browser(
    page: Page, watched: Watched, payload_server: LiveServer, artifacts: Path
) -> None:
    page.goto(payload_server.url + "/new")
    page.fill("textarea#articles", _pasted(PAYLOADS))
    page.fill("textarea#urls", "\n".join(FORM_URLS))
    page.get_by_role("button", name="Write the brief").click()
    page.wait_for_selector("h1#headline")
    failures = [f"new brief: {p}" for p in dom_problems(page, PAYLOADS)]
    page.screenshot(path=str(artifacts / "xss-new-brief.png"), full_page=True)
    assert watched.errors == []

    # A form that comes back (nothing to brief) holds exactly what was typed: no </textarea> breakout.
    untexted = "\n---\n".join(PAYLOADS)
    page.goto(payload_server.url + "/new")
    page.fill("textarea#articles", untexted)
    page.get_by_role("button", name="Write the brief").click()
    page.wait_for_selector(".problems")
    assert page.input_value("textarea#articles") == untexted
    failures += [f"form again: {p}" for p in dom_problems(page, [])]
    assert watched.dialogs == []
    # Chromium logs the form's 422 answer itself; nothing else may show up.
    assert [e for e in watched.errors if "status of 422" not in e] == []
    assert failures == []
