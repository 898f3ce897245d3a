"""Check a brief against its sources: no text that no source contains, no citation that points nowhere."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import Article, Brief, KeyPoint, QuoteEntry

# Pieces of one quote split by its cue are joined by this in the brief (see brief.quotes).
_PIECE_JOINER = " … "


def verify_brief(brief: Brief, articles: Sequence[Article]) -> list[str]:
    """Every problem found, as a sentence naming the point and source at fault; empty when all is verbatim."""
    by_id = {article.id: article for article in articles}
    article_of_number: dict[int, str] = {}
    problems: list[str] = []
    for entry in brief.sources:
        article_of_number[entry.number] = entry.article_id
        if entry.article_id not in by_id:
            problems.append(
                f"source [{entry.number}] ({entry.source}, id {entry.article_id}) is not among the articles given"
            )

    if brief.headline is not None:
        headline = brief.headline
        article = by_id.get(headline.article_id)
        if article_of_number.get(headline.source) != headline.article_id:
            problems.append(f"headline cites source [{headline.source}], which is not article {headline.article_id}")
        elif article is not None and article.title != headline.text:
            problems.append(f"headline is not the title of source [{headline.source}]: {headline.text!r}")

    labelled: list[tuple[str, KeyPoint]] = [(f"key point {n}", p) for n, p in enumerate(brief.key_points, start=1)]
    for group in brief.only_in:
        labelled += [(f"only-in point {n} of source [{group.source}]", p) for n, p in enumerate(group.points, start=1)]
    for label, point in labelled:
        problems += _check_point(label, point, by_id, article_of_number)
    for number, quote in enumerate(brief.quotes, start=1):
        problems += _check_quote(f"quote {number} ({quote.speaker})", quote, by_id, article_of_number)
    for number, claim in enumerate(brief.claims, start=1):
        sides = [(claim.claimant, claim.text, claim.citations)]
        sides += [(side.speaker, side.text, side.citations) for side in [*claim.supporters, *claim.disputers]]
        for speaker, text, citations in sides:
            as_quote = QuoteEntry(speaker=speaker, text=text, kind="direct", citations=citations)
            problems += _check_quote(f"claim {number}, statement of {speaker}", as_quote, by_id, article_of_number)
    for measured in brief.numbers:
        for figure in measured.figures:
            as_point = KeyPoint(text=figure.text, citations=figure.citations)
            problems += _check_point(f"figure {figure.text!r} ({measured.measure})", as_point, by_id, article_of_number)
    for number, item in enumerate(brief.timeline, start=1):
        as_point = KeyPoint(text=item.text, citations=item.citations)
        problems += _check_point(f"timeline entry {number}", as_point, by_id, article_of_number)
    for number, conflict in enumerate(brief.conflicts, start=1):
        for value in conflict.values:
            as_point = KeyPoint(text=value.text, citations=value.citations)
            problems += _check_point(
                f"conflict {number} ({conflict.subject}), value {value.text!r}", as_point, by_id, article_of_number
            )
    for person in brief.people:
        for role in person.roles:
            problems += _check_span(
                f"role {role.text!r} of {person.name}", role.text, role.article_id, role.start, role.end, by_id
            )
    return problems


def _check_span(label: str, text: str, article_id: str, start: int, end: int, by_id: dict[str, Article]) -> list[str]:
    """A span of text the brief attributes to an article must be exactly there."""
    article = by_id.get(article_id)
    if article is None:
        return [f"{label} cites article {article_id}, which is not among the articles given"]
    if article.text[start:end] != text:
        return [f"{label} is not verbatim in article {article_id} at {start}-{end}"]
    return []


def _check_point(
    label: str, point: KeyPoint, by_id: dict[str, Article], article_of_number: dict[int, str]
) -> list[str]:
    problems: list[str] = []
    if not point.text.strip():
        problems.append(f"{label} has no text")
    if not point.citations:
        return [*problems, f"{label} cites no source"]
    for position, citation in enumerate(point.citations):
        where = f"{label}, citation [{citation.source}]"
        if article_of_number.get(citation.source) != citation.article_id:
            problems.append(f"{where} names article {citation.article_id}, but source [{citation.source}] is another")
            continue
        article = by_id.get(citation.article_id)
        if article is None:
            continue  # already reported with the source list
        if not 0 <= citation.start < citation.end <= len(article.text):
            problems.append(f"{where} points outside the article (characters {citation.start}-{citation.end})")
            continue
        if position == 0 and point.text not in article.text[citation.start : citation.end]:
            problems.append(f"{label} is not verbatim in source [{citation.source}] at {citation.start}-{citation.end}")
    return problems


def _check_quote(
    label: str, quote: QuoteEntry, by_id: dict[str, Article], article_of_number: dict[int, str]
) -> list[str]:
    """Each piece of the quote stands verbatim, in order, in the span of its first citation."""
    as_point = KeyPoint(text=quote.text, citations=quote.citations)
    problems = [p for p in _check_point(label, as_point, by_id, article_of_number) if "not verbatim" not in p]
    if problems or not quote.citations:
        return problems
    first = quote.citations[0]
    article = by_id.get(first.article_id)
    if article is None:
        return problems
    span, position = article.text[first.start : first.end], 0
    for piece in quote.text.split(_PIECE_JOINER):
        found = span.find(piece, position)
        if not piece or found < 0:
            return [f"{label} is not verbatim in source [{first.source}] at {first.start}-{first.end}"]
        position = found + len(piece)
    if quote.cue and quote.cue not in article.text:
        return [f"{label}: its cue {quote.cue!r} is not in source [{first.source}]"]
    if quote.speaker_as_written and quote.speaker_as_written not in article.text:
        return [f"{label}: its speaker as written {quote.speaker_as_written!r} is not in source [{first.source}]"]
    return []
