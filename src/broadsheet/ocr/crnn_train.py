"""Training the Nastaliq CRNN on the CPU and exporting it to ONNX (``make ocr-model-ur-crnn``).

``python -m broadsheet.ocr.crnn_train --out build/ocr-models/crnn`` renders the training lines once
(:mod:`broadsheet.ocr.crnn_cache`), keeps a share of them apart as a validation set (training side
too: the test side is never read here, so nothing is tuned on it), and trains with CTC in batches of
lines of similar width, each batch lightly varied again (width, a wavy baseline, grey and noise).
Every few minutes it writes a checkpoint and, when the validation character accuracy is the best yet,
exports that model (:data:`broadsheet.ocr.crnn.MODEL_FILE` and its alphabet beside it), so that a run
stopped at any time leaves its best model. One thread by default: the machine's cores are shared.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from torch import nn

from broadsheet.evaluate.ocr_text import TextScore, score_text
from broadsheet.ocr.crnn import META_FILE, MODEL_FILE
from broadsheet.ocr.crnn_cache import LineSet, build_cache
from broadsheet.ocr.crnn_lines import HEIGHT, PAD, STRIDE, WIDEN, alphabet, decode, encode
from broadsheet.ocr.crnn_model import Crnn


@dataclass(frozen=True, slots=True)
class TrainPlan:
    """What to train on and for how long; the defaults are what ``make ocr-model-ur-crnn`` runs."""

    lines: int = 14400
    epochs: float = 12.0
    minutes: float = 0.0  # a time budget (0: none): the learning rate is annealed to reach its end on time
    batch_pixels: int = 16 * 48 * 400  # a batch is about this many input pixels (16 lines of 400 columns)
    learning_rate: float = 1e-3
    validation: float = 0.03  # share of the lines kept apart to choose the best model
    seed: int = 0
    threads: int = 1
    checkpoint_minutes: float = 4.0
    workers: int = 2  # rendering processes (once, before training)


def batches(widths: list[int], indices: list[int], pixels: int, rng: random.Random) -> list[list[int]]:
    """Lines grouped by similar width (little padding), about ``pixels`` each, in a random order."""
    ordered = sorted(indices, key=lambda k: widths[k])
    out: list[list[int]] = []
    current: list[int] = []
    for k in ordered:
        if current and (len(current) + 1) * widths[k] * HEIGHT > pixels:
            out.append(current)
            current = []
        current.append(k)
    if current:
        out.append(current)
    rng.shuffle(out)
    return out


def vary(image: npt.NDArray[np.uint8], rng: random.Random) -> npt.NDArray[np.float32]:
    """A cached line varied again at each use: width ±10 %, the baseline waved by a pixel or two, paler
    or greyer ink, and noise — so the network does not learn the exact pixels of a cached render."""
    line = torch.from_numpy(image.astype(np.float32) / 255.0)[None, None]
    width = max(2 * STRIDE, round(image.shape[1] * rng.uniform(0.9, 1.1)))
    line = nn.functional.interpolate(line, size=(HEIGHT, width), mode="bilinear", align_corners=False)[0, 0]
    array = line.numpy()
    if rng.random() < 0.5:
        amplitude, period, phase = rng.uniform(0.5, 2.0), rng.uniform(60, 300), rng.uniform(0, 2 * math.pi)
        for x0 in range(0, width, 8):
            shift = round(amplitude * math.sin(phase + 2 * math.pi * x0 / period))
            array[:, x0 : x0 + 8] = np.roll(array[:, x0 : x0 + 8], shift, axis=0)
    array = array * rng.uniform(0.7, 1.0)
    if rng.random() < 0.5:
        array = array + np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(0.02, 0.1), array.shape)
    return np.clip(array, 0.0, 1.0).astype(np.float32)


def collate(images: list[npt.NDArray[np.float32]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Lines padded with paper to the batch's widest; and each line's number of output columns."""
    width = max(i.shape[1] for i in images)
    batch = torch.zeros(len(images), 1, HEIGHT, width)
    for k, image in enumerate(images):
        batch[k, 0, :, : image.shape[1]] = torch.from_numpy(image)
    return batch, torch.tensor([i.shape[1] // STRIDE for i in images], dtype=torch.long)


def read_batch(model: Crnn, images: list[npt.NDArray[np.float32]], letters: str) -> list[str]:
    with torch.no_grad():
        lines, lengths = collate(images)
        best = model(lines).argmax(-1).numpy()
    return [decode(best[k, : lengths[k]], letters) for k in range(len(images))]


def learning_rate(peak: float, done: float) -> float:
    """A short warm-up to ``peak``, then a cosine down to a fiftieth of it when ``done`` reaches 1 (by
    steps or by the time budget, whichever comes first: a busy machine still ends with a settled model)."""
    if done < 0.03:
        return peak * max(0.05, done / 0.03)
    return peak * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(1.0, (done - 0.03) / 0.97))))


def validate(model: Crnn, lines: LineSet, indices: list[int], letters: str) -> TextScore:
    """Word and character accuracy on the validation lines (training side, never trained on)."""
    model.eval()
    total = TextScore()
    widths = [i.shape[1] for i in lines.images]
    for group in batches(widths, indices, 32 * 48 * 400, random.Random(0)):
        images = [lines.images[k].astype(np.float32) / 255.0 for k in group]
        for k, text in zip(group, read_batch(model, images, letters), strict=True):
            total += score_text(lines.texts[k], text)
    model.train()
    return total


def export(model: Crnn, out: Path, letters: str, note: dict[str, object]) -> None:
    """The model as ONNX (batch and width free) and what reading needs beside it: the alphabet and the
    line geometry, so that a reader cannot pair a model with other settings."""
    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    sample = torch.zeros(1, 1, HEIGHT, 64)
    partial = out / f"{MODEL_FILE}.partial"
    # TorchScript's exporter, not the newer torch.export one (that needs onnxscript as well, for nothing this
    # network uses): it warns that it is the legacy one, and its tracer about shapes it records as constants
    # (the LSTM's input size checks, which are constants indeed).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _export(model, sample, partial)
    meta = {"alphabet": letters, "height": HEIGHT, "stride": STRIDE, "widen": WIDEN, "pad": PAD, **note}
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(out / MODEL_FILE)
    model.train()


def _export(model: Crnn, sample: torch.Tensor, path: Path) -> None:
    torch.onnx.export(
        model, (sample,), str(path), input_names=["lines"], output_names=["scores"],
        dynamic_axes={"lines": {0: "n", 3: "w"}, "scores": {0: "n", 1: "t"}}, dynamo=False,
    )  # fmt: skip


def train(out: Path, plan: TrainPlan, cache: Path, log: Callable[[str], None] = print) -> Path:
    """Train, checkpointing into ``out`` and exporting the best model there; returns the ONNX file."""
    torch.manual_seed(plan.seed)
    torch.set_num_threads(plan.threads)
    rng = random.Random(plan.seed)
    log(f"rendering or loading {plan.lines} training lines in {cache}")
    lines = build_cache(cache, plan.lines, plan.seed, workers=plan.workers)
    letters = alphabet()
    targets = [encode(t, letters) for t in lines.texts]
    widths = [i.shape[1] for i in lines.images]
    order = list(range(len(lines.texts)))
    held = max(1, round(plan.validation * len(order)))
    val, fit = order[-held:], [k for k in order[:-held] if targets[k] and widths[k] // STRIDE > len(targets[k])]
    model = Crnn(len(letters))
    optimiser = torch.optim.Adam(model.parameters(), lr=plan.learning_rate)
    steps = max(1, round(plan.epochs * len(batches(widths, fit, plan.batch_pixels, rng))))
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    state = out / "crnn-checkpoint.pt"
    step, best, spent = 0, -1.0, 0.0
    if state.is_file():  # go on from a stopped run
        saved = torch.load(state, weights_only=False)
        model.load_state_dict(saved["model"])
        optimiser.load_state_dict(saved["optimiser"])
        step, best, spent = saved["step"], saved["best"], saved["minutes"]
        log(f"resumed at step {step} (best validation chars {best:.1%})")
    started, last, losses = time.monotonic() - spent * 60, time.monotonic(), []
    done = 0.0
    while done < 1.0:
        for group in batches(widths, fit, plan.batch_pixels, rng):
            minutes = (time.monotonic() - started) / 60
            done = max(step / steps, minutes / plan.minutes if plan.minutes else 0.0)
            for settings in optimiser.param_groups:
                settings["lr"] = learning_rate(plan.learning_rate, done)
            images, lengths = collate([vary(lines.images[k], rng) for k in group])
            scores = model(images).log_softmax(-1).permute(1, 0, 2)  # T, N, C as CTC wants
            truth = torch.tensor([c for k in group for c in targets[k]], dtype=torch.long)
            loss = ctc(scores, truth, lengths, torch.tensor([len(targets[k]) for k in group], dtype=torch.long))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            losses.append(loss.item())
            step += 1
            done = max(step / steps, minutes / plan.minutes if plan.minutes else 0.0)
            if time.monotonic() - last >= plan.checkpoint_minutes * 60 or done >= 1.0:
                score = validate(model, lines, val, letters)
                minutes = (time.monotonic() - started) / 60
                log(f"step {step} ({step / steps * plan.epochs:.2f} epochs, {minutes:.0f} min, {done:.0%} done): "
                    f"loss {np.mean(losses):.3f}, validation words {score.word_accuracy:.1%} "
                    f"chars {score.char_accuracy:.1%}")  # fmt: skip
                losses = []
                if score.char_accuracy > best:
                    best = score.char_accuracy
                    note: dict[str, object] = {
                        "step": step, "epochs": round(step / steps * plan.epochs, 2), "minutes": round(minutes),
                        "validation_words": round(score.word_accuracy, 4),
                        "validation_chars": round(score.char_accuracy, 4),
                    }  # fmt: skip
                    export(model, out, letters, note)
                saved = {"model": model.state_dict(), "optimiser": optimiser.state_dict(),
                         "step": step, "best": best, "minutes": minutes}  # fmt: skip
                torch.save(saved, state)
                last = time.monotonic()
            if done >= 1.0:
                break
    return out / MODEL_FILE


def main() -> None:
    """``python -m broadsheet.ocr.crnn_train --out build/ocr-models/crnn``: what ``make ocr-model-ur-crnn`` runs."""
    plan = TrainPlan()
    parser = argparse.ArgumentParser(description="Train the Urdu Nastaliq CRNN (CPU) and export it to ONNX.")
    parser.add_argument("--out", type=Path, required=True, help="the model folder")
    parser.add_argument("--cache", type=Path, default=Path("build/crnn-cache"), help="rendered training lines")
    parser.add_argument("--lines", type=int, default=plan.lines)
    parser.add_argument("--epochs", type=float, default=plan.epochs)
    parser.add_argument("--minutes", type=float, default=plan.minutes, help="time budget (default: none)")
    parser.add_argument("--threads", type=int, default=plan.threads)
    args = parser.parse_args()
    chosen = TrainPlan(lines=args.lines, epochs=args.epochs, minutes=args.minutes, threads=args.threads)
    print(train(args.out, chosen, args.cache, log=lambda m: print(m, flush=True)))


if __name__ == "__main__":
    main()
