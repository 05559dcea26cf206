"""A full or read-only disk: one line naming the folder (exit code 74), a cleanup that cannot itself crash
(it used to, with a 59-line traceback), and nothing half-visible: no ``processing`` row, no partial media.

The real thing where the machine allows it: the data folder on a small tmpfs, mounted in a mount
namespace of the test's own (``unshare``), filled up, then made read-only. Everywhere: ENOSPC injected
into the storage's save, and into the cleanup's own steps.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.db.utils import OperationalError

from broadsheet.errors import StorageError
from broadsheet.extract.model import PageResult
from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages
from tests.ingest.runs import cli_env, generated, ingest_command

CHECK = """
import json, os, sqlite3, sys
data = sys.argv[1]
database = sqlite3.connect(f"file:{data}/broadsheet.sqlite3?immutable=1", uri=True)  # a read-only disk too
rows = database.execute("select status, media_dir from reader_edition")
editions = os.path.join(data, "media", "editions")
folders = sorted(f"editions/{p}/{b}" for p in os.listdir(editions) for b in os.listdir(os.path.join(editions, p)))
print(json.dumps({"editions": sorted(rows.fetchall()), "folders": folders}))
"""


def _in_a_tmpfs(data: Path, script: str) -> subprocess.CompletedProcess[str]:
    """``script`` (sh) with ``data`` a 48 MiB tmpfs, in a mount namespace of its own (gone with it)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare here: the injected full disk below stands in")
    mount = f"mount -t tmpfs -o size=48m tmpfs {data} || exit 99\n"
    for user in ([], ["-r"]):  # as root; else as root of a user namespace, where the kernel allows it
        done = subprocess.run(
            [unshare, *user, "-m", "sh", "-c", mount + script],
            env=cli_env(data),
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if done.returncode != 99 and "unshare:" not in done.stderr:
            return done
    pytest.skip(f"a tmpfs cannot be mounted here ({done.stderr.strip()}): the injected full disk below stands in")


def test_a_full_then_read_only_disk_is_one_line_and_leaves_nothing_half_visible(tmp_path: Path) -> None:
    pdf, data = generated(tmp_path / "ed", pages=2), tmp_path / "data"
    data.mkdir()
    ingest = " ".join(ingest_command(pdf, "--quiet"))
    check = f"{sys.executable} -c '{CHECK}' {data}"
    script = f"""
        {ingest} >/dev/null || exit 98
        dd if=/dev/zero of={data}/filler bs=64k 2>/dev/null; truncate -s -2M {data}/filler  # 2 MiB left
        {ingest}; echo "full: $?"
        {check}
        rm {data}/filler; mount -o remount,ro {data}
        {ingest}; echo "read-only: $?"
        {check}
    """
    done = _in_a_tmpfs(data, script)
    full, after_full, read_only, after_read_only = done.stdout.splitlines()
    errors = done.stderr.splitlines()
    assert (full, read_only) == ("full: 74", "read-only: 74"), done.stderr
    assert errors == [
        f"broadsheet: error: the disk of {data}/media is full (the ingest stopped; nothing was published and what "
        "it wrote is removed): free some space, then run this again",
        f"broadsheet: error: {data} is on a read-only disk: make it writable, then run this again",
    ]
    state = json.loads(after_full)
    assert [status for status, _ in state["editions"]] == ["published"]
    assert state["folders"] == [state["editions"][0][1]]
    assert json.loads(after_read_only) == state


@pytest.fixture
def published(site: Path, tmp_path: Path) -> tuple[Path, list[PageResult], str]:
    """An edition published (before the disk filled up): its PDF, its pages and its media folder."""
    from broadsheet.editions.models import Edition

    pdf = tmp_path / "gazette.pdf"
    results = make_pdf(pdf, sample_pages())
    _ingest(pdf, results)
    return pdf, results, Edition.objects.get().media_dir


def _ingest(pdf: Path, results: list[PageResult]) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    options = IngestOptions(images=ImageOptions(full_dpi=72), workers=1, extractor=FixedExtractor(results))
    ingest_edition(IngestRequest(pdf=pdf, publication="the-test-gazette", date=dt.date(2025, 4, 20)), options)


def _fill_up_after(files: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The media folder takes ``files`` more files, then says its disk is full (as the OS does: no name)."""
    from broadsheet.editions import media

    save = FileSystemStorage._save
    saved: list[str] = []

    def full(self: FileSystemStorage, name: str, content: Any) -> str:
        if len(saved) >= files:
            raise OSError(errno.ENOSPC, "No space left on device")
        saved.append(name)
        return save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", full)
    monkeypatch.setattr(media, "_moved_whole", lambda folder, prefix: False)  # file by file, as on another disk


def _state(media: Path) -> tuple[list[tuple[str, str]], list[str]]:
    from tests.ingest.runs import build_folders, editions

    return editions(), build_folders(media)


def test_a_full_media_disk_mid_save_is_one_error_and_its_files_are_removed(
    site: Path, published: tuple[Path, list[PageResult], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, results, old = published
    _fill_up_after(5, monkeypatch)
    with pytest.raises(StorageError) as refused:
        _ingest(pdf, results)
    assert str(refused.value) == (
        f"the disk of {site} is full (the ingest stopped; nothing was published and what it wrote is removed): "
        "free some space, then run this again"
    )
    assert refused.value.exit_code == 74
    assert _state(site) == ([("published", old)], [old])


def test_a_cleanup_the_full_disk_refuses_too_does_not_crash_and_gc_finishes_it(
    site: Path, published: tuple[Path, list[PageResult], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.ingest import store
    from broadsheet.search import get_backend
    from broadsheet.search.tantivy_backend import TantivyBackend
    from broadsheet.site.gc import collect

    pdf, results, old = published
    _fill_up_after(5, monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(site.parent))  # gc looks at this test's work folders only

    def database_full(editions: list[object]) -> None:
        if editions:  # no stale build to delete before this one: that is no write
            raise OperationalError("database or disk is full")

    def index_full(self: TantivyBackend, edition_id: int) -> None:
        raise ValueError("An IO error occurred: 'No space left on device (os error 28)'")

    monkeypatch.setattr(store, "delete_editions", database_full)
    monkeypatch.setattr(TantivyBackend, "remove_edition", index_full)
    with pytest.raises(StorageError, match="its row and search documents are left for `broadsheet gc`"):
        _ingest(pdf, results)
    crashed = Edition.objects.get(status="processing")
    assert _state(site)[1] == [old]  # the media went first, which freed the space
    monkeypatch.undo()  # space freed
    monkeypatch.setattr(tempfile, "tempdir", str(site.parent))

    removed = [str(r) for r in collect(get_backend(), dt.timedelta(hours=24))]
    assert removed == [f"crashed build #{crashed.id} the-test-gazette 2025-04-20 ({crashed.media_dir})"]
    assert _state(site) == ([("published", old)], [old])
