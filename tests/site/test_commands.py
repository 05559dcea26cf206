"""``broadsheet ingest`` refuses a bad publication or edition name with one line and exit code 64 (usage),
before anything is made: such a name would have broken every page listing the edition, or put its files
outside the media folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdfs import make_pdf, text_at


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--publication", "café"], "publication 'café' is not a slug: use only lowercase letters a-z"),
        (["--publication", "The-Nation"], "publication 'The-Nation' is not a slug"),
        (["--publication", "the-nation", "--edition", "Lahore"], "edition 'Lahore' is not a slug"),
        (["--publication", "the-nation", "--edition", "../../x"], "edition '../../x' is not a slug"),
        (["--publication", "the-nation", "--edition", "a/b"], "edition 'a/b' is not a slug"),
    ],
)
def test_ingest_refuses_bad_names_before_making_anything(tmp_path: Path, args: list[str], message: str) -> None:
    pdf = make_pdf(tmp_path / "ed.pdf", text_at(72, 72, "Council Approves New Bridge"))
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "ingest", str(pdf), "--date", "2025-04-20", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 64, result.stderr
    assert result.stderr.startswith(f"broadsheet: error: {message}")
    assert result.stderr.strip().count("\n") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["ed.pdf"]  # no database, no media folder, nothing beside
