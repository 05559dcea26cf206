"""An edition's files (page images, IIIF tiles, article clips) in Django's default storage.

Their names are relative, ``<Edition.media_dir>/p<N>/<file>`` (:meth:`Page.media_path`). Ingest makes a
page's files in a local work folder and saves them here (:func:`save_folder`); the reader asks for their
URLs (:func:`url`) and, for the local media folder, serves them (:func:`open_file`); a retired build's
files go with :func:`delete_folder`. Everything goes through ``django.core.files.storage``, so the local
media folder (the default) or object storage is a matter of the ``STORAGES`` setting. Names here are
the ones URLs give; a local folder keeps a page's IIIF tiles in one folder under names of their own
(:mod:`broadsheet.editions.tiles`), which :func:`open_file` and :func:`exists` look for first.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage

from broadsheet.editions import tiles


def _inside(prefix: str) -> str:
    """``prefix`` when it names a folder inside the storage: relative, with no empty, ``.`` or ``..``
    part. Prefixes are made from checked slugs (:func:`broadsheet.ingest.store.begin_edition`); this
    is the wall behind that, for every storage (object storages take ``../`` in a key as it is)."""
    parts = prefix.split("/")
    if prefix.startswith("/") or "\\" in prefix or any(part in {"", ".", ".."} for part in parts):
        raise SuspiciousFileOperation(f"media folder {prefix!r} is not a plain relative path")
    return prefix


def save_folder(folder: Path, prefix: str) -> None:
    """Save every file under the local ``folder`` as ``prefix/<its path in folder>``; ``folder`` is
    used up (its files may be moved away). The folder's tiles are in the local layout
    (:mod:`broadsheet.editions.tiles`); a storage that is not a local folder gets them under their IIIF
    names, which it serves as they are."""
    _inside(prefix)
    if _moved_whole(folder, prefix):
        return
    local = isinstance(default_storage, FileSystemStorage)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        name = f"{prefix}/{relative if local else tiles.url_name(relative)}"
        with path.open("rb") as content:
            try:
                default_storage.save(name, File(content))
            except OSError as e:  # a full disk says so without the file's name: give it, for the message
                if e.filename is not None or not isinstance(default_storage, FileSystemStorage):
                    raise
                raise OSError(e.errno, e.strerror, default_storage.path(name)) from e


def _moved_whole(folder: Path, prefix: str) -> bool:
    """Whether the storage is a local folder on ``folder``'s disk and took ``folder`` in one rename.

    A page has a hundred tiles, each in folders of its own: saved one by one, their folders are made
    again, which costs as much as the rest of the save. Only Django's ``FileSystemStorage`` (and its
    subclasses) keeps files in a local folder; a folder on another disk cannot be renamed into place.
    """
    if not isinstance(default_storage, FileSystemStorage):
        return False
    target = Path(default_storage.path(prefix))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.rename(target)
    except OSError:
        return False
    return True


def delete_folder(prefix: str) -> None:
    """Delete everything under ``prefix``, then the folders themselves (on storages that have folders);
    a local folder at once, as it was taken (:func:`_moved_whole`)."""
    _inside(prefix)
    if isinstance(default_storage, FileSystemStorage):
        shutil.rmtree(default_storage.path(prefix), ignore_errors=True)
        return
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{prefix}/{name}")
    for name in folders:
        delete_folder(f"{prefix}/{name}")
    default_storage.delete(prefix)


def url(name: str) -> str:
    """The URL a browser fetches the file ``name`` from (under ``MEDIA_URL`` for the local folder)."""
    return default_storage.url(name)


def _candidates(name: str) -> list[str]:
    """Where the storage may keep the file a URL names ``name``: a local folder keeps a tile under its
    own file name (:func:`broadsheet.editions.tiles.stored_name`), or, in a build made before that
    layout, under its IIIF name; any other storage keeps every file under its URL's name."""
    stored = tiles.stored_name(name) if isinstance(default_storage, FileSystemStorage) else name
    return [stored] if stored == name else [stored, name]


def exists(name: str) -> bool:
    """Whether the file a URL names ``name`` is in the storage (a tile in either layout)."""
    return any(default_storage.exists(candidate) for candidate in _candidates(name))


_NOT_A_FILE = (SuspiciousFileOperation, IsADirectoryError, NotADirectoryError)


def open_file(name: str) -> File:  # type: ignore[type-arg]
    """The stored file a URL names ``name`` (a tile in either layout), open for reading;
    :class:`FileNotFoundError` when there is none (or when ``name`` leaves the storage, as ``../`` would,
    names a folder, or goes through a file as if it were one: ``…/info.json/info.json``)."""
    *first, last = _candidates(name)
    for candidate in first:
        with contextlib.suppress(FileNotFoundError, *_NOT_A_FILE):
            return default_storage.open(candidate, "rb")
    try:
        return default_storage.open(last, "rb")
    except _NOT_A_FILE as e:
        raise FileNotFoundError(name) from e
