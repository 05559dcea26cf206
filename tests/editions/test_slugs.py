"""Publication slugs and edition names: one pattern, the URLs' own, refused with a message elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from broadsheet.editions.slugs import SLUG_PATTERN, check_edition, check_publication
from broadsheet.errors import UsageError
from broadsheet.web.converters import EditionKeyConverter

GOOD = ["the-nation", "lahore", "2nd-edition", "x", "a" * 60]
MISSHAPEN = ["Lahore", "café", "../../x", "a/b", "a b", "-lead", "under_score", "a.b", "ed\n", "Ł", "\u0661"]
BAD = [*MISSHAPEN, "a" * 81]  # the URL takes any length: the column's is checked too


def test_the_pattern_is_the_edition_urls_own() -> None:
    assert f"(?:/ed-{SLUG_PATTERN})?" in EditionKeyConverter.regex
    url = re.compile(EditionKeyConverter.regex)
    for name in GOOD:
        assert check_edition(name) == name and url.fullmatch(f"2025-04-20/ed-{name}"), name
    for name in MISSHAPEN:
        assert not url.fullmatch(f"2025-04-20/ed-{name}"), name


def test_bad_slugs_are_refused_with_one_line_saying_what_to_type() -> None:
    for value in BAD:
        with pytest.raises(UsageError) as publication:
            check_publication(value)
        assert str(publication.value).count("\n") == 0 and "e.g. the-nation" in str(publication.value), value
        with pytest.raises(UsageError):
            check_edition(value)
    with pytest.raises(UsageError, match=r"^publication 'Lahore' is not a slug: use only lowercase letters a-z"):
        check_publication("Lahore")
    with pytest.raises(UsageError, match="use at most 60 characters, not 61"):
        check_edition("a" * 61)
    assert check_edition("") == ""  # the main edition
    with pytest.raises(UsageError):
        check_publication("")


def test_the_models_validate_them_for_the_admin(site: Path) -> None:
    import datetime as dt

    from broadsheet.editions.models import Edition, Publication

    pub = Publication(slug="café", name="Café Times")
    with pytest.raises(ValidationError) as refused:
        pub.full_clean()
    assert "slug" in refused.value.message_dict
    pub.slug = "cafe-times"
    pub.full_clean()
    pub.save()
    edition = Edition(
        publication=pub, date=dt.date(2025, 4, 20), name="Lahore", media_dir="editions/x", source_name="x.pdf"
    )
    with pytest.raises(ValidationError) as refused:
        edition.full_clean()
    assert refused.value.message_dict["name"] == [
        "edition 'Lahore' is not a slug: use only lowercase letters a-z, digits and hyphens, "
        "starting with a letter or a digit (e.g. lahore; none for the main edition)"
    ]
    edition.name = ""
    edition.full_clean()
