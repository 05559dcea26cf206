"""Broadsheet: newspaper print PDFs turned into clickable, readable articles.

The library is the core: :mod:`broadsheet.extract` finds the articles on every page,
:mod:`broadsheet.evaluate` scores page JSON against ground truth, :mod:`broadsheet.synthetic`
lays out test newspapers with exact ground truth. The CLI (:mod:`broadsheet.cli`) is a thin layer.
"""

__version__ = "0.1.0"
