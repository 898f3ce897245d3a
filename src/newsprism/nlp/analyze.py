"""The NLP stage: sentences (with offsets) and entity mentions for each article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, missing from its stub
from spacy.symbols import IDS as SYMBOLS
from spacy.tokens import Doc, Token

from newsprism.model import Article, Mention, ParsedArticle, Sentence
from newsprism.nlp.paragraphs import split_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language

# spaCy's parser needs memory in proportion to the text; longer paragraphs are cut into windows.
_MAX_PARAGRAPH_CHARS = 20_000


@dataclass(frozen=True)
class ParagraphDoc:
    """The spaCy parse of one paragraph (or window of one); ``offset`` maps its characters into the article."""

    offset: int
    doc: Doc


@dataclass(frozen=True)
class AnalyzedArticle:
    """An article's records plus the parse they came from, for the extractors that read dependencies."""

    parsed: ParsedArticle
    paragraphs: list[ParagraphDoc]


def analyze_articles(articles: Sequence[Article], nlp: Language) -> list[ParsedArticle]:
    """Split every article into sentences and find its entity mentions, in one batched spaCy pass."""
    return [analyzed.parsed for analyzed in parse_articles(articles, nlp)]


def parse_articles(articles: Sequence[Article], nlp: Language) -> list[AnalyzedArticle]:
    """Like ``analyze_articles``, keeping each paragraph's parse for later stages."""
    jobs = [
        (number, index, offset, chunk)
        for number, article in enumerate(articles)
        for index, offset, chunk in paragraph_windows(article.text)
    ]
    sentences: list[list[Sentence]] = [[] for _ in articles]
    mentions: list[list[Mention]] = [[] for _ in articles]
    paragraphs: list[list[ParagraphDoc]] = [[] for _ in articles]
    docs = parse_texts(nlp, [job[3] for job in jobs])
    for (number, paragraph_index, offset, _), doc in zip(jobs, docs, strict=True):
        article_id = articles[number].id
        paragraphs[number].append(ParagraphDoc(offset, doc))
        for start, end in _sentence_spans(doc):
            text = articles[number].text[offset + start : offset + end]
            sentences[number].append(
                Sentence(
                    article_id=article_id,
                    index=len(sentences[number]),
                    start=offset + start,
                    end=offset + end,
                    text=text,
                    paragraph=paragraph_index,
                )
            )
        for entity in doc.ents:
            mentions[number].append(
                Mention(
                    article_id=article_id,
                    start=offset + entity.start_char,
                    end=offset + entity.end_char,
                    text=entity.text,
                    label=entity.label_,
                )
            )
    return [
        AnalyzedArticle(ParsedArticle(article=article, sentences=sentences[n], mentions=mentions[n]), paragraphs[n])
        for n, article in enumerate(articles)
    ]


def paragraph_windows(text: str) -> list[tuple[int, int, str]]:
    """(paragraph index, offset, text) of every paragraph of ``text``, long ones cut into windows at a space."""
    return [
        (paragraph.index, offset, chunk)
        for paragraph in split_paragraphs(text)
        for offset, chunk in _windows(text, paragraph.start, paragraph.end)
    ]


def _windows(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > _MAX_PARAGRAPH_CHARS:
        cut = text.rfind(" ", start, start + _MAX_PARAGRAPH_CHARS) + 1 or start + _MAX_PARAGRAPH_CHARS
        yield start, text[start:cut]
        start = cut
    yield start, text[start:end]


_TEXT_KEY = "newsprism.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins the text of every token each time it is asked, and
    the extractors ask it for every cue and every figure (a 250-article brief spent a third of its time
    there, in the square of each paragraph's length)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_SENTENCES_KEY = "newsprism.sentence_bounds"


def sentence_bounds(token: Token) -> tuple[int, int]:
    """``(token.sent.start, token.sent.end)``, read off a table built once per doc: spaCy finds a token's
    sentence by walking to its edges and making a Span at each access, some 8 µs, and attribution asks it
    for most verbs several times."""
    doc = token.doc
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None or len(bounds) != len(doc):
        bounds = []
        for sentence in doc.sents:
            edges = (sentence.start, sentence.end)
            bounds.extend([edges] * (sentence.end - sentence.start))
        doc.user_data[_SENTENCES_KEY] = bounds
    return bounds[token.i]


def tokens_among(doc: Doc, attribute: int, values: frozenset[str]) -> Iterator[Token]:
    """The doc's tokens whose ``attribute`` (a spaCy attribute id: ``LOWER``, ``POS``, ...) is one of ``values``.

    Walking a doc makes a Token object of every token; a filter read off ``Doc.to_array`` makes only the
    ones it yields (three such walks per paragraph took a tenth of attribution extraction's time).
    """
    keys = _string_keys(values)
    for i, key in enumerate(doc.to_array(attribute).tolist()):
        if key in keys:
            yield doc[i]


@cache
def _string_keys(values: frozenset[str]) -> frozenset[int]:
    """How spaCy stores each of ``values`` in a doc's arrays: a symbol ('PROPN', 'nsubj') by its id, any
    other string by its hash, in every pipeline alike."""
    return frozenset(SYMBOLS.get(value, None) or hash_string(value) for value in values)


def parse_texts(nlp: Language, texts: Sequence[str]) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, each doc keeping the text it was parsed from as its ``doc_text``: spaCy's
    tokenizer loses no character, so the two are equal, and joining the tokens again cost the example's
    brief 0.05 s."""
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        doc.user_data[_TEXT_KEY] = text
        yield doc


def _sentence_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """Character spans of the doc's sentences, trimmed of white space."""
    text = doc_text(doc)
    for sent in doc.sents:
        raw = text[sent.start_char : sent.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        yield sent.start_char + lead, sent.start_char + lead + len(stripped)
