"""CLI subcommands for the newsroom: ``user add``, ``worker`` and ``export-gt``, wired into ``broadsheet``
by :mod:`broadsheet.cli`.

register(subparsers)            # adds them; each parser's ``func`` takes the args, returns an exit code
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from broadsheet.errors import UsageError
from broadsheet.site.commands import ENV_HELP


def _setup(env: Mapping[str, str]) -> None:
    from broadsheet.site.environment import migrate, setup

    setup(env)
    migrate()


def _password(args: argparse.Namespace) -> str:
    """From standard input (one line) with ``--password-stdin``, else asked for twice on the terminal."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("give the password on standard input with --password-stdin")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def run_user_add(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Create a staff account (an editor, or an admin who may also manage users and publications)."""
    password = _password(args)
    _setup(os.environ if env is None else env)
    from broadsheet.newsroom.roles import Role, create_user

    user = create_user(args.name, Role(args.role), password)
    print(f"added {user.username} ({args.role})")
    return 0


def run_worker(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Run the newsroom's background tasks: until stopped, or those due now with ``--once``."""
    if args.lease < 3:
        raise UsageError("--lease must be 3 seconds or more")
    _setup(os.environ if env is None else env)
    import datetime as dt
    import signal

    from broadsheet.newsroom import queue

    lease = dt.timedelta(seconds=args.lease)
    if args.once:
        print(f"ran {queue.run_pending(lease=lease)} tasks")
        return 0
    stopping: list[int] = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    parent_gone = (lambda: os.getppid() != args.parent) if args.parent else (lambda: False)
    queue.work(lambda: bool(stopping) or parent_gone(), lease=lease)
    return 0


def run_export_gt(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Write an edition's corrected pages as page-JSON ground truth beside its PDF."""
    _setup(os.environ if env is None else env)
    from broadsheet.newsroom.groundtruth import export, find_edition

    edition = find_edition(args.edition)
    written = export(edition, args.out, all_pages=args.all_pages)
    print(f"wrote {len(written)} pages of {edition} to {args.out}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``user add``, ``worker`` and ``export-gt`` to an ``argparse`` subparsers object."""
    user = subparsers.add_parser("user", help="staff accounts of the newsroom", epilog=ENV_HELP)
    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a staff account", epilog=ENV_HELP)
    add.add_argument("name", help="the user name to log in with")
    add.add_argument(
        "--role", required=True, choices=["editor", "admin"], help="editor, or admin (also users, publications)"
    )
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(func=run_user_add)

    worker = subparsers.add_parser("worker", help="run the newsroom's background tasks", epilog=ENV_HELP)
    worker.add_argument("--once", action="store_true", help="run the tasks due now, then stop")
    worker.add_argument(
        "--lease",
        type=float,
        default=60.0,
        help="seconds a task is held without a heartbeat before another worker takes it up",
    )
    worker.add_argument("--parent", type=int, help="stop when the process with this id is gone (for `serve`)")
    worker.set_defaults(func=run_worker)

    gt = subparsers.add_parser(
        "export-gt", help="write an edition's corrected pages as page-JSON ground truth", epilog=ENV_HELP
    )
    gt.add_argument("edition", help="the edition: its id, or PUBLICATION/DATE[/ed-NAME] as in its URL")
    gt.add_argument("--out", type=Path, required=True, help="folder for <stem>-p<N>.gt.json and <stem>.pdf")
    gt.add_argument("--all-pages", action="store_true", help="every page, not only those a correction changed")
    gt.set_defaults(func=run_export_gt)
