#!/usr/bin/env python3
"""Where each picture of a scored page went — into a story or not: a figure the reference scorer does not count.

usage: pictures.py OUT [--shared ../shared] [--list]

The reference scorer scores words, so a picture advert read as a story's own picture costs nothing in
its figures; yet on the page a reader who clicks the advert opens the story, and the story's highlight
and its shared link's picture cover the advert. For every page ``tools/eval.py`` or ``tools/seeds.py``
predicted into OUT, each picture of the PDF page (an image object covering at least PICTURE_SHARE of
the page, and not the whole page: a scan) is placed by its centre, in the ground truth and in the
prediction: inside an article's region, or not. Printed per folder of OUT: how many pictures, and the
share placed alike (in a story in both, or in none in both); ``--list`` prints each one placed apart.
A page whose prediction, ground truth or PDF cannot be read stops the count (exit status 2, one line
saying which): a page left out would change the figure. Pages whose ground truth is not in points
(scans measured in pixels) are left out, and so is eval.py's ``next-edition`` folder (the same pages
again).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import broadsheet  # noqa: F401
except ImportError:  # not installed (make setup installs it): run from the checkout
    sys.path.insert(0, str(ROOT / "src"))

from broadsheet.errors import BroadsheetError  # noqa: E402
from broadsheet.extract import load_page  # noqa: E402
from broadsheet.geometry import Box  # noqa: E402
from broadsheet.pdf.content import read_page_content  # noqa: E402
from broadsheet.pdf.document import open_pdf  # noqa: E402

LABELS = ROOT / "tools" / "labels"
# A picture covers at least this share of the page (smaller images are logos, icons, rules drawn as images)...
PICTURE_SHARE = 0.02
# ...and less than this share (an image the size of the page is a scan or a background).
WHOLE_PAGE = 0.8

# tools/eval.py's folder of the same pages extracted again with a publication profile: counted once
REPEATED = "next-edition"

Json = dict[str, Any]


def pictures(pdf: Path, number: int) -> list[Box]:
    """The page's pictures, top-down in points as page JSON's regions are."""
    with open_pdf(pdf) as doc:
        page = load_page(doc, number)
        try:
            content = read_page_content(page, number)
        finally:
            page.close()
    area = content.width * content.height
    return [b for b in content.images if PICTURE_SHARE * area <= (b[2] - b[0]) * (b[3] - b[1]) < WHOLE_PAGE * area]


def placed(items: list[Json], box: Box) -> str:
    """``article <id>`` when the picture's centre lies in an article's region, else the type of the
    item it lies in, else ``none``."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for item in items:
        if any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in item.get("regions") or []):
            return f"article {item['id']}" if item["type"] == "article" else item["type"]
    return "none"


def ground_truth(pred: Path, corpus: Path) -> Path | None:
    """The ground truth of a prediction: beside it in a generated edition's ``gt/``, else in the corpus
    or the project's labels."""
    name = pred.stem + ".gt.json"
    beside = pred.parent.parent / "gt" / name
    if beside.is_file():
        return beside
    return next((p for p in [*corpus.rglob(name), LABELS / name] if p.is_file()), None)


def source_pdf(gt: Path, source: str, corpus: Path) -> Path:
    """The PDF a ground-truth page names: beside it, else in the corpus's unlabelled folder."""
    places = (gt.parent / source, corpus / "real-unlabelled" / source)
    return next((p for p in places if p.is_file()), places[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("out", type=Path, help="tools/eval.py's or tools/seeds.py's output folder")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--list", action="store_true", help="print each picture the two place apart")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pred in sorted(args.out.rglob("*.json")):
        gt = ground_truth(pred, corpus) if not pred.name.endswith(".gt.json") else None
        if gt is None:
            continue
        folder = pred.relative_to(args.out).parts[0]
        if folder == REPEATED:
            continue
        try:
            truth, guess = json.loads(gt.read_text("utf-8")), json.loads(pred.read_text("utf-8"))
            if truth.get("unit", "pt") != "pt":
                continue  # a scan, its source an image, not a PDF
            found = pictures(source_pdf(gt, truth["source"], corpus), truth["page"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, BroadsheetError) as e:
            # a page left out would change the figure: no figure rather than a wrong one
            print(f"pictures: {pred} (ground truth {gt}) cannot be read: {e}", file=sys.stderr)
            return 2
        for box in found:
            want, got = placed(truth["items"], box), placed(guess["items"], box)
            alike = want.startswith("article") == got.startswith("article")
            counts[folder][0] += 1
            counts[folder][1] += alike
            if args.list and not alike:
                print(f"{pred.stem:40s} {[round(v) for v in box]}  truth: {want:12s} predicted: {got}")
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    for name, (n, alike) in [*sorted(counts.items()), ("all", total)]:
        print(f"{name:28s} pictures {n:5d}  placed alike {alike:5d}  ({alike / max(n, 1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
