"""The ``newsprism`` command: a thin adapter that parses arguments into options and calls the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsprism.cli.corpus import register as register_corpus_commands
from newsprism.cli.evaluate import eval_app
from newsprism.cli.serve import register as register_serve_command
from newsprism.errors import NewsprismError

app = typer.Typer(
    name="newsprism",
    help="Many news reports of one story in; an attributed brief out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
register_corpus_commands(app)
register_serve_command(app)

FORMATS = ("md", "json", "html")
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}

EXIT_HELP = """
Exit status: 0 every input was used; 1 the brief was written but some inputs were skipped
(each named on stderr with the reason); 2 nothing usable, or a usage or model error.
"""


def _errors() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@app.command(epilog=EXIT_HELP)
def brief(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .md .html .json .jsonl), directories, or - for JSON Lines on stdin."),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the brief here (format from the suffix).")
    ] = None,
    format_name: Annotated[str | None, typer.Option("--format", "-f", help="md, json or html.")] = None,
    short: Annotated[bool, typer.Option(help="Markdown: headline, key points and sources only.")] = False,
    show_removed: Annotated[
        bool, typer.Option("--show-removed", help="List every boilerplate line removed, per article, on stderr.")
    ] = False,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy pipeline: package name or path.")] = None,
    embedding_model: Annotated[str | None, typer.Option(help="sentence-transformers model: name or path.")] = None,
) -> None:
    """Write an attributed brief of the articles: key points verbatim from, and cited to, their sources."""
    from newsprism.cli.briefing import run_brief

    fmt = _resolve_format(format_name, output)
    code = run_brief(inputs, output, fmt, short, show_removed, spacy_model, embedding_model, _errors())
    raise typer.Exit(code)


@app.command(epilog="Exit status: 0 everything verified; 1 a mismatch (each printed); 2 unreadable input.")
def verify(
    brief_json: Annotated[Path, typer.Argument(help="A brief written with --format json.")],
    inputs: Annotated[list[str], typer.Argument(help="The articles the brief was made from.")],
) -> None:
    """Check every key point and citation of a brief against its source articles."""
    from newsprism.cli.briefing import run_verify

    raise typer.Exit(run_verify(brief_json, inputs, _errors()))


def _resolve_format(format_name: str | None, output: Path | None) -> str:
    if format_name is None:
        format_name = SUFFIX_FORMATS.get(output.suffix.lower(), "md") if output else "md"
    if format_name not in FORMATS:
        raise typer.BadParameter(
            f"unknown format '{format_name}'; use one of {', '.join(FORMATS)}", param_hint="--format"
        )
    return format_name


def run() -> None:
    """Entry point: library errors become one clear line and exit status 2, never a traceback."""
    try:
        app()
    except NewsprismError as error:
        _errors().print(f"newsprism: {error}", markup=False)
        sys.exit(2)
