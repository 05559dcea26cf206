"""URL converter for an edition's key: ``2025-04-20`` or ``2025-04-20/ed-lahore`` (a named edition).

The name's pattern is the one every edition name is checked against where it comes in
(:mod:`broadsheet.editions.slugs`), so every stored edition has URLs that can be built.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from broadsheet.editions.slugs import SLUG_PATTERN


class EditionKey(NamedTuple):
    date: dt.date
    name: str

    def __str__(self) -> str:
        return self.date.isoformat() + (f"/ed-{self.name}" if self.name else "")


class EditionKeyConverter:
    regex = rf"\d{{4}}-\d{{2}}-\d{{2}}(?:/ed-{SLUG_PATTERN})?"

    def to_python(self, value: str) -> EditionKey:
        date, _, name = value.partition("/ed-")
        return EditionKey(dt.date.fromisoformat(date), name)  # ValueError → 404

    def to_url(self, value: EditionKey | str) -> str:
        return str(value)
