"""``broadsheet serve``: gunicorn's master supervising server processes that each speak HTTP with waitress.

Why both. gunicorn's arbiter is the well-kept way to run several processes on one port: it starts
``BROADSHEET_PROCESSES`` of them, replaces one that dies (a crash, ``kill -9``, the kernel's OOM killer)
or stops answering its heartbeat for ``BROADSHEET_WORKER_TIMEOUT`` s, and restarts them gracefully on
``SIGHUP``. But its own HTTP workers are not made to face clients directly: measured here, its threaded
worker (gthread, 27.0) lets each new connection hold a thread for up to 5 s waiting for a request, so
150 idle sockets kept a plain GET waiting 50 s; its sync worker serves one connection at a time.
waitress reads every request whole in one event loop before a thread sees it, so idle and slow
clients cost a socket, not a thread; each is closed after ``BROADSHEET_CHANNEL_TIMEOUT`` s of silence,
and a process holds at most ``BROADSHEET_CONNECTION_LIMIT`` connections (more wait in the listen
queue, not in the process). So each process gunicorn supervises is :class:`WaitressWorker`: the
listening socket gunicorn opened, served by waitress, with gunicorn's heartbeat between loop turns.

Django is set up (and the database migrated) once in the master before the processes are forked, so
they share its settings: a random secret key, when none is set, is the same in every process.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import create_server

LOOP_TURN_S = 1.0  # the heartbeat's period: the event loop wakes at least this often


@dataclass(frozen=True, slots=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    processes: int = 2
    threads: int = 8


def waitress_options(threads: int) -> dict[str, Any]:
    """waitress's settings from the site's (``broadsheet.site.environment.server_settings``)."""
    from django.conf import settings

    proxy = settings.BROADSHEET_TRUSTED_PROXY
    return {
        "threads": threads,
        "ident": "broadsheet",
        "connection_limit": settings.BROADSHEET_CONNECTION_LIMIT,
        "channel_timeout": settings.BROADSHEET_CHANNEL_TIMEOUT,
        "cleanup_interval": settings.BROADSHEET_CLEANUP_INTERVAL,
        # an upload may be as large as the newsroom accepts, and its form's other fields besides
        "max_request_body_size": settings.BROADSHEET_MAX_UPLOAD_BYTES + 2**20,
        "clear_untrusted_proxy_headers": True,  # nobody but the trusted proxy says which scheme was asked for
        **(
            {
                "trusted_proxy": proxy,
                "trusted_proxy_count": 1,
                "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-host", "x-forwarded-for"},
            }
            if proxy
            else {}
        ),
    }


class WaitressWorker(Worker):
    """One supervised server process: waitress on the listening sockets gunicorn shares with it."""

    def run(self) -> None:
        sockets: dict[int, Any] = {}
        listeners = [getattr(s, "sock", s) for s in self.sockets]  # gunicorn's wrappers hold the sockets
        app: Any = self.wsgi  # gunicorn's and waitress's stubs spell the WSGI type each their own way
        server = create_server(app, map=sockets, sockets=listeners, **waitress_options(self.cfg.threads))
        while self.alive and self.ppid == os.getppid():
            self.notify()
            wasyncore.loop(timeout=LOOP_TURN_S, map=sockets, count=1)
        self._stop(server, sockets)

    def _stop(self, server: Any, sockets: dict[int, Any]) -> None:
        """Stop accepting, then finish the requests under way (within the graceful timeout) and close."""
        for listener in [d for d in sockets.values() if not isinstance(d, HTTPChannel)]:
            listener.close()  # this process's copy: the others go on accepting
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < deadline and any(_busy(d) for d in sockets.values()):
            self.notify()
            wasyncore.loop(timeout=0.1, map=sockets, count=1)
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(sockets)


def _busy(channel: Any) -> bool:
    return isinstance(channel, HTTPChannel) and bool(channel.requests or channel.total_outbufs_len)


class Supervisor(BaseApplication):
    """gunicorn's master, configured in code (no command line or config file of its own)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        """The project's WSGI application, in each process (after the fork)."""
        from broadsheet.site.wsgi import application

        return application


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve(options: ServeOptions) -> int:
    """Run the supervised server until it is stopped (SIGTERM or SIGINT: graceful; SIGHUP: processes replaced).

    Django must be set up already; the newsroom's workers are the caller's (they are not HTTP servers).
    """
    from django.conf import settings
    from django.db import connections

    connections.close_all()  # no connection of the master's is shared with the processes it forks
    print(
        f"serving on http://{bind_address(options.host, options.port)}/ ({options.processes} processes)",
        file=sys.stderr,
        flush=True,
    )
    supervisor = Supervisor(
        {
            "bind": [bind_address(options.host, options.port)],
            "workers": options.processes,
            "threads": options.threads,
            "worker_class": WaitressWorker,
            "timeout": settings.BROADSHEET_WORKER_TIMEOUT,
            "graceful_timeout": settings.BROADSHEET_GRACEFUL_TIMEOUT,
            "proc_name": "broadsheet",
            "loglevel": "warning",  # a process that died or hung is an error, and is logged
        }
    )
    try:
        supervisor.run()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    return 0
