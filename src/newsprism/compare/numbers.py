"""Figures across sources: group those that count the same thing, and find where they disagree.

A figure is an interval: an exact figure is its value, an approximate one ("some", "around") its value
give or take ``approximate_tolerance`` either way, a bound ("more than") reaches to infinity or zero.
Two figures of one measure disagree when their intervals do not meet; vague amounts ("tens of thousands")
never do. Totals and changes are grouped
apart and never compared ("7,000 more soldiers" says nothing against "150,000 troops").
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprism.extract.number_records import (
    Conflict,
    ConflictValue,
    Figure,
    NumberGroup,
    Quantity,
    QuantityKind,
    SpanCitation,
)

# Hedges that exclude their own figure: "more than 40" is not 40.
_STRICT_HEDGES = frozenset(
    {"more than", "over", "above", "exceeding", "in excess of", "upwards of", "fewer than", "less than", "under"}
)


@dataclass(frozen=True)
class NumberOptions:
    """How far figures may differ before they conflict."""

    # Each approximate figure may be off this much either way, so two approximate figures may differ by
    # about 15% ("about 130,000" and "around 150,000" agree) and an approximate and an exact one by 7.5%.
    approximate_tolerance: float = 0.075
    # Figures this many times apart count different things (one death in one attack, 40,000 in a war).
    max_ratio: float = 5.0
    # Figures of one article that differ are often different moments of one story; flag only across sources.
    across_sources_only: bool = True


@dataclass(frozen=True)
class MeasureVocabulary:
    """Synonym classes of counted nouns and of what happened to them (``compare/data/measures.json``)."""

    nouns: dict[str, str]
    events: dict[str, str]
    generic: frozenset[str]
    noun_events: dict[str, tuple[str, str]]


@cache
def load_measures() -> MeasureVocabulary:
    """The measure vocabulary shipped with newsprism."""
    data = json.loads(resources.files("newsprism.compare").joinpath("data/measures.json").read_text("utf-8"))
    return MeasureVocabulary(
        nouns={word: name for name, words in data["nouns"].items() for word in words},
        events={word: name for name, words in data["events"].items() for word in words},
        generic=frozenset(data["generic"]),
        noun_events={noun: (pair[0], pair[1]) for noun, pair in data["noun_events"].items()},
    )


def measure_key(quantity: Quantity, vocabulary: MeasureVocabulary) -> tuple[str, str | None] | None:
    """The class of what a figure counts, (noun class, event class); None when it counts nothing comparable."""
    if quantity.noun is None:
        return None
    noun = vocabulary.nouns.get(quantity.noun, quantity.noun)
    event = vocabulary.events.get(quantity.event) if quantity.event else None
    if noun in vocabulary.noun_events:
        noun, event = vocabulary.noun_events[noun]
    if noun in vocabulary.generic and event is None:
        return None
    return noun, event


def group_numbers(quantities: Sequence[Quantity], vocabulary: MeasureVocabulary | None = None) -> list[NumberGroup]:
    """Figures of one measure and kind that at least two articles give, largest groups first."""
    vocabulary = vocabulary or load_measures()
    groups: dict[tuple[str, str | None, QuantityKind], list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        key = measure_key(quantity, vocabulary)
        if key is not None:
            groups[(*key, quantity.kind)].append(quantity)
    found = [
        NumberGroup(measure=_measure_name(noun, event), kind=kind, figures=[_figure(q) for q in members])
        for (noun, event, kind), members in groups.items()
        if len({q.article_id for q in members}) > 1
    ]
    return sorted(found, key=lambda group: -len(group.figures))


def find_number_conflicts(groups: Sequence[NumberGroup], options: NumberOptions | None = None) -> list[Conflict]:
    """A conflict for every group whose figures disagree beyond their stated approximation."""
    options = options or NumberOptions()
    conflicts = []
    for group in groups:
        if group.kind != "total":
            continue  # changes are rarely of one period; comparing them would flag different moves
        clashing: set[int] = set()
        for i, first in enumerate(group.figures):
            for j in range(i + 1, len(group.figures)):
                second = group.figures[j]
                if options.across_sources_only and first.citation.article_id == second.citation.article_id:
                    continue
                if scopes_compatible(first, second) and figures_disagree(first, second, options):
                    clashing.update((i, j))
        if clashing:
            conflicts.append(
                Conflict(subject=group.measure, values=_values([group.figures[i] for i in sorted(clashing)]))
            )
    return conflicts


def figures_disagree(first: Figure, second: Figure, options: NumberOptions) -> bool:
    """Whether two figures of one measure cannot both hold, given their hedges and tolerance."""
    if _vague(first) or _vague(second):
        return False  # "tens of thousands" claims an order of magnitude, which max_ratio already checks
    low_a, high_a = _interval(first, options)
    low_b, high_b = _interval(second, options)
    if _ratio(first, second) > options.max_ratio:
        return False
    low, high = max(low_a, low_b), min(high_a, high_b)
    if low < high:
        return False
    if low > high:
        return True
    # The intervals touch at one point: they agree unless a bound excludes it ("more than 40" vs 40).
    return _excludes(first, low) or _excludes(second, low)


def scopes_compatible(first: Figure, second: Figure) -> bool:
    """Figures for different named places or times ("in Iraq" vs "in Syria") are not of one quantity."""
    names_a, names_b = _scope_words(first), _scope_words(second)
    if not names_a or not names_b:
        return True
    return any(a[:5] == b[:5] for a in names_a for b in names_b)


def _interval(figure: Figure, options: NumberOptions) -> tuple[float, float]:
    if figure.approximation == "lower_bound":
        return figure.low, math.inf
    if figure.approximation == "upper_bound":
        return 0.0, figure.high
    if figure.approximation == "approximate":
        return figure.low / (1 + options.approximate_tolerance), figure.high * (1 + options.approximate_tolerance)
    return figure.low, figure.high


def _vague(figure: Figure) -> bool:
    return figure.approximation == "approximate" and figure.hedge is None and figure.low < figure.high


def _excludes(figure: Figure, point: float) -> bool:
    if figure.hedge not in _STRICT_HEDGES:
        return False
    bound = figure.low if figure.approximation == "lower_bound" else figure.high
    return figure.approximation in {"lower_bound", "upper_bound"} and point == bound


def _ratio(first: Figure, second: Figure) -> float:
    """How many times apart two figures are, bounds included (a bound is near its own figure)."""
    a, b = (first.low + first.high) / 2, (second.low + second.high) / 2
    if min(a, b) <= 0:
        return math.inf
    return max(a, b) / min(a, b)


def _scope_words(figure: Figure) -> set[str]:
    words = (word.lower() for name in figure.scope for word in name.replace("-", " ").split())
    return {word for word in words if word not in {"the", "a", "an", "of"}}


def _measure_name(noun: str, event: str | None) -> str:
    return f"{noun} {event}" if event else noun


def _figure(quantity: Quantity) -> Figure:
    return Figure(
        text=" ".join(quantity.phrase.split()),
        low=quantity.low,
        high=quantity.high,
        approximation=quantity.approximation,
        hedge=quantity.hedge,
        scope=quantity.scope_names,
        citation=SpanCitation(
            article_id=quantity.article_id,
            sentence=quantity.sentence,
            start=quantity.start,
            end=quantity.end,
            text=quantity.text,
        ),
    )


def _values(figures: Sequence[Figure]) -> list[ConflictValue]:
    """One value per distinct figure (value and hedge), with every span that gives it."""
    values: dict[tuple[float, float, str, str | None], ConflictValue] = {}
    for figure in figures:
        key = (figure.low, figure.high, figure.approximation, figure.hedge)
        if key in values:
            values[key].citations.append(figure.citation)
        else:
            values[key] = ConflictValue(text=figure.text, citations=[figure.citation])
    return list(values.values())
