"""What the benchmarks share: the generated edition they measure, a site with it ingested and
``broadsheet serve`` running on it, PDFium's bare character reading (part of every floor they divide
by) and how figures are reported.

The benchmarks run as scripts (``python benchmarks/NAME.py``), so this folder is on ``sys.path`` and
they import this module as ``common``.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.synthetic import SyntheticOptions, generate_edition

BUILD = Path("build/bench")
DATE = "2025-01-01"
PUBLICATION = "bench"


def edition(pages: int, chars: int) -> Path:
    """The benchmark edition, generated once and kept under build/ (out of git)."""
    stem = f"bench-{pages}p-{chars}c"
    pdf = BUILD / f"{stem}.pdf"
    if not pdf.exists():
        BUILD.mkdir(parents=True, exist_ok=True)
        generate_edition(SyntheticOptions(seed=2024, pages=pages, body_chars_target=chars), BUILD, stem=stem)
    return pdf


def ingest_command(pdf: Path) -> list[str]:
    """``broadsheet ingest`` (the CLI) of ``pdf`` as the benchmarks' edition; run it with :func:`site_env`."""
    cli = ["-m", "broadsheet.cli", "ingest", str(pdf), "--publication", PUBLICATION, "--date", DATE, "--quiet"]
    return [sys.executable, *cli]


def ingested_site(pdf: Path, folder: str = "site", fresh: bool = False) -> Path:
    """A site with the edition ingested, built once by ``broadsheet ingest`` and kept under
    ``build/bench/FOLDER-…`` (``fresh``: built anew, for a benchmark that changes it)."""
    data = (BUILD / f"{folder}-{pdf.stem}").resolve()
    stamp = data / ".ingested"
    if fresh:
        shutil.rmtree(data, ignore_errors=True)
    if not stamp.exists():
        subprocess.run(ingest_command(pdf), env=site_env(data), check=True)
        stamp.touch()
    return data


def site_env(data: Path, node_modules: Path | None = None) -> dict[str, str]:
    """The environment of a ``broadsheet`` command on the site in ``data``."""
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data)}
    if node_modules:
        env["BROADSHEET_NODE_MODULES"] = str(node_modules)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(data: Path, threads: int, node_modules: Path | None = None) -> Iterator[tuple[str, int]]:
    """``broadsheet serve`` in a subprocess; yields its base URL, once it answers, and its process id
    (gunicorn's master: the server processes are its children)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "broadsheet.cli", "serve", "--port", str(port), "--threads", str(threads)]
    proc = subprocess.Popen(cmd, env=site_env(data, node_modules), stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(OSError), urllib.request.urlopen(url + "/", timeout=1):
                break
            time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@contextlib.contextmanager
def server(data: Path, threads: int, node_modules: Path | None = None) -> Iterator[str]:
    """:func:`serving`, yielding only the URL."""
    with serving(data, threads, node_modules) as (url, _):
        yield url


def get(url: str) -> bytes:
    """The body of a GET that must answer 200."""
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
        return body


def read_chars(page: pdfium.PdfPage) -> int:
    """Read every character's box and font size on ``page``: the floor any extractor pays; returns the count."""
    text = page.get_textpage()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    n = int(pdfium_c.FPDFText_CountChars(text.raw))
    for k in range(n):
        pdfium_c.FPDFText_GetCharBox(text.raw, k, *refs)
        pdfium_c.FPDFText_GetFontSize(text.raw, k)
    text.close()
    return n


def emit(figures: dict[str, Any], path: Path | None) -> None:
    """Print the figures as JSON (and write them to ``path`` when given)."""
    print(json.dumps(figures, indent=1))
    if path:
        path.write_text(json.dumps(figures, indent=1))
