"""What the summarizer sees of a sentence: its length in words, its stemmed terms and its concepts (bigrams)."""

from __future__ import annotations

import re
from itertools import pairwise

from newsprism.brief.summarize.stem import porter_stem

_TERM = re.compile(r"[a-z0-9]+")
_OPENING_QUOTE = ('"', "\u201c", "``", "'", "\u2018")

# Function words: a bigram of two of them ("of the") says nothing about a story.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own said same say says she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves mr mrs ms s t""".split()
)
# Concepts are built from stems, so the stop list is compared in its stemmed form ("was" -> "wa").
_STOP_STEMS = frozenset(porter_stem(word) for word in STOPWORDS) | STOPWORDS


def word_count(text: str) -> int:
    """Words as ROUGE-1.5.5 counts them for its length limit: runs of non-space characters."""
    return len(text.split())


def terms(text: str) -> list[str]:
    """Lower-cased, Porter-stemmed alphanumeric tokens, as ROUGE-1.5.5 compares them ("-" splits words)."""
    return [porter_stem(token) for token in _TERM.findall(text.lower())]


def bigram_concepts(stems: list[str]) -> set[tuple[str, str]]:
    """Adjacent stem pairs of a sentence, except pairs of two function words."""
    return {
        (first, second) for first, second in pairwise(stems) if not (first in _STOP_STEMS and second in _STOP_STEMS)
    }


def unigram_concepts(stems: list[str]) -> set[tuple[str, str]]:
    """Content stems of a sentence, as one-word concepts (second slot empty)."""
    return {(stem, "") for stem in stems if stem not in _STOP_STEMS and not stem.isdigit()}


def is_quote_or_question(text: str) -> bool:
    """Direct speech and questions rarely state a story's facts in the summary's own voice."""
    stripped = text.strip()
    return stripped.startswith(_OPENING_QUOTE) or stripped.endswith(("?", "?\u201d", '?"')) or stripped.endswith(":")
