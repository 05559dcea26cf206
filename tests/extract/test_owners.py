"""Which headline a block belongs to (``broadsheet.extract.owners``), where the column alone would
not say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, story
from tests.pdfs import column, text_at


@pytest.mark.parametrize(
    ("last_line", "font"),
    [("Continued on page 6", "Times-BoldItalic"), ("By David Langley", "Helvetica-Bold")],
    ids=["jump", "byline"],
)
def test_the_line_ending_a_story_at_the_foot_of_its_short_last_column_is_the_storys(
    tmp_path: Path, last_line: str, font: str
) -> None:
    """Regression (Chromium-printed daily pages, seeds 62 and 70): a story's last column ran short,
    and the jump line (or its writer's name) that ends it was set at the story's foot, level with the
    end of its other columns: the white over it in its column cut it off from the story, and it was
    an untitled story of its own."""
    x0, x1, x2 = COLUMNS
    lines = 30
    foot = 80 + lines * 10.8
    result = extract_drawn(
        tmp_path,
        text_at(x0, 40, "Bridge Plan Goes Before the Board", "Helvetica-Bold", 26),
        column(x0, 80, WIDTH, lines, seed=1),
        column(x1, 80, WIDTH, lines, seed=2),
        column(x2, 80, WIDTH, 12, seed=3, full_stop=True),
        text_at(x2 + 20, foot + 4, last_line, font, 8),
        *story(foot + 40, "Ferry Fares Rise Again", lines=10),
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes Before the Board")
    assert any(region[3] > foot for region in bridge.regions)
    assert len(articles(result)) == 2


def test_a_story_does_not_run_on_past_its_jump_line_to_another_page(tmp_path: Path) -> None:
    """Regression (fresh generated German and French daily pages, seed 3115 page 2): a lead ending
    at the foot of its last column in "Weiter auf Seite 3", the next story's photo beside that
    story's headline across the columns under it: the text under the photo in the last column went
    to the lead, whose headline was the nearest over that column."""
    _, result = generated_page(tmp_path, 2, seed=3115, daily=True, language="de")
    story = next(a for a in articles(result) if a.headline == "Einen Plan zum Wiederaufbau")
    assert "Nach Angaben der Behörden verschob der Verkehrsminister neue Radwege" in (story.body or "")
