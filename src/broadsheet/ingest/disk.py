"""A full or read-only disk, told as one line naming the folder (:class:`~broadsheet.errors.StorageError`).

An ingest writes to four places: the work folder (temporary files), the media storage, the database and
the search index beside it. When one of them runs out of space or is read-only, what surfaces is an
``OSError`` (from a worker, from the storage), SQLite's ``database or disk is full``, or tantivy's
``os error 28``, often wrapped in another exception. :func:`disk_error` finds it in the chain and names
the folder: the one of the file it was writing, as the operator knows it (the media root, the database's
folder, the temporary folder), rather than a tile's path.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from broadsheet.errors import StorageError

FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
READ_ONLY = frozenset({errno.EROFS})
_SQLITE = {"database or disk is full": errno.ENOSPC, "readonly database": errno.EROFS}
_OS_ERROR = {f"os error {code}": code for code in (*FULL, *READ_ONLY)}  # how tantivy (Rust) says it
_SQLITE_VAGUE = ("unable to open database file", "disk i/o error")  # said of a full or read-only disk too


def _known_folders() -> list[Path]:
    """The folders an operator configures, most specific first: a file inside one is reported as it."""
    from django.conf import settings

    folders = [Path(settings.MEDIA_ROOT), _database_folder(), Path(tempfile.gettempdir())]
    return sorted((f.resolve() for f in folders), key=lambda f: len(f.parts), reverse=True)


def _folder_of(filename: str | None, fallback: Path) -> Path:
    if not filename:
        return fallback
    path = Path(filename).resolve()
    return next((f for f in _known_folders() if path.is_relative_to(f)), path.parent)


def _disk_state(folder: Path) -> int | None:
    """EROFS or ENOSPC when the disk of ``folder`` is read-only or has no block left, else None."""
    try:
        disk = os.statvfs(folder)
    except OSError:
        return None
    if disk.f_flag & os.ST_RDONLY:
        return errno.EROFS
    return errno.ENOSPC if disk.f_bavail == 0 else None


def _code(error: BaseException) -> tuple[int, str | None] | None:
    """The errno of a full or read-only disk behind ``error`` and the file it names, if it is one."""
    if isinstance(error, OSError) and error.errno in FULL | READ_ONLY:
        return error.errno, error.filename if isinstance(error.filename, str) else None
    text = str(error).lower()
    for words, code in (*_SQLITE.items(), *_OS_ERROR.items()):
        if words in text:
            return code, None
    if any(words in text for words in _SQLITE_VAGUE) and (state := _disk_state(_database_folder())):
        return state, None  # SQLite could not make or grow its journal there
    return None


def disk_error(error: BaseException, outcome: str = "", fallback: Path | None = None) -> StorageError | None:
    """A :class:`StorageError` for ``error`` when a full or read-only disk is behind it (anywhere in its
    chain of causes), else None. ``outcome`` says what became of the work (``" (nothing was published)"``);
    ``fallback`` is the folder to name when the error names no file (SQLite and tantivy do not): by
    default the database's."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _code(current)
        if found is not None:
            code, filename = found
            folder = _folder_of(filename, fallback or _database_folder())
            if code in READ_ONLY:
                return StorageError(f"{folder} is on a read-only disk{outcome}: make it writable, then run this again")
            return StorageError(f"the disk of {folder} is full{outcome}: free some space, then run this again")
        current = current.__cause__ or current.__context__
    return None


def _database_folder() -> Path:
    from django.db import connection

    return Path(connection.settings_dict["NAME"]).resolve().parent
