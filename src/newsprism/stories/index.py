"""Nearest stories by vector: one small interface, an exact numpy twin and two ANN backends.

Story centroids move as articles join, so every backend supports replacing a key's vector. The
clusterer asks for a handful of candidates and rescores them with entities and time, so an
approximate answer only needs the right story among the top few.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


class VectorIndex(Protocol):
    """Unit vectors under integer keys; ``nearest`` returns (key, cosine) best first."""

    def upsert(self, key: int, vector: Vector) -> None: ...

    def remove(self, key: int) -> None: ...

    def nearest(self, vector: Vector, k: int) -> list[tuple[int, float]]: ...

    def __len__(self) -> int: ...


class ExactIndex:
    """Brute-force cosine search; exact, and fast enough for a few thousand live stories."""

    def __init__(self) -> None:
        self._rows: dict[int, int] = {}
        self._keys: list[int] = []
        self._matrix = np.zeros((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._rows)

    def upsert(self, key: int, vector: Vector) -> None:
        if key in self._rows:
            self._matrix[self._rows[key]] = vector
            return
        if len(self._keys) == len(self._matrix):
            grown = np.zeros((max(16, 2 * len(self._matrix)), len(vector)), dtype=np.float32)
            if self._keys:
                grown[: len(self._keys)] = self._matrix[: len(self._keys)]
            self._matrix = grown
        self._rows[key] = len(self._keys)
        self._keys.append(key)
        self._matrix[len(self._keys) - 1] = vector

    def remove(self, key: int) -> None:
        # Swap the last row into the hole so the matrix stays dense.
        row = self._rows.pop(key)
        last = len(self._keys) - 1
        if row != last:
            self._matrix[row] = self._matrix[last]
            self._keys[row] = self._keys[last]
            self._rows[self._keys[row]] = row
        self._keys.pop()

    def nearest(self, vector: Vector, k: int) -> list[tuple[int, float]]:
        if not self._keys:
            return []
        scores = self._matrix[: len(self._keys)] @ vector
        rows: list[int] | range = range(len(scores))
        if len(scores) > k:
            # Rows tied with the k-th best are all kept, so the tie-break below sees every contender.
            kth = np.partition(scores, len(scores) - k)[len(scores) - k]
            rows = np.flatnonzero(scores >= kth).tolist()
        # Ties broken by key so the answer never depends on row order.
        order = sorted(rows, key=lambda row: (-float(scores[row]), self._keys[row]))[:k]
        return [(self._keys[row], float(scores[row])) for row in order]


class HnswIndex:
    """hnswlib HNSW graph; single-threaded with a fixed seed so runs are reproducible."""

    def __init__(self, capacity: int = 1024, seed: int = 13) -> None:
        self._capacity = capacity
        self._seed = seed
        self._index: Any = None
        self._live: set[int] = set()
        self._removed = 0

    def __len__(self) -> int:
        return len(self._live)

    def _ready(self, dimension: int) -> Any:
        if self._index is None:
            import hnswlib  # type: ignore[import-untyped]

            self._index = hnswlib.Index(space="ip", dim=dimension)
            self._index.init_index(
                max_elements=self._capacity,
                ef_construction=100,
                M=16,
                random_seed=self._seed,
                allow_replace_deleted=True,
            )
            self._index.set_num_threads(1)
            self._index.set_ef(64)
        return self._index

    def upsert(self, key: int, vector: Vector) -> None:
        index = self._ready(len(vector))
        if key in self._live:
            index.add_items(vector[None, :], [key])  # an existing label is updated in place
            return
        # A new key takes the slot of a removed one when there is one; otherwise the graph may need room.
        if not self._removed and index.get_current_count() >= index.get_max_elements():
            index.resize_index(2 * index.get_max_elements())
        index.add_items(vector[None, :], [key], replace_deleted=bool(self._removed))
        self._removed = max(0, self._removed - 1)
        self._live.add(key)

    def remove(self, key: int) -> None:
        if key in self._live:
            self._index.mark_deleted(key)
            self._live.discard(key)
            self._removed += 1

    def nearest(self, vector: Vector, k: int) -> list[tuple[int, float]]:
        if not self._live:
            return []
        index = self._ready(len(vector))
        labels, distances = index.knn_query(vector[None, :], k=min(k, len(self._live)))
        # "ip" space returns 1 - inner product.
        return [(int(label), 1.0 - float(distance)) for label, distance in zip(labels[0], distances[0], strict=True)]


class USearchIndex:
    """usearch HNSW index with cosine metric."""

    def __init__(self) -> None:
        self._index: Any = None
        self._live: set[int] = set()

    def __len__(self) -> int:
        return len(self._live)

    def _ready(self, dimension: int) -> Any:
        if self._index is None:
            from usearch.index import Index

            self._index = Index(ndim=dimension, metric="ip", dtype="f32")
        return self._index

    def upsert(self, key: int, vector: Vector) -> None:
        index = self._ready(len(vector))
        if key in self._live:
            index.remove(key)
        index.add(key, vector, threads=1)
        self._live.add(key)

    def remove(self, key: int) -> None:
        if key in self._live:
            self._index.remove(key)
            self._live.discard(key)

    def nearest(self, vector: Vector, k: int) -> list[tuple[int, float]]:
        if not self._live:
            return []
        matches = self._ready(len(vector)).search(vector, min(k, len(self._live)), threads=1)
        return [
            (int(key), 1.0 - float(distance)) for key, distance in zip(matches.keys, matches.distances, strict=True)
        ]


def make_index(kind: str) -> VectorIndex:
    """The vector index named ``kind``: "exact", "hnswlib" or "usearch"."""
    if kind == "exact":
        return ExactIndex()
    if kind == "hnswlib":
        return HnswIndex()
    if kind == "usearch":
        return USearchIndex()
    raise ValueError(f"unknown vector index '{kind}': use exact, hnswlib or usearch")
