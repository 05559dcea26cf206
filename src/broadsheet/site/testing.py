"""A new site for each test that needs one: its own SQLite file and media folder under ``data_dir``.

Django's settings are per process: they are configured once (:func:`~broadsheet.site.environment.setup`),
and each test switches the connection's database file, as Django's own test runner does, and
``MEDIA_ROOT`` with ``override_settings`` (which resets the storage), both put back afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEST_HOSTS = ["testserver", "127.0.0.1", "localhost"]


@contextmanager
def empty_site(data_dir: Path) -> Iterator[Path]:
    """Point this process's Django at an empty database (no tables yet) in ``data_dir``; yields the media root."""
    from django.db import connections
    from django.test import override_settings

    from broadsheet.site.environment import setup

    setup({"BROADSHEET_DATA_DIR": str(data_dir)})
    conn = connections["default"]
    conn.close()
    previous = conn.settings_dict["NAME"]
    conn.settings_dict["NAME"] = str(data_dir / "broadsheet.sqlite3")
    media = data_dir / "media"
    try:
        with override_settings(
            MEDIA_ROOT=str(media), BROADSHEET_UPLOADS_DIR=str(data_dir / "uploads"), ALLOWED_HOSTS=TEST_HOSTS
        ):
            yield media
    finally:
        conn.close()
        conn.settings_dict["NAME"] = previous


@contextmanager
def fresh_site(data_dir: Path) -> Iterator[Path]:
    """:func:`empty_site` with every migration applied; yields the media root."""
    from broadsheet.site.environment import migrate

    with empty_site(data_dir) as media:
        migrate()
        yield media
