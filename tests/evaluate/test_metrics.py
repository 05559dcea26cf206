"""Page figures on tiny scanned pages (words given), against values worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from broadsheet.evaluate import PageCounts, Summary, bag_f1, norm_headline, score_page, summarize
from broadsheet.evaluate.metrics import assign, match_articles
from broadsheet.evaluate.words import words_from_json
from broadsheet.pagejson import page_from_json
from tests.evaluate.evaluate_fixtures import Json, article, other, page, word

LEFT = [[50, 50, 400, 400]]
RIGHT = [[550, 50, 900, 400]]
# A holds aaaa, bbbb, cc (10 characters); B holds dddd (4)
WORDS = [word(100, 100, "aaaa"), word(100, 200, "bbbb"), word(100, 300, "cc"), word(600, 100, "dddd")]


def two_articles() -> Json:
    return page(
        [
            article("A", LEFT, headline="Left story", body="one two three four"),
            article("B", RIGHT, headline="Right story", body="five six"),
        ],
        words=[list(w) for w in WORDS],
    )


def run(gt: Json, pred: Json | None) -> tuple[PageCounts, Summary]:
    counts = score_page(
        page_from_json(gt), page_from_json(pred) if pred is not None else None, words_from_json(gt["words"])
    )
    return counts, summarize([counts])


def test_perfect_prediction_scores_one() -> None:
    gt = two_articles()
    gt["items"].append(other("ad", "advert", [[50, 500, 400, 600]]))
    gt["words"].append(word(100, 550, "BUY"))
    counts, s = run(gt, gt)
    assert (s.article_precision, s.article_recall, s.article_f1, s.bcubed_f1) == (1.0, 1.0, 1.0, 1.0)
    assert (s.text_similarity, s.bag_of_words_f1, s.headline_accuracy) == (1.0, 1.0, 1.0)
    assert s.contamination == 0.0
    assert counts.found == 2 and counts.mass == 17 and counts.predicted


def test_split_article_lowers_f1_and_bcubed_by_hand_computed_amounts() -> None:
    gt = two_articles()
    pred = two_articles()
    pred["items"][0] = article("A1", [[50, 50, 400, 250]], headline="Left story", body="one two three")
    pred["items"].insert(1, article("A2", [[50, 250, 400, 400]], headline=None, body="four"))
    counts, s = run(gt, pred)
    # A1 ~ A: IoU 8/10 -> matched; A2 unmatched; B matched: 2 found of 3 predicted, 2 true
    assert (counts.found, counts.pred_articles, counts.gt_articles) == (2, 3, 2)
    assert s.article_precision == round(2 / 3, 4)
    assert s.article_recall == 1.0
    assert s.article_f1 == 0.8
    # BCubed: precision 1 (no predicted cluster mixes articles);
    # recall (4*0.8 + 4*0.8 + 2*0.2 + 4*1) / 14 = 10.8 / 14
    assert counts.bcubed_p_mass == pytest.approx(14.0)
    assert counts.bcubed_r_mass == pytest.approx(10.8)
    r = 10.8 / 14
    assert s.bcubed_f1 == round(2 * r / (1 + r), 4) == 0.871
    # text: "one two three four" vs "one two three": 1 - 5/18; bag-of-words 6/7; B is exact
    assert s.text_similarity == round((1 - 5 / 18 + 1) / 2, 4)
    assert s.bag_of_words_f1 == round((6 / 7 + 1) / 2, 4)
    assert s.headline_accuracy == 1.0


def test_merged_articles_lower_recall_and_bcubed_precision() -> None:
    gt = two_articles()
    pred = page([article("AB", [*LEFT, *RIGHT], headline="Left story", body="x")], words=None)
    counts, s = run(gt, pred)
    # AB ~ A: IoU 10/14 >= 0.5 -> found 1 of 1 predicted, 2 true
    assert (s.article_precision, s.article_recall) == (1.0, 0.5)
    # precision: A words 10/14 each, B's word 4/14: (10*10 + 4*4) / 14
    assert counts.bcubed_p_mass == pytest.approx(10 * 10 / 14 + 4 * 4 / 14)
    assert counts.bcubed_r_mass == pytest.approx(14.0)
    # B unmatched: its headline misses and its body counts 0
    assert s.headline_accuracy == 0.5
    assert counts.text_n == 2


def test_missing_prediction_scores_zero() -> None:
    counts, s = run(two_articles(), None)
    assert not counts.predicted
    assert (s.article_precision, s.article_recall, s.article_f1) == (0.0, 0.0, 0.0)
    assert (s.text_similarity, s.bag_of_words_f1, s.headline_accuracy) == (0.0, 0.0, 0.0)
    # every word is its own cluster: precision 1, recall (4*.4 + 4*.4 + 2*.2 + 4*1) / 14
    r = 7.6 / 14
    assert s.bcubed_f1 == round(2 * r / (1 + r), 4)


def test_contamination_counts_noise_characters_inside_predicted_articles() -> None:
    words = [
        word(100, 100, "aaaa"),
        word(100, 200, "bbbb"),
        word(100, 460, "page12"),  # furniture: noise
        word(100, 550, "pic"),  # photo: not noise
    ]
    gt = page(
        [
            article("A", LEFT),
            other("f", "furniture", [[50, 450, 400, 500]]),
            other("p", "photo", [[50, 540, 400, 580]]),
        ],
        words=words,
    )
    pred = page([article("all", [[0, 0, 500, 600]])], words=words)
    counts, s = run(gt, pred)
    assert counts.chars_in_pred_articles == 17
    assert counts.contaminated_chars == 6
    assert s.contamination == round(6 / 17, 4)


def test_coverage_is_the_share_of_characters_inside_any_predicted_item() -> None:
    words = [word(100, 100, "aaaa"), word(100, 460, "page12"), word(100, 700, "lost")]
    gt = page([article("A", LEFT), other("f", "furniture", [[50, 450, 400, 500]])], words=words)
    gt["items"].append(article("B", [[50, 650, 400, 750]]))
    pred = page([article("A", LEFT), other("f", "furniture", [[50, 450, 400, 500]])], words=words)
    counts, s = run(gt, pred)
    assert counts.covered_chars == 10  # aaaa in an article, page12 in furniture; "lost" in nothing
    assert s.coverage == round(10 / 14, 4)


@pytest.mark.parametrize(
    ("predicted", "hit"),
    [
        ("  «MANEJO  DA\nvegetação»! ", True),
        ("Manejo da vegetação.", True),
        ("“Manejo da vegetação”", True),
        ("Manejo da vegetaçao", False),
        ("Manejo de vegetação", False),
        (None, False),
    ],
)
def test_headline_normalisation(predicted: str | None, hit: bool) -> None:
    gt = page([article("A", LEFT, headline="Manejo da vegetação")], words=WORDS[:3])
    pred = page([article("A", LEFT, headline=predicted)], words=WORDS[:3])
    counts, s = run(gt, pred)
    assert counts.headline_hits == int(hit)
    assert s.headline_accuracy == (1.0 if hit else 0.0)


def test_norm_headline_nfkc_and_case() -> None:
    assert norm_headline("  The ﬁnal  WORD:  ") == "the final word"
    assert norm_headline(None) == ""


def test_null_text_fields_are_left_out_of_text_and_headline_figures() -> None:
    gt = two_articles()
    gt["items"][0]["body"] = None
    gt["items"][0]["headline"] = None
    gt["items"][1]["headline"] = None
    counts, s = run(gt, two_articles())
    assert (counts.text_n, counts.headline_n) == (1, 0)
    assert s.headline_accuracy is None
    assert s.text_similarity == 1.0
    assert s.article_f1 == 1.0  # still counted as articles


def test_bag_f1() -> None:
    assert bag_f1("the cat the hat", "The hat cat") == pytest.approx(2 * 1 * 0.75 / 1.75)
    assert bag_f1("", "") == 1.0
    assert bag_f1("a", "b") == 0.0


def test_hungarian_matching_beats_greedy() -> None:
    iou = np.array([[0.9, 0.8], [0.85, 0.0]])
    assert sorted(match_articles(iou)) == [(0, 1), (1, 0)]
    assert match_articles(np.array([[0.49]])) == []
    assert match_articles(np.zeros((0, 3))) == []


def test_word_goes_to_first_item_holding_its_centre() -> None:
    words = words_from_json([word(100, 100, "ab"), word(950, 950, "zz")])
    items = page_from_json(page([article("x", [[0, 0, 200, 200]]), article("y", [[0, 0, 300, 300]])])).items
    assert assign(words, items) == [0, -1]


def test_page_without_words_has_mass_one_and_bcubed_zero() -> None:
    gt = page([article("A", LEFT)], words=[])
    counts = score_page(page_from_json(gt), page_from_json(gt), [])
    assert counts.mass == 1.0
    assert summarize([counts]).bcubed_f1 == 0.0


def test_corpus_figures_are_micro_averaged() -> None:
    perfect, _ = run(two_articles(), two_articles())
    missing, _ = run(two_articles(), None)
    s = summarize([perfect, missing])
    # 2 found of 2 predicted and 4 true: P 1, R 0.5 -> F1 2/3 (not the mean of page F1s, 0.5)
    assert (s.article_precision, s.article_recall, s.article_f1) == (1.0, 0.5, round(2 / 3, 4))
    assert s.pages == 2


def test_contamination_counts_every_kind_of_noise_but_not_photos_or_background() -> None:
    words = [word(100, 10, "Daily"), word(100, 100, "aaaa"), word(100, 460, "SALE"), word(100, 700, "zz")]
    gt = page(
        [
            other("m", "masthead", [[50, 0, 400, 40]]),
            article("A", LEFT),
            other("ad", "advert", [[50, 450, 400, 500]]),
        ],
        words=words,
    )
    pred = page([article("all", [[0, 0, 500, 800]])], words=words)
    counts, s = run(gt, pred)
    # "Daily" (masthead) and "SALE" (advert) are noise; "zz" lies in no item of the truth
    assert (counts.chars_in_pred_articles, counts.contaminated_chars) == (15, 9)
    assert s.contamination == round(9 / 15, 4)


def test_text_similarity_normalises_by_the_longer_text() -> None:
    gt = page([article("A", LEFT, body="one two")], words=WORDS[:3])
    pred = page([article("A", LEFT, body="one  two\nthree")], words=WORDS[:3])
    _, s = run(gt, pred)
    # "one two" vs "one two three": 6 insertions over 13 characters
    assert s.text_similarity == round(1 - 6 / 13, 4)
    assert s.bag_of_words_f1 == round(2 * (2 / 3) * 1 / (2 / 3 + 1), 4)
