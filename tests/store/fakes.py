"""A tiny stand-in for ``newsprism.stories`` (built by another stage), used only while it does not exist."""

from __future__ import annotations

import importlib.util
import sys
import types
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np


@dataclass(frozen=True)
class StoryOptions:
    threshold: float = 0.35


@dataclass(frozen=True)
class StoryInput:
    vector: Any
    published: datetime | None = None
    article_id: str = ""


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: int
    new_story: bool
    merged_into: dict[int, int] = field(default_factory=dict)


def story_input(title: str, text: str, entities: Sequence[str], published: datetime | None, encoder: Any) -> StoryInput:
    lead = " ".join(text.split()[:60])
    return StoryInput(vector=encoder.encode([f"{title}\n{lead}"])[0], published=published)


class StoryClusterer:
    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self.centroids: dict[int, Any] = {}

    @classmethod
    def from_assignments(cls, items: Sequence[tuple[StoryInput, int]], options: StoryOptions) -> StoryClusterer:
        clusterer = cls(options)
        for item, story_id in items:
            clusterer.centroids[story_id] = item.vector
        return clusterer

    def assign(self, item: StoryInput) -> Assignment:
        best, score = None, -1.0
        for story_id, centroid in self.centroids.items():
            similarity = float(np.dot(centroid, item.vector))
            if similarity > score:
                best, score = story_id, similarity
        if best is not None and score >= self.options.threshold:
            return Assignment(item.article_id, best, False)
        story_id = max(self.centroids, default=0) + 1
        self.centroids[story_id] = item.vector
        return Assignment(item.article_id, story_id, True)


def install() -> None:
    """Register the fake as ``newsprism.stories`` unless the real package exists."""
    if "newsprism.stories" in sys.modules or importlib.util.find_spec("newsprism.stories") is not None:
        return
    module = types.ModuleType("newsprism.stories")
    for name in ("StoryOptions", "StoryInput", "Assignment", "StoryClusterer", "story_input"):
        value = globals()[name]
        setattr(module, name, value)
    # Pickling (dask) finds classes by module name: make them belong to the fake module.
    for name in ("StoryOptions", "StoryInput", "Assignment", "StoryClusterer"):
        getattr(module, name).__module__ = "newsprism.stories"
    sys.modules["newsprism.stories"] = module
