"""``make demo`` runs ``python -m broadsheet.demo``: it must build and ingest its sample edition on a fresh
data folder (here without serving it; the reader's own tests serve pages)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


def test_the_demo_builds_and_ingests_its_sample_edition(tmp_path: Path) -> None:
    """Regression: the demo built the ingest command's arguments by hand and missed one the command
    had gained (``--profile``), so ``make demo`` crashed on a fresh machine while every test passed."""
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(tmp_path / "demo")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.demo", "--pages", "2", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    done = re.search(r"published the-broadsheet-demo [-0-9]+: 2 pages, (\d+) articles", result.stdout + result.stderr)
    assert done is not None and int(done.group(1)) > 0, result.stdout + result.stderr
    assert list((tmp_path / "demo").glob("*.sqlite3"))
