"""One shape for every benchmark's result: our figures beside the peers', as a table or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.table import Table

# A figure is a number, or a nested mapping of figures (e.g. {"source": {"exact": {"f1": 0.8}}}).
Figures = dict[str, Any]


@dataclass
class EvalReport:
    """Figures of one benchmark run: ours, each peer's, and notes on how they were obtained."""

    title: str
    ours: Figures
    peers: dict[str, Figures] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"ours": self.ours, "peers": self.peers}

    def to_table(self) -> Table:
        """Ours first, then each peer; systems are rows, or columns when there are more figures than systems."""
        names = list(_flatten(self.ours))
        for figures in self.peers.values():
            names += [name for name in _flatten(figures) if name not in names]
        systems = [("ours", _flatten(self.ours))] + [(peer, _flatten(figures)) for peer, figures in self.peers.items()]
        table = Table(title=self.title, caption="\n".join(self.notes) or None, caption_justify="left")
        if len(names) > len(systems):
            table.add_column("figure", style="bold")
            for system, _ in systems:
                table.add_column(system, justify="right")
            for name in names:
                table.add_row(name, *[_format(flat.get(name)) for _, flat in systems])
            return table
        table.add_column("system", style="bold")
        for name in names:
            table.add_column(name, justify="right")
        for system, flat in systems:
            table.add_row(system, *[_format(flat.get(name)) for name in names])
        return table


def _flatten(figures: Figures, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _format(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)
