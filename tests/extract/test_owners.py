"""Which headline a block belongs to (``broadsheet.extract.owners``), where the column alone would
not say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, story
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
