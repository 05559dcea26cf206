"""Filler text for synthetic pages: sentences, headlines, bylines, captions in several languages.

All text is assembled from the phrase tables in :mod:`broadsheet.synthetic.vocab`, driven by a
seeded :class:`random.Random`, so the same seed always yields the same newspaper. Bodies come out
as paragraphs of words (tokens), which is exactly what the ground truth needs: the layout may
hyphenate or split a token on the page, the ground truth keeps it whole.
"""

from __future__ import annotations

import random

from broadsheet.synthetic.vocab import RTL_LANGUAGES, vocab

Paragraph = list[str]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


class TextGen:
    """Seeded phrase assembler for one language."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.language = language
        self.rtl = language in RTL_LANGUAGES
        self.v = vocab(language)

    def pick(self, key: str) -> str:
        return self.rng.choice(self.v[key])

    # -- running text -------------------------------------------------------------------------
    def clause(self) -> str:
        """Subject, verb, object and maybe a complement, in the language's usual order."""
        r = self.rng
        subj, verb, obj = self.pick("subject"), self.pick("verb"), self.pick("object")
        comp = self.pick("complement") if r.random() < 0.6 else ""
        if self.language == "ur":
            ne, _, rest = verb.partition(" ")
            parts = [comp, subj, ne, obj, rest]
        elif self.language == "ar":
            parts = [verb, subj, obj, comp]
        else:
            parts = [subj, verb, obj, comp]
        return " ".join(p for p in parts if p)

    def sentence(self) -> str:
        r = self.rng
        clause = self.clause()
        if r.random() < 0.3:
            conn = self.pick("connector")
            if self.language == "de":
                # German puts the verb second after a fronted adverbial.
                subj, verb, obj = self.pick("subject"), self.pick("verb"), self.pick("object")
                particle = ""
                if " " in verb:
                    verb, particle = verb.split(" ", 1)
                clause = " ".join(p for p in (verb, subj, obj, particle) if p)
            text = f"{conn} {clause}"
        else:
            text = clause
        if r.random() < 0.25 and not self.rtl:
            text += ", " + self.pick("complement")
        end = "." if r.random() < 0.93 else ("?" if self.rtl else "!")
        if self.rtl and end == "?":
            end = "؟"
        return _cap(text) + end

    def paragraph(self, min_sent: int = 2, max_sent: int = 5) -> Paragraph:
        n = self.rng.randint(min_sent, max_sent)
        return " ".join(self.sentence() for _ in range(n)).split()

    def body(self, chars: int) -> list[Paragraph]:
        """Paragraphs totalling at least ``chars`` characters."""
        out: list[Paragraph] = []
        total = 0
        while total < chars:
            p = self.paragraph()
            out.append(p)
            total += sum(len(w) + 1 for w in p)
        return out

    # -- display text -------------------------------------------------------------------------
    def headline(self, long: bool) -> str:
        r = self.rng
        if long:
            text = self.clause()
        elif r.random() < 0.5:
            text = self.pick("object")
        else:
            text = f"{self.pick('subject')} {self.pick('verb')}"
        text = _cap(text)
        if self.language == "en" and r.random() < 0.4:
            small = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "with", "and", "by"}
            words = text.split()
            text = " ".join(w if (i and w in small) else _cap(w) for i, w in enumerate(words))
        return text

    def kicker(self) -> str:
        k = self.pick("section") if self.rng.random() < 0.6 else _cap(self.pick("subject"))
        return k.upper() if (self.rng.random() < 0.5 and not self.rtl) else k

    def deck(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 2)))

    def name(self) -> str:
        return f"{self.pick('first')} {self.pick('last')}"

    def byline(self) -> str:
        tpl = self.pick("byline")
        return tpl.format(name=self.name(), name2=self.name())

    def caption(self) -> str:
        tpl = self.pick("caption")
        text = tpl.format(
            Subject=_cap(self.pick("subject")),
            verb=self.pick("verb"),
            object=self.pick("object"),
            complement=self.pick("complement"),
            Name=self.name(),
        )
        return " ".join(text.split())

    def pull_quote(self) -> str:
        s = self.sentence()
        return f"«{s}»" if self.rtl else f"“{s}”"

    def brief_title(self) -> str:
        words = self.pick("object").split()[: self.rng.randint(2, 4)]
        while len(words) > 1 and len(words[-1]) <= 3:  # never end on "to", "a", "of"...
            words.pop()
        return _cap(" ".join(words))

    def jump_to(self, page: int, keyword: str) -> str:
        return self.pick("jump_to").format(n=page, word=keyword)

    def jump_from(self, page: int) -> str:
        return self.pick("jump_from").format(n=page)

    def date(self) -> str:
        r = self.rng
        day, month = self.pick("days"), self.pick("months")
        d, y = r.randint(1, 28), r.randint(2019, 2026)
        if self.language == "en":
            return f"{day}, {month} {d}, {y}"
        if self.language == "de":
            return f"{day}, {d}. {month} {y}"
        return f"{day} {d} {month} {y}"

    def phone(self) -> str:
        r = self.rng
        return f"{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(1000, 9999)}"
