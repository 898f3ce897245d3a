"""The library's front door: inputs in, an attributed brief out, one pure stage after another."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from newsprism.brief import KeyPointOptions, assemble_brief
from newsprism.brief.explain import empty_section_notes
from newsprism.brief.facts import number_conflicts, number_entries, timeline_items
from newsprism.brief.quotes import listed_people, who_said_what
from newsprism.clean import CleanOptions, clean_articles, is_english
from newsprism.compare import SentencePool, StatementOptions, group_statements
from newsprism.compare.claims import claims_and_counterclaims
from newsprism.compare.numbers import find_number_conflicts, group_numbers
from newsprism.compare.outliers import find_outliers
from newsprism.compare.people import merge_people
from newsprism.compare.roles import role_conflicts
from newsprism.compare.source_notes import source_notes
from newsprism.compare.timeline import build_timeline
from newsprism.dedup import DedupOptions, find_duplicates, independent_groups
from newsprism.errors import InputError, NoArticlesError
from newsprism.extract import attribute_article
from newsprism.extract.numbers import extract_quantities
from newsprism.extract.people import find_people
from newsprism.ingest import IngestOptions, RawArticle, read_inputs
from newsprism.model import Article, Brief, ParsedArticle
from newsprism.nlp import ModelOptions, SentenceEncoder, load_encoder, load_spacy, parse_articles
from newsprism.nlp.models import RememberingEncoder, reusing
from newsprism.nlp.threads import one_blas_thread

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class PipelineOptions:
    """One options object per concern, passed down explicitly."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    models: ModelOptions = field(default_factory=ModelOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    statements: StatementOptions = field(default_factory=StatementOptions)
    key_points: KeyPointOptions = field(default_factory=KeyPointOptions)


@dataclass(frozen=True)
class Models:
    """The loaded models a run uses; tests pass twins, the CLI loads the real ones."""

    nlp: Language
    encoder: SentenceEncoder

    @staticmethod
    def load(options: ModelOptions) -> Models:
        return Models(
            nlp=load_spacy(options.spacy_model),
            encoder=load_encoder(options.encoder, options.batch_size, options.precision),
        )


@dataclass
class BriefResult:
    """The brief, the analysed articles it cites, the inputs that were skipped, and where time went."""

    brief: Brief
    documents: list[ParsedArticle]
    problems: list[InputError]
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def brief_from_inputs(
    inputs: Sequence[str], models: Models, options: PipelineOptions | None = None, stdin: BinaryIO | None = None
) -> BriefResult:
    """Read files, directories or ``-`` (JSON Lines on stdin) and brief them."""
    options = options or PipelineOptions()
    timings: dict[str, float] = {}
    with _timed(timings, "ingest"):
        result = read_inputs(inputs, options.ingest, stdin=stdin)
    brief = brief_from_raw(result.articles, models, options, result.problems)
    brief.timings = {**timings, **brief.timings}
    return brief


def usable_articles(
    raw: Sequence[RawArticle], options: PipelineOptions, problems: list[InputError]
) -> tuple[list[Article], list[str]]:
    """Clean the raw articles; set aside non-English ones and repeats of the same input."""
    notes = [note for article in raw for note in article.notes]
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for raw_article, article in zip(raw, clean_articles(raw, options.clean), strict=True):
        if not is_english(article.text):
            problems.append(InputError(raw_article.origin, "not English text; newsprism reads English articles"))
            continue
        # An exact copy has the same content id; it is one text, so it is read and counted once.
        if article.id in seen:
            notes.append(f"{raw_article.origin}: exact copy of {seen[article.id]}, read once")
            continue
        seen[article.id] = raw_article.origin
        articles.append(article)
    return articles, notes


def brief_from_raw(
    raw: Sequence[RawArticle],
    models: Models,
    options: PipelineOptions | None = None,
    problems: Sequence[InputError] = (),
    stored_vectors: Mapping[str, np.ndarray] | None = None,
) -> BriefResult:
    """Clean, analyse, group and brief articles already read.

    ``stored_vectors`` (text -> vector, e.g. what ingest stored for a story's sentences) spare the
    encoder the texts it has already embedded, when they came from the same model.
    """
    with one_blas_thread():  # see nlp/threads.py: numpy's thread pool would fight torch's
        return _brief_from_raw(raw, models, options or PipelineOptions(), problems, stored_vectors)


def _brief_from_raw(
    raw: Sequence[RawArticle],
    models: Models,
    options: PipelineOptions,
    problems: Sequence[InputError],
    stored_vectors: Mapping[str, np.ndarray] | None,
) -> BriefResult:
    timings: dict[str, float] = {}
    skipped = list(problems)
    with _timed(timings, "clean"):
        articles, notes = usable_articles(raw, options, skipped)
    if not articles:
        raise NoArticlesError("no usable article in the input" + "".join(f"\n  {p}" for p in skipped))
    with _timed(timings, "nlp"):
        analyzed = parse_articles(articles, models.nlp)
        documents = [item.parsed for item in analyzed]
    with _timed(timings, "extract"):
        people = merge_people([mention for item in analyzed for mention in find_people(item)])
        quantities = [quantity for item in analyzed for quantity in extract_quantities(item)]
        quotes = {
            item.parsed.article.id: attribute_article(item.parsed, docs=[(p.offset, p.doc) for p in item.paragraphs])
            for item in analyzed
        }
    with _timed(timings, "dedup"):
        duplicates = find_duplicates(articles, options.dedup)
        originals = independent_groups(articles, duplicates)
    with _timed(timings, "embed"):
        encoder = reusing(models.encoder, stored_vectors or {})
        sentence_vectors, title_vectors = embed_documents(documents, encoder, options.statements.min_words)
    with _timed(timings, "statements"):
        pool = SentencePool.from_documents(documents, sentence_vectors)
        groups = group_statements(pool, originals, options.statements)
    with _timed(timings, "brief"):
        skipped_notes = [f"skipped {problem}" for problem in skipped]
        brief = assemble_brief(
            documents, pool, groups, duplicates, title_vectors, options.key_points, [*notes, *skipped_notes]
        )
        brief.people = people
        number_of = {entry.article_id: entry.number for entry in brief.sources}
        brief.quotes = who_said_what(quotes, documents, people, number_of)
        brief.people = listed_people(people, brief.quotes)
    with _timed(timings, "claims"):
        # Sentences embedded once already need not be embedded again for the stance model.
        known = {
            sentence.text: vector
            for document in documents
            for sentence, vector in zip(document.sentences, sentence_vectors[document.article.id], strict=True)
            if vector.any()
        }
        brief.claims = claims_and_counterclaims(brief.quotes, RememberingEncoder(models.encoder, known))
    with _timed(timings, "brief"):
        groups_of_numbers = group_numbers(quantities)
        brief.numbers = number_entries(groups_of_numbers, number_of)
        brief.conflicts = number_conflicts(find_number_conflicts(groups_of_numbers), number_of)
        brief.conflicts += role_conflicts(people, documents, number_of)
        brief.conflicts += find_outliers(pool, groups, originals, number_of)
        brief.timeline = timeline_items(build_timeline(analyzed), number_of)
        if len([s for s in brief.sources if s.duplicate_of is None]) > 1:
            brief.source_notes = source_notes(brief, documents, pool)
        brief.notes += empty_section_notes(brief)
    return BriefResult(brief=brief, documents=documents, problems=skipped, timings=timings)


def embed_documents(
    documents: Sequence[ParsedArticle], encoder: SentenceEncoder, min_words: int
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Vectors for every sentence (zero for fragments too short to compare) and every title, in one batch."""
    texts: list[str] = []
    slots: list[tuple[str, int]] = []  # (article id, sentence index) or (article id, -1) for the title
    for document in documents:
        for sentence in document.sentences:
            if len(sentence.text.split()) >= min_words:
                texts.append(sentence.text)
                slots.append((document.article.id, sentence.index))
        if document.article.title.strip():
            texts.append(document.article.title)
            slots.append((document.article.id, -1))
    vectors = encoder.encode(texts)
    dimension = vectors.shape[1] if len(texts) else 1
    sentences = {d.article.id: np.zeros((len(d.sentences), dimension), dtype=np.float32) for d in documents}
    titles: dict[str, np.ndarray] = {}
    for (article_id, index), vector in zip(slots, vectors, strict=True):
        if index < 0:
            titles[article_id] = vector
        else:
            sentences[article_id][index] = vector
    return sentences, titles
