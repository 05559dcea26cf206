"""Per-page counts: which item owns each word, and how the prediction compares with the truth.

Every figure is character-weighted: a word counts for its number of characters (at least 1).
The counts are sums, so that a corpus can be micro-averaged by adding pages up (see report.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

from broadsheet.evaluate.words import Word
from broadsheet.extract.model import Item, ItemType, PageResult

NOISE = frozenset({ItemType.ADVERT, ItemType.MASTHEAD, ItemType.FURNITURE})
MATCH_IOU = 0.5
BACKGROUND = -1
_HEADLINE_STRIP = " \t\"'“”‘’«».,:;!?—–-"


@dataclass(frozen=True, slots=True)
class PageCounts:
    """The sums one page contributes to the corpus figures (names as in tools/score.py)."""

    gt_articles: int = 0
    pred_articles: int = 0
    found: int = 0  # matched pairs with IoU >= 0.5
    bcubed_p_mass: float = 0.0
    bcubed_r_mass: float = 0.0
    mass: float = 0.0  # total word weight (1.0 for a page without words)
    text_sim_sum: float = 0.0
    text_n: int = 0
    bag_f1_sum: float = 0.0
    headline_hits: int = 0
    headline_n: int = 0
    chars_in_pred_articles: float = 0.0
    contaminated_chars: float = 0.0
    covered_chars: float = 0.0  # characters in some predicted item, of any type (not in tools/score.py)
    predicted: bool = False


def assign(words: Sequence[Word], items: Sequence[Item]) -> list[int]:
    """For each word, the index of the first item with a region holding its centre, or -1."""
    owner: list[int] = []
    for word in words:
        cx, cy = word.centre
        hit = BACKGROUND
        for i, item in enumerate(items):
            if any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in item.regions):
                hit = i
                break
        owner.append(hit)
    return owner


def norm_text(s: str | None) -> str:
    """NFKC, whitespace runs collapsed to one space, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip()


def norm_headline(s: str | None) -> str:
    """Headlines compare without case, extra whitespace or surrounding quotes and punctuation."""
    return norm_text(s).casefold().strip(_HEADLINE_STRIP)


def text_similarity(a: str, b: str) -> float:
    """1 − normalised Levenshtein distance."""
    return 1.0 - float(Levenshtein.normalized_distance(a, b))


def bag_f1(a: str, b: str) -> float:
    """Order-free F1 of the two texts' word tokens (``a`` is the truth); 1.0 when both are empty."""
    ta = Counter(re.findall(r"\w+", a.casefold()))
    tb = Counter(re.findall(r"\w+", b.casefold()))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def match_articles(iou: np.ndarray) -> list[tuple[int, int]]:
    """One-to-one matching maximising total IoU; keeps the pairs with IoU ≥ 0.5 (row, column)."""
    if iou.size == 0:
        return []
    rows, cols = linear_sum_assignment(-iou)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if iou[r, c] >= MATCH_IOU]


def _masses(
    weights: Sequence[int], gold: Sequence[Hashable], pred: Sequence[Hashable]
) -> tuple[defaultdict[Hashable, float], defaultdict[Hashable, float], defaultdict[tuple[Hashable, Hashable], float]]:
    """Total word weight per gold label, per predicted label, and per (gold, predicted) pair."""
    size_g: defaultdict[Hashable, float] = defaultdict(float)
    size_p: defaultdict[Hashable, float] = defaultdict(float)
    size_gp: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for w, g, p in zip(weights, gold, pred, strict=True):
        size_g[g] += w
        size_p[p] += w
        size_gp[g, p] += w
    return size_g, size_p, size_gp


def _bcubed(weights: Sequence[int], gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float]:
    """Weighted BCubed precision and recall *masses* (divide by the total weight for the figures)."""
    size_g, size_p, size_gp = _masses(weights, gold, pred)
    p_mass = sum(w * size_gp[g, p] / size_p[p] for w, g, p in zip(weights, gold, pred, strict=True))
    r_mass = sum(w * size_gp[g, p] / size_g[g] for w, g, p in zip(weights, gold, pred, strict=True))
    return p_mass, r_mass


def _clusters(owner: Sequence[int], articles: set[int]) -> list[Hashable]:
    """A word's cluster is its article; every other word is a singleton."""
    return [own if own in articles else ("solo", k) for k, own in enumerate(owner)]


def score_page(gt: PageResult, pred: PageResult | None, words: Sequence[Word]) -> PageCounts:
    """Compare one predicted page (``None``: no prediction) with its ground truth."""
    gt_items = gt.items
    pred_items = pred.items if pred is not None else []
    weights = [w.weight for w in words]
    g_own = assign(words, gt_items)
    p_own = assign(words, pred_items)
    g_art = [i for i, it in enumerate(gt_items) if it.type is ItemType.ARTICLE]
    p_art = [i for i, it in enumerate(pred_items) if it.type is ItemType.ARTICLE]

    g_mass, p_mass, inter = _masses(weights, g_own, p_own)

    # article F1: one-to-one matching on character-weighted IoU
    iou = np.zeros((len(g_art), len(p_art)))
    for a, g in enumerate(g_art):
        for b, p in enumerate(p_art):
            i = inter.get((g, p), 0.0)
            union = g_mass[g] + p_mass[p] - i
            iou[a, b] = i / union if union else 0.0
    matched = {g_art[a]: p_art[b] for a, b in match_articles(iou)}

    # BCubed over the words; a page without words has mass 1 and scores 0 (as score.py)
    p_bc, r_bc = _bcubed(weights, _clusters(g_own, set(g_art)), _clusters(p_own, set(p_art)))
    total = float(sum(weights)) or 1.0

    # text and headlines: ground truth whose body / headline is null is left out of those figures
    text_sims: list[float] = []
    bags: list[float] = []
    heads: list[bool] = []
    for g in g_art:
        truth = gt_items[g]
        guess = pred_items[matched[g]] if g in matched else None
        if truth.body is not None:
            body_gt = norm_text(truth.body)
            body_pred = norm_text(guess.body) if guess is not None else ""
            text_sims.append(text_similarity(body_gt, body_pred) if guess is not None else 0.0)
            bags.append(bag_f1(body_gt, body_pred) if guess is not None else 0.0)
        if truth.headline is not None:
            heads.append(guess is not None and norm_headline(truth.headline) == norm_headline(guess.headline))

    # contamination: characters in predicted articles that the truth puts in adverts, masthead, furniture
    noise = {i for i, it in enumerate(gt_items) if it.type in NOISE}
    p_art_set = set(p_art)
    in_pred = sum(w for w, p in zip(weights, p_own, strict=True) if p in p_art_set)
    contaminated = sum(w for w, g, p in zip(weights, g_own, p_own, strict=True) if p in p_art_set and g in noise)

    covered = sum(w for w, p in zip(weights, p_own, strict=True) if p != BACKGROUND)

    return PageCounts(
        gt_articles=len(g_art),
        pred_articles=len(p_art),
        found=len(matched),
        bcubed_p_mass=p_bc,
        bcubed_r_mass=r_bc,
        mass=total,
        text_sim_sum=sum(text_sims),
        text_n=len(text_sims),
        bag_f1_sum=sum(bags),
        headline_hits=sum(heads),
        headline_n=len(heads),
        chars_in_pred_articles=float(in_pred),
        contaminated_chars=float(contaminated),
        covered_chars=float(covered),
        predicted=pred is not None,
    )
