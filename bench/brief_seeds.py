"""Time `newsprism brief` on the bundled example: cold (new process) and warm (models loaded).

Prints a table and writes bench/results/brief_seeds.json. Targets on a 2-core machine:
warm <= 0.5 s, cold <= 6 s, peak RSS <= 1.5 GB. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = sorted(str(p) for p in (ROOT / "examples" / "russia-pullback").glob("*.txt"))


def cold_runs(repeats: int) -> tuple[list[float], float]:
    """Wall time of a fresh `newsprism brief` process, and the peak RSS of any such process (MB)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "newsprism", "brief", *EXAMPLE, "-o", f"{folder}/brief.json"],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - started)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return times, peak_kb / 1024


def warm_runs(repeats: int) -> tuple[list[float], dict[str, float], float]:
    """Median stage times over in-process repeats with models loaded, and the encoder's sentences/s alone."""
    from newsprism.pipeline import Models, PipelineOptions, brief_from_inputs

    options = PipelineOptions()
    models = Models.load(options.models)
    result = brief_from_inputs(EXAMPLE, models, options)  # first run pays one-off initialisation
    times: list[float] = []
    stages: dict[str, list[float]] = {}
    for _ in range(repeats):
        started = time.perf_counter()
        result = brief_from_inputs(EXAMPLE, models, options)
        times.append(time.perf_counter() - started)
        for stage, seconds in result.timings.items():
            stages.setdefault(stage, []).append(seconds)
    sentences = [s.text for d in result.documents for s in d.sentences if len(s.text.split()) >= 4]
    encode_times = []
    for _ in range(5):
        started = time.perf_counter()
        models.encoder.encode(sentences)
        encode_times.append(time.perf_counter() - started)
    rate = len(sentences) / statistics.median(encode_times)
    return times, {stage: statistics.median(values) for stage, values in stages.items()}, rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warm", type=int, default=20, help="warm repeats (median reported)")
    parser.add_argument("--cold", type=int, default=3, help="cold process runs (median reported)")
    args = parser.parse_args()

    cold, peak_mb = cold_runs(args.cold)
    warm, stages, encoder_rate = warm_runs(args.warm)
    own_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "cold_seconds_median": statistics.median(cold),
        "warm_seconds_median": statistics.median(warm),
        "peak_rss_mb": max(peak_mb, own_peak_mb),
        "stage_seconds_median": stages,
        "encoder_sentences_per_second": encoder_rate,
        "targets": {"warm_seconds": 0.5, "cold_seconds": 6.0, "peak_rss_mb": 1536},
        "machine": machine(),
    }
    table = Table(title="newsprism brief on examples/russia-pullback (5 articles)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("cold, new process (median s)", f"{figures['cold_seconds_median']:.2f}", "<= 6")
    table.add_row("warm, models loaded (median s)", f"{figures['warm_seconds_median']:.3f}", "<= 0.5")
    table.add_row("peak RSS (MB)", f"{figures['peak_rss_mb']:.0f}", "<= 1536")
    for stage, seconds in stages.items():
        table.add_row(f"  warm stage: {stage}", f"{seconds:.3f}", "")
    table.add_row("embedding model alone (sentences/s)", f"{encoder_rate:.0f}", "")
    Console().print(table)
    out = ROOT / "bench" / "results" / "brief_seeds.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
