"""Which story of a new build is which story of the published build, so that it keeps its identity.

An article's identity (``uid``) and URL (``key``) must outlive a re-ingest or a re-extraction: links
shared yesterday, and corrections made to the story, point at them. The extractor's item ids do not
(they number what it found, in the order it found it), so stories are matched by what they are: the
words they print and where they are printed. Plain data in, pairs out; no Django here.

Stories usually stay on their page, so each page's stories are matched first (one-to-one, the most
alike pairs overall: scipy's assignment), then what is left over on any page, for a story that moved.

Pages are matched by what they print (:mod:`broadsheet.pdf.fingerprint`), for a new PDF of an edition
to keep the corrections of the pages that did not change (:mod:`broadsheet.ingest.corrections`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from broadsheet.geometry import Box, union

SAME_STORY = 0.5
"""Share of their words two texts must have in common (of all words in either) to be one story: a
corrected typo or a re-extracted paragraph stays well above it, a different story well below."""


@dataclass(frozen=True, slots=True)
class Story:
    """What matching looks at: the page, the story's words, and the box around its regions."""

    page: int
    words: frozenset[str]
    box: Box | None


def story(page: int, texts: Iterable[str], regions: Iterable[Sequence[float]]) -> Story:
    """A :class:`Story` from an article's page number, texts (headline, body, captions…) and regions."""
    boxes = [(r[0], r[1], r[2], r[3]) for r in regions]
    words = frozenset(w for text in texts for w in re.findall(r"\w+", text.casefold()))
    return Story(page, words, union(boxes) if boxes else None)


def _overlap(a: Box | None, b: Box | None) -> float:
    """Intersection over union of two boxes (0 when either is missing)."""
    if a is None or b is None:
        return 0.0
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    inter = max(w, 0.0) * max(h, 0.0)
    total = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / total if total > 0 else 0.0


def similarity(a: Story, b: Story) -> float:
    """How alike two stories are, 0–1: the words they share of all their words (Jaccard); for two
    stories without words (a picture story) how much their places on the same page overlap."""
    if a.words or b.words:
        common = len(a.words & b.words)
        return common / (len(a.words) + len(b.words) - common)
    return _overlap(a.box, b.box) if a.page == b.page else 0.0


def _assign(old: Sequence[Story], new: Sequence[Story], olds: list[int], news: list[int]) -> dict[int, int]:
    """The one-to-one pairing of ``news`` with ``olds`` (indices) most alike in total, pairs below
    :data:`SAME_STORY` left out; place on the page decides between equally alike stories."""
    if not olds or not news:
        return {}
    from scipy.optimize import linear_sum_assignment  # 0.3 s to import: only a re-ingest needs it

    score = np.array([[similarity(new[n], old[o]) for o in olds] for n in news])
    place = np.array(
        [[_overlap(new[n].box, old[o].box) if new[n].page == old[o].page else 0.0 for o in olds] for n in news]
    )
    rows, cols = linear_sum_assignment(-(score + 1e-3 * place))
    return {news[r]: olds[c] for r, c in zip(rows, cols, strict=True) if score[r, c] >= SAME_STORY}


def match(old: Sequence[Story], new: Sequence[Story]) -> dict[int, int]:
    """``{index in new: index in old}`` for every new story that is an old one: page by page first, then
    the stories left over on any page."""
    pairs: dict[int, int] = {}
    for page in sorted({s.page for s in new}):
        olds = [i for i, s in enumerate(old) if s.page == page]
        pairs |= _assign(old, new, olds, [i for i, s in enumerate(new) if s.page == page])
    taken = set(pairs.values())
    left_old = [i for i in range(len(old)) if i not in taken]
    left_new = [i for i in range(len(new)) if i not in pairs]
    return pairs | _assign(old, new, left_old, left_new)


def match_pages(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """``{old page number: new page number}`` for the pages whose fingerprints (in page order; '' for
    none known) are equal, one to one: a page that stayed in its place first, then the others of the
    same print in page order (a blank page printed twice, a page moved)."""
    pairs = {n: n for n, (a, b) in enumerate(zip(old, new, strict=False), start=1) if a and a == b}
    waiting: dict[str, list[int]] = {}
    for n, print_ in enumerate(new, start=1):
        if print_ and n not in pairs.values():
            waiting.setdefault(print_, []).append(n)
    for n, print_ in enumerate(old, start=1):
        if n not in pairs and waiting.get(print_):
            pairs[n] = waiting[print_].pop(0)
    return dict(sorted(pairs.items()))


@dataclass(frozen=True, slots=True)
class KeptCorrections:
    """What became of the corrected pages of the edition a build replaces: ``kept`` (old page, new page)
    and ``dropped`` (old page, why), each in old page order."""

    kept: list[tuple[int, int]] = field(default_factory=list)
    dropped: list[tuple[int, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kept": [list(k) for k in self.kept], "dropped": [list(d) for d in self.dropped]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeptCorrections:
        return cls(
            [(int(o), int(n)) for o, n in data.get("kept", [])], [(int(o), str(w)) for o, w in data.get("dropped", [])]
        )

    def kept_line(self) -> str:
        """Which pages kept their corrections, in a sentence ('' for none)."""
        kept = [f"page {o}" + (f" (now page {n})" if n != o else "") for o, n in self.kept]
        same = "it prints" if len(kept) == 1 else "they print"
        return f"Kept the corrections of {', '.join(kept)}: {same} the same." if kept else ""

    def dropped_lines(self) -> list[str]:
        """A sentence for each page whose corrections were dropped, saying why."""
        return [f"Dropped the corrections of page {o}: {why}." for o, why in self.dropped]

    def lines(self) -> list[str]:
        return [line for line in (self.kept_line(), *self.dropped_lines()) if line]


def free_key(key: str, taken: set[str]) -> str:
    """``key``, or ``key-2``, ``key-3``… if an article of the edition has (or had, in the published build) it."""
    n, candidate = 1, key
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    return candidate
