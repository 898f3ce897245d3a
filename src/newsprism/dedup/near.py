"""Near-duplicate articles within a batch: syndicated copies are linked to their original.

A brief holds tens to a few hundred articles, so exact shingle overlap is cheap and needs no
approximation; the corpus store uses MinHash LSH for the same question at scale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.model import Article, DuplicateLink

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DedupOptions:
    """``threshold`` applies to overlap = shared shingles / shingles of the shorter article."""

    shingle_words: int = 4
    threshold: float = 0.5
    # Very short texts share shingles by chance; below this many shingles we only link exact copies.
    min_shingles: int = 10


def shingles(text: str, size: int) -> set[int]:
    """Hashes of the overlapping word n-grams of ``text`` (case and punctuation ignored)."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < size:
        return {hash(tuple(words))} if words else set()
    return {hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1)}


def overlap(first: set[int], second: set[int]) -> float:
    """Containment of the smaller shingle set in the larger: robust to copies with extra lines."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def find_duplicates(articles: Sequence[Article], options: DedupOptions | None = None) -> list[DuplicateLink]:
    """Link every article that copies an earlier one to that original.

    The original is the earliest published of a pair (input order when dates are unknown), so a
    chain of copies all point at the first article of the chain.
    """
    options = options or DedupOptions()
    order = sorted(range(len(articles)), key=lambda i: (_sort_date(articles[i]), i))
    sets = [shingles(article.text, options.shingle_words) for article in articles]
    originals: list[int] = []
    links: list[DuplicateLink] = []
    for index in order:
        best, best_score = None, 0.0
        for candidate in originals:
            if articles[candidate].id == articles[index].id:
                best, best_score = candidate, 1.0
                break
            if min(len(sets[candidate]), len(sets[index])) < options.min_shingles:
                continue
            score = overlap(sets[candidate], sets[index])
            if score >= options.threshold and score > best_score:
                best, best_score = candidate, score
        if best is None:
            originals.append(index)
        else:
            links.append(
                DuplicateLink(
                    article_id=articles[index].id, original_id=articles[best].id, similarity=round(best_score, 4)
                )
            )
    return links


def _sort_date(article: Article) -> float:
    return article.published.timestamp() if article.published else float("inf")


def independent_groups(articles: Sequence[Article], links: Sequence[DuplicateLink]) -> dict[str, str]:
    """Map each article id to the id of its original (itself when it is not a copy)."""
    original = {link.article_id: link.original_id for link in links}
    return {article.id: original.get(article.id, article.id) for article in articles}
