"""The reader's interface language: English (the default), Urdu or Arabic.

Which one a page is in, first match wins:

1. the reader's choice, made with the switch in the header (Django's ``set_language`` view) and kept in a
   cookie (``LANGUAGE_COOKIE_NAME``);
2. the language of the paper the page shows — an edition's (edition, page and article views) or a
   publication's (its archive) — when the interface has a translation for it;
3. English.

The browser's ``Accept-Language`` is not read: a page that shows no paper is in English until the reader
says otherwise, and a page's language depends only on its URL and that one cookie, which is all the page
cache and HTTP caches have to vary on (:mod:`broadsheet.web.caching`).

The interface language is the document's (``<html lang dir>``); the paper's text keeps its own language
and direction on the elements that hold it, so an Urdu edition read with the English interface is English
around Urdu text set right to left, as a reader of both would expect.

Digits follow Unicode's CLDR, as the browser's ``Intl`` does: Arabic writes dates, page numbers and counts
in Arabic-Indic digits (٠١٢٣), Urdu in Western digits (0123), as most Pakistani papers and sites print
them. Only the interface's own numbers are converted (:func:`digits`); the paper's text stays as printed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext

# Digits each interface language writes numbers with, where they are not 0-9.
DIGITS = {"ar": "٠١٢٣٤٥٦٧٨٩"}
_TABLES = {code: str.maketrans("0123456789", digits) for code, digits in DIGITS.items()}


def codes() -> list[str]:
    """The interface languages (``LANGUAGES``), English first."""
    return [code for code, _ in settings.LANGUAGES]


def supported(language: str | None) -> str | None:
    """The interface language for a paper in ``language`` (``ur``, ``ar-EG``…), or None when there is no
    translation for it."""
    base = (language or "").lower().replace("_", "-").split("-")[0]
    return base if base in codes() else None


def chosen(request: HttpRequest) -> str | None:
    """The language the reader picked with the switch, if any (the cookie's value, when it is one of ours)."""
    value = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return value if value in codes() else None


def follow(request: HttpRequest, language: str) -> None:
    """Show this page in the paper's ``language`` unless the reader chose another (or there is no
    translation for it). Lasts until the request ends (:class:`broadsheet.web.middleware.InterfaceLanguage`)."""
    if chosen(request) is None and (code := supported(language)) is not None:
        translation.activate(code)


def digits(text: str) -> str:
    """``text`` with its digits written as the interface language writes them (unchanged in English and Urdu)."""
    table = _TABLES.get(translation.get_language() or "")
    return text.translate(table) if table is not None else text


def script_strings() -> dict[str, Any]:
    """What the scripts write into the page, in the interface language (a JSON element the page carries,
    so the scripts need no catalogue of their own): messages, and how to write a date as the server does."""
    return {
        "untitled": gettext("Untitled"),
        # History: where an article was read
        "historyEntry": gettext("%(publication)s, %(date)s, page %(page)s"),
        "continuedOn": gettext("Continued on page %(page)s"),
        "continuedFrom": gettext("Continued from page %(page)s"),
        "notLoaded": gettext("This article could not be loaded."),
        "linkCopied": gettext("Link copied"),
        "copyPrompt": gettext("Copy this link"),
        # a date as the templates write it ("j F Y"): day, month's name, year, in the language's digits
        "months": [str(MONTHS[m]) for m in range(1, 13)],
        "digits": DIGITS.get(translation.get_language() or "", "0123456789"),
    }
