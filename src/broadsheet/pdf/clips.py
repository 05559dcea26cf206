"""What a text object's clipping path lets show.

A text layer holds every glyph a page draws, shown or not: the copy of an advert placed in a frame
that crops it, or an earlier version of a caption left behind a clipped frame, is read like any other
text (Civil Chronicles p9 repeated a caption's words, as its hidden draft had them, in a story's body).
A glyph whose centre lies outside the box its object's clipping path allows is not on the page.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

import numpy as np

from broadsheet.pdf import calls
from broadsheet.pdf.matrices import Matrix, mapped

UNCLIPPED = (-math.inf, -math.inf, math.inf, math.inf)
# A clip path of more segments than this is not followed (taken as no clip): a frame's is a few
# segments, and a hostile file's path of millions would be read point by point for each object.
MAX_CLIP_SEGMENTS = 256


def clip_boxes(objects: list[Any], placed: list[Matrix | None] | None = None) -> np.ndarray:
    """For each page object (a pointer argument), the box in page user space that its clipping path
    lets show — the bounds of its paths, intersected (a clip of several paths shows where they all
    do) — or :data:`UNCLIPPED`. ``placed``: each object's forms' matrix, for an object inside a form
    XObject, whose clip is in the form's space."""
    boxes = np.tile(np.array(UNCLIPPED, dtype=np.float64), (len(objects), 1))
    clips = calls.call_each(calls.GET_CLIP_PATH, objects)
    clipped = [k for k, clip in enumerate(clips) if clip]
    counts = calls.call_each(calls.COUNT_CLIP_PATHS, calls.pointers(clips[k] for k in clipped))
    for k, paths in zip(clipped, counts, strict=True):
        form = placed[k] if placed else None
        for path in range(max(paths, 0)):
            box = _path_box(clips[k], path)
            if box is not None:
                box = mapped(box, form) if form is not None else box
                boxes[k, :2] = np.maximum(boxes[k, :2], box[:2])
                boxes[k, 2:] = np.minimum(boxes[k, 2:], box[2:])
    return boxes


def _path_box(clip: int, path: int) -> tuple[float, float, float, float] | None:
    """The bounds of one path of a clip (its points': a curve's control points bound it too)."""
    handle = calls.pointer(clip)
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    xs, ys = [], []
    segments = calls.COUNT_CLIP_SEGMENTS(handle, path)
    if segments > MAX_CLIP_SEGMENTS:
        return None
    for s in range(max(segments, 0)):
        segment = calls.GET_CLIP_SEGMENT(handle, path, s)
        if segment and calls.GET_SEGMENT_POINT(calls.pointer(segment), at_x, at_y):
            xs.append(x.value)
            ys.append(y.value)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None
