"""Clean: remove the boilerplate that survives extraction (share bars, ads, sign-up calls, navigation).

Lines are judged by shape and context (length, sentence punctuation, words addressed to the reader,
repetition within the article and across the batch, position among other removed lines); the
vocabulary that names each kind of furniture lives in ``data/boilerplate_vocabulary.json``.
"""

from newsprism.clean.articles import clean_articles, join_kept, split_lines
from newsprism.clean.language import detect_language, english_share, is_english
from newsprism.clean.options import CleanOptions

__all__ = [
    "CleanOptions",
    "clean_articles",
    "detect_language",
    "english_share",
    "is_english",
    "join_kept",
    "split_lines",
]
