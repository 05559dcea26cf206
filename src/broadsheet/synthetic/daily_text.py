"""Text for what daily pages add, on top of :class:`broadsheet.synthetic.text.TextGen`:
bylines with a place or in capitals, author bios, photo credits, run-in labels, advert copy and
imprint lines, from :mod:`broadsheet.synthetic.daily_vocab`."""

from __future__ import annotations

import random

from broadsheet.synthetic.daily_vocab import daily_vocab
from broadsheet.synthetic.text import TextGen


class DailyText(TextGen):
    """Seeded phrase assembler for one left-to-right language, with the daily tables."""

    def __init__(self, rng: random.Random, language: str) -> None:
        super().__init__(rng, language)
        self.d = daily_vocab(language)

    def dpick(self, key: str) -> str:
        return self.rng.choice(self.d[key])

    def fill(self, key: str, name: str | None = None) -> str:
        """A template of ``key`` with its name, place, field and number slots filled."""
        who = name or self.name()
        return self.dpick(key).format(
            name=who, NAME=who.upper(), city=self.dpick("city"), field=self.dpick("field"), n=self.rng.randint(2, 99)
        )

    def daily_byline(self) -> str:
        """ "By NAME", "NAME | CITY", a name alone or in capitals, in the page's language."""
        return self.fill("byline")

    def lead_headline(self) -> str:
        """Three to five words: a lead set in the biggest type on the page must be short."""
        words = self.pick("object").split()
        words = words[: self.rng.randint(3, 5)]
        while len(words) > 2 and len(words[-1]) <= 3:  # never end on "to", "a", "of"...
            words.pop()
        return " ".join(words)[:1].upper() + " ".join(words)[1:]

    def bio(self, name: str) -> str:
        return self.fill("bio", name)

    def credit(self) -> str:
        return self.fill("credit")

    def label(self) -> list[str]:
        """A run-in label ("Methods:", "Background.") as the tokens it is set as."""
        return self.dpick("label").split()

    def web(self, words: str) -> str:
        slug = "".join(c for c in words.lower() if c.isascii() and c.isalnum())[:18] or "info"
        return f"www.{slug}.{self.dpick('tld')}"

    def advert_copy(self) -> list[str]:
        """Two or three sentences of advert copy, one paragraph, as tokens."""
        sentences = self.rng.sample(self.d["ad_body"], self.rng.randint(2, 3))
        return " ".join(sentences).split()

    def imprint(self, paper: str) -> list[tuple[str, str]]:
        """(label, value) lines of an imprint box: publisher, editor, address, phone..."""
        labels = self.d["imprint"]
        values = [
            self.fill("publisher"),
            self.name(),
            self.fill("street"),
            self.phone(),
            f"info@{self.web(paper)[4:]}",
            self.fill("printer"),
            self.phone(),
        ]
        return list(zip(labels, values, strict=True))
