"""``python -m broadsheet.synthetic OUT_DIR --seed N --pages N``: generate an edition by hand."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from broadsheet.synthetic.edition import PAGE_SIZES, SyntheticOptions, generate_edition


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m broadsheet.synthetic", description=__doc__)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=1)
    ap.add_argument("--columns", type=int, default=None)
    ap.add_argument("--language", default=None, help="en es it fr de pt ar ur")
    ap.add_argument("--rtl", action="store_true", help="right-to-left (Arabic unless --language ur)")
    ap.add_argument("--spread", action="store_true", help="two newspaper pages per PDF page")
    ap.add_argument("--cropped-spread", action="store_true", help="spreads cropped to one page by the CropBox")
    ap.add_argument("--print-marks", action="store_true", help="pages inside a sheet with crop marks and a slug line")
    ap.add_argument("--size", choices=sorted(PAGE_SIZES), default=None)
    ap.add_argument("--chars", type=int, default=None, help="approximate body characters per page")
    ap.add_argument("--nospace", action="store_true", help="words placed by gaps, no space characters")
    ap.add_argument("--daily", action="store_true", help="laid out like real dailies (left-to-right only)")
    ap.add_argument(
        "--house-style", type=int, default=None, help="seed of the paper's type and grid (days of one paper)"
    )
    ap.add_argument("--stem", default="synthetic")
    args = ap.parse_args(argv)
    language = args.language or ("ar" if args.rtl else "en")
    opts = SyntheticOptions(
        seed=args.seed,
        pages=args.pages,
        columns=args.columns,
        direction="rtl" if args.rtl or language in ("ar", "ur") else "ltr",
        language=language,
        spread=args.spread,
        cropped_spread=args.cropped_spread,
        print_marks=args.print_marks,
        page_size=PAGE_SIZES[args.size] if args.size else None,
        body_chars_target=args.chars,
        nospace=True if args.nospace else None,
        daily=args.daily,
        house_style=args.house_style,
    )
    try:
        ed = generate_edition(opts, args.out_dir, args.stem)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(ed.pdf)
    for p in ed.ground_truth:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
