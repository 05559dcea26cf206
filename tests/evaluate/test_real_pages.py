"""Every labelled real page of the shared corpus, extracted and scored: no set or publication may
drop below its floor (tools/corpus-split.toml). A change that fixes one paper and breaks another
fails here. The corpus lives outside the repository (``../shared``, which CI has too)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from broadsheet.evaluate.corpus import GT_SUFFIX
from broadsheet.evaluate.report import Summary
from broadsheet.evaluate.split import LABELS_PREFIX, Publication, group_scores, load_split, score_split

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("BROADSHEET_SHARED", ROOT.parent / "shared")) / "corpus"
SPLIT = load_split(ROOT / "tools" / "corpus-split.toml")
LABELS = ROOT / "tools" / "labels"


def _labelled_pages() -> list[str]:
    """The corpus's labelled pages, and the project's own labels (``labels/``)."""
    corpus = [str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*" + GT_SUFFIX)]
    return sorted(corpus + [LABELS_PREFIX + p.name for p in LABELS.glob("*" + GT_SUFFIX)])


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Summary]]:
    assert CORPUS.is_dir(), f"the shared corpus is not at {CORPUS} (set BROADSHEET_SHARED to the shared folder)"
    pages, notes = score_split(SPLIT, CORPUS, LABELS, tmp_path_factory.mktemp("real-pages"))
    assert not notes, notes
    assert sorted(pages) == _labelled_pages()
    return group_scores(SPLIT, pages)


def _below(summary: Summary, floor: dict[str, float]) -> dict[str, tuple[float | None, float]]:
    values = summary.to_json()
    return {name: (values[name], low) for name, low in floor.items() if values[name] is None or values[name] < low}


def test_every_labelled_page_belongs_to_a_publication_of_the_split() -> None:
    assert CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}"
    orphans = [page for page in _labelled_pages() if SPLIT.publication_of(page) is None]
    assert not orphans, f"add these pages to a publication in tools/corpus-split.toml: {orphans}"


def test_the_split_holds_out_a_third_of_the_papers_in_both_scripts() -> None:
    """Of the shared corpus's labelled papers (the project's own labels are all tune pages), as the
    split was written down: a held-out publication studied since has moved to tune (``moved``)."""
    held_out = SPLIT.held_out_as_written()
    shared = {p.paper for p in SPLIT.publications if not p.pages[0].startswith(LABELS_PREFIX)}
    assert 3 * len({p.paper for p in held_out}) >= len(shared)
    assert {p.direction for p in held_out} == {"ltr", "rtl"}


@pytest.mark.parametrize("name", sorted(SPLIT.floors))
def test_set_stays_above_its_floor(figures: dict[str, dict[str, Summary]], name: str) -> None:
    assert name in figures["sets"], f"no page scored in set {name}"
    below = _below(figures["sets"][name], dict(SPLIT.floors[name]))
    assert not below, f"{name}: {below} (figure: (measured, floor))"


@pytest.mark.parametrize("publication", [p for p in SPLIT.publications if p.floor], ids=lambda p: p.name)
def test_publication_stays_above_its_floor(figures: dict[str, dict[str, Summary]], publication: Publication) -> None:
    below = _below(figures["publications"][publication.name], dict(publication.floor))
    assert not below, f"{publication.name}: {below} (figure: (measured, floor))"


def test_a_publication_moved_to_tune_says_why() -> None:
    moved = [p for p in SPLIT.publications if p.moved]
    assert all(p.set == "tune" for p in moved), [p.name for p in moved if p.set != "tune"]
