from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract.jumps import find_jump
from tests.extract.layouts import articles, generated_page, true_headlines

JUMP_LINES = {
    "Continued on page 7": ("to", 7),
    "continúa en la página 3": ("to", 3),
    "Continúa en pág. 12": ("to", 12),
    "Pasa a página 4": ("to", 4),
    "suite page 5": ("to", 5),
    "a pagina 24": ("to", 24),
    "Continued from page 1": ("from", 1),
    "Segue a pagina 7": ("to", 7),
    "Fortsetzung auf Seite 4": ("to", 4),
    "Mehr auf Seite 9": ("to", 9),
    "(Continued from Page One)": ("from", 1),
    "From front page": ("from", 1),
    "Continued from A1": ("from", 1),
    "Segue dalla prima": ("from", 1),
    "dalla prima pagina": ("from", 1),
    "Servizi alle pagine 2 e 3": ("to", 2),
    "ALLE PAGINE 6, 7 E 8": ("to", 6),
    "Viene de la portada": ("from", 1),
    "Viene de página 2": ("from", 2),
    "Continuación de la página 2": ("from", 2),
    "Continuação da capa": ("from", 1),
    "Vem da pág. 3": ("from", 3),
    "Continua na pág. 8": ("to", 8),
    "Leia mais na página 15": ("to", 15),
    "(Suite de la une)": ("from", 1),
    "Fortsetzung von der Titelseite": ("from", 1),
    "التتمة في الصفحة 3": ("to", 3),
    "تتمة ص ٧": ("to", 7),
    "تابع في الصفحة 12": ("to", 12),
    "تتمة من الصفحة الأولى": ("from", 1),
    "تابع من الصفحة 2": ("from", 2),
    "بقیہ صفحہ 5 پر": ("to", 5),
    "بقیہ صفحہ ۷ نمبر 3": ("to", 7),
    "باقی صفحه 4 پر": ("to", 4),
    "صفحہ اول سے آگے": ("from", 1),
    "صفحہ 3 کا بقیہ": ("from", 3),
}


@pytest.mark.parametrize(("text", "expected"), JUMP_LINES.items())
def test_jump_lines_in_several_languages(text: str, expected: tuple[str, int]) -> None:
    jump = find_jump(text)
    assert jump is not None, text
    assert (jump.direction, jump.page) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on page 3 of the report that the budget would grow next year",
        "Aid arrives from the front page of history",  # the front page's name only as a whole line
        "Letters from the front",
        "La prima pagina",
        "Le pagine 2 e 3 del rapporto",
        "قال الوزير في الصفحة 3 من التقرير إن الميزانية ستزيد",
        "رپورٹ کے صفحہ 3 پر وزیر نے کہا",
    ],
)
def test_lines_that_only_mention_a_page_are_not_jumps(text: str) -> None:
    assert find_jump(text) is None


def test_a_small_head_under_a_leads_jump_out_line_is_no_crosshead_of_the_lead(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 3016 page 2): "Un programme", a brief's
    bold head a size over the text atop a column, under the lead's column ending "Suite page 3": read
    as the lead's crosshead (under its far bigger headline, which opens running text), its brief and
    the next joined the lead's story beside."""
    truth, page = generated_page(tmp_path, 2, seed=3016, daily=True, language="fr")
    assert sorted(a.headline or "" for a in articles(page)) == true_headlines(truth)


def test_one_line_of_text_under_from_page_1_is_the_carried_over_storys_text(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 3013 page 2): "Suite de la page 1" and a
    story's one carried-over line under it, set as one block of two lines, were read together as the
    jump line: the story lost its only text (a jump line was parted from text only in three lines
    or more)."""
    _, page = generated_page(tmp_path, 2, seed=3013, daily=True, language="fr")
    story = next(a for a in articles(page) if a.headline == "De nouvelles pistes cyclables")
    assert story.body == "des mois de négociations."


def test_a_boxed_story_continued_from_another_page_is_no_teaser(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 3611 page 3): a story's part continued
    from page 2, boxed, its head a size over the body and its text a few lines in two columns, the
    jump line naming a page: it was taken for a teaser strip, and left out as furniture."""
    truth, result = generated_page(tmp_path, 3, seed=3611, daily=True, language="de")
    assert sorted(a.headline or "" for a in articles(result)) == true_headlines(truth)


def test_a_jump_out_line_under_a_pull_quote_at_a_columns_foot_is_its_storys(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 6314 page 2, studied this session): a lead's
    last column ends in a pull quote between two rules, its jump line ("Continued on page 3") under
    the lower rule: the rule parted the line from the lead's headline, and it became a story of its
    own. It runs on from the text over the quote, as a paragraph under a quote does."""
    truth, page = generated_page(tmp_path, 2, seed=6314, daily=True)
    jumps = {i["headline"]: i["jump"]["to_page"] for i in truth["items"] if i["type"] == "article" and i["jump"]}
    assert jumps
    found = {a.headline: a.jump.to_page for a in articles(page) if a.jump is not None and a.jump.to_page}
    assert found == jumps
    assert sorted(a.headline or "" for a in articles(page)) == true_headlines(truth)
