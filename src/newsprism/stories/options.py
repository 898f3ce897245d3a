"""What the story clusterer is told (options), what it reads (StoryInput) and what it answers (Assignment)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class StoryOptions:
    """Knobs of online story clustering.

    An article and a story (or two stories) score ``(1 - entity_weight) * cosine of title+lead
    vectors + entity_weight * weighted cosine of entity sets``, minus a time penalty that grows to
    ``time_penalty`` at ``window`` apart; past ``window`` a story is dormant and takes no articles.
    Without dates on either side there is no time term: nothing is known, so nothing is assumed.
    """

    # Tuned on ECB+ dev (bench: newsprism.eval.ecbplus): entities carry most of the signal, because
    # stories of one kind (two earthquakes) read alike; F1 stays within 0.01 for threshold 0.25-0.3,
    # entity_weight 0.8-0.9, merge_threshold 0.45-0.6.
    threshold: float = 0.3
    merge_threshold: float = 0.5
    entity_weight: float = 0.8
    window: timedelta = timedelta(days=3)
    time_penalty: float = 0.1
    # Stories rescored per article: the vector index proposes them, entities and time decide.
    candidates: int = 16
    index: str = "exact"

    def __post_init__(self) -> None:
        if not 0.0 <= self.entity_weight <= 1.0:
            raise ValueError(f"entity_weight must be in [0, 1], not {self.entity_weight}")
        if self.window <= timedelta(0):
            raise ValueError(f"window must be positive, not {self.window}")


@dataclass(frozen=True)
class StoryInput:
    """One article as the clusterer sees it: a unit title+lead vector, its entities, its date."""

    article_id: str
    vector: npt.NDArray[np.float32]
    entities: frozenset[str]
    published: datetime | None = None


@dataclass(frozen=True)
class Assignment:
    """Where an article went; ``merged_into`` maps stories merged by this step to the story that absorbed them."""

    article_id: str
    story_id: int
    new_story: bool
    merged_into: dict[int, int] = field(default_factory=dict)
