"""The reader's translations are whole: every message marked in its templates and Python (the scripts' words
come from Python, :func:`broadsheet.web.language.script_strings`) has a finished Urdu and Arabic translation
that keeps the message's placeholders, and the compiled catalogues Django reads are those files'."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

WEB = Path(__file__).parents[2] / "src" / "broadsheet" / "web"
LOCALE = WEB / "locale"
LANGUAGES = ("ur", "ar")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

Key = tuple[str | None, str]  # (context, message)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, polib.POEntry]:
    """Every message marked for translation now, as Django's ``makemessages`` extracts them (run on a copy
    of the app, so the real catalogues are not touched)."""
    copy = tmp_path_factory.mktemp("extract") / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()  # where makemessages writes: empty, so nothing already translated is merged in
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "broadsheet.site.settings", "BROADSHEET_DATA_DIR": str(copy)}
    command = [sys.executable, "-m", "django", "makemessages", "--locale", "ur", "--keep-pot", "--no-location"]
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)
    pot = polib.pofile(str(copy / "locale" / "django.pot"))
    assert len(pot) > 50, "makemessages found too few messages: is xgettext installed (gettext)?"
    return {(e.msgctxt, e.msgid): e for e in pot}


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _problems(entry: polib.POEntry) -> list[str]:
    """What is wrong with one translation: missing, unfinished, or with placeholders of its own."""
    if entry.obsolete:
        return ["obsolete (no longer marked anywhere): remove it"]
    if entry.fuzzy:
        return ["fuzzy: check the translation and drop the flag"]
    translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    if not translations or not all(t.strip() for t in translations):
        return ["not translated"]
    allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
    return [f"unknown placeholder %({name})s" for t in translations for name in set(PLACEHOLDER.findall(t)) - allowed]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_message_has_a_finished_translation(marked: dict[Key, polib.POEntry], language: str) -> None:
    catalogue = {(e.msgctxt, e.msgid): e for e in _catalogue(language)}
    problems = {key: ["missing"] for key in marked.keys() - catalogue.keys()}
    problems |= {key: ["stale: no longer marked anywhere"] for key in catalogue.keys() - marked.keys()}
    for key, entry in catalogue.items():
        if key in marked and (found := _problems(entry)):
            problems[key] = found
    assert not problems, f"locale/{language}/LC_MESSAGES/django.po: {problems}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_the_languages_own(language: str) -> None:
    """Arabic has six plural forms (none, one, two, a few, many, other), Urdu two: each message has them all."""
    catalogue = _catalogue(language)
    count = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"])[1])  # type: ignore[index]
    assert count == {"ur": 2, "ar": 6}[language]
    assert catalogue.metadata["Language"] == language
    for entry in catalogue:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(count)), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_translations(language: str) -> None:
    """Django reads the .mo that `make setup` compiles (never committed): it holds every translation."""
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is missing or stale: run `make setup`"
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo)) if e.msgid}
    written = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in _catalogue(language) if not e.obsolete}
    assert compiled == written
