"""NLP: sentences, entity mentions and sentence embeddings, behind small model interfaces."""

from newsprism.nlp.analyze import analyze_articles
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
    "HashingEncoder",
    "ModelOptions",
    "Paragraph",
    "SentenceEncoder",
    "TransformerEncoder",
    "analyze_articles",
    "load_encoder",
    "load_spacy",
    "split_paragraphs",
]
