"""A tile's IIIF URL path and the file a local media folder keeps it in name each other."""

from __future__ import annotations

import pytest

from broadsheet.editions import tiles


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("editions/p/b1/p1/iiif/0,0,512,512/512,512/0/default.jpg", "editions/p/b1/p1/iiif/0,0,512,512_512,512.jpg"),
        ("editions/p/b1/p1/iiif/full/max/0/default.jpg", "editions/p/b1/p1/iiif/full_max.jpg"),
        ("iiif/full/292,414/0/default.jpg", "iiif/full_292,414.jpg"),
    ],
)
def test_a_tile_is_one_file_in_its_service_folder(url: str, stored: str) -> None:
    assert tiles.stored_name(url) == stored
    assert tiles.url_name(stored) == url


def test_a_name_under_the_service_is_mapped_too() -> None:
    assert tiles.stored_name("1024,0,76,512/76,512/0/default.jpg") == "1024,0,76,512_76,512.jpg"


@pytest.mark.parametrize(
    "name",
    [
        "editions/p/b1/p1/iiif/info.json",
        "editions/p/b1/p1/screen.jpg",
        "editions/p/b1/p1/clips/a_b.jpg",  # an article clip whose key has an underscore
        "editions/p/b1/p1/iiif/0,0,512,512/512,512/90/default.jpg",  # not a rotation level 0 serves
        "editions/p/b1/p1/iiif/0,0,512,512/512,512/0/gray.jpg",
    ],
)
def test_other_names_are_their_own(name: str) -> None:
    assert tiles.stored_name(name) == name
    assert tiles.url_name(name) == name
