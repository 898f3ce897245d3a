"""The corpus pipeline: re-ingest is a no-op, a killed run resumes, a Dask run equals a local one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from newsprism.corpus import CorpusOptions, DaskOptions, TwinModels, ingest_inputs
from newsprism.store import Store
from tests.store.conftest import TWIN_PROCESS, article_lines

ROOT = Path(__file__).resolve().parents[2]


def test_ingesting_twice_adds_nothing_the_second_time(store_url: str, corpus_files: Path) -> None:
    store = Store.open(store_url)
    first = ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=5))
    assert first.added == 12
    assert first.status == "completed"
    stories = store.stories()
    assert sum(s.article_count for s in stories) == 12
    assert len(stories) == 2  # the two topics
    second = ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=5))
    assert (second.added, second.duplicates) == (0, 12)
    assert store.count() == 12
    assert [s.article_count for s in store.stories()] == [s.article_count for s in stories]
    store.close()


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path, corpus_files: Path) -> None:
    (tmp_path / "broken.jsonl").write_text('{"text": ""}\n{oops\n', encoding="utf-8")
    store = Store.open("sqlite:///:memory:")
    inputs = [str(tmp_path / "missing.txt"), str(tmp_path / "broken.jsonl"), str(corpus_files)]
    report = ingest_inputs(inputs, store, TwinModels(), CorpusOptions(process=TWIN_PROCESS))
    assert report.added == 12
    assert len(report.failures) == 3
    status = store.status()
    assert {f.input for f in status.failures} == {
        str(tmp_path / "missing.txt"),
        f"{tmp_path / 'broken.jsonl'}:1",
        f"{tmp_path / 'broken.jsonl'}:2",
    }


def test_limit_stops_and_a_rerun_takes_the_rest(corpus_files: Path) -> None:
    store = Store.open("sqlite:///:memory:")
    assert (
        ingest_inputs(
            [str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=3, limit=5)
        ).added
        == 5
    )
    assert store.count() == 5
    assert ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS)).added == 7


def test_since_skips_older_articles(tmp_path: Path) -> None:
    old = json.dumps({"title": "Old", "text": "An old report about the council vote.", "published": "2001-01-01"})
    (tmp_path / "a.jsonl").write_text(old + "\n" + article_lines(1), encoding="utf-8")
    store = Store.open("sqlite:///:memory:")
    report = ingest_inputs(
        [str(tmp_path)],
        store,
        TwinModels(),
        CorpusOptions(process=TWIN_PROCESS, since=datetime(2020, 1, 1, tzinfo=UTC)),
    )
    assert (report.added, report.older) == (1, 1)


def _dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "articles": "SELECT id, seq, title, text, signature, near_duplicate_of, story_id FROM articles ORDER BY seq",
        "sentences": 'SELECT article_id, idx, start, "end", text FROM sentences ORDER BY article_id, idx',
        "embeddings": "SELECT article_id, kind, idx, vector FROM embeddings ORDER BY article_id, kind, idx",
        "stories": "SELECT id, headline, article_count, source_count FROM stories ORDER BY id",
    }
    with store.engine.connect() as connection:
        return {name: [tuple(row) for row in connection.execute(text(sql))] for name, sql in queries.items()}


def test_a_run_killed_mid_ingest_resumes_without_loss_or_repeats(tmp_path: Path, corpus_files: Path) -> None:
    database = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.store.crash_ingest", str(database), str(corpus_files)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if database.exists() and _count(database) >= 4:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the ingest finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    killed_at = _count(database)
    assert 4 <= killed_at < 12
    store = Store.open(str(database))
    report = ingest_inputs([str(corpus_files)], store, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=1))
    assert report.resumed_inputs >= 1 or report.duplicates >= 1
    assert report.added == 12 - killed_at
    assert store.count() == 12
    with store.engine.connect() as connection:
        statuses = [row[0] for row in connection.execute(text("SELECT status FROM ingestion_runs ORDER BY id"))]
    assert statuses == ["resumed", "completed"]
    # Same as a run that was never interrupted.
    clean = Store.open("sqlite:///:memory:")
    ingest_inputs([str(corpus_files)], clean, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=1))
    assert [r[:4] + r[5:] for r in _dump(store)["articles"]] == [r[:4] + r[5:] for r in _dump(clean)["articles"]]


def _count(database: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(database, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not yet migrated


@pytest.mark.parametrize(
    "processes", [False, pytest.param(True, marks=pytest.mark.slow, id="worker-processes")], ids=["threads", None]
)
def test_dask_run_equals_single_process_run(corpus_files: Path, processes: bool) -> None:
    local = Store.open("sqlite:///:memory:")
    ingest_inputs([str(corpus_files)], local, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=4))
    distributed = Store.open("sqlite:///:memory:")
    # Worker processes are what a real cluster runs: models and batches cross a process boundary (pickled).
    dask = DaskOptions(address="local", workers=2, processes=processes)
    report = ingest_inputs(
        [str(corpus_files)], distributed, TwinModels(), CorpusOptions(process=TWIN_PROCESS, batch_size=4, dask=dask)
    )
    assert report.added == 12
    assert _dump(distributed) == _dump(local)


def test_cli_ingest_stories_story_status(tmp_path: Path, corpus_files: Path) -> None:
    import typer

    from newsprism.cli.corpus import register

    app = typer.Typer()
    register(app)
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(corpus_files), "--db", db, "--model-twins", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "12 new article(s)" in result.output
    listed = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert sum(row["articles"] for row in rows) == 12
    first = str(rows[0]["story"])
    brief = runner.invoke(app, ["story", first, "--db", db, "--model-twins", "--format", "json"])
    assert brief.exit_code == 0, brief.output
    assert '"key_points"' in brief.stdout
    missing = runner.invoke(app, ["story", "9999", "--db", db, "--model-twins"])
    assert missing.exit_code == 2
    status = runner.invoke(app, ["status", "--db", db, "--format", "json"])
    assert '"articles": 12' in status.stdout


@pytest.mark.parametrize("value", ["2d", "12h", "2024-05-01"])
def test_since_values_parse(value: str) -> None:
    from newsprism.cli.corpus import parse_since

    parsed = parse_since(value, now=datetime(2024, 5, 10, tzinfo=UTC))
    assert parsed is not None
    assert parsed < datetime(2024, 5, 10, tzinfo=UTC)
