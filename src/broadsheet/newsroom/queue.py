"""A task queue in the site's database: embedded (no server beside the site), and safe when a worker dies.

Why not a library: django-tasks' database backend (0.12) leaves a killed worker's task "running" for
ever; procrastinate needs PostgreSQL; huey and RQ lose a task whose worker is killed or need Redis.
The guarantee here is small enough to own and test (``tests/newsroom/test_queue.py`` kills a worker
with SIGKILL mid-task):

- A worker *claims* a due task in one write transaction (SQLite serialises them; PostgreSQL would add
  ``SELECT … FOR UPDATE SKIP LOCKED``), taking a lease of :data:`LEASE`, which a heartbeat thread
  renews every third of it while the task runs.
- A task whose lease ran out belongs to a dead (or frozen) worker: the next claim takes it up again,
  up to ``max_attempts`` times, then gives up (the task's ``on_give_up`` says so to the editor).
- A worker that finds its lease gone (:class:`~broadsheet.errors.TaskLostError` from
  :meth:`TaskContext.report`) stops; the run that counts is the other worker's.
- Tasks are written to be run again: each checks the state of what it changes first and makes its
  effect in one transaction, so a task run twice has its effect once. That is also what Celery with
  ``acks_late`` needs: a task function here is a plain function of JSON arguments and a
  :class:`TaskContext`, so a Celery backend would register the same functions (see docs/newsroom.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from broadsheet.errors import TaskLostError
from broadsheet.newsroom.models import Task, TaskState

LEASE = dt.timedelta(seconds=60)
POLL_S = 0.5  # how long an idle worker waits: search follows a correction within about this
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TaskContext:
    """What a running task may tell its queue: progress, and whether it still holds its lease."""

    task_id: int
    worker: str

    def report(self, progress: dict[str, Any]) -> None:
        """Save ``progress`` for the pages that show it; raises :class:`TaskLostError` if the lease is gone."""
        mine = Task.objects.filter(id=self.task_id, worker=self.worker, state=TaskState.RUNNING)
        if not mine.update(progress=progress):
            raise TaskLostError(f"task {self.task_id} was taken over by another worker")


TaskFunction = Callable[..., None]
GiveUp = Callable[[Task, str], None]


@dataclass(frozen=True, slots=True)
class Registered:
    function: TaskFunction
    on_give_up: GiveUp | None


REGISTRY: dict[str, Registered] = {}


def task(name: str, on_give_up: GiveUp | None = None) -> Callable[[TaskFunction], TaskFunction]:
    """Register ``function(context, **args)`` as the task ``name``; ``on_give_up(task, reason)`` runs
    when it failed or its workers died too often."""

    def register(function: TaskFunction) -> TaskFunction:
        REGISTRY[name] = Registered(function, on_give_up)
        return function

    return register


def _registry() -> dict[str, Registered]:
    from broadsheet.newsroom import publishing, tasks  # noqa: F401 (registers the tasks)

    return REGISTRY


def enqueue(
    name: str, args: dict[str, Any], *, edition_id: int | None = None, run_after: dt.datetime | None = None
) -> Task:
    """Queue the task ``name`` with JSON ``args``, due now or at ``run_after`` (``edition_id``: whose it is)."""
    if name not in _registry():
        raise KeyError(f"no task called {name!r}")
    return Task.objects.create(name=name, args=args, edition_id=edition_id, run_after=run_after or timezone.now())


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def _give_up(task: Task, reason: str) -> None:
    Task.objects.filter(id=task.id).update(state=TaskState.FAILED, error=reason, finished_at=timezone.now())
    registered = _registry().get(task.name)
    if registered and registered.on_give_up:
        registered.on_give_up(task, reason)


def claim(worker: str, lease: dt.timedelta = LEASE) -> Task | None:
    """The next due task, now leased to ``worker``: a queued one, or one whose worker's lease ran out."""
    now = timezone.now()
    with transaction.atomic():
        due = Task.objects.filter(
            Q(state=TaskState.QUEUED, run_after__lte=now) | Q(state=TaskState.RUNNING, lease_until__lt=now)
        ).order_by("run_after", "id")
        for found in due[:20]:
            if found.attempts >= found.max_attempts:
                _give_up(found, f"stopped: its worker died {found.attempts} times")
                continue
            Task.objects.filter(id=found.id).update(
                state=TaskState.RUNNING, worker=worker, attempts=F("attempts") + 1, lease_until=now + lease
            )
            found.refresh_from_db()
            return found
    return None


def _heartbeat(task_id: int, worker: str, lease: dt.timedelta, stop: threading.Event) -> None:
    """Renew the lease every third of it until ``stop``; stop early if the task is no longer ours."""
    try:
        while not stop.wait(lease.total_seconds() / 3):
            mine = Task.objects.filter(id=task_id, worker=worker, state=TaskState.RUNNING)
            if not mine.update(lease_until=timezone.now() + lease):
                return
    finally:
        connection.close()


def _finish(task: Task, worker: str, state: TaskState, error: str = "") -> bool:
    mine = Task.objects.filter(id=task.id, worker=worker, state=TaskState.RUNNING)
    return bool(mine.update(state=state, error=error, finished_at=timezone.now(), lease_until=None))


def execute(task: Task, worker: str, lease: dt.timedelta = LEASE) -> None:
    """Run a claimed task with its heartbeat; record how it ended (unless another worker took it over)."""
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(task.id, worker, lease, stop), daemon=True)
    beat.start()
    try:
        _registry()[task.name].function(TaskContext(task.id, worker), **task.args)
    except TaskLostError:
        log.warning("task %s: lease lost, leaving it to the worker that took it over", task.id)
        return
    except Exception as e:
        log.exception("task %s failed", task.id)
        if _finish(task, worker, TaskState.FAILED, f"{type(e).__name__}: {e}"):
            _give_up(task, f"an internal error stopped it ({type(e).__name__}: {e})")
        return
    finally:
        stop.set()
        beat.join()
    _finish(task, worker, TaskState.DONE)


def run_pending(worker: str | None = None, lease: dt.timedelta = LEASE) -> int:
    """Run every task due now, here; returns how many ran (tests and ``broadsheet worker --once``)."""
    worker = worker or new_worker_id()
    count = 0
    while (found := claim(worker, lease)) is not None:
        execute(found, worker, lease)
        count += 1
    return count


def work(should_stop: Callable[[], bool], lease: dt.timedelta = LEASE, poll_s: float = POLL_S) -> None:
    """A worker's life: claim and run due tasks, wait ``poll_s`` when there is none, until ``should_stop``."""
    worker = new_worker_id()
    log.info("worker %s started", worker)
    while not should_stop():
        if run_pending(worker, lease) == 0:
            time.sleep(poll_s)
