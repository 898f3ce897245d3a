"""Stories: articles grouped online into the stories they report, as they arrive."""

from newsprism.stories.cluster import StoryClusterer
from newsprism.stories.index import ExactIndex, HnswIndex, USearchIndex, VectorIndex, make_index
from newsprism.stories.inputs import lead_text, named_years, normalise_entity, story_input
from newsprism.stories.options import Assignment, StoryInput, StoryOptions

__all__ = [
    "Assignment",
    "ExactIndex",
    "HnswIndex",
    "StoryClusterer",
    "StoryInput",
    "StoryOptions",
    "USearchIndex",
    "VectorIndex",
    "lead_text",
    "make_index",
    "named_years",
    "normalise_entity",
    "story_input",
]
