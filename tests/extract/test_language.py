"""A page's language and direction, guessed from its text."""

from __future__ import annotations

from broadsheet.extract.language import guess_direction, guess_language


def test_a_script_one_language_mostly_writes_is_that_language() -> None:
    """Regression (a Hindi weekly read by OCR): its text, all Devanagari, was given no language."""
    assert guess_language("नगर परिषद ने मंगलवार को नए पुल की योजना पर चर्चा की। " * 5) == "hi"
    assert guess_language("නගර සභාව අඟහරුවාදා නව පාලම ගැන සාකච්ඡා කළේය. " * 5) == "si"
    assert guess_direction("नगर परिषद ने मंगलवार को नए पुल की योजना पर चर्चा की।") == "ltr"


def test_latin_and_arabic_script_pages_keep_their_own_rules() -> None:
    assert guess_language("The council said that the plans for the bridge and the road are on hold. " * 3) == "en"
    assert guess_language("قال المجلس إن خطة الجسر الجديد ستعرض على اللجنة الشهر المقبل") == "ar"
    assert guess_language("Mumbai 2024 " * 3) is None
