"""The ingest's worker processes and work folder, neither of which outlives the ingest for long.

A ``kill -9`` of an ingest gives it no chance to stop its pool: its workers went on rendering for minutes
and wrote build folders that a later ingest had purged. So each worker asks the kernel to kill it when
its parent dies (Linux's ``PR_SET_PDEATHSIG``), and, where it cannot (another system, or a worker that
is not the ingest's own child), watches its parent once a second. The work folder, which nobody
removes after a ``kill -9``, is named after the ingest's process id, so that ``broadsheet gc`` can
tell the folders of dead ingests (:func:`abandoned_work_folders`).
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_S = 1.0
WORK_PREFIX = "broadsheet-ingest-"
_WORK_FOLDER = re.compile(rf"{WORK_PREFIX}(\d+)-")


def die_with_parent(parent: int) -> None:
    """What a pool worker (:mod:`broadsheet.ingest.isolation`) does first: end when ``parent`` (the
    ingest) is gone."""
    if os.getppid() == parent and _kernel_kills_orphans():
        if os.getppid() != parent:  # the parent died before the kernel was asked
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _kernel_kills_orphans() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while is_running(parent):
        time.sleep(WATCH_S)
    os._exit(1)


def is_running(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (and is not a zombie, where that can be told)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def work_folder() -> tempfile.TemporaryDirectory[str]:
    """The local folder pages are rendered into, named after this process."""
    return tempfile.TemporaryDirectory(prefix=f"{WORK_PREFIX}{os.getpid()}-")


def abandoned_work_folders(folder: Path | None = None) -> list[Path]:
    """Work folders (in the temporary folder) of ingests that are no longer running."""
    root = folder or Path(tempfile.gettempdir())
    found = []
    for path in sorted(root.glob(f"{WORK_PREFIX}*")):
        match = _WORK_FOLDER.match(path.name)
        if match and path.is_dir() and not is_running(int(match.group(1))):
            found.append(path)
    return found
