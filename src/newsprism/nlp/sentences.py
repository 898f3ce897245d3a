"""Finding the sentence that holds a character offset."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newsprism.model import Sentence


def sentence_at(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the one starting last at or before it; 0 if none)."""
    starts = [sentence.start for sentence in sentences]
    position = bisect.bisect_right(starts, offset) - 1
    return sentences[max(position, 0)].index if sentences else 0
