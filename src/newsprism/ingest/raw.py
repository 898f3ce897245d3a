"""What a reader hands on before cleaning: text and metadata, no id yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsprism.model import Article


@dataclass
class RawArticle:
    title: str
    text: str
    source: str
    origin: str
    url: str | None = None
    published: datetime | None = None
    notes: list[str] = field(default_factory=list)


def raw_from_article(article: Article) -> RawArticle:
    """A stored article handed on again, as read (to brief a story of the corpus)."""
    return RawArticle(
        title=article.title,
        text=article.text,
        source=article.source,
        origin=article.origin,
        url=article.url,
        published=article.published,
    )
