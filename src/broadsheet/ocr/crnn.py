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
from broadsheet.ocr.crnn_lines import HEIGHT, STRIDE, decode, line_input
from broadsheet.ocr.line_finder import find_lines

MODEL_FILE = "urd_nastaliq_crnn.onnx"
META_FILE = "urd_nastaliq_crnn.json"
DEFAULT_FOLDER = Path("build/ocr-models/crnn")  # where make ocr-model-ur-crnn puts it
BUILD_HINT = "make ocr-model-ur-crnn"


@dataclass(frozen=True, slots=True)
class CrnnReader:
    """A loaded model: its onnxruntime session and alphabet."""

    session: Any  # onnxruntime.InferenceSession (untyped)
    letters: str

    def read_lines(self, images: list[Image.Image]) -> list[str]:
        """The text of each line image, in reading order (lines of similar width are read together)."""
        inputs = [line_input(image) for image in images]
        out = [""] * len(inputs)
        order = sorted(range(len(inputs)), key=lambda k: inputs[k].shape[1])
        for start in range(0, len(order), 16):
            group = order[start : start + 16]
            width = max(inputs[k].shape[1] for k in group)
            batch = np.zeros((len(group), 1, HEIGHT, width), dtype=np.float32)
            for row, k in enumerate(group):
                batch[row, 0, :, : inputs[k].shape[1]] = inputs[k]
            scores = self.session.run(None, {"lines": batch})[0]
            best = scores.argmax(-1)
            for row, k in enumerate(group):  # a line's own columns, not the padding after it
                out[k] = decode(best[row, : inputs[k].shape[1] // STRIDE], self.letters)
        return out

    def read_image(self, image: Image.Image, one_line: bool = False) -> list[str]:
        """The lines of text in a page or column image (or the one line it is, if ``one_line``)."""
        if one_line:
            return self.read_lines([image])
        found = find_lines(image)
        return [text for text in self.read_lines([line.image for line in found]) if text]


def model_path(folder: Path | None = None) -> Path:
    return (folder or DEFAULT_FOLDER) / MODEL_FILE


def require_model(folder: Path | None = None) -> Path:
    """The model's ONNX file, or :class:`OcrModelMissingError` saying how to build it."""
    path = model_path(folder)
    if not path.is_file() or not path.with_name(META_FILE).is_file():
        raise OcrModelMissingError(
            f"the Urdu Nastaliq recogniser is not built ({path} is missing): run `{BUILD_HINT}` "
            "(or read with Tesseract's urd: --engine tesseract)"
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
