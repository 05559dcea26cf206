"""Arabic-script search: letter variants, tatweel, marks, joiners, digits and prefixes folded alike in the
index and the query, with the hits marked in the text as written. Real Arabic and Urdu, a real index."""

from __future__ import annotations

import pytest

from broadsheet.search import SearchQuery, get_backend, parse_terms
from broadsheet.search.arabic import Folded, fold_text, forms
from broadsheet.web.testing import SampleArticle
from tests.search.conftest import Publish

SUMMIT = "الجزائر تستضيف القمة العربية"
SCHOOL = "أخبار المدرسة"
RAIN = "لاہور میں بارش"
BOOKS = "معرض الكتاب"


@pytest.fixture
def archive(publish: Publish) -> None:
    publish(
        "al-khabar",
        "2025-03-15",
        [
            [
                SampleArticle(
                    SUMMIT,
                    "وصل الوزيرُ إلى الجزائـــر يوم ٢٠٢٤/٣/١٥ للمشاركة في القمة. وقال إن فلسطين في قلب المناقشات.",
                ),
                SampleArticle(SCHOOL, "افتتحت مدرسة جديدة في بغداد بحضور ١٢٠ طالباً."),
                SampleArticle(BOOKS, "زار آلاف القراء المعرض هذا العام، واشترى كثيرون كتبًا بالعربية."),
            ]
        ],
    )
    publish(
        "jang-lahore",
        "2025-03-16",
        [[SampleArticle(RAIN, "وزیر اعلیٰ نے کہا کہ شہر میں ۲۰۲۴ کی سب سے تیز بارش ہوئی۔ اس کے لئے تیاری کی گئی۔")]],
    )


def search(text: str) -> list[str]:
    from broadsheet.editions.models import Article

    hits = get_backend().search(SearchQuery(text)).hits
    return sorted(Article.objects.get(id=h.article_id).headline for h in hits)


def test_a_word_is_found_with_and_without_the_article_and_its_prefixes(archive: None) -> None:
    for query in ("جزائر", "الجزائر", "بالجزائر", "والجزائر", "للجزائر", "وبالجزائر"):
        assert search(query) == [SUMMIT], query
    assert search("عربية") == search("بالعربية") == [SUMMIT, BOOKS]  # "العربية" and "بالعربية"


def test_one_letter_clitics_are_a_second_form_not_a_replacement(archive: None) -> None:
    assert search("وفلسطين") == search("فلسطين") == [SUMMIT]
    assert search("وزير") == [SUMMIT, RAIN]  # Arabic "الوزيرُ" and Urdu "وزیر"
    assert search("زير") == []  # neither is taken for a word "زير"
    assert search("كتاب") == search("وكتاب") == [BOOKS]


def test_letter_variants_tatweel_and_marks_are_folded_in_the_index_and_the_query(archive: None) -> None:
    for query in ("الجزاير", "الجزائـــر", "الجَزائِر", "اَلْجَزَائِرُ", "ﺍﻟﺠﺰﺍﺋﺮ"):  # the last in presentation forms
        assert search(query) == [SUMMIT], query
    assert search("اخبار") == search("إخبار") == [SCHOOL]
    assert search("مدرسه") == search("المدرسة") == [SCHOOL]
    assert search("لاهور") == search("لاہور") == [RAIN]  # Arabic heh for Urdu heh goal
    assert search("ليي") == search("لیے") == [RAIN]  # "لئے" and "لیے" are one word in Urdu typing


def test_arabic_indic_and_eastern_digits_are_ascii(archive: None) -> None:
    assert search("2024") == [SUMMIT, RAIN]
    assert search("٢٠٢٤") == search("۲۰۲۴") == [SUMMIT, RAIN]
    assert search("120") == [SCHOOL]


def test_phrases_fold_their_words_and_keep_their_order(archive: None) -> None:
    assert search('"القمة العربية"') == search('"قمة عربية"') == [SUMMIT]
    assert search('"تستضيف القمة العربية"') == [SUMMIT]
    assert search('"العربية القمة"') == []
    assert search('"تیز بارش"') == [RAIN]


def test_urdu_words_keep_their_first_letters(archive: None) -> None:
    assert search("بارش") == [RAIN]
    assert search("زیر") == []  # "وزیر" is one Urdu word, not و + زیر


def test_hits_are_marked_whole_as_written(archive: None) -> None:
    hit = get_backend().search(SearchQuery("جزائر")).hits[0]
    assert hit.headline_html == "<mark>الجزائر</mark> تستضيف القمة العربية"
    assert "إلى <mark>الجزائـــر</mark> يوم" in hit.snippet_html
    hit = get_backend().search(SearchQuery("وزير 2024", publication="al-khabar")).hits[0]
    assert "وصل <mark>الوزيرُ</mark> إلى" in hit.snippet_html and "<mark>٢٠٢٤</mark>/٣/١٥" in hit.snippet_html
    hit = get_backend().search(SearchQuery('"قمة عربية"')).hits[0]
    assert hit.headline_html == "الجزائر تستضيف <mark>القمة</mark> <mark>العربية</mark>"
    hit = get_backend().search(SearchQuery("لیے")).hits[0]
    assert "اس کے <mark>لئے</mark> تیاری" in hit.snippet_html


def test_forms_fold_variants_and_take_prefixes_off_lightly() -> None:
    assert forms("الجزائـــر") == forms("جزائر") == forms("وبالجزائر") == forms("للجزائر") == ("جزاير",)
    assert forms("كَتَبَ") == ("كتب",)
    assert forms("مدرسة") == forms("مدرسہ") == ("مدرسه",)
    assert forms("إسلام") == forms("أسلام") == forms("ٱسلام") == ("اسلام",)
    assert forms("مستشفى") == forms("مستشفي") == forms("مستشفی") == ("مستشفي",)
    assert forms("الله") == forms("بالله")[1:] == ("الله",)  # never "له": three letters must stay
    assert forms("وزير") == ("وزير", "زير") and forms("وزیر") == ("وزير",)  # Urdu: no clitics
    assert forms("بالکل") == ("بالكل",)  # Urdu "completely", not ب + ال + کل
    assert forms("کہا") != forms("کھا")  # Urdu's aspirate heh is its own letter
    assert forms("٢٠٢٤") == forms("۲۰۲۴") == ("2024",)
    assert forms("می\u200cخواهم") == ("ميخواهم",)
    assert forms("\u064b\u0640") == ()


def test_text_outside_arabic_script_is_left_to_tantivy() -> None:
    text = "Café «Zürich» 2024 — naïve"
    assert fold_text(text) is text and Folded.of(text).text is text
    assert fold_text("في الجزائر، 2024 Algiers", every_form=False) == "في جزاير، 2024 Algiers"
    assert fold_text("وزير") == "وزير زير"


def test_folded_offsets_lead_back_to_the_words_as_written() -> None:
    text = "Hi بالجزائـــر، و ٢٠٢٤ end"
    folded = Folded.of(text)
    assert folded.text == "Hi جزاير، و 2024 end"

    def original(word: str) -> str:
        start = folded.text.encode().index(word.encode())
        a, b = folded.original(start, start + len(word.encode()))
        return text.encode()[a:b].decode()

    assert [original(w) for w in ("Hi", "جزاير", "و", "2024", "end")] == ["Hi", "بالجزائـــر", "و", "٢٠٢٤", "end"]


def test_query_words_keep_their_marks_and_joiners() -> None:
    assert parse_terms("كَتَبَ می\u200cخواهم") == ["كَتَبَ", "می\u200cخواهم"]
