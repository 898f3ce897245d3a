"""Judging lines in context: the title, repetition in the article and the batch, blocks of furniture."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsprism.clean.options import CleanOptions
from newsprism.clean.rules import is_furniture_shaped, judge_line
from newsprism.clean.shape import LineShape, looks_like_dateline, measure, normalise

# Titles often carry the site after a separator: "Headline | Site", "Headline - Site".
_TITLE_SEPARATOR = re.compile(r"\s+[|–—:-]\s+|\s+::\s+")
_MIN_TITLE_WORDS = 3
_MIN_CONTAINED_SHARE = 0.8


def shared_furniture(articles: Sequence[Sequence[str]], options: CleanOptions) -> frozenset[str]:
    """Short non-sentence lines (normalised) that occur in several different articles of the batch.

    Identical articles count once, so a text ingested twice does not look like a page template.
    """
    seen: dict[str, set[tuple[str, ...]]] = {}
    for lines in articles:
        key = tuple(line for line in lines if line.strip())
        for line in set(key):
            shape = measure(line, options.min_sentence_words)
            if shape.words and is_furniture_shaped(shape, options) and not looks_like_dateline(line):
                seen.setdefault(normalise(line), set()).add(key)
    return frozenset(line for line, keys in seen.items() if len(keys) >= options.repeated_across_articles)


def judge_article(lines: Sequence[str], title: str, shared: frozenset[str], options: CleanOptions) -> dict[int, str]:
    """Reasons to remove lines of one article, by position in ``lines``; lines not named are kept."""
    shapes = [measure(line, options.min_sentence_words) for line in lines]
    reasons: dict[int, str] = {}
    for position, shape in enumerate(shapes):
        reason = judge_line(shape, options) or _repetition_reason(shape, title, shared, options)
        if reason:
            reasons[position] = reason
    reasons.update(_repeated_in_article(shapes, reasons, options))
    reasons.update(_block_reasons(shapes, reasons, options))
    return reasons


def _repetition_reason(shape: LineShape, title: str, shared: frozenset[str], options: CleanOptions) -> str | None:
    if shape.is_blank or looks_like_dateline(shape.text):
        return None
    if repeats_title(shape, title, options):
        return "repeats the title"
    if normalise(shape.text) in shared and is_furniture_shaped(shape, options):
        return "repeated across sources"
    return None


def repeats_title(shape: LineShape, title: str, options: CleanOptions) -> bool:
    """The line is the headline again (possibly without the site name, or reworded slightly)."""
    title_words = normalise(title).split()
    if len(title_words) < _MIN_TITLE_WORDS or not shape.words:
        return False
    line = " ".join(shape.words)
    parts = [normalise(part) for part in _TITLE_SEPARATOR.split(title)]
    if line == " ".join(title_words) or (len(shape.words) >= _MIN_TITLE_WORDS and line in parts):
        return True
    line_set, title_set = set(shape.words), set(title_words)
    common = len(line_set & title_set)
    if common / len(line_set | title_set) >= options.title_similarity:
        return True
    if shape.is_sentence or shape.is_quoted:
        # A lede sentence often reuses most of the headline's words; only a near-copy is a repeat.
        return False
    # A headline variant: holds nearly all the title's words, or is most of the title.
    holds_title = common / len(title_set) >= _MIN_CONTAINED_SHARE
    in_title = common / len(line_set) >= _MIN_CONTAINED_SHARE and len(line_set) >= 0.6 * len(title_set)
    return holds_title or in_title


def _repeated_in_article(shapes: Sequence[LineShape], reasons: dict[int, str], options: CleanOptions) -> dict[int, str]:
    """Later copies of a line, and short furniture lines repeated often on the page."""
    found: dict[int, str] = {}
    keys = [normalise(shape.text) for shape in shapes]
    counts = Counter(keys)
    seen: set[str] = set()
    for position, (shape, key) in enumerate(zip(shapes, keys, strict=True)):
        if not key or position in reasons:
            seen.add(key)
            continue
        if counts[key] >= options.repeated_in_article and is_furniture_shaped(shape, options):
            found[position] = "repeated on the page"
        elif key in seen:
            # The first copy stays, so no text is lost.
            found[position] = "repeats an earlier line"
        seen.add(key)
    return found


def _block_reasons(shapes: Sequence[LineShape], reasons: dict[int, str], options: CleanOptions) -> dict[int, str]:
    """Short lines caught between removed lines, before the first one, or after the last sentence."""
    content = [position for position, shape in enumerate(shapes) if not shape.is_blank]
    loose = {position for position in content if position not in reasons and _is_loose(shapes[position], options)}
    found: dict[int, str] = {}
    run: list[int] = []
    previous_removed = True  # the start of the article bounds a block as a removed line does
    for position in content:
        if position in loose:
            run.append(position)
            continue
        if position in reasons and previous_removed and run:
            found.update(dict.fromkeys(run, "inside a boilerplate block"))
        previous_removed = position in reasons
        run = []
    # After the last kept sentence a page holds only furniture; one removed line there marks the block.
    # With no kept sentence at all there is no telling furniture from a list article, so nothing goes.
    kept_sentences = [position for position in content if shapes[position].is_sentence and position not in reasons]
    if kept_sentences:
        tail = [position for position in content if position > kept_sentences[-1]]
        if any(position in reasons for position in tail):
            found.update({position: "end-of-page block" for position in tail if position in loose})
    return found


def _is_loose(shape: LineShape, options: CleanOptions) -> bool:
    # A line that could be furniture but says nothing to prove it; datelines are reporting.
    return is_furniture_shaped(shape, options) and not looks_like_dateline(shape.text)
