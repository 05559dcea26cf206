"""Background workers for the newsroom's tasks, started beside the web server (no server of their own).

``broadsheet serve`` runs ``BROADSHEET_WORKERS`` of them (default 1) as child processes for as long as
it serves; each one stops when its parent is gone, so none outlives a killed server. A site that runs
its workers elsewhere sets ``BROADSHEET_WORKERS=0`` and runs ``broadsheet worker`` where it likes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


@contextmanager
def embedded_workers(count: int, env: Mapping[str, str]) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` worker processes for the time of the block, ended (and waited for) after it."""
    command = [sys.executable, "-m", "broadsheet.cli", "worker", "--parent", str(os.getpid())]
    procs = [subprocess.Popen(command, env={**os.environ, **env}) for _ in range(count)]
    try:
        yield procs
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
