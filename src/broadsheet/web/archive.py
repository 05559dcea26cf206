"""The archive's calendar: one month at a time, moved a month or a year at a time, or to any month that has
editions. Plain links (``?month=YYYY-MM``) rather than script: it works without JavaScript, and each month
has an address a reader can keep.

The calendar stays between the first and the last month that have editions: a step past either end lands
on that end (a year back from January 2025 in an archive that starts in November 2024 shows November
2024), and there is no link that would only show empty months, nor a year's step that stays in its year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from broadsheet.editions.models import Edition
from broadsheet.web import queries as q

Month = tuple[int, int]  # year, month

_MONTH_PARAM = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Step:
    """A link that moves the calendar: where to, and how the month it shows is named."""

    url: str
    month: dt.date


def _add(month: Month, months: int) -> Month:
    index = month[0] * 12 + month[1] - 1 + months
    return index // 12, index % 12 + 1


def _parse(value: str | None) -> Month | None:
    match = _MONTH_PARAM.fullmatch(value or "")
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return int(match.group(1)), int(match.group(2))


def _step(shown: Month, months: int, first: Month, last: Month) -> Step | None:
    """The link ``months`` away from ``shown``, kept within [first, last]; None when it would not move
    (for a year's step: when it would not reach another year)."""
    target = min(max(_add(shown, months), first), last)
    if target == shown or (abs(months) >= 12 and target[0] == shown[0]):
        return None
    return Step(f"?month={target[0]:04d}-{target[1]:02d}", dt.date(target[0], target[1], 1))


def month_calendar(editions: list[Edition], wanted: str | None) -> dict[str, Any] | None:
    """The calendar of the month ``wanted`` (``YYYY-MM``; the latest edition's month when it is missing or
    not a month) for ``editions`` (newest first): its weeks, days linked to their edition, the steps a
    month and a year either way, and every month with editions for the jump list. None with no edition."""
    if not editions:
        return None
    last: Month = (editions[0].date.year, editions[0].date.month)
    first: Month = (editions[-1].date.year, editions[-1].date.month)
    shown = min(max(_parse(wanted) or last, first), last)
    by_day: dict[dt.date, str] = {}
    months: dict[Month, int] = {}
    for e in editions:
        key = (e.date.year, e.date.month)
        months[key] = months.get(key, 0) + 1
        if key == shown:
            by_day.setdefault(e.date, q.edition_url(e))
    weeks = [
        [{"day": d.day if d.month == shown[1] else None, "url": by_day.get(d), "date": d} for d in week]
        for week in calendar.Calendar().monthdatescalendar(*shown)
    ]
    return {
        "month": dt.date(shown[0], shown[1], 1),
        "weeks": weeks,
        "editions": months.get(shown, 0),
        # (link, class, accessible name, date format of its visible text): years above, months below
        "steps": [
            (_step(shown, -12, first, last), "prev-year", _("Previous year"), "Y"),
            (_step(shown, 12, first, last), "next-year", _("Next year"), "Y"),
            (_step(shown, -1, first, last), "prev-month", _("Previous month"), "F"),
            (_step(shown, 1, first, last), "next-month", _("Next month"), "F"),
        ],
        "months": [
            {"value": f"{y:04d}-{m:02d}", "date": dt.date(y, m, 1), "count": n, "selected": (y, m) == shown}
            for (y, m), n in months.items()
        ],
        "weekdays": [WEEKDAYS_ABBR[i] for i in range(7)],  # Monday first, as the weeks; in the page's language
    }
