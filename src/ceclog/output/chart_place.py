"""Where the progress chart's "required" label goes: on the required line, where no line of the
chart crosses it (the counted and planned lines, the pace, today and the due date), computed
from the chart's own coordinates, so the SVG (output/svg_chart.py) and the PDF
(output/pdf_chart.py) place it alike.  A chart whose credits passed the requirement early has
the counted line crossing the line's left end: the label moves right, or under the line."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

Point = tuple[float, float]
Segment = tuple[Point, Point]


class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float

    def meets(self, s: Segment) -> bool:
        """Whether the segment runs through the box (Liang-Barsky clipping)."""
        (x0, y0), (x1, y1) = s
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in (
            (-dx, x0 - self.left),
            (dx, self.right - x0),
            (-dy, y0 - self.top),
            (dy, self.bottom - y0),
        ):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True

    def overlaps(self, other: Box) -> bool:
        return not (
            other.left > self.right
            or other.right < self.left
            or other.top > self.bottom
            or other.bottom < self.top
        )


def segments(points: Sequence[Point]) -> list[Segment]:
    return list(itertools.pairwise(points))


def required_spot(
    required: float,
    lines: Sequence[Segment],
    size: tuple[float, float, float],
    gap: float,
    plot: Box,
    ceiling: float,
    avoid: Sequence[Box] = (),
) -> Point:
    """The left end and baseline of the label of the required line at height `required`:
    `size` its (width, ascent, descent) in the chart's units, `gap` from the lines, `plot` the
    plot area, `ceiling`
    the highest the label may reach.  Above the line at its left end when nothing crosses it
    there (most charts), else the first place along the line, above it then under it, where
    no line crosses the label and no box in `avoid` overlaps it; where none is free, the left
    end above the line."""
    width, ascent, descent = size
    pad = ascent * 0.15  # the lines' width
    xs = [plot.left + gap]
    for (x0, _), (x1, _) in lines:
        if x0 == x1:  # a vertical line: just to its right, just to its left
            xs += [x0 + gap, x0 - gap - width]
    xs.append(plot.right - gap - width)
    fits = [xs[0], *sorted(x for x in xs[1:] if plot.left < x and x + width < plot.right)]
    for baseline in (required - gap, required + gap + ascent):
        if baseline - ascent < ceiling or baseline + descent > plot.bottom:
            continue
        for x in fits:
            box = Box(x - pad, baseline - ascent - pad, x + width + pad, baseline + descent + pad)
            if not any(box.meets(s) for s in lines) and not any(box.overlaps(b) for b in avoid):
                return x, baseline
    return plot.left + gap, required - gap
