"""Static IIIF tiles are cut where OpenSeadragon's IIIF tile source asks for them; article clips
cover their article's regions."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from broadsheet.ingest.images import ImageOptions, clip_box, scale_factors, write_clips, write_tiles


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
    with Image.open(tmp_path / "full/275,175/0/default.jpg") as whole:
        assert whole.size == (275, 175)


def test_clip_box_covers_every_region_with_a_margin() -> None:
    box = clip_box([(0.1, 0.2, 0.3, 0.1), (0.1, 0.3, 0.5, 0.2)], (2000, 1000), ImageOptions())
    assert box == (180, 190, 1220, 510)


def test_clip_box_keeps_the_top_of_a_tall_article_and_stays_on_the_page() -> None:
    column = clip_box([(0.0, 0.5, 0.2, 0.5)], (1000, 1000), ImageOptions(clip_max_aspect=1.5))
    assert column == (0, 490, 210, 805)
    assert clip_box([(0.999, 0.999, 0.0, 0.0)], (100, 100), ImageOptions())[2:] == (100, 100)


def test_write_clips_cuts_each_article_from_the_screen_image(tmp_path: Path) -> None:
    screen = Image.new("RGB", (400, 600), "white")
    screen.paste((200, 0, 0), (0, 0, 200, 300))  # the article's region is red
    screen.save(tmp_path / "screen.jpg")
    assert write_clips(tmp_path, {"1-a1": [(0.0, 0.0, 0.5, 0.5)], "1-a2": []}, ImageOptions(clip_margin=0)) == 2
    with Image.open(tmp_path / "clips" / "1-a1.jpg") as clip:
        assert clip.size == (200, 200)  # no taller than wide: the top of the article
        red, green, blue = clip.getpixel((100, 100))  # type: ignore[misc]
        assert red > 150 and green < 60 and blue < 60
    assert not (tmp_path / "clips" / "1-a2.jpg").exists()
