"""The page-JSON format (``broadsheet-page/1``): read and write :class:`PageResult`.

One file describes one page. The same format is used for ground truth and for what the
extractor predicts, so the evaluation compares like with like. See docs/page-json.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from broadsheet.errors import InputFileError
from broadsheet.extract.model import Box, Item, ItemType, Jump, PageResult, TextLayer

FORMAT = "broadsheet-page/1"
TEXT_FIELDS = ("kicker", "headline", "subheadline", "byline", "body")


def _round_box(box: Box) -> list[float]:
    return [round(v, 2) for v in box]


def item_to_json(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "type": item.type.value, "regions": [_round_box(r) for r in item.regions]}
    if item.type is ItemType.ARTICLE:
        for name in TEXT_FIELDS:
            out[name] = getattr(item, name)
        out["captions"] = list(item.captions)
        out["jump"] = item.jump.to_json() if item.jump else None
    return out


def page_to_json(page: PageResult, words: list[list[Any]] | None = None) -> dict[str, Any]:
    """The JSON object for one page; ``words`` only for scanned pages (optional)."""
    out: dict[str, Any] = {
        "format": FORMAT,
        "source": page.source,
        "page": page.page,
        "unit": page.unit,
        "width": round(page.width, 2),
        "height": round(page.height, 2),
        "direction": page.direction,
        "language": page.language,
        "text_layer": page.text_layer.value,
        "problems": list(page.problems),
        "items": [item_to_json(item) for item in page.items],
        "words": words,
    }
    if page.error is not None:
        out["error"] = page.error
    return out


def decisions_to_json(page: PageResult) -> dict[str, Any]:
    """What ``broadsheet extract --explain`` writes beside the page JSON: each line, its role and
    item, and the rules that decided them."""
    return {
        "source": page.source,
        "page": page.page,
        "lines": [
            {
                "box": _round_box(d.box),
                "text": d.text,
                "size": round(d.size, 2),
                "font": d.font,
                "role": d.role,
                "role_rule": d.role_rule,
                "item": d.item,
                "item_rule": d.item_rule,
            }
            for d in page.decisions
        ],
    }


def item_from_json(data: dict[str, Any]) -> Item:
    jump = data.get("jump") or None
    return Item(
        id=str(data["id"]),
        type=ItemType(data["type"]),
        regions=[(float(r[0]), float(r[1]), float(r[2]), float(r[3])) for r in data.get("regions") or []],
        kicker=data.get("kicker"),
        headline=data.get("headline"),
        subheadline=data.get("subheadline"),
        byline=data.get("byline"),
        body=data.get("body"),
        captions=list(data.get("captions") or []),
        jump=Jump(to_page=jump.get("to_page"), from_page=jump.get("from_page")) if jump else None,
    )


def page_from_json(data: dict[str, Any]) -> PageResult:
    """Parse a page-JSON object; raises :class:`InputFileError` when it is not one."""
    if data.get("format") != FORMAT:
        raise InputFileError(f"not a {FORMAT} page (format is {data.get('format')!r})")
    try:
        return PageResult(
            source=str(data["source"]),
            page=int(data["page"]),
            width=float(data["width"]),
            height=float(data["height"]),
            unit="px" if data.get("unit") == "px" else "pt",
            direction=data.get("direction", "ltr"),
            language=data.get("language"),
            items=[item_from_json(it) for it in data.get("items", [])],
            text_layer=TextLayer(data.get("text_layer", "ok")),
            problems=list(data.get("problems", [])),
            error=data.get("error"),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise InputFileError(f"malformed {FORMAT} page: {e}") from e


def write_page(page: PageResult, path: Path, words: list[list[Any]] | None = None) -> None:
    """Write atomically: a reader never sees half a file."""
    write_json(page_to_json(page, words), path)


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write a JSON file atomically: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def read_json_object(path: Path, unreadable: str, not_one: str) -> dict[str, Any]:
    """The JSON object in a file; :class:`InputFileError` saying it is ``unreadable`` (and why) or
    ``not_one`` (JSON, but not an object)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputFileError(f"{path}: {unreadable} ({e})") from e
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: {not_one}")
    return data


def read_page_object(path: Path) -> dict[str, Any]:
    """The raw JSON object of a page file; :class:`InputFileError` when it is not readable as one."""
    return read_json_object(path, "cannot read page JSON", f"not a {FORMAT} page")


def read_page(path: Path) -> PageResult:
    return page_from_json(read_page_object(path))
