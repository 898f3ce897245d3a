"""``newsprism serve``: the web app over a corpus, under uvicorn; settings reach each worker by environment."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from typing import Annotated

import typer

from newsprism.cli.corpus import Db, Twins


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="NEWSPRISM_WRITE_TOKEN",
            help="Accept articles by POST /api/articles with 'Authorization: Bearer TOKEN'; "
            "'generate' makes one and prints it. Without a token the server is read-only.",
        ),
    ] = None,
    allow_private_urls: Annotated[
        bool, typer.Option(help="Let the new-story form fetch URLs on private and loopback addresses.")
    ] = False,
    model_twins: Twins = False,
) -> None:
    """Serve the stories of a corpus in the browser, with a JSON API (read-only unless given a token)."""
    import uvicorn

    from newsprism.store import Store
    from newsprism.web.settings import DB_VARIABLE, PRIVATE_URLS_VARIABLE, TOKEN_VARIABLE, TWINS_VARIABLE

    if write_token == "generate":
        write_token = secrets.token_urlsafe(24)
        typer.echo(f"newsprism: write token {write_token}", err=True)
    # Opened once here so a bad URL or locked database fails before the workers start (and migrates it once).
    Store.open(db).close()
    os.environ[DB_VARIABLE] = db or ""
    os.environ[TOKEN_VARIABLE] = write_token or ""
    os.environ[TWINS_VARIABLE] = "1" if model_twins else ""
    os.environ[PRIVATE_URLS_VARIABLE] = "1" if allow_private_urls else ""
    for variable, value in worker_thread_limits(workers, os.cpu_count() or 1, os.environ).items():
        os.environ[variable] = value
    typer.echo(
        f"newsprism: serving {db or 'the corpus'} on http://{host}:{port} "
        f"({'accepts articles' if write_token else 'read-only'})",
        err=True,
    )
    uvicorn.run(
        "newsprism.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        server_header=False,
        log_level="warning",
    )


# The thread pools of torch (the sentence encoder) and of the BLAS under numpy and spaCy.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def worker_thread_limits(workers: int, cpus: int, environment: Mapping[str, str]) -> dict[str, str]:
    """Thread limits for each of ``workers`` processes sharing ``cpus`` cores; a limit the user set stands.

    Each worker's torch would otherwise start one thread per core, and workers computing briefs at the
    same time then wait on each other's threads: two processes encoding the example's sentences took
    2.4-6x as long with two threads each as with one each on this 2-core machine.
    """
    if workers <= 1:
        return {}
    threads = str(max(1, cpus // workers))
    return {variable: threads for variable in THREAD_VARIABLES if variable not in environment}


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the CLI."""
    app.command()(serve)
