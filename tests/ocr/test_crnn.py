"""Reading Urdu with the Nastaliq CRNN: refused in one line, with the command that builds it, when the
model is not built; and, with a model from a tiny training run (seconds, a handful of generated lines),
the whole path — train, export to ONNX, read back through onnxruntime and ``broadsheet ocr`` — works.
How well a full run reads is the benchmark's business (benchmarks/nastaliq_ocr.py), not a test's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from broadsheet.cli import main
from broadsheet.errors import OcrModelMissingError
from broadsheet.ocr.crnn import META_FILE, MODEL_FILE, require_model
from broadsheet.ocr.crnn_lines import alphabet
from broadsheet.synthetic.nastaliq import render_line

LINE = "حکومت نے اعلان کیا"


def _line(path: Path) -> Path:
    render_line(LINE, "Noto Nastaliq Urdu", 14).save(path)
    return path


def test_a_model_not_built_is_refused_in_one_line_saying_how_to_build_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(OcrModelMissingError, match="make ocr-model-ur-crnn"):
        require_model(tmp_path)
    image = _line(tmp_path / "line.png")
    assert main(["ocr", str(image), "--language", "ur", "--tessdata", str(tmp_path)]) == 64
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1 and "not built" in errors[0] and "make ocr-model-ur-crnn" in errors[0]
    (tmp_path / MODEL_FILE).write_bytes(b"")  # a model without its alphabet beside it is not a model
    with pytest.raises(OcrModelMissingError):
        require_model(tmp_path)


@pytest.mark.parametrize(
    ("model", "meta"),
    [(b"garbage", '{"height": 48, "alphabet": "abc"}'), (b"garbage", "{broken"), (b"garbage", '{"height": 48}')],
)
def test_a_broken_model_is_refused_in_one_line_saying_how_to_rebuild_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], model: bytes, meta: str
) -> None:
    """Regression: a model file onnxruntime cannot load, or a broken alphabet file beside it, gave a
    traceback."""
    (tmp_path / MODEL_FILE).write_bytes(model)
    (tmp_path / META_FILE).write_text(meta, encoding="utf-8")
    image = _line(tmp_path / "line.png")
    assert main(["ocr", str(image), "--language", "ur", "--tessdata", str(tmp_path)]) == 64
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1 and "make ocr-model-ur-crnn" in errors[0]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pytest.importorskip("torch", reason="PyTorch is installed for training only: pip install -e '.[ocr-train]'")
    pytest.importorskip("onnx", reason="the ONNX export needs onnx: pip install -e '.[ocr-train]'")
    from broadsheet.ocr.crnn_train import TrainPlan, train

    folder = tmp_path_factory.mktemp("crnn")
    logged: list[str] = []
    plan = TrainPlan(lines=24, epochs=10, batch_pixels=8 * 48 * 300, checkpoint_minutes=0, workers=1, validation=0.2)
    train(folder / "model", plan, folder / "cache", log=logged.append)
    return folder / "model", logged


def test_a_tiny_training_run_learns_and_exports_a_model_onnxruntime_reads(
    tiny_model: tuple[Path, list[str]],
) -> None:
    from broadsheet.ocr.crnn import load_reader

    folder, logged = tiny_model
    assert (folder / MODEL_FILE).stat().st_size > 100_000 and (folder / META_FILE).is_file()
    losses = [float(m.group(1)) for line in logged if (m := re.search(r"loss ([0-9.]+)", line))]
    assert len(losses) >= 10 and losses[-1] < 0.8 * losses[0]  # it learns
    read = load_reader(folder).read_lines([render_line(LINE, "Awami Nastaliq", 12)])
    assert len(read) == 1 and set(read[0]) <= set(alphabet())


def test_broadsheet_ocr_reads_urdu_with_the_crnn(
    tiny_model: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = tiny_model
    image = _line(tmp_path / "line.png")
    assert main(["ocr", str(image), "--language", "ur", "--tessdata", str(folder), "--psm", "7"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and set(out.strip()) <= set(alphabet())
    assert main(["ocr", str(image), "--language", "ur", "--tessdata", str(folder)]) == 0  # lines found first
