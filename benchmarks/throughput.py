"""Reader throughput on loopback, as a ratio to the same server serving a static file of the same size.

    .venv/bin/python benchmarks/throughput.py [--pages 24] [--seconds 20] [--connections 8]

Ingests the generated benchmark edition once (kept under build/bench/), runs ``broadsheet serve`` —
waitress, Django, WhiteNoise: the production server — in a subprocess and drives it with keep-alive
connections from an asyncio load generator for a fixed time per URL — the page view
(``/…/page/1/``), an article's JSON, and two static files WhiteNoise serves from the same process,
each exactly the size of one of those responses — alternating between a URL and its twin second by
second. Target: each dynamic URL at ≥ 30 % of its static twin. Edition views are cached per edition
build (broadsheet.web.caching), so this is the steady state after each URL's first request.
The load generator shares the machine's cores with the server, so absolute figures are modest; the
ratios compare like with like.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path

from common import BUILD, DATE, PUBLICATION, edition, emit, get, ingested_site, server

TARGET = 0.30
SLICE = 1.0  # seconds of load on one URL before switching to the other
ROOT = Path(__file__).resolve().parents[1]
_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.IGNORECASE)


def static_twins(sizes: dict[str, int]) -> Path:
    """A node_modules folder whose OpenSeadragon build also holds files of the given sizes (WhiteNoise
    serves that folder as ``/static/vendor/openseadragon/``); the real OpenSeadragon files are linked in."""
    folder = BUILD / "throughput-static" / "node_modules"
    vendor = folder / "openseadragon" / "build" / "openseadragon"
    vendor.mkdir(parents=True, exist_ok=True)
    real = ROOT / "node_modules" / "openseadragon" / "build" / "openseadragon"
    for entry in real.iterdir() if real.is_dir() else []:
        link = vendor / entry.name
        if not link.exists():
            link.symlink_to(entry)
    for name, size in sizes.items():
        (vendor / name).write_bytes(b"x" * size)
    return folder.resolve()


async def _connection(port: int, request: bytes, until: float, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while (start := time.perf_counter()) < until:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = _LENGTH.search(head)
            if not head.startswith(b"HTTP/1.1 200") or length is None:
                raise RuntimeError(f"unexpected response: {head[:200]!r}")
            await reader.readexactly(int(length[1]))
            latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


async def _load(port: int, path: str, seconds: float, connections: int) -> list[float]:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    latencies: list[float] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_connection(port, request, until, latencies) for _ in range(connections)))
    return latencies


def _summary(latencies: list[float], seconds: float) -> dict[str, float]:
    latencies = sorted(latencies)
    return {
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 2),
    }


def compare(url: str, dynamic: str, static: str, args: argparse.Namespace) -> dict[str, object]:
    """The dynamic URL and its static twin under the same load, in alternating one-second slices (after a
    warm-up of each), so that other work on the machine weighs on both alike; ``--seconds`` each."""
    port = int(url.rsplit(":", 1)[1])
    paths = {"dynamic": dynamic, "static_same_size": static}
    latencies: dict[str, list[float]] = {name: [] for name in paths}
    for path in paths.values():
        asyncio.run(_load(port, path, 1.0, args.connections))
    slices = max(1, round(args.seconds / SLICE))
    for _ in range(slices):
        for name, path in paths.items():
            latencies[name] += asyncio.run(_load(port, path, SLICE, args.connections))
    figures = {name: _summary(found, slices * SLICE) for name, found in latencies.items()}
    ratio = len(latencies["dynamic"]) / len(latencies["static_same_size"])
    return {**figures, "ratio": round(ratio, 3), "target": TARGET, "met": ratio >= TARGET}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--chars", type=int, default=30000)
    parser.add_argument("--seconds", type=float, default=20.0, help="load time on each URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="server threads (broadsheet serve's default)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = ingested_site(edition(args.pages, args.chars))
    base = f"/{PUBLICATION}/{DATE}"
    with server(data, args.threads) as url:
        article = json.loads(get(f"{url}{base}/page/1.json"))["articles"][0]["json"]
        dynamic = {"page_view": (f"{base}/page/1/", "html"), "article_json": (article, "json")}
        sizes = {name: len(get(url + path)) for name, (path, _) in dynamic.items()}
    twins = {name: f"bench-{name}.{ext}" for name, (_, ext) in dynamic.items()}
    node_modules = static_twins({twins[name]: size for name, size in sizes.items()})
    figures: dict[str, object] = {"cores": os.cpu_count(), "connections": args.connections, "threads": args.threads}
    with server(data, args.threads, node_modules) as url:
        for name, (path, _) in dynamic.items():
            static = f"/static/vendor/openseadragon/{twins[name]}"
            figures[name] = {"path": path, "bytes": sizes[name], **compare(url, path, static, args)}
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
