"""The ``broadsheet`` command: a thin layer over the library.

Only this module turns :class:`broadsheet.errors.BroadsheetError` into exit codes and messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from broadsheet import __version__
from broadsheet.errors import BroadsheetError, UsageError
from broadsheet.site.commands import register as register_site_commands
from broadsheet.site.health import register as register_health_commands
from broadsheet.site.staff_commands import register as register_staff_commands

Command = Callable[[argparse.Namespace], int]


def parse_pages(spec: str) -> list[int]:
    """``"1,3-5"`` → ``[1, 3, 4, 5]``."""
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        try:
            if "-" in part:
                lo, hi = (int(v) for v in part.split("-", 1))
                if lo > hi:
                    raise ValueError
                pages.extend(range(lo, hi + 1))
            elif part:
                pages.append(int(part))
        except ValueError as e:
            raise UsageError(f"--pages: {part!r} is not a page number or range like 3-5") from e
    if not pages or min(pages) < 1:
        raise UsageError("--pages: give page numbers from 1, e.g. 1,3-5")
    return sorted(set(pages))


def _extract(args: argparse.Namespace) -> int:
    from broadsheet.extract import ExtractOptions, check_ocr_languages
    from broadsheet.extract.profile import read_profile
    from broadsheet.extract.run import ExtractRun, run_extract

    run = ExtractRun(
        pdf=args.pdf,
        out=args.out,
        pages=parse_pages(args.pages) if args.pages else None,
        overlay=args.overlay,
        progress=sys.stderr.isatty(),
        options=ExtractOptions(
            language=args.language,
            ocr=not args.no_ocr,
            ocr_languages=args.ocr_languages,
            ocr_engine=args.ocr_engine,
            explain=args.explain,
            profile=read_profile(args.profile) if args.profile else None,
        ),
    )
    # before the file is even opened: a missing model fails every page
    if warning := check_ocr_languages(run.options):
        print(f"broadsheet: {warning}", file=sys.stderr)
    failed = run_extract(run, warn=lambda message: print(f"broadsheet: {message}", file=sys.stderr))
    return 3 if failed else 0


def _profile(args: argparse.Namespace) -> int:
    from broadsheet.extract.learn import learn_profile
    from broadsheet.extract.profile import write_profile

    profile, notes = learn_profile(args.gt_dirs, args.publication)
    for note in notes:
        print(f"broadsheet: {note}", file=sys.stderr)
    if profile.pages == 0:
        raise UsageError("no page could be learned from (see above)")
    write_profile(profile, args.out)
    decisive = sum(1 for key in profile.styles if profile.decide(key, "") is not None)
    print(f"{args.out}: {profile.pages} page(s), {len(profile.styles)} type styles ({decisive} decisive)")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from broadsheet.evaluate import evaluate_dirs, format_report

    evaluation = evaluate_dirs(args.gt_dir, args.pred_dir, pdf_dir=args.pdf_dir)
    print(format_report(evaluation))
    if args.json:
        args.json.write_text(json.dumps(evaluation.to_json(), indent=1), encoding="utf-8")
    return 0


def _ocr(args: argparse.Namespace) -> int:
    from broadsheet.extract import ExtractOptions
    from broadsheet.ocr.files import image_pages
    from broadsheet.ocr.text import OcrSettings, check_model, read_text

    settings = OcrSettings.for_language(
        args.language,
        model=args.model,
        tessdata=args.tessdata,
        psm=args.psm,
        scale=args.scale,
        binarise=args.binarise,
        engine=args.engine,
    )
    check_model(settings, f"OCR in {args.language or 'en'}")
    limits = ExtractOptions()
    for image in image_pages(args.image, limits.max_file_mb * 2**20, limits.max_image_pixels):
        print(read_text(image, settings))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="broadsheet", description="Newspaper PDFs to readable articles.")
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "extract", help="find the articles on every page of a PDF (or a scanned page image), as page JSON"
    )
    p.add_argument("pdf", type=Path, help="a PDF, or a page image (PNG, JPEG, TIFF) read by OCR")
    p.add_argument("--out", type=Path, required=True, help="folder for <stem>-p<N>.json")
    p.add_argument("--pages", help="pages to extract, e.g. 1,3-5 (default: all)")
    p.add_argument("--overlay", action="store_true", help="also write <stem>-p<N>.png with the regions drawn")
    p.add_argument(
        "--explain",
        action="store_true",
        help="also write <stem>-p<N>.explain.json: each line's role and item and the rules that decided them "
        "(drawn on the overlay too)",
    )
    p.add_argument(
        "--language",
        help="ISO 639-1 code of the text (default: guessed; a scan's by its script, and in Latin letters by "
        "the stop words the English model reads in it)",
    )
    p.add_argument("--no-ocr", action="store_true", help="report scanned pages instead of reading them by OCR")
    p.add_argument(
        "--ocr-languages",
        help="Tesseract's -l for scans and legacy-font pages, e.g. deu+frk (default: from --language); "
        "refused at once if a model is not installed",
    )
    p.add_argument(
        "--ocr-engine",
        choices=("auto", "crnn", "tesseract"),
        default="auto",
        help="how Urdu scans are read: auto (the default), the Nastaliq CRNN when it is built "
        "(make ocr-model-ur-crnn), else Tesseract's urd with a warning; crnn, refused without it; tesseract",
    )
    p.add_argument("--profile", type=Path, help="the publication's profile (from broadsheet profile)")
    p.set_defaults(func=_extract)

    p = sub.add_parser(
        "profile", help="learn a publication's type styles and page furniture from labelled or corrected pages"
    )
    p.add_argument("gt_dirs", type=Path, nargs="+", help="folders of page-JSON ground truth beside their PDFs")
    p.add_argument("--out", type=Path, required=True, help="the profile to write (JSON)")
    p.add_argument("--publication", help="the publication's name, recorded in the profile")
    p.set_defaults(func=_profile)

    p = sub.add_parser("evaluate", help="score page JSON predictions against ground truth")
    p.add_argument("gt_dir", type=Path)
    p.add_argument("pred_dir", type=Path)
    p.add_argument("--pdf-dir", type=Path, help="where the ground truth's source PDFs are, if not beside it")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    p.set_defaults(func=_evaluate)

    p = sub.add_parser("ocr", help="print the text OCR reads in an image (a line or a page), line by line")
    p.add_argument("image", type=Path, help="a PNG, JPEG or TIFF (every page of a multi-page TIFF)")
    p.add_argument("--language", help="ISO 639-1 code of the text, e.g. ur (default: en)")
    p.add_argument("--model", help="Tesseract's -l instead of the language's model, e.g. urd+ara or urd_nastaliq")
    p.add_argument(
        "--engine",
        choices=("tesseract", "crnn"),
        help="crnn: the project's Nastaliq recogniser (the default for ur; make ocr-model-ur-crnn builds it); "
        "tesseract: Tesseract's models (the default otherwise)",
    )
    p.add_argument(
        "--tessdata",
        type=Path,
        help="folder of a model the project trained (make ocr-model-ur; for --engine crnn default "
        "build/ocr-models/crnn)",
    )
    p.add_argument("--psm", type=int, help="page segmentation mode: 3 a page (default), 6 a block, 7 one line")
    p.add_argument("--scale", type=float, help="resize the image by this factor first (default 1)")
    p.add_argument("--binarise", action="store_true", default=None, help="black and white (Otsu) first")
    p.set_defaults(func=_ocr)

    register_site_commands(sub)
    register_health_commands(sub)
    register_staff_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except BroadsheetError as e:
        print(f"broadsheet: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
