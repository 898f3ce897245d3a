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
