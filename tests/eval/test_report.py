from __future__ import annotations

from rich.console import Console

from newsprism.eval.report import EvalReport


def _rendered(report: EvalReport) -> str:
    console = Console(width=200, record=True)
    console.print(report.to_table())
    return console.export_text()


def test_json_keeps_nested_figures() -> None:
    report = EvalReport("t", {"pair": {"overlap": {"f1": 0.8}}}, {"peer": {"pair": {"overlap": {"f1": 0.7}}}})
    assert report.to_json() == {
        "ours": {"pair": {"overlap": {"f1": 0.8}}},
        "peers": {"peer": {"pair": {"overlap": {"f1": 0.7}}}},
    }


def test_many_systems_are_rows_and_many_figures_are_rows() -> None:
    peers = {f"peer{n}": {"r1": 0.1 * n, "r2": 0.01 * n} for n in range(5)}
    wide = _rendered(EvalReport("systems", {"r1": 0.4, "r2": 0.1}, peers))
    assert wide.splitlines()[2].split("┃")[1].strip() == "system"
    tall = _rendered(EvalReport("figures", {"a": 1.0, "b": 2.0, "c": 3.0}, {"peer": {"a": 0.5}}))
    assert tall.splitlines()[2].split("┃")[1].strip() == "figure"
    assert "0.5000" in tall
    assert "-" in tall.split("c ")[-1]
