"""Django's SQLite backend, creating the database file's folder when it first connects.

So that ``django-admin migrate`` works on a fresh data folder, without the settings module making
folders when it is imported (``ENGINE = "broadsheet.site.sqlite3"``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        Path(conn_params["database"]).parent.mkdir(parents=True, exist_ok=True)
        return super().get_new_connection(conn_params)
