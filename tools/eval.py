#!/usr/bin/env python3
"""Extraction figures on the shared corpus and on generated pages (``make eval``).

usage: eval.py [--shared ../shared] [--out build/eval] [--seed 7] [--synthetic-pages 4] [--self-check]

For every ground-truth folder under SHARED/corpus (born-digital, born-digital-rtl, scans/*) the
extractor writes its predictions into OUT/<folder>/; they are scored with broadsheet.evaluate and,
as a cross-check, with SHARED/tools/score.py, which must agree to 1e-3 on every corpus figure.
Generated pages (broadsheet.synthetic) are scored the same way (OUT/synthetic/). A table of the
figures is printed and everything is written to OUT/figures.json.

--self-check tests the agreement itself without the extractor: the ground truth copied as
predictions, and perturbed copies of it (regions shifted, articles merged or split, ...), each
scored by both scorers (OUT/self-check/).

Exit status: 0, or 1 when the two scorers disagree.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
try:
    import broadsheet  # noqa: F401
except ImportError:  # not installed (make setup installs it): run from the checkout
    sys.path.insert(0, str(ROOT / "src"))

from broadsheet.evaluate import Evaluation, evaluate_dirs, format_table, prediction_path  # noqa: E402
from broadsheet.evaluate.corpus import (  # noqa: E402
    GT_SUFFIX,
)
from broadsheet.evaluate.next_edition import measure_next_edition  # noqa: E402
from broadsheet.evaluate.predict import predict_folder  # noqa: E402
from broadsheet.evaluate.report import FIGURES, PageScore, Summary, fig  # noqa: E402
from broadsheet.evaluate.split import group_scores, load_split  # noqa: E402

TOLERANCE = 1e-3
SPLIT = ROOT / "tools" / "corpus-split.toml"
LABELS = ROOT / "tools" / "labels"
Json = dict[str, Any]


@dataclass
class FolderRun:
    """One ground-truth folder: where its predictions went and what happened on the way."""

    name: str
    gt_dir: Path
    pred_dir: Path
    pdf_dir: Path | None = None
    notes: list[str] = field(default_factory=list)
    extract_seconds: float = 0.0
    evaluation: Evaluation | None = None
    agreement: Json = field(default_factory=dict)


# --- prediction --------------------------------------------------------------------------------


def gt_folders(corpus: Path) -> list[tuple[str, Path]]:
    """born-digital, born-digital-rtl, born-digital-more and every folder under scans/ that holds ground truth."""
    out: list[tuple[str, Path]] = []
    for name in ("born-digital", "born-digital-rtl", "born-digital-more"):
        if (corpus / name).is_dir():
            out.append((name, corpus / name))
    scans = corpus / "scans"
    if scans.is_dir():
        out += [(f"scans/{d.name}", d) for d in sorted(scans.iterdir()) if d.is_dir()]
    return [(n, d) for n, d in out if any(d.rglob("*" + GT_SUFFIX))]


def predict_run(run: FolderRun) -> None:
    """Write OUT/<folder>/: the extractor's predictions for every page the folder's ground truth names."""
    run.pred_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    run.notes.extend(predict_folder(run.gt_dir, run.pred_dir, run.pdf_dir))
    run.extract_seconds = time.perf_counter() - start
    n = len(list(run.gt_dir.rglob("*" + GT_SUFFIX)))
    run.notes.append(f"extracted {n} page(s) in {run.extract_seconds:.1f} s")


def synthetic_folder(out: Path, seed: int, pages: int) -> FolderRun | None:
    """Generate an edition into OUT/synthetic-gt/ and predict it into OUT/synthetic/."""
    try:
        from broadsheet.synthetic import (
            SyntheticOptions,
            generate_edition,
        )
    except ImportError as e:
        print(f"synthetic: skipped: broadsheet.synthetic is not available yet ({e})")
        return None
    gt_dir = out / "synthetic-gt"
    shutil.rmtree(gt_dir, ignore_errors=True)
    gt_dir.mkdir(parents=True)
    generate_edition(SyntheticOptions(seed=seed, pages=pages), gt_dir)
    if not any(gt_dir.rglob("*" + GT_SUFFIX)):
        print(f"synthetic: skipped: generate_edition wrote no *{GT_SUFFIX} into {gt_dir}")
        return None
    run = FolderRun("synthetic", gt_dir, out / "synthetic", pdf_dir=gt_dir)
    run.notes.append(f"seed {seed}, {pages} page(s)")
    return run


# --- scoring and the cross-check with score.py -------------------------------------------------


def run_score_py(score_py: Path, gt_dir: Path, pred_dir: Path, pdf_dir: Path | None) -> Json:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        cmd = [sys.executable, str(score_py), str(gt_dir), str(pred_dir), "--json", str(out), "--quiet"]
        if pdf_dir is not None:
            cmd += ["--pdf-dir", str(pdf_dir)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
            raise RuntimeError(f"score.py failed (exit {proc.returncode}): {tail[0]}")
        result: Json = json.loads(out.read_text(encoding="utf-8"))
        return result


def compare(ours: Evaluation, theirs: Json) -> Json:
    """Corpus figures must agree to TOLERANCE; per-page counts are compared too, to point at a page."""
    mismatches: list[str] = []
    corpus = ours.corpus.to_json()
    max_diff = 0.0
    for key, ref in theirs["corpus"].items():
        mine = corpus.get(key)
        if ref is None or mine is None:
            if ref is not mine:
                mismatches.append(f"corpus {key}: ours {mine} score.py {ref}")
            continue
        diff = abs(float(mine) - float(ref))
        max_diff = max(max_diff, diff)
        if diff > TOLERANCE:
            mismatches.append(f"corpus {key}: ours {mine} score.py {ref}")
    if set(theirs["pages"]) != set(ours.pages):
        mismatches.append(f"pages differ: ours {sorted(ours.pages)} score.py {sorted(theirs['pages'])}")
    for name, row in theirs["pages"].items():
        page = ours.pages.get(name)
        if page is None:
            continue
        counts = page.to_json()
        for key, ref in row.items():
            if not isinstance(ref, int | float):
                continue
            if abs(float(counts[key]) - float(ref)) > 1e-6 * max(1.0, abs(ref)):
                mismatches.append(f"{name} {key}: ours {counts[key]} score.py {ref}")
    return {"agree": not mismatches, "max_corpus_diff": max_diff, "mismatches": mismatches}


def score_folder(run: FolderRun, score_py: Path | None) -> None:
    run.pred_dir.mkdir(parents=True, exist_ok=True)
    run.evaluation = evaluate_dirs(run.gt_dir, run.pred_dir, run.pdf_dir)
    if score_py is None:
        run.agreement = {"agree": None, "mismatches": [], "skipped": "score.py not found"}
        return
    try:
        theirs = run_score_py(score_py, run.gt_dir, run.pred_dir, run.pdf_dir)
    except RuntimeError as e:
        run.agreement = {"agree": False, "max_corpus_diff": None, "mismatches": [str(e)]}
        return
    run.agreement = compare(run.evaluation, theirs)


# --- self-check: perturbed copies of the ground truth -------------------------------------------


def _articles(page: Json) -> list[Json]:
    return [it for it in page["items"] if it.get("type") == "article"]


def _shift(page: Json, rng: random.Random) -> None:
    dx, dy = 0.03 * float(page["width"]), 0.02 * float(page["height"])
    for it in page["items"]:
        it["regions"] = [[r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy] for r in it.get("regions") or []]


def _merge(page: Json, rng: random.Random) -> None:
    arts = _articles(page)
    for a, b in zip(arts[::2], arts[1::2], strict=False):
        a["regions"] = a["regions"] + b["regions"]
        if a.get("body") is not None or b.get("body") is not None:
            a["body"] = ((a.get("body") or "") + "\n\n" + (b.get("body") or "")).strip()
        page["items"].remove(b)


def _split(page: Json, rng: random.Random) -> None:
    for art in _articles(page):
        regions = art.get("regions") or []
        if not regions:
            continue
        if len(regions) > 1:
            first, rest = regions[:1], regions[1:]
        else:
            x0, y0, x1, y1 = regions[0]
            mid = (y0 + y1) / 2
            first, rest = [[x0, y0, x1, mid]], [[x0, mid, x1, y1]]
        art["regions"] = first
        words = (art.get("body") or "").split()
        if art.get("body") is not None:
            art["body"] = " ".join(words[: len(words) // 2])
        tail = {"id": art["id"] + "-b", "type": "article", "regions": rest, "headline": None}
        tail["body"] = " ".join(words[len(words) // 2 :])
        page["items"].insert(page["items"].index(art) + 1, tail)


def _drop_and_mislabel(page: Json, rng: random.Random) -> None:
    arts = _articles(page)
    for art in arts[1::2]:
        page["items"].remove(art)
    for it in page["items"]:
        if it.get("type") in ("advert", "masthead", "furniture"):
            it["type"] = "article"
            break


def _text_noise(page: Json, rng: random.Random) -> None:
    for art in _articles(page):
        if art.get("body"):
            words = art["body"].split()
            art["body"] = " ".join(w for w in words if rng.random() > 0.2)
        if art.get("headline"):
            art["headline"] = f"  «{art['headline'].upper()}»!  " if rng.random() < 0.5 else art["headline"] + " extra"


def _one_big_article(page: Json, rng: random.Random) -> None:
    page["items"] = [
        {
            "id": "all",
            "type": "article",
            "regions": [[0, 0, page["width"], page["height"]]],
            "headline": None,
            "body": " ".join((it.get("body") or "") for it in _articles(page)),
        }
    ]


def _noise_as_articles(page: Json, rng: random.Random) -> None:
    """Articles lost to photos, noise turned into articles; overlapping boxes."""
    for it in page["items"]:
        if it.get("type") == "article" and rng.random() < 0.4:
            it["type"] = "photo"
        elif it.get("type") != "article":
            it["type"] = "article"
            it["body"] = None
    for it in page["items"]:
        it["regions"] = [[r[0] - 5, r[1] - 5, r[2] + 5, r[3] + 5] for r in it.get("regions") or []]


PERTURBATIONS: dict[str, Callable[[Json, random.Random], None]] = {
    "identity": lambda page, rng: None,
    "shifted": _shift,
    "merged": _merge,
    "split": _split,
    "dropped+mislabelled": _drop_and_mislabel,
    "text-noise": _text_noise,
    "one-article": _one_big_article,
    "noise-as-articles": _noise_as_articles,
}


def write_perturbed(gt_dir: Path, pred_dir: Path, name: str, seed: int) -> None:
    """A prediction folder made from the ground truth; 'missing+invalid' drops and breaks a few files."""
    rng = random.Random(seed)
    shutil.rmtree(pred_dir, ignore_errors=True)
    for n, gt_path in enumerate(sorted(gt_dir.rglob("*" + GT_SUFFIX))):
        page = json.loads(gt_path.read_text(encoding="utf-8"))
        target = prediction_path(gt_path, gt_dir, pred_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == "missing+invalid":
            if n % 3 == 0:
                continue
            if n % 3 == 1:
                target.write_text("{not json", encoding="utf-8")
                continue
        else:
            PERTURBATIONS[name](page, rng)
        page.pop("words", None)
        target.write_text(json.dumps(copy.deepcopy(page), ensure_ascii=False), encoding="utf-8")


def self_check(folders: list[tuple[str, Path]], out: Path, score_py: Path, seed: int) -> bool:
    print(f"\nself-check: perturbed ground truth scored by broadsheet.evaluate and {score_py}")
    ok = True
    rows: list[tuple[str, str, Json]] = []
    for pname in [*PERTURBATIONS, "missing+invalid"]:
        for fname, gt_dir in folders:
            pred_dir = out / "self-check" / pname / fname
            write_perturbed(gt_dir, pred_dir, pname, seed)
            run = FolderRun(fname, gt_dir, pred_dir)
            score_folder(run, score_py)
            rows.append((pname, fname, run.agreement))
            ok = ok and bool(run.agreement.get("agree"))
            ev = run.evaluation
            assert ev is not None
            status = "agree" if run.agreement["agree"] else "MISMATCH"
            c = ev.corpus
            print(
                f"  {pname:<20} {fname:<28} F1 {fig(c.article_f1)} BCubed {fig(c.bcubed_f1)} "
                f"text {fig(c.text_similarity)} bag {fig(c.bag_of_words_f1)} head {fig(c.headline_accuracy)} "
                f"contam {fig(c.contamination)}  |diff| {run.agreement.get('max_corpus_diff', 0.0):.1e} {status}"
            )
            for m in run.agreement["mismatches"][:10]:
                print(f"    MISMATCH {m}")
    (out / "self-check.json").write_text(
        json.dumps([{"perturbation": p, "folder": f, **a} for p, f, a in rows], indent=1), encoding="utf-8"
    )
    print(f"self-check: {'all agree' if ok else 'MISMATCHES (see above)'} ({len(rows)} runs)")
    return ok


def corpus_pages(runs: list[FolderRun]) -> dict[str, PageScore]:
    """Every scored corpus page, keyed by its ground truth's path relative to the corpus folder."""
    return {
        f"{run.name}/{page}": score
        for run in runs
        if run.evaluation is not None and run.name != "synthetic"
        for page, score in run.evaluation.pages.items()
    }


def folder_json(run: FolderRun) -> Json:
    ev = run.evaluation
    pages = {k: {**v.summary.to_json(), "problem": v.problem} for k, v in ev.pages.items()} if ev else {}
    return {
        "figures": ev.corpus.to_json() if ev else None,
        "pages": pages,
        "notes": run.notes,
        "extract_seconds": round(run.extract_seconds, 3),
        "score_py": run.agreement,
    }


# --- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "eval")
    ap.add_argument("--seed", type=int, default=7, help="seed of the synthetic edition")
    ap.add_argument("--synthetic-pages", type=int, default=4)
    ap.add_argument("--self-check", action="store_true", help="also score perturbed ground truth")
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--no-next-edition", action="store_true", help="skip the publication-profile measurement")
    args = ap.parse_args(argv)

    corpus = args.shared / "corpus"
    if not corpus.is_dir():
        print(f"eval: no corpus at {corpus} (pass --shared DIR)", file=sys.stderr)
        return 2
    score_py: Path | None = args.shared / "tools" / "score.py"
    if not (args.shared / "tools" / "score.py").is_file():
        print(f"eval: {score_py} not found: no cross-check")
        score_py = None
    args.out.mkdir(parents=True, exist_ok=True)

    folders = gt_folders(corpus)
    runs = [FolderRun(name, gt_dir, args.out / name) for name, gt_dir in folders]
    # the project's own labels of unlabelled corpus pages (regions only; tools/labels/README.md)
    runs.append(FolderRun("labels", LABELS, args.out / "labels", pdf_dir=corpus / "real-unlabelled"))
    if not args.no_synthetic:
        synthetic = synthetic_folder(args.out, args.seed, args.synthetic_pages)
        if synthetic is not None:
            runs.append(synthetic)

    for run in runs:
        shutil.rmtree(run.pred_dir, ignore_errors=True)
        predict_run(run)
        score_folder(run, score_py)
        for note in run.notes:
            print(f"{run.name}: {note}")

    summaries: dict[str, Summary] = {r.name: r.evaluation.corpus for r in runs if r.evaluation}
    print()
    print(format_table(summaries))
    agree = True
    for run in runs:
        a = run.agreement
        if a.get("agree") is None:
            continue
        if a["agree"]:
            print(f"{run.name}: agrees with score.py (max corpus |diff| {a['max_corpus_diff']:.1e})")
        else:
            agree = False
            print(f"{run.name}: MISMATCH with score.py:")
            for m in a["mismatches"]:
                print(f"  {m}")

    split = group_scores(load_split(SPLIT), corpus_pages(runs))
    print(f"\nReal publications by set ({SPLIT.relative_to(ROOT)}); held-out pages measure generality:")
    print(format_table(split["sets"]))
    print()
    print(format_table(split["publications"]))

    profiles = {} if args.no_next_edition else measure_next_edition(SPLIT, corpus, LABELS, args.out / "next-edition")
    if profiles:
        print("\nPublication profiles, next edition (a profile learned from one set of pages, used on the next):")
        table = {}
        for name, row in profiles.items():
            table[f"{name} without"] = Summary(**row["without"])
            table[f"{name} profiled"] = Summary(**row["with profile"])
        print(format_table(table))

    if score_py is not None and args.self_check:
        agree = self_check(folders, args.out, score_py, args.seed) and agree

    figures: Json = {run.name: folder_json(run) for run in runs}
    figures["split"] = {kind: {k: s.to_json() for k, s in rows.items()} for kind, rows in split.items()}
    figures["next_edition"] = profiles
    text = json.dumps(figures, indent=1, ensure_ascii=False)
    (args.out / "figures.json").write_text(text, encoding="utf-8")
    print(f"\nfigures: {args.out / 'figures.json'}  (figures: {', '.join(FIGURES)})")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
