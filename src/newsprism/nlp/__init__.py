"""NLP: sentences, entity mentions and sentence embeddings, behind small model interfaces."""

from newsprism.nlp.analyze import AnalyzedArticle, ParagraphDoc, analyze_articles, parse_articles
from newsprism.nlp.models import (
    HashingEncoder,
    ModelOptions,
    SentenceEncoder,
    TransformerEncoder,
    load_encoder,
    load_spacy,
)
from newsprism.nlp.paragraphs import Paragraph, split_paragraphs

__all__ = [
    "AnalyzedArticle",
    "HashingEncoder",
    "ModelOptions",
    "Paragraph",
    "ParagraphDoc",
    "SentenceEncoder",
    "TransformerEncoder",
    "analyze_articles",
    "load_encoder",
    "load_spacy",
    "parse_articles",
    "split_paragraphs",
]
