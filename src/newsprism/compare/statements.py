"""Cross-source statements: sentences of different sources that say the same thing."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.compare.similarity import FloatMatrix, SimilarityOptions, is_negated, similarity_matrix
from newsprism.model import ParsedArticle, Sentence, SentenceRef, Statement


@dataclass(frozen=True)
class StatementOptions:
    """``threshold`` is on the blended similarity; pairs must reach it and so must whole groups on average."""

    threshold: float = 0.5
    min_words: int = 4
    similarity: SimilarityOptions = field(default_factory=SimilarityOptions)


@dataclass(frozen=True)
class SentencePool:
    """All sentences of a batch in one flat list, aligned with their embedding rows."""

    sentences: list[Sentence]
    embeddings: FloatMatrix

    @staticmethod
    def from_documents(documents: Sequence[ParsedArticle], embeddings: Mapping[str, FloatMatrix]) -> SentencePool:
        """``embeddings`` maps an article id to one row per sentence of that article."""
        sentences = [s for document in documents for s in document.sentences]
        rows = [embeddings[document.article.id] for document in documents if document.sentences]
        matrix = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, 1), dtype=np.float32)
        return SentencePool(sentences, matrix)


@dataclass
class StatementGroups:
    """The statements of a batch, plus the similarity matrix later stages reuse."""

    statements: list[Statement]
    similarity: FloatMatrix
    member_rows: list[list[int]]


def group_statements(
    pool: SentencePool, originals: Mapping[str, str], options: StatementOptions | None = None
) -> StatementGroups:
    """Group sentences that say the same thing across sources.

    ``originals`` maps each article id to the article it copies (itself if none), so that a
    syndicated copy adds no support. Greedy average-link merging over the strongest pairs first,
    never putting two sentences of one article in the same statement.
    """
    options = options or StatementOptions()
    texts = [s.text for s in pool.sentences]
    count = len(texts)
    if count == 0:
        return StatementGroups([], np.zeros((0, 0), dtype=np.float32), [])
    similarity = similarity_matrix(texts, pool.embeddings, options.similarity)
    articles = [s.article_id for s in pool.sentences]
    eligible = np.array([_is_statement(t, options.min_words) for t in texts])
    negated = np.array([is_negated(t) for t in texts])
    same_article = np.equal.outer(np.array(articles, dtype=object), np.array(articles, dtype=object))
    same_polarity = np.equal.outer(negated, negated)
    candidate = (
        (similarity >= options.threshold) & ~same_article & same_polarity & eligible[:, None] & eligible[None, :]
    )
    rows, columns = np.nonzero(np.triu(candidate, k=1))
    order = np.argsort(-similarity[rows, columns], kind="stable")

    cluster_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    for pair in order:
        first, second = cluster_of[rows[pair]], cluster_of[columns[pair]]
        if first == second:
            continue
        left, right = members[first], members[second]
        if {articles[i] for i in left} & {articles[i] for i in right}:
            continue
        if float(similarity[np.ix_(left, right)].mean()) < options.threshold:
            continue
        members[first] = left + right
        for index in right:
            cluster_of[index] = first
        del members[second]

    centrality = _cross_source_centrality(similarity, same_article)
    groups = sorted(members.values(), key=lambda group: min(group))
    statements = []
    for number, group in enumerate(groups):
        ordered = sorted(group, key=lambda i: -_cohesion(similarity, group, i))
        statements.append(
            Statement(
                id=number,
                members=[SentenceRef(article_id=articles[i], sentence=pool.sentences[i].index) for i in ordered],
                support=len({originals.get(articles[i], articles[i]) for i in group}),
                centrality=round(float(np.mean([centrality[i] for i in group])), 4),
            )
        )
    member_rows = [sorted(group, key=lambda i: -_cohesion(similarity, group, i)) for group in groups]
    return StatementGroups(statements, similarity, member_rows)


# Sentences end with terminal punctuation, possibly inside a closing quote or bracket; headlines don't,
# and their telegraphic wording matches too loosely to group them with sentences.
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")


def _is_statement(text: str, min_words: int) -> bool:
    return len(text.split()) >= min_words and bool(_TERMINAL.search(text.rstrip()))


def _cohesion(similarity: FloatMatrix, group: list[int], index: int) -> float:
    """How well a member stands for its group: mean similarity to the other members."""
    if len(group) == 1:
        return 0.0
    return float(sum(similarity[index, other] for other in group if other != index) / (len(group) - 1))


def _cross_source_centrality(similarity: FloatMatrix, same_article: np.ndarray) -> np.ndarray:
    """Mean similarity of each sentence to the sentences of other articles: how much of the story it carries."""
    others = ~same_article
    counts = others.sum(axis=1)
    totals = np.where(others, similarity, 0.0).sum(axis=1)
    return np.where(counts > 0, totals / np.maximum(counts, 1), 0.0)
