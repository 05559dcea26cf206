#!/usr/bin/env python3
"""Experiment (issue 9, "learned parts where they beat rules"): does a small classifier tell
headline lines better than the rules, on the held-out real pages?

usage: learned_line_roles.py [--shared ../shared] [--out build/learned-roles]

Training pages: generated editions (daily-style, plain, Arabic, Urdu; fixed seeds) and the shared
corpus's tune pages whose ground truth has text. Test pages: the held-out publications of
tools/corpus-split.toml. One row per line the extractor finds (``--explain``): its size against the
page's body size, weight, slant, capitals, length, width and place on the page; the label says
whether the line's text is part of the headline of the ground-truth article it lies in. The rules'
call is the role the extractor gave the line. A gradient-boosted classifier (scikit-learn, CPU) is
trained on the training rows and both are scored on the test rows: precision, recall and F1 of
"headline line".

Needs scikit-learn, which the project does not depend on: ``.venv/bin/pip install scikit-learn``.
The result is in docs/evaluation.md; the rules were kept.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from broadsheet.evaluate.split import load_split  # noqa: E402
from broadsheet.extract import extract_pages  # noqa: E402
from broadsheet.extract.model import TextLayer  # noqa: E402
from broadsheet.extract.options import ExtractOptions  # noqa: E402
from broadsheet.synthetic import SyntheticOptions, generate_edition  # noqa: E402

FEATURES = ("ratio", "bold", "italic", "capitals", "chars", "words", "width", "x0", "y0", "stop")
GENERATED = [
    *(SyntheticOptions(seed=s, pages=2, daily=True) for s in range(701, 709)),
    *(SyntheticOptions(seed=s, pages=2) for s in range(711, 715)),
    *(SyntheticOptions(seed=s, pages=2, direction="rtl", language="ar") for s in range(721, 724)),
    *(SyntheticOptions(seed=s, pages=2, direction="rtl", language="ur") for s in range(731, 733)),
]


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def line_rows(gt_path: Path, pdf: Path) -> list[dict[str, Any]]:
    """Features, label and the rules' call for each line of the page a ground-truth file names."""
    truth = json.loads(gt_path.read_text(encoding="utf-8"))
    (page,) = extract_pages(pdf, pages=[int(truth["page"])], options=ExtractOptions(explain=True))
    if page.text_layer is not TextLayer.OK or not page.decisions:
        return []
    sizes = [d.size for d in page.decisions for _ in range(max(1, len(d.text) // 10))]
    body = statistics.median(sizes)
    rows = []
    for d in page.decisions:
        x0, y0, x1, y1 = d.box
        centre = ((x0 + x1) / 2, (y0 + y1) / 2)
        item = next((i for i in truth["items"] if any(_holds(r, centre) for r in i["regions"])), None)
        text = _norm(d.text)
        if not text:
            continue
        headline = _norm(item.get("headline")) if item and item["type"] == "article" else ""
        letters = [c for c in d.text if c.isalpha()]
        font = d.font.lower()
        rows.append(
            {
                "label": int(bool(headline) and text in headline),
                "rules": int(d.role == "headline"),
                "ratio": d.size / body,
                "bold": int(any(w in font for w in ("bold", "black", "heavy"))),
                "italic": int("italic" in font or "oblique" in font),
                "capitals": sum(c.isupper() for c in letters) / max(1, len(letters)),
                "chars": len(d.text),
                "words": len(d.text.split()),
                "width": (x1 - x0) / page.width,
                "x0": x0 / page.width,
                "y0": y0 / page.height,
                "stop": int(d.text.rstrip().endswith((".", ":"))),
            }
        )
    return rows


def _holds(region: list[float], point: tuple[float, float]) -> bool:
    return region[0] <= point[0] <= region[2] and region[1] <= point[1] <= region[3]


def _corpus_pages(corpus: Path, names: set[str]) -> list[tuple[Path, Path]]:
    split = load_split(ROOT / "tools" / "corpus-split.toml")
    pages = []
    for publication in split.publications:
        if publication.name not in names or publication.scan:
            continue
        for pattern in publication.pages:
            for gt in sorted(corpus.glob(pattern)):
                truth = json.loads(gt.read_text(encoding="utf-8"))
                if any(i.get("body") for i in truth["items"]):  # ground truth with text
                    pages.append((gt, gt.parent / truth["source"]))
    return pages


def _scores(label: np.ndarray, call: np.ndarray) -> str:
    hits = int((label & call).sum())
    p, r = hits / max(1, int(call.sum())), hits / max(1, int(label.sum()))
    return f"precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}"


def main() -> int:
    from sklearn.ensemble import HistGradientBoostingClassifier  # type: ignore[import-not-found,import-untyped,unused-ignore]

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    corpus = args.shared / "corpus"
    split = load_split(ROOT / "tools" / "corpus-split.toml")
    train: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for k, options in enumerate(GENERATED):
            edition = generate_edition(options, Path(folder), f"e{k}")
            for gt in edition.ground_truth:
                train += line_rows(gt, edition.pdf)
    for gt, pdf in _corpus_pages(corpus, {p.name for p in split.in_set("tune")}):
        train += line_rows(gt, pdf)
    test = [
        row
        for gt, pdf in _corpus_pages(corpus, {p.name for p in split.in_set("held-out")})
        for row in line_rows(gt, pdf)
    ]

    def matrix(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x = np.array([[float(r[f]) for f in FEATURES] for r in rows])
        return x, np.array([r["label"] for r in rows]), np.array([r["rules"] for r in rows])

    x_train, y_train, _ = matrix(train)
    x_test, y_test, rules = matrix(test)
    model = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(x_train, y_train)
    print(f"training lines {len(train)}, held-out lines {len(test)} ({int(y_test.sum())} in headlines)")
    print("held-out, rules:      " + _scores(y_test, rules))
    print("held-out, classifier: " + _scores(y_test, model.predict(x_test)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
