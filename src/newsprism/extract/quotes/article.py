"""Attributions of a whole article: quotes may run over paragraphs, speakers resolve across them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.extract.quotes.cues import CueLexicon, load_cues
from newsprism.extract.quotes.document import (
    build_quotes,
    doc_mentions,
    find_in_doc,
    main_clause_subjects,
    outermost,
    relative_antecedents,
)
from newsprism.extract.quotes.found import Found, Range, overlaps, within
from newsprism.extract.quotes.gender import article_genders
from newsprism.extract.quotes.holders import doc_holders
from newsprism.extract.quotes.marks import QuotedSpan, find_quotes, quoted_pieces
from newsprism.extract.quotes.speakers import resolve_speakers
from newsprism.extract.records import Quote
from newsprism.model import ParsedArticle
from newsprism.nlp.analyze import doc_text, paragraph_windows, parse_texts
from newsprism.nlp.paragraphs import split_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ParsedParagraph = tuple[int, "Doc"]
# Fewer words may be a shout of someone else's ('"Nooooo!" the crowd cried') or a heading ('"Related:"').
_CONTINUATION_WORDS = 3


def paragraph_texts(text: str) -> list[tuple[int, str]]:
    """(offset, text) of every paragraph of an article, long ones cut into windows at a space."""
    return [(offset, chunk) for _, offset, chunk in paragraph_windows(text)]


def parse_paragraphs(text: str, nlp: Language) -> list[ParsedParagraph]:
    """Parse an article paragraph by paragraph: (offset into the text, Doc)."""
    jobs = paragraph_texts(text)
    docs = parse_texts(nlp, [chunk for _, chunk in jobs])
    return list(zip((offset for offset, _ in jobs), docs, strict=True))


def attribute_article(
    parsed: ParsedArticle,
    nlp: Language | None = None,
    docs: Sequence[ParsedParagraph] | None = None,
    lexicon: CueLexicon | None = None,
) -> list[Quote]:
    """Every attributed statement of an article, from its paragraphs parsed by ``nlp`` or given as ``docs``."""
    if docs is None:
        if nlp is None:
            raise ValueError("attribute_article needs a spaCy pipeline or parsed paragraphs")
        docs = parse_paragraphs(parsed.article.text, nlp)
    lexicon = lexicon or load_cues()
    text = parsed.article.text
    paragraphs = [(p.start, p.end) for p in split_paragraphs(text)]
    quotes = find_quotes(text, paragraphs)
    found: list[Found] = []
    for offset, doc in docs:
        bounds = (offset, offset + len(doc_text(doc)))
        local = [_shift_quote(q, -offset) for q in quotes if any(overlaps(p, bounds) for p in q.pieces)]
        found.extend(_shift(item, offset) for item in find_in_doc(doc, local, lexicon))
    _colon_paragraphs(text, paragraphs, quotes, found)
    _continued_quotes(text, paragraphs, quotes, found)
    records = build_quotes(outermost(found, quotes), text, parsed.article.id)
    mentions = parsed.mentions or [m for offset, doc in docs for m in doc_mentions(doc, parsed.article.id, offset)]
    subjects = [m for offset, doc in docs for m in main_clause_subjects(doc, parsed.article.id, offset)]
    nouns, titles = lexicon.organisation_nouns, lexicon.person_titles
    holders = [h for offset, doc in docs for h in doc_holders(doc, parsed.article.id, offset, nouns, titles)]
    antecedents = {span: noun for offset, doc in docs for span, noun in relative_antecedents(doc, offset).items()}
    genders = article_genders(text, mentions)
    return resolve_speakers(records, mentions, lexicon, subjects, holders, genders, antecedents)


def attribute_articles(articles: Sequence[ParsedArticle], nlp: Language) -> list[list[Quote]]:
    """Attributions of many articles, their paragraphs parsed in one batched spaCy pass."""
    jobs = [
        (number, offset, chunk)
        for number, a in enumerate(articles)
        for offset, chunk in paragraph_texts(a.article.text)
    ]
    docs: list[list[ParsedParagraph]] = [[] for _ in articles]
    for (number, offset, _), doc in zip(jobs, parse_texts(nlp, [job[2] for job in jobs]), strict=True):
        docs[number].append((offset, doc))
    return [attribute_article(article, docs=docs[n]) for n, article in enumerate(articles)]


def _colon_paragraphs(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[QuotedSpan], found: list[Found]
) -> None:
    """A paragraph ending 'he said:' gives its speaker to the quote opening the next paragraph, or, when the
    speaker's cue reports nothing in its own paragraph, to the whole next paragraph: blogs set a long
    quotation off as a paragraph of its own, its quotation marks lost with the page's block quote ('In a
    speech last July, he said:' then the speech). Without the marks the words are not known to be verbatim:
    the attribution stays a reported one."""
    reported = _reported_pieces(quotes, found)
    for number in range(1, len(paragraphs)):
        start, end = paragraphs[number]
        previous = paragraphs[number - 1]
        if not text[previous[0] : previous[1]].endswith(":"):
            continue
        speakers = [item for item in found if previous[0] <= item.cue[0] < previous[1] and item.source is not None]
        if not speakers:
            continue
        quote = next((q for q in quotes if q.start == start), None)
        if quote is None:
            block = _stripped(text, start, end)
            if (
                not speakers[-1].content
                and block is not None
                and _set_off_words(text, block)
                and not any(overlaps(block, r) for r in reported)
            ):
                speakers[-1].content = [block]
            continue
        if any(overlaps(piece, r) for piece in quote.pieces for r in reported):
            continue
        speakers[-1].content = sorted({*speakers[-1].content, *quote.pieces})
        speakers[-1].quoted = True


def _set_off_words(text: str, block: Range) -> bool:
    """Whether ``block`` reads as words set off from their cue: a few words at least, not a heading in capitals
    ('What we've learned on the money front:' then 'GOING BROKE FOR RUBIO.')."""
    words = text[block[0] : block[1]]
    return len(words.split()) >= _CONTINUATION_WORDS and not words.isupper()


def _stripped(text: str, start: int, end: int) -> Range | None:
    """The characters ``start..end`` without white space at either end; None if nothing is left."""
    body = text[start:end]
    first, last = start + len(body) - len(body.lstrip()), start + len(body.rstrip())
    return (first, last) if first < last else None


def _continued_quotes(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[QuotedSpan], found: list[Found]
) -> None:
    """A paragraph that is one quotation and nothing else, after a paragraph quoting a speaker, goes on
    with that speaker's words: news writing names the speaker once and lets the next paragraphs carry
    on ('"...," Viguerie said.' then '"He checks all our boxes."').

    Only a quotation of a few words, after a paragraph whose last speaker was quoted: a crowd's shout
    ('"Nooooo!"') or a paragraph after reported speech may be anyone's.
    """
    reported = _reported_pieces(quotes, found)
    by_start = {quote.start: quote for quote in quotes}
    for number in range(1, len(paragraphs)):
        quote = _whole_paragraph_quote(text, paragraphs[number], by_start)
        if quote is None or any(overlaps(piece, r) for piece in quote.pieces for r in reported):
            continue
        previous = paragraphs[number - 1]
        speakers = [
            item
            for item in found
            if item.source is not None
            and (previous[0] <= item.cue[0] < previous[1] or any(within(p, [previous]) for p in item.content))
        ]
        last = max(speakers, key=lambda item: max(item.cue[0], *(p[0] for p in item.content)), default=None)
        if last is None or not last.quoted or last.partial or not last.content or last.content[-1][1] > quote.start:
            continue
        last.content = sorted({*last.content, *quote.pieces})


def _whole_paragraph_quote(text: str, paragraph: tuple[int, int], by_start: dict[int, QuotedSpan]) -> QuotedSpan | None:
    """The quotation that is the whole paragraph, of a few words at least; None if there is none."""
    stripped = _stripped(text, *paragraph)
    if stripped is None:
        return None
    start, end = stripped
    quote = by_start.get(start)
    if (
        quote is None
        or quote.end != end
        or len(quote.pieces) != 1
        or len(text[start:end].split()) < _CONTINUATION_WORDS
    ):
        return None
    return quote


def _reported_pieces(quotes: list[QuotedSpan], found: list[Found]) -> list[Range]:
    """What attributions outside quotations report. Those inside one ('"Everyone knows that ...," Cruz
    said') are the quote's words, not reports of it: they are dropped later and must not keep a quote
    from being given its speaker."""
    quoted = quoted_pieces(quotes)
    return [piece for item in found if not within(item.cue, quoted) for piece in item.content]


def _shift_quote(quote: QuotedSpan, by: int) -> QuotedSpan:
    return QuotedSpan(tuple((start + by, end + by) for start, end in quote.pieces))


def _shift(item: Found, by: int) -> Found:
    def move(r: tuple[int, int]) -> tuple[int, int]:
        return r[0] + by, r[1] + by

    return dataclasses.replace(
        item,
        cue=move(item.cue),
        source=move(item.source) if item.source is not None else None,
        content=[move(piece) for piece in item.content],
    )
