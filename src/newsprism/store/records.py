"""What the store takes in and hands back: an analysed article with its vectors, and summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

from newsprism.model import ParsedArticle

Vector = npt.NDArray[np.float32]

# float16 halves the size of every vector; cosine similarities move by less than 1e-3.
VECTOR_DTYPE = "float16"


def vector_to_bytes(vector: npt.NDArray[np.floating], dtype: str = VECTOR_DTYPE) -> bytes:
    """Compact little-endian bytes of a vector."""
    return np.asarray(vector, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()


def vector_from_bytes(data: bytes, dtype: str = VECTOR_DTYPE) -> Vector:
    """The float32 vector stored as ``data``."""
    return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).astype(np.float32)


@dataclass
class StoredArticle:
    """One analysed article ready to store: text, sentences, mentions, vectors, signature and links."""

    document: ParsedArticle
    sentence_vectors: list[Vector] = field(default_factory=list)
    title_vector: Vector | None = None
    # The vectors the story stage computed for this article, in the order it asked for them,
    # so the story index can be rebuilt from the store without the encoder.
    story_vectors: list[Vector] = field(default_factory=list)
    signature: bytes | None = None
    near_duplicate_of: str | None = None
    story_id: int | None = None
    # The names story clustering took from the text, kept for the same rebuild (None: find them again).
    story_names: list[str] | None = None

    @property
    def id(self) -> str:
        return self.document.article.id


@dataclass(frozen=True)
class StorySummary:
    """One story of the corpus as listed by ``newsprism stories``."""

    id: int
    headline: str
    article_count: int
    source_count: int
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True)
class RunInfo:
    """An ingestion run: when, how it ended, what it counted and read."""

    id: int
    started: datetime
    finished: datetime | None
    status: str
    counts: dict[str, int]
    inputs: list[str]


@dataclass(frozen=True)
class Failure:
    """An input a run could not read, with the reason."""

    run_id: int
    input: str
    reason: str


@dataclass(frozen=True)
class StoreStatus:
    """Counts of the corpus, its last run and that run's failures."""

    url: str
    articles: int
    stories: int
    sentences: int
    entities: int
    runs: int
    last_run: RunInfo | None
    failures: list[Failure]


@dataclass(frozen=True)
class IndexRow:
    """What the near-duplicate and story indexes need of one stored article, in insertion order."""

    id: str
    title: str
    text: str
    published: datetime | None
    signature: bytes | None
    story_id: int | None
    story_vectors: list[Vector]
    story_names: list[str] | None = None
