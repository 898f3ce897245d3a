"""The story's timeline: dated sentences of all sources, one entry per event, in date order.

Articles without a publication date resolve weekdays and relative dates against the latest full
explicit date (day, month and year) any source gives. Mentions of one date whose sentences share
enough content words are one event, cited with every source; what stays unresolved follows in text order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from newsprism.compare.similarity import content_words
from newsprism.extract.dates import extract_dates
from newsprism.extract.number_records import DatedMention, TimelineEntry
from newsprism.nlp.analyze import AnalyzedArticle


@dataclass(frozen=True)
class TimelineOptions:
    """When two dated sentences are one event."""

    # Dice overlap of content words above which two sentences of one date report one event.
    min_overlap: float = 0.3
    # A sentence shorter than this is a fragment ("Wednesday”."), not an event to put on a timeline.
    min_words: int = 4


def build_timeline(articles: Sequence[AnalyzedArticle], options: TimelineOptions | None = None) -> list[TimelineEntry]:
    """Dated events of the story, merged across sources: resolved ones by date, then unresolved in text order."""
    story_base = latest_explicit_date(articles)
    mentions = [mention for article in articles for mention in extract_dates(article, story_base)]
    return merge_mentions(mentions, options or TimelineOptions())


def latest_explicit_date(articles: Sequence[AnalyzedArticle]) -> datetime | None:
    """The latest date any source writes in full (day, month, year), the story's 'now' when nothing better is known."""
    full = [
        mention.date
        for article in articles
        for mention in extract_dates(article, article.parsed.article.published)
        if mention.how == "absolute" and mention.date is not None and len(mention.date) == 10
    ]
    return datetime.fromisoformat(max(full)) if full else None


def merge_mentions(mentions: Sequence[DatedMention], options: TimelineOptions) -> list[TimelineEntry]:
    """One entry per event: mentions of one date (or one unresolved wording) whose sentences are alike."""
    entries: list[tuple[TimelineEntry, frozenset[str]]] = []
    placed: set[tuple[str, int]] = set()
    # A sentence is placed once, by its most precise date: resolved mentions first, each in text order
    # ("no escalation next week or next month" is one event, not two).
    for mention in sorted(mentions, key=lambda mention: not mention.resolved):
        sentence = (mention.citation.article_id, mention.citation.sentence)
        if sentence in placed or len(mention.citation.text.split()) < options.min_words:
            continue
        placed.add(sentence)
        words = content_words(mention.citation.text)
        match = next((entry for entry, bag in entries if _same_event(entry, bag, mention, words, options)), None)
        if match is None:
            entry = TimelineEntry(
                date=mention.date,
                date_text=mention.date_text,
                resolved=mention.resolved,
                how=mention.how,
                text=mention.citation.text,
                citations=[mention.citation],
            )
            entries.append((entry, words))
        elif mention.citation not in match.citations:
            match.citations.append(mention.citation)
    resolved = sorted((entry for entry, _ in entries if entry.resolved), key=lambda entry: entry.date or "")
    return resolved + [entry for entry, _ in entries if not entry.resolved]


def _same_event(
    entry: TimelineEntry, bag: frozenset[str], mention: DatedMention, words: frozenset[str], options: TimelineOptions
) -> bool:
    if entry.resolved != mention.resolved:
        return False
    if entry.resolved and entry.date != mention.date:
        return False
    if not entry.resolved and entry.date_text.lower() != mention.date_text.lower():
        return False
    if not bag or not words:
        return False
    return 2 * len(bag & words) / (len(bag) + len(words)) >= options.min_overlap
