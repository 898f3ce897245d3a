"""Attribution extraction: direct and reported speech, their cues and their (resolved) speakers."""

from newsprism.extract.quotes.article import attribute_article, attribute_articles, parse_paragraphs
from newsprism.extract.quotes.cues import CueLexicon, load_cues
from newsprism.extract.quotes.document import extract_quotes
from newsprism.extract.quotes.marks import QuotedSpan, find_quotes

__all__ = [
    "CueLexicon",
    "QuotedSpan",
    "attribute_article",
    "attribute_articles",
    "extract_quotes",
    "find_quotes",
    "load_cues",
    "parse_paragraphs",
]
