"""Publication profiles measured: learn from one set of a paper's pages, extract the next with it.

The pairs come from the corpus split file (``[[next-edition]]`` tables: ``publication``, ``learn``
and ``test`` globs, "labels/" for the project's own labels); generated papers are added: two days
of one house style (houses 601-603, four pages a day), the first day's profile used on the second.
Each test set is scored without the profile and with it.
"""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadsheet.evaluate.corpus import GT_SUFFIX, evaluate_page, load_ground_truth, load_prediction, prediction_path
from broadsheet.evaluate.predict import predict
from broadsheet.evaluate.report import Summary, summarize
from broadsheet.extract.learn import learn_from_pages
from broadsheet.extract.profile import Profile
from broadsheet.synthetic import SyntheticOptions, generate_edition

HOUSES = (601, 602, 603)
LABELS = "labels/"


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    learn: list[Path]
    test: list[Path]
    root: Path  # the test pages' ground-truth folder
    pdf_dir: Path | None  # where their PDFs are, when not beside them


def measure_next_edition(split: Path, corpus: Path, labels: Path, out: Path) -> dict[str, dict[str, Any]]:
    """For every case: the pages learned from and tested on, and the figures without and with the profile."""
    results: dict[str, dict[str, Any]] = {}
    for k, case in enumerate([*_split_cases(split, corpus, labels), *_generated_cases(out)]):
        profile, notes = learn_from_pages(case.learn, case.name, case.pdf_dir)
        row: dict[str, Any] = {"learned_from": [p.name for p in case.learn], "tested_on": [p.name for p in case.test]}
        row["notes"] = notes
        for label, used in (("without", None), ("with profile", profile)):
            row[label] = _score(case, out / f"case{k}" / label.replace(" ", "-"), used).to_json()
        results[f"{case.name} ({k})"] = row
    return results


def _score(case: Case, pred: Path, profile: Profile | None) -> Summary:
    shutil.rmtree(pred, ignore_errors=True)
    predict(case.test, case.root, pred, case.pdf_dir, profile)
    pages = []
    for gt in case.test:
        prediction, problem = load_prediction(prediction_path(gt, case.root, pred))
        pages.append(evaluate_page(load_ground_truth(gt, case.pdf_dir), prediction, problem))
    return summarize(p.counts for p in pages)


def _split_cases(split: Path, corpus: Path, labels: Path) -> list[Case]:
    pairs = tomllib.loads(split.read_text(encoding="utf-8")).get("next-edition", [])
    cases = []
    for pair in pairs:
        own = pair["test"][0].startswith(LABELS)
        root, pdf_dir = (labels, corpus / "real-unlabelled") if own else (corpus, None)
        learn, test = (_resolve(pair[k], corpus, labels) for k in ("learn", "test"))
        cases.append(Case(pair["publication"], learn, test, root, pdf_dir))
    return cases


def _generated_cases(out: Path) -> list[Case]:
    cases = []
    for house in HOUSES:
        days = [out / f"house{house}" / f"day{d}" for d in (1, 2)]
        for d, folder in enumerate(days, 1):
            shutil.rmtree(folder, ignore_errors=True)
            generate_edition(SyntheticOptions(seed=house * 10 + d, pages=4, daily=True, house_style=house), folder)
        learn, test = (sorted(day.glob("*" + GT_SUFFIX)) for day in days)
        cases.append(Case(f"generated house {house}", learn, test, days[1], None))
    return cases


def _resolve(globs: list[str], corpus: Path, labels: Path) -> list[Path]:
    out: list[Path] = []
    for pattern in globs:
        base, rel = (labels, pattern[len(LABELS) :]) if pattern.startswith(LABELS) else (corpus, pattern)
        out += sorted(base.glob(rel))
    return out
