"""Records of figures and dated events: quantities an article states, their groups and conflicts, the timeline.

They will move into ``newsprism.model``; until then the extract and compare stages import them from here.
Offsets point into ``Article.text``; ``sentence`` is the index of a ``Sentence`` of the article.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsprism.model import Record

Approximation = Literal["exact", "approximate", "lower_bound", "upper_bound"]
QuantityKind = Literal["total", "change"]


class SpanCitation(Record):
    """Where a figure or an event is written: a span of one sentence of one article, verbatim."""

    article_id: str
    sentence: int = Field(description="index of the sentence in the article's ParsedArticle.sentences")
    start: int = Field(description="character offset in the article text")
    end: int = Field(description="character offset where the span ends (exclusive)")
    text: str = Field(description="the span, verbatim: Article.text[start:end]")


class Quantity(Record):
    """A figure one article gives, with what it counts.

    ``low``/``high`` are equal for a single figure; a range ("10,000-15,000") or a vague
    amount ("tens of thousands" = 20,000-90,000) spans them. How to read them is in ``approximation``.
    """

    article_id: str
    sentence: int
    start: int = Field(description="offset of the quantity, hedge words included ('some 150,000')")
    end: int
    text: str = Field(description="the quantity verbatim, hedge and unit included")
    phrase: str = Field(description="the quantity through its adjacent counted noun ('some 150,000 troops')")
    hedge: str | None = Field(None, description="the hedge words, lower-cased ('more than', 'some')")
    low: float = Field(allow_inf_nan=False)
    high: float = Field(allow_inf_nan=False)
    approximation: Approximation = "exact"
    unit: str | None = Field(None, description="'%', or a currency code for money ('USD', 'EUR', 'GBP')")
    noun: str | None = Field(None, description="lemma of the counted noun ('troop'); 'people' for a nationality")
    event: str | None = Field(None, description="lemma of what happened to what is counted ('kill', 'wound')")
    measure: str | None = Field(None, description="what is counted: modifiers, noun, event ('people kill')")
    subject: str | None = Field(None, description="whose it is, verbatim, where the parse says ('Russian', 'Moscow')")
    scope: list[str] = Field(default_factory=list, description="where or when it holds, verbatim ('in the region')")
    scope_names: list[str] = Field(default_factory=list, description="places, events and dates named in the scope")
    kind: QuantityKind = Field("total", description="a total, or a change ('7,000 more soldiers', 'rose by 5%')")


class Figure(Record):
    """One quantity of a group, as cited."""

    text: str = Field(description="the figure with its noun, verbatim ('some 150,000 troops')")
    low: float = Field(allow_inf_nan=False)
    high: float = Field(allow_inf_nan=False)
    approximation: Approximation
    hedge: str | None = None
    scope: list[str] = Field(default_factory=list, description="places, events and dates its scope names")
    citation: SpanCitation


class NumberGroup(Record):
    """Figures for one measure across sources, totals and changes never mixed."""

    measure: str = Field(description="the measure's class name ('soldier') with its event class ('people killed')")
    kind: QuantityKind
    figures: list[Figure]


class ConflictValue(Record):
    """One side of a conflict: a figure as written, and every span that gives it."""

    text: str
    citations: list[SpanCitation]


class Conflict(Record):
    """Sources that disagree: here, figures of one measure that differ beyond their stated approximation."""

    kind: Literal["number"] = "number"
    subject: str = Field(description="the measure the figures count")
    values: list[ConflictValue]


DateHow = Literal["absolute", "weekday", "relative", "unresolved"]


class DatedMention(Record):
    """A date expression in one sentence of one article, resolved to a day where possible."""

    date: str | None = Field(None, description="ISO date (YYYY-MM-DD, or YYYY-MM / YYYY for a month or year)")
    date_text: str = Field(description="the expression as written ('on Tuesday', 'February 20')")
    resolved: bool
    how: DateHow
    citation: SpanCitation = Field(description="the whole sentence that carries the date, verbatim")
    date_start: int = Field(description="offset of the date expression in the article text")
    date_end: int


class TimelineEntry(Record):
    """An event of the story: a sentence carrying a date, with every source that reports it."""

    date: str | None
    date_text: str
    resolved: bool
    how: DateHow
    text: str = Field(description="the first citation's sentence, verbatim")
    citations: list[SpanCitation]
