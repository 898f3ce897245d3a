"""Is an article English? The share of English function words says so without loading a model."""

from __future__ import annotations

from newsprism.clean.options import CleanOptions
from newsprism.clean.shape import english_stop_words, words_of

ENGLISH = "en"


def english_share(text: str) -> float:
    """Share of the words of ``text`` that are English function words (0.0 for no words)."""
    words = words_of(text)
    if not words:
        return 0.0
    stop_words = english_stop_words()
    return sum(word in stop_words for word in words) / len(words)


def detect_language(text: str, options: CleanOptions | None = None) -> str | None:
    """``"en"`` when the text reads as English, else ``None`` (another language, or too little text to tell)."""
    options = options or CleanOptions()
    if len(words_of(text)) < options.min_language_words:
        return None
    return ENGLISH if english_share(text) >= options.min_english_share else None


def is_english(text: str, options: CleanOptions | None = None) -> bool:
    """Whether the text reads as English (see ``detect_language``)."""
    return detect_language(text, options) == ENGLISH
