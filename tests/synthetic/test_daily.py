"""Daily-style generated pages (``SyntheticOptions(daily=True)``): every layout class that broke
the extractor on real papers is on them, and its ground truth follows FORMAT.md.

The generator says which item shows which class (``GeneratedEdition.classes``); each test then
checks the class on the PDF itself, read with pdfplumber as the scorer reads it, against the
page JSON: a drop cap is a glyph run of its own and joined to its word in ``body``, a credit's
glyphs are turned, teasers are furniture, labels do not split a story, and so on.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from broadsheet.extract.model import Item, ItemType, PageResult
from broadsheet.pagejson import page_to_json
from broadsheet.synthetic import GeneratedEdition, SyntheticOptions, generate_edition
from broadsheet.synthetic.__main__ import main as cli_main
from broadsheet.synthetic.daily_vocab import daily_vocab
from broadsheet.synthetic.vocab import vocab
from tests.synthetic.groundtruth import (
    check_bodies_on_page,
    check_pdfium_boxes_in_regions,
    check_regions_disjoint,
    check_words_in_one_item,
    pdf_words,
)

DAILY: dict[str, SyntheticOptions] = {
    "en": SyntheticOptions(seed=34, pages=3, daily=True),
    "it": SyntheticOptions(seed=33, pages=2, daily=True, language="it"),
    "pt": SyntheticOptions(seed=35, pages=2, daily=True, language="pt"),
    "es": SyntheticOptions(seed=37, pages=2, daily=True, language="es"),
    "fr": SyntheticOptions(seed=33, pages=2, daily=True, language="fr"),
}
CLASSES = {
    "lead", "deck", "byline", "bio", "jump_to", "jump_from", "drop_cap", "credit", "labels",
    "pull_quote", "briefs", "teasers", "opinion", "advert", "imprint",
}  # fmt: skip

Case = tuple[str, GeneratedEdition, PageResult, Item]


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedEdition]:
    root = tmp_path_factory.mktemp("daily")
    return {name: generate_edition(opts, root / name, stem=name) for name, opts in DAILY.items()}


def cases(editions: dict[str, GeneratedEdition], kind: str) -> list[Case]:
    """Every (language, edition, page, item) the generator lists under layout class ``kind``."""
    out = []
    for lang, ed in editions.items():
        for page, classes in zip(ed.pages, ed.classes, strict=True):
            by_id = {it.id: it for it in page.items}
            out += [(lang, ed, page, by_id[i]) for i in classes.get(kind, [])]
    assert out, f"no {kind} on the daily pages"
    return out


@dataclass(frozen=True)
class Layer:
    """What pdfplumber reads on one page: glyphs, words split at font changes, pictures."""

    chars: list[dict[str, Any]]
    styled: list[dict[str, Any]]  # a bold run-in label is a word of its own
    pictures: list[dict[str, Any]]  # images and filled rectangles (flat photos, tints)


@functools.lru_cache(maxsize=32)
def layer(pdf: Path, page_no: int) -> Layer:
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[page_no - 1]
        styled = page.extract_words(extra_attrs=["fontname", "size"])
        return Layer([dict(c) for c in page.chars], [dict(w) for w in styled], [*page.images, *page.rects])


def chars(pdf: Path, page_no: int) -> list[dict[str, Any]]:
    return layer(pdf, page_no).chars


def styled_words(pdf: Path, page_no: int) -> list[dict[str, Any]]:
    return layer(pdf, page_no).styled


def x0(obj: dict[str, Any]) -> float:
    return float(obj["x0"])


def inside(item: Item, obj: dict[str, Any]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in item.regions)


def body_size(pdf: Path, page_no: int) -> float:
    return float(Counter(round(c["size"], 3) for c in chars(pdf, page_no)).most_common(1)[0][0])


def region_words(ed: GeneratedEdition, page: PageResult, item: Item) -> list[str]:
    return [
        w[4]
        for w in pdf_words(ed.pdf, page.page)
        if inside(item, {"x0": w[0], "x1": w[2], "top": w[1], "bottom": w[3]})
    ]


def in_order(tokens: list[str], words: list[str]) -> bool:
    """``tokens`` occur in ``words`` in this order (other words may come between)."""
    it = iter(words)
    return all(any(w == t for w in it) for t in tokens)


def test_ground_truth_is_exact(editions: dict[str, GeneratedEdition]) -> None:
    for name, ed in editions.items():
        for page in ed.pages:
            check_words_in_one_item(name, ed.pdf, page)
            check_regions_disjoint(name, page)
            assert check_bodies_on_page(name, ed.pdf, page) > 100
        check_pdfium_boxes_in_regions(name, ed.pdf, ed.pages)


def test_every_class_is_on_the_pages(editions: dict[str, GeneratedEdition]) -> None:
    seen = {kind for ed in editions.values() for classes in ed.classes for kind in classes}
    assert seen >= CLASSES, CLASSES - seen


def test_lead_headline_is_the_biggest_type_across_the_page(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, lead in cases(editions, "lead"):
        assert lead.type is ItemType.ARTICLE and lead.headline
        page_chars = chars(ed.pdf, page.page)
        biggest = max(c["size"] for c in page_chars)
        top = [c for c in page_chars if c["size"] > biggest - 0.01]
        assert all(inside(lead, c) for c in top), (lang, page.page)
        assert "".join(c["text"] for c in top).replace(" ", "") == lead.headline.replace(" ", "")
        assert biggest >= 3 * body_size(ed.pdf, page.page)
        assert max(c["top"] for c in top) < page.height / 2  # near the top
        text_x0 = min(r[0] for it in page.items for r in it.regions)
        text_x1 = max(r[2] for it in page.items for r in it.regions)
        lead_x0, lead_x1 = min(r[0] for r in lead.regions), max(r[2] for r in lead.regions)
        assert lead_x1 - lead_x0 >= 0.7 * (text_x1 - text_x0)
        mastheads = [it for it in page.items if it.type is ItemType.MASTHEAD]
        assert len(mastheads) == (page.page == 1)  # a front page, and inside pages with no masthead


def test_deck_spans_lines_and_stays_out_of_the_body(editions: dict[str, GeneratedEdition]) -> None:
    multi = 0
    for lang, ed, page, item in cases(editions, "deck"):
        assert item.subheadline and item.body and item.subheadline not in item.body
        deck = item.subheadline.split()
        lines = {round(w["top"]) for w in styled_words(ed.pdf, page.page) if inside(item, w) and w["text"] in deck}
        multi += len(lines) >= 2
        assert in_order(deck, region_words(ed, page, item)), (lang, page.page, item.id)
    assert multi >= 3


def test_drop_cap_is_its_own_glyph_run_and_joined_in_the_body(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "drop_cap"):
        size = body_size(ed.pdf, page.page)
        mine = [c for c in chars(ed.pdf, page.page) if inside(item, c)]
        runs = Counter((round(c["size"], 2), round(c["top"], 1)) for c in mine)
        big = [c for c in mine if 1.8 * size < c["size"] and runs[round(c["size"], 2), round(c["top"], 1)] == 1]
        assert len(big) == 1, (lang, page.page, item.id, [c["text"] for c in big])  # a one-glyph run
        cap = big[0]
        first = (item.body or "").split()[0]
        assert first.startswith(cap["text"]), (lang, page.page, item.id)  # joined to its word in the body
        if len(first) == 1:
            continue
        # the rest of the word starts the first body line, right of the initial and in body type
        beside = [
            c for c in mine if cap["x1"] <= c["x0"] <= cap["x1"] + 6 and cap["top"] - size <= c["top"] < cap["bottom"]
        ]
        line = sorted((c for c in mine if beside and abs(c["top"] - min(b["top"] for b in beside)) < 0.5), key=x0)
        word = [c for c in line if c["x0"] >= cap["x1"]][:1]
        for c in line:  # the glyphs that follow it without a gap: the rest of the word
            if word and c["x0"] > word[-1]["x0"] and abs(c["x0"] - word[-1]["x1"]) < 0.5 and c["text"] != " ":
                word.append(c)
        text = "".join(c["text"] for c in word).rstrip("-")
        assert text and first[1:].startswith(text), (lang, page.page, item.id, first, text)
        assert all(abs(c["size"] - size) < 0.05 for c in word)


def test_rotated_credit_belongs_to_the_photo_not_the_body(editions: dict[str, GeneratedEdition]) -> None:
    credited = {id(item) for *_, item in cases(editions, "credit")}
    for lang, ed, page, item in cases(editions, "credit"):
        turned = [c for c in chars(ed.pdf, page.page) if not c["upright"] and inside(item, c)]
        assert turned, (lang, page.page, item.id)
        assert all(c["matrix"][:4] == (0, 1, -1, 0) for c in turned)  # a quarter turn in the PDF
        credit = "".join(c["text"] for c in sorted(turned, key=lambda c: -c["top"]))  # read upwards
        name = credit.split(":")[-1].split("/")[0].strip()
        assert name and name not in (item.body or "") and name.lower() not in (item.body or "").lower()
        assert all(name not in cap for cap in item.captions) and name not in (item.headline or "")
        pictures = layer(ed.pdf, page.page).pictures  # the picture (an image or a flat tint) left of it
        left = min(c["x0"] for c in turned)
        assert any(inside(item, p) and left - 6 <= p["x1"] <= left + 0.5 for p in pictures), (lang, item.id)
    for _, ed in editions.items():
        for page in ed.pages:
            for c in chars(ed.pdf, page.page):
                if not c["upright"]:
                    assert any(inside(it, c) and id(it) in credited for it in page.items)


def test_bylines_bios_and_jump_lines_are_not_body(editions: dict[str, GeneratedEdition]) -> None:
    langs: dict[str, set[str]] = {"byline": set(), "jump_to": set(), "jump_from": set()}
    for lang, ed, page, item in cases(editions, "byline"):
        lines = (item.byline or "").split("\n")
        assert lines[0] and lines[0] not in (item.body or "")
        assert in_order(lines[0].split(), region_words(ed, page, item))
        langs["byline"].add(lang)
    for lang, ed, page, item in cases(editions, "bio"):
        lines = (item.byline or "").split("\n")
        assert len(lines) == 2 and lines[1] not in (item.body or "")
        assert in_order(lines[1].split(), region_words(ed, page, item)), (lang, page.page, item.id)
    for lang, ed, page, item in cases(editions, "jump_to"):
        assert item.jump and item.jump.to_page and item.headline
        n, word = item.jump.to_page, item.headline.split()[0].strip(",.:").upper()
        phrases = [p.format(n=n, word=word) for p in vocab(lang)["jump_to"]]
        found = [p for p in phrases if in_order(p.split(), region_words(ed, page, item))]
        assert found and all(p not in (item.body or "") for p in phrases), (lang, page.page, item.id)
        target = ed.pages[n - 1]
        assert any(a.jump and a.jump.from_page == page.page for a in target.articles)
        langs["jump_to"].add(lang)
    for lang, ed, page, item in cases(editions, "jump_from"):
        assert item.jump and item.jump.from_page
        phrases = [p.format(n=item.jump.from_page) for p in vocab(lang)["jump_from"]]
        assert any(in_order(p.split(), region_words(ed, page, item)) for p in phrases)
        assert all(p not in (item.body or "") for p in phrases)
        langs["jump_from"].add(lang)
    assert all(len(v) >= 4 for v in langs.values()), langs


def test_run_in_labels_do_not_split_the_story(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "labels"):
        labels = [lab for lab in daily_vocab(lang)["label"] if f"\n\n{lab} " in (item.body or "")]
        assert labels, (lang, page.page, item.id)  # inside the body, opening a paragraph
        size = body_size(ed.pdf, page.page)
        bold = {
            w["text"]
            for w in styled_words(ed.pdf, page.page)
            if inside(item, w) and "Bold" in w["fontname"] and abs(w["size"] - size) < 0.05
        }
        assert any(lab.split()[0] in bold for lab in labels), (lang, page.page, item.id)


def test_pull_quotes_are_in_the_story_region_not_its_body(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "pull_quote"):
        quote = [w for w in styled_words(ed.pdf, page.page) if inside(item, w) and w["text"].startswith("“")]
        assert quote and all(w["size"] >= 10 for w in quote), (lang, page.page, item.id)
        assert "“" not in (item.body or "")


def test_briefs_are_short_articles_in_both_styles(editions: dict[str, GeneratedEdition]) -> None:
    styles = set()
    for lang, ed, page, item in cases(editions, "briefs"):
        assert item.type is ItemType.ARTICLE and item.headline and item.body
        assert len(item.body) < 700 and "\n\n" not in item.body
        size = body_size(ed.pdf, page.page)
        head = [w for w in styled_words(ed.pdf, page.page) if inside(item, w) and w["text"] == item.headline.split()[0]]
        assert head, (lang, page.page, item.id)
        styles.add("run-in" if abs(head[0]["size"] - size) < 0.05 and "Bold" in head[0]["fontname"] else "headline")
    assert styles == {"run-in", "headline"}


def test_teasers_are_furniture_in_a_row_of_boxes(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "teasers"):
        assert item.type is ItemType.FURNITURE and page.page == 1
        assert 3 <= len(item.regions) <= 5
        tops = {round(r[1]) for r in item.regions}
        assert len(tops) == 1, (lang, tops)
        boxes = sorted(item.regions)
        assert all(a[2] < b[0] for a, b in itertools.pairwise(boxes))
        words = pdf_words(ed.pdf, page.page)
        for r in boxes:
            assert sum(r[0] <= (w[0] + w[2]) / 2 <= r[2] and r[1] <= (w[1] + w[3]) / 2 <= r[3] for w in words) >= 2


def test_opinion_boxes_are_framed_tinted_articles(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "opinion"):
        assert item.type is ItemType.ARTICLE and item.headline and item.byline and item.body
        rects = [p for p in layer(ed.pdf, page.page).pictures if "fill" in p]
        x0, y0 = min(r[0] for r in item.regions), min(r[1] for r in item.regions)
        x1, y1 = max(r[2] for r in item.regions), max(r[3] for r in item.regions)
        frames = [
            r for r in rects if r["fill"] and r["x0"] <= x0 and x1 <= r["x1"] and r["top"] <= y0 and y1 <= r["bottom"]
        ]
        assert frames, (lang, page.page, item.id)


def test_editorial_adverts_and_imprints_are_not_articles(editions: dict[str, GeneratedEdition]) -> None:
    for lang, ed, page, item in cases(editions, "advert"):
        assert item.type is ItemType.ADVERT
        words = region_words(ed, page, item)
        assert len(words) >= 15 and any(re.search(r"\d", w) for w in words), (lang, page.page)
    for lang, ed, page, item in cases(editions, "imprint"):
        assert item.type is ItemType.FURNITURE
        sizes = [c["size"] for c in chars(ed.pdf, page.page) if inside(item, c)]
        assert Counter(s <= 7.0 for s in sizes)[True] > 0.8 * len(sizes), (lang, page.page)
        words = region_words(ed, page, item)
        assert any(lab + ":" in words for lab in daily_vocab(lang)["imprint"])


def test_daily_option_leaves_other_pages_alone_and_is_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = generate_edition(SyntheticOptions(seed=31, pages=1), tmp_path / "plain")
    daily = generate_edition(SyntheticOptions(seed=31, pages=1, daily=True), tmp_path / "daily")
    assert plain.classes == [{}] and daily.classes[0]
    assert page_to_json(plain.pages[0]) != page_to_json(daily.pages[0])
    assert cli_main([str(tmp_path / "cli"), "--seed", "36", "--language", "pt", "--daily"]) == 0
    assert (tmp_path / "cli" / "synthetic-p1.gt.json").exists()
    assert cli_main([str(tmp_path / "rtl"), "--rtl", "--daily"]) == 2
    assert "left-to-right" in capsys.readouterr().err
    assert not (tmp_path / "rtl").exists()
