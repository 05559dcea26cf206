"""The task queue: leases, heartbeats, a worker's death. A task whose worker is killed with SIGKILL is taken
up again and has its effect once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from django.test import Client
from django.utils import timezone

from broadsheet.ingest.pool import abandoned_work_folders
from tests.newsroom.editions import generated, upload

if TYPE_CHECKING:
    import pytest


def _edition(tmp_path: Path, editor: Client, pages: int = 2) -> int:
    from broadsheet.editions.models import Edition

    assert upload(editor, [("e.pdf", generated(tmp_path, pages=pages).pdf.read_bytes())]).status_code == 302  # type: ignore[attr-defined]
    return Edition.objects.get().id


def _worker_died() -> None:
    """The lease of the running task ran out, as it does when its worker is gone."""
    from broadsheet.newsroom.models import Task, TaskState

    Task.objects.filter(state=TaskState.RUNNING).update(lease_until=timezone.now() - dt.timedelta(seconds=1))


def test_a_task_whose_lease_ran_out_is_taken_up_again_and_the_first_worker_stops(
    editor: Client, tmp_path: Path
) -> None:
    import pytest

    from broadsheet.errors import TaskLostError
    from broadsheet.newsroom.queue import TaskContext, claim, execute

    _edition(tmp_path, editor)
    first = claim("worker-a")
    assert first is not None and first.attempts == 1 and claim("worker-b") is None  # leased
    _worker_died()
    second = claim("worker-b")
    assert second is not None and (second.id, second.attempts, second.worker) == (first.id, 2, "worker-b")
    with pytest.raises(TaskLostError):
        TaskContext(first.id, "worker-a").report({"pages": 1})
    execute(second, "worker-b")
    second.refresh_from_db()
    assert (second.state, second.lease_until) == ("done", None)


def test_a_task_whose_workers_keep_dying_fails_and_says_so(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.models import Task
    from broadsheet.newsroom.queue import claim

    edition_id = _edition(tmp_path, editor)
    for n in range(3):
        assert claim(f"worker-{n}") is not None
        _worker_died()
    assert claim("worker-last") is None
    task, edition = Task.objects.get(), Edition.objects.get(id=edition_id)
    assert (task.state, task.attempts) == ("failed", 3)
    assert edition.status == EditionStatus.FAILED
    assert edition.error == "Processing stopped: its worker died 3 times."


def test_a_scheduled_task_waits_for_its_time(site: Path) -> None:
    from broadsheet.newsroom.queue import claim, enqueue

    later = enqueue("build_edition", {"edition_id": 0}, run_after=timezone.now() + dt.timedelta(minutes=5))
    assert claim("worker-a") is None
    later.run_after = timezone.now()
    later.save()
    assert claim("worker-a") is not None


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "broadsheet.cli", "worker", "--lease", "3"]
    return subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)


def _wait(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_worker_killed_mid_build_leaves_one_build_made_by_the_next_worker(editor: Client, tmp_path: Path) -> None:
    from django.conf import settings

    from broadsheet.editions import media
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.models import Task

    edition_id = _edition(tmp_path, editor, pages=12)
    env = {
        **os.environ,
        "BROADSHEET_DATA_DIR": str(tmp_path / "site"),
        "BROADSHEET_UPLOADS_DIR": settings.BROADSHEET_UPLOADS_DIR,
        "TMPDIR": str(tmp_path),  # the killed build's work folder is left here, not in the machine's /tmp
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    doomed = _worker(env)
    try:
        _wait(lambda: Task.objects.get().progress.get("extracted"), 60)
    finally:
        os.killpg(doomed.pid, signal.SIGKILL)  # the worker and its page processes, mid-build
        doomed.wait()
    assert Task.objects.get().state == "running"
    survivor = _worker(env)
    try:
        _wait(lambda: Task.objects.get().state == "done", 120)
    finally:
        survivor.terminate()
        survivor.wait(timeout=30)
    task, edition = Task.objects.get(), Edition.objects.get(id=edition_id)
    assert (task.attempts, edition.status, edition.page_count) == (2, EditionStatus.REVIEW, 12)
    assert sorted(edition.pages.values_list("number", flat=True)) == list(range(1, 13))
    assert all(media.exists(f"{edition.media_dir}/p{n}/screen.jpg") for n in range(1, 13))
    assert [p.name.split("-")[2] for p in abandoned_work_folders(tmp_path)] == [str(doomed.pid)]  # for gc


def test_worker_once_runs_what_is_due_and_stops(
    editor: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from broadsheet.cli import main
    from broadsheet.editions.models import Edition

    _edition(tmp_path, editor)
    assert main(["worker", "--once", "--lease", "5"]) == 0
    assert capsys.readouterr().out == "ran 1 tasks\n"
    assert Edition.objects.get().status == "review"
    assert main(["worker", "--once", "--lease", "1"]) == 64


def test_a_worker_stops_when_its_parent_is_gone(tmp_path: Path) -> None:
    """``--parent`` (what ``broadsheet serve`` passes): no worker outlives a killed server."""
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    script = f'"{sys.executable}" -m broadsheet.cli worker --parent $$ & echo $!; exec sleep 60'
    parent = subprocess.Popen(["sh", "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    time.sleep(3)
    os.kill(worker, 0)  # still working for its parent
    parent.kill()
    parent.wait()
    parent.stdout.close()
    _wait(
        lambda: not Path(f"/proc/{worker}").exists() or "Z" in Path(f"/proc/{worker}/stat").read_text().split()[2], 20
    )


def test_serve_runs_its_workers_and_ends_them(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.site.workers import embedded_workers

    _edition(tmp_path, editor)
    with embedded_workers(1, {"BROADSHEET_DATA_DIR": str(tmp_path / "site")}) as procs:
        _wait(lambda: Edition.objects.get().status == "review", 60)
    assert all(p.returncode is not None for p in procs)
