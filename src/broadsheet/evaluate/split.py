"""Which labelled real publication a ground-truth page belongs to, and whether it is tuned on or held out.

The split is a small TOML file (the project's is ``tools/corpus-split.toml``)::

    [publications.the-hindu]
    set = "held-out"
    pages = ["born-digital-more/TH-EDITORIAL-*.gt.json"]   # globs relative to the corpus folder
    floor = {article_f1 = 0.3}                               # optional: what the real-page test holds it to

Figures are reported per set (micro-averaged over its pages), so that pages tuned on never hide
how the extractor does on papers it has not seen.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet.errors import InputFileError
from broadsheet.evaluate.corpus import GT_SUFFIX, evaluate_dirs
from broadsheet.evaluate.predict import predict
from broadsheet.evaluate.report import FIGURES, PageScore, Summary, summarize

SETS = ("tune", "held-out")


@dataclass(frozen=True, slots=True)
class Publication:
    """One labelled real publication: its name, its set and the globs of its pages."""

    name: str
    set: str
    pages: tuple[str, ...]
    scan: bool = False  # scanned pages, read by OCR
    floor: Mapping[str, float] = field(default_factory=dict)
    paper: str = ""  # the paper, when issues of one paper are split (default: the name)
    direction: str = "ltr"
    moved: str = ""  # held out when the split was written; why and when it moved to the tune set

    def holds(self, page: str) -> bool:
        """Whether the ground-truth file ``page`` (relative to the corpus folder) is one of its pages."""
        return any(fnmatch.fnmatchcase(page, pattern) for pattern in self.pages)


@dataclass(frozen=True, slots=True)
class Split:
    publications: tuple[Publication, ...]
    floors: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # per set ("tune/born-digital")

    def publication_of(self, page: str) -> Publication | None:
        return next((p for p in self.publications if p.holds(page)), None)

    def in_set(self, name: str) -> list[Publication]:
        return [p for p in self.publications if p.set == name]

    def held_out_as_written(self) -> list[Publication]:
        """The held-out set when the split was written down: today's, and those moved to tune since."""
        return [p for p in self.publications if p.set == "held-out" or p.moved]

    def papers(self) -> set[str]:
        return {p.paper for p in self.publications}


def load_split(path: Path) -> Split:
    """Read a split file; :class:`InputFileError` when it is malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise InputFileError(f"{path}: cannot read the corpus split ({e})") from e
    publications = []
    for name, entry in data.get("publications", {}).items():
        if entry.get("set") not in SETS or not entry.get("pages"):
            raise InputFileError(f"{path}: publication {name!r} needs set (one of {', '.join(SETS)}) and pages")
        floor = _floor(path, name, entry.get("floor", {}))
        publications.append(
            Publication(
                name,
                entry["set"],
                tuple(entry["pages"]),
                scan=bool(entry.get("scan", False)),
                floor=floor,
                paper=str(entry.get("paper", name)),
                direction=str(entry.get("direction", "ltr")),
                moved=str(entry.get("moved", "")),
            )
        )
    floors = {name: _floor(path, name, floor) for name, floor in data.get("floors", {}).items()}
    return Split(tuple(publications), floors)


def _floor(path: Path, name: str, floor: Mapping[str, float]) -> dict[str, float]:
    unknown = set(floor) - set(FIGURES)
    if unknown:
        raise InputFileError(f"{path}: {name!r} has a floor on unknown figures {sorted(unknown)}")
    return {figure: float(value) for figure, value in floor.items()}


def group_scores(split: Split, pages: Mapping[str, PageScore]) -> dict[str, dict[str, Summary]]:
    """Figures per set and per publication: ``{"sets": {set: Summary}, "publications": {name: Summary}}``.

    ``pages`` are keyed by the ground truth's path relative to the corpus folder; pages of no
    publication in the split are left out.
    """
    by_publication: dict[str, list[PageScore]] = {}
    by_set: dict[str, list[PageScore]] = {}
    for page, score in pages.items():
        publication = split.publication_of(page)
        if publication is None:
            continue
        by_publication.setdefault(publication.name, []).append(score)
        by_set.setdefault(set_name(publication), []).append(score)
    names = [f"{s}/{kind}" for s in SETS for kind in ("born-digital", "scans")]
    return {
        "sets": {name: _summary(by_set[name]) for name in names if name in by_set},
        "publications": {name: _summary(scores) for name, scores in by_publication.items()},
    }


def set_name(publication: Publication) -> str:
    """Born-digital pages and scans are reported apart: OCR is a different problem."""
    return f"{publication.set}/{'scans' if publication.scan else 'born-digital'}"


def _summary(scores: Iterable[PageScore]) -> Summary:
    return summarize(s.counts for s in scores)


LABELS_PREFIX = "labels/"  # pages of the project's own labels (tools/labels/), their PDFs in the corpus


def score_split(split: Split, corpus: Path, labels: Path, pred: Path) -> tuple[dict[str, PageScore], list[str]]:
    """Extract and score every page of the split's publications: the corpus's labelled pages, and the
    project's own labels of its unlabelled ones. Pages are keyed as the split's globs name them."""
    pages: dict[str, PageScore] = {}
    notes: list[str] = []
    roots = (("", corpus, None), (LABELS_PREFIX, labels, corpus / "real-unlabelled"))
    for prefix, root, pdf_dir in roots:
        wanted = [p for p in sorted(root.rglob("*" + GT_SUFFIX)) if split.publication_of(_key(prefix, root, p))]
        if not wanted:
            continue
        out = pred / (prefix or "corpus")
        notes += predict(wanted, root, out, pdf_dir)
        scored = evaluate_dirs(root, out, pdf_dir).pages
        pages.update({prefix + name: score for name, score in scored.items() if split.publication_of(prefix + name)})
    return pages, notes


def _key(prefix: str, root: Path, path: Path) -> str:
    return prefix + str(path.relative_to(root))
