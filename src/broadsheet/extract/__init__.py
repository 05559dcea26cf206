"""Article extraction: a publisher's print PDF (or a page image) in, one :class:`PageResult` per page out.

Scanned pages (image-only PDF pages and page images) are read by OCR (:mod:`broadsheet.ocr`) and
then go through the same stages.

>>> for page in extract_pages(Path("edition.pdf")):
...     print(page.page, [a.headline for a in page.articles])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from broadsheet.errors import OcrError, OcrModelMissingError, PageError, UsageError
from broadsheet.extract.language import guess_language
from broadsheet.extract.legacy import OcrReading, strip_reader
from broadsheet.extract.model import PageResult
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.outlined import INK_PIXELS, ocr_boxes, outlined_rows, render_scale, with_outlined_words
from broadsheet.extract.pipeline import extract_page
from broadsheet.extract.textlayer import OUTLINE_PATHS, mostly_outlines, visible_glyphs
from broadsheet.extract.word_breaks import WORD_GAP
from broadsheet.ocr import (
    installed_languages,
    language_of_script,
    require_known_language,
    require_models,
    scan_content,
    tesseract_languages,
)
from broadsheet.ocr.content import WordReader
from broadsheet.ocr.crnn import load_reader
from broadsheet.ocr.crnn_page import crnn_words
from broadsheet.ocr.engine import settle_engine
from broadsheet.ocr.files import image_pages, is_image_file
from broadsheet.ocr.strips import read_strip
from broadsheet.ocr.tesseract import OcrLimits, OcrWord, read_words
from broadsheet.pdf.content import PageContent, PageObjects, read_page_content
from broadsheet.pdf.document import load_page, open_pdf
from broadsheet.pdf.frame import page_frame, render_printed

# A page with fewer glyphs than this under an image covering most of it, or over more vector paths
# than textlayer.OUTLINE_PATHS (its text converted to outlines), is a scan.
_SCAN_GLYPHS = 20
# OCR below this resolution reads nothing useful.
_MIN_OCR_DPI = 100

__all__ = [
    "ExtractOptions",
    "PageResult",
    "check_ocr_languages",
    "extract_document",
    "extract_loaded_page",
    "extract_pages",
]


def check_ocr_languages(options: ExtractOptions) -> str | None:
    """Refuse, before any page is read, OCR in a language whose Tesseract model is missing
    (:class:`broadsheet.errors.OcrModelMissingError`, naming the Debian package): scanned and legacy-font
    pages are read in the same language, and any page may turn out to be one, so the model is needed
    whatever the file. Nothing to check with OCR off, or with no language asked (the defaults, English
    for scans and Arabic for legacy fonts, come with setup; pages fail one by one if they are missing).

    Urdu asked with ``ocr_engine="crnn"`` is refused too when the Nastaliq CRNN is not built; with
    ``auto`` the warning that its pages will be read by Tesseract instead is returned, for the caller to
    show once (:func:`broadsheet.ocr.engine.settle_engine`). Tesseract's ``urd`` is required either way:
    it is the fallback, and the CRNN does not read a legacy-font page's lines that OCR skipped.

    A language code no model is known for is refused whatever the options: it was a user's mistake."""
    if options.language:
        require_known_language(options.language)
    if not options.ocr:
        return None
    if options.ocr_languages:
        require_models(options.ocr_languages, f"OCR in {options.ocr_languages}")
        return None
    if options.language:
        require_models(tesseract_languages(options.language), f"OCR in {options.language!r}")
    return settle_engine(options.ocr_engine, options.language, options.crnn_models)[1]


def extract_pages(
    path: Path, pages: Sequence[int] | None = None, options: ExtractOptions | None = None
) -> Iterator[PageResult]:
    """Extract the given 1-based pages (all by default), one at a time: memory stays flat.

    Raises :class:`broadsheet.errors.InputFileError` when the file cannot be opened at all. A page
    that fails yields a PageResult with ``error`` set and no items; the other pages go on.
    """
    options = options or ExtractOptions()
    if is_image_file(path):
        yield from extract_images(path, pages, options)
        return
    with open_pdf(path, options.max_file_mb * 2**20) as doc:
        yield from extract_document(doc, path, pages, options)


def extract_images(path: Path, pages: Sequence[int] | None, options: ExtractOptions) -> Iterator[PageResult]:
    """:func:`extract_pages` of a page image (a multi-page TIFF has several pages); units are pixels."""
    wanted = set(pages) if pages is not None else None
    seen = 0
    for number, image in enumerate(image_pages(path, options.max_file_mb * 2**20, options.max_image_pixels), 1):
        seen = number
        if wanted is None or number in wanted:
            result = _guarded(path.name, number, partial(_scan, image, number, options, 1.0, options.language), options)
            result.unit = "px"
            yield result
    missing = sorted(n for n in wanted or () if n > seen)
    if missing:
        raise UsageError(f"{path}: page {missing[0]} does not exist (the image has {seen} page(s))")


def extract_document(
    doc: pdfium.PdfDocument, path: Path, pages: Sequence[int] | None = None, options: ExtractOptions | None = None
) -> Iterator[PageResult]:
    """:func:`extract_pages` of ``path`` already open as ``doc``: a caller that needs the document
    too (the page count, overlays) opens it once."""
    options = options or ExtractOptions()
    total = len(doc)
    wanted = list(pages) if pages is not None else list(range(1, total + 1))
    bad = [n for n in wanted if not 1 <= n <= total]
    if bad:
        raise UsageError(f"{path}: page {bad[0]} does not exist (the PDF has {total} pages)")
    for number in wanted:
        yield _extract_one(doc, number, path.name, options)


def _extract_one(doc: pdfium.PdfDocument, number: int, source: str, options: ExtractOptions) -> PageResult:
    try:
        page = load_page(doc, number)
    except PageError as e:
        return _failed(source, number, str(e))
    try:
        return extract_loaded_page(page, number, source, options)
    finally:
        page.close()


def extract_loaded_page(
    page: pdfium.PdfPage,
    number: int,
    source: str,
    options: ExtractOptions,
    textpage: pdfium.PdfTextPage | None = None,
    objects: PageObjects | None = None,
) -> PageResult:
    """:func:`extract_pages` of one page its caller has loaded, with its ``textpage`` if it made one and
    its ``objects`` if it walked them (:func:`~broadsheet.pdf.content.read_page_content`): a caller that
    reads more off the page (the ingest, its fingerprint) loads, parses and walks it once."""
    legacy = partial(_read_legacy, page, number, options) if options.ocr else None
    read = partial(_pdf_page_content, page, number, options, textpage, objects)
    return _guarded(source, number, read, options, legacy)


def _guarded(
    source: str,
    number: int,
    read: Callable[[], PageContent],
    options: ExtractOptions,
    read_by_ocr: Callable[[str | None], OcrReading] | None = None,
) -> PageResult:
    """Read the page's content and run the pipeline; a failure becomes the page's ``error``."""
    try:
        content = read()
        if len(content.glyphs) > options.max_glyphs_per_page:
            raise PageError(
                f"the page has {len(content.glyphs)} glyphs, more than the limit of {options.max_glyphs_per_page}"
            )
        return extract_page(content, source, options, read_by_ocr)
    except PageError as e:
        return _failed(source, number, str(e))
    except (pdfium.PdfiumError, ValueError, IndexError, ZeroDivisionError) as e:
        return _failed(source, number, f"the page could not be processed ({type(e).__name__}: {e})")


def _pdf_page_content(
    page: pdfium.PdfPage,
    number: int,
    options: ExtractOptions,
    textpage: pdfium.PdfTextPage | None = None,
    objects: PageObjects | None = None,
) -> PageContent:
    """The page's own content, or, for a scanned page and with OCR on, what OCR reads off its rendering."""
    content = read_page_content(page, number, textpage, objects)
    if not options.ocr:
        return content
    if not _is_scan(content):
        return _with_outlined_type(page, content, options)
    return _read_by_ocr(page, number, options, options.language)


def _with_outlined_type(page: pdfium.PdfPage, content: PageContent, options: ExtractOptions) -> PageContent:
    """The page's content with what OCR reads of its display type drawn as outlines (a headline with
    no glyphs: :mod:`broadsheet.extract.outlined`), off the page rendered just sharp enough for it. Where
    OCR cannot run, the outlines stay unread, as on a page read with OCR off."""
    rows = outlined_rows(content)
    if not rows:
        return content
    most = min(options.ocr_dpi / 72.0, math.sqrt(options.max_image_pixels / max(content.width * content.height, 1.0)))
    scale = render_scale(rows, most)
    image = render_printed(page, scale, may_draw_forms=False, grayscale=True).to_pil()
    language = options.language or guess_language(_words_written(content))
    languages = options.ocr_languages or tesseract_languages(language)
    pixels = ocr_boxes(rows, scale)
    try:
        words = read_strip(image, pixels, languages, options.ocr_limits, line_height=INK_PIXELS)
    except OcrError:
        return content
    return with_outlined_words(content, rows, pixels, words, scale)


def _read_by_ocr(page: pdfium.PdfPage, number: int, options: ExtractOptions, language: str | None) -> PageContent:
    """The page rendered at the OCR resolution (within the pixel limit) and read by OCR."""
    image, scale = _render_for_ocr(page, options)
    return replace(_scan(image, number, options, scale, language), margins=page_frame(page).margins)


def _read_legacy(page: pdfium.PdfPage, number: int, options: ExtractOptions, language: str | None) -> OcrReading:
    """A page whose text layer cannot be read (legacy fonts, glyphs with no Unicode map), read by OCR in
    ``language`` (None: the one its script says), and its lines read again one by one where OCR skipped them."""
    image, scale = _render_for_ocr(page, options)
    language = _ocr_language(image, options, language)
    languages = options.ocr_languages or tesseract_languages(language)
    reread = strip_reader(image, scale, languages, options.ocr_limits)
    return OcrReading(_scan(image, number, options, scale, language), reread)


def _render_for_ocr(page: pdfium.PdfPage, options: ExtractOptions) -> tuple[Image.Image, float]:
    """The page's printed part (:mod:`broadsheet.pdf.frame`) rendered in grey at the OCR resolution,
    within the pixel limit, and its pixels per point."""
    frame = page_frame(page)
    width, height = frame.width, frame.height
    scale = options.ocr_dpi / 72.0
    pixels = width * height * scale * scale
    if pixels > options.max_image_pixels:
        # a huge page is rendered smaller, within the pixel limit; below ~100 dpi OCR reads nothing
        scale *= math.sqrt(options.max_image_pixels / pixels)
        if scale * 72 < _MIN_OCR_DPI:
            raise PageError(
                f"the scanned page is {width / 72:.0f}×{height / 72:.0f} inches: too large to "
                f"read by OCR within the limit of {options.max_image_pixels:,} pixels"
            )
    return render_printed(page, scale, may_draw_forms=False, grayscale=True).to_pil(), scale


def _words_written(content: PageContent) -> str:
    """The page's text as written, with a space where the PDF wrote one or left a word's gap (some
    producers write none): enough to tell its language by."""
    glyphs = content.glyphs
    gap = np.zeros(len(glyphs), dtype=np.bool_)
    gap[1:] = glyphs.box[1:, 0] - glyphs.box[:-1, 2] > WORD_GAP * glyphs.size[1:]
    spaced = (glyphs.space_before | gap).tolist()
    return "".join(f" {ch}" if space else ch for ch, space in zip(glyphs.text, spaced, strict=True))


def _is_scan(content: PageContent) -> bool:
    """Few or only invisible glyphs over an image that covers most of the page, or over thousands
    of little paths (text converted to outlines), or far more little paths than glyphs (most of the
    text converted, :func:`~broadsheet.extract.textlayer.mostly_outlines`): the words are only to be seen."""
    if content.image_cover() <= 0.5 and content.path_objects <= OUTLINE_PATHS:
        return False
    return visible_glyphs(content) < _SCAN_GLYPHS or mostly_outlines(content)


def _scan(image: Image.Image, number: int, options: ExtractOptions, scale: float, language: str | None) -> PageContent:
    language = _ocr_language(image, options, language)
    languages = options.ocr_languages or tesseract_languages(language)
    read = _crnn(options, language)
    if read is None and language is None and not options.ocr_languages:
        read = partial(_read_in_its_language, limits=options.ocr_limits)
    return scan_content(image, number, languages, scale, options.ocr_limits, read)


def _read_in_its_language(image: Image.Image, limits: OcrLimits) -> list[OcrWord]:
    """The words of a page in Latin letters and no given language: read by the English model, and read
    again by its own language's model when the stop words English read say it is another (and that model
    is installed). The English model reads "für" as "fiir" and "Straße" as "Strape": a German or
    French archive's pages extracted with no ``--language`` lost their accented words."""
    words = read_words(image, tesseract_languages(None), limits)
    language = guess_language(" ".join(word.text for word in words))
    model = tesseract_languages(language)
    if language is None or model == tesseract_languages(None) or model not in installed_languages():
        return words
    return read_words(image, model, limits)


def _crnn(options: ExtractOptions, language: str | None) -> WordReader | None:
    """What reads the page's words when the Nastaliq CRNN is to (an Urdu page, under the options'
    ``ocr_engine``), or None for Tesseract (also when Tesseract's models were named: ``ocr_languages``).
    A model that cannot be loaded fails the page, saying how to rebuild it."""
    if options.ocr_languages:
        return None
    try:
        if settle_engine(options.ocr_engine, language, options.crnn_models)[0] != "crnn":
            return None
        reader = load_reader(options.crnn_models)
    except OcrModelMissingError as e:
        raise PageError(str(e)) from e
    return partial(crnn_words, reader=reader, limits=options.ocr_limits)


def _ocr_language(image: Image.Image, options: ExtractOptions, language: str | None) -> str | None:
    """The language to read a page in: the one given, else the one its script says (a page in a
    script other than Latin, :func:`broadsheet.ocr.language_of_script`), else the default."""
    if language or options.ocr_languages:
        return language
    return language_of_script(image, options.ocr_limits)


def _failed(source: str, number: int, message: str) -> PageResult:
    return PageResult(source=source, page=number, width=0.0, height=0.0, error=message)
