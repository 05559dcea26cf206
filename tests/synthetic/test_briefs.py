"""The generator's briefs (``broadsheet.synthetic.briefs``)."""

from __future__ import annotations

from broadsheet.synthetic.briefs import fit_brief_head

GERMAN = "Stadtrat beschließt Straßenbahnverlängerung nach Bürgerbeteiligungsverfahren"


def test_a_briefs_head_of_long_compounds_takes_a_third_line_not_a_size_under_the_body() -> None:
    """The generator shrank a German brief's head to fit two lines, down to 6 pt under 9 pt text: no
    paper does, and the extractor was then judged on heads smaller than their stories' text."""
    lines, size = fit_brief_head(GERMAN, "Helvetica-Bold", 11.0, 165.0, False, body=9.0)
    assert size >= 9.0
    assert " ".join(lines) == GERMAN and len(lines) == 3


def test_a_short_briefs_head_keeps_its_size_on_one_line() -> None:
    lines, size = fit_brief_head("Harbour works", "Helvetica-Bold", 11.0, 165.0, False, body=9.0)
    assert (lines, size) == (["Harbour works"], 11.0)
