"""Web serving under load: story pages and the JSON API of ``newsprism serve`` over a corpus of 20,000 articles.

Store (built once, kept at ``--db``): every text of the shared data (DUC 2004, ECB+, FNC-1 bodies, PolNeAR,
the AEB bodies, the seeds), topped up to ``--articles`` with perturbed copies (syndicated, truncated or
rewritten as in bench/dedup.py; fixed seed), ingested with the model twins for speed and with the twins'
story options (vectors alone; copies of a text join its story). What a page costs to serve does not depend
on which models built the store. The briefs of the stories tested are computed by the server with the real
models (``--twin-briefs``: with the twins, whose blank pipeline can crash a worker in extract.numbers).

Run: ``newsprism serve --workers 2`` as a subprocess on loopback. The ``--stories`` stories of 5 to 40
articles with the most sources are warmed: their stored briefs are dropped, each story page is requested
once (the server computes and stores the brief: the cold time), then every page and API brief is read over
several connections, so each worker holds them in memory. Then a separate load-generator process, wrk (C,
one thread; lighter on the shared CPU than a Python client), sends exactly ``--requests`` story-page
requests, then ``--requests`` API requests (GET /api/stories/ID/brief), round robin over the stories, over
``--concurrency`` keep-alive connections. Latency is wrk's, from request sent to response read; an error is
a failed connect, read, write or timeout, or a status other than 2xx/3xx.

Targets (issue 6): story page p99 <= 150 ms, >= 200 requests/s, no errors. Prints a table, writes
bench/results/web.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from dedup import DATA, base_texts, rewritten, syndicated, truncated
from newsprism.corpus import CorpusOptions, ingest_inputs
from newsprism.store import Store
from newsprism.store.process import ProcessOptions, TwinModels
from newsprism.stories import StoryOptions

ROOT = Path(__file__).resolve().parent.parent
SEED = 11
TARGETS = {"page_p99_ms": 150.0, "requests_per_s": 200.0, "errors": 0}
OUTLETS = [f"Outlet {letter}" for letter in "ABCDEFGHIJKL"]
# The twins find no entities: story assignment rests on the hashed vectors alone (as in tests/store).
TWIN_STORIES = ProcessOptions(stories=StoryOptions(entity_weight=0.0, threshold=0.5, merge_threshold=0.7))
FILE_LINES = 500
# The stories requested hold this many articles: the twins' hashed vectors also chain thousands of texts
# into one story, whose brief no reader would wait for (and the real models would not have made).
STORY_ARTICLES = (5, 40)
WRK_SCRIPT = """
local paths = {%(paths)s}
local sent, received, quota = 0, 0, %(quota)d
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) %% #paths + 1])
end
response = function(status, headers, body)
  received = received + 1
  if received == quota then
    -- wrk runs for its whole duration even with its thread stopped; SIGINT ends it now, with its report.
    -- (From a background shell: system() ignores SIGINT in wrk while its child runs.)
    wrk.thread:stop()
    os.execute("(sleep 0.01; kill -INT $PPID) &")
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "bytes": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, ' ..
    '"max_us": %%d, "mean_us": %%.0f, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def all_texts() -> list[str]:
    """Every text of the shared data sets."""
    texts = base_texts(min_words=0)
    truth = json.loads((DATA / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    texts += [page["articleBody"] for page in truth.values()]
    texts += [path.read_text(encoding="utf-8") for path in sorted((DATA / "seeds").glob("*.txt"))]
    return [text for text in texts if text.strip()]


def corpus_lines(articles: int) -> list[str]:
    """JSON Lines of the corpus: the texts, then perturbed copies up to ``articles`` (all distinct), shuffled."""
    rng = random.Random(SEED)
    bases = list(dict.fromkeys(all_texts()))
    vocabulary = sorted({word for text in bases[:200] for word in text.split() if word.isalpha()})
    texts, seen = list(bases), set(bases)
    long_enough = [text for text in bases if len(text.split()) >= 80]
    while len(texts) < articles:
        base = rng.choice(long_enough)
        kind = rng.randrange(3)
        copy = syndicated(base, rng) if kind == 0 else truncated(base, rng) if kind == 1 else None
        copy = copy if copy is not None else rewritten(base, rng, vocabulary)
        if copy not in seen:
            seen.add(copy)
            texts.append(copy)
    rng.shuffle(texts)
    return [json.dumps({"text": text, "source": rng.choice(OUTLETS)}) for text in texts]


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


def build_store(db: Path, articles: int) -> dict[str, Any]:
    """The store at ``db``, built with the twins unless it already holds ``articles`` articles."""
    found = stored_articles(db)
    if found >= articles:
        return {"built": False, "articles": found, "build_s": None}
    db.unlink(missing_ok=True)
    # 1 % over, for texts the store finds to be exact copies after cleaning.
    lines = corpus_lines(articles + articles // 100)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsprism-web-bench-") as folder:
        paths = []
        for first in range(0, len(lines), FILE_LINES):
            path = Path(folder) / f"part-{first:06d}.jsonl"
            path.write_text("\n".join(lines[first : first + FILE_LINES]) + "\n", encoding="utf-8")
            paths.append(str(path))
        store = Store.open(f"sqlite:///{db}")
        try:
            report = ingest_inputs(paths, store, TwinModels(), CorpusOptions(process=TWIN_STORIES))
        finally:
            store.close()
    print(f"built {db}: {report.added} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return {"built": True, "articles": stored_articles(db), "build_s": round(time.perf_counter() - started, 1)}


def chosen_stories(db: Path, count: int) -> list[tuple[int, int, int]]:
    """(story, sources, articles) of the ``count`` stories of a newsroom's size with the most sources."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT id, source_count, article_count FROM stories WHERE article_count BETWEEN ? AND ? "
            "ORDER BY source_count DESC, article_count DESC, id LIMIT ?",
            (*STORY_ARTICLES, count),
        ).fetchall()
    return [(int(a), int(b), int(c)) for a, b, c in rows]


def store_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        stories, largest = connection.execute(
            "SELECT count(*), max(article_count) FROM stories WHERE article_count > 0"
        ).fetchone()
    return {"articles": int(articles), "stories": int(stories), "largest_story": int(largest)}


def forget_briefs(db: Path, stories: list[int]) -> None:
    """Drop the cached briefs of ``stories``, so the warm-up measures computing them."""
    with sqlite3.connect(db) as connection:
        connection.executemany("DELETE FROM briefs WHERE story_id = ?", [(story,) for story in stories])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, port: int, workers: int, real_models: bool) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "newsprism"), "serve", "--db", f"sqlite:///{db}"]
    command += ["--port", str(port), "--workers", str(workers)]
    command += [] if real_models else ["--model-twins"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"newsprism serve exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("newsprism serve did not answer within 120 s")


def warm(port: int, stories: list[int], workers: int) -> dict[str, Any]:
    """Each story page once (the server computes and stores its brief: the cold time), then every page and
    API brief over several connections at once, so each worker reads the stored briefs into its memory."""
    cold: list[float] = []
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=900) as client:
        for story in stories:
            started = time.perf_counter()
            client.get(f"/stories/{story}").raise_for_status()
            cold.append(time.perf_counter() - started)

    def read_all(_: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            for story in stories:
                client.get(f"/stories/{story}").raise_for_status()
                client.get(f"/api/stories/{story}/brief").raise_for_status()

    with ThreadPoolExecutor(4 * workers) as pool:
        list(pool.map(read_all, range(4 * workers)))
    cold.sort()
    return {
        "cold_brief_mean_s": round(sum(cold) / len(cold), 2),
        "cold_brief_p50_s": round(cold[len(cold) // 2], 2),
        "cold_brief_max_s": round(cold[-1], 2),
        "cold_total_s": round(sum(cold), 1),
    }


def child_cpu_seconds(parent: int) -> dict[int, float]:
    """User + system CPU seconds of each child process of ``parent`` (the server's workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def measured(server: int, port: int, paths: list[str], requests: int, concurrency: int, wrk: str) -> dict[str, Any]:
    """A load run, with the CPU each worker spent on it (how evenly the connections spread over them)."""
    before = child_cpu_seconds(server)
    figures = load(port, paths, requests, concurrency, wrk)
    after = child_cpu_seconds(server)
    spent = sorted((after[pid] - before.get(pid, 0.0) for pid in after), reverse=True)
    figures["server_cpu_s"] = [round(seconds, 2) for seconds in spent if seconds > 0]
    figures["server_cpu_ms_per_request"] = round(1000 * sum(spent) / max(1, figures["requests"]), 2)
    return figures


def load(port: int, paths: list[str], requests: int, concurrency: int, wrk: str) -> dict[str, Any]:
    """Exactly ``requests`` GETs of ``paths`` in turn over ``concurrency`` connections, by wrk."""
    quoted = ", ".join(json.dumps(path) for path in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": quoted, "quota": requests})
    try:
        command = [wrk, "-t1", f"-c{concurrency}", "-d600s", "--timeout", "10s", "-s", script.name]
        output = subprocess.run(
            [*command, f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True, timeout=660
        )
    finally:
        os.unlink(script.name)
    line = next(line for line in output.stdout.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    errors = sum(raw[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": raw["requests"],
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p90_ms": round(raw["p90_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "requests_per_s": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "kb_per_response": round(raw["bytes"] / max(1, raw["requests"]) / 1024, 1),
        "errors": errors,
        "error_kinds": {kind: raw[kind] for kind in ("connect", "read", "write", "status", "timeout") if raw[kind]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-web-bench.db")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--stories", type=int, default=20, help="stories requested (most sources first)")
    parser.add_argument("--requests", type=int, default=5000, help="requests of each kind")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--twin-briefs", action="store_true", help="briefs by the model twins, not the real models")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None and not args.build_only:
        raise SystemExit("wrk is needed (Debian: apt-get install wrk)")
    build = build_store(args.db, args.articles)
    if args.build_only:
        return
    chosen = chosen_stories(args.db, args.stories)
    stories = [story for story, _, _ in chosen]
    forget_briefs(args.db, stories)
    port = free_port()
    server = start_server(args.db, port, args.workers, not args.twin_briefs)
    try:
        warmed = warm(port, stories, args.workers)
        load_average = os.getloadavg()[0]
        runs = [(f"/stories/{story}", f"/api/stories/{story}/brief") for story in stories]
        page, api = (
            measured(server.pid, port, [run[kind] for run in runs], args.requests, args.concurrency, str(wrk))
            for kind in (0, 1)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    results: dict[str, Any] = {
        "store": {**store_counts(args.db), "built_by": "model twins", **build},
        "server": {"workers": args.workers, "briefs_by": "model twins" if args.twin_briefs else "real models"},
        "client": {"tool": "wrk 4.1 (1 thread)", "concurrency": args.concurrency, "requests_each": args.requests},
        "stories": {
            "count": len(stories),
            "sources_mean": round(sum(s for _, s, _ in chosen) / len(chosen), 1),
            "articles_mean": round(sum(a for _, _, a in chosen) / len(chosen), 1),
        },
        "warm_up": warmed,
        "load_average_before": round(load_average, 2),
        "story_page": page,
        "api_brief": api,
        "targets": TARGETS,
        "met": {
            "page_p99_ms": page["p99_ms"] <= TARGETS["page_p99_ms"],
            "page_requests_per_s": page["requests_per_s"] >= TARGETS["requests_per_s"],
            "api_requests_per_s": api["requests_per_s"] >= TARGETS["requests_per_s"],
            "errors": page["errors"] + api["errors"] == 0,
        },
    }
    table = Table(
        title=f"newsprism serve, {args.workers} workers: {results['store']['articles']} articles, "
        f"{len(stories)} stories, wrk {args.concurrency} connections"
    )
    table.add_column("requests", style="bold")
    for name in ("count", "p50 ms", "p90 ms", "p99 ms", "max ms", "req/s", "KB", "errors", "CPU s by worker"):
        table.add_column(name, justify="right")
    for name, figures in (("story page", page), ("API brief", api)):
        table.add_row(
            name,
            *[str(figures[key]) for key in ("requests", "p50_ms", "p90_ms", "p99_ms", "max_ms", "requests_per_s")],
            str(figures["kb_per_response"]),
            str(figures["errors"]),
            " + ".join(str(seconds) for seconds in figures["server_cpu_s"]),
        )
    console = Console(width=200)
    console.print(table)
    console.print(f"cold briefs ({results['server']['briefs_by']}): {warmed}; load average before: {load_average:.2f}")
    console.print(f"targets met: {results['met']}")
    (ROOT / "bench" / "results" / "web.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
