"""The extract stage: who said what in each article."""

from newsprism.extract.quotes import attribute_article, attribute_articles, extract_quotes, parse_paragraphs
from newsprism.extract.quotes.cues import CueLexicon, load_cues
from newsprism.extract.records import Quote, QuoteKind, Resolution, TextSpan

__all__ = [
    "CueLexicon",
    "Quote",
    "QuoteKind",
    "Resolution",
    "TextSpan",
    "attribute_article",
    "attribute_articles",
    "extract_quotes",
    "load_cues",
    "parse_paragraphs",
]
