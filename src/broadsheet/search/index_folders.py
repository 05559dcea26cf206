"""Where the search index lives on disk, and how a new one replaces it without a reader seeing half of it.

The index's path (``broadsheet.sqlite3.search-v4``, :func:`~broadsheet.search.tantivy_index.index_dir`)
is a symbolic link to one *build*, a folder in ``broadsheet.sqlite3.search-builds/``. A rebuild writes a
new build there and then swaps the link in one ``rename`` (:func:`swap`): a process opening the index
sees the old build or the new one, never a mix, and one that has the old one open notices the link's
new target on its next search (:func:`identity`) and opens the new build. Builds that are not the
link's target (the one just replaced, a rebuild killed halfway) are removed by the next rebuild
(:func:`remove_stale_builds`), under a lock that one rebuild holds at a time (:func:`builds_lock`).

An index made before builds existed is a plain folder at the path; the first rebuild moves it into the
builds folder and puts the link in its place (two renames: the one moment a reader may find no index).
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from broadsheet.errors import SearchIndexError

LOCK_WAIT_S = 600.0  # a rebuild of a large archive takes minutes; a second one waits for it
LOCK_NAME = ".lock"


def builds_dir(path: Path) -> Path:
    """``<database>.search-builds`` beside ``<database>.search-vN``: every version's builds, one folder."""
    return path.with_name(path.name.rsplit("-v", 1)[0] + "-builds")


def identity(path: Path) -> tuple[int, int] | None:
    """What ``path`` is now (device and inode of the folder it leads to), or None when it leads nowhere."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_dev, st.st_ino)


def new_build(path: Path) -> Path:
    """An empty folder for a new build, named by the time it was begun (for the operator who looks)."""
    folder = builds_dir(path) / f"{path.name.rsplit('-', 1)[1]}-{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    return folder


def swap(path: Path, build: Path) -> None:
    """Make ``path`` lead to ``build`` in one rename of a link (relative, so the data folder can move)."""
    link = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    link.symlink_to(os.path.relpath(build, path.parent))
    try:
        if path.is_dir() and not path.is_symlink():  # an index made before builds: moved aside first
            path.rename(builds_dir(path) / f"unlinked-{secrets.token_hex(4)}")
        link.replace(path)
    except BaseException:
        link.unlink(missing_ok=True)
        raise


def remove_stale_builds(path: Path) -> None:
    """Remove every build but the one ``path`` leads to, and links left by a swap that did not finish."""
    current = path.resolve() if identity(path) else None
    builds = builds_dir(path)
    for folder in builds.iterdir() if builds.is_dir() else []:
        if folder.name != LOCK_NAME and folder != current:
            remove(folder)
    for link in path.parent.glob(f".{path.name}.*"):
        link.unlink(missing_ok=True)


def remove(path: Path) -> None:
    """Remove a build, or an index path of an older version: its link (its build is then stale) or its folder."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def builds_lock(path: Path, wait_s: float | None = None) -> Iterator[None]:
    """The one right to make builds and swap them in, across processes (an advisory lock on a file).

    Released by the system when the holder dies, so a rebuild killed halfway blocks nothing.
    """
    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    builds = builds_dir(path)
    builds.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    with (builds / LOCK_NAME).open("a") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SearchIndexError(
                        f"another `broadsheet reindex` has been rebuilding the search index for {wait_s:.0f} s; "
                        "try again when it is done"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
