"""``broadsheet ingest`` run as operators run it: a subprocess on a generated edition and a data folder.

What it left behind is read afterwards in this process, through the same database and media folder
(:func:`~broadsheet.site.testing.fresh_site` names them as the CLI does).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from broadsheet.site.testing import fresh_site
from broadsheet.synthetic.edition import SyntheticOptions, generate_edition

PUBLICATION = "the-generated-times"
DATE = "2025-04-20"
A4 = (595.28, 841.89)


def generated(folder: Path, pages: int, seed: int = 3) -> Path:
    """A generated edition's PDF in ``folder``."""
    return generate_edition(SyntheticOptions(seed=seed, pages=pages, page_size=A4), folder, f"gen-{seed}-{pages}").pdf


def cli_env(data: Path, **settings: str) -> dict[str, str]:
    """The environment of a CLI run on ``data``, its work folders in :func:`work_root` (not the machine's)."""
    work_root(data).mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data), "TMPDIR": str(work_root(data)), **settings}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def work_root(data: Path) -> Path:
    """The temporary folder of the CLI runs on ``data``."""
    return data.parent / "tmp"


def ingest_command(pdf: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "broadsheet.cli",
        "ingest",
        str(pdf),
        "--publication",
        PUBLICATION,
        "--date",
        DATE,
        *args,
    ]


def run_ingest(pdf: Path, data: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """``broadsheet ingest pdf *args`` on ``data``, with ``settings`` (``BROADSHEET_…``) in its environment."""
    env = cli_env(data, **settings)
    return subprocess.run(ingest_command(pdf, *args), env=env, capture_output=True, text=True, check=False, timeout=600)


def start_ingest(pdf: Path, data: Path, *args: str) -> subprocess.Popen[str]:
    """An ingest running in the background, its progress lines readable from ``stderr``."""
    return subprocess.Popen(
        ingest_command(pdf, "--workers", "2", *args),
        env=cli_env(data),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_until(stream: IO[str] | None, words: str) -> list[str]:
    """The lines of ``stream`` up to the first one with ``words`` in it (all of them if none has)."""
    assert stream is not None
    lines = []
    for line in stream:
        lines.append(line)
        if words in line:
            break
    return lines


@contextmanager
def site_of(data: Path) -> Iterator[Path]:
    """This process's Django on the CLI's database and media folder in ``data``; yields the media root."""
    with fresh_site(data) as media:
        yield media


def editions() -> list[tuple[str, str]]:
    """Every edition row's status and media folder, oldest first."""
    from broadsheet.editions.models import Edition

    return list(Edition.objects.order_by("id").values_list("status", "media_dir"))


def build_folders(media: Path) -> list[str]:
    """The build folders in the media root, as ``editions/<publication>/<build>``."""
    return sorted(p.relative_to(media).as_posix() for p in media.glob("editions/*/*"))
