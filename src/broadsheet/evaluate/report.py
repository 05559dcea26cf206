"""Figures from counts: micro-averaged over a corpus (sums before dividing) or for one page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from broadsheet.evaluate.metrics import PageCounts

DIGITS = 4  # figures are rounded like tools/score.py rounds them


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures of a page or a corpus. Text and headline figures are ``None`` with nothing to count."""

    pages: int
    gt_articles: int
    pred_articles: int
    article_precision: float
    article_recall: float
    article_f1: float
    bcubed_f1: float
    text_similarity: float | None
    bag_of_words_f1: float | None
    headline_accuracy: float | None
    contamination: float
    coverage: float  # share of the page's characters inside some predicted item ("no text lost")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


FIGURES = tuple(f.name for f in fields(Summary) if f.name not in ("pages", "gt_articles", "pred_articles"))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One ground-truth page: its counts, its own figures and what was wrong with the prediction."""

    counts: PageCounts
    summary: Summary
    problem: str = ""  # "", "no prediction" or "invalid prediction: ..."

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self.counts), "problem": self.problem}


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Corpus figures and per-page scores, keyed by the ground truth's path relative to its folder."""

    corpus: Summary
    pages: dict[str, PageScore]

    def to_json(self) -> dict[str, Any]:
        """The same shape as ``score.py --json``: ``{"corpus": {...}, "pages": {name: counts}}``."""
        return {"corpus": self.corpus.to_json(), "pages": {k: v.to_json() for k, v in self.pages.items()}}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), DIGITS) if p + r else 0.0


def _mean(total: float, n: int) -> float | None:
    return round(total / n, DIGITS) if n else None


def summarize(rows: Iterable[PageCounts]) -> Summary:
    """Micro-average: add every page's counts up, then divide."""
    rows = list(rows)
    found = sum(r.found for r in rows)
    gt_articles = sum(r.gt_articles for r in rows)
    pred_articles = sum(r.pred_articles for r in rows)
    mass = sum(r.mass for r in rows)
    text_n = sum(r.text_n for r in rows)
    headline_n = sum(r.headline_n for r in rows)
    p, r = _ratio(found, pred_articles), _ratio(found, gt_articles)
    bp = _ratio(sum(x.bcubed_p_mass for x in rows), mass)
    br = _ratio(sum(x.bcubed_r_mass for x in rows), mass)
    in_pred = sum(x.chars_in_pred_articles for x in rows)
    return Summary(
        pages=len(rows),
        gt_articles=gt_articles,
        pred_articles=pred_articles,
        article_precision=round(p, DIGITS),
        article_recall=round(r, DIGITS),
        article_f1=_f1(p, r),
        bcubed_f1=_f1(bp, br),
        text_similarity=_mean(sum(x.text_sim_sum for x in rows), text_n),
        bag_of_words_f1=_mean(sum(x.bag_f1_sum for x in rows), text_n),
        headline_accuracy=_mean(sum(x.headline_hits for x in rows), headline_n),
        contamination=round(_ratio(sum(x.contaminated_chars for x in rows), in_pred), DIGITS),
        coverage=round(_ratio(sum(x.covered_chars for x in rows), mass), DIGITS),
    )


def fig(value: float | None) -> str:
    """A figure for a table: three decimals, ``-`` when there is nothing to count."""
    return "  -  " if value is None else f"{value:.3f}"


def format_page_line(name: str, score: PageScore) -> str:
    s = score.summary
    line = (
        f"{name}: F1 {fig(s.article_f1)}  BCubed {fig(s.bcubed_f1)}  text {fig(s.text_similarity)}  "
        f"headline {fig(s.headline_accuracy)}"
    )
    return line + (f"  ({score.problem})" if score.problem else "")


_COLUMNS = (
    ("pages", "pages"),
    ("GT art", "gt_articles"),
    ("pred", "pred_articles"),
    ("art P", "article_precision"),
    ("art R", "article_recall"),
    ("art F1", "article_f1"),
    ("BCubed", "bcubed_f1"),
    ("text", "text_similarity"),
    ("bag F1", "bag_of_words_f1"),
    ("head", "headline_accuracy"),
    ("contam", "contamination"),
    ("cover", "coverage"),
)


def format_table(summaries: Mapping[str, Summary]) -> str:
    """One row of figures per named summary (e.g. per corpus folder)."""
    width = max([len("set"), *(len(k) for k in summaries)])
    head = f"{'set':<{width}}  " + "  ".join(f"{title:>6}" for title, _ in _COLUMNS)
    lines = [head, "-" * len(head)]
    for name, s in summaries.items():
        cells = []
        for _, attr in _COLUMNS:
            value = getattr(s, attr)
            cells.append(f"{value:>6d}" if isinstance(value, int) else f"{fig(value):>6}")
        lines.append(f"{name:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def format_report(evaluation: Evaluation, title: str = "corpus") -> str:
    """Per-page lines as score.py prints them, then the corpus figures as a table."""
    lines = [format_page_line(name, score) for name, score in evaluation.pages.items()]
    return "\n".join([*lines, "", format_table({title: evaluation.corpus})])
