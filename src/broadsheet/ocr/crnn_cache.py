"""Training lines for the Nastaliq CRNN, rendered once into a cache under ``build/`` (never committed).

Lines of the *training* side of :mod:`broadsheet.synthetic.urdu_text` are rendered in both Nastaliq faces
(Noto by Pillow, Awami by Pango, as :mod:`broadsheet.synthetic.nastaliq` does) at sizes around the
evaluation's, each with a light, random degradation — a slanted or wavy baseline, blur, a coarser
resolution — so that the network learns letters rather than one exact render, then made the network's
input (:func:`broadsheet.ocr.crnn_lines.line_input`) and stored as 8-bit images. Rendering is the slow
part (Pango is a process a line), so it is done once and in a few processes; training reads the cache.
"""

from __future__ import annotations

import json
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageFilter, ImageOps

from broadsheet.ocr.crnn_lines import HEIGHT, line_input
from broadsheet.ocr.line_finder import find_lines
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line
from broadsheet.synthetic.urdu_text import column_lines

# Sizes in points: the evaluation's (10, 12, 14, 24) and those between and around them.
SIZES = (9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0)
BLOCK = 12  # lines a Pango render
_PILLOW_FACES = {"Noto Nastaliq Urdu"}  # drawn by Pillow in-process, a line at a time (fast already)


@dataclass(frozen=True, slots=True)
class LineSet:
    """Lines as 8-bit network inputs (ink 255), their texts, and the face each was rendered in."""

    images: list[npt.NDArray[np.uint8]]
    texts: list[str]
    fonts: list[str]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        widths = np.array([i.shape[1] for i in self.images], dtype=np.int64)
        pixels = np.concatenate([i.reshape(-1) for i in self.images]) if self.images else np.zeros(0, np.uint8)
        np.savez(folder / "lines.npz", widths=widths, pixels=pixels)
        (folder / "texts.json").write_text(
            json.dumps({"texts": self.texts, "fonts": self.fonts}, ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> LineSet:
        data = np.load(folder / "lines.npz")
        meta = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
        pixels = data["pixels"]  # read once: each data[...] reads the whole array from the file again
        images, start = [], 0
        for width in data["widths"].tolist():
            images.append(pixels[start : start + HEIGHT * width].reshape(HEIGHT, width))
            start += HEIGHT * width
        return cls(images, meta["texts"], meta["fonts"])


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    """A rendered line as a printer and scanner might leave it: slightly rotated (a slanted baseline),
    softened, and at times at a coarser resolution and back."""
    grey = image.convert("L")
    if rng.random() < 0.7:
        grey = grey.rotate(rng.uniform(-1.0, 1.0), resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    if rng.random() < 0.4:
        factor = rng.uniform(0.45, 0.8)
        small = grey.resize((max(1, round(grey.width * factor)), max(1, round(grey.height * factor))))
        grey = small.resize(grey.size, Image.Resampling.BILINEAR)
    if rng.random() < 0.5:
        grey = grey.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    return grey


def render_set(texts: list[str], seed: int, fonts: tuple[str, ...] = tuple(NASTALIQ_FONTS)) -> LineSet:
    """``texts`` rendered in the faces in turn, each block of a face at a size chosen at random, degraded,
    made network inputs. Pango's faces are rendered :data:`BLOCK` lines a process and the lines cut apart
    by :func:`broadsheet.ocr.line_finder.find_lines` — some five times faster than a process a line, and
    lines cut as a page's are (a neighbour's tails left out); a block it cuts into a wrong number of
    lines is rendered line by line instead."""
    rng = random.Random(f"crnn-render:{seed}")
    images: list[npt.NDArray[np.uint8]] = []
    kept: list[str] = []
    faces: list[str] = []
    for start in range(0, len(texts), BLOCK):
        font = fonts[(start // BLOCK) % len(fonts)]
        block, size = texts[start : start + BLOCK], rng.choice(SIZES)
        lines = _pango_block(block, font, size) if font not in _PILLOW_FACES else None
        if lines is None:
            lines = [render_line(text, font, size) for text in block]
        for text, line in zip(block, lines, strict=True):
            images.append(np.clip(line_input(degrade(line, rng)) * 255.0, 0, 255).astype(np.uint8))
            kept.append(text)
            faces.append(font)
    return LineSet(images, kept, faces)


def _pango_block(texts: list[str], font: str, size: float) -> list[Image.Image] | None:
    """The lines of one Pango render of ``texts`` one under another, or None when the line finder does
    not find as many lines as there are texts."""
    found = find_lines(render_line("\n".join(texts), font, size), right_to_left=True)  # Pango: not wrapped
    if len(found) != len(texts):
        return None
    return [ImageOps.expand(line.image, border=8, fill=255) for line in found]


def _render_chunk(args: tuple[list[str], int, Path]) -> int:
    texts, seed, path = args
    part = render_set(texts, seed)
    part.save(path)
    return len(part.texts)


def build_cache(folder: Path, count: int, seed: int = 0, workers: int = 2, chunk: int = 480) -> LineSet:
    """Render ``count`` training-side lines into ``folder``, a chunk a sub-folder (so a stopped run keeps
    what it rendered and the next one renders only the rest), and load them."""
    texts = column_lines("train", count, seed)  # the training side only
    jobs = [
        (texts[k : k + chunk], seed * 1000 + k, folder / f"chunk-{k // chunk:04d}") for k in range(0, len(texts), chunk)
    ]
    todo = [job for job in jobs if not (job[2] / "texts.json").is_file()]  # written last
    if todo and workers <= 1:  # in this process (a test's few lines)
        for job in todo:
            _render_chunk(job)
    elif todo:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_render_chunk, todo))
    parts = [LineSet.load(job[2]) for job in jobs]
    return LineSet(
        [i for p in parts for i in p.images], [t for p in parts for t in p.texts], [f for p in parts for f in p.fonts]
    )
