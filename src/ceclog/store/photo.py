"""A photo of a page made plain before OCR when its light is uneven: grey, its light made
even (a lamp's warm fall-off across the page, a scanner lid's shadow).  tesseract binarises a
page with one threshold; on an unevenly lit photo that threshold loses the dim side's words, or
cuts a value short where the light falls off ("Moisture Ma").

The page's own light is estimated at an eighth of its size, where a letter's strokes are thinner
than a pixel or two: the brightest value around each point (the paper) there, spread back over
the page; each pixel is then read as its share of the paper's light under it.  The light is
never taken as darker than half the page's paper: a dark band printed on the page (a banner
with its name in white) stays darker than its letters, as no shadow is.  Only Pillow (no numpy),
in a few tenths of a second for a 300-dpi page.

Not done: cutting a phone photo to its paper.  A table around the page is told from a shadow
or a dark banner over the page's edge only by its grain, and a cut that takes a banner with the
school's name loses more than the table's junk lines cost."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

SCALE = 8  # the light is estimated at 1/SCALE of the page's size
LOG_K = 255 / math.log(255)
WHITE = 0.9  # a pixel with this share of the paper's light or more is paper
DARKEST = 0.5  # the light under any point: at least this share of the page's paper
EVEN = 0.7  # a page whose dimmer paper gets this share of the brightest's light is left as it is
PAPER = 0.95  # the page's paper: the grey this share of the page is darker than


def _logs() -> list[int]:
    """A table of k*ln(v) for grey levels (k fits ln 255 to 255): dividing by the paper's
    light is subtracting logarithms, which Pillow does on two images without numpy."""
    return [round(LOG_K * math.log(max(v, 1))) for v in range(256)]


def _back() -> list[int]:
    """From 255 + k*ln(pixel/light) back to a grey: the share of the paper's light a pixel
    has, the paper's own grain (above WHITE of it) made white."""
    return [min(255, round(255 * math.exp((d - 255) / LOG_K) / WHITE)) for d in range(256)]


def paper_grey(small: Image) -> int:
    """The grey of the page's paper: the level PAPER of its pixels are darker than."""
    histogram = small.histogram()
    count, total = 0, sum(histogram)
    for level, n in enumerate(histogram):
        count += n
        if count >= PAPER * total:
            return level
    return 255


def _share_lit(light: Image, floor: int) -> float:
    """How much light the page's dimmer part gets, as a share of its brightest: the paper's
    light (above the floor: a table around it is at the floor) at its 10th percentile over its
    95th."""
    histogram = light.histogram()[floor + 1 :]
    total = sum(histogram)
    if total == 0:
        return 1.0
    levels: list[int] = []
    count = 0
    for level, n in enumerate(histogram, floor + 1):
        count += n
        while len(levels) < 2 and count >= (0.10, 0.95)[len(levels)] * total:
            levels.append(level)
    return levels[0] / max(levels[1], 1)


def plain(image: Image) -> Image | None:
    """The page grey, its light made even (see the module's note); None when its light is even
    already (its dimmest paper gets EVEN of the brightest's light or more): tesseract reads
    such a page as it is, and evening it out only changes what it makes of a table's rules."""
    from PIL import Image as Pil
    from PIL import ImageChops, ImageFilter

    grey = image.convert("L")
    small = grey.reduce(SCALE) if min(grey.size) >= SCALE else grey
    floor = round(DARKEST * paper_grey(small))
    light = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.MinFilter(3))
    light = light.filter(ImageFilter.BoxBlur(2)).point(lambda v: max(v, floor))
    if _share_lit(light, floor) >= EVEN:
        return None
    light = light.resize(grey.size, Pil.Resampling.BILINEAR)
    logs = _logs()
    ratio = ImageChops.subtract(grey.point(logs), light.point(logs), offset=255)
    return ratio.point(_back())
