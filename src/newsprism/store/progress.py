"""Progress of a corpus run: a rich display with rate and ETA for people, a silent one for libraries."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RunProgress(Protocol):
    """What a run reports while it goes."""

    def input_done(self) -> None: ...

    def articles_done(self, count: int) -> None: ...


class SilentProgress:
    """Reports nothing."""

    def input_done(self) -> None:
        """Nothing to show."""

    def articles_done(self, count: int) -> None:
        """Nothing to show."""


class RichProgress:
    """Two bars on stderr: inputs read of those named, and articles processed (with rate and ETA)."""

    def __init__(self, inputs: int, limit: int | None, console: Console | None = None) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._inputs: TaskID = self._progress.add_task("inputs", total=inputs, rate="")
        self._articles: TaskID = self._progress.add_task("articles", total=limit, rate="")

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._progress.stop()

    def input_done(self) -> None:
        """One named input fully read."""
        self._progress.advance(self._inputs)

    def articles_done(self, count: int) -> None:
        """``count`` more articles processed."""
        self._progress.advance(self._articles, count)
        speed = self._progress.tasks[self._articles].speed
        self._progress.update(self._articles, rate=f"{speed:.1f}/s" if speed else "")
