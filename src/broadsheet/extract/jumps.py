"""Jump lines ("continued on page 7", "da pagina 2", "suite page 5"): a small table per language.

Each pattern captures the page number, or the front page's name (page 1); ``to`` patterns say where
the article goes next, ``from`` patterns where it came from. Add a language by adding rows, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from broadsheet.extract.model import Jump

# (language, direction, pattern) — matched case-insensitively against a whole short line. The group
# is the page's number, or the front page's name ("Continued from page one", "dalla prima", "suite de
# la une": page 1), which only a whole line of its own names.
JUMP_PATTERNS: list[tuple[str, Literal["to", "from"], str]] = [
    ("en", "from", r"continued from (?:page\s*)?(\d{1,3})"),
    ("en", "from", r"from (?:page\s*)?(\d{1,3})$"),
    ("en", "from", r"^(?:continued )?from (page one|(?:the )?front page|a1)$"),
    ("en", "to", r"(?:continued|cont(?:inues|'d|\.)?|see|turn to)\b.*?(?:on |to )?page\s*(\d{1,3})"),
    ("en", "to", r"(?:more|story|details) on page\s*(\d{1,3})"),
    ("it", "from", r"(?:segue |continua )?da(?:lla)? (?:pagina|pag\.?)\s*(\d{1,3})(?!\s*a\b)"),
    ("it", "from", r"^(?:segue |continua )?dalla (prima(?: pagina)?)$"),
    ("it", "to", r"(?:segue|continua)\s+(?:a|alla|in)\s+(?:pagina|pag\.?)\s*(\d{1,3})"),
    ("it", "to", r"da (?:pagina|pag\.?)\s*\d{1,3}\s+a (?:pagina|pag\.?)?\s*(\d{1,3})"),
    ("it", "to", r"^a (?:pagina|pag\.)\s*(\d{1,3})$"),
    ("it", "to", r"^(?:(?:altri )?(?:servizi|articoli) )?alle pagine\s*(\d{1,3})(?:\s*(?:e|,|-)\s*\d{1,3})*$"),
    ("es", "from", r"(?:viene|continuación) de (?:la )?(?:página|pág\.?)\s*(\d{1,3})"),
    ("es", "from", r"^(?:viene|continuación) de (?:la )?(portada|primera(?: página)?)$"),
    ("es", "to", r"(?:continúa|sigue|pasa) (?:en|a) (?:la )?(?:página|pág\.?)\s*(\d{1,3})"),
    ("pt", "from", r"(?:continuação|vem) da (?:página|pág\.?)\s*(\d{1,3})"),
    ("pt", "from", r"^(?:continuação|vem) da (capa|primeira(?: página)?)$"),
    ("pt", "to", r"(?:continua|segue) (?:na|em) (?:página|pág\.?)\s*(\d{1,3})"),
    ("pt", "to", r"(?:leia|veja|saiba) mais na (?:página|pág\.?)\s*(\d{1,3})"),
    ("fr", "from", r"suite de la page\s*(\d{1,3})"),
    ("fr", "from", r"^suite de (la une)$"),
    ("fr", "to", r"(?:suite|lire la suite)(?: en| à la)? page\s*(\d{1,3})"),
    ("de", "from", r"fortsetzung von seite\s*(\d{1,3})"),
    ("de", "from", r"^fortsetzung von (?:der )?(titelseite)$"),
    ("de", "to", r"(?:fortsetzung|weiter|mehr) (?:auf )?seite\s*(\d{1,3})"),
    # Arabic and Urdu, in their own letters and any of their spellings (ي/ی, ه/ہ, ے/ی: fonts map Urdu's
    # final letters either way); \d takes Arabic-Indic digits
    ("ar", "from", r"^(?:تتمة|التتمة|تابع|بقية) (?:ما )?من (?:الصفحة|صفحة|ص)\.? ?(\d{1,3}|الأولى)$"),
    ("ar", "to", r"^(?:التتمة|تتمة|البقية|تابع|التفاصيل)(?: في)? (?:الصفحة|صفحة|ص)\.? ?(\d{1,3})$"),
    ("ur", "from", r"^(?:صفح[هہ]|ص) ?(\d{1,3}|اول) (?:س[ےی] آگ[ےی]|کا بقی[هہ])$"),
    ("ur", "to", r"^(?:بقی[هہ]|باقی) (?:صفح[هہ]|ص) ?(\d{1,3})(?: (?:نمبر|کالم) ?\d{1,2})?(?: پر)?$"),
]

_COMPILED = [(lang, way, re.compile(p, re.IGNORECASE)) for lang, way, p in JUMP_PATTERNS]
_MAX_LEN = 60  # a jump line is short; a sentence mentioning "page 3" is body text


@dataclass(frozen=True, slots=True)
class JumpLine:
    direction: Literal["to", "from"]
    page: int
    language: str


def find_jump(text: str) -> JumpLine | None:
    """The jump a short line announces, if any."""
    stripped = text.strip(" .()[]…-—–>»")
    if not stripped or len(stripped) > _MAX_LEN:
        return None
    for lang, way, pattern in _COMPILED:
        match = pattern.search(stripped)
        if match:
            number = match.group(1)
            return JumpLine(way, int(number) if number.isdigit() else 1, lang)
    return None


def announces(text: str, direction: Literal["to", "from"]) -> bool:
    """Whether a short line is a jump line of that direction: "to" another page ("Turn to page 3"),
    where its story goes on, or "from" one ("Continued from page 1"), where it came from."""
    jump = find_jump(text)
    return jump is not None and jump.direction == direction


def merge_jumps(lines: list[JumpLine]) -> Jump | None:
    """An article may both continue from one page and go on to another."""
    to_page = next((j.page for j in lines if j.direction == "to"), None)
    from_page = next((j.page for j in lines if j.direction == "from"), None)
    if to_page is None and from_page is None:
        return None
    return Jump(to_page=to_page, from_page=from_page)
