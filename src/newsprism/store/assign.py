"""The one sequential step of a corpus run: link near-duplicates and assign stories, article by article.

Both indexes are rebuilt from the store when a run starts (signatures and story vectors are stored),
so every run sees every article ingested before it, in the order it was ingested.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.dedup.lsh import LshOptions, NearDuplicateIndex
from newsprism.store.process import ReplayEncoder
from newsprism.store.records import IndexRow, StoredArticle
from newsprism.stories import StoryClusterer, StoryOptions
from newsprism.stories.inputs import story_input_of_vector
from newsprism.stories.names import capitalised_names


def with_article_id(item: Any, article_id: str) -> Any:
    """The story input tagged with its article's id (it is computed before the id is attached)."""
    if not hasattr(item, "article_id") or getattr(item, "article_id", None) == article_id:
        return item
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.replace(item, article_id=article_id)
    if hasattr(item, "model_copy"):
        return item.model_copy(update={"article_id": article_id})
    return item


class CorpusIndex:
    """Near-duplicate and story indexes over the whole corpus."""

    def __init__(self, lsh: LshOptions, stories: StoryOptions, clusterer: StoryClusterer | None = None) -> None:
        self.near = NearDuplicateIndex(lsh)
        self.clusterer = clusterer or StoryClusterer(stories)

    @classmethod
    def rebuild(cls, rows: Iterable[IndexRow], lsh: LshOptions, stories: StoryOptions) -> CorpusIndex:
        """Both indexes as they stood after the last stored article."""
        assigned: list[tuple[Any, int]] = []
        near = NearDuplicateIndex(lsh)
        for row in rows:
            if row.signature is not None:
                # Each stored link was decided when the article came; a rebuild only files the signature.
                near.restore(row.id, row.signature)
            if row.story_id is not None:
                names = capitalised_names(row.text) if row.story_names is None else row.story_names
                # The stored vector stands for the encoder's: the lead text it was computed from is not needed.
                [vector] = ReplayEncoder(row.story_vectors).encode([row.title])
                item = story_input_of_vector(row.title, row.text, names, row.published, vector, row.id)
                assigned.append((item, row.story_id))
        index = cls(lsh, stories, StoryClusterer.from_assignments(assigned, stories) if assigned else None)
        index.near = near
        return index

    def place(self, articles: Sequence[StoredArticle], story_inputs: Sequence[Any]) -> dict[int, int]:
        """Set each article's near-duplicate link and story; return the stories merged (old id -> new id)."""
        merges: dict[int, int] = {}
        for position, (article, item) in enumerate(zip(articles, story_inputs, strict=True)):
            article.near_duplicate_of = self.near.add(article.id, signature=article.signature)
            assignment = self.clusterer.assign(with_article_id(item, article.id))
            article.story_id = assignment.story_id
            if assignment.merged_into:
                merges.update(assignment.merged_into)
                # Articles placed earlier in this batch follow their story into the merged one.
                for earlier in articles[:position]:
                    while earlier.story_id in assignment.merged_into:
                        earlier.story_id = assignment.merged_into[earlier.story_id]
        return merges
