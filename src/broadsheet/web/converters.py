"""URL converter for an edition's key: ``2025-04-20`` or ``2025-04-20/ed-lahore`` (a named edition)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class EditionKey(NamedTuple):
    date: dt.date
    name: str

    def __str__(self) -> str:
        return self.date.isoformat() + (f"/ed-{self.name}" if self.name else "")


class EditionKeyConverter:
    regex = r"\d{4}-\d{2}-\d{2}(?:/ed-[a-z0-9][a-z0-9-]*)?"

    def to_python(self, value: str) -> EditionKey:
        date, _, name = value.partition("/ed-")
        return EditionKey(dt.date.fromisoformat(date), name)  # ValueError → 404

    def to_url(self, value: EditionKey | str) -> str:
        return str(value)
