"""The synthetic newspaper generator: its PDFs open, and its ground truth is exact.

The checks are the ones the scorer relies on (tests/synthetic/groundtruth.py): every word of the
text layer lies in exactly one item; items never overlap; the bodies are made of words that are
on the page; and the same seed gives the same edition.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from broadsheet.extract.model import ItemType, PageResult
from broadsheet.pagejson import page_to_json, read_page
from broadsheet.synthetic import GeneratedEdition, SyntheticOptions, generate_edition, marks
from broadsheet.synthetic.__main__ import main as cli_main
from tests.synthetic.groundtruth import (
    check_bodies_on_page,
    check_pdfium_boxes_in_regions,
    check_regions_disjoint,
    check_words_in_one_item,
)

EDITIONS: dict[str, SyntheticOptions] = {
    "en": SyntheticOptions(seed=1, pages=2),
    "it": SyntheticOptions(seed=2, language="it", columns=5),
    "ar": SyntheticOptions(seed=3, direction="rtl", language="ar"),
    "ur": SyntheticOptions(seed=4, language="ur"),
    "spread": SyntheticOptions(seed=5, spread=True, language="es"),
    "cropped": SyntheticOptions(seed=6, cropped_spread=True, language="de"),
    "nospace": SyntheticOptions(seed=7, nospace=True, language="pt"),
    "marks": SyntheticOptions(seed=8, print_marks=True),
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedEdition]:
    root = tmp_path_factory.mktemp("synthetic")
    return {name: generate_edition(opts, root / name, stem=name) for name, opts in EDITIONS.items()}


def all_pages(editions: dict[str, GeneratedEdition]) -> list[tuple[str, GeneratedEdition, PageResult]]:
    return [(name, ed, page) for name, ed in editions.items() for page in ed.pages]


def test_files_written_and_pdf_opens(editions: dict[str, GeneratedEdition]) -> None:
    for name, ed in editions.items():
        doc = pdfium.PdfDocument(str(ed.pdf))
        try:
            assert len(doc) == EDITIONS[name].pages
            assert len(ed.ground_truth) == len(doc)
            for k, path in enumerate(ed.ground_truth, start=1):
                assert path.name == f"{name}-p{k}.gt.json"
                data = json.loads(path.read_text(encoding="utf-8"))
                assert data["format"] == "broadsheet-page/1"
                assert data["page"] == k and data["source"] == ed.pdf.name
                assert read_page(path).items  # round-trips through the project's reader
                w, h = doc[k - 1].get_size()
                assert (round(w, 1), round(h, 1)) == (round(data["width"], 1), round(data["height"], 1))
        finally:
            doc.close()


def test_every_word_in_exactly_one_item_and_inside_its_region(editions: dict[str, GeneratedEdition]) -> None:
    for name, ed, page in all_pages(editions):
        check_words_in_one_item(name, ed.pdf, page)


def test_regions_of_different_items_do_not_overlap(editions: dict[str, GeneratedEdition]) -> None:
    for name, _, page in all_pages(editions):
        check_regions_disjoint(name, page)


def test_bodies_are_made_of_words_on_the_page(editions: dict[str, GeneratedEdition]) -> None:
    for name, ed, page in all_pages(editions):
        assert check_bodies_on_page(name, ed.pdf, page) > 100


def test_page_contents(editions: dict[str, GeneratedEdition]) -> None:
    en = editions["en"]
    types = {it.type for p in en.pages for it in p.items}
    assert {ItemType.ARTICLE, ItemType.MASTHEAD, ItemType.FURNITURE} <= types
    front = en.pages[0]
    assert front.items[0].type is ItemType.MASTHEAD
    assert any(it.headline for it in front.articles)
    for page in editions["ar"].pages + editions["ur"].pages:
        assert page.direction == "rtl"
        assert all(not any("\ufb50" <= c <= "\ufeff" for c in (it.body or "")) for it in page.items)
    spread = editions["spread"].pages[0]
    xs = [r[0] for it in spread.items for r in it.regions]
    assert min(xs) < spread.width / 4 and max(xs) > spread.width / 2
    assert len({it.id for it in spread.items}) == len(spread.items)


def test_jumps_point_to_their_continuations(editions: dict[str, GeneratedEdition]) -> None:
    found = 0
    for ed in editions.values():
        for page in ed.pages:
            for item in page.articles:
                if item.jump and item.jump.to_page:
                    found += 1
                    target = ed.pages[item.jump.to_page - 1]
                    assert any(a.jump and a.jump.from_page == page.page for a in target.articles)
    assert found >= 1


def test_deterministic_and_seed_dependent(tmp_path: Path) -> None:
    opts = SyntheticOptions(seed=21, pages=2)
    a = generate_edition(opts, tmp_path / "a")
    b = generate_edition(opts, tmp_path / "b")
    c = generate_edition(SyntheticOptions(seed=22, pages=2), tmp_path / "c")

    def dump(ed: GeneratedEdition) -> list[dict[str, Any]]:
        return [page_to_json(p) for p in ed.pages]

    assert dump(a) == dump(b)
    assert a.pdf.read_bytes() == b.pdf.read_bytes()
    assert [[it.regions for it in p.items] for p in a.pages] != [[it.regions for it in p.items] for p in c.pages]


def test_chars_target_and_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ed = generate_edition(SyntheticOptions(seed=8, body_chars_target=30000, page_size=(842, 1191)), tmp_path)
    chars = sum(len(it.body or "") for it in ed.pages[0].items)
    assert 12000 < chars < 50000
    assert cli_main([str(tmp_path / "cli"), "--seed", "3", "--pages", "2", "--rtl", "--columns", "5"]) == 0
    assert (tmp_path / "cli" / "synthetic-p2.gt.json").exists()
    assert "synthetic.pdf" in capsys.readouterr().out


def test_pdfium_loose_char_boxes_lie_in_regions(editions: dict[str, GeneratedEdition]) -> None:
    for name in ("en", "ar", "cropped"):
        check_pdfium_boxes_in_regions(name, editions[name].pdf, editions[name].pages)


def test_print_marks_put_the_page_inside_a_larger_sheet_trimmed_to_it(editions: dict[str, GeneratedEdition]) -> None:
    """A print PDF's sheet is the page plus a margin of marks; its TrimBox is the page."""
    edition = editions["marks"]
    plain = generate_edition(SyntheticOptions(seed=8), edition.pdf.parent / "plain")
    doc, plain_doc = pdfium.PdfDocument(str(edition.pdf)), pdfium.PdfDocument(str(plain.pdf))
    try:
        w, h = plain_doc[0].get_size()
        assert doc[0].get_size() == pytest.approx((w + 2 * marks.MARGIN, h + 2 * marks.MARGIN))
        trim = doc[0].get_trimbox()
        assert trim == pytest.approx((marks.MARGIN, marks.MARGIN, marks.MARGIN + w, marks.MARGIN + h))
    finally:
        doc.close()
        plain_doc.close()
    slug = [
        it for it in edition.pages[0].items if it.type is ItemType.FURNITURE and it.regions[0][1] > h + marks.MARGIN
    ]
    assert len(slug) == 1
