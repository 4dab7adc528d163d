"""A warmed runtime runs numpy's BLAS on the calling thread alone (see `one_blas_thread`)."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from bot.runtime import one_blas_thread


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_one_blas_thread_sets_every_loaded_blas_to_one():
    import numpy as np

    np.ones((2, 2)) @ np.ones(2)  # numpy's BLAS is loaded
    with threadpool_limits(limits=2, user_api="blas"):
        if max(_blas_threads(), default=1) < 2:
            pytest.skip("BLAS with one thread only on this machine")
        one_blas_thread()
        assert _blas_threads() and set(_blas_threads()) == {1}


@pytest.mark.slow
def test_warm_runtime_has_one_blas_thread(seed_runtime):
    assert seed_runtime.ready and set(_blas_threads()) == {1}
