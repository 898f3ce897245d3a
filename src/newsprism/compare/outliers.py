"""Outliers: a sentence of one source that says the opposite of what most sources say on the same thing.

A garbled or spun sentence often inverts a report ("no withdrawal" where the others report one, or
the reverse). It is found as a sentence close in meaning to a statement several independent sources
make, but of the opposite polarity, and flagged with the majority's sentences as evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from newsprism.compare.similarity import is_negated
from newsprism.compare.statements import SentencePool, StatementGroups
from newsprism.model import Conflict, ConflictValue
from newsprism.nlp.sentences import cite_sentence


@dataclass(frozen=True)
class OutlierOptions:
    """How close the lone sentence must be to the majority's statement, and how large that majority."""

    min_similarity: float = 0.6
    min_majority: int = 2


def find_outliers(
    pool: SentencePool,
    groups: StatementGroups,
    originals: Mapping[str, str],
    number_of: Mapping[str, int],
    options: OutlierOptions | None = None,
) -> list[Conflict]:
    """Sentences of one source opposing a statement that at least ``min_majority`` other sources make."""
    options = options or OutlierOptions()
    outliers = []
    # Each sentence's source and polarity once, not once per statement.
    sources = [originals.get(sentence.article_id, sentence.article_id) for sentence in pool.sentences]
    negated = np.array([is_negated(sentence.text) for sentence in pool.sentences], dtype=bool)
    for statement, rows in zip(groups.statements, groups.member_rows, strict=True):
        if statement.support < options.min_majority:
            continue
        majority_sources = {sources[r] for r in rows}
        polarity = negated[rows[0]]
        # Of the other sources' sentences of the opposite polarity, the one closest to every member.
        eligible = np.array([source not in majority_sources for source in sources], dtype=bool) & (negated != polarity)
        closeness = np.where(eligible, groups.similarity[:, rows].min(axis=1), -np.inf)
        best = int(closeness.argmax())  # the first of equals, as a scan in order would keep
        if closeness[best] >= options.min_similarity:
            lone = pool.sentences[best]
            majority = [pool.sentences[r] for r in rows]
            outliers.append(
                Conflict(
                    kind="outlier",
                    subject=majority[0].text,
                    values=[
                        ConflictValue(text=majority[0].text, citations=[cite_sentence(s, number_of) for s in majority]),
                        ConflictValue(text=lone.text, citations=[cite_sentence(lone, number_of)]),
                    ],
                    note=f"one source says the opposite of what {statement.support} sources say",
                )
            )
    return outliers
