"""Judging lines in context: the title, repetition in the article and the batch, blocks of furniture."""

from __future__ import annotations

import re
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
        if reason := judge_line(shape, options):
            reasons[position] = reason
        elif not shape.is_blank and not looks_like_dateline(shape.text) and repeats_title(shape, title, options):
            reasons[position] = "repeats the title"
    reasons.update(_shared_reasons(shapes, reasons, shared, options))
    reasons.update(_block_reasons(shapes, reasons, options))
    return reasons


def _shared_reasons(
    shapes: Sequence[LineShape], reasons: dict[int, str], shared: frozenset[str], options: CleanOptions
) -> dict[int, str]:
    # Only at the edges: in the body, a line other articles share is more likely a subhead of a wire copy.
    first, last = _kept_sentence_span(shapes, reasons)
    return {
        position: "repeated across sources"
        for position, shape in enumerate(shapes)
        if position not in reasons
        and not first <= position <= last
        and _is_loose(shape, options)
        and normalise(shape.text) in shared
    }


def _kept_sentence_span(shapes: Sequence[LineShape], reasons: dict[int, str]) -> tuple[int, int]:
    """Positions of the first and last kept sentence; an empty span when there is none."""
    sentences = [position for position, shape in enumerate(shapes) if shape.is_sentence and position not in reasons]
    return (sentences[0], sentences[-1]) if sentences else (len(shapes), -1)


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
    if shape.is_sentence or shape.is_quoted or shape.text.rstrip().endswith(":"):
        # A lede sentence often reuses most of the headline's words, and "Tour dates:" introduces a list.
        return False
    # A headline variant: nearly all the title's words, and not much else.
    return common / len(title_set) >= _MIN_CONTAINED_SHARE and len(shape.words) <= 2 * len(title_words)


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
        if position in reasons and previous_removed and 0 < len(run) <= options.max_loose_run:
            found.update(dict.fromkeys(run, "inside a boilerplate block"))
        previous_removed = position in reasons
        run = []
    found.update(_tail_reasons(content, reasons, loose, _kept_sentence_span(shapes, reasons)[1], options))
    return found


def _tail_reasons(
    content: Sequence[int], reasons: dict[int, str], loose: set[int], last_sentence: int, options: CleanOptions
) -> dict[int, str]:
    # After the last kept sentence a page holds furniture: once one line there is removed, the short lines
    # after it go too, and a few just before it ("Do you know what we posted on" above a share bar).
    # With no kept sentence there is no telling furniture from a list article, so nothing goes.
    if last_sentence < 0:
        return {}
    tail = [position for position in content if position > last_sentence]
    flagged = [position for position in tail if position in reasons]
    if not flagged:
        return {}
    lead = [position for position in tail if position < flagged[0]]
    found = {position: "end-of-page block" for position in tail if position > flagged[0] and position in loose}
    if len(lead) <= options.max_loose_run and all(position in loose for position in lead):
        found.update(dict.fromkeys(lead, "end-of-page block"))
    return found


def _is_loose(shape: LineShape, options: CleanOptions) -> bool:
    # A line that could be furniture but says nothing to prove it; datelines are reporting.
    return is_furniture_shaped(shape, options) and not looks_like_dateline(shape.text)
