"""Briefs in right-to-left columns (``broadsheet.extract.runin``): Arabic pages printed by Chromium,
their run-in heads told by bold words alone, no capitals and often no stop after them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from broadsheet.extract import extract_pages
from tests.browsers import browser  # noqa: F401 (the fixture)
from tests.extract.layouts import articles

if TYPE_CHECKING:
    from playwright.sync_api import Browser


ARABIC_WORDS = [
    "وافق",
    "المجلس",
    "البلدي",
    "على",
    "خطة",
    "الجسر",
    "الجديد",
    "بعد",
    "اجتماع",
    "طويل",
    "يوم",
    "الثلاثاء",
    "في",
    "المدينة",
]
LABEL = "ملاحظة هامة"  # "an important note": bold words opening a paragraph of the story


def _arabic(count: int, start: int) -> str:
    return " ".join(ARABIC_WORDS[(start + k) % len(ARABIC_WORDS)] for k in range(count)) + "."


def _arabic_page(
    browser: Browser,  # noqa: F811
    out: Path,
    heads_alone: int = 0,
    words: int = 24,
    height: int = 900,
    heads: tuple[str, ...] = ("خطة الجسر", "اجتماع المدينة", "المجلس البلدي"),
    title: str = "باختصار",
) -> Path:
    """A right-to-left page printed by Chromium, ``height`` pixels tall: a story in two columns on the
    right, one of its paragraphs opening with bold words, and on the left a column of briefs under
    ``title`` (or none), each brief's head (``heads``) bold and run in, with no stop after it, but the
    first ``heads_alone``, on lines of their own; each brief ``words`` long."""
    label = f"<p><b>{LABEL}</b> {_arabic(30, 7)}</p>"
    paragraphs = "".join(f"<p>{_arabic(40, k)}</p>" for k in range(3))
    story = (
        '<div style="width: 380px"><h1 style="font-size: 26px; margin: 0 0 8px">'
        f"{_arabic(6, 1)[:-1]}</h1>"
        '<div style="column-count: 2; column-gap: 14px; text-align: justify">'
        f"{paragraphs}{label}{paragraphs}</div></div>"
    )
    briefs = "".join(
        f'<p style="margin: 0 0 8px"><b>{head}</b>{"<br>" if k < heads_alone else " "}{_arabic(words, 3 * k)}</p>'
        for k, head in enumerate(heads)
    )
    heading = f'<h4 style="margin: 0 0 6px; font-size: 15px; border-bottom: 2px solid #000">{title}</h4>'
    column = f'<div style="width: 150px; text-align: justify">{heading if title else ""}{briefs}</div>'
    html = (
        '<html dir="rtl"><body style="margin: 30px; font-family: \'Noto Naskh Arabic\'; font-size: 13px">'
        f'<div style="display: flex; gap: 16px; align-items: flex-start">{story}{column}</div></body></html>'
    )
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(out), width="650px", height=f"{height}px")
    tab.close()
    return out


def test_right_to_left_run_in_heads_with_no_stop_after_them_head_briefs(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Regression (an Arabic daily laid out in HTML, printed by Chromium): a right-to-left line had no
    run-in heading at all, so a column of briefs, each opening with its bold head, ran into one article
    under the column's title. Arabic has no capitals to tell a head by: the bold words do, and where
    the paragraph stands tells a brief from a label inside a story."""
    (page,) = extract_pages(_arabic_page(browser, tmp_path / "arabic.pdf"))
    found = articles(page)
    assert [a.headline for a in found][-3:] == ["خطة الجسر", "اجتماع المدينة", "المجلس البلدي"]
    story = next(a for a in found if a.headline == _arabic(6, 1)[:-1])
    assert story.body is not None
    assert LABEL in story.body, "the story's paragraph led by bold words stays in it"


def test_a_right_to_left_columns_first_brief_head_on_a_line_of_its_own_heads_a_brief(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Regression (an Arabic daily printed by Chromium): the first brief's head, on a line of its own
    right under the column's title, was read as the title's byline (two bold words are a name's length
    without capitals), and the run-in briefs under it as labels of that "story". A bold line opening
    the column's content, set like the run-in heads under it, heads the first brief."""
    (page,) = extract_pages(_arabic_page(browser, tmp_path / "arabic.pdf", heads_alone=1))
    assert [a.headline for a in articles(page)][-3:] == ["خطة الجسر", "اجتماع المدينة", "المجلس البلدي"]
    assert not any(a.byline == "خطة الجسر" for a in articles(page))


def test_right_to_left_brief_heads_on_lines_of_their_own_down_to_a_run_in_one_head_briefs(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Regression (an Arabic daily printed by Chromium): two long briefs' heads on lines of their own,
    then a run-in one more than a brief's length under the first: the first was read as the column
    title's byline, and the briefs under it as labels of that story."""
    (page,) = extract_pages(_arabic_page(browser, tmp_path / "arabic.pdf", heads_alone=2, words=45))
    assert [a.headline for a in articles(page)][-3:] == ["خطة الجسر", "اجتماع المدينة", "المجلس البلدي"]


def test_a_right_to_left_brief_at_the_top_of_a_tall_page_keeps_its_one_word_head(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Regression (an Urdu page printed by Chromium, its briefs column at the top of a tall inside page
    with no header): the first brief's one-word run-in head, a short line in the page's top band, was
    taken for the page's header, and the brief lost its headline."""
    heads = ("الجسر", "اجتماع المدينة", "المجلس البلدي")
    (page,) = extract_pages(_arabic_page(browser, tmp_path / "arabic.pdf", height=1600, heads=heads, title=""))
    assert [a.headline for a in articles(page)][-3:] == list(heads)
