"""Arabic-script words folded for search, the same way in the index, in queries and in highlighting.

tantivy's analyzers can lower-case and fold Latin to ASCII but cannot map or drop Arabic-script
characters, so this is done in Python before tantivy sees the text (:func:`fold_text`, for documents
and queries alike); tantivy's own analyzer then runs on the result. Only runs of Arabic-script
characters are touched: text without any is returned as it is, at the cost of one regular-expression
scan. Snippets are marked in the text as written: :class:`Folded` maps the folded text's offsets
back to the original's.

Why each choice (newspaper text, typed by many people on many keyboards, and PDFs' text layers):

* **Marks and joiners dropped**: harakat and the other Arabic marks (U+0610–U+061A, U+064B–U+065F,
  the superscript alef U+0670, Quranic marks U+06D6–U+06ED, U+08D3–U+08FF), tatweel ``ـ``, the high
  hamza ``ٴ``, ZWNJ and ZWJ: they change how a word looks, not which word it is.
* **Presentation forms** (PDFs often carry them, U+FB50–U+FDFF, U+FE70–U+FEFF) become letters (NFKC).
* **Letter variants folded**, each to the Arabic letter: ``أ إ آ ٱ`` → ``ا``; ``ى`` (alef maksura),
  Persian/Urdu ``ی``, Urdu ``ے`` and ``ۓ`` → ``ي`` (``ى``/``ي`` at a word's end are interchangeable in
  much Arabic typing; ``ے`` is the Urdu final form, so Urdu ``لڑکے``/``لڑکی`` fold alike, a price taken
  as a stemmer's plural-singular merge is); ``ئ`` → ``ي`` and ``ؤ`` → ``و`` (the hamza's seat is often
  typed without it, and Urdu writes ``لئے`` and ``لیے`` alike); ``ک ڪ`` → ``ك``; ``ہ ۂ ۀ ە`` (Urdu heh
  goal and kin) and ``ة ۃ`` (teh marbuta) → ``ه``. Kept apart on purpose: Urdu ``ھ`` (do-chashmi heh,
  which marks aspiration: ``کہا`` "said" and ``کھا`` "ate" are different words), the lone hamza ``ء``,
  and letters no other letter stands in for (``پ چ ژ گ ٹ ڈ ڑ ں``).
* **Digits**: Arabic-Indic ``٠–٩`` and Eastern (Persian/Urdu) ``۰–۹`` become ASCII ``0–9``.
* **Prefixes, lightly**: the article and what is written joined to it (``ال وال بال كال فال لل ولل
  وبال وكال فبال فكال فلل``) is always taken off when at least three letters stay (so ``الله`` is not
  taken for ``له``; the price: two-letter stems such as ``الأم``/``أم`` are not related). The
  one-letter clitics ``و ف ب ل ك`` (and ``و``/``ف`` followed by ``ب ل ك``) are ambiguous — they are also
  the first letter of many words (``كتاب``, ``فلسطين``) — so a word keeps its own form and *also*
  gets the stripped one as a second form when at least three letters stay: a document is indexed
  under both, and a query word is searched as either (:func:`forms`). A word then matches whenever the
  forms meet: ``وفلسطين`` finds ``فلسطين``, ``الوزير`` is found by ``وزير``.
* **Urdu and Persian get no prefix handling**: their prepositions are separate words (``کا میں سے``),
  and ``ب``/``و``-initial words are ordinary (``بالکل``, ``وزیر``). A word is taken for Urdu or Persian
  when it has a letter Arabic does not use (``ی ک ہ ے ۃ ں ٹ ڈ ڑ پ چ گ ژ ھ``, checked before folding).
  Urdu words written only with letters Arabic shares (``بارش``) are treated as Arabic.

Phrases are matched on each word's first form (the article taken off, clitics kept): the index's
pairs hold one form per word, and a phrase's words follow each other exactly.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff"
JOINERS = "\u200c\u200d"
# A word as readers type it and articles print it: letters and digits with the marks written on them
# (Latin accents, harakat), and joiners inside it (Persian and Urdu write ZWNJ within words).
WORD = re.compile(f"(?:\\w|[\u0300-\u036f{MARKS}])+(?:[{JOINERS}]+(?:\\w|[\u0300-\u036f{MARKS}])+)*")
_DROPPED = re.compile(f"[{MARKS}{JOINERS}\u0640\u0674]")
# Arabic-script letters, marks and digits (and presentation forms), and the joiners inside a word.
_SCRIPT = f"[\u0620-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdfb\ufe70-\ufefc{JOINERS}]"
_RUN = re.compile(f"{_SCRIPT}+")
_ANY = re.compile(_SCRIPT)  # finding one is three times quicker than finding a run
_LETTERS = str.maketrans(
    {
        **dict.fromkeys("أإآٱٲٳ", "ا"),
        **dict.fromkeys("ىیےۓئ", "ي"),
        "ؤ": "و",
        **dict.fromkeys("کڪ", "ك"),
        **dict.fromkeys("ہۂۀەةۃ", "ه"),
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
URDU_LETTERS = frozenset("یکہےۃںٹڈڑپچگژھۂۓ")
ARTICLES = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "ال", "لل")
CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
MIN_STEM = 3
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ONLY_ARABIC = re.compile("[\u0621-\u064a]+")


def fold_letters(word: str) -> str:
    """``word`` with Arabic-script marks, tatweel and joiners dropped, letter variants and digits folded."""
    return _DROPPED.sub("", unicodedata.normalize("NFKC", word).translate(_LETTERS))


def _without_article(word: str) -> str:
    prefix = next((p for p in ARTICLES if word.startswith(p)), "")
    return word[len(prefix) :] if prefix and len(word) - len(prefix) >= MIN_STEM else word


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The search forms of one word: folded, its article taken off, then any form without a clitic.

    Words in other scripts come back as they are (tantivy folds Latin); an Arabic-script word that is
    only marks or joiners has no form.
    """
    folded = fold_letters(word)
    if not folded or not _ONLY_ARABIC.fullmatch(folded) or not URDU_LETTERS.isdisjoint(word):
        return (folded,) if folded else ()
    stem = _without_article(folded)
    if stem != folded:
        return (stem,)
    more = (_without_article(stem[len(c) :]) for c in CLITICS if stem.startswith(c) and len(stem) - len(c) >= MIN_STEM)
    return tuple(dict.fromkeys((stem, *more)))


def has_arabic(text: str) -> bool:
    """Whether ``text`` has any Arabic-script character (or joiner): tens of microseconds for an article."""
    return not text.isascii() and _ANY.search(text) is not None


def _replacement(run: str, every_form: bool) -> str:
    found = forms(run)
    if not found:
        return " "  # a run of marks alone separates what is around it, as tantivy's tokenizer would
    return " ".join(found) if every_form else found[0]


def fold_text(text: str, every_form: bool = True) -> str:
    """``text`` with each Arabic-script word replaced by its forms (or only its first), the rest untouched.

    Documents' ``words`` are indexed with every form; phrase pairs and phrase queries use the first.
    """
    if not has_arabic(text):
        return text
    return _RUN.sub(lambda m: _replacement(m.group(), every_form), text)


@dataclass(frozen=True)
class Folded:
    """Text folded with every form, and where each replaced word came from.

    tantivy marks snippets in the text it is given; these offsets take its marks back to the text as
    written, so a hit is marked whole, prefix, marks and tatweel included. Offsets are kept in
    characters and turned into UTF-8 bytes (tantivy's and :func:`marked_html`'s) only for the few
    marks asked for: encoding every piece cost more than the folding.
    """

    text: str
    source: str = ""
    starts: list[int] = field(default_factory=list)  # folded character where each replaced word starts
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (folded end, original start, end)

    @classmethod
    def of(cls, text: str) -> Folded:
        if not has_arabic(text):
            return cls(text, text)
        out: list[str] = []
        starts, pieces = [], []
        at = shift = 0  # shift: folded offset minus original offset
        for m in _RUN.finditer(text):
            a, b = m.span()
            replaced = _replacement(m.group(), every_form=True)
            out += (text[at:a], replaced)
            starts.append(a + shift)
            shift += len(replaced) - (b - a)
            pieces.append((b + shift, a, b))
            at = b
        out.append(text[at:])
        return cls("".join(out), text, starts, pieces)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The UTF-8 byte range of the text as written that folded bytes ``start``–``end`` come from."""
        if not self.starts:
            return start, end
        chars = [len(self._encoded[:offset].decode(errors="ignore")) for offset in (start, end)]
        a, b = self._at(chars[0], is_end=False), self._at(chars[1], is_end=True)
        return len(self.source[:a].encode()), len(self.source[:b].encode())

    @cached_property
    def _encoded(self) -> bytes:
        return self.text.encode()

    def _at(self, offset: int, is_end: bool) -> int:
        i = (bisect.bisect_left if is_end else bisect.bisect_right)(self.starts, offset) - 1
        if i < 0:
            return offset
        folded_end, original_start, original_end = self.pieces[i]
        if offset < folded_end or (is_end and offset == folded_end):
            return original_end if is_end else original_start
        return offset - folded_end + original_end
