"""The knobs of the clean stage, apart from its results."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanOptions:
    """How boldly the cleaner removes lines; the defaults keep every line they are unsure of."""

    max_furniture_words: int = 10
    """A line longer than this is never judged by its vocabulary alone."""
    furniture_share: float = 0.6
    """Share of a short line's content words that must be boilerplate vocabulary to remove it."""
    min_sentence_words: int = 3
    """A line with terminal punctuation and at least this many words reads as a sentence."""
    max_promo_sentence_words: int = 30
    """A sentence longer than this is reporting, whatever it says to the reader."""
    title_similarity: float = 0.75
    """Word overlap (Jaccard) above which a line repeats the title."""
    max_loose_run: int = 3
    """At most this many short lines are removed for standing between removed lines (or before one at the end)."""
    repeated_across_articles: int = 2
    """A short non-sentence line before the first or after the last sentence, seen in this many different
    articles of the batch, is a page template."""
    min_english_share: float = 0.12
    """Share of English function words from which a text is taken to be English."""
    min_language_words: int = 8
    """Below this many words the language is not guessed."""
