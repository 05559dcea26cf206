"""Page jobs under limits: a job that takes too much memory, CPU time or wall time, or kills its worker,
fails alone with a message naming the limit and its setting; its worker is replaced and the next job
runs. Each hostile job is made here, under a limit far below what it asks for (no timed assertions: a
job past a limit fails whatever the machine's speed)."""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
import time

import pytest

from broadsheet.errors import JobLimitError, PageError
from broadsheet.ingest.isolation import JobLimits, LimitedPool
from broadsheet.ingest.pool import is_running

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's limits as Linux sets them")


def pid() -> int:
    return os.getpid()


def allocate(mib: int) -> int:
    return len(bytearray(mib * 2**20))


def spin() -> None:
    while True:
        pass


def sleep() -> None:
    time.sleep(3600)


def crash() -> None:
    faulthandler.disable()  # pytest's, inherited: no traceback of the crash on the test's output
    os.kill(os.getpid(), signal.SIGSEGV)


def refuse() -> None:
    raise PageError("no such thing")


def test_a_job_past_the_memory_limit_fails_alone_and_its_worker_is_replaced() -> None:
    with LimitedPool(1, JobLimits(memory_mb=64)) as pool:
        before = pool.submit(pid).result()
        assert pool.submit(allocate, 16).result() == 16 * 2**20  # within the limit
        with pytest.raises(JobLimitError) as blown:
            pool.submit(allocate, 1024).result()
        after = pool.submit(pid).result()
    assert str(blown.value) == (
        "the page needs more memory than the limit of 64 MiB for one page's work: "
        "raise BROADSHEET_PAGE_MEMORY_MB to allow it more"
    )
    assert after != before


def test_a_job_past_the_cpu_limit_is_stopped_by_the_kernel() -> None:
    with LimitedPool(1, JobLimits(cpu_seconds=1)) as pool:
        spinning = pool.submit(spin)
        after = pool.submit(allocate, 1)
        with pytest.raises(JobLimitError) as blown:
            spinning.result()
        assert after.result() == 2**20
    assert str(blown.value) == (
        "the page took more than the limit of 1 CPU seconds for one page's work: "
        "raise BROADSHEET_PAGE_CPU_SECONDS to allow it more"
    )


def test_a_job_past_the_wall_time_limit_is_killed_with_its_worker() -> None:
    with LimitedPool(1, JobLimits(timeout_s=1)) as pool:
        worker = pool.submit(pid).result()
        with pytest.raises(JobLimitError, match=r"within the limit of 1 s: raise BROADSHEET_PAGE_TIMEOUT"):
            pool.submit(sleep).result()
        assert pool.submit(pid).result() != worker
    assert not is_running(worker)


def test_a_job_that_kills_its_worker_fails_alone_and_says_how() -> None:
    with LimitedPool(2, JobLimits(memory_mb=300)) as pool:
        jobs = [pool.submit(allocate, 1), pool.submit(crash), pool.submit(allocate, 2), pool.submit(allocate, 3)]
        with pytest.raises(JobLimitError) as died:
            jobs[1].result()
        assert [jobs[k].result() for k in (0, 2, 3)] == [2**20, 2 * 2**20, 3 * 2**20]
    assert str(died.value) == (
        "the worker process working on the page died (signal SIGSEGV); if it ran out of memory, "
        "raise BROADSHEET_PAGE_MEMORY_MB (now 300 MiB)"
    )


def test_a_job_s_own_errors_reach_the_caller_and_its_worker_goes_on() -> None:
    with LimitedPool(1, JobLimits()) as pool:
        worker = pool.submit(pid).result()
        with pytest.raises(PageError, match="no such thing"):
            pool.submit(refuse).result()
        assert pool.submit(pid).result() == worker


def test_no_worker_outlives_the_pool() -> None:
    pool = LimitedPool(2, JobLimits())
    workers = {pool.submit(pid).result() for _ in range(6)}
    pool.shutdown()
    assert workers and not any(is_running(w) for w in workers)
    with pytest.raises(RuntimeError):
        pool.submit(pid)


def frozen() -> int:
    import gc

    return gc.get_freeze_count()


def test_a_worker_keeps_what_it_inherited_out_of_the_garbage_collectors_reach() -> None:
    """What a worker inherits at its fork is frozen: a page's full collections do not walk the ingest's
    imports again (issue 12, the ingest's CPU)."""
    with LimitedPool(1, JobLimits()) as pool:
        assert pool.submit(frozen).result() > 1000


def initialize() -> None:
    os.environ["BROADSHEET_TEST_WORKER"] = str(os.getpid())


def initialized() -> tuple[int, str]:
    return os.getpid(), os.environ.get("BROADSHEET_TEST_WORKER", "")


def test_each_worker_runs_the_initializer_before_its_first_job_a_replacement_too() -> None:
    """As a process pool's initializer: the ingest's workers keep their PDF open from job to job with it."""
    with LimitedPool(1, JobLimits(), initialize) as pool:
        first, told = pool.submit(initialized).result()
        assert told == str(first)
        with pytest.raises(JobLimitError):
            pool.submit(crash).result()
        second, told = pool.submit(initialized).result()
    assert second != first and told == str(second)
    with LimitedPool(1, JobLimits()) as pool:
        assert pool.submit(initialized).result()[1] == ""  # no initializer, none run
