"""Where the per-article stages run: in this process, or as a dask.distributed job on a cluster.

Batches go out in order and results come back in the same order, so the sequential assigning step
sees exactly what a single-process run would: the store ends up identical either way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, TypeVar

from newsprism.ingest.raw import RawArticle
from newsprism.store.process import ModelFactory, Processed, ProcessOptions, process_batch

T = TypeVar("T")
LOCAL = "local"


@dataclass(frozen=True)
class DaskOptions:
    """A scheduler address, or ``local`` for a cluster on this machine with ``workers`` workers."""

    address: str
    workers: int = 2
    processes: bool = True
    # Batches in flight at once: enough to keep every worker busy, few enough to bound memory.
    in_flight: int = 4


def map_batches(
    batches: Iterator[T],
    raw_of: Callable[[T], Sequence[RawArticle]],
    models: ModelFactory,
    options: ProcessOptions,
    dask: DaskOptions | None = None,
) -> Iterator[tuple[T, Processed]]:
    """Each batch with its processed articles, in the order the batches came."""
    if dask is None:
        for batch in batches:
            yield batch, process_batch(raw_of(batch), models, options)
        return
    from dask.distributed import Client

    with _cluster(dask) as cluster, Client(cluster or dask.address) as client:  # type: ignore[no-untyped-call]
        pending: deque[tuple[T, Any]] = deque()
        for batch in batches:
            pending.append((batch, client.submit(process_batch, list(raw_of(batch)), models, options, pure=False)))
            if len(pending) >= max(dask.in_flight, 1):
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _cluster(dask: DaskOptions) -> AbstractContextManager[Any]:
    if dask.address != LOCAL:
        return nullcontext(None)
    from dask.distributed import LocalCluster

    return LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=dask.workers,
        threads_per_worker=1,
        processes=dask.processes,
        # None does not turn the dashboard off (dask/distributed#8136): a free loopback port keeps two
        # local clusters (two ingests at once) from fighting over 8787.
        dashboard_address="127.0.0.1:0",
        # Threads talk in-process; worker processes listen on loopback only.
        **({"host": "127.0.0.1"} if dask.processes else {}),
    )
