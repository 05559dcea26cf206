"""Synthetic newspaper editions with exact ground truth, for testing and scoring the extractor.

Pages are laid out with reportlab from seeded random choices (grids, headlines, photos, jumps,
adverts, right-to-left scripts...) and the page JSON is written from the same drawing record, so
the ground truth is exact by construction. Entry point: :func:`generate_edition`.
"""

from broadsheet.synthetic.edition import PAGE_SIZES, GeneratedEdition, SyntheticOptions, generate_edition

__all__ = ["PAGE_SIZES", "GeneratedEdition", "SyntheticOptions", "generate_edition"]
