"""``newsprism serve``: the thread budget each worker process gets."""

from __future__ import annotations

from newsprism.cli.serve import THREAD_VARIABLES, worker_thread_limits


def test_one_worker_keeps_the_default_threads() -> None:
    assert worker_thread_limits(1, 8, {}) == {}


def test_workers_share_the_cores() -> None:
    assert worker_thread_limits(2, 8, {}) == dict.fromkeys(THREAD_VARIABLES, "4")
    assert worker_thread_limits(2, 2, {}) == dict.fromkeys(THREAD_VARIABLES, "1")


def test_more_workers_than_cores_still_get_one_thread() -> None:
    assert worker_thread_limits(4, 2, {}) == dict.fromkeys(THREAD_VARIABLES, "1")


def test_a_limit_the_user_set_stands() -> None:
    limits = worker_thread_limits(2, 2, {"OMP_NUM_THREADS": "2"})
    assert "OMP_NUM_THREADS" not in limits
    assert limits["MKL_NUM_THREADS"] == "1"
