"""Static IIIF tiles are cut where OpenSeadragon's IIIF tile source asks for them; article clips
cover their article's regions."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from broadsheet.editions import tiles
from broadsheet.ingest.images import (
    ImageOptions,
    clip_box,
    cut_clips,
    pyramid,
    render_page_images,
    scale_factors,
    thumbnail,
    write_clips,
    write_tiles,
)


def test_scale_factors_stop_when_one_tile_holds_the_image() -> None:
    assert scale_factors(1100, 700, 512) == [1, 2, 4]
    assert scale_factors(300, 200, 512) == [1]


def test_tile_names_follow_iiif3_level0_layout(tmp_path: Path) -> None:
    """Every tile is a file of the service's one folder, named for the IIIF URL it answers."""
    factors = write_tiles(Image.new("RGB", (1100, 700), "white"), tmp_path, 512, 80, 800)
    assert not [p for p in tmp_path.iterdir() if p.is_dir()]
    names = {tiles.url_name(f"iiif/{p.name}")[5:] for p in tmp_path.glob("*.jpg")}
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
    assert len(names) == 9  # and nothing else: 6 + 2 + 1
    with Image.open(tmp_path / "1024,0,76,512_76,512.jpg") as tile:
        assert tile.size == (76, 512)
    with Image.open(tmp_path / "full_275,175.jpg") as whole:
        assert whole.size == (275, 175)


def test_only_the_levels_a_page_view_opens_on_get_optimised_tables(tmp_path: Path) -> None:
    """Optimised Huffman tables cost a second pass: the zoom levels wider than the limit are encoded in
    one, the levels at most that wide (what a page view opens on) in two."""
    image = Image.effect_noise((1100, 700), 60).convert("RGB")
    write_tiles(image, tmp_path, 512, 80, 600)
    levels = dict(pyramid(image, 512))

    def encoded(level: Image.Image, optimize: bool) -> bytes:
        out = io.BytesIO()
        level.save(out, "JPEG", quality=80, optimize=optimize)
        return out.getvalue()

    zoom_tile = (tmp_path / tiles.stored_name("0,0,512,512/512,512/0/default.jpg")).read_bytes()
    assert zoom_tile == encoded(levels[1].crop((0, 0, 512, 512)), optimize=False)
    whole_page = (tmp_path / tiles.stored_name("full/275,175/0/default.jpg")).read_bytes()
    assert whole_page == encoded(levels[4], optimize=True) != encoded(levels[4], optimize=False)


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


def test_a_clip_wider_than_the_limit_is_scaled_and_a_narrower_one_kept_as_cut(tmp_path: Path) -> None:
    screen = Image.new("RGB", (400, 600), "white")
    screen.paste((0, 0, 180), (0, 0, 400, 100))
    screen.paste((200, 0, 0), (0, 100, 100, 300))
    whole, column = [(0.0, 0.0, 1.0, 0.5)], [(0.0, 0.0, 0.25, 0.5)]
    options = ImageOptions(clip_margin=0, clip_max_width=200)
    assert cut_clips(screen, tmp_path, {"1-a1": whole, "1-a2": column}, options) == 2
    with Image.open(tmp_path / "clips" / "1-a1.jpg") as clip:
        assert clip.size == (200, 150)  # 400 × 300, scaled to the limit
    expected = io.BytesIO()  # the narrower clip: the screen image's pixels as they are, not resampled
    screen.crop(clip_box(column, screen.size, options)).save(expected, "JPEG", quality=options.jpeg_quality)
    assert (tmp_path / "clips" / "1-a2.jpg").read_bytes() == expected.getvalue()


def _red_square_pdf(path: Path) -> Path:
    """A white page with a red square in its top left quarter (reportlab, a dev dependency)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(400, 600))
    canvas.setFillColorRGB(0.8, 0, 0)
    canvas.rect(0, 300, 200, 300, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return path


def test_page_images_keep_their_colours_and_sizes(tmp_path: Path) -> None:
    """PDFium draws RGBX for Pillow to take over as is: red must stay red (not BGR's blue) in every image."""
    options = ImageOptions(full_dpi=144, screen_width=400, thumb_width=100, small_thumb_width=50)
    images = render_page_images(_red_square_pdf(tmp_path / "red.pdf"), 0, tmp_path / "p1", "x", options)
    assert (images.width, images.height) == (800, 1200)
    sizes = {"screen.jpg": (400, 600), "thumb.jpg": (100, 150), "thumb-small.jpg": (50, 75)}
    tile = "iiif/0,0,512,512_512,512.jpg"  # the page's 800 × 1200 px: its square is 400 × 600
    points = {name: ((w // 4, h // 4), (w * 3 // 4, h * 3 // 4)) for name, (w, h) in sizes.items()}
    for name, (red_at, white_at) in {**points, tile: ((100, 100), (480, 100))}.items():
        with Image.open(tmp_path / "p1" / name) as image:
            assert image.mode == "RGB" and image.size == sizes.get(name, (512, 512)), name
            red, green, blue = image.getpixel(red_at)  # type: ignore[misc]
            assert red > 150 and green < 60 and blue < 60, name
            assert min(image.getpixel(white_at)) > 230, name  # type: ignore[type-var]


def test_a_thumbnail_is_the_page_scaled_down() -> None:
    """Scaled from a pyramid level, not the full image, and still the same picture: within a few levels of
    Lanczos from the full image, everywhere (odd sizes leave the levels a part-filled last column)."""
    full = Image.new("RGB", (2339, 1001), "white")
    for x in range(0, 2339, 60):  # columns of "text": stripes a few thumbnail pixels wide
        full.paste((0, 0, 0), (x, 100, x + 30, 900))
    full.paste((200, 0, 0), (1700, 0, 2339, 1001))
    thumb = thumbnail(pyramid(full, 512), 240)
    exact = full.resize((240, 103), Image.Resampling.LANCZOS)
    assert thumb.size == exact.size
    diff = [abs(a - b) for a, b in zip(thumb.tobytes(), exact.tobytes(), strict=True)]
    assert sum(diff) / len(diff) < 1.2 and max(diff) < 20


def test_pyramid_levels_halve_down_to_one_tile() -> None:
    levels = pyramid(Image.new("RGB", (1100, 700), "white"), 512)
    assert [(sf, level.size) for sf, level in levels] == [(1, (1100, 700)), (2, (550, 350)), (4, (275, 175))]


def test_page_images_cut_their_articles_clips_from_the_page_as_drawn(tmp_path: Path) -> None:
    """Clips are cut in the rendering job, from the screen image before it is compressed: the article
    over the red square is red, and an article without regions has no clip."""
    options = ImageOptions(full_dpi=72, screen_width=400, clip_margin=0)
    clips = {"1-a1": [(0.0, 0.0, 0.5, 0.5)], "1-a2": [(0.5, 0.5, 0.5, 0.5)], "1-a3": []}
    render_page_images(_red_square_pdf(tmp_path / "red.pdf"), 0, tmp_path / "p1", "x", options, clips)
    assert sorted(p.name for p in (tmp_path / "p1" / "clips").iterdir()) == ["1-a1.jpg", "1-a2.jpg"]
    with (
        Image.open(tmp_path / "p1" / "clips" / "1-a1.jpg") as red,
        Image.open(tmp_path / "p1" / "clips" / "1-a2.jpg") as white,
    ):
        assert red.size == (200, 200) and red.mode == "RGB"
        r, g, b = red.getpixel((100, 100))  # type: ignore[misc]
        assert r > 150 and g < 60 and b < 60
        assert min(white.getpixel((100, 100))) > 230  # type: ignore[type-var]
