"""The brief and verify commands, kept apart from argument parsing."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from newsprism.brief import verify_brief
from newsprism.errors import InputError
from newsprism.model import ParsedArticle
from newsprism.nlp import ModelOptions
from newsprism.pipeline import Models, PipelineOptions, brief_from_inputs, usable_articles


def _model_options(spacy_model: str | None, embedding_model: str | None) -> ModelOptions:
    defaults = ModelOptions()
    return ModelOptions(spacy_model=spacy_model or defaults.spacy_model, encoder=embedding_model or defaults.encoder)


def _report_skipped(problems: Sequence[InputError], console: Console) -> None:
    for problem in problems:
        console.print(f"newsprism: skipped {problem}", markup=False)


def _print_removed(documents: Sequence[ParsedArticle], console: Console) -> None:
    for document in documents:
        article = document.article
        console.print(f"\n{article.origin or article.source}: {len(article.removed)} line(s) removed", markup=False)
        for line in article.removed:
            console.print(f"  line {line.line + 1} [{line.reason}]: {line.text}", markup=False)


def run_brief(
    inputs: Sequence[str],
    output: Path | None,
    fmt: str,
    short: bool,
    show_removed: bool,
    spacy_model: str | None,
    embedding_model: str | None,
    console: Console,
) -> int:
    """Brief the inputs; return the exit status (1 when inputs were skipped)."""
    from newsprism.render import print_markdown, render, render_markdown

    options = PipelineOptions(models=_model_options(spacy_model, embedding_model))
    models = Models.load(options.models)
    result = brief_from_inputs(inputs, models, options, stdin=sys.stdin.buffer if "-" in inputs else None)
    _report_skipped(result.problems, console)
    if show_removed:
        _print_removed(result.documents, console)
    text = render_markdown(result.brief, short=short) if fmt == "md" else render(result.brief, result.documents, fmt)
    if output is None and fmt == "md" and sys.stdout.isatty():
        print_markdown(text)
    elif output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        console.print(f"newsprism: brief of {len(result.documents)} article(s) written to {output}", markup=False)
    return 1 if result.problems else 0


def run_verify(brief_json: Path, inputs: Sequence[str], console: Console) -> int:
    """Verify a JSON brief against the articles; return the exit status."""
    from newsprism.ingest import read_inputs
    from newsprism.render.json import brief_from_json

    try:
        brief = brief_from_json(brief_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        console.print(f"newsprism: {brief_json}: not a readable brief ({error})", markup=False)
        return 2
    options = PipelineOptions()
    read = read_inputs(inputs, options.ingest)
    _report_skipped(read.problems, console)
    articles, _ = usable_articles(read.articles, options, [])
    problems = verify_brief(brief, articles)
    for problem in problems:
        console.print(f"newsprism: {brief_json}: {problem}", markup=False)
    if problems:
        return 1
    cited = len(brief.key_points) + sum(len(group.points) for group in brief.only_in)
    console.print(
        f"newsprism: {brief_json}: verified headline, {cited} points and their citations against "
        f"{len(articles)} article(s)",
        markup=False,
    )
    return 0
