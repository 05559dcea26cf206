"""An edition's files through Django's storage API: the local media folder, or any other storage."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from broadsheet.editions import media

IN_MEMORY = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(params=["local", "in-memory"])
def storage(request: pytest.FixtureRequest, site: Path) -> Iterator[str]:
    """The test's site with its default storage: the local media folder, or Django's in-memory storage."""
    if request.param == "local":
        yield request.param
        return
    with override_settings(STORAGES=IN_MEMORY):
        yield request.param


TILE = "editions/the-post/b1/p1/iiif/0,0,512,512/512,512/0/default.jpg"  # as the IIIF URL names it


def _work(tmp_path: Path, name: str = "work") -> Path:
    """A page's files as ingest leaves them in its work folder: its tiles in the service's one folder."""
    folder = tmp_path / name
    (folder / "iiif").mkdir(parents=True)
    (folder / "screen.jpg").write_bytes(b"screen")
    (folder / "iiif" / "info.json").write_text("{}")
    (folder / "iiif" / "0,0,512,512_512,512.jpg").write_bytes(b"tile")
    return folder


def test_a_folder_is_saved_read_and_deleted_through_the_storage(storage: str, site: Path, tmp_path: Path) -> None:
    media.save_folder(_work(tmp_path), "editions/the-post/b1/p1")
    assert (tmp_path / "work").exists() == (storage != "local")  # a local storage took the folder whole
    assert media.url("editions/the-post/b1/p1/screen.jpg") == "/media/editions/the-post/b1/p1/screen.jpg"
    with media.open_file(TILE) as tile:
        assert tile.read() == b"tile"
    assert media.exists(TILE)
    assert (site / "editions/the-post/b1/p1/screen.jpg").is_file() == (storage == "local")
    # a local folder keeps the tile as one file; another storage under the URL's name, which it serves as is
    assert default_storage.exists(TILE) == (storage != "local")
    assert default_storage.exists("editions/the-post/b1/p1/iiif/0,0,512,512_512,512.jpg") == (storage == "local")
    media.save_folder(_work(tmp_path, "work2"), "editions/the-post/b2/p1")
    media.delete_folder("editions/the-post/b1")
    assert default_storage.listdir("editions/the-post") == (["b2"], [])
    assert not media.exists("editions/the-post/b1/p1/screen.jpg")
    media.delete_folder("editions/the-post/b1")  # gone already: nothing to do


def test_a_build_kept_in_the_older_layout_is_still_served(site: Path) -> None:
    """Builds made before tiles were kept one file each have them under their IIIF names: found there."""
    old = site / "editions/the-post/b0/p1/iiif/0,0,512,512/512,512/0"
    old.mkdir(parents=True)
    (old / "default.jpg").write_bytes(b"old tile")
    name = "editions/the-post/b0/p1/iiif/0,0,512,512/512,512/0/default.jpg"
    assert media.exists(name)
    with media.open_file(name) as tile:
        assert tile.read() == b"old tile"
    assert not media.exists(name.replace("0,0,512,512/512", "512,0,512,512/512"))


def test_a_name_outside_the_storage_or_a_folder_is_not_a_file(site: Path, tmp_path: Path) -> None:
    media.save_folder(_work(tmp_path), "editions/x/p1")
    for name in (
        "../broadsheet.sqlite3",
        "/etc/passwd",
        "editions/x/p1/iiif",
        "editions/x/p1/none.jpg",
        "../../iiif/0,0,1,1/1,1/0/default.jpg",
        "editions/x/p1/iiif/info.json/info.json",  # a file taken for a folder (regression: a 500)
        "editions/x/p1/screen.jpg/0,0,1,1/1,1/0/default.jpg",
    ):
        with pytest.raises(FileNotFoundError):
            media.open_file(name)


def test_a_work_folder_on_another_disk_is_saved_file_by_file(site: Path) -> None:
    """A local storage takes a work folder on its own disk in one rename; from another disk (here the
    machine's tmpfs) the files are saved one by one, and land the same."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == site.parent.stat().st_dev:
        pytest.skip("needs a second file system at /dev/shm")
    with tempfile.TemporaryDirectory(dir=shm) as other:
        media.save_folder(_work(Path(other)), "editions/x/p1")
        assert (Path(other) / "work").is_dir()  # not moved whole: its files were taken one by one
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "editions/x/p1/iiif/0,0,512,512_512,512.jpg",
        "editions/x/p1/iiif/info.json",
        "editions/x/p1/screen.jpg",
    ]


def test_a_folder_name_that_leaves_its_place_is_refused(storage: str, site: Path, tmp_path: Path) -> None:
    from django.core.exceptions import SuspiciousFileOperation

    work = tmp_path / "work"
    work.mkdir()
    (work / "f.jpg").write_bytes(b"jpeg")
    for prefix in ["editions/p/2025-04-20-../../../x", "/etc/x", "editions//x", "editions/./x", "editions\\..\\x"]:
        with pytest.raises(SuspiciousFileOperation):
            media.save_folder(work, prefix)
        with pytest.raises(SuspiciousFileOperation):
            media.delete_folder(prefix)
    assert (work / "f.jpg").is_file() and not any(site.rglob("*.jpg"))
    media.save_folder(work, "editions/p/2025-04-20-ok")
    assert media.exists("editions/p/2025-04-20-ok/f.jpg")
