"""The reader served for real (``broadsheet serve``) and a browser to read it with."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.browsers import browser, page  # noqa: F401 (fixtures for the tests here)
from tests.servers import served


@pytest.fixture(scope="session")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real thing: a sample site built by a subprocess, served by ``broadsheet serve``."""
    data = tmp_path_factory.mktemp("live-site")
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-m", "broadsheet.web.testing", str(data)], env=env, check=True, timeout=120)
    with served(env) as url:
        yield url
