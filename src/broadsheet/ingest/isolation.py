"""Page jobs in worker processes with limits: a page that needs too much fails alone.

A hostile page (a 600 × 200,000 pt page is a 3.7 GB bitmap; a page that takes PDFium minutes) used to
take the ingest, or the machine, with it. Each job — one page's rendering, its reading, its clips — runs
in a worker process of a :class:`LimitedPool` under :class:`JobLimits`:

* **memory**: the worker's address space (``RLIMIT_AS``) may grow by ``memory_mb`` over what it held
  when it started; an allocation past it fails (``MemoryError``) and the job with it;
* **CPU time**: before each job the worker's ``RLIMIT_CPU`` is set ``cpu_seconds`` past the time it has
  used, so the kernel stops a job that computes too long (SIGXCPU), even inside PDFium's C code;
* **wall time**: a job that has not answered in ``timeout_s`` (waiting, not computing) is killed.

A job that blows a limit fails with :class:`~broadsheet.errors.JobLimitError`, naming the limit and the
setting that raises it, and its worker is replaced by a fresh one; the jobs after it run as if nothing
happened. (A :class:`~concurrent.futures.ProcessPoolExecutor` cannot do that: one dead worker breaks the
pool and fails every job in it, with no word of which one killed it.) Tesseract, which page jobs start,
has limits of its own (:class:`~broadsheet.ocr.tesseract.OcrLimits`). Workers die with the ingest
(:func:`broadsheet.ingest.pool.die_with_parent`).
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from broadsheet.errors import JobLimitError
from broadsheet.ingest.pool import die_with_parent
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits
from broadsheet.rlimits import address_space, cpu_seconds_used, no_core_files, set_soft_limit

T = TypeVar("T")
STOP_S = 10.0  # an idle worker asked to stop has this long before it is killed
Job = tuple["Future[Any]", Callable[..., Any], tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class JobLimits:
    """What one page job may take in an ingest worker, and what each Tesseract run it starts may take.
    The defaults (the settings ``BROADSHEET_PAGE_MEMORY_MB``, ``…_CPU_SECONDS``, ``…_TIMEOUT``) are
    far above what a real page needs — an A3 page at 200 dpi adds about 350 MB of address space and
    takes under a CPU second — and far below what takes a server down."""

    memory_mb: int = 2048
    cpu_seconds: int = 300
    timeout_s: int = 3600
    ocr: OcrLimits = DEFAULT_OCR_LIMITS

    def memory_message(self) -> str:
        return (
            f"the page needs more memory than the limit of {self.memory_mb} MiB for one page's work: "
            "raise BROADSHEET_PAGE_MEMORY_MB to allow it more"
        )

    def cpu_message(self) -> str:
        return (
            f"the page took more than the limit of {self.cpu_seconds} CPU seconds for one page's work: "
            "raise BROADSHEET_PAGE_CPU_SECONDS to allow it more"
        )

    def timeout_message(self) -> str:
        return (
            f"the page's work did not finish within the limit of {self.timeout_s} s: "
            "raise BROADSHEET_PAGE_TIMEOUT to allow it more"
        )

    def died_message(self, exitcode: int | None) -> str:
        """What a worker that ended in the middle of a job is reported as, by how it ended."""
        if exitcode == -signal.SIGXCPU:
            return self.cpu_message()
        how = f"signal {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"exit status {exitcode}"
        return (
            f"the worker process working on the page died ({how}); if it ran out of memory, "
            f"raise BROADSHEET_PAGE_MEMORY_MB (now {self.memory_mb} MiB)"
        )


def _serve(conn: Connection, parent: int, limits: JobLimits, initializer: Callable[[], None] | None = None) -> None:
    """A worker process's life: ``initializer`` once, then jobs from ``conn``, one at a time, each under
    ``limits``, until told to stop.

    What the worker inherited at its fork (the ingest's imports: Django, scipy, the extraction) is frozen
    out of the garbage collector's reach first: a page's extraction makes objects by the hundred
    thousand, and each full collection they set off walked all of those inherited ones again, and wrote
    to their pages, which the fork shares with the ingest until written.
    """
    gc.freeze()
    die_with_parent(parent)
    no_core_files()
    if start := address_space():
        set_soft_limit(resource.RLIMIT_AS, start + limits.memory_mb * 2**20)
    if initializer is not None:
        initializer()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        set_soft_limit(resource.RLIMIT_CPU, math.ceil(cpu_seconds_used()) + limits.cpu_seconds)
        try:
            outcome: tuple[bool, Any] = (True, fn(*args))
        except MemoryError:
            outcome = (False, JobLimitError(limits.memory_message()))
        except BaseException as e:
            outcome = (False, e)
        _send(conn, outcome)


def _send(conn: Connection, outcome: tuple[bool, Any]) -> None:
    """Send a job's outcome; an exception that cannot be pickled is sent as its type's name and message."""
    try:
        data = pickle.dumps(outcome)
    except Exception:
        error = outcome[1] if not outcome[0] else None
        data = pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}" if error else "unpicklable")))
    conn.send_bytes(data)


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        limits: JobLimits,
        initializer: Callable[[], None] | None = None,
    ) -> None:
        self.limits = limits
        self.conn, theirs = context.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(theirs, os.getpid(), limits, initializer),
            name="broadsheet-ingest-worker",
            daemon=True,
        )
        self.process.start()
        theirs.close()

    def run(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
        """``fn(*args)`` in the worker: (True, its result) or (False, what it raised). Raises
        :class:`JobLimitError` when the worker was killed for the job (it is gone then)."""
        try:
            self.conn.send((fn, args))
            if not self.conn.poll(self.limits.timeout_s):
                self.kill()
                raise JobLimitError(self.limits.timeout_message())
            outcome: tuple[bool, Any] = pickle.loads(self.conn.recv_bytes())
            return outcome
        except (EOFError, OSError):
            self.process.join()
            self.conn.close()
            raise JobLimitError(self.limits.died_message(self.process.exitcode)) from None

    def stop(self) -> None:
        """Ask the (idle) worker to end, and wait for it: its CPU time is then counted as its parent's
        children's, as a benchmark reads it."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(STOP_S)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class LimitedPool(Executor):
    """``workers`` processes running submitted jobs in order, each job under ``limits``; a worker that a
    job killed, or that was killed for a job, is replaced. Jobs must be picklable (top-level functions
    over picklable arguments), as for a process pool. ``initializer``: run once in each worker (a new one
    too) before its first job, as a process pool's."""

    def __init__(self, workers: int, limits: JobLimits, initializer: Callable[[], None] | None = None) -> None:
        self._limits = limits
        self._initializer = initializer
        self._context = multiprocessing.get_context()
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        # started here, on the caller's thread: a fork from a dispatching thread happens only to replace one
        first = [_Worker(self._context, limits, initializer) for _ in range(workers)]
        self._threads = [
            threading.Thread(target=self._dispatch, args=(w,), name=f"ingest-dispatch-{i}", daemon=True)
            for i, w in enumerate(first)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        if kwargs:
            raise TypeError("LimitedPool jobs take positional arguments only")
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new jobs after shutdown")
            future: Future[T] = Future()
            self._jobs.put((future, fn, args))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                if cancel_futures:
                    self._cancel_waiting()
                for _ in self._threads:
                    self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()

    def _cancel_waiting(self) -> None:
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                job[0].cancel()

    def _dispatch(self, worker: _Worker | None) -> None:
        try:
            while (job := self._jobs.get()) is not None:
                future, fn, args = job
                if not future.set_running_or_notify_cancel():
                    continue
                worker = worker or _Worker(self._context, self._limits, self._initializer)
                try:
                    ok, value = worker.run(fn, args)
                except JobLimitError as e:  # the worker is gone: the next job gets a new one
                    worker = None
                    future.set_exception(e)
                    continue
                except Exception as e:  # the job or its outcome could not be pickled: the pipe may be astray
                    worker.kill()
                    worker = None
                    future.set_exception(e)
                    continue
                if ok:
                    future.set_result(value)
                    continue
                if isinstance(value, JobLimitError):  # out of memory: a fresh worker, not a fragmented one
                    worker.stop()
                    worker = None
                future.set_exception(value)
        finally:
            if worker:
                worker.stop()
