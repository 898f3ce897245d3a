"""Dates in an article: spaCy's DATE entities, resolved to a day, month or year where the text allows.

Absolute dates ("February 15", "15 Feb 2022", "2014") resolve by themselves, taking a missing year from
the base date; weekdays ("on Tuesday") and relative expressions ("yesterday", "last week", "the day
before") need the base date: the article's publication date, else one the caller knows for the story.
Durations ("two-day", "decades") are not points in time and are left out.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import dateparser  # type: ignore[import-untyped]
from spacy.tokens import Span

from newsprism.extract.number_records import DatedMention, DateHow, SpanCitation
from newsprism.nlp.analyze import AnalyzedArticle

_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
_MONTHS += r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH = re.compile(rf"\b({_MONTHS})\b\.?", re.IGNORECASE)
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|tomorrow|ago|(?:last|next|this|previous|coming) (?:week|month|year)"
    r"|the (?:day|week) (?:before|after)|(?:earlier|later) this (?:week|month|year))\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BEFORE_AFTER = re.compile(r"the (day|week) (before|after)", re.IGNORECASE)


def extract_dates(analyzed: AnalyzedArticle, base: datetime | None = None) -> list[DatedMention]:
    """Every point-in-time date of the article, each with the sentence carrying it, in text order.

    ``base`` resolves weekdays and relative dates when the article has no publication date.
    """
    article = analyzed.parsed.article
    base = article.published or base
    found = []
    for paragraph in analyzed.paragraphs:
        for entity in paragraph.doc.ents:
            if entity.label_ != "DATE":
                continue
            resolution = resolve_date(entity.text, base)
            if resolution is None:
                continue
            date, how = resolution
            found.append(_mention(analyzed, entity, paragraph.offset, date, how))
    return found


def resolve_date(text: str, base: datetime | None) -> tuple[str | None, DateHow] | None:
    """An ISO date (day, month or year as precise as the text) and how it was found; None for no point in time."""
    month, year, weekday = _MONTH.search(text), _YEAR.search(text), _WEEKDAY.search(text)
    day = _DAY.search(_MONTH.sub(" ", _YEAR.sub(" ", text))) if month else None
    if month or (year and not _RELATIVE.search(text)):
        if year and not month:
            return year.group(1), "absolute"
        if not year and base is None:
            return None, "unresolved"  # "February 20" of which year?
        parsed = _parse(text, base)
        if parsed is None:
            return None, "unresolved"
        if not year and base is not None:
            parsed = _nearest_year(parsed, base)
        return (parsed.strftime("%Y-%m-%d") if day else parsed.strftime("%Y-%m")), "absolute"
    if weekday:
        if base is None:
            return None, "unresolved"
        # The latest such weekday up to the base date: news tells mostly of the past, and "on Wednesday"
        # in a Wednesday paper is that day.
        target = _WEEKDAYS.index(weekday.group(1).lower())
        moved = base - timedelta(days=(base.weekday() - target) % 7)
        return moved.strftime("%Y-%m-%d"), "weekday"
    if relative := _RELATIVE.search(text):
        if base is None:
            return None, "unresolved"
        return _relative(relative.group(0), base)
    return None


def _nearest_year(parsed: datetime, base: datetime) -> datetime:
    """A date written without its year is the one nearest the base date ("on February 20" may be ahead)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(parsed.replace(year=year))
        except ValueError:  # February 29
            continue
    return min(candidates, key=lambda date: abs(date - base.replace(tzinfo=None)))


def _relative(text: str, base: datetime) -> tuple[str | None, DateHow]:
    # "the day before" is relative to the story's present, here the base date; dateparser does not read it.
    if shift := _BEFORE_AFTER.match(text):
        days = 1 if shift.group(1).lower() == "day" else 7
        moved = base + timedelta(days=days if shift.group(2).lower() == "after" else -days)
        return moved.strftime("%Y-%m-%d"), "relative"
    parsed = _parse(text, base)
    if parsed is None:
        return None, "unresolved"
    granularity = "%Y" if "year" in text.lower() else "%Y-%m" if "month" in text.lower() else "%Y-%m-%d"
    return parsed.strftime(granularity), "relative"


def _parse(text: str, base: datetime | None) -> datetime | None:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    cleaned = re.sub(r"^(on|in|since|by|until|from|of|the)\s+", "", text.strip(), flags=re.IGNORECASE)
    result = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return result if isinstance(result, datetime) else None


def _mention(analyzed: AnalyzedArticle, entity: Span, offset: int, date: str | None, how: DateHow) -> DatedMention:
    start = offset + entity.start_char
    sentence = next(
        (s for s in analyzed.parsed.sentences if s.start <= start < s.end),
        analyzed.parsed.sentences[-1],
    )
    return DatedMention(
        date=date,
        date_text=entity.text,
        resolved=date is not None,
        how=how,
        citation=SpanCitation(
            article_id=sentence.article_id,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
        ),
        date_start=start,
        date_end=offset + entity.end_char,
    )
