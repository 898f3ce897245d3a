"""Judging one line on its own: its shape first, then what its words are about."""

from __future__ import annotations

import re
from collections import Counter

from newsprism.clean.options import CleanOptions
from newsprism.clean.shape import LineShape, english_stop_words, looks_like_dateline, split_sentences, words_of
from newsprism.clean.vocabulary import credit_patterns, load_vocabulary, promo_patterns, strong_patterns

_DIGIT = re.compile(r"\d")
_RIGHTS = re.compile(r"rights reserved|\d{4}", re.IGNORECASE)
_MAX_CREDIT_WORDS = 8
_MAX_RELATED_LINK_WORDS = 16
_MAX_STRONG_WORDS = 6
# Short addresses to the reader ("There was an error processing your subscription.") are furniture;
# longer sentences that mention subscribers are usually reporting about them.
_MAX_READER_SENTENCE_WORDS = 12


def judge_line(shape: LineShape, options: CleanOptions) -> str | None:
    """The reason to remove a line judged without context, or ``None`` to keep it."""
    if shape.is_blank:
        return None
    if not shape.has_alnum:
        return "no words"
    if looks_like_dateline(shape.text):
        return None
    if not shape.is_quoted and (reason := credit_reason(shape)):
        return reason
    if is_furniture_shaped(shape, options):
        reason = strong_reason(shape) or vocabulary_reason(shape, options)
        if reason:
            return reason
    return promotion_reason(shape, options)


def is_furniture_shaped(shape: LineShape, options: CleanOptions) -> bool:
    """Short, not a sentence, not a quotation: the shape of a button, a label or a link."""
    return not shape.is_sentence and not shape.is_quoted and len(shape.words) <= options.max_furniture_words


def credit_reason(shape: LineShape) -> str | None:
    """``Source: AFP``, ``By Jane Doe``, ``Updated: Nov. 19, 2019``, ``© 2019 Inexhibit``, ``Related: ...``."""
    for reason, pattern in credit_patterns().items():
        match = pattern.match(shape.text.strip())
        if match is None:
            continue
        rest = match.group("rest")
        if reason == "related link":
            # A headline of another story follows the label; a sentence there would be reporting.
            if match.group("colon") and rest and not shape.is_sentence and len(shape.words) <= _MAX_RELATED_LINK_WORDS:
                return reason
            continue
        if len(shape.words) > _MAX_CREDIT_WORDS:
            return None
        if reason == "credit line" and match.group("colon") and rest:
            return reason
        if reason == "byline" and _is_names(rest):
            return reason
        if reason == "date stamp" and _DIGIT.search(rest):
            return reason
        if reason == "copyright notice" and _RIGHTS.search(rest):
            return reason
    return None


def _is_names(text: str) -> bool:
    # "Jane Doe, AP" or "Jane Doe and John Roe": every word capitalised or a joining word.
    words = re.findall(r"[^\W\d_][\w.'’-]*", text)
    if not 1 <= len(words) <= 6:
        return False
    return all(word[0].isupper() or word in {"and", "of", "de", "van", "von"} for word in words)


def strong_reason(shape: LineShape) -> str | None:
    """A short line naming what it is: ``Pick Six Newsletter``, ``Remove Ads``, ``Read more``."""
    if len(shape.words) > _MAX_STRONG_WORDS:
        return None
    for reason, pattern in strong_patterns().items():
        if pattern.search(shape.text):
            return reason
    return None


def vocabulary_reason(shape: LineShape, options: CleanOptions) -> str | None:
    """A short line made mostly of boilerplate words (``Previous Post Next Post``)."""
    vocabulary = load_vocabulary()
    stop_words = english_stop_words()
    content = [word for word in shape.words if word not in stop_words] or list(shape.words)
    if not content:
        return None
    hits: Counter[str] = Counter()
    furniture = 0
    for word in content:
        reasons = [reason for reason, terms in vocabulary.line_terms.items() if word in terms]
        furniture += bool(reasons)
        hits.update(reasons)
    if furniture / len(content) < options.furniture_share:
        return None
    order = list(vocabulary.line_terms)
    # Most hits wins; ties go to the reason listed first in the vocabulary file.
    return max(hits, key=lambda reason: (hits[reason], -order.index(reason)))


def promotion_reason(shape: LineShape, options: CleanOptions) -> str | None:
    """A line whose sentences mostly address the reader to sign up, buy, follow or click."""
    if shape.is_quoted:
        return None
    sentences = split_sentences(shape.text)
    if not sentences:
        return None
    reasons = [_sentence_promotion(sentence, options) for sentence in sentences]
    found = [reason for reason in reasons if reason]
    if not found or len(found) * 2 < len(sentences):
        return None
    return found[0]


def _sentence_promotion(sentence: str, options: CleanOptions) -> str | None:
    words = words_of(sentence)
    if not words or len(words) > options.max_promo_sentence_words:
        return None
    vocabulary = load_vocabulary()
    first = words[1] if words[0] == "please" and len(words) > 1 else words[0]
    imperative = first in vocabulary.cta_verbs
    to_reader = any(word in vocabulary.reader_words for word in words) and len(words) <= _MAX_READER_SENTENCE_WORDS
    if not (imperative or to_reader):
        return None
    for reason, pattern in promo_patterns().items():
        if pattern.search(sentence):
            return reason
    return None
