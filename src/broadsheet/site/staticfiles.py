"""Static files under names that carry their content's hash, which browsers keep for a year.

``collectstatic`` (docs/deploy.md) copies the reader's, the admin's and the npm packages' static files
into ``BROADSHEET_STATIC_ROOT`` under names with their content's hash (``reader.3f2a9c01d4e5.css``),
gzipped beside them, with the manifest that ``{% static %}`` reads: a page names a file that never
changes, so WhiteNoise sends it ``Cache-Control: max-age=31536000, public, immutable`` and a returning
reader's browser asks for none of it again; a new release names new files. Where nothing was collected
(a checkout, the tests, the demo) the names stay plain, and WhiteNoise serves the sources with its short
max-age, as before — and so does a file missing from the manifest (added since the last collect), rather
than a page that fails.
"""

from __future__ import annotations

from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage

YEAR = 365 * 24 * 60 * 60


class HashedStaticFiles(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # untyped
    """Django's manifest storage (with WhiteNoise's compression) that falls back to the plain name."""

    manifest_strict = False

    def read_manifest(self) -> str | None:
        if not self.location:  # no BROADSHEET_STATIC_ROOT: nothing is collected, names stay plain
            return None
        manifest: str | None = super().read_manifest()
        return manifest

    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # never collected here
            return name
        try:
            return str(super().stored_name(name))
        except ValueError:  # not collected: the source, as the finders serve it
            return name


class StaticFiles(WhiteNoiseMiddleware):  # type: ignore[misc]  # untyped
    """WhiteNoise, with hashed names kept for a year (its default is ten): as the page images are."""

    FOREVER = YEAR
