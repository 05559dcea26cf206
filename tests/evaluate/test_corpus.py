"""Folders of ground truth and predictions, with PDFs generated on the fly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.errors import InputFileError, UsageError
from broadsheet.evaluate import evaluate_dirs, format_report, pdf_words, words_from_json
from tests.evaluate.evaluate_fixtures import Json, article, make_pdf, other, page, word, write_json

# one PDF page (400 x 400 pt): a two-word headline and a body line on the left, one word on the right,
# a folio at the bottom
STRINGS = [(40, 40, "Big"), (80, 40, "News"), (40, 100, "first"), (240, 100, "second"), (40, 360, "7")]
LEFT = [[30, 30, 200, 200]]
RIGHT = [[230, 30, 380, 200]]
FOLIO = [[30, 340, 200, 390]]


def pdf_truth(source: str = "paper.pdf", number: int = 1) -> Json:
    return page(
        [
            article("a", LEFT, headline="Big News", body="first"),
            article("b", RIGHT, headline=None, body="second"),
            other("f", "furniture", FOLIO),
        ],
        source=source,
        number=number,
        width=400,
        height=400,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    gt_dir, pred_dir = tmp_path / "gt", tmp_path / "pred"
    make_pdf(gt_dir / "paper.pdf", [STRINGS, STRINGS[:2]])
    write_json(gt_dir / "paper-p1.gt.json", pdf_truth())
    pred_dir.mkdir()
    return gt_dir, pred_dir


def test_pdf_words_are_read_from_the_text_layer(corpus: tuple[Path, Path]) -> None:
    words = pdf_words(corpus[0] / "paper.pdf", 1)
    assert [w.text for w in words] == ["Big", "News", "first", "second", "7"]
    assert words[0].x0 == pytest.approx(40)
    assert 40 <= words[0].centre[1] <= 52


def test_pdf_words_are_cropbox_relative_and_outside_words_dropped(tmp_path: Path) -> None:
    strings = [(50, 50, "left"), (350, 50, "right"), (350, 350, "low")]
    pdf = make_pdf(tmp_path / "spread.pdf", [strings], size=(600, 400), cropbox=(300, 100, 600, 400))
    words = pdf_words(pdf, 1)
    # the CropBox keeps the right half and cuts 100 pt off the bottom
    assert [w.text for w in words] == ["right"]
    assert words[0].x0 == pytest.approx(50)
    assert words[0].y0 == pytest.approx(50, abs=3)


def test_pdf_words_errors(tmp_path: Path, corpus: tuple[Path, Path]) -> None:
    with pytest.raises(InputFileError, match="not found"):
        pdf_words(tmp_path / "nothing.pdf", 1)
    with pytest.raises(InputFileError, match="no page 3"):
        pdf_words(corpus[0] / "paper.pdf", 3)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    with pytest.raises(InputFileError):
        pdf_words(broken, 1)


def test_words_from_json_rejects_malformed_words() -> None:
    assert words_from_json([[0, 0, 10, 10, "a"]])[0].text == "a"
    for bad in ([[0, 0, 10, "a"]], [["x", 0, 10, 10, "a"]], "words", [None]):
        with pytest.raises(InputFileError):
            words_from_json(bad)


def test_perfect_prediction_scores_one(corpus: tuple[Path, Path]) -> None:
    gt_dir, pred_dir = corpus
    write_json(pred_dir / "paper-p1.json", pdf_truth())
    ev = evaluate_dirs(gt_dir, pred_dir)
    s = ev.corpus
    assert (s.pages, s.gt_articles, s.pred_articles) == (1, 2, 2)
    assert (s.article_f1, s.bcubed_f1, s.text_similarity, s.bag_of_words_f1) == (1.0, 1.0, 1.0, 1.0)
    assert s.headline_accuracy == 1.0  # article b has a null headline and is left out
    assert s.contamination == 0.0
    assert ev.pages["paper-p1.gt.json"].problem == ""
    # 3 + 4 + 5 + 6 + 1 characters in 5 words
    assert ev.pages["paper-p1.gt.json"].counts.mass == 19


def test_contamination_from_the_pdf(corpus: tuple[Path, Path]) -> None:
    gt_dir, pred_dir = corpus
    pred = pdf_truth()
    pred["items"][0]["regions"] = [[30, 30, 200, 390]]  # swallows the folio "7"
    write_json(pred_dir / "paper-p1.json", pred)
    s = evaluate_dirs(gt_dir, pred_dir).corpus
    # "Big" "News" "first" "second" "7": 19 characters in predicted articles, 1 of them furniture
    assert s.contamination == round(1 / 19, 4)
    assert s.article_f1 == 1.0


def test_missing_prediction_scores_zero(corpus: tuple[Path, Path]) -> None:
    gt_dir, pred_dir = corpus
    ev = evaluate_dirs(gt_dir, pred_dir)
    score = ev.pages["paper-p1.gt.json"]
    assert score.problem == "no prediction"
    assert not score.counts.predicted
    assert (ev.corpus.article_f1, ev.corpus.text_similarity, ev.corpus.headline_accuracy) == (0.0, 0.0, 0.0)
    assert "paper-p1.gt.json" in format_report(ev) and "(no prediction)" in format_report(ev)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "cannot read page JSON"),
        ('["a list"]', "not a broadsheet-page/1 page"),
        (json.dumps({**pdf_truth(), "format": "other/1"}), "not a broadsheet-page/1 page"),
        (json.dumps(page([article("a", [[1, 2, 3]])], source="paper.pdf")), "malformed regions"),
        (json.dumps(page([{"id": "a", "type": "sidebar", "regions": []}], source="paper.pdf")), "malformed"),
    ],
)
def test_invalid_prediction_scores_zero_with_the_reason(corpus: tuple[Path, Path], content: str, why: str) -> None:
    gt_dir, pred_dir = corpus
    (pred_dir / "paper-p1.json").write_text(content, encoding="utf-8")
    ev = evaluate_dirs(gt_dir, pred_dir)
    score = ev.pages["paper-p1.gt.json"]
    assert score.problem.startswith("invalid prediction:")
    assert why in score.problem
    assert not score.counts.predicted
    assert ev.corpus.article_f1 == 0.0


def test_subfolders_and_pdf_dir(tmp_path: Path) -> None:
    gt_dir, pred_dir, pdfs = tmp_path / "gt", tmp_path / "pred", tmp_path / "pdfs"
    make_pdf(pdfs / "paper.pdf", [STRINGS, STRINGS[:2]])
    write_json(gt_dir / "day1" / "paper-p1.gt.json", pdf_truth())
    write_json(gt_dir / "day1" / "paper-p2.gt.json", pdf_truth(number=2))
    write_json(pred_dir / "day1" / "paper-p1.json", pdf_truth())
    write_json(pred_dir / "paper-p2.json", pdf_truth(number=2))  # wrong folder: not found
    with pytest.raises(InputFileError, match="not found"):
        evaluate_dirs(gt_dir, pred_dir)
    ev = evaluate_dirs(gt_dir, pred_dir, pdf_dir=pdfs)
    assert list(ev.pages) == ["day1/paper-p1.gt.json", "day1/paper-p2.gt.json"]
    assert ev.pages["day1/paper-p2.gt.json"].problem == "no prediction"
    # page 2 holds only the headline words, in article a: 1 found of 2 predicted, 4 true
    assert ev.pages["day1/paper-p2.gt.json"].counts.gt_articles == 2
    assert (ev.corpus.article_precision, ev.corpus.article_recall) == (1.0, 0.5)


def test_scans_are_scored_on_their_words(tmp_path: Path) -> None:
    gt_dir, pred_dir = tmp_path / "gt", tmp_path / "pred"
    words = [word(100, 100, "aaaa"), word(600, 100, "bb")]
    truth = page([article("a", [[50, 50, 400, 400]]), article("b", [[550, 50, 900, 400]])], words=words)
    write_json(gt_dir / "scan.gt.json", truth)  # no image, no PDF: the words are enough
    pred = page([article("ab", [[0, 0, 1000, 1000]])])
    write_json(pred_dir / "scan.json", pred)
    ev = evaluate_dirs(gt_dir, pred_dir)
    c = ev.pages["scan.gt.json"].counts
    assert (c.mass, c.found, c.gt_articles, c.pred_articles) == (6, 1, 2, 1)
    # BCubed precision: aaaa 4/6, bb 2/6 -> (4*4 + 2*2) / 6; recall 1
    assert c.bcubed_p_mass == pytest.approx(20 / 6)
    assert c.bcubed_r_mass == pytest.approx(6)


def test_a_pdf_label_with_its_own_words_is_scored_on_them(tmp_path: Path) -> None:
    """A PDF with no text layer is labelled on OCR's words, their texts empty (no page text in the
    label): the scorer counts those words, each weighing one, not the PDF's text layer."""
    gt_dir, pred_dir = tmp_path / "gt", tmp_path / "pred"
    make_pdf(gt_dir / "paper.pdf", [STRINGS])  # a text layer the words must win over
    words = [word(40, 40, ""), word(40, 100, ""), word(240, 100, "")]
    truth = {**pdf_truth(), "words": words}
    write_json(gt_dir / "paper-p1.gt.json", truth)
    write_json(pred_dir / "paper-p1.json", {**truth, "words": None})
    c = evaluate_dirs(gt_dir, pred_dir).pages["paper-p1.gt.json"].counts
    assert (c.mass, c.found, c.gt_articles, c.pred_articles) == (3, 2, 2, 2)
    merged = {**truth, "items": [article("ab", [[0, 0, 400, 400]])], "words": None}
    write_json(pred_dir / "paper-p1.json", merged)
    c = evaluate_dirs(gt_dir, pred_dir).pages["paper-p1.gt.json"].counts
    assert (c.mass, c.found, c.pred_articles) == (3, 1, 1)  # the words weigh one each: 2 of 3 in the match


def test_expected_failures(tmp_path: Path, corpus: tuple[Path, Path]) -> None:
    gt_dir, pred_dir = corpus
    with pytest.raises(UsageError):
        evaluate_dirs(tmp_path / "missing", pred_dir)
    with pytest.raises(UsageError):
        evaluate_dirs(gt_dir, tmp_path / "missing")
    with pytest.raises(UsageError, match=r"no \*\.gt\.json"):
        evaluate_dirs(pred_dir, pred_dir)
    (gt_dir / "broken.gt.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"broken\.gt\.json"):
        evaluate_dirs(gt_dir, pred_dir)


def test_to_json_has_the_shape_of_score_py(corpus: tuple[Path, Path]) -> None:
    gt_dir, pred_dir = corpus
    out = evaluate_dirs(gt_dir, pred_dir).to_json()
    assert set(out) == {"corpus", "pages"}
    assert set(out["corpus"]) == {
        "pages",
        "gt_articles",
        "pred_articles",
        "article_precision",
        "article_recall",
        "article_f1",
        "bcubed_f1",
        "text_similarity",
        "bag_of_words_f1",
        "headline_accuracy",
        "contamination",
        "coverage",
    }
    row = out["pages"]["paper-p1.gt.json"]
    assert {"found", "bcubed_p_mass", "bcubed_r_mass", "mass", "text_sim_sum", "predicted"} <= set(row)
    json.dumps(out)
