"""Time attribution extraction on PolNeAR train texts, beside the spaCy parse it reuses.

Prints a table and writes bench/results/attribution.json. Target: extraction adds no more than 30 %
to the parse time. Speed is measured here, never asserted in tests. On a shared 2-core machine the
parse of all 840 texts takes many minutes; ``--limit`` takes every n-th text to keep a run short.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=Path, default=POLNEAR_TRAIN, help="folder of .txt articles")
    parser.add_argument("--limit", type=int, default=100, help="articles to time, spread over the folder (0: all)")
    args = parser.parse_args()

    from newsprism.extract import attribute_article
    from newsprism.extract.quotes.article import ParsedParagraph, paragraph_texts
    from newsprism.model import Article, ParsedArticle
    from newsprism.nlp import load_spacy

    paths = sorted(args.texts.glob("*.txt"))
    if args.limit and len(paths) > args.limit:
        paths = paths[:: len(paths) // args.limit][: args.limit]
    articles = [
        ParsedArticle(article=Article(id=p.stem, source="polnear", text=p.read_text(encoding="utf-8")), sentences=[])
        for p in paths
    ]
    nlp = load_spacy()
    nlp("Warm up the pipeline once.")
    jobs = [(n, offset, chunk) for n, a in enumerate(articles) for offset, chunk in paragraph_texts(a.article.text)]
    started = time.perf_counter()
    docs = list(nlp.pipe(chunk for _, _, chunk in jobs))
    parse_seconds = time.perf_counter() - started
    per_article: list[list[ParsedParagraph]] = [[] for _ in articles]
    for (n, offset, _), doc in zip(jobs, docs, strict=True):
        per_article[n].append((offset, doc))
    started = time.perf_counter()
    quotes = sum(len(attribute_article(a, docs=per_article[n])) for n, a in enumerate(articles))
    extract_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    figures = {
        "articles": len(articles),
        "tokens": tokens,
        "quotes": quotes,
        "parse_seconds": round(parse_seconds, 3),
        "extract_seconds": round(extract_seconds, 3),
        "extract_over_parse": round(extract_seconds / parse_seconds, 4),
        "articles_per_second_extract": round(len(articles) / extract_seconds, 2),
        "articles_per_second_parse_and_extract": round(len(articles) / (parse_seconds + extract_seconds), 2),
        "parse_tokens_per_second": round(tokens / parse_seconds),
        "targets": {"extract_over_parse": 0.30},
        "machine": machine(),
    }
    table = Table(title=f"attribution on {len(articles)} PolNeAR train texts ({tokens} tokens)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("spaCy parse (s)", f"{parse_seconds:.2f}", "")
    table.add_row("extraction (s)", f"{extract_seconds:.2f}", "")
    table.add_row("extraction / parse", f"{extract_seconds / parse_seconds:.1%}", "<= 30%")
    table.add_row("articles/s, extraction alone", f"{figures['articles_per_second_extract']:.1f}", "")
    table.add_row("articles/s, parse + extraction", f"{figures['articles_per_second_parse_and_extract']:.2f}", "")
    table.add_row("parse tokens/s", f"{figures['parse_tokens_per_second']}", "")
    table.add_row("attributions found", str(quotes), "")
    Console().print(table)
    out = ROOT / "bench" / "results" / "attribution.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
