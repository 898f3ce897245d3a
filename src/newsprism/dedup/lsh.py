"""Near-duplicates at corpus scale: MinHash signatures and an LSH index over them.

The corpus store keeps one compact signature per article, so the index can be rebuilt from the
database without the texts. A link needs two steps: LSH proposes candidates that share a band of
the signature; the estimated containment of the shorter article's shingles in the other's then
decides, as the in-batch :mod:`newsprism.dedup.near` does with exact sets. Containment rather than
Jaccard, because a syndicated copy with a few added or cut lines is still a copy.

MinHash comes from ``rensa`` (Rust); ``bench/dedup.py`` measures it against ``datasketch``.
"""

from __future__ import annotations

import re
import struct
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rensa import RMinHash  # type: ignore[import-untyped]

from newsprism.errors import NewsprismError

_WORD = re.compile(r"\w+")
# Signature layout: magic, format version, num_perm, seed, shingle count, then num_perm uint32 minima.
_HEADER = struct.Struct("<2sBHIi")
_MAGIC = b"NP"
_VERSION = 1

Digest = npt.NDArray[np.uint32]


class SignatureError(NewsprismError):
    """A stored signature is corrupt or was made with other options than the index uses."""


@dataclass(frozen=True)
class LshOptions:
    """How signatures are made and when two articles count as near-duplicates.

    ``threshold`` applies to estimated containment: shared shingles / shingles of the shorter article.
    It sits above the in-batch dedup's 0.5 because the estimate from 128 minima is noisy (about
    +-0.05), and articles of one story that share a long quote reach 0.45 exactly. ``bands`` x
    ``num_perm // bands`` rows: two rows a band keeps pairs of Jaccard 0.3 (a copy with half its text
    rewritten) as candidates with probability 1 - (1 - 0.3 ** 2) ** 64 > 0.99.
    """

    num_perm: int = 128
    threshold: float = 0.6
    shingle_words: int = 3
    bands: int = 64
    seed: int = 1
    # Very short texts share shingles by chance; below this many shingles nothing is linked.
    min_shingles: int = 20

    def __post_init__(self) -> None:
        if not 0 < self.bands <= self.num_perm or self.num_perm > 0xFFFF:
            raise ValueError(f"need 0 < bands ({self.bands}) <= num_perm ({self.num_perm}) <= 65535")
        if self.shingle_words < 1:
            raise ValueError(f"shingle_words must be >= 1, not {self.shingle_words}")


def word_shingles(text: str, size: int) -> set[str]:
    """The distinct overlapping word n-grams of ``text``, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    # zip over shifted views builds the n-grams without a Python-level loop per word.
    return set(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


def signature(text: str, options: LshOptions) -> bytes:
    """A compact MinHash signature of ``text`` (``13 + 4 * num_perm`` bytes), storable in a DB column."""
    tokens = word_shingles(text, options.shingle_words)
    sketch = RMinHash(options.num_perm, options.seed)
    if tokens:
        sketch.update(list(tokens))
    digest = np.asarray(sketch.digest(), dtype="<u4")
    header = _HEADER.pack(_MAGIC, _VERSION, options.num_perm, options.seed, len(tokens))
    return header + digest.tobytes()


def decode_signature(data: bytes, options: LshOptions) -> tuple[int, Digest]:
    """The shingle count and MinHash minima of a signature made with ``options``."""
    if len(data) < _HEADER.size:
        raise SignatureError(f"signature of {len(data)} bytes is shorter than its header")
    magic, version, num_perm, seed, count = _HEADER.unpack_from(data)
    if magic != _MAGIC or version != _VERSION:
        raise SignatureError(f"not a newsprism signature (magic {magic!r}, version {version})")
    if (num_perm, seed) != (options.num_perm, options.seed):
        raise SignatureError(
            f"signature made with num_perm={num_perm}, seed={seed}; index uses {options.num_perm}, {options.seed}"
        )
    if len(data) != _HEADER.size + 4 * num_perm:
        raise SignatureError(f"signature of {len(data)} bytes, expected {_HEADER.size + 4 * num_perm}")
    return int(count), np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)


def estimated_containment(first: tuple[int, Digest], second: tuple[int, Digest]) -> float:
    """Estimated share of the smaller article's shingles found in the other, from two signatures.

    From Jaccard J and the set sizes: |A & B| = J (|A| + |B|) / (1 + J).
    """
    (size_a, digest_a), (size_b, digest_b) = first, second
    if not size_a or not size_b:
        return 0.0
    jaccard = float(np.mean(digest_a == digest_b))
    shared = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, shared / min(size_a, size_b))


class NearDuplicateIndex:
    """Articles seen so far, banded for LSH; ``add`` links each new one to the earlier article it copies."""

    def __init__(self, options: LshOptions | None = None) -> None:
        self.options = options or LshOptions()
        self._rows = self.options.num_perm // self.options.bands
        self._mix = np.array([0x9E3779B97F4A7C15 >> shift for shift in range(self._rows)], dtype=np.uint64) | 1
        self._buckets: list[defaultdict[int, list[int]]] = [defaultdict(list) for _ in range(self.options.bands)]
        self._ids: list[str] = []
        # Grown by doubling so candidates are verified in one vectorised comparison.
        self._sizes = np.zeros(64, dtype=np.int64)
        self._digests = np.zeros((64, self.options.num_perm), dtype=np.uint32)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article_id: str, text: str | None = None, signature: bytes | None = None) -> str | None:
        """Register an article (by text or stored signature); return the id of the earlier article it copies."""
        if signature is None:
            if text is None:
                raise ValueError(f"article {article_id}: give its text or its signature")
            signature = _signature(text, self.options)
        size, digest = decode_signature(signature, self.options)
        original = self.match(size, digest)
        self._insert(article_id, size, digest)
        return original

    def restore(self, article_id: str, signature: bytes) -> None:
        """Register a stored article whose link was decided when it was first added (an index rebuild)."""
        self._insert(article_id, *decode_signature(signature, self.options))

    def match(self, size: int, digest: Digest) -> str | None:
        """The earlier article that best contains (or is contained in) this one, if any passes the threshold."""
        if size < self.options.min_shingles:
            return None
        candidates = {index for band, key in enumerate(self._band_keys(digest)) for index in self._buckets[band][key]}
        if not candidates:
            return None
        # Ascending order so that among equal scores the earliest article (argmax takes the first) wins.
        rows = np.array(sorted(candidates), dtype=np.int64)
        sizes = self._sizes[rows]
        jaccard = np.mean(self._digests[rows] == digest, axis=1)
        shared = jaccard * (sizes + size) / (1.0 + jaccard)
        scores = np.minimum(1.0, shared / np.minimum(sizes, size))
        scores[sizes < self.options.min_shingles] = 0.0
        best = int(np.argmax(scores))
        return self._ids[rows[best]] if scores[best] >= self.options.threshold else None

    def _insert(self, article_id: str, size: int, digest: Digest) -> None:
        index = len(self._ids)
        if index == len(self._sizes):
            self._sizes = np.concatenate([self._sizes, np.zeros_like(self._sizes)])
            self._digests = np.concatenate([self._digests, np.zeros_like(self._digests)])
        self._ids.append(article_id)
        self._sizes[index] = size
        self._digests[index] = digest
        for band, key in enumerate(self._band_keys(digest)):
            self._buckets[band][key].append(index)

    def _band_keys(self, digest: Digest) -> list[int]:
        # One 64-bit mix of each band's rows: a rare collision only adds a candidate, which is verified anyway.
        bands = digest[: self.options.bands * self._rows].reshape(self.options.bands, self._rows).astype(np.uint64)
        keys: list[int] = (bands * self._mix).sum(axis=1, dtype=np.uint64).tolist()
        return keys


# The method's parameter shadows the module function; keep a second name for it.
_signature = signature
