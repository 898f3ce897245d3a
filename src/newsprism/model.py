"""The typed records that flow through every stage of newsprism.

Each stage reads records of this module and returns new or enriched ones; nothing here does I/O.
Every record round-trips through JSON (``model_dump(mode="json")`` / ``model_validate``).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

_WHITESPACE = re.compile(r"\s+")


class Record(BaseModel):
    """Base of all records: strict about unknown fields so a typo in JSON is an error."""

    model_config = ConfigDict(extra="forbid")


def content_id(text: str) -> str:
    """Stable id of an article: a hash of its whitespace-normalised text."""
    normalised = _WHITESPACE.sub(" ", text).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


class RemovedLine(Record):
    """A line the cleaner took out of an article, kept so every removal can be audited."""

    line: int = Field(description="0-based line number in the extracted text; -1 for a line taken as the title")
    text: str
    reason: str


class Article(Record):
    """One news article as ingested: text plus what is known about where it came from."""

    id: str = Field(description="content hash of the extracted text")
    source: str = Field(description="outlet or file label shown to readers")
    title: str = ""
    url: str | None = None
    published: datetime | None = None
    text: str = Field(description="article body after cleaning; offsets point into this text")
    origin: str = Field("", description="file, URL or stream the article was read from")
    language: str | None = None
    removed: list[RemovedLine] = Field(default_factory=list)


class Sentence(Record):
    """A sentence of an article, with character offsets into ``Article.text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


class Mention(Record):
    """A named-entity mention with character offsets into its article."""

    article_id: str
    start: int
    end: int
    text: str
    label: str


class ParsedArticle(Record):
    """An article with the sentences and mentions the NLP stage found in it."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention] = Field(default_factory=list)


class RoleSpan(Record):
    """A role or title as one article words it ("German Chancellor", "Kremlin spokesman")."""

    article_id: str = Field(description="id of the article that gives the role")
    text: str = Field(description="the role, verbatim")
    start: int = Field(description="character offset of the role in the article text")
    end: int = Field(description="character offset where the role ends (exclusive)")
    actor: str | None = Field(None, description="country or organisation the role is held for, where the words say")


class PersonMention(Record):
    """A named person in one article, with the roles that article gives them (verbatim spans)."""

    article_id: str
    name: str
    start: int
    end: int
    roles: list[RoleSpan] = Field(default_factory=list)


class Person(Record):
    """One real person across all sources: every name form, and the roles each source gives them."""

    id: int = Field(description="number of the person in this brief")
    name: str = Field(description="the fullest name form the sources use")
    names: list[str] = Field(description="every form of the name the sources use, most used first")
    roles: list[RoleSpan] = Field(default_factory=list, description="each role a source gives the person")
    actor: str | None = Field(None, description="the country or organisation the person speaks for, if stated")
    article_ids: list[str] = Field(default_factory=list, description="ids of the articles naming the person")
    mentions: int = Field(0, description="how many times the sources name the person")


class SentenceRef(Record):
    """Points at one sentence of one article."""

    article_id: str
    sentence: int


class Statement(Record):
    """Sentences from different sources that say the same thing."""

    id: int
    members: list[SentenceRef]
    support: int = Field(description="number of independent sources (copies of one text count once)")
    centrality: float = Field(0.0, allow_inf_nan=False)


class DuplicateLink(Record):
    """An article that is a (near-)copy of another; copies never count as independent sources."""

    article_id: str
    original_id: str
    similarity: float = Field(allow_inf_nan=False)


class Story(Record):
    """A group of articles that report the same story."""

    id: int
    article_ids: list[str]
    headline: str = ""


class Citation(Record):
    """A link from brief text to the sentence of a source that carries it."""

    source: int = Field(description="1-based number of the source in Brief.sources")
    article_id: str
    sentence: int
    start: int
    end: int


class KeyPoint(Record):
    """A point of the brief: verbatim text of one source sentence, with every source saying it.

    The first citation is the sentence the text is taken from: ``text`` equals that
    article's ``text[start:end]``. Further citations point at sentences of other sources
    that say the same thing.
    """

    text: str
    citations: list[Citation]
    support: int = 1
    score: float = Field(0.0, allow_inf_nan=False, description="rank score: centrality scaled by support")


class SourceEntry(Record):
    """A source as listed in a brief."""

    number: int
    article_id: str
    source: str
    title: str
    url: str | None = None
    published: datetime | None = None
    duplicate_of: int | None = Field(None, description="number of the source this one copies")


class OnlyIn(Record):
    """What a single source reports that no other does."""

    source: int
    points: list[KeyPoint]


class QuoteEntry(Record):
    """Who said what: one statement of one speaker, once however many sources carry it.

    ``text`` is the statement as the first cited source words it; where the speaker's words are
    split by the cue ("...," he said, "..."), its pieces are joined by `` … ``, each verbatim.
    """

    speaker: str = Field(description="who said it: the person or organisation, named as the sources name them")
    speaker_as_written: str | None = Field(
        None,
        description="where the first citing source names the speaker only by a pronoun or a description ('he',"
        " 'the spokesman'): those words, which newsprism resolved to `speaker`; null where it names them",
    )
    role: str | None = Field(None, description="the speaker's role as the first citing source gives it")
    actor: str | None = Field(None, description="the country or organisation the speaker speaks for")
    text: str = Field(description="what was said, verbatim from the first citation (pieces joined by ' … ')")
    kind: str = Field(description="direct (in quotation marks), partial (reported with quoted words) or indirect")
    cue: str | None = Field(
        None,
        description="the verb or phrase attributing it, verbatim (said, denied, according to), with a preposition "
        "that opens what it reports (spoke of, called for); where no word attributes it, the mark that does: a "
        "speaker label's colon ('TAPPER: ...') or a signed quotation's dash ('“...” ― Sonya Herridge')",
    )
    citations: list[Citation] = Field(description="the first citation's span holds the text; then other sources")


class ClaimSide(Record):
    """A statement of another actor that supports or disputes a claim."""

    speaker: str = Field(description="who says it")
    actor: str | None = Field(None, description="the country or organisation the speaker speaks for")
    text: str = Field(description="what they say, verbatim (pieces of a split quote joined by ' … ')")
    citations: list[Citation] = Field(description="the first citation's span holds the text; then other sources")


class Claim(Record):
    """A claim an actor makes, with the other actors' statements that support or dispute it."""

    claimant: str = Field(description="who makes the claim")
    actor: str | None = Field(None, description="the country or organisation the claimant speaks for")
    text: str = Field(description="the claim, verbatim (pieces of a split quote joined by ' … ')")
    citations: list[Citation] = Field(description="the first citation's span holds the text; then other sources")
    supporters: list[ClaimSide] = Field(default_factory=list, description="statements of others that support it")
    disputers: list[ClaimSide] = Field(default_factory=list, description="statements of others that dispute it")


class ConflictValue(Record):
    """One side of a conflict: a value as the sources word it, with every source that gives it."""

    text: str = Field(description="the value, verbatim from the first citation")
    citations: list[Citation] = Field(description="the first citation's span holds the text; then other sources")


class Conflict(Record):
    """Sources that contradict each other on a fact: a number, or the role of a person."""

    kind: str = Field(description="number, role, or outlier (one source against what most say)")
    subject: str = Field(description="what the values are of: a measure (troops) or a person")
    values: list[ConflictValue] = Field(description="the incompatible values, the most cited first")
    note: str | None = Field(None, description="why the values cannot all be right")


class NumberFigure(Record):
    """One figure of a measure, as a source gives it."""

    text: str = Field(description="the figure with what it counts, verbatim ('some 150,000 troops')")
    low: float = Field(allow_inf_nan=False, description="lowest value the wording allows")
    high: float = Field(allow_inf_nan=False, description="highest value the wording allows")
    approximation: str = Field(description="exact, approximate, lower_bound or upper_bound, from the hedge words")
    citations: list[Citation] = Field(description="where the figure is written")


class NumberEntry(Record):
    """The figures several sources give for one measure; totals and changes are never mixed."""

    measure: str = Field(description="what is counted ('soldier', 'people killed')")
    kind: str = Field(description="total or change ('7,000 more soldiers')")
    figures: list[NumberFigure] = Field(description="each figure a source gives for the measure")


class TimelineItem(Record):
    """A dated event of the story, with every source that reports it."""

    date: str | None = Field(None, description="ISO date (or year-month, or year); null when it cannot be resolved")
    date_text: str = Field(description="the date as written ('on Tuesday')")
    resolved: bool = Field(description="whether the date could be placed on the calendar")
    how: str = Field(description="absolute, weekday, relative or unresolved")
    text: str = Field(description="the sentence reporting the event, verbatim from the first citation")
    citations: list[Citation] = Field(description="the sentence the text is taken from, then other sources")


class SourceSignal(Record):
    """A measurable feature of a source's text, beside the same measure for the other sources."""

    name: str = Field(description="what is measured")
    value: float = Field(allow_inf_nan=False, description="this source's value")
    others: float | None = Field(None, allow_inf_nan=False, description="median over the other sources")
    meaning: str = Field(description="what a high value may indicate; a signal to check, not a verdict")


class SourceNote(Record):
    """What stands out about one source: what only it says, where it stands alone, what was cleaned away."""

    source: int = Field(description="number of the source in Brief.sources")
    only_in: int = Field(0, description="how many points only this source reports")
    minority: list[str] = Field(default_factory=list, description="conflicts where this source stands alone")
    removed_lines: int = Field(0, description="boilerplate lines removed from this source")
    removed_examples: list[str] = Field(default_factory=list, description="a few of the removed lines, verbatim")
    signals: list[SourceSignal] = Field(default_factory=list, description="measured features of the text")


class Headline(Record):
    """The brief's headline: the verbatim title of one source, the one most representative of the story."""

    text: str
    source: int
    article_id: str


class Brief(Record):
    """The attributed brief of a story: every sentence verbatim from, and linked to, its sources."""

    headline: Headline | None
    sources: list[SourceEntry]
    key_points: list[KeyPoint]
    only_in: list[OnlyIn]
    quotes: list[QuoteEntry] = Field(default_factory=list, description="who said what, grouped by actor")
    claims: list[Claim] = Field(default_factory=list, description="claims and who supports or disputes them")
    conflicts: list[Conflict] = Field(default_factory=list, description="facts the sources contradict each other on")
    numbers: list[NumberEntry] = Field(default_factory=list, description="figures several sources give, by measure")
    timeline: list[TimelineItem] = Field(default_factory=list, description="dated events, in date order")
    people: list[Person] = Field(default_factory=list, description="people named, one entry per real person")
    source_notes: list[SourceNote] = Field(default_factory=list, description="per source: what stands out")
    notes: list[str] = Field(default_factory=list, description="what the reader should know, e.g. skipped input")
