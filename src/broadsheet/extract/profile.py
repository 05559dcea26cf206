"""Publication profiles: what a paper's typography and page furniture mean, learned once, used daily.

A newspaper sets every edition in the same type: its headlines in one face and size, its bylines
in another, its running heads and folios in the same places. A profile records, for each *type
style* (font, size, weight, slant, capitals) the roles lines in that style had on labelled or
corrected pages — and, for each style in each cell of a coarse grid over the page, the same — so
that tomorrow's edition needs no guessing: a block whose style (in its place) was always a
headline is a headline. Styles the paper uses for more than one thing decide nothing, and the
rules decide as before.

Learning is :mod:`broadsheet.extract.learn`; this module is the data and the stage that applies it
(inside the role stage, right after the size pass).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from broadsheet.errors import InputFileError
from broadsheet.extract.blocks import Block, Role, TypeScale, size_role
from broadsheet.extract.line import Line
from broadsheet.pagejson import read_json_object, write_json

FORMAT = "broadsheet-profile/1"
# Where a line sits is told by a cell of a grid this many columns wide and rows tall over the page.
GRID_COLUMNS, GRID_ROWS = 8, 24
# A style decides a role when at least this share of the lines seen in it had that role...
DECISIVE_SHARE = 0.9
# ...and at least this many lines were seen.
DECISIVE_LINES = 2
# Sizes are compared to this step (pt): a paper's 9.5 pt body may be measured 9.48 or 9.52.
SIZE_STEP = 0.1

# Roles a profile may give: the block roles, and "article" for text seen only inside articles on
# pages labelled with regions alone (its part of the article unknown).
ARTICLE = "article"
_ROLES = {r.value: r for r in Role} | {ARTICLE: Role.BODY}
_NOISE = {Role.FURNITURE, Role.MASTHEAD, Role.ADVERT}


def style_key(line: Line) -> str:
    """A line's type style: font name, size to the nearest SIZE_STEP, and whether set in capitals."""
    size = round(line.size / SIZE_STEP) * SIZE_STEP
    return f"{line.style.name}|{size:g}|{'caps' if line.in_capitals else 'mixed'}"


def grid_cell(box: tuple[float, float, float, float], width: float, height: float) -> str:
    """The grid cell holding a box's centre."""
    column = min(GRID_COLUMNS - 1, max(0, int((box[0] + box[2]) / 2 / width * GRID_COLUMNS)))
    row = min(GRID_ROWS - 1, max(0, int((box[1] + box[3]) / 2 / height * GRID_ROWS)))
    return f"{row},{column}"


@dataclass(slots=True)
class Profile:
    """What one publication's styles and places meant on the pages it was learned from."""

    publication: str | None = None
    pages: int = 0
    styles: dict[str, Counter[str]] = field(default_factory=dict)  # style key -> role -> lines
    placed: dict[str, Counter[str]] = field(default_factory=dict)  # "key@row,col" -> role -> lines
    columns: list[tuple[float, float]] = field(default_factory=list)  # body columns, shares of the width

    def decide(self, key: str, cell: str) -> tuple[str, str] | None:
        """The role a style in a place decides, and whether the place or the style alone decided it.

        Furniture, mastheads and adverts are told by style and place together (an advert may be set
        in any of the paper's faces); a story's parts by their style alone.
        """
        for table, name, where in ((self.placed, f"{key}@{cell}", "in its place"), (self.styles, key, "")):
            counts = table.get(name)
            if counts is None:
                continue
            role, lines = counts.most_common(1)[0]
            total = sum(counts.values())
            decisive = lines >= DECISIVE_LINES and lines >= DECISIVE_SHARE * total
            if decisive and (where or _ROLES[role] not in _NOISE):
                return role, where
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "publication": self.publication,
            "pages": self.pages,
            "styles": {k: dict(v) for k, v in sorted(self.styles.items())},
            "placed": {k: dict(v) for k, v in sorted(self.placed.items())},
            "columns": [list(c) for c in self.columns],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        if data.get("format") != FORMAT:
            raise InputFileError(f"not a {FORMAT} profile (format is {data.get('format')!r})")
        try:
            return cls(
                publication=data.get("publication"),
                pages=int(data.get("pages", 0)),
                styles={k: Counter(_roles(v)) for k, v in data.get("styles", {}).items()},
                placed={k: Counter(_roles(v)) for k, v in data.get("placed", {}).items()},
                columns=[(float(a), float(b)) for a, b in data.get("columns", [])],
            )
        except (TypeError, ValueError, AttributeError) as e:
            raise InputFileError(f"malformed {FORMAT} profile: {e}") from e


def _roles(counts: dict[str, Any]) -> dict[str, int]:
    unknown = set(counts) - set(_ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    return {role: int(n) for role, n in counts.items()}


def read_profile(path: Path) -> Profile:
    """A profile file; :class:`InputFileError` with what is wrong when it cannot be used."""
    data = read_json_object(path, "cannot read the profile", f"not a {FORMAT} profile")
    try:
        return Profile.from_json(data)
    except InputFileError as e:
        raise InputFileError(f"{path}: {e}") from e


def write_profile(profile: Profile, path: Path) -> None:
    write_json(profile.to_json(), path)


def apply_profile(blocks: list[Block], profile: Profile, scale: TypeScale, page_size: tuple[float, float]) -> None:
    """Give each block the role its style (in its place) always had in this paper, in place of the
    role its size gave it; blocks in styles the paper uses for more than one thing keep that.

    Runs right after the size pass, so the rules that read a block's neighbours (a deck under a
    headline, a pull quote in a column, a caption under a picture, a box of furniture) still
    have the last word."""
    width, height = page_size
    for block in blocks:
        if not block.lines:
            continue
        key = Counter({style_key(ln): len(ln.text) for ln in block.lines}).most_common(1)[0][0]
        decided = profile.decide(key, grid_cell(block.box, width, height))
        if decided is None:
            continue
        name, where = decided
        role = _ROLES[name]
        if name == ARTICLE:
            if block.role in _NOISE:  # text the paper only ever set inside stories
                block.set_role(*size_role(block, scale))
            continue
        if role is not block.role:
            block.set_role(role, f"profile: this paper's {name} style{' ' + where if where else ''}")
