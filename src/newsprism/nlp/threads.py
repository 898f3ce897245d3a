"""One thread for numpy's BLAS while a brief is computed: torch's thread pool needs the cores.

numpy multiplies through OpenBLAS, whose worker threads keep spinning for a while after each
product; torch (the encoder) has a pool of its own. On two cores the two pools fight: in the example's
brief the claims stage, which alternates small numpy products with encoder calls, took 0.135-0.156 s
with OpenBLAS on two threads and 0.093-0.101 s on one, the parse about the same either way, and the
whole brief 0.72-0.82 s against 0.67-0.72 s (median of 20 warm runs each, 2-core EPYC, 2026-12-04).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from threadpoolctl import ThreadpoolController


@cache
def _controller() -> ThreadpoolController:
    # Built once: it looks through every library the process has loaded.
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's (and scipy's) BLAS on one thread inside the block, as it was set outside after it."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
