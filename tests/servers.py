"""Servers that tests start as subprocesses: a free port, and waiting until one answers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


def free_port() -> int:
    """A TCP port nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Return once ``url`` answers; fail if the server ``proc`` exits or stays silent for ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer at {url}")


@contextmanager
def serving(env: Mapping[str, str], *args: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``broadsheet serve *args`` (supervised server processes, and the newsroom's worker) on a free port
    with ``env``; yields its URL and the process (gunicorn's master; the server processes are its children)."""
    port = free_port()
    cmd = [sys.executable, "-m", "broadsheet.cli", "serve", "--port", str(port), *args]
    proc = subprocess.Popen(cmd, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", proc)
        yield url, proc
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@contextmanager
def served(env: Mapping[str, str]) -> Iterator[str]:
    """:func:`serving`, yielding only the URL."""
    with serving(env) as (url, _):
        yield url
