from __future__ import annotations

import numpy as np

from newsprism.compare import SentencePool, StatementOptions, group_statements, lexical_matrix
from newsprism.model import Article, ParsedArticle, Sentence
from newsprism.nlp import HashingEncoder


def document(article_id: str, sentences: list[str]) -> ParsedArticle:
    text = " ".join(sentences)
    spans, offset = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(
            Sentence(article_id=article_id, index=index, start=offset, end=offset + len(sentence), text=sentence)
        )
        offset += len(sentence) + 1
    return ParsedArticle(article=Article(id=article_id, source=article_id, text=text), sentences=spans)


def pool_of(documents: list[ParsedArticle]) -> SentencePool:
    encoder = HashingEncoder()
    vectors = {d.article.id: encoder.encode([s.text for s in d.sentences]) for d in documents}
    return SentencePool.from_documents(documents, vectors)


DOCS = [
    document(
        "a", ["Russia said troops were returning to their bases after drills.", "The weather was cold in Moscow today."]
    ),
    document(
        "b",
        [
            "Russia said its troops were returning to bases after the drills.",
            "Markets rose sharply in Asia on Tuesday.",
        ],
    ),
    document(
        "c",
        ["Russia said troops were returning to their bases after drills.", "NATO saw no sign of any withdrawal yet."],
    ),
]


def test_same_claim_from_three_sources_is_one_statement() -> None:
    groups = group_statements(pool_of(DOCS), {"a": "a", "b": "b", "c": "c"}, StatementOptions(threshold=0.5))
    biggest = max(groups.statements, key=lambda s: len(s.members))
    assert {m.article_id for m in biggest.members} == {"a", "b", "c"}
    assert biggest.support == 3
    assert sum(len(s.members) for s in groups.statements) == 6


def test_copies_add_no_support() -> None:
    groups = group_statements(pool_of(DOCS), {"a": "a", "b": "b", "c": "a"}, StatementOptions(threshold=0.5))
    biggest = max(groups.statements, key=lambda s: len(s.members))
    assert biggest.support == 2


def test_one_article_never_supports_a_statement_twice() -> None:
    twice = document(
        "a", ["Troops are returning to base, the ministry said.", "Troops are returning to base, the ministry said."]
    )
    groups = group_statements(pool_of([twice]), {"a": "a"}, StatementOptions(threshold=0.1))
    assert all(len(s.members) == 1 for s in groups.statements)


def test_unrelated_sentences_stay_apart() -> None:
    groups = group_statements(pool_of(DOCS), {"a": "a", "b": "b", "c": "c"}, StatementOptions(threshold=0.5))
    weather = next(s for s in groups.statements if s.members[0].article_id == "a" and s.members[0].sentence == 1)
    assert len(weather.members) == 1
    assert weather.support == 1


def test_lexical_overlap_is_dice_of_content_words() -> None:
    matrix = lexical_matrix(["Troops returned to base", "troops returned home", ""])
    assert np.isclose(matrix[0, 1], 2 * 2 / (3 + 3))
    assert matrix[0, 2] == 0.0
