"""Score a folder of predictions against a folder of ground truth.

Ground truth ``x.gt.json`` (searched recursively) is compared with the prediction ``x.json`` at the
same relative path under the prediction folder. A missing or unreadable prediction scores zero for
that page; a broken ground-truth file or a missing PDF is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadsheet.errors import InputFileError, UsageError
from broadsheet.evaluate.metrics import PageCounts, score_page
from broadsheet.evaluate.report import Evaluation, PageScore, summarize
from broadsheet.evaluate.words import Word, pdf_words, words_from_json
from broadsheet.extract.model import PageResult
from broadsheet.pagejson import page_from_json, read_page_object

GT_SUFFIX = ".gt.json"
PRED_SUFFIX = ".json"


@dataclass(frozen=True, slots=True)
class GroundTruth:
    """A ground-truth page and the words it is scored on."""

    path: Path
    page: PageResult
    words: list[Word]


def load_page(path: Path) -> tuple[PageResult, dict[str, Any]]:
    """A page-JSON file parsed, and its raw object; :class:`InputFileError` if it is not one."""
    data = read_page_object(path)
    items = data.get("items", [])
    for item in items if isinstance(items, list) else []:
        regions = item.get("regions") if isinstance(item, dict) else None
        if not isinstance(regions or [], list) or any(not isinstance(r, list) or len(r) != 4 for r in regions or []):
            raise InputFileError(f"{path}: item {item.get('id')!r} has malformed regions")
    try:
        return page_from_json(data), data
    except InputFileError as e:
        raise InputFileError(f"{path}: {e}") from e


def load_ground_truth(path: Path, pdf_dir: Path | None = None) -> GroundTruth:
    """Read ``x.gt.json`` with its words: its own ``words`` (scans), else the PDF's text layer.

    The PDF named in ``source`` is looked up next to the ground truth, then in ``pdf_dir``.
    """
    page, data = load_page(path)
    raw_words = data.get("words")
    if raw_words:
        try:
            words = words_from_json(raw_words)
        except InputFileError as e:
            raise InputFileError(f"{path}: {e}") from e
    else:
        pdf = path.parent / page.source
        if not pdf.exists() and pdf_dir is not None:
            pdf = pdf_dir / page.source
        if not pdf.exists():
            raise InputFileError(f"{path}: PDF {page.source!r} not found next to it or in the PDF folder")
        words = pdf_words(pdf, page.page)
    return GroundTruth(path, page, words)


def prediction_path(gt_path: Path, gt_dir: Path, pred_dir: Path) -> Path:
    """``GT_DIR/sub/x.gt.json`` -> ``PRED_DIR/sub/x.json``."""
    rel = gt_path.relative_to(gt_dir)
    return pred_dir / rel.with_name(rel.name[: -len(GT_SUFFIX)] + PRED_SUFFIX)


def load_prediction(path: Path) -> tuple[PageResult | None, str]:
    """The predicted page, or ``None`` and why not."""
    if not path.exists():
        return None, "no prediction"
    try:
        page, _ = load_page(path)
    except InputFileError as e:
        return None, f"invalid prediction: {e}"
    return page, ""


def evaluate_page(gt: GroundTruth, pred: PageResult | None, problem: str = "") -> PageScore:
    counts: PageCounts = score_page(gt.page, pred, gt.words)
    return PageScore(counts=counts, summary=summarize([counts]), problem=problem)


def evaluate_dirs(gt_dir: Path, pred_dir: Path, pdf_dir: Path | None = None) -> Evaluation:
    """Score every ``*.gt.json`` under ``gt_dir`` against its prediction under ``pred_dir``."""
    if not gt_dir.is_dir():
        raise UsageError(f"ground-truth folder {gt_dir} does not exist")
    if not pred_dir.is_dir():
        raise UsageError(f"prediction folder {pred_dir} does not exist")
    gt_paths = sorted(gt_dir.rglob("*" + GT_SUFFIX))
    if not gt_paths:
        raise UsageError(f"no *{GT_SUFFIX} files under {gt_dir}")
    pages: dict[str, PageScore] = {}
    for gt_path in gt_paths:
        gt = load_ground_truth(gt_path, pdf_dir)
        pred, problem = load_prediction(prediction_path(gt_path, gt_dir, pred_dir))
        pages[str(gt_path.relative_to(gt_dir))] = evaluate_page(gt, pred, problem)
    return Evaluation(corpus=summarize(p.counts for p in pages.values()), pages=pages)
