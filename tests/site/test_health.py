"""``broadsheet check``: one line per part of the site, each problem with what to do, exit 1 when one is bad.

Real sites: an edition published through the real ingest into the test's site (SQLite file, media folder,
tantivy index), then one part broken on disk as a failed disk, a bad restore or a careless hand would.
The database's own failures are checked through the command line, in a process of their own.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.editions.tiles import url_name
from broadsheet.site.health import run_check
from broadsheet.web.testing import SampleArticle
from tests.search.conftest import publish_edition

PAGES = [
    [SampleArticle("Harbour news", "The ferry runs again."), SampleArticle("Council budget", "Rates rise.")],
    [SampleArticle("Weather", "Rain.")],
]


@pytest.fixture
def published(site: Path, tmp_path: Path) -> Path:
    """A site with one published edition of three articles; yields its media root."""
    publish_edition(tmp_path, "the-post", "2025-05-01", PAGES)
    return site


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, str]]:
    """The exit code, and each part's line."""
    code = run_check(argparse.Namespace(), env={})
    lines = capsys.readouterr().out.splitlines()
    return code, {line.split(":", 1)[0].split()[1]: line for line in lines}


def index_path() -> Path:
    from broadsheet.search.tantivy_backend import TantivyBackend

    return TantivyBackend().path


def test_a_whole_site_is_all_ok(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(capsys)
    assert code == 0
    assert list(lines) == ["database", "media", "index"]
    assert all(line.startswith("ok ") for line in lines.values()), lines
    assert "1 published editions, 3 articles" in lines["database"]
    assert "3 documents, one per published article" in lines["index"]


def tiles(media: Path) -> list[Path]:
    """The tiles' files: one each in its page's ``iiif/`` folder (:mod:`broadsheet.editions.tiles`)."""
    return sorted(
        p for p in media.rglob("iiif/*.jpg") if url_name(p.relative_to(media).as_posix()).endswith("default.jpg")
    )


def test_a_missing_tile_is_a_media_problem(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gone = tiles(published)[-1]
    gone.unlink()
    code, lines = check(capsys)
    assert code == 1
    assert lines["media"].startswith("problem media: 1 of ")
    assert "missing or unreadable in the-post 2025-05-01" in lines["media"]
    assert url_name(gone.relative_to(published).as_posix()) in lines["media"]  # named as its URL names it
    assert "restore the media folder from the backup" in lines["media"]
    assert lines["database"].startswith("ok ") and lines["index"].startswith("ok ")


@pytest.mark.parametrize("name", ["screen.jpg", "thumb.jpg"])
def test_a_missing_page_image_is_a_media_problem(
    published: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    next(published.rglob(f"p2/{name}")).unlink()
    code, lines = check(capsys)
    assert code == 1 and f"p2/{name}" in lines["media"]


def test_an_unreadable_tile_description_is_a_media_problem(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    next(published.rglob("p1/iiif/info.json")).write_text('{"width": ', encoding="utf-8")
    code, lines = check(capsys)
    assert code == 1 and "p1/iiif/info.json" in lines["media"]


def test_an_index_that_lacks_articles_says_to_reindex(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.search.tantivy_backend import TantivyBackend

    TantivyBackend().remove_edition(Edition.objects.get().id)
    code, lines = check(capsys)
    assert code == 1
    assert lines["index"].endswith(": 0 documents for 3 published articles: run `broadsheet reindex`")
    TantivyBackend().rebuild()
    assert check(capsys)[0] == 0


def test_a_damaged_or_missing_index_is_an_index_problem(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadsheet.search.tantivy_backend import TantivyBackend

    meta = index_path().resolve() / "shard-0" / "meta.json"
    meta.write_bytes(meta.read_bytes()[:20])
    code, lines = check(capsys)
    assert code == 1
    assert "the search index is damaged; run `broadsheet reindex`" in lines["index"]
    assert "(tantivy: Data corrupted" in lines["index"]  # what tantivy said, for the operator
    index_path().unlink()
    code, lines = check(capsys)
    assert code == 1 and "the search index is missing; run `broadsheet reindex`" in lines["index"]
    TantivyBackend().rebuild()
    assert check(capsys)[0] == 0


def run_cli_check(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "check"], env=env, capture_output=True, text=True, timeout=120
    )


def corrupt_middle(database: Path) -> None:
    """A database whose pages in the middle were overwritten (its header intact, so it still opens)."""
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("CREATE INDEX t_x ON t (x)")
        db.executemany("INSERT INTO t VALUES (?)", [(f"row {i} " * 20,) for i in range(2000)])
    data = bytearray(database.read_bytes())
    data[4096 * 5 : 4096 * 9] = os.urandom(4096 * 4)
    database.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda db: None, "no database at"),
        (lambda db: db.write_bytes(os.urandom(8192)), "cannot be read"),
        (corrupt_middle, "restore the database file from the backup"),  # malformed, or failing its integrity check
        (lambda db: sqlite3.connect(db).close(), "migrations not applied (first "),
    ],
    ids=["missing", "garbage", "damaged-pages", "not-migrated"],
)
def test_database_problems_fail_the_check_and_make_nothing(tmp_path: Path, make: object, message: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "broadsheet.sqlite3"
    make(database)  # type: ignore[operator]
    before = sorted(p.name for p in data.iterdir())
    result = run_cli_check(data)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("problem database: ") and message in lines[0]
    assert lines[0].endswith(
        ("from the backup (docs/deploy.md)", "or ingest to start a new site", "(serve, ingest and reindex do too)")
    )
    assert lines[1:] == ["skipped media: the database is needed first", "skipped index: the database is needed first"]
    assert sorted(p.name for p in data.iterdir()) == before  # no database made, no migration, no index
