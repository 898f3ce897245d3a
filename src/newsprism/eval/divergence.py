"""Cross-source sections scored against hand labels: number conflicts, role conflicts and disputes.

Labels live in ``tests/data/stories/``, one story per name, one file per kind of label:

- ``NAME.json``: number conflicts, ``{"conflicts": [{"measure", "sides": [[text, ...], ...]}]}``;
- ``NAME.roles.json``: role conflicts, ``{"roles": [{"person", "sides": [[role text, ...], ...]}]}``;
- ``NAME.disputes.json``: disputes as actor pairs, ``{"disputes": [{"between": [a, b]}]}``, with optional
  ``aliases`` (side -> actor keys that name it) and ``optional`` pairs (arguable: neither right nor wrong).

Every file names its texts: ``"source": "examples/NAME"`` (a folder of ``.txt`` files in the repository)
or ``"source": "duc2004-dev.jsonl", "cluster": ID`` (a cluster of the shared data). Texts are compared
as written: a detected value matches a labelled one when either contains the other (case and spacing
ignored). Precision is the share of detections that are right (1.0 when nothing is detected), recall
the share of labels found (1.0 when there is nothing to find); the counts are kept so that stories
can be pooled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.compare.people import alike, name_parts
from newsprism.compare.roles import actor_key
from newsprism.eval.duc2004 import normalize_wire_text
from newsprism.model import Brief

Label = dict[str, Any]

__all__ = [
    "StoryLabels",
    "actor_key",
    "dispute_pairs",
    "labelled_stories",
    "load_labels",
    "pooled",
    "same_text",
    "score_disputes",
    "score_numbers",
    "score_roles",
    "story_texts",
]


@dataclass(frozen=True)
class StoryLabels:
    """What a careful reader found in one story, and where its texts are."""

    name: str
    source: str
    cluster: str | None
    conflicts: list[Label]
    roles: list[Label] | None  # None: not labelled
    disputes: list[Label] | None
    optional_disputes: list[Label] = field(default_factory=list)
    aliases: Mapping[str, Sequence[str]] = field(default_factory=dict)


def load_labels(folder: Path, name: str) -> StoryLabels:
    """The labels of story ``name``: its number file and, where present, its role and dispute files."""
    numbers = json.loads((folder / f"{name}.json").read_text("utf-8"))
    roles = _optional_file(folder / f"{name}.roles.json")
    disputes = _optional_file(folder / f"{name}.disputes.json")
    return StoryLabels(
        name=name,
        source=numbers["source"],
        cluster=numbers.get("cluster"),
        conflicts=numbers["conflicts"],
        roles=roles["roles"] if roles is not None else None,
        disputes=disputes["disputes"] if disputes is not None else None,
        optional_disputes=disputes.get("optional", []) if disputes is not None else [],
        aliases=disputes.get("aliases", {}) if disputes is not None else {},
    )


def labelled_stories(folder: Path) -> list[str]:
    """Names of the stories with number labels in ``folder`` (every story has them)."""
    return sorted(p.name.removesuffix(".json") for p in folder.glob("*.json") if p.name.count(".") == 1)


def _optional_file(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text("utf-8")) if path.exists() else None


def story_texts(labels: StoryLabels, root: Path, shared_data: Path) -> list[tuple[str, str]]:
    """(source name, text) of every article of the story; DUC wire texts are unwrapped."""
    if labels.cluster is None:
        folder = root / labels.source
        return [(path.stem, path.read_text("utf-8")) for path in sorted(folder.glob("*.txt"))]
    for line in (shared_data / labels.source).read_text("utf-8").splitlines():
        cluster = json.loads(line)
        if cluster["cluster"] == labels.cluster:
            return [(str(doc["id"]), normalize_wire_text(str(doc["text"]))) for doc in cluster["docs"]]
    raise KeyError(f"cluster {labels.cluster} is not in {labels.source}")


# --- scoring -----------------------------------------------------------------------------------------------


def same_text(detected: str, labelled: str) -> bool:
    """Whether a detected text and a labelled one are the same value (either contains the other)."""
    first, second = _fold(detected), _fold(labelled)
    return bool(first and second) and (first in second or second in first)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _covers(values: Sequence[str], sides: Sequence[Sequence[str]]) -> bool:
    """Whether the detected values fall on at least two sides of one labelled conflict."""
    return sum(any(same_text(v, s) for v in values for s in side) for side in sides) >= 2


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _figures(detected: int, correct: int, labelled: int, found: int) -> dict[str, float]:
    return {
        "detected": detected,
        "correct": correct,
        "labelled": labelled,
        "found": found,
        "precision": _ratio(correct, detected),
        "recall": _ratio(found, labelled),
    }


def score_numbers(detected: Sequence[Sequence[str]], labels: Sequence[Label]) -> dict[str, float]:
    """A detected conflict (its value texts) is right when its values cover two sides of one labelled conflict.

    ``value_precision`` is the share of detected values that are labelled values at all.
    """
    correct = sum(any(_covers(values, label["sides"]) for label in labels) for values in detected)
    found = sum(any(_covers(values, label["sides"]) for values in detected) for label in labels)
    labelled_values = [s for label in labels for side in label["sides"] for s in side]
    values = [v for conflict in detected for v in conflict]
    return {
        **_figures(len(detected), correct, len(labels), found),
        "value_precision": _ratio(sum(any(same_text(v, s) for s in labelled_values) for v in values), len(values)),
    }


def _same_person(detected: str, labelled: str) -> bool:
    first, second = name_parts(detected), name_parts(labelled)
    return bool(first and second) and alike(first[-1], second[-1], 0.8)


def score_roles(detected: Sequence[tuple[str, Sequence[str]]], labels: Sequence[Label]) -> dict[str, float]:
    """A detected role conflict (person, role texts) is right when it names a labelled person and covers two sides."""

    def right(conflict: tuple[str, Sequence[str]], label: Label) -> bool:
        return _same_person(conflict[0], label["person"]) and _covers(conflict[1], label["sides"])

    correct = sum(any(right(c, label) for label in labels) for c in detected)
    found = sum(any(right(c, label) for c in detected) for label in labels)
    return _figures(len(detected), correct, len(labels), found)


def dispute_pairs(brief: Brief) -> set[frozenset[str]]:
    """The actor pairs of the brief's disputes: each claim's actor with each disputer's."""
    found = {
        frozenset({actor_key(claim.actor or claim.claimant), actor_key(side.actor or side.speaker)})
        for claim in brief.claims
        for side in claim.disputers
    }
    return {pair for pair in found if len(pair) == 2}


def score_disputes(
    found: Iterable[frozenset[str]],
    labels: Sequence[Label],
    optional: Sequence[Label] = (),
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, float]:
    """Detected actor pairs against labelled ones; optional pairs count neither way.

    An actor key names a labelled side when it is the side's own name or one of its ``aliases``.
    """
    side_of = {alias.lower(): side for side, names in (aliases or {}).items() for alias in names}

    def canonical(pair: frozenset[str]) -> frozenset[str]:
        return frozenset(side_of.get(key, key) for key in pair)

    gold = {frozenset(label["between"]) for label in labels}
    arguable = {frozenset(label["between"]) for label in optional}
    pairs = {canonical(pair) for pair in found}
    pairs = {pair for pair in pairs if len(pair) == 2 and pair not in arguable}
    return _figures(len(pairs), len(pairs & gold), len(gold), len(pairs & gold))


def pooled(results: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Counts summed over stories, precision and recall from the sums."""
    rows = list(results)
    detected, correct, labelled, found = (
        int(sum(r[k] for r in rows)) for k in ("detected", "correct", "labelled", "found")
    )
    return _figures(detected, correct, labelled, found)
