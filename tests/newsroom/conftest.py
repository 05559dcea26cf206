"""Staff accounts for the newsroom's tests: an editor and an admin, each with a logged-in client; and the
newsroom served for real, with its worker, for the browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from tests.browsers import browser, page  # noqa: F401 (fixtures for the browser tests here)
from tests.servers import served

PASSWORD = "correct horse battery"


@pytest.fixture
def editor(site: Path) -> Client:
    from broadsheet.newsroom.roles import Role, create_user

    client = Client()
    client.force_login(create_user("eddie", Role.EDITOR, PASSWORD))
    return client


@pytest.fixture
def admin(site: Path) -> Client:
    from broadsheet.newsroom.roles import Role, create_user

    client = Client()
    client.force_login(create_user("ada", Role.ADMIN, PASSWORD))
    return client


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``broadsheet serve`` with its background worker on a new site with an editor (``eddie``) and an
    admin (``ada``), both made by ``broadsheet user add``; yields the URL and the data folder."""
    data = tmp_path_factory.mktemp("staff-site")
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data), "BROADSHEET_SECRET_KEY": "test-only-secret"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for name, role in (("eddie", "editor"), ("ada", "admin")):
        add = [sys.executable, "-m", "broadsheet.cli", "user", "add", name, "--role", role, "--password-stdin"]
        subprocess.run(add, env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=60)
    with served(env) as url:
        yield url, data
