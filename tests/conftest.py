"""A fresh, empty site (SQLite file, media root and search index under tmp_path) for each test that asks for one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet.site.testing import fresh_site


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    """Yields the media root of a new site."""
    with fresh_site(tmp_path / "site") as media:
        yield media
