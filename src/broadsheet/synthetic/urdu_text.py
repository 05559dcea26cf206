"""Urdu news-style sentences for training and evaluating Nastaliq OCR, composed from Apertium's Urdu lexicon.

No Urdu text is copied into the project: the words come from Debian's ``apertium-urd`` package (its
dictionary of about 12,000 lemmas with their part of speech), and the sentences are made here from a
few news-style templates whose slots (nouns by gender, adjectives, proper names, verbs, numbers) are
filled from it. Training and test text are kept apart twice: each content word belongs to one side
only (a stable hash of the lemma; a test word is never written on the training side, not even inside a
lemma of several words), and the test side has templates of its own, so a word accuracy measured on
``"test"`` text is on words and sentences the recogniser never saw (the templates' own function words
— کے، میں، نے — excepted).
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from broadsheet.errors import InputFileError

APERTIUM_URDU = Path("/usr/share/apertium/apertium-urd/apertium-urd.urd.dix")
Split = Literal["train", "test"]
# One content word in this many belongs to the test side only.
TEST_SHARE = 5

# Slots: {nm} masculine noun, {nf} feminine noun, {n} any noun, {adj} adjective, {np} proper name,
# {v} verb stem (+نے: the oblique infinitive), {num} a number in Urdu digits.
_TEMPLATES: dict[Split, tuple[str, ...]] = {
    "train": (
        "{np} نے کہا کہ {nm} کا {adj} {nm} جلد مکمل کیا جائے گا۔",
        "حکومت نے {n} اور {n} کے لیے {num} روپے کی منظوری دے دی۔",
        "{nf} کی {nf} پر {adj} بحث جاری ہے۔",
        "وزیر اعلیٰ نے {n} کے {nm} کا دورہ کیا اور {nf} کا جائزہ لیا۔",
        "ماہرین کے مطابق {n} میں {adj} {nf} کی ضرورت ہے۔",
        "شہر کے {nm} میں {n} {v}نے کا فیصلہ کیا گیا۔",
        "{np} کا کہنا ہے کہ {nf} کے بغیر {nm} ممکن نہیں۔",
        "اجلاس میں {n}، {n} اور {n} کے مسائل پر غور کیا گیا۔",
        "پولیس نے {n} کے قریب {num} افراد کو گرفتار کر لیا۔",
        "{nf} کے سلسلے میں {adj} {nm} {num} تاریخ کو ہوگا۔",
        "{np} اور {np} نے {nf} کے بارے میں مشترکہ بیان جاری کیا۔",
        "{n} سے {n} تک {adj} {nf} کا منصوبہ تیار ہے۔",
    ),
    "test": (
        "عدالت نے {nm} کے {nf} سے متعلق {adj} فیصلہ سنا دیا۔",
        "{np} نے {n} کو {v}نے کی ہدایت کی ہے۔",
        "رپورٹ کے مطابق گزشتہ سال {n} کی {nf} میں {num} فیصد اضافہ ہوا۔",
        "کابینہ کے اجلاس میں {adj} {nm} اور {nf} پر تبادلہ خیال ہوا۔",
    ),
}
_URDU_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Arabic letter forms the lexicon sometimes has where Urdu writes its own (ى ي ك → ی ی ک).
_URDU_LETTERS = str.maketrans({"ى": "ی", "ي": "ی", "ك": "ک"})
_ENTRY = re.compile(r'<e lm="([^"]+)">.*?<par n="[^"]*__([a-z_]+)"/>')
_ARABIC_WORD = re.compile(r"^[\u0621-\u06d3 ]+$")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Content words by slot, each list sorted (so a seed gives the same text on every machine)."""

    words: dict[str, tuple[str, ...]]

    def side(self, split: Split) -> Lexicon:
        """The words of one side: a lemma is on the test side when its hash says so, and only if none of
        its words is written on the training side too (in a lemma of several words there, such as
        ``قابل دید``, or in a template): a test word is a word training never showed."""
        if split == "train":
            return Lexicon({slot: tuple(w for w in ws if not _is_test_word(w)) for slot, ws in self.words.items()})
        seen = {t for ws in self.side("train").words.values() for w in ws for t in w.split()}
        seen |= {t for templates in _TEMPLATES.values() for line in templates for t in _words(line)}
        return Lexicon(
            {
                slot: tuple(w for w in ws if _is_test_word(w) and not seen.intersection(w.split()))
                for slot, ws in self.words.items()
            }
        )


def _words(text: str) -> list[str]:
    """The words of a text without its punctuation (Urdu's full stop and comma)."""
    return text.replace("۔", " ").replace("،", " ").split()


def _is_test_word(word: str) -> bool:
    return zlib.crc32(word.encode("utf-8")) % TEST_SHARE == 0


def normalise(text: str) -> str:
    """Urdu as a newspaper prints it: no vowel marks (zabar, zer, pesh, shadda...), Urdu letter forms."""
    text = unicodedata.normalize("NFC", text.translate(_URDU_LETTERS))
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c == "\u0670"))


@cache
def lexicon(path: Path = APERTIUM_URDU) -> Lexicon:
    """Apertium's Urdu lemmas by slot, normalised; words outside the Arabic block (Latin, digits) left out."""
    if not path.is_file():
        raise InputFileError(f"{path}: Apertium's Urdu lexicon is missing: install the Debian package apertium-urd")
    slots: dict[str, set[str]] = {"nm": set(), "nf": set(), "n": set(), "adj": set(), "np": set(), "v": set()}
    for lemma, tag in _ENTRY.findall(path.read_text(encoding="utf-8")):
        word = normalise(lemma).strip()
        if not _ARABIC_WORD.match(word) or len(word) < 2:
            continue
        if tag.startswith("n_m") or tag.startswith("n_f") or tag == "n":
            slots["n"].add(word)
            if tag != "n":
                slots[tag[:3].replace("_", "")].add(word)
        elif tag == "adj":
            slots["adj"].add(word)
        elif tag == "np":
            slots["np"].add(word)
        elif tag.startswith("vblex"):
            slots["v"].add(word)
    return Lexicon({slot: tuple(sorted(words)) for slot, words in slots.items()})


def sentences(split: Split, count: int, seed: int = 0, words: Lexicon | None = None) -> list[str]:
    """``count`` news-style sentences of one side (``"train"`` or ``"test"``), the same for the same seed."""
    side = (words or lexicon()).side(split)
    rng = random.Random(f"{split}:{seed}")
    templates = _TEMPLATES[split]

    def fill(match: re.Match[str]) -> str:
        slot = match.group(1)
        if slot == "num":
            return str(rng.choice((rng.randint(2, 99), rng.randint(100, 9999)))).translate(_URDU_DIGITS)
        return rng.choice(side.words[slot])

    return [_SLOT.sub(fill, rng.choice(templates)) for _ in range(count)]


def paragraphs(split: Split, count: int, seed: int = 0, per_paragraph: tuple[int, int] = (2, 5)) -> list[str]:
    """``count`` paragraphs of a few sentences each: the body text of a column."""
    rng = random.Random(f"paragraphs:{split}:{seed}")
    lengths = [rng.randint(*per_paragraph) for _ in range(count)]
    pool = iter(sentences(split, sum(lengths), seed))
    return [" ".join(next(pool) for _ in range(n)) for n in lengths]


def column_lines(split: Split, count: int, seed: int = 0) -> list[str]:
    """Lines as a newspaper column sets them: sentences cut into runs of 3–8 words, now and then a whole
    sentence (a wide column or a headline)."""
    rng = random.Random(f"lines:{seed}")
    out: list[str] = []
    for sentence in sentences(split, count, seed):
        words = sentence.split()
        if rng.random() < 0.2:
            out.append(sentence)
            continue
        while words and len(out) < count:
            take = rng.randint(3, 8)
            out.append(" ".join(words[:take]))
            words = words[take:]
        if len(out) >= count:
            break
    return out[:count]
