"""A Tesseract that has only its English model, for tests of what happens when a language's model is missing:
no mock, the real program pointed (``TESSDATA_PREFIX``) at a folder that holds English alone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def installed_tessdata() -> Path:
    """Where this machine's Tesseract keeps its models (the first line of ``--list-langs`` names it)."""
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=True).stdout
    found = re.search(r'"(.+?)"', out.splitlines()[0])
    assert found, out
    return Path(found.group(1))


def english_only(folder: Path) -> Path:
    """Make ``folder`` a model folder with the English model only; set ``TESSDATA_PREFIX`` to it to use it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("eng.traineddata", "configs", "tessconfigs"):  # configs: the tsv output asks for one
        (folder / name).symlink_to(installed_tessdata() / name)
    return folder
