"""Reading Urdu Nastaliq with the project's CRNN: lines found in the image, each read by the network.

The network is trained by ``make ocr-model-ur-crnn`` (:mod:`broadsheet.ocr.crnn_train`, on PyTorch) and
exported to ONNX; reading needs only onnxruntime, a small, permissive (MIT) runtime from PyPI, so
neither the web server nor ``broadsheet ocr`` imports PyTorch. The model folder holds the ONNX file
and, beside it, its alphabet and line geometry (:data:`META_FILE`): a reader takes them from there, so
a model cannot be read with settings other than its own. A missing model is refused at once, in one
line that says how to build it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from broadsheet.errors import OcrModelMissingError
from broadsheet.ocr.crnn_lines import HEIGHT, STRIDE, FloatArray, decode, decode_placed, placed_input
from broadsheet.ocr.engine import MODELS_FOLDER
from broadsheet.ocr.full_stops import sentence_pieces
from broadsheet.ocr.line_finder import find_lines

MODEL_FILE = "urd_nastaliq_crnn.onnx"
META_FILE = "urd_nastaliq_crnn.json"
BUILD_HINT = "make ocr-model-ur-crnn"
BATCH = 16  # lines a run of the network


@dataclass(frozen=True, slots=True)
class ScoredLine:
    """The network's raw scores for one line (output columns × classes), and where its input columns
    lie on the line image: column ``c`` starts at ``offset + c * step`` pixels."""

    scores: FloatArray
    offset: float
    step: float


@dataclass(frozen=True, slots=True)
class PlacedWord:
    """A word read on a line image: its text, its span from ``x0`` to ``x1`` (pixels of the line image)
    and the network's mean probability for its letters (0–1)."""

    text: str
    x0: float
    x1: float
    confidence: float


@dataclass(frozen=True, slots=True)
class CrnnReader:
    """A loaded model: its onnxruntime session and alphabet."""

    session: Any  # onnxruntime.InferenceSession (untyped)
    letters: str

    def read_lines(self, images: list[Image.Image]) -> list[str]:
        """The text of each line image, in reading order (lines of similar width are read together)."""
        return [decode(line.scores.argmax(-1), self.letters) for line in self.score_lines(images)]

    def read_placed(self, images: list[Image.Image]) -> list[list[PlacedWord]]:
        """The words of each line image, in reading order, each with its span on the image (pixels)
        and the network's mean letter probability: what a page's words are made of
        (:mod:`broadsheet.ocr.crnn_page`)."""
        out = []
        for line in self.score_lines(images):
            step = STRIDE * line.step
            words = decode_placed(line.scores, self.letters)
            placed = [PlacedWord(text, line.offset + a * step, line.offset + b * step, p) for text, a, b, p in words]
            out.append(placed[::-1])  # drawing order is left to right; Urdu reads right to left
        return out

    def score_lines(self, images: list[Image.Image]) -> list[ScoredLine]:
        """The network's scores for each line image, all of a page's lines in a few batches: lines of
        similar width together (:data:`BATCH` a run), so that little of a batch is padding."""
        inputs = [placed_input(image) for image in images]
        out: list[ScoredLine | None] = [None] * len(inputs)
        order = sorted(range(len(inputs)), key=lambda k: inputs[k][0].shape[1])
        for start in range(0, len(order), BATCH):
            group = order[start : start + BATCH]
            width = max(inputs[k][0].shape[1] for k in group)
            batch = np.zeros((len(group), 1, HEIGHT, width), dtype=np.float32)
            for row, k in enumerate(group):
                batch[row, 0, :, : inputs[k][0].shape[1]] = inputs[k][0]
            scores = self.session.run(None, {"lines": batch})[0]
            for row, k in enumerate(group):  # a line's own columns, not the padding after it
                pixels, offset, step = inputs[k]
                out[k] = ScoredLine(scores[row, : pixels.shape[1] // STRIDE], offset, step)
        return [line for line in out if line is not None]

    def read_image(self, image: Image.Image, one_line: bool = False) -> list[str]:
        """The lines of text in a page or column image (or the one line it is, if ``one_line``); each line
        found is read in pieces cut after its full stops (:func:`broadsheet.ocr.full_stops.sentence_pieces`)."""
        if one_line:
            return self.read_lines([image])
        pieces = [sentence_pieces(line.image) for line in find_lines(image)]
        read = iter(self.read_lines([piece for parts in pieces for _, piece in parts]))
        texts = [" ".join(t for t in (next(read) for _ in parts) if t) for parts in pieces]
        return [text for text in texts if text]


def model_path(folder: Path | None = None) -> Path:
    return (folder or MODELS_FOLDER) / MODEL_FILE


def require_model(folder: Path | None = None) -> Path:
    """The model's ONNX file, or :class:`OcrModelMissingError` saying how to build it."""
    path = model_path(folder)
    if not path.is_file() or not path.with_name(META_FILE).is_file():
        raise OcrModelMissingError(
            f"the Urdu Nastaliq recogniser is not built ({path} is missing): run `{BUILD_HINT}` "
            "(or read with Tesseract's urd: the tesseract engine)"
        )
    return path


@cache
def load_reader(folder: Path | None = None) -> CrnnReader:
    """The model in ``folder`` (default: where ``make ocr-model-ur-crnn`` builds it), loaded once, on
    one thread (pages are read in parallel elsewhere)."""
    path = require_model(folder)
    try:
        import onnxruntime
    except ImportError as e:  # the runtime is a dependency of the project, but say what is missing if not
        raise OcrModelMissingError("reading with the Urdu CRNN needs onnxruntime: pip install onnxruntime") from e
    try:
        meta = json.loads(path.with_name(META_FILE).read_text(encoding="utf-8"))
        letters = meta["alphabet"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise OcrModelMissingError(
            f"{path.with_name(META_FILE)} is broken ({e}): rebuild it with `{BUILD_HINT}`"
        ) from e
    if meta.get("height") != HEIGHT or not isinstance(letters, str):
        raise OcrModelMissingError(f"{path} was built for other line settings: rebuild it with `{BUILD_HINT}`")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own untyped errors for a file it cannot load
        raise OcrModelMissingError(
            f"{path} is broken, onnxruntime cannot load it: rebuild it with `{BUILD_HINT}`"
        ) from e
    return CrnnReader(session, letters)
