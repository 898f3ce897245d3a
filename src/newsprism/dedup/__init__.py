"""Dedup: near-duplicate and syndicated copies are linked to their original, never counted twice."""

from newsprism.dedup.lsh import LshOptions, NearDuplicateIndex, SignatureError, signature
from newsprism.dedup.near import DedupOptions, find_duplicates, independent_groups, overlap, shingles

__all__ = ["DedupOptions", "find_duplicates", "independent_groups", "overlap", "shingles"]
__all__ += ["LshOptions", "NearDuplicateIndex", "SignatureError", "signature"]
