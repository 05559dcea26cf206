"""OCR languages: setup installs the models publishers here bring, and a language whose model is missing
is refused before any page is read, naming the Debian package. Real Tesseract throughout: a model is made
missing by pointing ``TESSDATA_PREFIX`` at a folder that holds English only."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from broadsheet.errors import OcrModelMissingError, UsageError
from broadsheet.extract import ExtractOptions, check_ocr_languages
from broadsheet.ocr.tesseract import debian_package, installed_languages, read_words, tesseract_languages
from tests.ocr.tessdata import english_only
from tests.pdfs import make_pdf, text_at

ROOT = Path(__file__).parents[2]
# The languages issue 10 names (ISO 639-1), plus Fraktur, a script model.
PUBLISHERS_LANGUAGES = ("en", "ur", "ar", "fa", "hi", "bn", "si", "fr", "de", "es", "it", "pt", "nl")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _system_packages() -> set[str]:
    lines = (ROOT / "system-packages.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@pytest.fixture
def english_only_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Tesseract sees only its English model (and this process's children too); yields that environment."""
    folder = english_only(tmp_path / "tessdata")
    monkeypatch.setenv("TESSDATA_PREFIX", str(folder))
    yield {**os.environ, "TESSDATA_PREFIX": str(folder)}


def _two_pages(tmp_path: Path) -> Path:
    page = text_at(72, 72, "Council Approves New Bridge", "Times-Bold", 24)
    return make_pdf(tmp_path / "ed.pdf", page, page)


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args], env=env, capture_output=True, text=True, check=False
    )


def test_setup_installs_the_models_publishers_bring() -> None:
    wanted = {tesseract_languages(code) for code in PUBLISHERS_LANGUAGES} | {"Fraktur", "frk"}
    assert {debian_package(model) for model in wanted} <= _system_packages()
    assert wanted <= installed_languages(), "run `make setup`: system-packages.txt installs them"


def test_languages_map_to_their_models_and_packages() -> None:
    assert [tesseract_languages(c) for c in ("ur", "fa", "bn", "pt", "nl", "zh")] == [
        "urd",
        "fas",
        "ben",
        "por",
        "nld",
        "chi_sim",
    ]
    assert tesseract_languages(None) == tesseract_languages("xx") == "eng"  # unknown: English, as documented
    assert debian_package("chi_sim") == "tesseract-ocr-chi-sim"
    assert debian_package("Fraktur") == debian_package("script/Fraktur") == "tesseract-ocr-script-frak"


def test_the_temporary_model_folder_really_serves_english(english_only_env: dict[str, str]) -> None:
    """The refusals below are not an artefact of a broken folder: OCR in English still reads through it."""
    assert installed_languages() == {"eng"}
    image = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(image).text((20, 20), "Harbour ferries run again", fill=0, font=ImageFont.truetype(FONT, 40))
    assert "ferries" in [w.text for w in read_words(image, "eng", psm=6)]
    check_ocr_languages(ExtractOptions(language="en"))


def test_a_missing_model_is_refused_for_scans_and_legacy_fonts_alike(english_only_env: dict[str, str]) -> None:
    for options in (
        ExtractOptions(language="fr"),
        ExtractOptions(language="ur"),
        ExtractOptions(ocr_languages="eng+frk"),
    ):
        with pytest.raises(OcrModelMissingError, match=r"tesseract-ocr-(fra|urd|frk)$"):
            check_ocr_languages(options)
    check_ocr_languages(ExtractOptions(language="fr", ocr=False))  # no OCR, nothing to refuse
    check_ocr_languages(ExtractOptions())  # nothing asked: the defaults come with setup


def test_extract_refuses_a_missing_language_before_any_page(tmp_path: Path, english_only_env: dict[str, str]) -> None:
    """A born-digital PDF too: any of its pages may be in legacy fonts, read by OCR in that language."""
    pdf, out = _two_pages(tmp_path), tmp_path / "out"
    result = _cli(english_only_env, "extract", str(pdf), "--out", str(out), "--language", "fr")
    assert result.returncode == 64
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert "tesseract-ocr-fra" in result.stderr and "'fr'" in result.stderr
    assert not out.exists()  # no page was read, none written

    result = _cli(english_only_env, "extract", str(pdf), "--out", str(out), "--ocr-languages", "deu+Fraktur")
    assert result.returncode == 64
    assert result.stderr.strip().endswith("install the Debian packages tesseract-ocr-deu tesseract-ocr-script-frak")

    assert (
        _cli(english_only_env, "extract", str(pdf), "--out", str(out), "--language", "fr", "--no-ocr").returncode == 0
    )
    assert _cli(english_only_env, "extract", str(pdf), "--out", str(out), "--language", "en").returncode == 0


def test_ingest_refuses_a_missing_language_before_storing_anything(
    site: Path, tmp_path: Path, english_only_env: dict[str, str]
) -> None:
    from broadsheet.cli import build_parser
    from broadsheet.editions.models import Edition, Publication
    from broadsheet.ingest import IngestRequest, ingest_edition
    from broadsheet.site.commands import run_ingest

    pdf = _two_pages(tmp_path)
    args = build_parser().parse_args(
        ["ingest", str(pdf), "--publication", "la-gazette", "--date", "1901-05-04", "--language", "fr", "--quiet"]
    )
    with pytest.raises(OcrModelMissingError, match=r"install the Debian package tesseract-ocr-fra$"):
        run_ingest(args, env={})
    Publication.objects.create(slug="akhbar", name="Akhbar", language="ur", direction="rtl")
    request = IngestRequest(pdf=pdf, publication="akhbar", date=dt.date(2025, 4, 20))
    with pytest.raises(OcrModelMissingError, match=r"tesseract-ocr-urd$"):  # the publication's language
        ingest_edition(request)
    unknown = build_parser().parse_args(
        ["ingest", str(pdf), "--publication", "la-gazette", "--date", "1901-05-04", "--language", "zz", "--quiet"]
    )
    with pytest.raises(UsageError, match="unknown language 'zz'"):
        run_ingest(unknown, env={})
    assert Publication.objects.filter(slug="la-gazette").count() == 0 and Edition.objects.count() == 0


def test_an_unknown_language_code_is_refused_before_any_page(tmp_path: Path) -> None:
    """``--language zz`` (or ``english``) was read with the English model, silently: a mistyped code
    would fill an edition with gibberish. It is refused in one line, by extract, ocr and ingest alike."""
    pdf, out = _two_pages(tmp_path), tmp_path / "out"
    for code in ("zz", "english"):
        result = _cli(dict(os.environ), "extract", str(pdf), "--out", str(out), "--language", code)
        assert result.returncode == 64, result.stderr
        assert result.stderr.count("\n") == 1 and f"unknown language {code!r}" in result.stderr
        assert not out.exists()
    image = tmp_path / "scan.png"
    Image.new("L", (200, 100), 255).save(image)
    result = _cli(dict(os.environ), "ocr", str(image), "--language", "zz")
    assert result.returncode == 64 and "unknown language 'zz'" in result.stderr
    with pytest.raises(UsageError, match="unknown language 'zz'"):
        check_ocr_languages(ExtractOptions(language="zz", ocr=False))  # OCR off or not, a mistake
    check_ocr_languages(ExtractOptions(language="si"))  # every code Debian has a model for is known
