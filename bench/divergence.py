"""Precision and recall of the brief's cross-source sections on hand-labelled stories.

Runs the real brief pipeline (real models) on each story labelled in ``tests/data/stories/`` (the
bundled example and DUC 2004 dev clusters from ../shared/data) and scores three sections against the
labels: number conflicts, role conflicts and disputes (claims another actor disputes, as actor pairs).
Prints a table per story and pooled over stories, and writes bench/results/divergence.json with the
counts and what was detected, so that each false positive can be read. Labels were made by reading
the texts before running the system on them; see each label file's "about".
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "data" / "stories"
SHARED_DATA = ROOT.parent / "shared" / "data"
SECTIONS = ("numbers", "roles", "disputes")


def run_story(name: str, models: Any, options: Any) -> dict[str, Any]:
    """Brief one labelled story and score its sections."""
    from newsprism.eval.divergence import (
        dispute_pairs,
        load_labels,
        score_disputes,
        score_numbers,
        score_roles,
        story_texts,
    )
    from newsprism.ingest import RawArticle
    from newsprism.pipeline import brief_from_raw

    labels = load_labels(STORIES, name)
    texts = story_texts(labels, ROOT, SHARED_DATA)
    raw = [RawArticle(title="", text=text, source=source, origin=f"{name}/{source}") for source, text in texts]
    started = time.perf_counter()
    brief = brief_from_raw(raw, models, options).brief
    seconds = time.perf_counter() - started
    numbers = [[v.text for v in c.values] for c in brief.conflicts if c.kind == "number"]
    roles = [(c.subject, [v.text for v in c.values]) for c in brief.conflicts if c.kind == "role"]
    pairs = dispute_pairs(brief)
    result: dict[str, Any] = {
        "articles": len(texts),
        "seconds": round(seconds, 2),
        "numbers": score_numbers(numbers, labels.conflicts),
        "detected": {
            "numbers": numbers,
            "roles": [{"person": person, "roles": values} for person, values in roles],
            "disputes": sorted(sorted(pair) for pair in pairs),
            "outliers": [[v.text for v in c.values] for c in brief.conflicts if c.kind == "outlier"],
        },
    }
    if labels.roles is not None:
        result["roles"] = score_roles(roles, labels.roles)
    if labels.disputes is not None:
        result["disputes"] = score_disputes(pairs, labels.disputes, labels.optional_disputes, labels.aliases)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="*", help="story names in tests/data/stories (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "divergence.json")
    args = parser.parse_args()

    from newsprism.eval.divergence import labelled_stories, pooled
    from newsprism.pipeline import Models, PipelineOptions

    names = args.stories or labelled_stories(STORIES)
    options = PipelineOptions()
    models = Models.load(options.models)
    stories = {name: run_story(name, models, options) for name in names}
    totals = {
        section: pooled(s[section] for s in stories.values() if section in s)
        for section in SECTIONS
        if any(section in s for s in stories.values())
    }

    table = Table(title=f"cross-source sections on {len(names)} labelled stories (precision / recall)")
    table.add_column("story")
    for section in SECTIONS:
        table.add_column(section, justify="right")
    for name, row in [*stories.items(), ("pooled", totals)]:
        table.add_row(name, *(_cell(row.get(section)) for section in SECTIONS))
    Console(width=max(Console().width, 120)).print(table)
    print("cells: precision / recall (right detections of detected; labels found of labelled)")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"pooled": totals, "stories": stories}, indent=2) + "\n")


def _cell(figures: dict[str, float] | None) -> str:
    if figures is None:
        return "-"
    return (
        f"{figures['precision']:.2f} / {figures['recall']:.2f}  "
        f"({figures['correct']}/{figures['detected']}; {figures['found']}/{figures['labelled']})"
    )


if __name__ == "__main__":
    main()
