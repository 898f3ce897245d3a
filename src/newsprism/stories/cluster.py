"""Online story clustering: each article joins the best live story or starts one; converging stories merge.

A story keeps the sum of its members' vectors (its centroid is the normalised sum), how many of its
members name each entity and each year, and the span of their dates. Entities are weighted by inverse document
frequency over the articles seen so far, so "Los Angeles" says less than "Promises Treatment Center".
State depends only on the order of inputs, so replaying the store's assignments rebuilds it exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from newsprism.stories.index import VectorIndex, make_index
from newsprism.stories.options import Assignment, StoryInput, StoryOptions


@dataclass
class _Story:
    id: int
    members: list[str] = field(default_factory=list)
    vector_sum: npt.NDArray[np.float64] | None = None
    entities: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    # ``entities`` as arrays of entity numbers and counts, rebuilt after ``absorb`` changes them.
    entity_arrays: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]] | None = None

    @property
    def centroid(self) -> npt.NDArray[np.float32]:
        assert self.vector_sum is not None
        norm = float(np.linalg.norm(self.vector_sum))
        return (self.vector_sum / max(norm, 1e-12)).astype(np.float32)

    def absorb(
        self,
        vector: npt.NDArray[np.float64],
        entities: Counter[str],
        years: Counter[int],
        dates: Sequence[datetime | None],
    ) -> None:
        self.vector_sum = vector.copy() if self.vector_sum is None else self.vector_sum + vector
        self.entities.update(entities)
        self.entity_arrays = None
        self.years.update(years)
        known = [date for date in (self.first, self.last, *dates) if date is not None]
        self.first, self.last = (min(known), max(known)) if known else (None, None)


def _utc(date: datetime | None) -> datetime | None:
    # Feeds mix naive and aware dates; naive ones are taken as UTC so the two can be compared.
    if date is None or date.tzinfo is not None:
        return date
    return date.replace(tzinfo=UTC)


class StoryClusterer:
    """Assigns articles to stories one at a time; see :class:`StoryOptions` for the scoring."""

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self._stories: dict[int, _Story] = {}
        self._index: VectorIndex = make_index(self.options.index)
        self._document_frequency: Counter[str] = Counter()
        # log(1 + document frequency) of every entity seen, kept current in ``_observe``: the similarity
        # reads it for every name of every candidate story.
        self._log_frequency: dict[str, float] = {}
        # The same by entity number, for the sums over a story's names (numbered in order of first sight).
        self._entity_number: dict[str, int] = {}
        self._log_by_number = np.zeros(1024, dtype=np.float64)
        self._articles = 0
        self._next_id = 0

    def stories(self) -> dict[int, list[str]]:
        """Article ids of every story, by story id, in arrival order."""
        return {story.id: list(story.members) for story in self._stories.values()}

    @classmethod
    def from_assignments(
        cls, items: Sequence[tuple[StoryInput, int]], options: StoryOptions | None = None
    ) -> StoryClusterer:
        """Rebuild the state the store recorded: each input, in arrival order, with the story id it ended in."""
        clusterer = cls(options)
        for item, story_id in items:
            clusterer._observe(item)
            story = clusterer._stories.get(story_id)
            if story is None:
                story = clusterer._stories[story_id] = _Story(story_id)
            clusterer._add_to(story, item)
            clusterer._next_id = max(clusterer._next_id, story_id + 1)
        for story in clusterer._stories.values():
            clusterer._index.upsert(story.id, story.centroid)
        return clusterer

    def assign(self, item: StoryInput) -> Assignment:
        """Put one article into the best-matching live story, or a new one; then merge stories that converged."""
        self._observe(item)
        published = _utc(item.published)
        scored = []
        for story_id, cosine in self._index.nearest(item.vector, self.options.candidates):
            story = self._stories[story_id]
            score = self._score(cosine, Counter(item.entities), Counter(item.years), 1, story, published, published)
            if score is not None and score >= self.options.threshold:
                scored.append((score, -story_id))
        # Best score wins; on a tie the older story, so the outcome never depends on the index's order.
        best = self._stories[-max(scored)[1]] if scored else None
        new_story = best is None
        if best is None:
            best = self._stories[self._next_id] = _Story(self._next_id)
            self._next_id += 1
        self._add_to(best, item)
        self._index.upsert(best.id, best.centroid)
        merged = self._merge_around(best)
        return Assignment(item.article_id, merged.get(best.id, best.id), new_story, merged)

    def _observe(self, item: StoryInput) -> None:
        self._articles += 1
        self._document_frequency.update(item.entities)
        for entity in item.entities:
            log_frequency = math.log(1 + self._document_frequency[entity])
            self._log_frequency[entity] = log_frequency
            number = self._entity_number.setdefault(entity, len(self._entity_number))
            if number >= len(self._log_by_number):
                self._log_by_number = np.concatenate([self._log_by_number, np.zeros_like(self._log_by_number)])
            self._log_by_number[number] = log_frequency

    def _add_to(self, story: _Story, item: StoryInput) -> None:
        story.members.append(item.article_id)
        story.absorb(
            item.vector.astype(np.float64), Counter(item.entities), Counter(item.years), [_utc(item.published)]
        )

    def _entity_similarity(
        self, first: Counter[str], first_size: int, story: _Story, first_story: _Story | None = None
    ) -> float:
        """Cosine of the two IDF-weighted vectors of 'share of members naming the entity': ``first``
        (an article's names, or ``first_story``'s) against ``story``'s.

        An entity weighs its inverse document frequency, ``log((1 + articles) / (1 + df)) + 1``. This runs
        for every candidate story of every article, over every name a story has gathered (a fifth of a
        lean ingest's time when written plainly), so the logarithms are kept, a story's norm is one
        vector sum, and the dot product walks the smaller side.
        """
        second, second_size = story.entities, len(story.members)
        if not first or not second:
            return 0.0
        shift = math.log(1 + self._articles) + 1.0
        logs = self._log_frequency
        small, small_size, large, large_size = (
            (first, first_size, second, second_size)
            if len(first) <= len(second)
            else (second, second_size, first, first_size)
        )
        dot = 0.0
        for entity, count in small.items():
            other = large.get(entity)
            if other:
                dot += (shift - logs.get(entity, 0.0)) * (count / small_size) * (other / large_size)
        if not dot:
            return 0.0
        if first_story is not None:
            norm_first = self._norm(first_story, first_size, shift)
        else:
            norm_first = 0.0
            for entity, count in first.items():
                share = count / first_size
                norm_first += (shift - logs.get(entity, 0.0)) * share * share
        return dot / math.sqrt(norm_first * self._norm(story, second_size, shift))

    def _norm(self, story: _Story, size: int, shift: float) -> float:
        numbers, counts = self._arrays_of(story)
        shares = counts / size
        return float(((shift - self._log_by_number[numbers]) * shares * shares).sum())

    def _arrays_of(self, story: _Story) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        if story.entity_arrays is None:
            # A story's names were all observed (numbered) when the articles that bring them arrived.
            numbers = np.fromiter((self._entity_number[e] for e in story.entities), dtype=np.int64)
            counts = np.fromiter(story.entities.values(), dtype=np.float64, count=len(story.entities))
            story.entity_arrays = (numbers, counts)
        return story.entity_arrays

    def _year_term(self, first: Counter[int], second: Counter[int]) -> float:
        """``year_weight * (2 * agreement - 1)`` when both sides name years, else 0 (see :class:`StoryOptions`)."""
        if not first or not second or not self.options.year_weight:
            return 0.0
        # The cosine of counts is that of shares of members: scaling a vector does not change it.
        dot = sum(n * second[year] for year, n in first.items())
        norms = math.sqrt(sum(n * n for n in first.values()) * sum(n * n for n in second.values()))
        return self.options.year_weight * (2.0 * dot / norms - 1.0)

    def _score(
        self,
        cosine: float,
        entities: Counter[str],
        years: Counter[int],
        size: int,
        story: _Story,
        first: datetime | None,
        last: datetime | None,
        other: _Story | None = None,
    ) -> float | None:
        """Combined similarity of a story and an article (or ``other``, a story); None when too far apart in time."""
        penalty = 0.0
        if first is not None and last is not None and story.first is not None and story.last is not None:
            gap = max(first - story.last, story.first - last).total_seconds()
            if gap > self.options.window.total_seconds():
                return None
            penalty = self.options.time_penalty * max(0.0, gap) / self.options.window.total_seconds()
        entity = self._entity_similarity(entities, size, story, other)
        # Names are evidence only as far as there are some: a side with one or two ("Ohio State
        # University") scores a low entity cosine against any story, its own included, so there the
        # wording of the lead carries more of the score.
        names = min(len(entities), len(story.entities))
        weight = self.options.entity_weight * min(1.0, names / max(1, self.options.full_entities))
        years_term = self._year_term(years, story.years)
        return (1.0 - weight) * cosine + weight * entity + years_term - penalty

    def _merge_limit(self, first: _Story, second: _Story) -> float:
        """The score two stories must reach to merge: an article alone in its story rejoins like a new one."""
        if min(len(first.members), len(second.members)) == 1:
            return min(self.options.threshold, self.options.merge_threshold)
        return self.options.merge_threshold

    def _merge_around(self, story: _Story) -> dict[int, int]:
        """Merge stories that now look like ``story``; the larger survives (the older on a tie).

        An article that started a story of its own may fit a neighbour better once that neighbour has
        grown, so a story of one article merges at the join threshold: a late assignment, judged like
        one. Two stories of several articles each must look more alike (``merge_threshold``).
        """
        merged: dict[int, int] = {}
        changed = True
        while changed:
            changed = False
            for other_id, cosine in self._index.nearest(story.centroid, self.options.candidates):
                if other_id == story.id:
                    continue
                other = self._stories[other_id]
                score = self._score(
                    cosine, other.entities, other.years, len(other.members), story, other.first, other.last, other
                )
                if score is None or score < self._merge_limit(story, other):
                    continue
                survivor, absorbed = sorted((story, other), key=lambda s: (-len(s.members), s.id))
                survivor.members += absorbed.members
                assert absorbed.vector_sum is not None
                survivor.absorb(absorbed.vector_sum, absorbed.entities, absorbed.years, [absorbed.first, absorbed.last])
                del self._stories[absorbed.id]
                self._index.remove(absorbed.id)
                self._index.upsert(survivor.id, survivor.centroid)
                merged = {old: (survivor.id if new == absorbed.id else new) for old, new in merged.items()}
                merged[absorbed.id] = survivor.id
                story, changed = survivor, True
                break
        return merged
