"""Training a Nastaliq recogniser for Tesseract from the project's own sources (``make ocr-model-ur``).

The Urdu models Debian and npm ship are integer models, which Tesseract cannot train further, so this
one is trained from scratch with Tesseract's own tools: Urdu lines composed from Apertium's lexicon
(training side only, :mod:`broadsheet.synthetic.urdu_text`) are rendered in the Nastaliq faces
(:mod:`broadsheet.synthetic.nastaliq`), stacked into pages with a box file that gives each line its box
and text (the "line box" format of tesstrain), turned into ``.lstmf`` samples by ``tesseract …
lstm.train``, and learned by ``lstmtraining``. The result is a ``.traineddata`` in a folder of its own,
beside links to the system's ``configs`` (Tesseract looks for its output configs, such as ``tsv``, in
the same folder as the model).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bidi.algorithm import get_display
from PIL import Image, ImageOps

from broadsheet.errors import OcrError
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line
from broadsheet.synthetic.urdu_text import column_lines

MODEL = "urd_nastaliq"
# Tesseract's network, as tesstrain trains from scratch, with lines scaled to 64 pixels rather than 36:
# Nastaliq stacks letters on a slanting baseline, so a line's ink is some two ems tall, and at 36 (or 48)
# pixels its letters' bowls and dots are a pixel or two.
NET_SPEC = "[1,64,0,1 Ct3,3,16 Mp3,3 Lfys64 Lfx96 Lrx96 Lfx192 O1c###]"
# White kept around a line's ink, in pixels: Tesseract scales the box to the network's height, so a
# line's empty leading would only shrink its letters.
LINE_PAD = 6
LINES_PER_PAGE = 40


@dataclass(frozen=True, slots=True)
class TrainingPlan:
    """What to train on and for how long."""

    lines: int = 5000
    iterations: int = 60000
    seed: int = 0
    sizes: tuple[float, ...] = (10.0, 11.0, 12.0, 13.0, 14.0, 16.0)
    fonts: tuple[str, ...] = tuple(NASTALIQ_FONTS)
    learning_rate: float = 0.002  # tesstrain's rate from scratch


def build_model(out: Path, plan: TrainingPlan, log: Callable[[str], None] = print) -> Path:
    """Train :data:`MODEL` into ``out`` (a tessdata folder); returns the ``.traineddata``."""
    for tool in ("tesseract", "lstmtraining", "combine_lang_model", "unicharset_extractor"):
        if shutil.which(tool) is None:
            raise OcrError(f"training needs Tesseract's {tool}: install the Debian package tesseract-ocr")
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    lines = column_lines("train", plan.lines, plan.seed)
    log(f"rendering {len(lines)} training lines")
    samples = _samples(work, lines, plan)
    (work / "all.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run(["unicharset_extractor", "--output_unicharset", str(work / "unicharset"), "--norm_mode", "1",
          str(work / "all.txt")])  # fmt: skip
    (work / "script").mkdir()
    # combine_lang_model reads a radical table even when it has no Han characters to encode: give it one line
    (work / "script" / "radical-stroke.txt").write_text("4e00\t1.0\n", encoding="utf-8")
    _run(["combine_lang_model", "--input_unicharset", str(work / "unicharset"), "--script_dir", str(work / "script"),
          "--output_dir", str(work), "--lang", MODEL, "--lang_is_rtl", "--pass_through_recoder"])  # fmt: skip
    (work / "list.txt").write_text("\n".join(str(s) for s in samples) + "\n", encoding="utf-8")
    (work / "checkpoints").mkdir()
    log(f"training for {plan.iterations} iterations on {len(samples)} pages of samples")
    starter = work / MODEL / f"{MODEL}.traineddata"
    checkpoint = work / "checkpoints" / MODEL
    classes = (work / "unicharset").read_text(encoding="utf-8").split("\n", 1)[0].strip()
    net_spec = NET_SPEC.replace("###", classes)
    _run(["lstmtraining", "--traineddata", str(starter), "--net_spec", net_spec, "--model_output", str(checkpoint),
          "--train_listfile", str(work / "list.txt"), "--max_iterations", str(plan.iterations),
          "--learning_rate", str(plan.learning_rate), "--target_error_rate", "0.5"],
         log=log, transcript=work / "lstmtraining.log")  # fmt: skip
    model = out / f"{MODEL}.traineddata"
    _run(["lstmtraining", "--stop_training", "--continue_from", f"{checkpoint}_checkpoint", "--traineddata",
          str(starter), "--model_output", str(model)])  # fmt: skip
    link_configs(out)
    return model


def link_configs(folder: Path) -> None:
    """Give a model folder the system's ``configs`` and ``tessconfigs`` (Tesseract's output formats)."""
    system = _system_tessdata()
    for name in ("configs", "tessconfigs"):
        link = folder / name
        if not link.exists():
            link.symlink_to(system / name)


def _system_tessdata() -> Path:
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=True).stdout
    first = out.splitlines()[0]
    return Path(first[first.index('"') + 1 : first.rindex('"')])


def _samples(work: Path, lines: list[str], plan: TrainingPlan) -> list[Path]:
    """Pages of stacked lines, each with its line box file, made into ``.lstmf`` samples."""
    rng = random.Random(f"render:{plan.seed}")
    samples = []
    for start in range(0, len(lines), LINES_PER_PAGE):
        chunk = lines[start : start + LINES_PER_PAGE]
        images = [_tight(render_line(t, rng.choice(plan.fonts), rng.choice(plan.sizes))) for t in chunk]
        base = work / f"page{start // LINES_PER_PAGE:04d}"
        _stack(images, chunk, base)
        _run(["tesseract", f"{base}.png", str(base), "--psm", "6", "lstm.train"])
        sample = base.with_suffix(".lstmf")
        if sample.is_file():
            samples.append(sample)
    if not samples:
        raise OcrError("Tesseract made no training samples from the rendered lines")
    return samples


def _tight(image: Image.Image) -> Image.Image:
    """The line cropped to its ink and :data:`LINE_PAD` pixels of white around it."""
    box = ImageOps.invert(image).getbbox()
    if box is None:
        return image
    x0, y0, x1, y1 = box
    return image.crop((x0 - LINE_PAD, y0 - LINE_PAD, x1 + LINE_PAD, y1 + LINE_PAD))


def visual_order(text: str) -> str:
    """``text`` in the order its characters are drawn, left to right (Unicode's bidi algorithm: an Urdu
    line reversed, its numbers not), each combining mark (ٰ, ٔ) still after its letter."""
    chars = list(get_display(text, base_dir="R"))
    k = 0
    while k < len(chars) - 1:
        if unicodedata.combining(chars[k]) and not unicodedata.combining(chars[k + 1]):
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
            k += 1  # the mark now follows its letter: leave it there
        k += 1
    return "".join(chars)


def _stack(images: list[Image.Image], texts: list[str], base: Path) -> None:
    """One page of the lines, one under another, and its box file: every character of a line with the
    line's box (Tesseract's origin is the bottom left), then a tab that ends the line.

    The characters go in the order they are drawn (:func:`visual_order`): the network reads pixels
    left to right and Tesseract puts right-to-left words back in reading order after it, so its truth
    is in drawing order (text2image reorders its right-to-left box files so too)."""
    gap = 16
    width = max(i.width for i in images) + 2 * gap
    height = sum(i.height + gap for i in images) + gap
    page = Image.new("L", (width, height), 255)
    boxes: list[str] = []
    top = gap
    for image, text in zip(images, texts, strict=True):
        page.paste(image, (gap, top))
        x0, x1 = gap, gap + image.width
        y0, y1 = height - (top + image.height), height - top
        boxes.extend(f"{c} {x0} {y0} {x1} {y1} 0" for c in visual_order(text))
        boxes.append(f"\t {x1} {y0} {x1 + 1} {y1} 0")
        top += image.height + gap
    page.save(f"{base}.png")
    Path(f"{base}.box").write_text("\n".join(boxes) + "\n", encoding="utf-8")


def _run(args: list[str], log: Callable[[str], None] | None = None, transcript: Path | None = None) -> None:
    """Run a training tool on one thread (the machine's cores are shared). Its output goes to ``transcript``
    as it comes (lstmtraining's progress, to follow a long run), and its progress lines to ``log``."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    if transcript is None:
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
        output, returncode = done.stdout + done.stderr, done.returncode
    else:
        with transcript.open("w", encoding="utf-8") as sink:
            returncode = subprocess.run(args, stdout=sink, stderr=subprocess.STDOUT, env=env, check=False).returncode
        output = transcript.read_text(encoding="utf-8", errors="replace")
    if log is not None:
        for line in output.splitlines():
            if "At iteration" in line or "Finished" in line:
                log(line)
    if returncode != 0:
        tail = output.strip().splitlines()[-3:]
        raise OcrError(f"{Path(args[0]).name} failed: {' / '.join(tail)}")


def main() -> None:
    """``python -m broadsheet.ocr.training --out build/ocr-models``: what ``make ocr-model-ur`` runs."""
    parser = argparse.ArgumentParser(description="Train the Urdu Nastaliq recogniser for Tesseract.")
    plan = TrainingPlan()
    parser.add_argument("--out", type=Path, required=True, help="the model folder (a tessdata folder)")
    parser.add_argument("--lines", type=int, default=plan.lines, help="training lines to render")
    parser.add_argument("--iterations", type=int, default=plan.iterations, help="lstmtraining iterations")
    args = parser.parse_args()
    print(build_model(args.out, TrainingPlan(lines=args.lines, iterations=args.iterations)))


if __name__ == "__main__":
    main()
