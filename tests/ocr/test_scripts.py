"""A page read by OCR in no given language: its script, told by Tesseract's script detection, picks
the model (a Hindi page read as English is gibberish). Real Tesseract; pages drawn here."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from broadsheet.extract import ExtractOptions, extract_pages
from broadsheet.ocr.tesseract import language_of_script

NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HINDI = (
    "नगर परिषद ने मंगलवार को नए पुल की योजना पर चर्चा की।",
    "बोर्ड अगले महीने इस प्रस्ताव पर अपना निर्णय देगा।",
    "नागरिकों ने सार्वजनिक सुनवाई की माँग की है।",
)
ENGLISH = ("The council said on Tuesday that new plans for the bridge", "would go before the board next month.")


def _page(lines: tuple[str, ...], font: Path) -> Image.Image:
    """A page of a dozen lines of ``lines`` at 40 px (a scan's body text at 300 dpi)."""
    image = Image.new("L", (1700, 1200), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(font), 40)
    for k in range(12):
        draw.text((60, 60 + 80 * k), lines[k % len(lines)], font=face, fill=0)
    return image


def test_a_page_in_devanagari_is_hindi_and_a_latin_page_says_nothing() -> None:
    assert language_of_script(_page(HINDI, NOTO / "NotoSansDevanagari-Regular.ttf")) == "hi"
    assert language_of_script(_page(ENGLISH, DEJAVU)) is None


def test_a_scanned_hindi_page_with_no_language_given_is_read_in_hindi(tmp_path: Path) -> None:
    """Regression (a Hindi weekly's scanned pages, extracted with no --language): read by the English
    model, its text came out as Latin gibberish ("Se ATTA At ATE")."""
    scan = tmp_path / "hindi.png"
    _page(HINDI, NOTO / "NotoSansDevanagari-Regular.ttf").save(scan, dpi=(300, 300))
    (page,) = extract_pages(scan, options=ExtractOptions())
    text = " ".join(item.body or "" for item in page.items)
    devanagari = sum("\u0900" <= ch <= "\u097f" for ch in text)
    assert devanagari > 0.8 * sum(ch.isalpha() for ch in text)
    assert "परिषद" in text


GERMAN = (
    "Der Gemeinderat hat am Dienstag die neuen Pläne für die Brücke über den Fluss gebilligt.",
    "Die Bürger sollen im nächsten Monat in einer öffentlichen Sitzung dazu gehört werden.",
    "Das Straßenbauamt ist mit den Kosten der Straße und der Brücke nicht zufrieden.",
)


def test_a_scanned_page_in_german_with_no_language_given_is_read_in_german(tmp_path: Path) -> None:
    """Regression (German pages rendered as scans, extracted with no --language): read by the English
    model alone, "für" came out as "fiir" and "Straße" as "Strape"; its stop words tell German, and
    the page is read again by the German model."""
    scan = tmp_path / "german.png"
    _page(GERMAN, DEJAVU).save(scan, dpi=(300, 300))
    (page,) = extract_pages(scan, options=ExtractOptions())
    text = " ".join(item.body or "" for item in page.items)
    assert page.language == "de"
    for word in ("für", "Brücke", "über", "Bürger", "öffentlichen", "Straße"):
        assert word in text


def test_a_scanned_page_in_english_with_no_language_given_stays_english(tmp_path: Path) -> None:
    scan = tmp_path / "english.png"
    _page(ENGLISH, DEJAVU).save(scan, dpi=(300, 300))
    (page,) = extract_pages(scan, options=ExtractOptions())
    assert page.language == "en"
    text = " ".join(item.body or "" for item in page.items)
    for word in ("council", "Tuesday", "bridge", "board"):
        assert word in text
