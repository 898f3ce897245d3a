"""Near-duplicates at scale: rensa against datasketch (MinHash + LSH), and newsprism's NearDuplicateIndex.

The corpus is every text of the shared data (DUC 2004 documents, ECB+, FNC-1 bodies, PolNeAR) plus
planted copies made with a fixed seed: syndicated copies (lines cut, a dateline and credit lines
added), truncated copies (the first part only), and light rewrites (words substituted). Articles
arrive in a shuffled order; each library proposes candidates with its own LSH (same bands and
rows) and every candidate is verified by the same rule (estimated containment >= threshold).

Recall: planted copies linked to their family (base or another copy of it). Precision: links within
a family, where pairs of the base corpus whose exact shingle containment passes the threshold count
as a family too (natural near-duplicates: FNC-1 reuses bodies, AP reissues stories). Each library runs
in its own process so memory (RSS growth while indexing) is its own. Targets: recall >= 0.95,
precision >= 0.99. Prints a table and writes bench/results/dedup.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from newsprism.dedup.lsh import LshOptions, NearDuplicateIndex, estimated_containment, word_shingles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
LIBRARIES = ("rensa", "datasketch", "newsprism")
SEED = 7
CREDITS = [
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Reporting by staff writers; editing by the news desk.",
    "This article was originally published by a partner outlet and is republished with permission.",
    "Follow us on social media for the latest updates on this story.",
]
DATELINES = ["WASHINGTON (AP) -- ", "LONDON (Reuters) - ", "NEW YORK -- ", "PARIS (AFP) - "]


def base_texts(min_words: int = 80) -> list[str]:
    """Every text of the shared data with at least ``min_words`` words."""
    texts: list[str] = []
    for line in (DATA / "duc2004-dev.jsonl").read_text(encoding="utf-8").splitlines():
        texts += [doc["text"] for doc in json.loads(line)["docs"]]
    ecbplus = (DATA / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in ecbplus]
    bodies = (DATA / "fnc1-dev" / "bodies.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in bodies]
    texts += [path.read_text(encoding="utf-8") for path in sorted((DATA / "polnear").glob("*/text/*.txt"))]
    return [text for text in texts if len(text.split()) >= min_words]


def _lines(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    # Wire texts with hard wraps or a single paragraph: cut at sentence ends instead.
    return lines if len(lines) >= 4 else re.split(r"(?<=[.!?])\s+", text.strip())


def syndicated(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    for _ in range(min(2, len(lines) // 5)):
        del lines[rng.randrange(1, len(lines))]
    lines[0] = rng.choice(DATELINES) + lines[0]
    return "\n".join(lines + rng.sample(CREDITS, 2))


def truncated(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    keep = max(2, int(len(lines) * rng.uniform(0.5, 0.8)))
    return "\n".join([*lines[:keep], rng.choice(CREDITS)])


def rewritten(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split(" ")
    rate = rng.uniform(0.03, 0.08)
    return " ".join(rng.choice(vocabulary) if rng.random() < rate else word for word in words)


def build_corpus(copies: int) -> tuple[list[str], list[int]]:
    """Texts in arrival order and the family of each (its base text's index)."""
    rng = random.Random(SEED)
    bases = base_texts()
    vocabulary = sorted({word for text in bases[:200] for word in text.split() if word.isalpha()})
    items = [(text, family) for family, text in enumerate(bases)]
    kinds: list[Callable[[str, random.Random], str]] = [
        syndicated,
        truncated,
        lambda text, r: rewritten(text, r, vocabulary),
    ]
    for number, family in enumerate(rng.sample(range(len(bases)), copies)):
        items.append((kinds[number % len(kinds)](bases[family], rng), family))
    rng.shuffle(items)
    return [text for text, _ in items], [family for _, family in items]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_library(library: str, texts: list[str], options: LshOptions) -> tuple[list[int | None], float, float]:
    """Links (index of the earlier article each one copies), CPU seconds spent and RSS growth in MB."""
    rows = options.num_perm // options.bands
    before = _rss_mb()
    # CPU time, not wall time: the machines that run this are shared, and the work is single-threaded.
    started = time.process_time()
    sizes: list[int] = []
    links: list[int | None] = []
    if library == "newsprism":
        index = NearDuplicateIndex(options)
        ids = {str(number): number for number in range(len(texts))}
        for number, text in enumerate(texts):
            found = index.add(str(number), text)
            links.append(None if found is None else ids[found])
    else:
        if library == "rensa":
            import rensa  # type: ignore[import-untyped]

            lsh: Any = rensa.RMinHashLSH(options.threshold, options.num_perm, options.bands)

            def sketch(tokens: list[str]) -> Any:
                minhash = rensa.RMinHash(options.num_perm, options.seed)
                minhash.update(tokens)
                return minhash

            insert = lsh.insert
        else:
            import datasketch  # type: ignore[import-untyped]

            lsh = datasketch.MinHashLSH(num_perm=options.num_perm, params=(options.bands, rows))

            def sketch(tokens: list[str]) -> Any:
                minhash = datasketch.MinHash(options.num_perm, seed=options.seed)
                minhash.update_batch([token.encode() for token in tokens])
                return minhash

            def insert(key: int, minhash: Any) -> None:
                lsh.insert(key, minhash, check_duplication=False)

        digests: list[np.ndarray[Any, Any]] = []
        for number, text in enumerate(texts):
            # Shingling is timed too: it is part of every library's work, and newsprism's add() does it inside.
            tokens = list(word_shingles(text, options.shingle_words))
            sizes.append(len(tokens))
            minhash = sketch(tokens)
            values = np.asarray(minhash.digest() if library == "rensa" else minhash.hashvalues)
            best, best_score = None, 0.0
            if len(tokens) >= options.min_shingles:
                for candidate in sorted(lsh.query(minhash)):
                    if sizes[candidate] < options.min_shingles:
                        continue
                    score = estimated_containment((len(tokens), values), (sizes[candidate], digests[candidate]))
                    if score >= options.threshold and score > best_score:
                        best, best_score = candidate, score
            links.append(best)
            digests.append(values)
            insert(number, minhash)
    return links, time.process_time() - started, _rss_mb() - before


def exact_containment(first: str, second: str, size: int) -> float:
    a, b = set(word_shingles(first, size)), set(word_shingles(second, size))
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def score(texts: list[str], families: list[int], links: list[int | None], options: LshOptions) -> dict[str, Any]:
    planted_later = {}
    seen: set[int] = set()
    for number, family in enumerate(families):
        if family in seen:
            planted_later[number] = family
        seen.add(family)
    right: set[int] = set()
    natural = 0
    linked = [(number, target) for number, target in enumerate(links) if target is not None]
    for number, target in linked:
        if families[number] == families[target]:
            right.add(number)
        elif exact_containment(texts[number], texts[target], options.shingle_words) >= options.threshold:
            # Linked to a natural near-duplicate of its base: as good an original as the base.
            right.add(number)
            natural += 1
    found = sum(1 for number in planted_later if links[number] is not None)
    correct_found = sum(1 for number in planted_later if number in right)
    return {
        "planted": len(planted_later),
        "recall": round(correct_found / len(planted_later), 4),
        "linked_planted": found,
        "links": len(linked),
        "natural_near_duplicates": natural,
        "precision": round(len(right) / len(linked), 4) if linked else 1.0,
    }


def child(library: str, copies: int) -> None:
    options = LshOptions()
    texts, families = build_corpus(copies)
    links, seconds, memory = run_library(library, texts, options)
    figures = score(texts, families, links, options)
    figures |= {"articles": len(texts), "articles_per_cpu_s": round(len(texts) / seconds, 1)}
    figures["memory_mb"] = round(memory, 1)
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=900, help="planted copies (a third of each kind)")
    parser.add_argument("--child", choices=LIBRARIES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.copies)
        return
    results = {}
    for library in LIBRARIES:
        out = subprocess.run(
            [sys.executable, __file__, "--child", library, "--copies", str(args.copies)],
            check=True,
            capture_output=True,
            text=True,
        )
        results[library] = json.loads(out.stdout)
    options = LshOptions()
    table = Table(title=f"Near-duplicates: {options}")
    names = list(results["rensa"])
    table.add_column("library", style="bold")
    for name in names:
        table.add_column(name, justify="right")
    for library, figures in results.items():
        table.add_row(library, *[str(figures[name]) for name in names])
    Console(width=200).print(table)
    out_file = ROOT / "bench" / "results" / "dedup.json"
    out_file.write_text(json.dumps({"options": options.__dict__, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
