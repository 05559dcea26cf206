"""Search words marked in an article's text: folded like the index, escaped before marking."""

from __future__ import annotations

from broadsheet.web.highlight import Highlighter, fold


def _marker(query: str) -> Highlighter:
    marker = Highlighter.from_query(query)
    assert marker is not None
    return marker


def test_fold_removes_case_and_diacritics() -> None:
    assert fold("Crème") == fold("CREME") == "creme"
    assert fold("كَتَبَ") == "كتب"


def test_words_match_whole_and_folded() -> None:
    marker = _marker("cafe harbour")
    text = "Café owners at the harbour; harbourmaster CAFÉ."
    assert marker.segments(text) == ["", "Café", " owners at the ", "harbour", "; harbourmaster ", "CAFÉ", "."]


def test_a_phrase_is_marked_only_where_its_words_follow_each_other() -> None:
    marker = _marker('"reading room" night')
    text = "Night owls: the reading, the room, the reading room."
    assert marker.segments(text)[1::2] == ["Night", "reading room"]


def test_html_escapes_the_text_before_marking_it() -> None:
    html = _marker("script").html('<script>alert("x")</script> & more')
    assert html == "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; more"


def test_no_words_no_highlighter() -> None:
    assert Highlighter.from_query("") is None
    assert Highlighter.from_query('" ,;"') is None
    assert Highlighter.from_query(None) is None
    assert _marker("x").segments("nothing here") == ["nothing here"]
    assert _marker("harbour").finds("", "the harbour") and not _marker("harbour").finds("ferries")


def test_arabic_words_are_marked_as_written_with_and_without_their_prefixes() -> None:
    text = "وصل الوزيرُ إلى الجزائـــر، ثم بالجزائر ومنها وفلسطين. ٢٠٢٤"
    assert _marker("جزائر").segments(text)[1::2] == ["الجزائـــر", "بالجزائر"]
    assert _marker("الجزائر").segments(text)[1::2] == ["الجزائـــر", "بالجزائر"]
    assert _marker("وزير فلسطين 2024").segments(text)[1::2] == ["الوزيرُ", "وفلسطين", "٢٠٢٤"]
    assert _marker('"الي جزائر"').segments(text)[1::2] == ["إلى الجزائـــر"]


def test_urdu_words_are_marked_with_their_variants_but_keep_their_first_letters() -> None:
    text = "وزیر اعلیٰ نے کہا کہ اس کے لئے تیاری کی گئی۔ زیر غور"
    assert _marker("لیے").segments(text)[1::2] == ["لئے"]
    assert _marker("زیر").segments(text)[1::2] == ["زیر"]
    assert _marker("کھا").segments(text)[1::2] == []
