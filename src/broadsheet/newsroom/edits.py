"""What an editor can change on a page, each as a function from the items' states now to their states
after (:mod:`broadsheet.editions.items`), with a one-line summary for the log.

Every edit names the items it touches by ``uid`` and returns their whole new state (None: gone); the
log (:mod:`broadsheet.newsroom.history`) keeps before and after. Bad requests raise
:class:`~broadsheet.errors.UsageError` with a message for the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from broadsheet.editions import items
from broadsheet.editions.items import State
from broadsheet.editions.models import Edition
from broadsheet.errors import UsageError
from broadsheet.newsroom import splitting

ARTICLE = items.ARTICLE
MIN_SIZE = 2.0  # points: a region smaller than this is a slip of the mouse
REGION_WHAT = {"draw": "drew a region on", "move": "moved a region of", "resize": "resized a region of"}
REGION_WHAT |= {"delete": "deleted a region of", "order": "changed the reading order of"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """An edit's result: the new states of the items it touched, and what to call it in the log."""

    action: str
    summary: str
    after: dict[str, State | None]


def _state(edition: Edition, uid: Any) -> State:
    if not isinstance(uid, str):
        raise UsageError("say which item to change")
    state = items.snapshot(edition, [uid]).get(uid) if items.is_uid(uid) else None
    if state is None:
        raise UsageError("that item is no longer on the page (someone changed it?): reload the page")
    return state


def _name(state: State) -> str:
    """How the log names an item: an article by its headline (or first words), else by its kind."""
    if state["kind"] != ARTICLE:
        return f"the {state['kind']} on page {state['page']}"
    return f"“{items.title(state, 8)}”"


def _pointing_at(edition: Edition, uids: set[str]) -> dict[str, State]:
    """Articles whose jump continues in one of ``uids``."""
    every = items.snapshot(edition)
    return {u: s for u, s in every.items() if s and s["kind"] == ARTICLE and s.get("continues_in") in uids}


def retype(edition: Edition, params: dict[str, Any]) -> Outcome:
    state, kind = _state(edition, params.get("uid")), params.get("kind")
    if kind not in items.KINDS:
        raise UsageError(f"an item is one of {', '.join(items.KINDS)}")
    if kind == state["kind"]:
        raise UsageError(f"it is already {'an' if kind[0] in 'aeiou' else 'a'} {kind}")
    uid = str(params["uid"])
    if kind == ARTICLE:
        after = items.as_article(state)
        after["key"] = after["key"] if after["key"] else items.free_article_key(edition, state["page"])
        return Outcome("retype", f"made {_name(state)} an article", {uid: after})
    changed: dict[str, State | None] = {uid: items.as_item(state, kind)}
    for other, s in _pointing_at(edition, {uid}).items():
        changed[other] = {**s, "continues_in": None, "jump_to_page": None}
    return Outcome("retype", f"made {_name(state)} {'an' if kind[0] in 'aeiou' else 'a'} {kind}", changed)


def merge(edition: Edition, params: dict[str, Any]) -> Outcome:
    """The articles become one: the first in reading order keeps its identity, the others' text follows."""
    uids = params.get("uids")
    if not isinstance(uids, list) or len(set(uids)) < 2:
        raise UsageError("select two or more articles to merge (Shift+click adds one)")
    states = [(u, _state(edition, u)) for u in dict.fromkeys(uids)]
    if any(s["kind"] != ARTICLE for _, s in states):
        raise UsageError("only articles can be merged: make the item an article first")
    states.sort(key=lambda us: (us[1]["page"], us[1]["order"]))
    (keep, merged), rest = states[0], states[1:]
    merged = dict(merged)
    for _, other in rest:
        merged["regions"] = merged["regions"] + other["regions"]
        merged["body"] = "\n\n".join(b for b in (merged["body"], other["body"]) if b)
        merged["captions"] = merged["captions"] + other["captions"]
        for name in ("kicker", "headline", "subheadline", "byline", "jump_to_page", "continues_in"):
            merged[name] = merged[name] or other[name]
    gone = {u for u, _ in rest}
    merged["continues_in"] = None if merged["continues_in"] in gone | {keep} else merged["continues_in"]
    changed: dict[str, State | None] = {keep: merged, **dict.fromkeys(gone)}
    for other_uid, s in _pointing_at(edition, gone).items():
        if other_uid not in gone and other_uid != keep:
            changed[other_uid] = {**s, "continues_in": keep}
    names = " and ".join(_name(s) for _, s in states)
    return Outcome("merge", f"merged {names}", changed)


def split(edition: Edition, params: dict[str, Any]) -> Outcome:
    """The article is cut at a line (a height on one of its regions): what follows becomes a new article."""
    uid = params.get("uid")
    state = _state(edition, uid)
    if state["kind"] != ARTICLE:
        raise UsageError("only an article can be split")
    try:
        index, y = int(params["region"]), float(params["y"])
    except (KeyError, TypeError, ValueError) as e:
        raise UsageError("say where to split: a region of the article and a height on it") from e
    first, second = splitting.cut_regions(state["regions"], index, y, MIN_SIZE)
    at = splitting.body_split(edition, state, second)
    head = {**state, "regions": first, "body": state["body"][:at].rstrip(), "jump_to_page": None, "continues_in": None}
    tail = {
        **{name: "" for name in items.TEXTS},
        "kind": ARTICLE,
        "page": state["page"],
        "key": items.free_article_key(edition, state["page"]),
        "order": state["order"],
        "regions": second,
        "body": state["body"][at:].lstrip(),
        "captions": [],
        "jump_to_page": state["jump_to_page"],
        "jump_from_page": None,
        "continues_in": state["continues_in"],
    }
    return Outcome("split", f"split {_name(state)} in two", {str(uid): head, items.new_uid(): tail})


def _box(value: Any, width: float, height: float) -> list[float]:
    try:
        x0, y0, x1, y1 = (round(float(v), 2) for v in value)
    except (TypeError, ValueError) as e:
        raise UsageError("a region is four numbers: left, top, right, bottom") from e
    x0, x1 = sorted((max(0.0, min(x0, width)), max(0.0, min(x1, width))))
    y0, y1 = sorted((max(0.0, min(y0, height)), max(0.0, min(y1, height))))
    if x1 - x0 < MIN_SIZE or y1 - y0 < MIN_SIZE:
        raise UsageError("that region is too small (drag out a box)")
    return [x0, y0, x1, y1]


def set_regions(edition: Edition, params: dict[str, Any]) -> Outcome:
    """Draw, move, resize, delete or reorder an item's regions: the item's new list of regions."""
    state, what = _state(edition, params.get("uid")), str(params.get("what", "move"))
    page = edition.pages.get(number=state["page"])
    regions = params.get("regions")
    if not isinstance(regions, list) or what not in REGION_WHAT:
        raise UsageError("give the item's regions, in reading order")
    if not regions:
        raise UsageError("an item needs a region: delete the item instead")
    boxes = [_box(r, page.width_pt, page.height_pt) for r in regions]
    return Outcome(what, f"{REGION_WHAT[what]} {_name(state)}", {str(params["uid"]): {**state, "regions": boxes}})


def add_item(edition: Edition, params: dict[str, Any]) -> Outcome:
    """A new item where the extractor saw none: drawn on the page, of any kind."""
    try:
        page = edition.pages.get(number=int(params["page"]))
    except (KeyError, TypeError, ValueError, edition.pages.model.DoesNotExist) as e:
        raise UsageError("say on which page to draw the item") from e
    kind = params.get("kind", ARTICLE)
    if kind not in items.KINDS:
        raise UsageError(f"an item is one of {', '.join(items.KINDS)}")
    box = _box(params.get("region"), page.width_pt, page.height_pt)
    order = max([s["order"] for s in items.snapshot(edition).values() if s and s["page"] == page.number] + [0]) + 1
    state: State = {"kind": kind, "page": page.number, "order": order, "regions": [box], "texts": {}}
    if kind == ARTICLE:
        state = items.as_article(state)
        state["key"] = items.free_article_key(edition, page.number)
    return Outcome("add", f"drew a new {kind} on page {page.number}", {items.new_uid(): state})


def delete_item(edition: Edition, params: dict[str, Any]) -> Outcome:
    uid = str(params.get("uid"))
    state = _state(edition, uid)
    changed: dict[str, State | None] = {uid: None}
    for other, s in _pointing_at(edition, {uid}).items():
        changed[other] = {**s, "continues_in": None, "jump_to_page": None}
    return Outcome("delete", f"deleted {_name(state)}", changed)


def edit_text(edition: Edition, params: dict[str, Any]) -> Outcome:
    """New kicker, headline, deck (``subheadline``), byline, body or captions (a list, or lines)."""
    state, fields = _state(edition, params.get("uid")), params.get("fields")
    if state["kind"] != ARTICLE:
        raise UsageError("only an article has text to edit: make it an article first")
    if not isinstance(fields, dict) or not fields or not set(fields) <= set(items.TEXTS):
        raise UsageError(f"say which text to change: {', '.join(items.TEXTS)}")
    new = dict(state)
    for name, value in fields.items():
        if name == "captions":
            lines = value if isinstance(value, list) else str(value).splitlines()
            new[name] = [str(c).strip() for c in lines if str(c).strip()]
        else:
            new[name] = str(value).replace("\r\n", "\n").strip()
    label = {"subheadline": "deck"}.get(next(iter(fields)), next(iter(fields)))
    summary = f"edited the {label} of {_name(state)}" if len(fields) == 1 else f"edited the text of {_name(state)}"
    return Outcome("text", summary, {str(params["uid"]): new})


def link_jump(edition: Edition, params: dict[str, Any]) -> Outcome:
    """The article continues in another article (on another page), or nowhere (``to`` null)."""
    uid, target_uid = str(params.get("uid")), params.get("to")
    state = _state(edition, uid)
    if state["kind"] != ARTICLE:
        raise UsageError("only an article can continue on another page")
    changed: dict[str, State | None] = {}
    if state["continues_in"] and state["continues_in"] != target_uid:
        old = items.snapshot(edition, [state["continues_in"]])[state["continues_in"]]
        if old is not None:
            changed[state["continues_in"]] = {**old, "jump_from_page": None}
    if target_uid is None:
        changed[uid] = {**state, "continues_in": None, "jump_to_page": None}
        return Outcome("jump", f"unlinked the jump of {_name(state)}", changed)
    target = _state(edition, target_uid)
    if target["kind"] != ARTICLE or target_uid == uid:
        raise UsageError("an article continues in another article")
    changed[uid] = {**state, "continues_in": target_uid, "jump_to_page": target["page"]}
    changed[str(target_uid)] = {**target, "jump_from_page": state["page"]}
    return Outcome("jump", f"linked {_name(state)} to its continuation on page {target['page']}", changed)


EDITS: dict[str, Callable[[Edition, dict[str, Any]], Outcome]] = {
    "retype": retype,
    "merge": merge,
    "split": split,
    "regions": set_regions,
    "add": add_item,
    "delete": delete_item,
    "text": edit_text,
    "jump": link_jump,
}
