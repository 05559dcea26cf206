"""tools/label.py, the hand-labelling tool: a grouping file of line numbers and selection boxes makes
a page JSON with regions and types only, and the check finds words in no item or in two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ocr.scans import image_only_pdf, scan_of, two_stories
from tests.pdfs import column, combine, make_pdf, photo, printers_copy, text_at
from tests.tools.tool import load_tool

label = load_tool("label")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A header line, a headline over two columns (one with a photo), and a folio."""
    page = combine(
        text_at(40, 30, "Page header", size=8),
        text_at(40, 60, "A headline over two columns", font="Times-Bold", size=20),
        column(40, 100, 200, 10),
        column(300, 100, 200, 4, seed=3),
        photo(300, 160, 120, 80),
        text_at(300, 260, "A caption under the photo", size=7),
        text_at(300, 700, "7", size=8),
    )
    return make_pdf(tmp_path_factory.mktemp("label") / "page.pdf", page)


def test_lines_are_numbered_from_the_top(pdf: Path) -> None:
    page = label.read_lines(pdf, 1)
    header, headline = page.lines[:2]
    assert header.box[1] < 40 and round(headline.size) == 20
    assert len(page.images) == 1


def test_a_press_pdfs_page_is_refused(pdf: Path, tmp_path: Path) -> None:
    """Its lines are read in the frame of its printed part; a label's regions are the CropBox's."""
    with pytest.raises(label.LabelError, match="TrimBox"):
        label.read_lines(printers_copy(pdf, tmp_path / "press.pdf"), 1)


def test_build_takes_each_rectangle_as_the_union_of_its_lines_and_pictures(pdf: Path) -> None:
    page = label.read_lines(pdf, 1)
    grouping = "f1 furniture: L0\na1 article: R(30,50,260,300) | R(280,90,560,300)\nf2 furniture: R(280,690,560,720)\n"
    gt = label.build_page(label.parse_grouping(grouping, page), page, "page.pdf", 1)
    a1 = gt["items"][1]
    assert [it["type"] for it in gt["items"]] == ["furniture", "article", "furniture"]
    assert a1["headline"] is None and a1["body"] is None and a1["captions"] == []
    left, right = a1["regions"]
    assert left[0] == pytest.approx(40, abs=1) and left[1] == pytest.approx(62, abs=2)  # the headline's top
    assert right[0] == pytest.approx(300, abs=1) and right[3] >= 260  # down to the caption, past the photo
    assert label.check_page(pdf, gt) == []


def test_a_line_in_no_item_or_in_two_is_refused(pdf: Path) -> None:
    page = label.read_lines(pdf, 1)
    with pytest.raises(label.LabelError, match="in none: \\[0\\]"):
        label.parse_grouping("a1 article: R(30,50,560,720)\n", page)
    with pytest.raises(label.LabelError, match="in two items"):
        label.parse_grouping("f1 furniture: L0-1\na1 article: R(30,50,560,720)\n", page)


def test_a_line_left_out_leaves_the_rectangle(pdf: Path) -> None:
    page = label.read_lines(pdf, 1)
    folio = len(page.lines) - 1
    grouping = f"f1 furniture: L0\na1 article: R(30,50,560,720) -L{folio}\nf2 furniture: L{folio}\n"
    gt = label.build_page(label.parse_grouping(grouping, page), page, "page.pdf", 1)
    assert gt["items"][1]["regions"][0][3] < 300  # the folio at y 700 is not in the article's rectangle
    assert label.check_page(pdf, gt) == []


def test_check_finds_words_in_no_item_and_rectangles_that_overlap(pdf: Path) -> None:
    page = label.read_lines(pdf, 1)
    gt = label.build_page(label.parse_grouping("f1 furniture: L0\na1 article: R(30,50,560,720)\n", page), page, "p", 1)
    assert label.check_page(pdf, gt) == []
    gt["items"][0]["regions"] = [[0, 0, 600, 100]]  # now over the headline too
    assert any("overlaps" in p for p in label.check_page(pdf, gt))
    del gt["items"][0]
    assert any("in no item" in p for p in label.check_page(pdf, gt))


def test_cli_writes_the_page_json(pdf: Path, tmp_path: Path) -> None:
    grouping = tmp_path / "g.txt"
    grouping.write_text("f1 furniture: L0  # header\na1 article: R(30,50,560,720)\n", encoding="utf-8")
    out = tmp_path / "page-p1.gt.json"
    assert label.main(["build", str(pdf), str(grouping), str(out), "--source", "page.pdf"]) == 0
    gt = json.loads(out.read_text(encoding="utf-8"))
    assert gt["source"] == "page.pdf" and gt["format"] == "broadsheet-page/1"
    assert (gt["direction"], gt["language"]) == ("ltr", "en")
    assert label.main(["build", str(pdf), str(grouping), str(out), "--direction", "rtl", "--language", "ar"]) == 0
    gt = json.loads(out.read_text(encoding="utf-8"))
    assert (gt["direction"], gt["language"], gt["source"]) == ("rtl", "ar", pdf.name)
    assert label.main(["check", str(pdf), str(out)]) == 0
    grouping.write_text("a1 article R(30,50,560,720)\n", encoding="utf-8")
    assert label.main(["build", str(pdf), str(grouping), str(out)]) == 1


def test_a_broken_label_or_a_missing_pdf_is_one_line_and_a_nonzero_exit(
    pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.gt.json"
    broken.write_text("{", encoding="utf-8")
    assert label.main(["check", str(pdf), str(broken)]) == 1
    empty = tmp_path / "empty.gt.json"
    empty.write_text('{"page": 1, "items": []}', encoding="utf-8")
    assert label.main(["check", str(tmp_path / "missing.pdf"), str(empty)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and "not a page-JSON label" in errors[0] and "not found" in errors[1]


def test_a_page_with_no_text_layer_is_labelled_on_ocr_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--ocr``: the lines of what OCR reads off an image-only page; the label carries the words the
    scorer counts, boxes in points with empty texts (no page text in a committed label), and OCR's
    words are cached, so that the next command does not run Tesseract again."""
    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories()))
    cache = tmp_path / "cache"
    page = label.read_lines(pdf, 1, ocr="en", cache=cache)
    assert page.ocr and len(page.lines) > 50 and len(list(cache.glob("*.json"))) == 1
    assert label.read_lines(pdf, 1).lines == []  # the text layer has nothing
    grouping = "a1 article: R(0,0,306,792)\na2 article: R(306,0,612,792)\n"
    gt = label.build_page(label.parse_grouping(grouping, page), page, "scanned.pdf", 1, language="en")
    words = gt["words"]
    assert len(words) > 200 and {w[4] for w in words} == {""}
    assert all(0 <= w[0] < w[2] <= 612 and 0 <= w[1] < w[3] <= 792 for w in words)  # points, not pixels
    assert max(r[2] for r in gt["items"][0]["regions"]) < 306  # each story in its half
    assert label.check_page(pdf, gt) == []  # on the label's own words
    del gt["items"][1]
    assert any("in no item" in p for p in label.check_page(pdf, gt))

    def no_tesseract(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(label, "read_words", no_tesseract)
    assert len(label.read_lines(pdf, 1, ocr="en", cache=cache).lines) == len(page.lines)
    with pytest.raises(label.BroadsheetError, match="unknown language 'zz'"):  # not read as English
        label.read_lines(pdf, 1, ocr="zz", cache=cache)


def test_a_line_run_across_two_items_is_split_at_an_x(tmp_path: Path) -> None:
    """``L12<x`` / ``L12>x``: the words of a line on either side of x, each side's box cut at x."""
    pdf = make_pdf(tmp_path / "two.pdf", combine(text_at(40, 60, "Left head words"), text_at(110, 60, "Right head")))
    page = label.read_lines(pdf, 1)
    assert len(page.lines) == 1  # the line stage ran the two heads into one line
    gt = label.build_page(label.parse_grouping("a1 article: L0<100\na2 article: L0>100\n", page), page, "p", 1)
    left, right = (it["regions"][0] for it in gt["items"])
    assert left[0] == pytest.approx(40, abs=1) and right[0] > 105
    assert left[2] == pytest.approx(100)  # cut at x: "words" ends past 100
    assert label.check_page(pdf, gt) == []
    with pytest.raises(label.LabelError, match="in none"):
        label.parse_grouping("a1 article: L0<100\n", page)
    with pytest.raises(label.LabelError, match="no word"):
        label.parse_grouping("a1 article: L0<10\n", page)


def test_dump_page_writes_a_word_to_a_line() -> None:
    gt = {"format": "broadsheet-page/1", "items": [], "words": [[1.0, 2.0, 3.0, 4.0, ""], [5.0, 6.0, 7.0, 8.0, ""]]}
    text = label.dump_page(gt)
    assert json.loads(text) == gt
    assert '\n  [1.0, 2.0, 3.0, 4.0, ""],\n  [5.0, 6.0, 7.0, 8.0, ""]\n ]' in text
    assert json.loads(label.dump_page({**gt, "words": None}))["words"] is None
