"""Static IIIF tiles are cut where OpenSeadragon's IIIF tile source asks for them."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from broadsheet.ingest.images import scale_factors, write_tiles


def test_scale_factors_stop_when_one_tile_holds_the_image() -> None:
    assert scale_factors(1100, 700, 512) == [1, 2, 4]
    assert scale_factors(300, 200, 512) == [1]


def test_tile_names_follow_iiif3_level0_layout(tmp_path: Path) -> None:
    factors = write_tiles(Image.new("RGB", (1100, 700), "white"), tmp_path, 512, 80)
    names = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.jpg")}
    assert factors == [1, 2, 4]
    expected_full_res = {
        "0,0,512,512/512,512/0/default.jpg",
        "512,0,512,512/512,512/0/default.jpg",
        "1024,0,76,512/76,512/0/default.jpg",
        "0,512,512,188/512,188/0/default.jpg",
        "512,512,512,188/512,188/0/default.jpg",
        "1024,512,76,188/76,188/0/default.jpg",
    }
    assert expected_full_res <= names
    assert "0,0,1024,700/512,350/0/default.jpg" in names  # sf 2: 550×350 → two tiles wide
    assert "full/275,175/0/default.jpg" in names  # sf 4: the whole image below one tile
    with Image.open(tmp_path / "1024,0,76,512/76,512/0/default.jpg") as tile:
        assert tile.size == (76, 512)
