"""A brief as one self-contained HTML page: the brief on top, every source's full text below.

Each citation ``[n]`` links to the cited sentence (``#s{source}-{sentence}``), which CSS ``:target``
highlights, so a reader checks any point in one click, offline, with no JavaScript. The page makes
no requests of its own (a Content-Security-Policy forbids them) and every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from jinja2 import BaseLoader, Environment, PackageLoader, StrictUndefined

from newsprism.errors import VerificationError
from newsprism.model import Brief, Citation, KeyPoint, ParsedArticle, RemovedLine, SourceEntry
from newsprism.render.fields import (
    actor_groups,
    agreed_points,
    placed_cue,
    published_text,
    roles_by_source,
    web_url,
)


@dataclass(frozen=True)
class CitationLink:
    """A citation ``[number]`` as shown: where it jumps and what its tooltip says."""

    number: int
    href: str
    title: str


@dataclass(frozen=True)
class PointView:
    """A key point or only-in point with its anchor and citation links."""

    anchor: str
    text: str
    citations: list[CitationLink]


@dataclass(frozen=True)
class SourceView:
    """A source as listed, and (when its text is at hand) as shown in full."""

    number: int
    name: str
    title: str
    url: str
    href: str | None
    published: str
    duplicate_of: int | None
    language: str | None = None
    paragraphs: list[list[Segment]] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    has_text: bool = False
    text_href: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of article text: a sentence (with an ``anchor``) or the text between sentences."""

    text: str
    anchor: str | None = None
    cited_by: str | None = None
    highlighted: bool = False


@dataclass(frozen=True)
class OnlyInView:
    """The points only one source reports."""

    number: int
    name: str
    points: list[PointView]


@dataclass(frozen=True)
class QuoteView:
    """One statement of a speaker, with links to every source carrying it."""

    anchor: str
    speaker: str
    as_written: str | None  # 'he', 'the spokesman': the source's words for a speaker newsprism resolved
    role: str | None
    cue: str
    cue_first: bool  # 'According to NATO': a cue phrase naming its speaker after it (``placed_cue``)
    reported: bool
    text: str
    citations: list[CitationLink]


@dataclass(frozen=True)
class ActorView:
    """The statements of everyone speaking for one actor."""

    actor: str
    quotes: list[QuoteView]


@dataclass(frozen=True)
class PersonView:
    """A person with every name form and the roles each source gives them."""

    name: str
    other_names: list[str]
    roles: list[tuple[str, int]]
    href: str | None = None


def _who_said_what(brief: Brief, links: _CitationLinker) -> list[ActorView]:
    views = []
    number = 0
    for actor, entries in actor_groups(brief.quotes):
        quotes = []
        for entry in entries:
            number += 1
            anchor = f"q{number}"
            citations = [links.link(anchor, citation) for citation in entry.citations]
            cue, first = placed_cue(entry.cue)
            quotes.append(
                QuoteView(
                    anchor,
                    entry.speaker,
                    entry.speaker_as_written,
                    entry.role,
                    cue,
                    first,
                    entry.kind != "direct",
                    entry.text,
                    citations,
                )
            )
        views.append(ActorView(actor, quotes))
    return views


@dataclass(frozen=True)
class ConflictView:
    """A fact the sources contradict each other on, each side with links to its sources."""

    kind: str
    subject: str
    values: list[tuple[str, list[CitationLink]]]


def _conflicts(brief: Brief, links: _CitationLinker) -> list[ConflictView]:
    return [
        ConflictView(
            conflict.kind,
            conflict.subject,
            [(v.text, [links.link(f"c{n}", c) for c in v.citations]) for v in conflict.values],
        )
        for n, conflict in enumerate(brief.conflicts, start=1)
    ]


@dataclass(frozen=True)
class ClaimView:
    """A disputed claim: who claims it, and each other actor's statement for or against it."""

    anchor: str
    claimant: str
    text: str
    citations: list[CitationLink]
    disputers: list[tuple[str, str, list[CitationLink]]]
    supporters: list[tuple[str, str, list[CitationLink]]]


def _disputed(brief: Brief, links: _CitationLinker) -> list[ClaimView]:
    views = []
    for n, claim in enumerate((c for c in brief.claims if c.disputers), start=1):
        anchor = f"d{n}"
        views.append(
            ClaimView(
                anchor,
                claim.claimant,
                claim.text,
                [links.link(anchor, c) for c in claim.citations],
                [(s.speaker, s.text, [links.link(anchor, c) for c in s.citations]) for s in claim.disputers],
                [(s.speaker, s.text, [links.link(anchor, c) for c in s.citations]) for s in claim.supporters],
            )
        )
    return views


def _people(brief: Brief, targets: Targets) -> list[PersonView]:
    number_of = {entry.article_id: entry.number for entry in brief.sources}
    return [
        PersonView(
            person.name,
            [n for n in person.names if n != person.name],
            roles_by_source(person, number_of),
            targets.person(index),
        )
        for index, person in enumerate(brief.people, start=1)
    ]


class Targets:
    """Where a brief's links lead. The default keeps every link inside one self-contained page, with the
    sources' full texts below the brief; a web app overrides these to point at its own pages."""

    #: Whether the sources' full texts are part of the page (else citations lead elsewhere).
    texts_on_page = True

    def sentence(self, source: int, sentence: int) -> str:
        return f"#s{source}-{sentence}"

    def source_text(self, source: int) -> str:
        return f"#text-{source}"

    def person(self, index: int) -> str | None:
        """The page of the brief's ``index``-th person (1-based), if there is one."""
        return None


def render_html(brief: Brief, documents: Sequence[ParsedArticle]) -> str:
    """The brief and its sources' full texts as one self-contained HTML page.

    Raises ``VerificationError`` when a citation names a source or sentence that the brief's
    sources or ``documents`` do not have; sources missing from ``documents`` are listed without text.
    """
    return html_environment().get_template("brief.html.j2").render(brief_context(brief, documents))


def brief_context(brief: Brief, documents: Sequence[ParsedArticle], targets: Targets | None = None) -> dict[str, Any]:
    """What the brief templates show, every citation checked and turned into a link to ``targets``."""
    targets = targets or Targets()
    by_article = {document.article.id: document for document in documents}
    by_number = {entry.number: entry for entry in brief.sources}
    links = _CitationLinker(by_number, by_article, targets)
    key_points = [links.point(f"k{index}", point) for index, point in enumerate(brief.key_points, start=1)]
    only_in = [
        OnlyInView(
            number=group.source,
            name=_name(by_number, group.source),
            points=[links.point(f"o{group.source}-{index}", point) for index, point in enumerate(group.points, 1)],
        )
        for group in brief.only_in
    ]
    headline = None
    if brief.headline is not None:
        number = brief.headline.source
        target = targets.source_text(number) if brief.headline.article_id in by_article else f"#source-{number}"
        headline = PointView("headline", brief.headline.text, [CitationLink(number, target, _name(by_number, number))])
    who_said_what = _who_said_what(brief, links)
    agreed = [links.point(f"a{n}", point) for n, point in enumerate(agreed_points(brief), start=1)]
    numbers = [
        (
            entry.measure,
            entry.kind,
            [
                links.point(f"n{n}-{m}", KeyPoint(text=f.text, citations=f.citations))
                for m, f in enumerate(entry.figures, start=1)
            ],
        )
        for n, entry in enumerate(brief.numbers, start=1)
    ]
    timeline = [
        (
            item.date or f"{item.date_text} (unresolved)",
            links.point(f"t{n}", KeyPoint(text=item.text, citations=item.citations)),
        )
        for n, item in enumerate(brief.timeline, start=1)
    ]
    conflicts = _conflicts(brief, links)
    disputed = _disputed(brief, links)
    sources = [source_view(entry, by_article.get(entry.article_id), links.cited_by, targets) for entry in brief.sources]
    return {
        "title": brief.headline.text if brief.headline else "Brief",
        "headline": headline,
        "key_points": key_points,
        "only_in": only_in,
        "who_said_what": who_said_what,
        "conflicts": conflicts,
        "disputed": disputed,
        "agreed": agreed,
        "numbers": numbers,
        "timeline": timeline,
        "people": _people(brief, targets),
        "source_notes": brief.source_notes,
        "source_names": {entry.number: entry.source for entry in brief.sources},
        "sources": sources,
        "texts_on_page": targets.texts_on_page,
        "notes": brief.notes,
    }


class _CitationLinker:
    """Turns citations into links, checking each points at a sentence that exists, and records backlinks."""

    def __init__(
        self, by_number: Mapping[int, SourceEntry], by_article: Mapping[str, ParsedArticle], targets: Targets
    ) -> None:
        self.by_number = by_number
        self.by_article = by_article
        self.targets = targets
        self.cited_by: dict[tuple[str, int], str] = {}

    def point(self, anchor: str, point: KeyPoint) -> PointView:
        return PointView(anchor, point.text, [self.link(anchor, citation) for citation in point.citations])

    def link(self, anchor: str, citation: Citation) -> CitationLink:
        entry = self.by_number.get(citation.source)
        if entry is None or entry.article_id != citation.article_id:
            raise VerificationError(
                f"citation [{citation.source}] names article {citation.article_id!r}, "
                f"which is not source {citation.source} of the brief"
            )
        document = self.by_article.get(citation.article_id)
        if document is None:
            # Without the source's text, the reader can still reach the source's entry and URL.
            return CitationLink(citation.source, f"#source-{citation.source}", entry.source)
        if not any(sentence.index == citation.sentence for sentence in document.sentences):
            raise VerificationError(
                f"citation [{citation.source}] points at sentence {citation.sentence} of article "
                f"{citation.article_id!r} ({entry.source}), which has no such sentence"
            )
        self.cited_by.setdefault((citation.article_id, citation.sentence), anchor)
        return CitationLink(citation.source, self.targets.sentence(citation.source, citation.sentence), entry.source)


def _name(by_number: Mapping[int, SourceEntry], number: int) -> str:
    return by_number[number].source if number in by_number else "unknown source"


def source_view(
    entry: SourceEntry,
    document: ParsedArticle | None,
    cited_by: Mapping[tuple[str, int], str] | None = None,
    targets: Targets | None = None,
    highlight: int | None = None,
) -> SourceView:
    """A source as listed and, when its text is at hand, in full, split into sentences that can be cited
    (``highlight`` marks one sentence, by index, as the one a reader came to see)."""
    targets = targets or Targets()
    view = SourceView(
        number=entry.number,
        name=entry.source,
        title=entry.title,
        url=entry.url or "",
        href=web_url(entry.url),
        published=published_text(entry.published),
        duplicate_of=entry.duplicate_of,
    )
    if document is None:
        return view
    return replace(
        view,
        language=document.article.language,
        paragraphs=list(_paragraphs(entry.number, document, cited_by or {}, highlight)),
        removed=list(document.article.removed),
        has_text=True,
        text_href=targets.source_text(entry.number),
    )


def _paragraphs(
    number: int, document: ParsedArticle, cited_by: Mapping[tuple[str, int], str], highlight: int | None
) -> Iterable[list[Segment]]:
    text = document.article.text
    sentences = sorted(document.sentences, key=lambda sentence: (sentence.start, sentence.index))
    if not sentences:
        yield from ([Segment(block.strip())] for block in text.split("\n\n") if block.strip())
        return
    paragraph: list[Segment] = []
    current = sentences[0].paragraph
    position = 0
    for sentence in sentences:
        gap = text[position : sentence.start]
        if sentence.paragraph != current and paragraph:
            # Text between paragraphs that no sentence covers is kept, so the source reads in full.
            if gap.strip():
                paragraph.append(Segment(gap))
            yield paragraph
            paragraph, current, gap = [], sentence.paragraph, ""
        if gap.strip() or (gap and paragraph):
            paragraph.append(Segment(gap))
        anchor = f"s{number}-{sentence.index}"
        cited = cited_by.get((document.article.id, sentence.index))
        paragraph.append(
            Segment(
                text[sentence.start : sentence.end],
                anchor,
                f"#{cited}" if cited else None,
                highlighted=sentence.index == highlight,
            )
        )
        position = max(position, sentence.end)
    if text[position:].strip():
        paragraph.append(Segment(text[position:]))
    yield paragraph


def html_environment(loader: BaseLoader | None = None) -> Environment:
    """The Jinja environment of every HTML page: autoescaping always, as all text comes from untrusted articles."""
    return Environment(
        loader=loader or PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
