"""An item's whole state as plain data, read from and written to the edition models by its ``uid``.

Corrections are recorded as states before and after (:class:`broadsheet.editions.models.Correction`),
so undo, versions and restoring one all come down to :func:`apply`; so does a new PDF of an edition
keeping the corrections of its unchanged pages (:mod:`broadsheet.ingest.corrections`). An article is a
row of ``Article`` (what readers open); any other item a row of ``PageItem``; changing an item's kind
moves it from one table to the other under the same ``uid``. An article that stays an article is
updated in place: its row id, which search documents and jump links hold, does not change.
"""

from __future__ import annotations

import uuid
from typing import Any

from broadsheet.editions.models import Article, Edition, Page, PageItem
from broadsheet.extract.model import ItemType

State = dict[str, Any]
TEXTS = ("kicker", "headline", "subheadline", "byline", "body", "captions")
KINDS = tuple(t.value for t in ItemType)
ARTICLE = ItemType.ARTICLE.value


def title(state: State, words: int = 10) -> str:
    """An article's headline, or its first words; for another item, its kind."""
    if state["kind"] != ARTICLE:
        return str(state["kind"]).title()
    found = str(state["headline"] or state["body"]).split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "") if found else "Untitled article"


def _article_state(a: Article) -> State:
    return {
        "kind": ItemType.ARTICLE.value,
        "page": a.page.number,
        "key": a.key,
        "order": a.order,
        "regions": a.regions,
        **{name: getattr(a, name) for name in TEXTS},
        "jump_to_page": a.jump_to_page,
        "jump_from_page": a.jump_from_page,
        "continues_in": str(a.continues_in.uid) if a.continues_in else None,
    }


def _item_state(item: PageItem) -> State:
    return {
        "kind": item.kind,
        "page": item.page.number,
        "order": item.order,
        "regions": item.regions,
        "texts": item.texts,
    }


def snapshot(edition: Edition, uids: list[str] | None = None, page: int | None = None) -> dict[str, State | None]:
    """The states of ``uids`` (of every item when None, or of a ``page``'s); None for a uid with no item."""
    articles = Article.objects.filter(edition=edition).select_related("page", "continues_in")
    items = PageItem.objects.filter(edition=edition).select_related("page")
    if uids is not None:
        articles, items = articles.filter(uid__in=uids), items.filter(uid__in=uids)
    if page is not None:
        articles, items = articles.filter(page__number=page), items.filter(page__number=page)
    states: dict[str, State | None] = {u: None for u in uids or []}
    states |= {str(a.uid): _article_state(a) for a in articles}
    states |= {str(i.uid): _item_state(i) for i in items}
    return states


def corrected_pages(edition: Edition) -> set[int]:
    """The pages any correction changed (before or after); a log entry that changes no item (publishing)
    has no states."""
    pages = set()
    for c in edition.corrections.only("before", "after"):
        pages |= {s["page"] for s in (*c.before.values(), *c.after.values()) if s}
    return pages


def is_uid(value: str) -> bool:
    """Whether ``value`` is a uid as :func:`snapshot` writes them (a canonical UUID)."""
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def new_uid() -> str:
    return str(uuid.uuid4())


def free_article_key(edition: Edition, page: int, taken: set[str] | None = None) -> str:
    """A URL key no article of the edition has: ``<page>-e<n>`` (``e`` for an editor's)."""
    used = set(Article.objects.filter(edition=edition).values_list("key", flat=True)) | (taken or set())
    n = 1
    while f"{page}-e{n}" in used:
        n += 1
    return f"{page}-e{n}"


def as_article(state: State) -> State:
    """An item's state as an article's: the text it kept from being one (if ever), or none."""
    texts = state.get("texts") or {}
    return {
        "kind": ItemType.ARTICLE.value,
        "page": state["page"],
        "key": state.get("key") or texts.get("key"),
        "order": state["order"],
        "regions": state["regions"],
        **{name: texts.get(name, [] if name == "captions" else "") for name in TEXTS},
        "jump_to_page": None,
        "jump_from_page": None,
        "continues_in": None,
    }


def as_item(state: State, kind: str) -> State:
    """An article's state as another kind of item's, its text (and key) kept aside."""
    kept = {name: state[name] for name in (*TEXTS, "key") if state.get(name)}
    return {"kind": kind, "page": state["page"], "order": state["order"], "regions": state["regions"], "texts": kept}


def apply(edition: Edition, states: dict[str, State | None]) -> None:
    """Make the edition's items ``states`` (uid → state, None: no such item any more), in one go.

    Rows leaving a table go first and keys are freed before they are taken, as two articles may swap.
    """
    pages = {p.number: p for p in Page.objects.filter(edition=edition)}
    gone = [u for u, s in states.items() if s is None or s["kind"] != ItemType.ARTICLE.value]
    Article.objects.filter(edition=edition, uid__in=gone).delete()
    not_items = [u for u, s in states.items() if s is None or s["kind"] == ItemType.ARTICLE.value]
    PageItem.objects.filter(edition=edition, uid__in=not_items).delete()
    articles = {u: s for u, s in states.items() if s is not None and s["kind"] == ItemType.ARTICLE.value}
    for row in Article.objects.filter(edition=edition, uid__in=list(articles)).only("id"):
        Article.objects.filter(id=row.id).update(key=f"~{row.id}")
    for uid, state in articles.items():
        _put_article(edition, pages[state["page"]], uid, state)
    for uid, other in states.items():
        if other is not None and uid not in articles:
            PageItem.objects.update_or_create(
                edition=edition,
                uid=uid,
                defaults={
                    "page": pages[other["page"]],
                    "kind": other["kind"],
                    "order": other["order"],
                    "regions": other["regions"],
                    "texts": other.get("texts") or {},
                },
            )
    _link(edition, articles)


def _put_article(edition: Edition, page: Page, uid: str, state: State) -> None:
    fields = {
        "page": page,
        "key": state["key"],
        "order": state["order"],
        "regions": state["regions"],
        **{name: state[name] for name in TEXTS},
        "jump_to_page": state["jump_to_page"],
        "jump_from_page": state["jump_from_page"],
    }
    row = Article.objects.filter(edition=edition, uid=uid).first()
    if row is None:
        Article.objects.create(edition=edition, uid=uid, **fields)
        return
    for name, value in fields.items():
        setattr(row, name, value)
    row.revision += 1
    row.save()


def _link(edition: Edition, articles: dict[str, State]) -> None:
    """Point each article's ``continues_in`` at the article its state names (by uid)."""
    targets = {u: s["continues_in"] for u, s in articles.items()}
    ids = dict(
        Article.objects.filter(edition=edition, uid__in=[t for t in targets.values() if t]).values_list("uid", "id")
    )
    by_uid = {str(u): i for u, i in ids.items()}
    for uid, target in targets.items():
        Article.objects.filter(edition=edition, uid=uid).update(continues_in_id=by_uid.get(target) if target else None)
