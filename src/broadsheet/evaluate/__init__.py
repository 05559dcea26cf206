"""Score page JSON against ground truth: the figures of tools/score.py, as a typed library.

>>> evaluation = evaluate_dirs(Path("corpus/born-digital"), Path("build/pred"))  # doctest: +SKIP
>>> evaluation.corpus.article_f1  # doctest: +SKIP

See docs/page-json.md for the format and the corpus FORMAT.md for how the figures are defined.
"""

from __future__ import annotations

from broadsheet.evaluate.corpus import (
    GroundTruth,
    evaluate_dirs,
    evaluate_page,
    load_ground_truth,
    load_page,
    load_prediction,
    prediction_path,
)
from broadsheet.evaluate.metrics import PageCounts, assign, bag_f1, norm_headline, norm_text, score_page
from broadsheet.evaluate.report import (
    Evaluation,
    PageScore,
    Summary,
    format_report,
    format_table,
    summarize,
)
from broadsheet.evaluate.words import Word, pdf_words, words_from_json

__all__ = [
    "Evaluation",
    "GroundTruth",
    "PageCounts",
    "PageScore",
    "Summary",
    "Word",
    "assign",
    "bag_f1",
    "evaluate_dirs",
    "evaluate_page",
    "format_report",
    "format_table",
    "load_ground_truth",
    "load_page",
    "load_prediction",
    "norm_headline",
    "norm_text",
    "pdf_words",
    "prediction_path",
    "score_page",
    "summarize",
    "words_from_json",
]
