"""Vector indexes for live stories: hnswlib against usearch (and the exact numpy twin).

The clusterer asks the index for the 16 nearest story centroids per article and replaces one
centroid per article, so this measures a mix of one upsert and one 16-nearest query, on synthetic
unit vectors of MiniLM's 384 dimensions grouped around topic directions, and recall@16 against exact
search. CPU time, since the machines are shared. Prints a table, writes bench/results/stories.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprism.stories.index import make_index

ROOT = Path(__file__).resolve().parent.parent


def vectors(count: int, seed: int = 13, dimension: int = 384) -> np.ndarray:
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(max(1, count // 20), dimension))
    matrix = topics[rng.integers(0, len(topics), count)] + 0.8 * rng.normal(size=(count, dimension))
    return (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)


def measure(kind: str, stories: np.ndarray, queries: np.ndarray, k: int) -> tuple[float, float, list[list[int]]]:
    index = make_index(kind)
    started = time.process_time()
    for key, vector in enumerate(stories):
        index.upsert(key, vector)
    build = len(stories) / (time.process_time() - started)
    started = time.process_time()
    answers = []
    for number, query in enumerate(queries):
        answers.append([key for key, _ in index.nearest(query, k)])
        # A centroid moves as its story grows: replace one vector per query, as the clusterer does.
        index.upsert(number % len(stories), stories[(number * 7) % len(stories)])
    return build, len(queries) / (time.process_time() - started), answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    stories, queries = vectors(args.stories), vectors(args.queries, seed=14)
    results = {}
    exact: list[list[int]] = []
    for kind in ("exact", "hnswlib", "usearch"):
        build, speed, answers = measure(kind, stories, queries, 16)
        exact = exact or answers
        recall = np.mean([len(set(a) & set(e)) / len(e) for a, e in zip(answers, exact, strict=True)])
        results[kind] = {"inserts_per_cpu_s": round(build), "assign_steps_per_cpu_s": round(speed)}
        results[kind]["recall_at_16"] = round(float(recall), 4)
    table = Table(title=f"Story vector index: {args.stories} stories, {args.queries} query+update steps")
    table.add_column("index", style="bold")
    for name in results["exact"]:
        table.add_column(name, justify="right")
    for kind, figures in results.items():
        table.add_row(kind, *[str(value) for value in figures.values()])
    Console(width=200).print(table)
    (ROOT / "bench" / "results" / "stories.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
