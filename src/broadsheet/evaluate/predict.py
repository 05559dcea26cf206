"""Run the extractor over the pages a ground-truth folder names, writing predictions to score.

Each ``x.gt.json`` names its source (a PDF, or a page image) and page; the prediction for it is
written to the matching ``x.json`` under the prediction folder (:func:`prediction_path`). Scans
are read by OCR in the language their ground truth gives, as an archive would set it for the paper:
page images, and PDF pages whose ground truth carries its own ``words`` (a PDF with no text layer,
labelled on OCR's words). A born-digital PDF page's language is left to the extractor to tell.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from broadsheet.errors import BroadsheetError
from broadsheet.evaluate.corpus import GT_SUFFIX, prediction_path
from broadsheet.extract import extract_pages
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.profile import Profile
from broadsheet.pagejson import write_page

PDF_SUFFIXES = {".pdf"}


def predict(
    gt_paths: Iterable[Path], gt_dir: Path, pred_dir: Path, pdf_dir: Path | None = None, profile: Profile | None = None
) -> list[str]:
    """Extract every page the ground-truth files name (with the publication's ``profile``, if given);
    returns notes on what failed on the way."""
    # (source, language) -> page -> prediction paths
    wanted: dict[tuple[Path, str | None], dict[int, list[Path]]] = defaultdict(lambda: defaultdict(list))
    for gt_path in gt_paths:
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        source = gt_path.parent / str(gt.get("source"))
        if not source.exists() and pdf_dir is not None:
            source = pdf_dir / str(gt.get("source"))
        language = gt.get("language") if read_by_ocr(source, gt) else None
        wanted[source, language][int(gt["page"])].append(prediction_path(gt_path, gt_dir, pred_dir))
    notes: list[str] = []
    for (source, language), by_page in wanted.items():
        try:
            options = ExtractOptions(language=language, profile=profile)
            for result in extract_pages(source, pages=sorted(by_page), options=options):
                for path in by_page.get(result.page, []):
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_page(result, path)
                if result.error:
                    notes.append(f"{source.name} p{result.page}: {result.error}")
        except BroadsheetError as e:
            notes.append(f"{source.name}: extraction failed: {e}")
    return notes


def read_by_ocr(source: Path, gt: dict[str, object]) -> bool:
    """Whether the page is read by OCR, so that its language is the archive's to set: a page image,
    or a PDF page labelled on its own words (the scorer's units where the PDF has no text layer)."""
    return source.suffix.lower() not in PDF_SUFFIXES or bool(gt.get("words"))


def predict_folder(gt_dir: Path, pred_dir: Path, pdf_dir: Path | None = None) -> list[str]:
    """:func:`predict` for every ``*.gt.json`` under ``gt_dir``."""
    return predict(sorted(gt_dir.rglob("*" + GT_SUFFIX)), gt_dir, pred_dir, pdf_dir)
