"""A missing or damaged search index: readers get a 503 that says so (never a 500, never silently no hits),
and ``broadsheet reindex`` rebuilds it from the database whatever state its folder is in.

The real thing: the browser tests' sample site (real ingests, a generated edition among them) built by a
subprocess, served by ``broadsheet serve``, its index files damaged on disk as a failing disk or a
careless hand would, and repaired by the ``reindex`` command in another process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from broadsheet.search.index_folders import builds_dir
from broadsheet.search.tantivy_index import index_dir
from tests.servers import served

QUERIES = ("harbour", "council", "Quayside")


def message(state: str) -> str:
    rebuild = "run `broadsheet reindex` to rebuild it from the database"
    return f"search is unavailable: the search index is {state}; {rebuild}"


class Site:
    def __init__(self, data: Path) -> None:
        self.data = data
        self.env = {**os.environ, "BROADSHEET_DATA_DIR": str(data), "BROADSHEET_WORKERS": "0"}
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.index = index_dir(data / "broadsheet.sqlite3")

    def shard_files(self, suffixes: tuple[str, ...]) -> list[Path]:
        return [p for p in self.index.resolve().glob("shard-*/*") if p.suffix in suffixes]

    def reindex(self) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "broadsheet.cli", "reindex"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    data = tmp_path_factory.mktemp("healing-site")
    built = Site(data)
    subprocess.run([sys.executable, "-m", "broadsheet.web.testing", str(data)], env=built.env, check=True, timeout=300)
    return built


@pytest.fixture(scope="module")
def live(site: Site) -> Iterator[str]:
    with served(site.env) as url:
        yield url


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.read().decode()


def hits(url: str) -> dict[str, list[str]]:
    """Each query's hits (their article URLs, sorted: a rebuilt index may break ties in scores otherwise)."""
    found = {}
    for q in QUERIES:
        status, body = get(f"{url}/search.json?q={q}")
        assert status == 200, body
        found[q] = sorted(h["url"] for h in json.loads(body)["hits"])
    return found


def assert_unavailable(url: str, state: str) -> None:
    """The search page answers 503 with a message for readers, its JSON twin with the message that says
    what to do (and names no file)."""
    status, body = get(f"{url}/search/?q=harbour")
    assert status == 503
    assert '<p class="error" role="alert">Search is not available at the moment. Please try again later.</p>' in body
    status, body = get(f"{url}/search.json?q=harbour")
    assert (status, json.loads(body)) == (503, {"error": message(state)})


@pytest.fixture
def baseline(site: Site, live: str) -> Iterator[dict[str, list[str]]]:
    """The hits of a healthy index; after the test the index is healthy again (the test ends with a reindex)."""
    before = hits(live)
    assert all(before.values()), before
    yield before
    assert hits(live) == before


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 3)])


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(max(64, path.stat().st_size)))


@pytest.mark.parametrize(
    ("damage", "state"),
    [
        (lambda s: shutil.rmtree(s.index.resolve()), "missing"),
        (lambda s: s.index.unlink(), "missing"),
        (lambda s: [truncate(p) for p in s.shard_files((".json",)) if p.name == "meta.json"], "damaged"),
        (lambda s: [garbage(p) for p in s.shard_files((".json",)) if p.name == "meta.json"], "damaged"),
    ],
    ids=["index-folder-deleted", "index-link-deleted", "meta-truncated", "meta-overwritten"],
)
def test_a_live_server_answers_503_until_reindex_brings_the_same_hits_back(
    site: Site, live: str, baseline: dict[str, list[str]], damage: Callable[[Site], object], state: str
) -> None:
    damage(site)
    assert_unavailable(live, state)
    assert_unavailable(live, state)  # and stays so: nothing made an empty index meanwhile
    assert site.reindex().startswith("indexed ")
    assert hits(live) == baseline


@pytest.mark.parametrize(
    ("damage", "state"),
    [
        (lambda s: [truncate(p) for p in s.shard_files((".idx", ".term", ".fast", ".pos", ".store"))], "damaged"),
        (lambda s: [garbage(p) for p in s.shard_files((".idx", ".term", ".fast", ".pos", ".store"))], "damaged"),
        (lambda s: shutil.rmtree(builds_dir(s.index)), "missing"),
    ],
    ids=["segments-truncated", "segments-overwritten", "builds-deleted"],
)
def test_after_a_restart_a_damaged_index_is_503_not_an_empty_one(
    site: Site, baseline: dict[str, list[str]], damage: Callable[[Site], object], state: str
) -> None:
    """Damaged while no server had it open (a segment rewritten under a server's mmap would crash that
    process, which a supervised server replaces): the new server refuses it, and makes no empty index."""
    with served(site.env) as url:
        hits(url)  # opened before the damage: the files are replaced underneath, not changed in place
    damage(site)
    with served(site.env) as url:
        assert_unavailable(url, state)
        assert site.reindex().startswith("indexed ")
        assert hits(url) == baseline


def test_reindex_clears_garbage_and_half_written_builds(site: Site, live: str, baseline: dict[str, list[str]]) -> None:
    builds = builds_dir(site.index)
    half = builds / "v4-20250101T000000-deadbeef" / "shard-0"  # a rebuild killed halfway
    half.mkdir(parents=True)
    (half / "meta.json").write_bytes(b'{"segments": [')
    (builds / "stray.bin").write_bytes(os.urandom(100))
    (site.index.resolve() / "shard-1" / "junk.tmp").write_bytes(os.urandom(100))
    old = site.index.resolve()
    assert site.reindex().startswith("indexed ")
    assert site.index.is_symlink() and site.index.resolve() != old
    assert sorted(p.name for p in builds.iterdir()) == sorted([".lock", site.index.resolve().name])
    assert hits(live) == baseline


def test_an_index_folder_of_the_layout_before_builds_is_replaced_by_a_link(
    site: Site, live: str, baseline: dict[str, list[str]]
) -> None:
    real = site.index.resolve()
    site.index.unlink()
    shutil.copytree(real, site.index)  # a plain folder, as indexes were made before builds
    assert hits(live) == baseline
    site.reindex()
    assert site.index.is_symlink() and not real.exists()
