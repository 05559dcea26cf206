"""``python -m broadsheet.demo``: generate a sample edition, ingest it, serve it on http://127.0.0.1:8000.

Everything goes under ``build/demo`` (or ``BROADSHEET_DATA_DIR``): a generated multi-page paper (text
made up by the synthetic generator — no copyrighted articles), the database and the page images.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path


def build(data_dir: Path, pages: int, seed: int) -> Path:
    """Generate the sample edition PDF into ``data_dir`` and return its path."""
    from broadsheet.synthetic import SyntheticOptions, generate_edition

    print(f"generating a {pages}-page sample edition…", file=sys.stderr, flush=True)
    return generate_edition(SyntheticOptions(seed=seed, pages=pages), data_dir / "sample", stem="demo").pdf


def _parsed(add_arguments: Callable[[argparse.ArgumentParser], None], argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m broadsheet.demo", description=__doc__)
    parser.add_argument("--pages", type=int, default=6, help="pages in the sample edition (default 6)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated edition")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="build and ingest only")
    args = parser.parse_args(argv)

    from broadsheet.errors import BroadsheetError
    from broadsheet.site import commands

    data_dir = Path(os.environ.get("BROADSHEET_DATA_DIR") or "build/demo").resolve()
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(data_dir)}
    try:
        pdf = build(data_dir, args.pages, args.seed)
        # the arguments as the command line would parse them: one definition of each command's options
        names = ["--publication", "the-broadsheet-demo", "--publication-name", "The Broadsheet Demo"]
        when = ["--date", dt.date.today().isoformat(), "--language", "en"]
        ingest = _parsed(commands.add_ingest_arguments, [str(pdf), *names, *when])
        commands.run_ingest(ingest, env)
        if args.no_serve:
            return 0
        return commands.run_serve(_parsed(commands.add_serve_arguments, ["--port", str(args.port)]), env)
    except BroadsheetError as e:
        print(f"demo: {e}", file=sys.stderr)
        return e.exit_code


if __name__ == "__main__":
    sys.exit(main())
