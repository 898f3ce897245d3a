"""The per-article stages of a corpus run, as one pure function of a batch, so a cluster can map it.

clean → English check → sentences and entities → (full analysis: sentence and title vectors) →
MinHash signature → the story stage's input. Models come from a picklable factory, so each worker
builds its own once.

Two depths of analysis. ``lean`` (the default) does what grouping and listing need: rule-based
sentences, names found by their shape, one vector of each article's title and lead. ``full`` adds the
parser's sentences and NER mentions and a vector for every sentence, which a brief built from the
store then reuses. On this 2-core machine the parse ran at 8 articles/s and the sentence vectors at 6,
while lean ingest runs at tens of articles/s; a brief parses its story's articles in any case, so
what lean skips is done only for the stories someone reads, when they read them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsprism.clean import CleanOptions, clean_articles, is_english
from newsprism.dedup.lsh import LshOptions, signature
from newsprism.errors import InputError
from newsprism.ingest.raw import RawArticle
from newsprism.model import Article, ParsedArticle
from newsprism.nlp import HashingEncoder, ModelOptions, SentenceEncoder, analyze_articles, load_encoder
from newsprism.nlp.models import Matrix, RememberingEncoder
from newsprism.nlp.splitter import split_articles
from newsprism.pipeline import Models, embed_documents
from newsprism.store.records import StoredArticle, Vector
from newsprism.stories import StoryInput, StoryOptions, lead_text, story_input
from newsprism.stories.names import capitalised_names, name_mentions, name_spans

if TYPE_CHECKING:
    from spacy.language import Language

# A corpus run keeps sentences and entity mentions only: tags and lemmas (half the parse time of the
# small English pipeline) are for the brief's extractors, which parse again.
_UNUSED_PIPES = ("tagger", "attribute_ruler", "lemmatizer", "morphologizer")
# select_pipes changes the shared pipeline for a moment; threads of one worker process take turns.
_PIPES = threading.Lock()


class ModelFactory(Protocol):
    """Builds the models a process needs; must pickle, so a cluster worker can build its own.

    ``parse=False`` may leave out the parser (a rule-based sentencizer stands in): lean ingest never
    parses, and loading a pipeline it does not use costs a second and a few hundred MB per worker.
    """

    def build(self, parse: bool = True) -> Models: ...


@dataclass(frozen=True)
class LoadedModels:
    """The real spaCy pipeline and sentence encoder (loaded once per process)."""

    options: ModelOptions = field(default_factory=ModelOptions)

    def build(self, parse: bool = True) -> Models:
        if not parse:
            options = self.options
            return Models(
                nlp=_sentence_splitter(), encoder=load_encoder(options.encoder, options.batch_size, options.precision)
            )
        return Models.load(self.options)


@dataclass(frozen=True)
class TwinModels:
    """Model-free twins: a blank English pipeline with rule-based sentences, and a hashing encoder."""

    dimension: int = 256

    def build(self, parse: bool = True) -> Models:
        return _twins(self.dimension)


@cache
def _twins(dimension: int) -> Models:
    return Models(nlp=_sentence_splitter(), encoder=HashingEncoder(dimension))


ANALYSES = ("lean", "full")


@dataclass(frozen=True)
class ProcessOptions:
    """Options of the per-article stages."""

    clean: CleanOptions = field(default_factory=CleanOptions)
    lsh: LshOptions = field(default_factory=LshOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    # Fragments shorter than this get no sentence vector (as in the brief pipeline).
    min_words: int = 4
    # "lean" or "full" (see the module's docstring).
    analysis: str = "lean"

    def __post_init__(self) -> None:
        if self.analysis not in ANALYSES:
            raise ValueError(f"unknown analysis {self.analysis!r}; choose one of {', '.join(ANALYSES)}")


@dataclass
class Processed:
    """A batch after the per-article stages: articles ready to place, and those set aside."""

    articles: list[StoredArticle]
    story_inputs: list[Any]
    problems: list[InputError]


class RecordingEncoder:
    """Passes texts to an encoder and keeps every vector it returns, in order."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.vectors: list[Vector] = []

    def encode(self, texts: Sequence[str]) -> Matrix:
        matrix = self.encoder.encode(texts)
        self.vectors.extend(np.asarray(row, dtype=np.float32) for row in matrix)
        return matrix


class ReplayEncoder:
    """Hands back stored vectors in the order they were first computed; the store's stand-in for a model."""

    def __init__(self, vectors: Sequence[Vector]) -> None:
        self.vectors = list(vectors)

    def encode(self, texts: Sequence[str]) -> Matrix:
        if len(texts) > len(self.vectors):
            raise ValueError(f"asked for {len(texts)} vectors, {len(self.vectors)} stored")
        taken, self.vectors = self.vectors[: len(texts)], self.vectors[len(texts) :]
        return np.stack(taken).astype(np.float32) if taken else np.zeros((0, 1), dtype=np.float32)


def process_batch(raw: Sequence[RawArticle], models: ModelFactory, options: ProcessOptions) -> Processed:
    """Run the per-article stages on one batch; pure given the models, so any worker gives the same result."""
    built = models.build(parse=options.analysis == "full")
    problems: list[InputError] = []
    articles: list[Article] = []
    seen: set[str] = set()
    for raw_article, article in zip(raw, clean_articles(raw, options.clean), strict=True):
        if not is_english(article.text):
            problems.append(InputError(raw_article.origin, "not English text; newsprism reads English articles"))
        elif article.id not in seen:
            seen.add(article.id)
            articles.append(article)
    names = {article.id: name_spans(article.text) for article in articles}
    if options.analysis == "full":
        documents = _analyze(articles, built.nlp)
        sentence_vectors, title_vectors = embed_documents(documents, built.encoder, options.min_words)
    else:
        documents = _lean_analysis(articles, names)
        sentence_vectors, title_vectors = {}, {}
    # Every lead in one model call, not one call per article: with two torch threads (the default on a
    # 2-core machine) 64 single calls took 2-4x as long as one call of 64; with one thread, a little less.
    leads = RememberingEncoder(built.encoder)
    leads.encode([lead_text(document.article.title, document.article.text) for document in documents])
    stored: list[StoredArticle] = []
    inputs: list[StoryInput] = []
    for document in documents:
        article = document.article
        recorder = RecordingEncoder(leads)
        entities = capitalised_names(article.text, names[article.id])
        inputs.append(story_input(article.title, article.text, entities, article.published, recorder))
        stored.append(
            StoredArticle(
                document=document,
                sentence_vectors=list(sentence_vectors.get(article.id, [])),
                title_vector=title_vectors.get(article.id),
                story_vectors=recorder.vectors,
                story_names=sorted(entities),
                signature=signature(article.text, options.lsh),
            )
        )
    return Processed(articles=stored, story_inputs=inputs, problems=problems)


def _lean_analysis(articles: list[Article], names: dict[str, list[tuple[int, int, str]]]) -> list[ParsedArticle]:
    """Rule-based sentences and shape-found names: no model."""
    documents = split_articles(articles)
    for document in documents:
        article = document.article
        document.mentions = name_mentions(article.id, article.text, names[article.id])
    return documents


@cache
def _sentence_splitter() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _analyze(articles: Sequence[Article], nlp: Language) -> list[ParsedArticle]:
    unused = [name for name in _UNUSED_PIPES if name in nlp.pipe_names]
    if not unused:
        return analyze_articles(articles, nlp)
    with _PIPES, nlp.select_pipes(disable=unused):
        return analyze_articles(articles, nlp)
