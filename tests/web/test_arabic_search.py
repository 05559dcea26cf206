"""Arabic search through the reader (Django's test client, a real site and index): the results page, its
JSON, and an article opened from a result mark the words as printed, prefix, tatweel and marks included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client

from broadsheet.web.testing import SampleArticle
from tests.search.conftest import publish_edition

HEADLINE = "الجزائر تستضيف القمة العربية"
BODY = "وصل الوزيرُ إلى الجزائـــر يوم ٢٠٢٤/٣/١٥ للمشاركة في القمة."


@pytest.fixture
def client(site: Path, tmp_path: Path) -> Client:
    publish_edition(tmp_path, "al-khabar", "2025-03-15", [[SampleArticle(HEADLINE, BODY)]])
    return Client()


def _article_url() -> str:
    from broadsheet.editions.models import Article

    article = Article.objects.get(headline=HEADLINE)
    return f"/al-khabar/2025-03-15/article/{article.key}"


def test_results_page_and_json_find_the_word_without_its_article(client: Client) -> None:
    html = client.get(f"/search/?q={quote('جزائر')}").content.decode()
    assert "<mark>الجزائر</mark> تستضيف القمة العربية" in html
    assert "إلى <mark>الجزائـــر</mark> يوم" in html
    data = client.get(f"/search.json?q={quote('بالجزائر ٢٠٢٤')}").json()
    assert data["total"] == 1
    assert "<mark>٢٠٢٤</mark>" in data["hits"][0]["snippet_html"]


def test_article_opened_from_a_result_marks_the_words_as_printed(client: Client) -> None:
    html = client.get(f"{_article_url()}/?q={quote('جزائر وزير')}").content.decode()
    assert "<mark>الجزائر</mark> تستضيف" in html
    assert "وصل <mark>الوزيرُ</mark> إلى <mark>الجزائـــر</mark> يوم" in html
    data = client.get(f"{_article_url()}.json?q={quote('الجزاير')}").json()
    assert data["highlight"]["title"] == ["", "الجزائر", " تستضيف القمة العربية"]
    assert data["highlight"]["paragraphs"][0][1::2] == ["الجزائـــر"]
