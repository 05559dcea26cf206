"""Running Tesseract: a page image in, its words with boxes and confidences out.

The ``tesseract`` program is called directly (image on stdin, TSV on stdout): no temporary files,
and its environment can cap OpenMP at one thread, because pages are already OCRed in parallel and
Tesseract's own threads only fight them for the same cores. Each run has limits of its own
(:class:`OcrLimits`: memory, CPU and wall seconds), set by the kernel on the ``tesseract`` process, not
inherited from the ingest worker that starts it: a hostile image fails its page with a message naming
the limit, instead of taking the machine's memory or a worker's time.
"""

from __future__ import annotations

import csv
import io
import os
import re
import resource
import shutil
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from broadsheet.errors import OcrError, OcrModelMissingError, UsageError
from broadsheet.geometry import Box
from broadsheet.rlimits import no_core_files, set_soft_limit

# ISO 639-1 (what page JSON and the options speak) → Tesseract's model, for every language Debian ships a
# model of. The whole list, not only the models setup installs: a language known here but not installed
# is refused with the package to install (require_models), where an unknown one would silently be read
# with the English model and come out as gibberish.
# fmt: off
TESSERACT_LANGUAGES: dict[str, str] = {
    "af": "afr", "am": "amh", "ar": "ara", "as": "asm", "az": "aze", "be": "bel", "bg": "bul", "bn": "ben",
    "bo": "bod", "br": "bre", "bs": "bos", "ca": "cat", "co": "cos", "cs": "ces", "cy": "cym", "da": "dan",
    "de": "deu", "dv": "div", "dz": "dzo", "el": "ell", "en": "eng", "eo": "epo", "es": "spa", "et": "est",
    "eu": "eus", "fa": "fas", "fi": "fin", "fo": "fao", "fr": "fra", "fy": "fry", "ga": "gle", "gd": "gla",
    "gl": "glg", "gu": "guj", "he": "heb", "hi": "hin", "hr": "hrv", "ht": "hat", "hu": "hun", "hy": "hye",
    "id": "ind", "is": "isl", "it": "ita", "iu": "iku", "ja": "jpn", "jv": "jav", "ka": "kat", "kk": "kaz",
    "km": "khm", "kn": "kan", "ko": "kor", "ku": "kmr", "ky": "kir", "la": "lat", "lb": "ltz", "lo": "lao",
    "lt": "lit", "lv": "lav", "mi": "mri", "mk": "mkd", "ml": "mal", "mn": "mon", "mr": "mar", "ms": "msa",
    "mt": "mlt", "my": "mya", "nb": "nor", "ne": "nep", "nl": "nld", "no": "nor", "oc": "oci", "or": "ori",
    "pa": "pan", "pl": "pol", "ps": "pus", "pt": "por", "qu": "que", "ro": "ron", "ru": "rus", "sa": "san",
    "sd": "snd", "si": "sin", "sk": "slk", "sl": "slv", "sq": "sqi", "sr": "srp", "su": "sun", "sv": "swe",
    "sw": "swa", "ta": "tam", "te": "tel", "tg": "tgk", "th": "tha", "ti": "tir", "to": "ton", "tr": "tur",
    "tt": "tat", "ug": "uig", "uk": "ukr", "ur": "urd", "uz": "uzb", "vi": "vie", "yi": "yid", "yo": "yor",
    "zh": "chi_sim",
}
# fmt: on
# Script models (Debian installs script/Fraktur as "Fraktur") → their Debian package's suffix.
# fmt: off
_SCRIPT_PACKAGES: dict[str, str] = {
    "Arabic": "arab", "Armenian": "armn", "Bengali": "beng", "Canadian_Aboriginal": "cans", "Cherokee": "cher",
    "Cyrillic": "cyrl", "Devanagari": "deva", "Ethiopic": "ethi", "Fraktur": "frak", "Georgian": "geor",
    "Greek": "grek", "Gujarati": "gujr", "Gurmukhi": "guru", "Hangul": "hang", "Hangul_vert": "hang-vert",
    "HanS": "hans", "HanS_vert": "hans-vert", "HanT": "hant", "HanT_vert": "hant-vert", "Hebrew": "hebr",
    "Japanese": "jpan", "Japanese_vert": "jpan-vert", "Kannada": "knda", "Khmer": "khmr", "Lao": "laoo",
    "Latin": "latn", "Malayalam": "mlym", "Myanmar": "mymr", "Oriya": "orya", "Sinhala": "sinh", "Syriac": "syrc",
    "Tamil": "taml", "Telugu": "telu", "Thaana": "thaa", "Thai": "thai", "Tibetan": "tibt", "Vietnamese": "viet",
}
# fmt: on
_LEVEL_WORD = 5


@dataclass(frozen=True, slots=True)
class OcrLimits:
    """What one Tesseract run may take: ``memory_mb`` of address space and ``seconds`` of CPU time and of
    wall time. The defaults read a 120-megapixel page (the image limit) in one language; the settings
    ``BROADSHEET_OCR_MEMORY_MB`` and ``BROADSHEET_OCR_SECONDS`` change them for ingest."""

    memory_mb: int = 2048
    seconds: int = 600

    def preexec(self) -> Callable[[], None]:
        """What the ``tesseract`` child runs before it starts: its own limits (raised or lowered from the
        ingest worker's, whose soft limits it inherits) and no core file."""
        memory, seconds = self.memory_mb * 2**20, self.seconds

        def limit() -> None:
            no_core_files()
            set_soft_limit(resource.RLIMIT_AS, memory)
            set_soft_limit(resource.RLIMIT_CPU, seconds)

        return limit


DEFAULT_OCR_LIMITS = OcrLimits()


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word: its box in image pixels, its text, and the line Tesseract put it in."""

    box: Box
    text: str
    confidence: float  # 0–100
    line: tuple[int, int, int]  # block, paragraph, line: words of one line share it


def tesseract_languages(language: str | None) -> str:
    """The ``-l`` argument for a page in ``language`` (English when unknown: a language guessed from the
    text may be one no model reads; one a user gave is checked by :func:`require_known_language` first)."""
    return TESSERACT_LANGUAGES.get(language or "en", "eng")


def require_known_language(language: str) -> None:
    """Refuse a language code a user gave that no OCR model is known for (``zz``, ``english``), before
    any page is read: it would otherwise be read with the English model, silently, into gibberish."""
    if language not in TESSERACT_LANGUAGES:
        raise UsageError(
            f"unknown language {language!r}: give its ISO 639-1 code, two letters such as en, ur, ar or hi"
        )


def installed_languages(tessdata: Path | None = None) -> set[str]:
    """The traineddata Tesseract has here (``eng``, ``ara``...), or in the folder ``tessdata``; empty when
    Tesseract is missing. Asked each time (one short subprocess): ``TESSDATA_PREFIX`` may point elsewhere
    than last time."""
    if shutil.which("tesseract") is None:
        return set()
    folder = ["--tessdata-dir", str(tessdata)] if tessdata is not None else []
    out = subprocess.run(["tesseract", *folder, "--list-langs"], capture_output=True, text=True, check=False).stdout
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def debian_package(model: str) -> str:
    """The Debian package that installs Tesseract's ``model`` (``chi_sim`` → ``tesseract-ocr-chi-sim``,
    ``Fraktur`` or ``script/Fraktur`` → ``tesseract-ocr-script-frak``): what a refusal tells the user."""
    name = model.removeprefix("script/")
    if name in _SCRIPT_PACKAGES:
        return f"tesseract-ocr-script-{_SCRIPT_PACKAGES[name]}"
    return "tesseract-ocr-" + name.lower().replace("_", "-")


def require_models(languages: str, asked: str) -> None:
    """Raise :class:`OcrModelMissingError` unless Tesseract is here with every model of ``languages``
    (a ``-l`` argument such as ``deu+frk``). Called before any page is read: without the model every
    scanned or legacy-font page would fail, one by one, after the slow work of rendering it. ``asked``
    says what the user asked for, for the message (``OCR in fr``)."""
    models = [m for m in languages.split("+") if m]
    if shutil.which("tesseract") is None:
        packages = " ".join(["tesseract-ocr", *(debian_package(m) for m in models)])
        raise OcrModelMissingError(
            f"{asked} needs Tesseract, which is not installed: install the Debian packages {packages}"
        )
    have = installed_languages()
    missing = [m for m in models if m not in have]
    if missing:
        packages = " ".join(debian_package(m) for m in missing)
        plural = "s" if len(missing) > 1 else ""
        raise OcrModelMissingError(
            f"{asked} needs Tesseract's {'+'.join(missing)} model{plural}, not installed here: "
            f"install the Debian package{plural} {packages}"
        )


def read_words(
    image: Image.Image,
    languages: str,
    limits: OcrLimits = DEFAULT_OCR_LIMITS,
    psm: int = 3,
    tessdata: Path | None = None,
) -> list[OcrWord]:
    """Every word Tesseract reads on ``image``, in its reading order (block, paragraph, line, word);
    ``psm``: Tesseract's page segmentation mode (3: a whole page, found blocks; 6: one block of text;
    7: one line); ``tessdata``: a folder of models other than the system's (one the project trained)."""
    folder = ["--tessdata-dir", str(tessdata)] if tessdata is not None else []
    done = _tesseract(image, [*folder, "-l", languages, "--psm", str(psm), "tsv"], limits)
    _check_limits(done, limits)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        packages = " ".join(debian_package(m) for m in languages.split("+") if m)
        hint = f" (is the language model installed? Debian package {packages})" if "load" in str(message) else ""
        raise OcrError(f"Tesseract failed on the page: {message[-1] if message else done.returncode}{hint}")
    return _parse_tsv(done.stdout.decode("utf-8", "replace"))


# Tesseract's script detection (its "osd" model) names a script; these are the languages a paper in
# that script most likely is in, read by its model. Latin is missing on purpose: it says nothing of
# the language: a Latin page is read in English first, and again in the language its stop words
# tell (broadsheet.extract._read_in_its_language).
SCRIPT_LANGUAGES = {
    "Arabic": "ar",
    "Bengali": "bn",
    "Cyrillic": "ru",
    "Devanagari": "hi",
    "Greek": "el",
    "Gujarati": "gu",
    "Gurmukhi": "pa",
    "Hebrew": "he",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Tamil": "ta",
    "Telugu": "te",
    "Thai": "th",
}
# Below this confidence Tesseract's script guess is noise (a Latin page scored 0.3; Devanagari 23).
SCRIPT_CONFIDENCE = 2.0
_SCRIPT = re.compile(r"^Script: (\w+)\s*$", re.MULTILINE)
_SCRIPT_CONFIDENCE = re.compile(r"^Script confidence: ([\d.]+)\s*$", re.MULTILINE)


def language_of_script(image: Image.Image, limits: OcrLimits = DEFAULT_OCR_LIMITS) -> str | None:
    """The language of a page in a script other than Latin, told by Tesseract's script detection,
    when it is sure and the language's model is installed; else None (read it as the default).

    For a page read by OCR in no given language: a Hindi paper in a legacy font read as English
    gives gibberish, read as Hindi gives Hindi."""
    if shutil.which("tesseract") is None or "osd" not in installed_languages():
        return None
    try:
        done = _tesseract(image, ["--psm", "0", "-l", "osd"], limits)
    except OcrError:
        return None
    report = done.stdout.decode("utf-8", "replace")
    script, confidence = _SCRIPT.search(report), _SCRIPT_CONFIDENCE.search(report)
    if done.returncode != 0 or script is None or confidence is None:
        return None  # too few letters to tell
    language = SCRIPT_LANGUAGES.get(script.group(1))
    sure = float(confidence.group(1)) >= SCRIPT_CONFIDENCE
    return language if sure and language and tesseract_languages(language) in installed_languages() else None


def _tesseract(image: Image.Image, args: list[str], limits: OcrLimits) -> subprocess.CompletedProcess[bytes]:
    """Tesseract run on ``image`` (sent as PNG) with ``args``, on one thread (pages run in parallel),
    within ``limits``."""
    if shutil.which("tesseract") is None:
        raise OcrError("Tesseract is not installed: install the Debian package tesseract-ocr (make setup does)")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        return subprocess.run(
            ["tesseract", "stdin", "stdout", *args],
            input=buffer.getvalue(),
            capture_output=True,
            env=env,
            timeout=limits.seconds,
            check=False,
            preexec_fn=limits.preexec(),  # ingest workers run one job at a time
        )
    except subprocess.TimeoutExpired as e:
        raise OcrError(
            f"Tesseract took longer than the limit of {limits.seconds} s on the page: "
            "raise BROADSHEET_OCR_SECONDS to allow it more"
        ) from e


_OUT_OF_MEMORY = ("out of memory", "bad_alloc", "cannot allocate", "failed to allocate", "failed to map segment")


def _check_limits(done: subprocess.CompletedProcess[bytes], limits: OcrLimits) -> None:
    """Raise :class:`OcrError` naming the limit when Tesseract ran out of time or memory under it: the
    kernel stops it with SIGXCPU (or SIGKILL at the hard limit); an allocation refused under the memory
    limit ends it with a message about memory, or aborts it."""
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise OcrError(
            f"Tesseract used more than the limit of {limits.seconds} CPU seconds on the page: "
            "raise BROADSHEET_OCR_SECONDS to allow it more"
        )
    said = done.stderr.decode("utf-8", "replace").lower()
    if done.returncode != 0 and (done.returncode == -signal.SIGABRT or any(m in said for m in _OUT_OF_MEMORY)):
        raise OcrError(
            f"Tesseract needed more than the limit of {limits.memory_mb} MiB of memory on the page: "
            "raise BROADSHEET_OCR_MEMORY_MB to allow it more"
        )


def _parse_tsv(tsv: str) -> list[OcrWord]:
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if int(row["level"]) != _LEVEL_WORD or not text:
            continue
        x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
        line = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.append(OcrWord((float(x), float(y), float(x + w), float(y + h)), text, float(row["conf"]), line))
    return words
