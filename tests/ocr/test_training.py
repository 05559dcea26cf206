"""Training the Nastaliq recogniser: a tiny run (one page of lines, a few iterations) makes a model that
Tesseract loads from its own folder and reads with, through the same path as ``broadsheet ocr``. How well
a full run reads is the benchmark's business (benchmarks/nastaliq_ocr.py), not a test's."""

from __future__ import annotations

from pathlib import Path

from broadsheet.ocr.text import OcrSettings, check_model, read_text
from broadsheet.ocr.training import LINES_PER_PAGE, MODEL, TrainingPlan, build_model
from broadsheet.synthetic.nastaliq import render_line


def test_a_tiny_training_run_makes_a_model_tesseract_reads_with(tmp_path: Path) -> None:
    logged: list[str] = []
    model = build_model(tmp_path / "models", TrainingPlan(lines=LINES_PER_PAGE, iterations=20), log=logged.append)
    assert model == tmp_path / "models" / f"{MODEL}.traineddata" and model.stat().st_size > 10_000
    assert any("iteration" in line for line in logged)
    settings = OcrSettings(MODEL, tessdata=model.parent, psm=7)
    check_model(settings, "the trained model")
    assert isinstance(read_text(render_line("حکومت نے اعلان کیا", "Noto Nastaliq Urdu", 14), settings), str)
    samples = (tmp_path / "models" / "work" / "list.txt").read_text().split()
    assert len(samples) == 1 and Path(samples[0]).suffix == ".lstmf"
