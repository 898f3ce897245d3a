"""``newsprism eval ...``: every public benchmark, our figures beside the peers' in one table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsprism.eval.report import EvalReport

eval_app = typer.Typer(help="Score newsprism on public benchmarks beside published peers.", no_args_is_help=True)

SHARED_DATA = Path("../shared/data")
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object instead of a table.")]


def _show(report: EvalReport, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2, sort_keys=True))
    else:
        # Piped output gets room for every column; a terminal keeps its own width.
        console = Console(highlight=False)
        if not console.is_terminal:
            console = Console(highlight=False, width=200)
        console.print(report.to_table())


@eval_app.command("duc2004")
def duc2004(
    path: Annotated[Path, typer.Argument(help="duc2004-dev.jsonl")] = SHARED_DATA / "duc2004-dev.jsonl",
    as_json: JsonFlag = False,
    out: Annotated[Path | None, typer.Option(help="Write our summary of each cluster to DIR/<cluster>.txt.")] = None,
) -> None:
    """Multi-document summarization: ROUGE-1/2 recall (ROUGE-1.5.5) of ours and the 13 DUC 2004 peers."""
    from newsprism.eval.duc2004 import run_duc2004

    _show(run_duc2004(path, out_dir=out), as_json)


@eval_app.command("clean")
def clean(
    seeds: Annotated[Path, typer.Argument(help="Folder of raw seed articles (.txt).")] = SHARED_DATA / "seeds",
    aeb: Annotated[Path | None, typer.Option(help="Zyte article-extraction benchmark folder.")] = SHARED_DATA
    / "aeb-dev",
    as_json: JsonFlag = False,
) -> None:
    """Boilerplate removal: removed-line precision and kept-text recall on the seeds and aeb-dev."""
    from newsprism.eval.clean import run_clean_eval

    _show(run_clean_eval(seeds, aeb if aeb and aeb.exists() else None), as_json)


@eval_app.command("polnear")
def polnear(
    split: Annotated[Path, typer.Argument(help="A PolNeAR split folder (text/ and attributions/).")] = SHARED_DATA
    / "polnear"
    / "dev",
    as_json: JsonFlag = False,
    out: Annotated[Path | None, typer.Option(help="Write predicted attributions as brat .ann files to DIR.")] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="Also break the missed and the extra pairs down by kind.")
    ] = False,
) -> None:
    """Quote attribution: source, content and pair precision/recall/F1 (exact and overlap) on PolNeAR."""
    from newsprism.eval.polnear import run_polnear

    _show(run_polnear(split, out_dir=out, misses=misses), as_json)


@eval_app.command("fnc1")
def fnc1(
    data: Annotated[Path, typer.Argument(help="FNC-1 folder (stances.jsonl, bodies.jsonl).")] = SHARED_DATA
    / "fnc1-dev",
    as_json: JsonFlag = False,
    out: Annotated[Path | None, typer.Option(help="Write one predicted stance per claim-body pair (JSONL).")] = None,
    retrain: Annotated[bool, typer.Option(help="Retrain the stance model on this data first.")] = False,
    cache: Annotated[Path | None, typer.Option(help="Keep body sentence embeddings in this .npz file.")] = None,
) -> None:
    """Stance (claim vs counter-claim): FNC-1 relative score and per-class F1 beside two baselines."""
    from newsprism.eval.fnc1 import run_fnc1

    _show(run_fnc1(data, out_file=out, retrain=retrain, embedding_cache=cache), as_json)


@eval_app.command("ecbplus")
def ecbplus(
    path: Annotated[Path, typer.Argument(help="ecbplus-dev.jsonl")] = SHARED_DATA / "ecbplus-dev.jsonl",
    as_json: JsonFlag = False,
    out: Annotated[Path | None, typer.Option(help="Write {id, cluster} JSON lines to FILE.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the shuffled arrival order.")] = 13,
    orders: Annotated[
        int, typer.Option(min=0, help="Also report the F1 spread over this many orders, seeds 0 to N-1.")
    ] = 20,
) -> None:
    """Story clustering: B-cubed precision/recall/F1 and ARI on ECB+ beside a TF-IDF agglomerative baseline."""
    from newsprism.eval.ecbplus import run_ecbplus

    _show(run_ecbplus(path, out_file=out, seed=seed, orders=orders), as_json)
