#!/usr/bin/env python3
"""Make ground truth for a real page by hand, from the line stage's lines (tools/labels/README.md).

usage:
  label.py lines PDF [--page N] [--ocr LANG]        numbered lines (box, size, bold, text) and images
  label.py render PDF OUT.png [--page N] [--numbers] [--dpi D] [--ocr LANG]
                                                    the page, with a 50 pt grid (and the line numbers)
  label.py build PDF GROUPING OUT.gt.json [--page N] [--source NAME] [--direction rtl] [--language ar]
                  [--ocr LANG]                      a page JSON from a hand-written grouping file
  label.py check PDF GT.json [--page N]             every word centre (of the text layer, or the label's
                                                    own words) in exactly one item; no two items'
                                                    rectangles overlap
  label.py overlay PDF GT.json OUT.png [--page N]   the regions drawn over the page, to review

Only the line stage is used (``broadsheet.extract.lines.find_lines``), never the article extractor,
so that a page can be labelled *blind*: without seeing what the extractor makes of it.

A page with no text layer (text drawn as outlines or pictures) is read with ``--ocr LANG`` (ISO 639-1,
``hi``): the project's own OCR stage (``broadsheet.ocr.scan_content``) reads the page rendered as the
extractor renders an image-only page, and the line stage numbers its lines. ``build --ocr`` then writes
the page's OCR words into the label, as a scan's ground truth has them (the scorer's units), each with
its box and an empty text: no page text in a committed label. Tesseract's words are cached under
``$TMPDIR/broadsheet-label-ocr-UID/`` (OCR of a broadsheet page takes seconds to a minute; ``--ocr-cache``
elsewhere).

A grouping file says which lines make which item, one item a line, in the page's reading order::

    # comment
    a1 article: R(28,170,220,840)
    a5 article: R(260,1340,605,1512) | R(618,1340,725,1470) -L412
    f2 furniture: B(70,108,215,176)

``|`` separates the item's rectangles (one per column part). A rectangle is the tight union of what
its selectors take: ``R(x0,y0,x1,y1)`` every line and image whose centre lies in that box, ``L12`` or
``L12-40`` lines by number (as ``lines`` prints them), ``I2`` an image, ``B(x0,y0,x1,y1)`` a box
as written (a picture drawn in vector paths, which has no image object). ``-L12`` leaves a line out
of the item. ``L12<650`` and ``L12>650`` take the words of line 12 whose centres lie left (right) of
x = 650: a line the line stage ran across two items (OCR joins two stories' subheads side by side).
Selecting lines by number and by box keeps page text out of the grouping file: labels committed to
the repository have regions and types only, every text field null (publishers' rights). Every word
of every line must end up in exactly one item.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import broadsheet  # noqa: F401
except ImportError:  # not installed (make setup installs it): run from the checkout
    sys.path.insert(0, str(ROOT / "src"))

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from broadsheet.errors import BroadsheetError  # noqa: E402
from broadsheet.evaluate.words import pdf_words  # noqa: E402
from broadsheet.extract.line import Line  # noqa: E402
from broadsheet.extract.lines import FRAGMENT_GAP, find_lines  # noqa: E402
from broadsheet.geometry import Box, union  # noqa: E402
from broadsheet.ocr import require_known_language, scan_content, tesseract_languages  # noqa: E402
from broadsheet.ocr.tesseract import OcrWord, read_words  # noqa: E402
from broadsheet.pdf.content import PageContent, read_page_content  # noqa: E402
from broadsheet.pdf.document import load_page, open_pdf  # noqa: E402

Json = dict[str, Any]
ARTICLE_FIELDS: Json = {
    "kicker": None,
    "headline": None,
    "subheadline": None,
    "byline": None,
    "body": None,
    "captions": [],
    "jump": None,
}
TYPES = ("article", "advert", "masthead", "furniture", "photo")
COLOURS = {"article": "red", "advert": "green", "masthead": "purple", "furniture": "blue", "photo": "orange"}
GRID = 50.0  # pt between the grid lines of ``render``
OCR_DPI = 300  # an image-only page is read at this resolution, as the extractor does (ExtractOptions.ocr_dpi)
OCR_CACHE = Path(tempfile.gettempdir()) / f"broadsheet-label-ocr-{os.getuid()}"
NUMBER = r"-?\d+(?:\.\d+)?"
BOX = rf"\(\s*({NUMBER})\s*,\s*({NUMBER})\s*,\s*({NUMBER})\s*,\s*({NUMBER})\s*\)"
SELECTOR = re.compile(rf"(-?)(?:L(\d+)(?:-(\d+)|([<>])({NUMBER}))?|I(\d+)|([RB]){BOX})")


class LabelError(Exception):
    """A grouping file that does not describe the page: shown as one line, exit status 1."""


@dataclass
class PageLines:
    """What the line stage finds on one page, numbered as ``lines`` prints it."""

    content: PageContent
    lines: list[Line]

    @property
    def images(self) -> list[Box]:
        return list(self.content.images)

    @property
    def ocr(self) -> bool:
        """Read by OCR: the page's words are its lines' words, not a text layer's."""
        return self.content.ocr


@dataclass
class Item:
    id: str
    type: str
    parts: list[list[tuple[int | None, Box]]] = field(default_factory=list)  # each rectangle's (line, box)
    lines: set[int] = field(default_factory=set)
    words: dict[int, set[int]] = field(default_factory=dict)  # a line's words taken apart (``L12<650``)


@contextmanager
def _page(pdf: Path, number: int) -> Iterator[pdfium.PdfPage]:
    with open_pdf(pdf) as doc:
        if not 1 <= number <= len(doc):
            raise LabelError(f"{pdf}: no page {number} (it has {len(doc)})")
        page = load_page(doc, number)
        try:
            yield page
        finally:
            page.close()


def read_lines(pdf: Path, number: int, ocr: str | None = None, cache: Path = OCR_CACHE) -> PageLines:
    """The page's lines, numbered top to bottom as the line stage orders them; with ``ocr`` (a
    language), of what OCR reads off the page instead of its text layer."""
    if ocr is not None:
        require_known_language(ocr)
    with _page(pdf, number) as page:
        content = read_page_content(page, number) if ocr is None else _ocr_content(pdf, page, number, ocr, cache)
    if any(content.margins):  # its lines are in the frame of the printed part, labels in the CropBox's
        raise LabelError(
            f"{pdf}: page {number} is a press PDF's, printed inside a TrimBox; labelling it is not supported"
        )
    return PageLines(content, find_lines(content.glyphs, content.vrules, FRAGMENT_GAP))


def _ocr_content(pdf: Path, page: pdfium.PdfPage, number: int, language: str, cache: Path) -> PageContent:
    """The page as the extractor's OCR stage reads an image-only page: rendered in grey at
    :data:`OCR_DPI`, read with Tesseract in ``language``'s model. Tesseract's words are cached as
    JSON (not pickled: the cache is in a shared temporary folder), keyed by the file's bytes."""
    scale = OCR_DPI / 72.0
    image = page.render(scale=scale, may_draw_forms=False, grayscale=True).to_pil()
    languages = tesseract_languages(language)
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()[:20]
    cached = cache / f"{digest}-p{number}-{languages}-{OCR_DPI}.json"
    if cached.is_file():
        words = [OcrWord(tuple(w["box"]), w["text"], w["confidence"], tuple(w["line"])) for w in _load(cached)]
    else:
        words = read_words(image, languages)
        cache.mkdir(mode=0o700, parents=True, exist_ok=True)
        raw = [{"box": w.box, "text": w.text, "confidence": w.confidence, "line": w.line} for w in words]
        partial = cached.with_suffix(".part")
        partial.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        partial.replace(cached)
    return scan_content(image, number, languages, scale, read=lambda _image: words)


def _load(path: Path) -> list[Json]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise LabelError(f"{path}: not a cache of OCR words (delete it)")
    return data


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _within(box: Box, frame: Box) -> bool:
    cx, cy = _centre(box)
    return frame[0] <= cx <= frame[2] and frame[1] <= cy <= frame[3]


def parse_grouping(text: str, page: PageLines) -> list[Item]:
    """Items from a grouping file; :class:`LabelError` on a malformed line or a line left unplaced."""
    items: list[Item] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, sep, spec = line.partition(":")
        words = head.split()
        if not sep or len(words) != 2 or words[1] not in TYPES:
            raise LabelError(f"grouping line {number}: expected 'ID TYPE: SELECTORS', got {raw!r}")
        item = Item(words[0], words[1])
        for part in spec.split("|"):
            item.parts.append(_part(part, page, item, number))
        items.append(item)
    _check_placed(items, page)
    return items


def _part(spec: str, page: PageLines, item: Item, number: int) -> list[tuple[int | None, Box]]:
    """The boxes one rectangle of ``item`` is the union of, each with its line's number (none for an
    image or a box); its lines are added to the item."""
    boxes: list[tuple[int | None, Box]] = []
    rest = SELECTOR.sub("", spec).strip()
    if rest:
        raise LabelError(f"grouping line {number}: cannot read {rest!r}")
    for m in SELECTOR.finditer(spec):
        minus, first, last, image, kind = m.group(1), m.group(2), m.group(3), m.group(6), m.group(7)
        if first is not None and m.group(4):
            boxes.append(_split_line(page, item, int(first), m.group(4), float(m.group(5)), number))
        elif first is not None:
            chosen = set(range(int(first), int(last or first) + 1))
            if max(chosen) >= len(page.lines):
                raise LabelError(f"grouping line {number}: no line {max(chosen)} (the page has {len(page.lines)})")
            if minus:
                item.lines -= chosen
                continue
            item.lines |= chosen
            boxes += [(i, page.lines[i].extent) for i in sorted(chosen)]
        elif image is not None:
            boxes.append((None, page.images[int(image)]))
        else:
            frame = (float(m.group(8)), float(m.group(9)), float(m.group(10)), float(m.group(11)))
            if kind == "B":
                boxes.append((None, frame))
                continue
            chosen = {i for i, ln in enumerate(page.lines) if _within(ln.extent, frame)}
            item.lines |= chosen
            boxes += [(i, page.lines[i].extent) for i in sorted(chosen)]
            boxes += [(None, img) for img in page.images if _within(img, frame)]
    return boxes


def _split_line(page: PageLines, item: Item, line: int, side: str, x: float, number: int) -> tuple[None, Box]:
    """The box of line ``line``'s words whose centres lie on ``side`` (``<`` left, ``>`` right) of ``x``,
    cut at ``x`` (OCR's word boxes reach past a gap); they are the item's. Not a line's box: ``-L``
    leaves it in."""
    if line >= len(page.lines):
        raise LabelError(f"grouping line {number}: no line {line} (the page has {len(page.lines)})")
    words = page.lines[line].words
    chosen = {k for k, w in enumerate(words) if (_centre(w.box)[0] < x) == (side == "<")}
    if not chosen:
        raise LabelError(f"grouping line {number}: line {line} has no word {side} {x:g}")
    item.words.setdefault(line, set()).update(chosen)
    x0, y0, x1, y1 = union([words[k].box for k in sorted(chosen)])
    return None, ((x0, y0, min(x1, x), y1) if side == "<" else (max(x0, x), y0, x1, y1))


def _check_placed(items: list[Item], page: PageLines) -> None:
    """Every word of every line in exactly one item: a line is placed whole, or word by word."""
    owners: dict[int, dict[int, list[str]]] = {}
    for item in items:
        for i in item.lines:
            for k in range(max(1, len(page.lines[i].words))):
                owners.setdefault(i, {}).setdefault(k, []).append(item.id)
        for i, chosen in item.words.items():
            for k in chosen:
                owners.setdefault(i, {}).setdefault(k, []).append(item.id)
    twice = {i: sorted({o for ids in by_word.values() if len(ids) > 1 for o in ids}) for i, by_word in owners.items()}
    twice = {i: ids for i, ids in twice.items() if ids}
    missing = [i for i, ln in enumerate(page.lines) if len(owners.get(i, {})) < max(1, len(ln.words))]
    if twice or missing:
        raise LabelError(f"lines in two items: {twice or 'none'}; lines in none: {missing or 'none'}")


def _region(boxes: list[tuple[int | None, Box]], lines: set[int]) -> list[float] | None:
    """The part's rectangle: its boxes, less the lines the item left out (``-L``)."""
    kept = [box for line, box in boxes if line is None or line in lines]
    if not kept:
        return None
    return [round(v, 2) for v in union(kept)]


def build_page(
    items: list[Item], page: PageLines, source: str, number: int, direction: str = "ltr", language: str = "en"
) -> Json:
    """The page JSON: regions and types only, every text field null. ``direction`` and ``language``
    are the page's own (an Arabic paper's label says ``rtl``, ``ar``): the line stage cannot tell.
    A page read by OCR carries its words, the units it is scored in, as a scan's label does: boxes
    with empty texts (each word then weighs one character)."""
    out: list[Json] = []
    for item in items:
        regions = [r for r in (_region(p, item.lines) for p in item.parts) if r is not None]
        if not regions:
            raise LabelError(f"{item.id}: takes nothing on the page")
        entry: Json = {"id": item.id, "type": item.type, "regions": regions}
        if item.type == "article":
            entry.update(json.loads(json.dumps(ARTICLE_FIELDS)))
        out.append(entry)
    return {
        "format": "broadsheet-page/1",
        "source": source,
        "page": number,
        "unit": "pt",
        "width": round(page.content.width, 2),
        "height": round(page.content.height, 2),
        "direction": direction,
        "language": language,
        "items": out,
        "words": [[*(round(v, 2) for v in w.box), ""] for ln in page.lines for w in ln.words] if page.ocr else None,
    }


def dump_page(page: Json) -> str:
    """The page JSON as written: indented, but one word to a line (a page read by OCR has thousands)."""
    words = page.get("words")
    text = json.dumps({**page, "words": None}, indent=1, ensure_ascii=False)
    if words:
        rows = ",\n  ".join(json.dumps(w, ensure_ascii=False) for w in words)
        text = text.replace('"words": null', '"words": [\n  ' + rows + "\n ]")
    return text + "\n"


def text_layer_words(pdf: Path, number: int) -> list[tuple[float, float, float, float]]:
    """The word boxes the scorer (../shared/tools/score.py) reads, CropBox-relative, inside the CropBox."""
    return [(w.x0, w.y0, w.x1, w.y1) for w in pdf_words(pdf, number)]


def check_page(pdf: Path, gt: Json) -> list[str]:
    """What is wrong with a label: words in no item or in two, rectangles of two items overlapping."""
    problems = []
    items = gt["items"]
    words = [tuple(w[:4]) for w in gt["words"]] if gt.get("words") else text_layer_words(pdf, gt["page"])
    for box in words:
        owners = [it["id"] for it in items if any(_within(box, r) for r in it["regions"])]
        if len(owners) != 1:
            problems.append(f"word at {[round(v, 1) for v in box]} in {owners or 'no item'}")
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            for ra in a["regions"]:
                for rb in b["regions"]:
                    if min(ra[2], rb[2]) > max(ra[0], rb[0]) and min(ra[3], rb[3]) > max(ra[1], rb[1]):
                        problems.append(f"{a['id']} {ra} overlaps {b['id']} {rb}")
    return problems


def render(pdf: Path, number: int, dpi: float) -> Image.Image:
    with _page(pdf, number) as page:
        image: Image.Image = page.render(scale=dpi / 72.0).to_pil().convert("RGB")
        return image


def draw_grid(image: Image.Image, page: PageLines, scale: float, numbers: bool) -> None:
    draw = ImageDraw.Draw(image)
    width, height = page.content.width, page.content.height
    for k in range(int(width // GRID) + 1):
        x = k * GRID * scale
        draw.line([(x, 0), (x, image.height)], fill=(0, 160, 255), width=1)
        draw.text((x + 2, 2), str(int(k * GRID)), fill=(0, 100, 255))
    for k in range(int(height // GRID) + 1):
        y = k * GRID * scale
        draw.line([(0, y), (image.width, y)], fill=(0, 160, 255), width=1)
        draw.text((2, y + 2), str(int(k * GRID)), fill=(0, 100, 255))
    if numbers:
        for i, ln in enumerate(page.lines):
            x0, y0, x1, y1 = (v * scale for v in ln.extent)
            draw.rectangle([x0, y0, x1, y1], outline=(255, 140, 0))
            draw.text((x1 + 1, y0), str(i), fill=(220, 0, 0))
        for i, img in enumerate(page.images):
            draw.rectangle([v * scale for v in img], outline=(0, 180, 0), width=2)
            draw.text((img[0] * scale + 3, img[1] * scale + 3), f"I{i}", fill=(0, 140, 0))


def draw_regions(image: Image.Image, gt: Json, scale: float) -> None:
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for item in gt["items"]:
        colour = COLOURS.get(item["type"], "black")
        for k, region in enumerate(item["regions"]):
            box = [v * scale for v in region]
            draw.rectangle(box, outline=colour, width=3)
            draw.rectangle(box, fill=_tint(colour))
            if k == 0:
                draw.rectangle([box[0], box[1], box[0] + 70, box[1] + 14], fill="white")
                draw.text((box[0] + 3, box[1] + 2), f"{item['id']} {item['type']}", fill=colour)
    image.paste(Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB"))


def _tint(colour: str) -> tuple[int, int, int, int]:
    rgb = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    assert isinstance(rgb, tuple)
    return (int(rgb[0]), int(rgb[1]), int(rgb[2]), 40)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("lines", "render", "build", "check", "overlay"):
        cmd = sub.add_parser(name)
        cmd.add_argument("pdf", type=Path)
        cmd.add_argument("--page", type=int, default=1)
        if name in ("lines", "render", "build"):
            cmd.add_argument("--ocr", metavar="LANG", help="read the page by OCR in LANG (ISO 639-1): no text layer")
            cmd.add_argument("--ocr-cache", type=Path, default=OCR_CACHE, help=f"OCR words cached here ({OCR_CACHE})")
        if name == "render":
            cmd.add_argument("out", type=Path)
            cmd.add_argument("--numbers", action="store_true")
            cmd.add_argument("--dpi", type=float, default=100.0)
        if name == "build":
            cmd.add_argument("grouping", type=Path)
            cmd.add_argument("out", type=Path)
            cmd.add_argument("--source", help="the PDF's name in the corpus (default: its file name)")
            cmd.add_argument("--direction", choices=("ltr", "rtl"), default="ltr", help="the page's script direction")
            cmd.add_argument("--language", help="the page's language, ISO 639-1 (default: --ocr's, else en)")
        if name in ("check", "overlay"):
            cmd.add_argument("gt", type=Path)
        if name == "overlay":
            cmd.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except (LabelError, BroadsheetError, OSError) as e:
        print(f"label.py: {e}", file=sys.stderr)
        return 1
    except (ValueError, KeyError) as e:  # a label or grouping file that is not what it should be
        print(f"label.py: not a page-JSON label ({type(e).__name__}: {e})", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        gt = json.loads(args.gt.read_text(encoding="utf-8"))
        problems = check_page(args.pdf, gt)
        for p in problems:
            print(p)
        print(f"{args.gt.name}: {len(gt['items'])} items, {len(problems)} problems")
        return 1 if problems else 0
    if args.command == "overlay":
        gt = json.loads(args.gt.read_text(encoding="utf-8"))
        image = render(args.pdf, args.page, 100.0)
        draw_regions(image, gt, 100.0 / 72.0)
        image.save(args.out)
        return 0
    page = read_lines(args.pdf, args.page, args.ocr, args.ocr_cache)
    if args.command == "lines":
        for i, ln in enumerate(page.lines):
            box = " ".join(f"{v:7.1f}" for v in ln.extent)
            flags = ("B" if ln.bold > 0.5 else "-") + ("I" if ln.italic > 0.5 else "-") + ("S" if ln.sideways else "-")
            print(f"L{i:<4} {box}  {ln.size:5.1f} {flags}  {ln.text}")
        for i, img in enumerate(page.images):
            print(f"I{i:<4} " + " ".join(f"{v:7.1f}" for v in img))
    elif args.command == "render":
        image = render(args.pdf, args.page, args.dpi)
        draw_grid(image, page, args.dpi / 72.0, args.numbers)
        image.save(args.out)
    else:
        items = parse_grouping(args.grouping.read_text(encoding="utf-8"), page)
        language = args.language or args.ocr or "en"
        out = build_page(items, page, args.source or args.pdf.name, args.page, args.direction, language)
        args.out.write_text(dump_page(out), encoding="utf-8")
        print(f"{args.out}: {len(out['items'])} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
