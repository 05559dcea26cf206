"""Every import arrow points down (shared/design/LAYOUT.md): the models and the library never import the
site or the reader, so that ingest runs without a request and a worker without the web app."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "broadsheet"
FORBIDDEN = {
    "editions": {"web", "site", "ingest", "search", "newsroom"},
    "ingest": {"web", "site", "newsroom"},
    "search": {"web", "site", "ingest", "newsroom"},
    "web": {"site", "ingest", "newsroom"},
    "newsroom": {"web", "site"},
    "extract": {"editions", "web", "site", "ingest", "search"},
    "pdf": {"editions", "web", "site", "ingest", "search"},
    "ocr": {"editions", "web", "site", "ingest", "search"},
}


def _imported_packages(path: Path) -> set[str]:
    """The ``broadsheet`` subpackages a module imports, at its top or inside its functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n.split(".")[1] for n in names if n.startswith("broadsheet.") and n.count(".") >= 1}


def test_no_import_points_up() -> None:
    """Test helpers (``testing.py``) build whole sites and are left out."""
    wrong = [
        f"{path.relative_to(SRC)} imports broadsheet.{package}"
        for layer, forbidden in FORBIDDEN.items()
        for path in sorted((SRC / layer).rglob("*.py"))
        if path.name != "testing.py"
        for package in sorted(_imported_packages(path) & forbidden)
    ]
    assert not wrong, wrong
