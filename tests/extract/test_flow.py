"""Scans: text at a column's head, or under a story's text mid-sentence, carries that story on."""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Role
from broadsheet.extract.flow import flow_columns
from broadsheet.extract.model import ItemType
from tests.extract.scanned_blocks import text_block

RUNNING = ["the council met on tuesday and the", "road to the harbour was the first", "matter before it as the members"]


def _rank(clusters: list[Cluster]) -> dict[int, int]:
    return {id(b): k for k, b in enumerate(b for c in clusters for b in c.blocks)}


def test_text_at_the_head_of_a_column_carries_on_the_story_ending_the_column_before() -> None:
    """Regression (a Zurich paper of 1812): the top of the second column, with no heading over it,
    was an untitled article (or the story whose heading stood level with it in the first column);
    it is the story that ends at the foot of the first column."""
    first_head = text_block(80, 100, 140, ["Turkey."], Role.HEADLINE)
    first = text_block(40, 115, 200, RUNNING)
    second_head = text_block(80, 160, 140, ["Poland."], Role.HEADLINE)
    second = text_block(40, 175, 200, RUNNING * 3)
    top_of_next = text_block(215, 100, 375, RUNNING)
    clusters = [
        Cluster(ItemType.ARTICLE, [first_head, first], first_head),
        Cluster(ItemType.ARTICLE, [second_head, second], second_head),
        Cluster(ItemType.ARTICLE, [top_of_next]),
    ]
    kept = flow_columns(clusters, _rank(clusters), "ltr", [])
    assert len(kept) == 2
    assert top_of_next in kept[1].blocks and top_of_next not in kept[0].blocks


def test_text_under_a_storys_text_carries_it_on_only_mid_sentence_and_with_no_rule_between() -> None:
    """A block cut off by a table or a blot falls mid-sentence; a new item starts a new sentence,
    or stands under a rule."""
    story = text_block(40, 100, 200, RUNNING)  # ends "as the members": mid-sentence
    cut = text_block(40, 160, 200, ["resolved to build it next year.", "The mayor said so."])
    ended = text_block(40, 100, 200, ["the council met.", "It was the end."])
    new_item = text_block(40, 150, 200, ["Notice is given that the", "market opens on monday."])

    def flowed(upper: list[Cluster], rules: list[tuple[float, float, float, float]]) -> int:
        return len(flow_columns(upper, _rank(upper), "ltr", rules))

    def pair(a: object, b: object) -> list[Cluster]:
        return [Cluster(ItemType.ARTICLE, [a]), Cluster(ItemType.ARTICLE, [b])]  # type: ignore[list-item]

    assert flowed(pair(story, cut), []) == 1
    assert flowed(pair(story, cut), [(60, 150, 180, 151)]) == 2  # a rule between: two items
    assert flowed(pair(ended, new_item), []) == 2  # a full stop, then a capital: two items


def test_a_piece_whose_box_overlaps_the_story_above_it_by_a_few_pixels_does_not_head_its_column() -> None:
    """Regression (the Deseret News, 1850): OCR's box of a story's last line reached a few pixels
    into the next piece's first line, so nothing stood "above" the piece and it was carried on from
    the foot of the column before (a story of the third column went into the second column's)."""
    before = text_block(40, 100, 200, RUNNING * 4)  # the column before, its text running on
    story = text_block(215, 100, 375, ["From the New York Herald.", "The new state was founded.", "It is liberal."])
    piece = text_block(215, story.bottom - 3, 375, ["By a letter from Wales we read", "that the church has grown."])
    clusters = [
        Cluster(ItemType.ARTICLE, [before]),
        Cluster(ItemType.ARTICLE, [story]),
        Cluster(ItemType.ARTICLE, [piece]),
    ]
    kept = flow_columns(clusters, _rank(clusters), "ltr", [])
    assert not any(piece in c.blocks and before in c.blocks for c in kept)
