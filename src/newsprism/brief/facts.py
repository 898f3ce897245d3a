"""Figures, number conflicts and the timeline, as the brief cites them (source numbers, not article ids)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.extract import number_records as found
from newsprism.model import Citation, Conflict, ConflictValue, NumberEntry, NumberFigure, TimelineItem


def cite(span: found.SpanCitation, number_of: Mapping[str, int]) -> Citation:
    """A span of an article as a citation of the source it belongs to."""
    return Citation(
        source=number_of[span.article_id],
        article_id=span.article_id,
        sentence=span.sentence,
        start=span.start,
        end=span.end,
    )


def number_entries(groups: Sequence[found.NumberGroup], number_of: Mapping[str, int]) -> list[NumberEntry]:
    """Each measure several sources give figures for."""
    return [
        NumberEntry(
            measure=group.measure,
            kind=group.kind,
            figures=[
                NumberFigure(
                    text=figure.citation.text,
                    low=figure.low,
                    high=figure.high,
                    approximation=figure.approximation,
                    citations=[cite(figure.citation, number_of)],
                )
                for figure in group.figures
                if figure.citation.article_id in number_of
            ],
        )
        for group in groups
    ]


def number_conflicts(conflicts: Sequence[found.Conflict], number_of: Mapping[str, int]) -> list[Conflict]:
    """Figures of one measure that disagree beyond their stated approximation."""
    return [
        Conflict(
            kind="number",
            subject=conflict.subject,
            values=[
                ConflictValue(text=value.citations[0].text, citations=[cite(c, number_of) for c in value.citations])
                for value in conflict.values
                if value.citations
            ],
            note="the figures differ by more than their wording allows",
        )
        for conflict in conflicts
    ]


def timeline_items(entries: Sequence[found.TimelineEntry], number_of: Mapping[str, int]) -> list[TimelineItem]:
    """Dated events: resolved dates first in date order, then unresolved ones in text order."""
    items = [
        TimelineItem(
            date=entry.date,
            date_text=entry.date_text,
            resolved=entry.resolved,
            how=entry.how,
            text=entry.text,
            citations=[cite(c, number_of) for c in entry.citations if c.article_id in number_of],
        )
        for entry in entries
    ]
    return [item for item in items if item.citations]
