"""Learning a publication's profile from its labelled or corrected pages (page-JSON ground truth).

Each ground-truth page names its PDF (``source``, looked up beside it) and page. The page's lines
are found as extraction finds them; each line takes the role the ground truth gives the text
under it: the item type for adverts, mastheads and furniture; for an article, the field whose
text holds the line's text (kicker, headline, deck, byline, caption, body), or just "article"
when the labels carry regions alone. Lines in no item, or whose text is in no field (a pull
quote), teach nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from broadsheet.errors import BroadsheetError, UsageError
from broadsheet.extract.line import Line
from broadsheet.extract.lines import FRAGMENT_GAP, find_lines
from broadsheet.extract.model import Item, ItemType, PageResult
from broadsheet.extract.profile import ARTICLE, Profile, grid_cell, style_key
from broadsheet.pagejson import read_page
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf

GT_SUFFIX = ".gt.json"
# A body column starts (or ends) where at least this share of the body lines start (or end).
COLUMN_EDGE_SHARE = 0.04
_NON_WORD = re.compile(r"[\W_]+")
_FIELDS = ("headline", "kicker", "subheadline", "byline", "captions", "body")
_FIELD_ROLES = {"subheadline": "subheadline", "captions": "caption"}


@dataclass(frozen=True, slots=True)
class Taught:
    """One line of a labelled page and the role the labels give it."""

    key: str
    cell: str
    role: str
    box: tuple[float, float, float, float]
    width: float


def learn_profile(
    gt_dirs: Iterable[Path], publication: str | None = None, pdf_dir: Path | None = None
) -> tuple[Profile, list[str]]:
    """A profile from every ``*.gt.json`` under the folders, and notes on pages it could not use."""
    paths = sorted(p for d in gt_dirs for p in _gt_files(d))
    if not paths:
        raise UsageError("no *.gt.json files in the given folders: nothing to learn a profile from")
    return learn_from_pages(paths, publication, pdf_dir)


def learn_from_pages(
    paths: Iterable[Path], publication: str | None = None, pdf_dir: Path | None = None
) -> tuple[Profile, list[str]]:
    """A profile from these ground-truth pages (their PDFs beside them, or in ``pdf_dir``)."""
    profile = Profile(publication=publication)
    notes: list[str] = []
    taught: list[Taught] = []
    for path in paths:
        try:
            taught.extend(teach_page(path, pdf_dir))
            profile.pages += 1
        except BroadsheetError as e:
            notes.append(f"{path}: skipped ({e})")
    for t in taught:
        profile.styles.setdefault(t.key, Counter())[t.role] += 1
        profile.placed.setdefault(f"{t.key}@{t.cell}", Counter())[t.role] += 1
    profile.columns = _columns([t for t in taught if t.role == "body"])
    return profile, notes


def _gt_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder of ground truth")
    return sorted(folder.rglob("*" + GT_SUFFIX))


def teach_page(path: Path, pdf_dir: Path | None = None) -> list[Taught]:
    """The lines of one labelled page with their roles."""
    truth = read_page(path)
    pdf = path.parent / truth.source
    if not pdf.exists() and pdf_dir is not None:
        pdf = pdf_dir / truth.source
    if pdf.suffix.lower() != ".pdf" or not pdf.is_file():
        raise UsageError(f"its source {truth.source!r} is not a PDF found beside it (profiles learn from PDF pages)")
    with open_pdf(pdf, 2**31) as doc:
        if not 1 <= truth.page <= len(doc):
            raise UsageError(f"{truth.source} has no page {truth.page}")
        content = read_page_content(doc[truth.page - 1], truth.page)
    lines = find_lines(content.glyphs, content.vrules, FRAGMENT_GAP)
    out = []
    for line in lines:
        role = line_role(line, truth)
        if role is not None:
            cell = grid_cell(line.box, content.width, content.height)
            out.append(Taught(style_key(line), cell, role, line.box, content.width))
    return out


def line_role(line: Line, truth: PageResult) -> str | None:
    """The role the labels give a line: its item's type, or its field inside an article."""
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    item = next((it for it in truth.items if any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in it.regions)), None)
    if item is None:
        return None
    if item.type is not ItemType.ARTICLE:
        return {ItemType.PHOTO: "caption"}.get(item.type, item.type.value)
    if all(getattr(item, name) in (None, []) for name in _FIELDS):
        return ARTICLE  # labelled with regions only
    return _field_of(_squeezed(line.text), item)


def _field_of(text: str, item: Item) -> str | None:
    if len(text) < 3:
        return None
    for name in _FIELDS:
        value = getattr(item, name)
        values = value if isinstance(value, list) else [value]
        if any(v and text in _squeezed(v) for v in values):
            return _FIELD_ROLES.get(name, name)
    return None


def _squeezed(text: str) -> str:
    """Letters and digits only, case folded: line breaks, hyphens and spacing do not matter."""
    return _NON_WORD.sub("", text.casefold())


def _columns(body: list[Taught]) -> list[tuple[float, float]]:
    """Body columns as shares of the page width: where many body lines start, to where they end."""
    if not body:
        return []
    starts = Counter(round(t.box[0] / t.width, 2) for t in body)
    ends = Counter(round(t.box[2] / t.width, 2) for t in body)
    edge = COLUMN_EDGE_SHARE * len(body)
    left = sorted(x for x, n in starts.items() if n >= edge)
    right = sorted(x for x, n in ends.items() if n >= edge)
    columns: list[tuple[float, float]] = []
    for x0 in left:
        x1 = next((x for x in right if x > x0), None)
        if x1 is not None and not (columns and columns[-1][1] > x0):
            columns.append((x0, x1))
    return columns
