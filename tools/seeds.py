#!/usr/bin/env python3
"""Batches of generated pages, scored: the "fresh seeds" figures of docs/evaluation.md.

usage: seeds.py OUT BATCH [BATCH ...] [--language LANG]

A batch B is ten editions of three pages each, every one drawn from its own seed:
daily-style B11-B16, plain B21-B22, Arabic B31 and Urdu B41 (batch 14: seeds 1411-1416, ...).
With --language (a left-to-right language other than English) a batch is only its daily and
plain editions, in that language. Each edition is generated into OUT/<batch>/<seed>/, predicted
by the extractor (the predictor of ``make eval``) and scored with broadsheet.evaluate. One line
per batch is printed, then the pooled figures; every page's counts go to OUT/seeds.json, so two
runs (before and after a change) can be compared page by page.

A batch is fresh only until its pages have been looked at: say which figures were first scored.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import broadsheet  # noqa: F401
except ImportError:  # not installed (make setup installs it): run from the checkout
    sys.path.insert(0, str(ROOT / "src"))

from broadsheet.evaluate import evaluate_dirs  # noqa: E402
from broadsheet.evaluate.predict import predict_folder  # noqa: E402
from broadsheet.evaluate.report import PageScore, Summary, fig, summarize  # noqa: E402
from broadsheet.synthetic import SyntheticOptions, generate_edition  # noqa: E402
from broadsheet.synthetic.daily_vocab import DAILY_LANGUAGES  # noqa: E402

PAGES_PER_EDITION = 3


@dataclass(frozen=True)
class Edition:
    """One generated edition of a batch: its seed and the options it is drawn with."""

    seed: int
    options: SyntheticOptions


def batch_editions(batch: int, language: str | None) -> list[Edition]:
    """The ten editions of batch B (or its eight daily and plain ones in another language)."""
    lang = language or "en"
    base = batch * 100

    def ed(seed: int, **kw: object) -> Edition:
        return Edition(seed, SyntheticOptions(seed=seed, pages=PAGES_PER_EDITION, **kw))  # type: ignore[arg-type]

    editions = [ed(base + i, daily=True, language=lang) for i in range(11, 17)]
    editions += [ed(base + i, language=lang) for i in (21, 22)]
    if language is None:
        editions.append(ed(base + 31, direction="rtl", language="ar"))
        editions.append(ed(base + 41, direction="rtl", language="ur"))
    return editions


def run_edition(edition: Edition, folder: Path) -> dict[str, PageScore]:
    """Generate, predict and score one edition; its pages' scores keyed by the page's file name."""
    shutil.rmtree(folder, ignore_errors=True)
    gt_dir, pred_dir = folder / "gt", folder / "pred"
    generate_edition(edition.options, gt_dir, stem=f"s{edition.seed}")
    for note in predict_folder(gt_dir, pred_dir, gt_dir):
        print(f"  {edition.seed}: {note}", file=sys.stderr)
    return evaluate_dirs(gt_dir, pred_dir, gt_dir).pages


def line(name: str, summary: Summary) -> str:
    return (
        f"{name:<14} pages {summary.pages:>3}  articles {summary.gt_articles:>4} (predicted {summary.pred_articles:>4})"
        f"  F1 {fig(summary.article_f1)}  BCubed {fig(summary.bcubed_f1)}"
        f"  text {fig(summary.text_similarity)}  headlines {fig(summary.headline_accuracy)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("batches", type=int, nargs="+", help="batch numbers: 7 is seeds 711-741")
    ap.add_argument("--language", choices=sorted(DAILY_LANGUAGES - {"en"}), default=None)
    args = ap.parse_args(argv)
    every: dict[str, PageScore] = {}
    for batch in args.batches:
        scores: dict[str, PageScore] = {}
        for edition in batch_editions(batch, args.language):
            pages = run_edition(edition, args.out / str(batch) / str(edition.seed))
            scores.update({f"{edition.seed}/{name}": score for name, score in pages.items()})
        every.update({f"{batch}/{key}": score for key, score in scores.items()})
        print(line(f"batch {batch}", summarize(s.counts for s in scores.values())), flush=True)
    print(line("all", summarize(s.counts for s in every.values())))
    report = {"language": args.language, "pages": {k: v.to_json() for k, v in every.items()}}
    (args.out / "seeds.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
