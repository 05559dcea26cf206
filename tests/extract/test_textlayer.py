"""Is the text layer real text? An ASCII-based legacy font passes every shape test but the script."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import TextLayer
from broadsheet.extract.options import ExtractOptions
from tests.extract.layouts import COLUMNS, extract_drawn
from tests.pdfs import Draw, text_at

# How a Kruti Dev-style font's text layer reads: Hindi drawn with glyphs mapped to ASCII letters.
KRUTI = ("Hkkjr ,d fo'kky ns'k gS vkSj bldh jkt/kkuh ubZ fnYyh gSA", 'uxj ifj"kn us eaxyokj dks u, iqy dh ;kstuk')


def _page() -> list[Draw]:
    lines = [KRUTI[k % 2] for k in range(40)]
    return [text_at(COLUMNS[0], 60 + 12 * k, line, "Times-Roman", 9) for k, line in enumerate(lines)]


def test_a_hindi_page_whose_text_layer_is_latin_letters_is_a_legacy_font(tmp_path: Path) -> None:
    """Regression (issue 10): an ASCII-based legacy encoding (Kruti Dev Hindi, FM Sinhala) passed as
    good text and would have been served as gibberish."""
    result = extract_drawn(tmp_path, *_page(), options=ExtractOptions(language="hi", ocr=False))
    assert result.text_layer is TextLayer.LEGACY_FONT
    assert any("legacy font" in p for p in result.problems)
    assert result.direction == "ltr"  # Hindi: not the right-to-left of legacy Arabic fonts


def test_the_same_text_with_no_language_given_or_in_english_is_taken_as_text(tmp_path: Path) -> None:
    for language in (None, "en"):
        result = extract_drawn(tmp_path, *_page(), options=ExtractOptions(language=language, ocr=False))
        assert result.text_layer is TextLayer.OK, language


def test_a_hindi_page_whose_text_layer_is_devanagari_is_taken_as_text(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("NotoDevanagari", "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"))
    line = "नगर परिषद ने मंगलवार को नए पुल की योजना पर चर्चा की"
    draws = [text_at(COLUMNS[0], 60 + 14 * k, line, "NotoDevanagari", 10) for k in range(30)]
    result = extract_drawn(tmp_path, *draws, options=ExtractOptions(language="hi", ocr=False))
    assert result.text_layer is TextLayer.OK


def test_a_page_whose_glyphs_map_to_private_use_code_points_is_unmapped(tmp_path: Path) -> None:
    """A font whose map numbers its own glyphs (U+E000 on, a legacy Indic face's) says nothing of the
    letters drawn: the text layer is refused as one with no Unicode map, not served as boxes."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    drawn = [chr(0xEF00 + k) for k in range(26)]  # DejaVu Sans has glyphs there
    words = ["".join(drawn[(7 * k + 3 * n) % 26] for n in range(3 + k % 5)) for k in range(60)]
    lines = [" ".join(words[k % 50 : k % 50 + 8]) for k in range(30)]
    draws = [text_at(COLUMNS[0], 60 + 14 * k, line, "DejaVuSans", 10) for k, line in enumerate(lines)]
    result = extract_drawn(tmp_path, *draws, options=ExtractOptions(ocr=False))
    assert result.text_layer is TextLayer.LEGACY_FONT
    assert any("private-use" in p for p in result.problems)
