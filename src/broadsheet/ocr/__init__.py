"""OCR for scanned pages: Tesseract's words plus what the pixels show, as the pipeline's stage-1 content.

:func:`scan_content` turns a page image into :class:`broadsheet.pdf.content.PageContent`, so a scan
runs through the same stages as a born-digital page.
"""

from broadsheet.ocr.content import scan_content
from broadsheet.ocr.tesseract import (
    debian_package,
    installed_languages,
    language_of_script,
    require_known_language,
    require_models,
    tesseract_languages,
)

__all__ = [
    "debian_package",
    "installed_languages",
    "language_of_script",
    "require_known_language",
    "require_models",
    "scan_content",
    "tesseract_languages",
]
