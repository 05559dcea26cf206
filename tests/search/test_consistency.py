"""Search agrees with the database: an article is findable exactly when its edition is published.

Real tantivy indexes and real SQLite files in tmp_path; a crash is a child process that dies with
``os._exit`` between writing the index and committing the edition.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from broadsheet.errors import SearchIndexError
from broadsheet.search import SearchQuery, tantivy_backend, tantivy_index
from broadsheet.search.tantivy_backend import ROW, TantivyBackend
from broadsheet.web.testing import SampleArticle
from tests.search.conftest import Publish, publish_edition

REPO = Path(__file__).resolve().parents[2]
FIRST = [[SampleArticle("Harbour news", "The ferry runs again.")]]
CORRECTED = [[SampleArticle("Harbour news, corrected", "The ferry runs again on Sunday.")]]


def found(text: str) -> list[str]:
    from broadsheet.editions.models import Article

    hits = TantivyBackend().search(SearchQuery(text)).hits
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def documents() -> int:
    """Documents in the index, findable or not."""
    return sum(s.num_docs for s in TantivyBackend().index.searchers())


class CrashAfterIndexing(TantivyBackend):
    """Dies like a killed process right after the index commit, before the database commit."""

    def index_edition(self, edition_id: int) -> None:
        super().index_edition(edition_id)
        os._exit(9)


class KeepRetired(TantivyBackend):
    """Never gets round to removing retired editions (as if it died just after the publishing commit)."""

    def remove_edition(self, edition_id: int) -> None:
        pass


class Probe(TantivyBackend):
    """Searches at the moment the edition is indexed but not yet committed."""

    seen: list[str]

    def index_edition(self, edition_id: int) -> None:
        super().index_edition(edition_id)
        self.seen = found("corrected")


def child(data_dir: str, folder: str, crash: bool) -> None:
    """Entry point of the child process: publish ``CORRECTED`` into the site, crashing if asked to."""
    from broadsheet.site.environment import setup

    setup({"BROADSHEET_DATA_DIR": data_dir})
    publish_edition(Path(folder), "the-post", "2025-05-01", CORRECTED, CrashAfterIndexing() if crash else None)


def run_child(tmp_path: Path, crash: bool) -> int:
    args = f"{str(tmp_path / 'site')!r}, {str(tmp_path)!r}, {crash}"
    code = f"from tests.search.test_consistency import child; child({args})"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False).returncode


def test_an_edition_is_found_from_its_publishing_commit_on(publish: Publish) -> None:
    publish("the-post", "2025-05-01", FIRST)
    probe = Probe()
    publish("the-post", "2025-05-01", CORRECTED, search=probe)
    assert probe.seen == []  # indexed, not yet committed: invisible
    assert found("corrected") == ["Harbour news, corrected"]  # committed: found, no reload step
    assert found("ferry") == ["Harbour news, corrected"]
    assert documents() == 1


def test_a_crash_between_index_write_and_commit_changes_nothing_visible(
    publish: Publish, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish("the-post", "2025-05-01", FIRST)
    found("ferry")  # this process has the index open before the child writes to it
    assert run_child(tmp_path, crash=True) == 9
    assert documents() == 2  # the crashed build's document is in the index...
    assert found("corrected") == []  # ...but its edition is not published
    results = TantivyBackend().search(SearchQuery("ferry"))
    assert results.total == 1 and found("ferry") == ["Harbour news"]
    monkeypatch.setattr(tantivy_backend, "COUNT_UP_TO", 0)  # uncounted: the crashed build's hit is dropped after
    for limit in (1, 2):  # ...and with too few left for the page, searched again excluding it
        results = TantivyBackend().search(SearchQuery("ferry", limit=limit))
        assert (len(results.hits), results.total, results.more) == (1, 1, False)
    publish("the-post", "2025-05-01", CORRECTED)  # the next ingest purges the stale build and its documents
    assert found("ferry") == ["Harbour news, corrected"]
    assert documents() == 1


def test_an_edition_published_by_another_process_is_found_at_once(publish: Publish, tmp_path: Path) -> None:
    publish("the-post", "2025-05-01", FIRST)
    assert found("ferry") == ["Harbour news"]
    assert run_child(tmp_path, crash=False) == 0
    assert found("ferry") == ["Harbour news, corrected"]


def test_a_retired_edition_is_filtered_until_its_documents_are_removed(
    publish: Publish, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.site.gc import collect

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # gc looks at this test's work folders only

    first = publish("the-post", "2025-05-01", FIRST)
    publish("the-post", "2025-05-01", CORRECTED, search=KeepRetired())
    assert documents() == 2
    assert TantivyBackend().search(SearchQuery("ferry")).total == 1
    assert found("ferry") == ["Harbour news, corrected"]
    assert Edition.objects.get(id=first).status == "replaced"  # kept for open pages; its document: invisible
    removed = collect(TantivyBackend(), dt.timedelta(hours=24))  # the row stays (within the grace period)...
    assert [str(r) for r in removed] == [f"stray search documents of edition #{first} (replaced)"]
    assert documents() == 1 and Edition.objects.filter(id=first).exists()  # ...its document goes
    assert found("ferry") == ["Harbour news, corrected"]


def test_rebuild_makes_the_index_agree_with_the_database(publish: Publish, tmp_path: Path) -> None:
    publish("the-post", "2025-05-01", FIRST)
    publish("the-post", "2025-05-02", [[SampleArticle("Ferry timetable", "Ferries leave at nine.")]])
    assert run_child(tmp_path, crash=True) == 9
    backend = TantivyBackend()
    backend.remove_edition(publish("the-post", "2025-05-03", [[SampleArticle("Lost", "Ferry lost at sea.")]]))
    assert documents() == 3 and len(found("ferry")) == 2
    assert backend.rebuild() == 3
    assert documents() == 3
    assert sorted(found("ferry")) == ["Ferry timetable", "Harbour news", "Lost"]


def test_a_busy_index_is_waited_for_then_given_up_on(publish: Publish, monkeypatch: pytest.MonkeyPatch) -> None:
    edition = publish("the-post", "2025-05-01", FIRST)
    backend = TantivyBackend()
    held = threading.Event()

    def hold(seconds: float) -> None:
        with backend.index.shard_of(edition).writer():
            held.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold, args=(0.5,))
    thread.start()
    held.wait()
    start = time.monotonic()
    backend.remove_edition(edition)  # waits for the other writer
    assert time.monotonic() - start > 0.3
    thread.join()
    monkeypatch.setattr("broadsheet.search.tantivy_index.WRITER_WAIT_S", 0.2)
    held.clear()
    thread = threading.Thread(target=hold, args=(1.0,))
    thread.start()
    held.wait()
    with pytest.raises(SearchIndexError, match="another process"):
        backend.index_edition(edition)
    thread.join()


def test_the_reindex_command_rebuilds_from_the_database(publish: Publish, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from broadsheet.site.commands import run_reindex

    TantivyBackend().remove_edition(publish("the-post", "2025-05-01", FIRST))
    assert found("ferry") == []
    assert run_reindex(argparse.Namespace(), env={}) == 0
    assert capsys.readouterr().out == "indexed 1 published articles\n"
    assert found("ferry") == ["Harbour news"]


def test_an_edition_indexed_during_a_rebuild_goes_to_the_new_index(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rebuild read the database before the edition was there; the ingest that indexes it waits for the
    old index's writer (the rebuild holds it), finds the index swapped and writes to the new one."""
    from broadsheet.search.tantivy_index import SearchIndex, rebuilding

    first = publish("the-post", "2025-05-01", FIRST)
    second = publish("the-post", "2025-05-02", [[SampleArticle("Ferry timetable", "Ferries leave at nine.")]])
    backend = TantivyBackend()
    backend.search(SearchQuery("ferry"))  # this process has the old index open
    stale: list[bool] = []
    current = SearchIndex.current
    monkeypatch.setattr(SearchIndex, "current", lambda self: stale.append(not current(self)) or current(self))
    building, waiting = threading.Event(), threading.Event()
    waits = tantivy_index.IndexHandle._acquire

    def acquire(self: tantivy_index.IndexHandle, *args: int) -> object:
        if building.is_set():
            waiting.set()
        return waits(self, *args)

    monkeypatch.setattr(tantivy_index.IndexHandle, "_acquire", acquire)

    def rebuild_without_the_second() -> None:
        with rebuilding(backend.path) as fresh, fresh.shard_of(first).writer() as writer:
            from broadsheet.editions.models import Article

            for art in tantivy_backend.articles(Article.objects.filter(edition_id=first).values_list(*ROW)):
                writer.add_document(tantivy_index.document(art))
            building.set()
            waiting.wait(timeout=30)
            time.sleep(0.3)  # the ingest is in its wait for the old writer

    thread = threading.Thread(target=rebuild_without_the_second)
    thread.start()
    building.wait(timeout=30)
    backend.index_edition(second)
    thread.join()
    assert True in stale  # it found the old index swapped (its writer taken, or its build gone), and let go of it
    assert documents() == 2
    assert sorted(found("ferry")) == ["Ferry timetable", "Harbour news"]
