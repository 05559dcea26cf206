"""An ingest's worker processes die with it: after a ``kill -9`` of the ingest none goes on (they used to
render for minutes and re-create build folders a later ingest had purged), and the next ingest of the
edition takes the dead one's lock over and purges its build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadsheet.ingest.pool import abandoned_work_folders, is_running
from tests.ingest.runs import (
    DATE,
    PUBLICATION,
    build_folders,
    editions,
    generated,
    read_until,
    run_ingest,
    site_of,
    start_ingest,
    work_root,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def survivors(pids: list[int], polls: int = 100) -> list[int]:
    """Those of ``pids`` still running after polling a while (0.1 s apart) for all of them to end."""
    for _ in range(polls):
        alive = [pid for pid in pids if is_running(pid)]
        if not alive:
            return []
        time.sleep(0.1)
    return alive


def test_no_worker_survives_a_killed_ingest_and_the_next_ingest_purges_its_build(tmp_path: Path) -> None:
    pdf, data = generated(tmp_path / "ed", pages=6), tmp_path / "data"
    ingest = start_ingest(pdf, data)
    try:
        read_until(ingest.stderr, "extracted")
        workers = children(ingest.pid)
        assert len(workers) >= 2
    finally:
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        for pipe in (ingest.stdout, ingest.stderr):  # not read to the end: a surviving worker holds them open
            pipe.close() if pipe else None
    assert ingest.returncode == -signal.SIGKILL
    assert survivors(workers) == []
    with site_of(data):
        crashed = editions()
    assert [status for status, _ in crashed] == ["processing"]
    assert [p.name.split("-")[2] for p in abandoned_work_folders(work_root(data))] == [str(ingest.pid)]

    again = run_ingest(pdf, data, "--quiet")
    assert again.returncode == 0, again.stderr
    assert f"took over the ingest lock of {PUBLICATION} {DATE} left by process {ingest.pid}" in again.stderr
    with site_of(data) as media:
        assert [status for status, _ in editions()] == ["published"]
        assert build_folders(media) == [editions()[0][1]]
        assert crashed[0][1] not in build_folders(media)


def _dead_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_worker_whose_ingest_is_not_its_parent_ends_when_the_ingest_is_gone() -> None:
    """Where the kernel cannot be asked (another system, a worker started by a fork server), the worker
    watches the ingest: gone, it ends."""
    code = f"from broadsheet.ingest.pool import die_with_parent; die_with_parent({_dead_pid()}); input()"
    orphan = subprocess.run([sys.executable, "-c", code], stdin=subprocess.PIPE, timeout=60, check=False)
    assert orphan.returncode == 1
    code = "import os; from broadsheet.ingest.pool import die_with_parent; die_with_parent(os.getppid()); print('on')"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert (child.returncode, child.stdout) == (0, "on\n")  # its parent is alive: it goes on


def test_work_folders_of_dead_ingests_are_told_from_live_ones(tmp_path: Path) -> None:
    dead = _dead_pid()
    for pid in (dead, os.getpid()):
        (tmp_path / f"broadsheet-ingest-{pid}-abc").mkdir()
    (tmp_path / "broadsheet-ingest-notes").mkdir()
    assert abandoned_work_folders(tmp_path) == [tmp_path / f"broadsheet-ingest-{dead}-abc"]
