"""Reader load on loopback with a re-ingest in the middle: errors, broken images, p99 latency, server memory.

    .venv/bin/python benchmarks/load.py [--pages 24] [--seconds 20] [--clients 8,32,128]

Ingests the generated benchmark edition into a fresh site (build/bench/load-site-…), runs
``broadsheet serve`` — the production server: gunicorn's master and its waitress processes — and
drives it with keep-alive clients (one thread each, ``http.client``), ``--seconds`` at each level of
``--clients``. Each client goes round the four reader requests: a page view (a random page), an
article's JSON (an article linked from a page it loaded), a search (``/search.json``, a word of a
headline) and a tile — an IIIF tile, the page image, its thumbnail or the ``info.json`` of a page it
loaded, as OpenSeadragon asks for them. Halfway through each level the same edition is ingested again
(``broadsheet ingest``, a replacement); the level goes on until that ingest has published and a
quarter of ``--seconds`` more, so the swap happens under load. A replaced build's media is kept for
a grace period, so every tile and image URL a client got from a page must keep answering 200 during
and after the swap: after the last level every one seen is asked for again.

Target: 0 errors (a page view, article JSON or search that did not answer 200, or a re-ingest that
failed) and 0 broken images (a tile or image that did not answer 200). The p99 latency of each
request at each level and the server's memory (the RSS of gunicorn's master and all its descendants,
from /proc) are reported, so that "flat" can be judged; they are not part of the target. Memory is read
cold (``before_mb``: the processes have answered only the setup's requests), warm (``warm_mb``: after
``--warmup`` seconds of the first level's clients, no re-ingest: every thread has its database
connection, the templates, the search index and the cache of the edition's pages are loaded) and after
each level; ``ratio_after_warm`` is what the levels and their re-ingests added. ``memory_parts_mb`` splits
each reading into the heaps (``anon``: Python's objects and every native library's, SQLite's and the
search index's) and mapped files (``file``: code, libraries, the index's segments), so that a growth can
be told from a warming page cache; ``--clients 32,32,32,32,32`` runs one level after another, so that a
plateau can be told from a leak. The clients share the
machine's cores with the server and the ingest, so latencies are the whole machine's, not the server's
alone.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import DATE, PUBLICATION, edition, emit, get, ingest_command, ingested_site, serving, site_env

ENDPOINTS = ("page_view", "article_json", "search", "tile")
BASE = f"/{PUBLICATION}/{DATE}"
_MEDIA = re.compile(r"/media/[^\"'\s<>()]+\.(?:jpg|json)")
_ARTICLE = re.compile(re.escape(BASE) + r"/article/([\w-]+)/")
SAMPLES = 20  # failures listed one by one in the figures (all are counted)


@dataclass
class Run:
    """What the clients of a level record, shared between their threads (under ``lock``)."""

    port: int
    pages: int
    tiles: dict[int, list[str]]  # page number → its tiles' paths under the page's IIIF folder
    words: list[str]
    started: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in ENDPOINTS})
    failures: list[dict[str, object]] = field(default_factory=list)
    media_seen: set[str] = field(default_factory=set)
    phase: str = "before re-ingest"

    def record(self, endpoint: str, path: str, status: int | str, seconds: float) -> None:
        with self.lock:
            if status == 200:
                self.latencies[endpoint].append(seconds)
            else:
                at = round(time.perf_counter() - self.started, 2)
                self.failures.append(
                    {"endpoint": endpoint, "path": path, "status": status, "at_s": at, "phase": self.phase}
                )


class Client:
    """One reader: a keep-alive connection, and the pages, articles and images it has seen."""

    def __init__(self, run: Run, seed: int) -> None:
        self.run = run
        self.random = random.Random(seed)
        self.connection = http.client.HTTPConnection("127.0.0.1", run.port, timeout=30)
        self.media: list[str] = []
        self.articles: list[str] = []

    def get(self, endpoint: str, path: str) -> bytes | None:
        """GET ``path``, recorded under ``endpoint``; the body when it answered 200."""
        start = time.perf_counter()
        try:
            self.connection.request("GET", path)
            response = self.connection.getresponse()
            body = response.read()
            status: int | str = response.status
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()  # the next request opens a new connection
            body, status = b"", type(error).__name__
        self.run.record(endpoint, path, status, time.perf_counter() - start)
        return body if status == 200 else None

    def page_view(self) -> None:
        number = self.random.randint(1, self.run.pages)
        html = self.get("page_view", f"{BASE}/page/{number}/")
        if html is None:
            return
        text = html.decode()
        media = sorted({m for m in _MEDIA.findall(text) if f"/p{number}/" in m})
        tiles = [
            m.removesuffix("info.json") + tile
            for m in media
            if m.endswith("/info.json")
            for tile in self.run.tiles[number]
        ]
        self.media += media + tiles
        self.articles += [f"{BASE}/article/{key}.json" for key in _ARTICLE.findall(text)]
        with self.run.lock:
            self.run.media_seen.update(media + tiles)

    def loop(self, until: list[float]) -> None:
        """Go round the requests until ``until[0]`` (read afresh each time: the level may be prolonged)."""
        self.page_view()
        turn = self.random.randrange(len(ENDPOINTS))
        while time.perf_counter() < until[0]:
            endpoint = ENDPOINTS[turn % len(ENDPOINTS)]
            turn += 1
            if endpoint == "page_view" or not self.media:
                self.page_view()
            elif endpoint == "article_json" and self.articles:
                self.get(endpoint, self.random.choice(self.articles))
            elif endpoint == "search":
                self.get(endpoint, f"/search.json?q={self.random.choice(self.run.words)}")
            elif endpoint == "tile":
                self.get(endpoint, self.random.choice(self.media))
        self.connection.close()


def tile_paths(info: dict[str, object]) -> list[str]:
    """Every tile of an IIIF level-0 image service, as OpenSeadragon names them (region/size/0/default.jpg;
    the whole image's region is ``full``)."""
    width, height = int(str(info["width"])), int(str(info["height"]))
    paths = []
    for spec in info["tiles"]:  # type: ignore[attr-defined]
        size = int(spec["width"])
        for factor in spec["scaleFactors"]:
            step = size * factor
            for y in range(0, height, step):
                for x in range(0, width, step):
                    w, h = min(step, width - x), min(step, height - y)
                    region = "full" if (w, h) == (width, height) else f"{x},{y},{w},{h}"
                    paths.append(f"{region}/{math.ceil(w / factor)},{math.ceil(h / factor)}/0/default.jpg")
    return paths


def server_rss_mb(pid: int) -> tuple[float, int]:
    """The RSS of process ``pid`` and all its descendants (from /proc), in MB, and how many they are."""
    memory = server_memory(pid)
    return memory["rss"], int(memory["processes"])


def server_memory(pid: int) -> dict[str, float]:
    """The memory of process ``pid`` and all its descendants (from /proc), in MB: ``rss``, and its parts
    ``anon`` (the heaps: what Python and the allocator hold) and ``file`` (mapped files: code, libraries,
    the search index's segments), and how many ``processes`` they are."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # it ended meanwhile
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, found = {pid}, True
    while found:
        found = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                found = True
    kb = {"VmRSS:": 0, "RssAnon:": 0, "RssFile:": 0, "RssShmem:": 0}
    for member in tree:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            fields = line.split()
            if fields and fields[0] in kb:
                kb[fields[0]] += int(fields[1])
    mb = {k: round(v / 1024, 1) for k, v in kb.items()}
    return {
        "rss": mb["VmRSS:"],
        "anon": mb["RssAnon:"],
        "file": round(mb["RssFile:"] + mb["RssShmem:"], 1),
        "processes": len(tree),
    }


def level(run: Run, clients: int, seconds: float, reingest: list[str], env: dict[str, str]) -> dict[str, object]:
    """``clients`` readers for ``seconds``, with the edition re-ingested from halfway; returns the figures."""
    workers = [Client(run, seed) for seed in range(clients)]
    until = [math.inf]  # set once the re-ingest has published
    threads = [threading.Thread(target=worker.loop, args=(until,), daemon=True) for worker in workers]
    start = time.perf_counter()
    run.phase = "before re-ingest"
    for thread in threads:
        thread.start()
    time.sleep(seconds / 2)
    run.phase = "during re-ingest"
    ingest_start = time.perf_counter() - start
    done = subprocess.run(reingest, env=env, capture_output=True, text=True)
    ingest_end = time.perf_counter() - start
    run.phase = "after re-ingest"
    until[0] = max(start + seconds, time.perf_counter() + seconds / 4)
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if done.returncode:
        message = (done.stderr.strip().splitlines() or [""])[-1]
        failure = {
            "endpoint": "reingest",
            "status": done.returncode,
            "phase": "re-ingest",
            "message": message,
            "at_s": round(time.perf_counter() - run.started, 1),
        }
        run.failures.append(failure)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "reingest_from_to_s": [round(ingest_start, 1), round(ingest_end, 1)],
        **{name: _summary(run.latencies[name], elapsed) for name in ENDPOINTS},
    }


def _summary(latencies: list[float], seconds: float) -> dict[str, float]:
    latencies = sorted(latencies) or [math.nan]
    return {
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 1),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 1),
    }


def recheck(run: Run, paths: set[str]) -> None:
    """Ask once more, after the last swap, for every tile and image URL a client got from a page."""
    client = Client(run, 0)
    run.phase = "after the run"
    for path in sorted(paths):
        client.get("tile", path)
    client.connection.close()


def setup(url: str, pages: int) -> tuple[dict[int, list[str]], list[str]]:
    """Each page's tiles (the same for every build of the edition) and the words searched for (from headlines)."""
    tiles, words = {}, set()
    for number in range(1, pages + 1):
        page = json.loads(get(f"{url}{BASE}/page/{number}.json"))
        tiles[number] = tile_paths(json.loads(get(url + page["iiif"])))
        words |= {w.lower() for a in page["articles"] for w in re.findall(r"[A-Za-z]{5,}", a["headline"] or "")}
    return tiles, sorted(words)[:200]


def warm_up(url: str, pages: int, tiles: dict[int, list[str]], words: list[str], clients: int, seconds: float) -> None:
    """``clients`` readers for ``seconds``, no re-ingest: what a server holds once it has served."""
    run = Run(int(url.rsplit(":", 1)[1]), pages, tiles, words, time.perf_counter())
    until = [time.perf_counter() + seconds]
    threads = [threading.Thread(target=Client(run, 1000 + n).loop, args=(until,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--chars", type=int, default=30000)
    parser.add_argument("--seconds", type=float, default=20.0, help="load time at each level (before the re-ingest's)")
    parser.add_argument("--clients", default="8,32,128", help="concurrent clients of each level, comma-separated")
    parser.add_argument("--threads", type=int, default=8, help="threads of each server process (serve's default)")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of load before the warm memory reading")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pdf = edition(args.pages, args.chars)
    data = ingested_site(pdf, folder="load-site", fresh=True)
    levels, failures, seen = [], [], set()
    with serving(data, args.threads) as (url, pid):
        tiles, words = setup(url, args.pages)
        memory: dict[str, float] = {"before_mb": server_rss_mb(pid)[0]}
        parts = {"before": server_memory(pid)}
        levels_clients = [int(n) for n in args.clients.split(",")]
        warm_up(url, args.pages, tiles, words, levels_clients[0], args.warmup)
        memory["warm_mb"] = server_rss_mb(pid)[0]
        parts["warm"] = server_memory(pid)
        started = time.perf_counter()
        for clients in levels_clients:
            run = Run(int(url.rsplit(":", 1)[1]), args.pages, tiles, words, started)
            figures = level(run, clients, args.seconds, ingest_command(pdf), site_env(data))
            memory[f"after_{clients}_clients_mb"], processes = server_rss_mb(pid)
            parts[f"after level {len(levels) + 1} ({clients} clients)"] = server_memory(pid)
            levels.append({**figures, "server_processes": processes})
            failures += run.failures
            seen |= run.media_seen
        final = Run(int(url.rsplit(":", 1)[1]), args.pages, tiles, words, started)
        recheck(final, seen)
        failures += final.failures
        after = server_rss_mb(pid)[0]
    broken = [f for f in failures if f["endpoint"] == "tile"]
    errors = [f for f in failures if f["endpoint"] != "tile"]
    memory["ratio_after_before"] = round(after / memory["before_mb"], 2)
    memory["ratio_after_warm"] = round(after / memory["warm_mb"], 2)
    emit(
        {
            "cores": os.cpu_count(),
            "threads": args.threads,
            "levels": levels,
            "memory": memory,
            "memory_parts_mb": parts,
            "media_urls_rechecked": len(seen),
            "errors": len(errors),
            "broken": len(broken),
            "failures_by_kind": {f"{k[0]} {k[1]} ({k[2]})": n for k, n in _kinds(failures).items()},
            "failures_sample": failures[:SAMPLES],
            "target": "errors == 0 and broken == 0",
            "met": not errors and not broken,
        },
        args.json,
    )
    return 0


def _kinds(failures: list[dict[str, object]]) -> Counter[tuple[object, object, object]]:
    return Counter((f["endpoint"], f["status"], f["phase"]) for f in failures)


if __name__ == "__main__":
    sys.exit(main())
