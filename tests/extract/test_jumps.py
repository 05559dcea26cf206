from __future__ import annotations

import pytest

from broadsheet.extract.jumps import find_jump

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
