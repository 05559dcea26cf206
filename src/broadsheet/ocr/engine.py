"""Which engine reads a scanned page in a language: Tesseract, or for Urdu the project's Nastaliq CRNN.

Urdu is set in Nastaliq, which Tesseract's ``urd`` reads at about 40 % of words and the CRNN
(``make ocr-model-ur-crnn``) at about 96 % on clean generated pages (docs/ocr.md). The choice,
``ocr_engine`` in the extraction options and ``BROADSHEET_URDU_OCR`` for ingest, is one of:

* ``auto`` (the default): the CRNN when its model is built, else Tesseract's ``urd``, with a one-line
  warning that names ``make ocr-model-ur-crnn``;
* ``crnn``: the CRNN, and an edition is refused before any page is read when its model is not built;
* ``tesseract``: Tesseract's ``urd``, as before the CRNN.

Why ``auto`` falls back rather than refuses: the model is built, not installed, by a step of its own
(about an hour of training) that ``make setup`` does not run, and a publisher's Urdu edition has to come
out on its day. Its page images, regions and articles do not depend on the recogniser — only the text
shown beside them and found by search does — so an edition read at 40 % is worse but still an edition,
where a refusal is none; the warning in the ingest log says what the text is worth and how to get
better. A site that would rather wait for the model says so with ``crnn``.
"""

from __future__ import annotations

from pathlib import Path

from broadsheet.errors import UsageError

ENGINES = ("auto", "crnn", "tesseract")
# Where `make ocr-model-ur-crnn` puts the CRNN: the checkout's build folder, wherever the command runs.
MODELS_FOLDER = Path(__file__).resolve().parents[3] / "build" / "ocr-models" / "crnn"
# The languages the CRNN reads.
CRNN_LANGUAGES = frozenset({"ur"})


def settle_engine(choice: str, language: str | None, folder: Path | None = None) -> tuple[str, str | None]:
    """The engine (``crnn`` or ``tesseract``) that reads scans in ``language`` under ``choice``, with the
    CRNN's model in ``folder`` (None: where ``make ocr-model-ur-crnn`` puts it), and a warning when
    ``auto`` falls back to Tesseract. ``crnn`` without the model raises
    :class:`~broadsheet.errors.OcrModelMissingError` saying how to build it."""
    from broadsheet.ocr.crnn import BUILD_HINT, model_path, require_model  # numpy and scipy: not for settings

    if choice not in ENGINES:
        raise UsageError(f"the OCR engine must be one of {', '.join(ENGINES)}, not {choice!r}")
    if language not in CRNN_LANGUAGES or choice == "tesseract":
        return "tesseract", None
    if choice == "crnn":
        require_model(folder)
        return "crnn", None
    if model_path(folder).is_file():
        return "crnn", None
    return "tesseract", (
        f"Urdu scans are read by Tesseract's urd (about 40 % of words right): the Nastaliq recogniser is not "
        f"built ({model_path(folder)}); run `{BUILD_HINT}` for about 96 %"
    )
