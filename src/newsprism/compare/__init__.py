"""Compare: what sources say in common, and (later) where they diverge."""

from newsprism.compare.similarity import SimilarityOptions, content_words, lexical_matrix, similarity_matrix
from newsprism.compare.statements import (
    SentencePool,
    StatementGroups,
    StatementOptions,
    group_statements,
)

__all__ = [
    "SentencePool",
    "SimilarityOptions",
    "StatementGroups",
    "StatementOptions",
    "content_words",
    "group_statements",
    "lexical_matrix",
    "similarity_matrix",
]
