"""``broadsheet serve`` as it runs in production: supervised processes that a dead one does not take down,
idle and slow clients that cannot lock readers out, the policy on static files, and the scheme and host
of a trusted reverse proxy in the links a page makes absolute.

The real thing: the browser tests' sample site built by a subprocess and served by the command.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from tests.servers import serving, wait_until_up

ARTICLE = "/the-test-gazette/2025-04-20/article/1-a1/"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example"}


@pytest.fixture(scope="module")
def site_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("served-site")
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data), "BROADSHEET_WORKERS": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "-m", "broadsheet.web.testing", str(data)], env=env, check=True, timeout=300)
    return env


def children(pid: int) -> set[int]:
    """The server processes gunicorn's master ``pid`` runs (its children: no newsroom workers here)."""
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def eventually(check: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:
        return int(response.status)


@contextmanager
def silent_clients(url: str) -> Iterator[list[socket.socket]]:
    """150 sockets that send nothing and 20 that stop halfway through their headers (in that order)."""
    port = int(url.rsplit(":", 1)[1])
    clients = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(170)]
    try:
        for s in clients[150:]:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        yield clients
    finally:
        for s in clients:
            s.close()


def test_idle_and_slow_clients_do_not_lock_readers_out(site_env: dict[str, str]) -> None:
    """With the default settings, a reader's GET is answered while 170 silent clients hold connections
    (within a generous 10 s socket timeout: they would be dropped only after 30 s)."""
    with serving(site_env) as (url, _), silent_clients(url):
        assert status(url + "/") == 200
        assert status(url + ARTICLE) == 200


def test_silent_connections_are_closed_by_the_server(site_env: dict[str, str]) -> None:
    env = {**site_env, "BROADSHEET_CHANNEL_TIMEOUT": "2", "BROADSHEET_CLEANUP_INTERVAL": "1"}
    with serving(env) as (url, _), silent_clients(url) as clients:
        for s in clients[:10] + clients[-10:]:  # idle and slow alike, after BROADSHEET_CHANNEL_TIMEOUT
            with suppress(ConnectionResetError):
                assert s.recv(1024) == b""


def test_a_killed_server_process_is_replaced_and_the_site_keeps_answering(site_env: dict[str, str]) -> None:
    with serving(site_env, "--processes", "2") as (url, master):
        eventually(lambda: len(children(master.pid)) == 2)
        first = children(master.pid)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        assert status(url + ARTICLE) == 200  # the other process answers meanwhile
        eventually(lambda: len(children(master.pid)) == 2 and victim not in children(master.pid))
        for pid in children(master.pid):  # every one of them at once
            os.kill(pid, signal.SIGKILL)
        wait_until_up(url + ARTICLE, master)
        assert master.poll() is None and not first & children(master.pid)


def test_static_files_carry_the_content_security_policy(site_env: dict[str, str]) -> None:
    with serving(site_env) as (url, _), urllib.request.urlopen(url + "/static/reader/reader.css", timeout=10) as css:
        assert css.status == 200
        assert "default-src 'self'" in css.headers["Content-Security-Policy"]


def links(url: str, headers: dict[str, str]) -> tuple[str, str]:
    """The article page's canonical link and ``og:url``."""
    request = urllib.request.Request(url + ARTICLE, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        html = response.read().decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    og = re.search(r'<meta property="og:url" content="([^"]+)">', html)
    assert canonical and og
    return canonical[1], og[1]


def test_behind_a_trusted_proxy_links_have_the_scheme_and_host_it_was_asked_for(site_env: dict[str, str]) -> None:
    env = {
        **site_env,
        "BROADSHEET_TRUSTED_PROXY": "127.0.0.1",
        "BROADSHEET_ALLOWED_HOSTS": "127.0.0.1,news.example",
    }
    with serving(env) as (url, _):
        direct = url + ARTICLE
        assert links(url, {}) == (direct, direct)  # asked directly first: the page is cached for http
        assert links(url, FORWARDED) == ("https://news.example" + ARTICLE,) * 2
        assert links(url, {"X-Forwarded-Proto": "https"})[0] == "https://" + direct.removeprefix("http://")
        login = urllib.request.Request(url + "/staff/login/", headers=FORWARDED)
        with urllib.request.urlopen(login, timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
        assert cookies and all("Secure" in cookie for cookie in cookies)  # staff cookies only over https


def test_without_a_trusted_proxy_forwarded_headers_are_not_believed(site_env: dict[str, str]) -> None:
    env = {**site_env, "BROADSHEET_ALLOWED_HOSTS": "127.0.0.1,news.example"}
    with serving(env) as (url, _):
        assert links(url, FORWARDED) == (url + ARTICLE,) * 2
