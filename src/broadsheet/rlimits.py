"""The kernel's per-process resource limits, as the ingest's workers and their Tesseract runs set them.

Only soft limits are changed: the hard limit stays where the operator (or systemd's ``Limit…=``) put
it, so that a child (Tesseract, started by a worker) can be given a limit of its own, larger or smaller
than its parent's. Linux and the BSDs enforce these; where a limit is unknown, nothing is set.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def set_soft_limit(which: int, value: int) -> None:
    """Set the soft limit ``which`` (``resource.RLIMIT_…``) to ``value``, within its hard limit."""
    hard = resource.getrlimit(which)[1]
    resource.setrlimit(which, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


def no_core_files() -> None:
    """A process killed for a limit (SIGXCPU) or crashing under one (SIGABRT) leaves no core file behind."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))


def cpu_seconds_used() -> float:
    """CPU time this process has used (user and system, all its threads): what ``RLIMIT_CPU`` counts."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def address_space() -> int:
    """Bytes of address space this process holds now (Linux's ``VmSize``); 0 where it cannot be told.
    A forked worker starts with its parent's (libraries, the parent's threads' arenas): a memory limit
    on top of it bounds what a job adds, whatever the parent had."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0
