"""Running Tesseract: a page image in, its words with boxes and confidences out.

The ``tesseract`` program is called directly (image on stdin, TSV on stdout): no temporary files,
and its environment can cap OpenMP at one thread, because pages are already OCRed in parallel and
Tesseract's own threads only fight them for the same cores.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

from broadsheet.errors import OcrError
from broadsheet.geometry import Box

# ISO 639-1 (what page JSON and the options speak) → Tesseract's traineddata names.
TESSERACT_LANGUAGES = {
    "en": "eng",
    "ar": "ara",
    "ur": "urd",
    "de": "deu",
    "fr": "fra",
    "es": "spa",
    "it": "ita",
    "nl": "nld",
    "hi": "hin",
    "si": "sin",
    "fa": "fas",
}
_LEVEL_WORD = 5


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One recognised word: its box in image pixels, its text, and the line Tesseract put it in."""

    box: Box
    text: str
    confidence: float  # 0–100
    line: tuple[int, int, int]  # block, paragraph, line: words of one line share it


def tesseract_languages(language: str | None) -> str:
    """The ``-l`` argument for a page in ``language`` (English when unknown)."""
    return TESSERACT_LANGUAGES.get(language or "en", "eng")


def installed_languages() -> set[str]:
    """The traineddata Tesseract has here (``eng``, ``ara``...); empty when Tesseract is missing."""
    if shutil.which("tesseract") is None:
        return set()
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    return {line.strip() for line in out.splitlines()[1:] if line.strip()}


def read_words(image: Image.Image, languages: str, timeout: float = 600.0, psm: int = 3) -> list[OcrWord]:
    """Every word Tesseract reads on ``image``, in its reading order (block, paragraph, line, word);
    ``psm``: Tesseract's page segmentation mode (3: a whole page, found blocks; 6: one block of text)."""
    if shutil.which("tesseract") is None:
        raise OcrError("Tesseract is not installed: install the Debian package tesseract-ocr (make setup does)")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", languages, "--psm", str(psm), "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise OcrError(f"Tesseract took longer than {timeout:.0f} s on the page") from e
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        hint = f" (is the tesseract-ocr-{languages} language package installed?)" if "load" in str(message) else ""
        raise OcrError(f"Tesseract failed on the page: {message[-1] if message else done.returncode}{hint}")
    return _parse_tsv(done.stdout.decode("utf-8", "replace"))


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
