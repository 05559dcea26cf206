"""The interface language through Django's test client: the paper's language by default, the reader's
choice over it, every visible word translated, dates and digits, and no page cached in one language served
in another."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from broadsheet.web.testing import publish_sample, sample_pages

URDU = "/urdu-daily/2025-04-20"
ARABIC = "/arabic-daily/2025-04-20"
ENGLISH = "/the-test-gazette/2025-04-20"
PUBLICATIONS = ("Urdu Daily", "Arabic Daily", "The Test Gazette")
COOKIE = "broadsheet_language"
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def client(site: Path, tmp_path: Path) -> Client:
    """An Urdu, an Arabic and an English paper (the sample's English text, filed under each language)."""
    publish_sample(tmp_path, "urdu-daily", language="ur")
    publish_sample(tmp_path, "arabic-daily", language="ar")
    publish_sample(tmp_path, "the-test-gazette")
    return Client()


def _get(client: Client, url: str, choice: str | None = None) -> tuple[str, str, str]:
    """The page's ``<html lang dir>`` and its text, asked for with the reader's choice of language, if any."""
    client.cookies.clear()
    if choice is not None:
        client.cookies[COOKIE] = choice
    response = client.get(url)
    assert response.status_code in (200, 404), url
    html = response.content.decode()
    match = re.search(r'<html lang="(\w+)" dir="(\w+)">', html)
    assert match is not None, url
    return match[1], match[2], html


def test_a_page_showing_a_paper_is_in_the_papers_language(client: Client) -> None:
    for url in [f"{URDU}/", f"{URDU}/page/1/", f"{URDU}/article/1-a1/", "/urdu-daily/"]:
        lang, direction, html = _get(client, url)
        assert (lang, direction) == ("ur", "rtl"), url
        assert "سابقہ مطالعہ" in html and "History" not in html, url
    lang, direction, html = _get(client, f"{ARABIC}/page/1/")
    assert (lang, direction) == ("ar", "rtl") and "سجل القراءة" in html and "مسح السجل" in html
    for url in ["/", "/search/?q=ferries", f"{ENGLISH}/", f"{ENGLISH}/page/1/", "/the-test-gazette/"]:
        lang, direction, html = _get(client, url)
        assert (lang, direction) == ("en", "ltr") and "Clear History" in html, url
        assert not ARABIC_SCRIPT.search(html.split('<form class="languages"')[0]), url


def test_the_readers_choice_wins_and_the_paper_keeps_its_own_language(client: Client) -> None:
    lang, direction, html = _get(client, f"{URDU}/page/1/", "en")
    assert (lang, direction) == ("en", "ltr") and "Clear History" in html
    # the paper's text and page order stay Urdu, right to left
    assert '<article class="story" id="panel-article" lang="ur" dir="rtl">' in html
    assert '<nav class="strip" aria-label="Pages" dir="rtl">' in html
    lang, _, html = _get(client, f"{ENGLISH}/", "ar")
    assert lang == "ar" and "في هذا العدد" in html and '<ul class="contents" lang="en" dir="ltr">' in html
    assert _get(client, "/search/", "ur")[:2] == ("ur", "rtl")
    assert _get(client, f"{URDU}/", "fr")[0] == "ur"  # not one of ours: as if none was chosen


def test_no_cached_page_is_served_in_another_language(client: Client) -> None:
    """The page cache keeps a page per build *and* per choice: asked in turn without a choice, in English, in
    Arabic and without one again, each is in its own language, and every page says it varies by the cookie."""
    for url in [f"{URDU}/", f"{URDU}/page/1/", f"{ENGLISH}/page/1/"]:
        paper = "ur" if url.startswith(URDU) else "en"
        seen = {}
        for choice, expected in [(None, paper), ("en", "en"), ("ar", "ar"), ("ur", "ur"), (None, paper), ("en", "en")]:
            client.cookies.clear()
            if choice:
                client.cookies[COOKIE] = choice
            response = client.get(url)
            assert response["Content-Language"] == expected, (url, choice)
            assert response["Vary"] == "Cookie", url
            assert f'<html lang="{expected}"' in response.content.decode(), (url, choice)
            seen.setdefault(expected, response["ETag"])
            assert seen[expected] == response["ETag"], (url, choice)  # the same page again, from the cache
            again = client.get(url, headers={"If-None-Match": response["ETag"]})
            assert again.status_code == 304 and again["Vary"] == "Cookie"
        assert len(set(seen.values())) == len(seen), url  # one page per language, told apart by their ETags
    assert "Vary" not in client.get(f"{URDU}/page/1.json")  # data, not words: the same in every language


def test_the_switch_keeps_the_choice_in_a_cookie_and_returns_to_the_page(client: Client) -> None:
    response = client.post("/language", {"language": "ur", "next": "/search/?q=ferries"})
    assert response.status_code == 302 and response["Location"] == "/search/?q=ferries"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "ur" and int(cookie["max-age"]) >= 365 * 24 * 3600 and cookie["samesite"] == "Lax"
    assert client.get("/search/?q=ferries").headers["Content-Language"] == "ur"
    elsewhere = client.post("/language", {"language": "ar", "next": "https://elsewhere.example/"})
    assert elsewhere["Location"] == "/"  # never a way out of the site
    client.cookies.clear()
    assert COOKIE not in client.get("/language?language=ar&next=/").cookies  # only a POST changes it
    # every page's switch posts there and comes back to the page it is on, with the parameters it reads
    html = _get(client, "/search/?q=ferries&utm_source=x")[2]
    assert '<form class="languages" method="post" action="/language"' in html
    assert '<input type="hidden" name="next" value="/search/?q=ferries">' in html
    assert 'value="ur" lang="ur" dir="auto">اردو</button>' in html
    assert 'value="en" lang="en" dir="auto" aria-current="true">English</button>' in html


def test_a_cached_page_is_rendered_from_no_ones_parameters(client: Client) -> None:
    _get(client, f"{URDU}/page/1/?utm_source=mail&page=9")  # the first request fills the cache
    html = _get(client, f"{URDU}/page/1/")[2]
    assert f'name="next" value="{URDU}/page/1/"' in html and "utm_source" not in html


def test_staff_pages_stay_in_english(client: Client) -> None:
    client.cookies[COOKIE] = "ar"
    for url in ["/staff/login/", "/staff/admin/login/"]:
        html = client.get(url).content.decode()
        assert not ARABIC_SCRIPT.search(html), url


def test_errors_and_messages_are_in_the_readers_language(client: Client) -> None:
    client.cookies[COOKIE] = "ur"
    missing = client.get("/no-such-paper/")
    assert missing.status_code == 404 and "صفحہ نہیں ملا" in missing.content.decode()
    bad = client.get("/search/?q=x&from=nope")
    assert bad.status_code == 400 and "from کوئی تاریخ ہونی چاہیے، جیسے 2025-04-20" in bad.content.decode()
    client.cookies[COOKIE] = "ar"
    assert "page" in client.get("/search.json?q=x&page=0").json()["error"]  # the parameter's name, as typed
    assert "يجب أن يكون page عددًا صحيحًا" in client.get("/search.json?q=x&page=0").json()["error"]


def test_dates_have_the_languages_month_names_and_digits(client: Client) -> None:
    """Arabic writes numbers in Arabic-Indic digits, Urdu in Western ones (as CLDR and the browser's Intl)."""
    html = _get(client, "/arabic-daily/")[2]
    assert "الأحد ٢٠ أبريل ٢٠٢٥" in html or "الأحد ٢٠ إبريل ٢٠٢٥" in html
    calendar = html.split('<table class="calendar">')[1].split("</table>")[0]
    assert '<th scope="col">إثنين</th>' in calendar and ">٢٠</a>" in calendar and not re.search(r">[0-9]+<", calendar)
    assert "(١)</option>" in html and "صفحات" in html  # three pages: the plural for 3 to 10
    html = _get(client, "/urdu-daily/")[2]
    assert "اتوار 20 اپریل 2025" in html and ">20</a>" in html and "3 صفحات" in html
    html = _get(client, f"{URDU}/page/2/")[2]
    assert "20 اپریل 2025 · 3 میں سے صفحہ 2" in html
    html = _get(client, f"{ARABIC}/page/2/")[2]
    assert "· الصفحة ٢ من ٣" in html
    strings = json.loads(re.search(r'<script id="reader-strings" type="application/json">(.*?)</script>', html)[1])  # type: ignore[index]
    assert strings["digits"] == "٠١٢٣٤٥٦٧٨٩" and strings["months"][3] in ("أبريل", "إبريل")
    assert strings["historyEntry"] == "%(publication)s، %(date)s، الصفحة %(page)s"


class _Words(HTMLParser):
    """Text a reader sees or hears on a page (text, alt, aria-label…) outside the parts that carry a language
    of their own (``lang``: the paper's text, each language's name in the switch), the head and scripts."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
    SPOKEN = frozenset({"alt", "aria-label", "title", "placeholder"})
    UNSEEN = frozenset({"head", "script"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # open elements, and whether each is skipped
        self.words: list[str] = []

    def _skipped(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        skip = tag in self.UNSEEN or (tag != "html" and any(k == "lang" for k, _ in attrs))
        if tag not in self.VOID:
            self.stack.append((tag, skip))
        if not skip and not self._skipped():
            self.words += [v for k, v in attrs if v and k in self.SPOKEN]

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._skipped():
            self.words.append(data.strip())


# Names, not words: the site's, the papers' and their stories' (the sample's English text, which a pager's
# "Next article: …" quotes), a format, the text-size signs.
NAMES = (
    *PUBLICATIONS,
    *(a.headline for page in sample_pages() for a in page),
    "Broadsheet",
    "JSON",
    "A−",
    "A+",
)


def _untranslated(html: str) -> list[str]:
    """Latin words the interface shows outside the paper's text and the names above."""
    parser = _Words()
    parser.feed(html)
    left = []
    for words in parser.words:
        for name in NAMES:
            words = words.replace(name, "")
        if re.search(r"[A-Za-z]{2,}", words):
            left.append(words)
    return left


@pytest.mark.parametrize("choice", ["ur", "ar"])
def test_every_word_the_interface_shows_is_translated(client: Client, choice: str) -> None:
    for url in [
        "/",
        "/urdu-daily/",
        f"{URDU}/",
        f"{URDU}/page/1/?q=harbour",
        f"{ENGLISH}/page/1/",
        f"{ENGLISH}/article/1-a1/",
        f"{ENGLISH}/article/2-a1/",
        "/search/?q=harbour",
        "/search/?q=nothing-like-this",
        "/no-such-paper/",
    ]:
        lang, _, html = _get(client, url, choice)
        assert lang == choice, url
        assert _untranslated(html) == [], url
        strings = json.loads(re.search(r'id="reader-strings" type="application/json">(.*?)</script>', html)[1])  # type: ignore[index]
        words = [w for v in strings.values() for w in ([v] if isinstance(v, str) else v)]
        assert not [w for w in words if re.search(r"[A-Za-z]{2,}", re.sub(r"%\(\w+\)s", "", w))], url


def test_the_languages_are_english_urdu_and_arabic() -> None:
    assert [code for code, _ in settings.LANGUAGES] == ["en", "ur", "ar"] and settings.LANGUAGE_CODE == "en"


def test_a_papers_language_is_matched_to_an_interface_language() -> None:
    from broadsheet.web.language import supported

    assert [supported(code) for code in ("ur", "ar-EG", "AR", "ur_PK", "en-GB")] == ["ur", "ar", "ar", "ur", "en"]
    assert [supported(code) for code in ("fa", "", None, "urd")] == [None, None, None, None]


def test_the_server_error_page_is_in_the_readers_language_without_a_request(site: Path) -> None:
    """Django renders it with no request and no context processors, after something failed."""
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        html = render_to_string("500.html")
    assert '<html lang="ar" dir="rtl">' in html and "حدث خطأ" in html
    assert '<html lang="en" dir="ltr">' in render_to_string("500.html")
