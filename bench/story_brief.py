"""First view of a stored story: its brief computed with the real models, on a lean and a full store.

Lean ingest (the default) leaves the parse and the sentence vectors to the brief; ``--full-analysis``
does them at ingest, and the brief then reuses the stored vectors. This builds both stores from the
DUC 2004 dev articles and the example (real models, in a temporary folder), then times the first
brief of the stories with the most articles on each, in one process whose models are already loaded
(as a web worker's are). Prints a table and writes bench/results/story_brief.json. Speed is measured
here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def corpus_lines() -> list[str]:
    """JSON Lines of the DUC 2004 dev articles (their wire as the source) and the example's five reports."""
    lines = []
    for row in (json.loads(line) for line in (DATA / "duc2004-dev.jsonl").read_text(encoding="utf-8").splitlines()):
        for doc in row["docs"]:
            lines.append(json.dumps({"text": doc["text"], "source": doc["id"][:3], "url": f"duc:{doc['id']}"}))
    for path in sorted((ROOT / "examples" / "russia-pullback").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines.append(json.dumps({"title": text.split("\n", 1)[0], "text": text, "source": path.stem}))
    return lines


def build(db: Path, corpus: Path, analysis: str) -> float:
    from newsprism.corpus import CorpusOptions, LoadedModels, ingest_inputs
    from newsprism.store import Store
    from newsprism.store.process import ProcessOptions

    started = time.perf_counter()
    store = Store.open(f"sqlite:///{db}")
    try:
        ingest_inputs([str(corpus)], store, LoadedModels(), CorpusOptions(process=ProcessOptions(analysis=analysis)))
    finally:
        store.close()
    return time.perf_counter() - started


def first_views(db: Path, stories: int) -> dict[str, Any]:
    """Seconds of each chosen story's first brief, models loaded before the clock starts."""
    from newsprism.corpus import LoadedModels
    from newsprism.store import Store
    from newsprism.web.briefs import BriefService

    store = Store.open(f"sqlite:///{db}")
    try:
        summaries = sorted(store.stories(), key=lambda s: (-s.article_count, s.id))
        chosen = summaries[:stories]
        service = BriefService(store, LoadedModels())
        service.brief(summaries[-1].id)  # loads the models and warms them on the smallest story
        seconds = []
        for summary in chosen:
            started = time.perf_counter()
            service.brief(summary.id)
            seconds.append(time.perf_counter() - started)
    finally:
        store.close()
    return {
        "stories": [
            {"id": s.id, "articles": s.article_count, "seconds": round(t, 2)}
            for s, t in zip(chosen, seconds, strict=True)
        ],
        "median_s": round(statistics.median(seconds), 2),
        "seconds_per_article": round(sum(seconds) / sum(s.article_count for s in chosen), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5, help="stories timed on each store, most articles first")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsprism-story-brief-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
        for analysis in ("lean", "full"):
            db = Path(folder) / f"{analysis}.db"
            ingest_s = build(db, corpus, analysis)
            results[analysis] = {"ingest_s": round(ingest_s, 1), **first_views(db, args.stories)}
    table = Table(title="first view of a stored story (real models, loaded before timing)")
    for column in ("store", "ingest (s)", "first view, median (s)", "s per article", "stories (articles: s)"):
        table.add_column(column)
    for analysis, figures in results.items():
        listed = ", ".join(f"{s['articles']}: {s['seconds']}" for s in figures["stories"])
        table.add_row(
            analysis,
            str(figures["ingest_s"]),
            str(figures["median_s"]),
            str(figures["seconds_per_article"]),
            listed,
        )
    Console().print(table)
    out = ROOT / "bench" / "results" / "story_brief.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
