"""Publication slugs and edition names: one pattern, checked wherever one comes in.

Both become parts of URLs (``/<publication>/<date>/ed-<edition>/``) and of an edition's media folder
(``editions/<publication>/<date>-<edition>-<build>``, :func:`broadsheet.ingest.store.begin_edition`).
One that the URL pattern does not match makes links that cannot be built, so every page listing its
edition fails (``--edition Lahore`` took the home page, the archive and search down); one with a
``/`` or ``..`` (``--edition ../../x``) puts the build outside the media folder. So the CLI, the
newsroom's upload form, the ingest library and the models (their field validators, for the admin)
all check it against :data:`SLUG_PATTERN`, the pattern the edition URL converter is built from
(:mod:`broadsheet.web.converters`).

The publication URL keeps Django's wider ``<slug:>`` (it also takes capitals and ``_``), so that a
publication made before these checks stays reachable: what is accepted now is a subset of what it routes.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from broadsheet.errors import UsageError

SLUG_PATTERN = r"[a-z0-9][a-z0-9-]*"
"""Lowercase ASCII letters, digits and hyphens, starting with a letter or a digit."""

MAX_PUBLICATION_CHARS = 80  # Publication.slug's max_length
MAX_EDITION_CHARS = 60  # Edition.name's max_length

_SLUG = re.compile(SLUG_PATTERN)
_RULE = "lowercase letters a-z, digits and hyphens, starting with a letter or a digit"


def _problem(value: str, longest: int) -> str | None:
    """Why ``value`` is not a slug of at most ``longest`` characters, or None when it is one."""
    if not _SLUG.fullmatch(value):
        return f"use only {_RULE}"
    if len(value) > longest:
        return f"use at most {longest} characters, not {len(value)}"
    return None


def check_publication(slug: str) -> str:
    """``slug`` when it is a publication slug; :class:`UsageError` saying what to type instead."""
    problem = _problem(slug, MAX_PUBLICATION_CHARS)
    if problem:
        raise UsageError(f"publication {slug!r} is not a slug: {problem} (e.g. the-nation)")
    return slug


def check_edition(name: str) -> str:
    """``name`` when it is an edition name ('' is the main edition); :class:`UsageError` otherwise."""
    problem = _problem(name, MAX_EDITION_CHARS) if name else None
    if problem:
        raise UsageError(f"edition {name!r} is not a slug: {problem} (e.g. lahore; none for the main edition)")
    return name


def validate_publication_slug(value: str) -> None:
    """The model field's and forms' validator (Django's ``ValidationError``) for a publication slug."""
    try:
        check_publication(value)
    except UsageError as e:
        raise ValidationError(str(e), code="invalid") from e


def validate_edition_name(value: str) -> None:
    """The model field's and forms' validator for an edition name."""
    try:
        check_edition(value)
    except UsageError as e:
        raise ValidationError(str(e), code="invalid") from e
