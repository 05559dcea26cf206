"""The settings module works as Django documents it: for django-admin, for a WSGI server, from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet.site.environment import build_settings
from tests.servers import free_port, wait_until_up

REPO = Path(__file__).parents[2]


def _env(data: Path) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "broadsheet.site.settings", "BROADSHEET_DATA_DIR": str(data)}


def _python(code: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


def test_the_settings_module_is_the_factory_over_the_environment_and_makes_nothing(tmp_path: Path) -> None:
    env = {**_env(tmp_path / "data"), "BROADSHEET_DEBUG": "1", "BROADSHEET_SECRET_KEY": "k"}
    code = (
        "import json, broadsheet.site.settings as s; "
        "print(json.dumps([s.DEBUG, s.SECRET_KEY, s.DATABASES['default']['NAME'], s.MEDIA_ROOT, s.STORAGES]))"
    )
    debug, key, database, media, storages = json.loads(_python(code, env))
    expected = build_settings(env)
    assert (debug, key, storages) == (True, "k", expected["STORAGES"])
    assert (database, media) == (expected["DATABASES"]["default"]["NAME"], expected["MEDIA_ROOT"])
    assert database == str(tmp_path / "data" / "broadsheet.sqlite3")
    assert not (tmp_path / "data").exists()


def test_django_admin_checks_and_migrates_a_new_data_folder(tmp_path: Path) -> None:
    env = _env(tmp_path / "data")
    admin = [sys.executable, "-m", "django"]
    subprocess.run([*admin, "check", "--fail-level", "WARNING"], env=env, cwd=REPO, check=True, capture_output=True)
    subprocess.run([*admin, "migrate", "--no-input"], env=env, cwd=REPO, check=True, capture_output=True)
    plan = subprocess.run([*admin, "migrate", "--plan"], env=env, cwd=REPO, check=True, capture_output=True, text=True)
    assert "No planned migration operations." in plan.stdout
    assert (tmp_path / "data" / "broadsheet.sqlite3").is_file()


@pytest.fixture
def wsgi_url(tmp_path: Path) -> Iterator[str]:
    """The site served by a WSGI server of its own (waitress-serve) from ``broadsheet.site.wsgi:application``."""
    env = _env(tmp_path / "data")
    subprocess.run([sys.executable, "-m", "django", "migrate"], env=env, cwd=REPO, check=True, capture_output=True)
    port = free_port()
    cmd = [sys.executable, "-m", "waitress", f"--port={port}", "broadsheet.site.wsgi:application"]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_a_wsgi_server_serves_the_reader_and_the_admin_login(wsgi_url: str) -> None:
    with urllib.request.urlopen(wsgi_url + "/") as home:
        assert home.status == 200 and "Content-Security-Policy" in home.headers
    with pytest.raises(urllib.error.HTTPError) as redirect:
        urllib.request.build_opener(_NoRedirect).open(wsgi_url + "/staff/admin/")
    redirect.value.close()
    assert redirect.value.code == 302
    assert redirect.value.headers["Location"] == "/staff/admin/login/?next=/staff/admin/"


def test_staff_cookies_go_only_over_https_behind_the_proxy_that_ends_tls(tmp_path: Path) -> None:
    base = {"BROADSHEET_DATA_DIR": str(tmp_path)}
    plain = build_settings(base)
    assert not plain["SESSION_COOKIE_SECURE"] and not plain["CSRF_COOKIE_SECURE"]
    proxied = build_settings({**base, "BROADSHEET_TRUSTED_PROXY": "127.0.0.1"})
    assert proxied["SESSION_COOKIE_SECURE"] and proxied["CSRF_COOKIE_SECURE"]
    # a proxy that does not end TLS (a test rig): the operator says so
    said = build_settings({**base, "BROADSHEET_TRUSTED_PROXY": "127.0.0.1", "BROADSHEET_SECURE_COOKIES": "0"})
    assert not said["SESSION_COOKIE_SECURE"]
    assert build_settings({**base, "BROADSHEET_SECURE_COOKIES": "1"})["CSRF_COOKIE_SECURE"]
