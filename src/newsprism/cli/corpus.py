"""The corpus commands ``ingest``, ``stories``, ``story`` and ``status``: parse options, call the library."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

DB_HELP = "Database: a file path or URL (sqlite:///..., postgresql://...). Default $NEWSPRISM_DB or ./newsprism.db."
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

Db = Annotated[str | None, typer.Option("--db", help=DB_HELP)]
Since = Annotated[str | None, typer.Option("--since", help="Only since then: 2d, 12h, 30m, 1w or a date (2024-05-01).")]
Twins = Annotated[bool, typer.Option("--model-twins", hidden=True, help="Model-free twins (tests).")]


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def parse_since(value: str | None, now: datetime | None = None) -> datetime | None:
    """``2d``-style durations back from now, or an ISO date/time."""
    if value is None:
        return None
    now = now or datetime.now(UTC)
    match = _DURATION.match(value.strip().lower())
    if match:
        return now - timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is neither a duration (2d, 12h) nor a date", param_hint="--since"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs, RSS/Atom feeds, OPML lists, WARCs.")],
    db: Db = None,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Scheduler address, or 'local' for a local cluster.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Stop after this many new articles.")] = None,
    since: Since = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per committed batch.")] = 64,
    progress: Annotated[bool, typer.Option(help="Show progress bars on stderr.")] = True,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy pipeline: package name or path.")] = None,
    embedding_model: Annotated[str | None, typer.Option(help="sentence-transformers model: name or path.")] = None,
    full_analysis: Annotated[
        bool,
        typer.Option(
            "--full-analysis",
            help="Also parse every article and embed every sentence now (briefs from the store reuse them); "
            "by default ingest does what grouping needs and briefs analyse their own articles.",
        ),
    ] = False,
    model_twins: Twins = False,
) -> None:
    """Read inputs into the corpus database; every story is kept up to date. Re-running resumes."""
    from newsprism.cli.briefing import _model_options
    from newsprism.corpus import CorpusOptions, DaskOptions, LoadedModels, TwinModels, ingest_inputs
    from newsprism.store import Store
    from newsprism.store.process import ModelFactory, ProcessOptions
    from newsprism.store.progress import RichProgress

    models: ModelFactory = TwinModels() if model_twins else LoadedModels(_model_options(spacy_model, embedding_model))
    options = CorpusOptions(
        process=ProcessOptions(analysis="full" if full_analysis else "lean"),
        batch_size=batch_size,
        limit=limit,
        since=parse_since(since),
        dask=DaskOptions(address=dask) if dask else None,
    )
    console = _stderr()
    store = Store.open(db)
    try:
        if progress and console.is_terminal:
            with RichProgress(len(inputs), limit, console) as bars:
                report = ingest_inputs(inputs, store, models, options, bars)
        else:
            report = ingest_inputs(inputs, store, models, options)
    finally:
        store.close()
    for failure in report.failures:
        console.print(f"newsprism: skipped {failure}", markup=False)
    counts = report.counts()
    console.print(
        f"newsprism: run {report.run_id}: {counts['added']} new article(s), {counts['duplicates']} already stored, "
        f"{counts['near_duplicates']} near-duplicate(s), {counts['stories']} story(ies) updated, "
        f"{counts['failures']} input(s) skipped"
        + (f", {counts['resumed_inputs']} resumed" if counts["resumed_inputs"] else ""),
        markup=False,
    )
    raise typer.Exit(1 if report.failures else 0)


def _when(moment: datetime | None) -> str:
    return moment.isoformat(timespec="minutes") if moment else ""


def stories(
    db: Db = None,
    since: Since = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the stories of the corpus, most recently seen first."""
    from newsprism.store import Store

    if format_name not in ("table", "json"):
        raise typer.BadParameter(f"unknown format '{format_name}'; use table or json", param_hint="--format")
    store = Store.open(db)
    try:
        found = store.stories(parse_since(since))
    finally:
        store.close()
    if format_name == "json":
        rows = [
            {
                "story": s.id,
                "sources": s.source_count,
                "articles": s.article_count,
                "first_seen": _when(s.first_seen) or None,
                "last_seen": _when(s.last_seen) or None,
                "headline": s.headline,
            }
            for s in found
        ]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("story", "sources", "articles", "first seen", "last seen", "headline")
    for s in found:
        table.add_row(
            str(s.id), str(s.source_count), str(s.article_count), _when(s.first_seen), _when(s.last_seen), s.headline
        )
    Console(highlight=False).print(table)


def story(
    story_id: Annotated[int, typer.Argument(help="Story number, as listed by 'newsprism stories'.")],
    db: Db = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="md, json or html.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the brief here.")] = None,
    spacy_model: Annotated[str | None, typer.Option(help="spaCy pipeline: package name or path.")] = None,
    embedding_model: Annotated[str | None, typer.Option(help="sentence-transformers model: name or path.")] = None,
    model_twins: Twins = False,
) -> None:
    """Write the attributed brief of one story of the corpus."""
    from newsprism.cli.briefing import _model_options
    from newsprism.ingest.raw import raw_from_article
    from newsprism.pipeline import Models, PipelineOptions, brief_from_raw
    from newsprism.render import render
    from newsprism.store import Store
    from newsprism.store.process import TwinModels

    if format_name not in ("md", "json", "html"):
        raise typer.BadParameter(f"unknown format '{format_name}'; use md, json or html", param_hint="--format")
    store = Store.open(db)
    try:
        articles = store.articles_of_story(story_id)
        stored = store.stored_vectors([article.id for article in articles])
    finally:
        store.close()
    if not articles:
        _stderr().print(f"newsprism: no story {story_id} in {db or 'the corpus'}", markup=False)
        raise typer.Exit(2)
    raw = [raw_from_article(article) for article in articles]
    options = PipelineOptions(models=_model_options(spacy_model, embedding_model))
    models = TwinModels().build() if model_twins else Models.load(options.models)
    result = brief_from_raw(raw, models, options, stored_vectors=stored)
    text = render(result.brief, result.documents, format_name)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        _stderr().print(f"newsprism: brief of story {story_id} ({len(articles)} articles) written to {output}")


def status(
    db: Db = None,
    format_name: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Counts of the corpus, its last run and the inputs that run could not read."""
    from dataclasses import asdict

    from newsprism.store import Store

    store = Store.open(db)
    try:
        state = store.status()
    finally:
        store.close()
    if format_name == "json":
        sys.stdout.write(json.dumps(asdict(state), indent=2, default=str) + "\n")
        return
    out = Console(highlight=False)
    out.print(
        f"{state.url}: {state.articles} articles, {state.stories} stories, {state.sentences} sentences, "
        f"{state.entities} entity mentions, {state.runs} runs",
        markup=False,
    )
    if state.last_run:
        run = state.last_run
        counts = ", ".join(f"{k} {v}" for k, v in sorted(run.counts.items()))
        out.print(f"last run {run.id}: {run.status}, started {_when(run.started)}, {counts}", markup=False)
    for failure in state.failures:
        out.print(f"  failed {failure.input}: {failure.reason}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``newsprism`` app."""
    app.command(epilog="Exit status: 0 every input read; 1 some inputs skipped (named on stderr); 2 error.")(ingest)
    app.command()(stories)
    app.command()(story)
    app.command()(status)
