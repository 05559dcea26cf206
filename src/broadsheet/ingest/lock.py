"""One ingest of an edition at a time: an OS file lock per edition, beside the database.

Two ingests of one edition at once each purge the other's build as stale (``FOREIGN KEY constraint
failed``, and a published edition with missing pages). So :func:`ingest_edition` holds the edition's
lock from before it looks for stale builds until it has cleaned up, and a second one is refused at once
(:class:`~broadsheet.errors.EditionBusyError`) rather than queued behind a build that takes minutes.

Why an OS lock (``flock``) and not a row in the database: the kernel drops it when its process dies,
however it dies (``kill -9``, a power cut), so there is no stale lock to guess about. The file keeps its
holder's process id, host and start time while held, for the refusal message; a file that still names
a holder when its lock is free was left by a process that died, which the next ingest says it took
over. The file is named by a hash of the edition's identity (never a user's string joined to a path)
and is never deleted: deleting a lock file lets a second process lock a fresh file while a first one
still holds the old (the files are empty or a line long). ``broadsheet gc`` asks the same lock whether
a ``processing`` row's ingest is still alive (:func:`try_edition_lock`).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from broadsheet.errors import EditionBusyError


@dataclass(frozen=True, slots=True)
class EditionKey:
    """An edition's identity: its publication's slug, its date and its name ('' for the main one)."""

    publication: str
    date: dt.date
    name: str = ""

    def __str__(self) -> str:
        return f"{self.publication} {self.date.isoformat()}" + (f" (edition {self.name})" if self.name else "")

    @property
    def file_name(self) -> str:
        digest = hashlib.sha256(f"{self.publication}\0{self.date.isoformat()}\0{self.name}".encode()).hexdigest()
        return f"ingest-{digest[:32]}.lock"


def locks_dir() -> Path:
    """The lock files' folder: beside the database file, as the search index is (``<database>.locks``)."""
    from django.db import connection

    database = Path(connection.settings_dict["NAME"])
    return database.with_name(f"{database.name}.locks")


def _open(key: EditionKey) -> IO[str]:
    folder = locks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return (folder / key.file_name).open("a+", encoding="utf-8")


def _holder(file: IO[str]) -> dict[str, object] | None:
    """Who the file says holds the lock (written by :func:`_claim`), or None when it names nobody."""
    file.seek(0)
    try:
        found = json.loads(file.read() or "null")
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _claim(file: IO[str]) -> None:
    """Write this process as the holder; best effort (a full disk may refuse even a line)."""
    holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": dt.datetime.now(dt.UTC).isoformat()}
    try:
        file.seek(0)
        file.truncate()
        file.write(json.dumps(holder))
        file.flush()
    except OSError:
        pass


def _release(file: IO[str]) -> None:
    """Say nobody holds it, then unlock: a file naming a holder whose lock is free means that one died."""
    try:
        file.seek(0)
        file.truncate()
        file.flush()
    except OSError:
        pass
    fcntl.flock(file, fcntl.LOCK_UN)


def _busy(key: EditionKey, holder: dict[str, object] | None) -> EditionBusyError:
    who = (
        f"process {holder.get('pid')} on {holder.get('host')} (since {str(holder.get('since', ''))[:19]} UTC)"
        if holder
        else "another process"
    )
    return EditionBusyError(
        f"{key} is being ingested now by {who}: wait for that ingest to finish, then run this one again "
        "(a lock left by a process that died is taken over by the next ingest)"
    )


@contextmanager
def edition_lock(key: EditionKey, warn: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold ``key``'s ingest lock for the block, or raise :class:`EditionBusyError` at once if another
    process holds it. ``warn`` hears when a lock left by a dead process is taken over."""
    with _open(key) as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(key, _holder(file)) from None
        try:
            left = _holder(file)
            if left and warn:
                warn(
                    f"took over the ingest lock of {key} left by process {left.get('pid')} on {left.get('host')}, "
                    "which died; its build is purged"
                )
            _claim(file)
            yield
        finally:
            _release(file)


@contextmanager
def try_edition_lock(key: EditionKey) -> Iterator[bool]:
    """Hold ``key``'s lock for the block if no ingest holds it (yields True), else yield False at once.
    A holder the file names was dead, then: it is forgotten on release, as what it left was purged."""
    with _open(key) as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            _release(file)
