from __future__ import annotations

from newsprism.compare import SentencePool, StatementOptions, group_statements
from newsprism.compare.outliers import find_outliers
from newsprism.model import Article, ParsedArticle, Sentence
from newsprism.nlp import HashingEncoder


def document(article_id: str, text: str) -> ParsedArticle:
    sentence = Sentence(article_id=article_id, index=0, start=0, end=len(text), text=text)
    return ParsedArticle(article=Article(id=article_id, source=article_id, text=text), sentences=[sentence])


def outliers_of(texts: dict[str, str]) -> list[str]:
    documents = [document(key, text) for key, text in texts.items()]
    encoder = HashingEncoder()
    vectors = {d.article.id: encoder.encode([s.text for s in d.sentences]) for d in documents}
    pool = SentencePool.from_documents(documents, vectors)
    originals = {key: key for key in texts}
    groups = group_statements(pool, originals, StatementOptions(threshold=0.5))
    numbers = {key: n for n, key in enumerate(texts, start=1)}
    return [value.text for conflict in find_outliers(pool, groups, originals, numbers) for value in conflict.values]


def test_one_source_inverting_the_majority_is_flagged_with_the_evidence() -> None:
    found = outliers_of(
        {
            "a": "The ministry said the troops were returning to their bases after the drills.",
            "b": "The ministry said the troops were returning to their bases after the drills ended.",
            "c": "The ministry said the troops were not returning to their bases after the drills.",
        }
    )
    assert found[-1] == "The ministry said the troops were not returning to their bases after the drills."
    assert len(found) == 2


def test_agreeing_sources_have_no_outlier() -> None:
    assert not outliers_of(
        {
            "a": "The ministry said the troops were returning to their bases after the drills.",
            "b": "The ministry said the troops were returning to their bases after the drills ended.",
            "c": "Markets in Moscow rose on Tuesday after the announcement by the ministry.",
        }
    )
