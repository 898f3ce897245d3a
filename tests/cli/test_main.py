"""The command line: help for every command, exit statuses, formats, and verify on the example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli.main import app
from newsprism.pipeline import Models

runner = CliRunner()


@pytest.fixture(autouse=True)
def model_twins(monkeypatch: pytest.MonkeyPatch, blank_nlp, hashing_encoder) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(Models, "load", staticmethod(lambda options: Models(nlp=blank_nlp, encoder=hashing_encoder)))


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["brief"],
        ["verify"],
        ["eval"],
        *[["eval", name] for name in ("duc2004", "clean", "polnear", "fnc1", "ecbplus")],
    ],
    ids=" ".join,
)
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_brief_help_documents_exit_status() -> None:
    assert "Exit status" in runner.invoke(app, ["brief", "--help"]).output


def test_brief_json_then_verify(tmp_path: Path, example_files: list[Path]) -> None:
    out = tmp_path / "brief.json"
    files = [str(p) for p in example_files]
    result = runner.invoke(app, ["brief", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    brief = json.loads(out.read_text())
    assert {"headline", "sources", "key_points", "only_in"} <= brief.keys()
    verified = runner.invoke(app, ["verify", str(out), *files])
    assert verified.exit_code == 0, verified.output


def test_verify_fails_on_tampered_brief(tmp_path: Path, example_files: list[Path]) -> None:
    out = tmp_path / "brief.json"
    files = [str(p) for p in example_files]
    runner.invoke(app, ["brief", *files, "-o", str(out)])
    brief = json.loads(out.read_text())
    brief["key_points"][0]["text"] = brief["key_points"][0]["text"] + " And more that nobody wrote."
    out.write_text(json.dumps(brief))
    result = runner.invoke(app, ["verify", str(out), *files])
    assert result.exit_code == 1
    assert "not verbatim" in result.output


def test_skipped_input_gives_exit_status_one(tmp_path: Path, example_files: list[Path]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["brief", str(empty), str(example_files[0]), "--format", "md"])
    assert result.exit_code == 1
    assert f"skipped {empty}: empty file" in result.output


def test_html_and_markdown_outputs(tmp_path: Path, example_files: list[Path]) -> None:
    files = [str(p) for p in example_files]
    assert runner.invoke(app, ["brief", *files, "-o", str(tmp_path / "b.html")]).exit_code == 0
    assert (tmp_path / "b.html").read_text().lstrip().lower().startswith("<!doctype html>")
    result = runner.invoke(app, ["brief", *files, "--format", "md", "--short"])
    assert result.exit_code == 0
    assert "## Key points" in result.output


def test_unknown_format_is_a_usage_error(example_files: list[Path]) -> None:
    result = runner.invoke(app, ["brief", str(example_files[0]), "--format", "pdf"])
    assert result.exit_code == 2


def test_show_removed_lists_boilerplate(example_files: list[Path]) -> None:
    result = runner.invoke(app, ["brief", *map(str, example_files), "--show-removed"])
    assert "line(s) removed" in result.output


def test_stdin_jsonl(example_files: list[Path]) -> None:
    lines = [json.dumps({"title": p.stem, "text": p.read_text(), "source": p.stem}) for p in example_files[:3]]
    result = runner.invoke(app, ["brief", "-", "--format", "json"], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["sources"]) == 3


@pytest.mark.slow
def test_real_models_brief_and_verify_on_the_example(tmp_path: Path, example_files: list[Path]) -> None:
    """The README's path end to end, in a new process with the shipped models."""
    out = tmp_path / "brief.json"
    files = [str(p) for p in example_files]
    command = [sys.executable, "-m", "newsprism"]
    subprocess.run([*command, "brief", *files, "-o", str(out)], check=True, capture_output=True)
    verified = subprocess.run([*command, "verify", str(out), *files], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    brief = json.loads(out.read_text())
    assert 5 <= len(brief["key_points"]) <= 8
    assert max(point["support"] for point in brief["key_points"]) >= 3
