"""A photo or scanned page read by the system's `tesseract` program: turned upright by its
EXIF tag, its light evened out (`store.photo`), turned a quarter when a first quick reading is
sure of few of its words and the page turned reads many more (a landscape page laid sideways on
a scanner), straightened (a tilt estimated from the quick reading's lines), then read twice
with two page segmentation modes; the second reading is what a first reading's value must agree
with before `--yes` takes it (docs/adding.md).  The two readings run side by side.

With `store.photo`, the only modules that import Pillow (import-linter holds it), and only when
a photo is read."""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ceclog.core.certificates.lines import Line, ocr_line
from ceclog.errors import InputError

if TYPE_CHECKING:
    from PIL.Image import Image

OCR_TIMEOUT = 120  # seconds for one page
TYPE_IT = 'ceclog add "TITLE" --date YYYY-MM-DD --hours H'
INSTALL = (
    "Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract; Windows: "
    "the UB Mannheim build of Tesseract, its folder added to PATH"
)
MAX_PIXELS = 60_000_000  # a letter page at 600 dpi is 34 million
MIN_TILT = 1.0  # degrees: below it a page is read as it is (tesseract copes)
MAX_TILT = 10.0  # degrees: beyond it the estimate is not trusted (a photo taken at an angle)
SURE = 70  # a word's confidence (0-100) tesseract is sure of
SIDEWAYS = 0.3  # a page with a smaller share of sure words is tried turned a quarter each way
MIN_SURE = 10  # ... and turned when that reads this many sure words, twice as many as before
MODES = ("3", "6")  # the first reading (automatic layout), the second (one block of text)


@dataclass(frozen=True)
class Readings:
    first: list[Line]
    second: list[Line] | None  # None: not read a second time (nothing is taken unasked)


def _upright(image: bytes, page: int) -> bytes:
    """The image as a person sees it: a phone's photo stored sideways with an EXIF
    orientation tag is turned upright (tesseract ignores the tag); one too large to read is
    refused before tesseract spends minutes on it."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(image)) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise InputError(
                    f"page {page} is an image of {width}x{height} pixels: too large to read",
                    hint="scan or export it at 300 dpi (a letter page is about 2550x3300 "
                    f"pixels), or type the fields: {TYPE_IT}",
                )
            if opened.getexif().get(0x0112, 1) in (1, None):
                return image
            turned = ImageOps.exif_transpose(opened)
            out = io.BytesIO()
            turned.save(out, "PNG")
            return out.getvalue()
    except InputError:
        raise
    except Exception:  # not an image Pillow opens: tesseract says what it makes of it
        return image


def read_page(image: bytes, page: int, source: Path, second: bool = True) -> Readings:
    """A page's two readings, from a straightened image; one alone unless `second` (the second
    reading is what `--yes` needs: a value is shown and asked about without it)."""
    program = shutil.which("tesseract")
    if program is None:
        raise InputError(
            f"cannot read {source.name}: the OCR program tesseract is not installed",
            where=None,
            hint=f"install it ({INSTALL}), or type the fields: {TYPE_IT}",
        )
    image = _straight(program, _upright(image, page), page)
    if not second:
        (first,) = _run(program, image, page, MODES[:1])
        return Readings(rows_of(first, page), None)
    first, other = _run(program, image, page, MODES)
    return Readings(rows_of(first, page), rows_of(other, page))


def _run(program: str, image: bytes, page: int, modes: tuple[str, ...]) -> list[str]:
    """tesseract's TSV for each page segmentation mode, the runs side by side."""
    try:
        runs = [
            subprocess.Popen(
                [program, "stdin", "stdout", "--psm", mode, "tsv"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # its threads slow two runs down
            )
            for mode in modes
        ]
    except OSError as exc:
        raise InputError(f"cannot run tesseract: {exc.strerror or exc}") from None
    out = []
    for run in runs:
        try:
            done, said = run.communicate(image, timeout=OCR_TIMEOUT)
        except subprocess.TimeoutExpired:
            for other in runs:
                other.kill()
                other.communicate()
            raise InputError(
                f"tesseract took over {OCR_TIMEOUT} s on page {page}",
                hint=f"give a smaller scan, or type the fields: {TYPE_IT}",
            ) from None
        if run.returncode != 0:
            lines = said.decode(errors="replace").strip().splitlines()
            raise InputError(
                f"tesseract could not read page {page}: {lines[-1] if lines else run.returncode}",
                hint=f"give a PDF, JPEG or PNG that opens in an image viewer, or type the "
                f"fields: {TYPE_IT}",
            )
        out.append(done.decode(errors="replace"))
    return out


def tilt_of(tsv: str) -> float:
    """The page's tilt in degrees (counter-clockwise positive), the median slope of the
    baselines of tesseract's lines of three words or more; 0 when none has."""
    lines: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for text in tsv.splitlines()[1:]:
        cells = text.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        lines.setdefault(tuple(cells[1:5]), []).append((left + width / 2, top + height))
    slopes = []
    for points in lines.values():
        if len(points) < 3:
            continue
        mx = sum(x for x, _ in points) / len(points)
        my = sum(y for _, y in points) / len(points)
        sxx = sum((x - mx) ** 2 for x, _ in points)
        if sxx > 0:
            slopes.append(sum((x - mx) * (y - my) for x, y in points) / sxx)
    if not slopes:
        return 0.0
    slopes.sort()
    return -math.degrees(math.atan(slopes[len(slopes) // 2]))


def _straight(program: str, image: bytes, page: int) -> bytes:
    """The image turned by its tilt, which a quick reading of it at half size estimates (a
    tilted page's words are grouped into lines badly: a title lost its first word)."""
    from PIL import Image

    try:
        opened = Image.open(io.BytesIO(image))
        opened.load()
    except Exception:  # not an image Pillow opens: tesseract says what it makes of it
        return image
    from ceclog.store.photo import plain

    evened = plain(opened)
    page_image = opened.convert("L") if evened is None else evened
    quick = _quick(program, page_image, page)
    words, sure = sure_words(quick)
    quarter = 0
    if sure < SIDEWAYS * words:  # few words read surely: a page laid sideways on the scanner?
        for angle in (90, 270):
            other = _quick(program, page_image.rotate(angle, expand=True), page)
            if sure_words(other)[1] >= max(2 * sure, MIN_SURE):
                quick, sure, quarter = other, sure_words(other)[1], angle
        if quarter:
            page_image = page_image.rotate(quarter, expand=True)
    tilt = tilt_of(quick)
    if not MIN_TILT <= abs(tilt) <= MAX_TILT:
        if evened is None and not quarter:
            return image  # read as it is
        turned = page_image
    else:
        turned = page_image.rotate(
            -tilt, resample=Image.Resampling.BILINEAR, fillcolor=255, expand=True
        )
    out = io.BytesIO()
    turned.save(out, "PPM")
    return out.getvalue()


def _quick(program: str, image: Image, page: int) -> str:
    """A quick first reading (automatic layout) of the image at half size."""
    small = image.resize((max(1, image.width // 2), max(1, image.height // 2)))
    buffer = io.BytesIO()
    small.save(buffer, "PPM")  # uncompressed: PNG takes longer to write than to read
    (quick,) = _run(program, buffer.getvalue(), page, ("3",))
    return quick


def sure_words(tsv: str) -> tuple[int, int]:
    """How many words a reading found, and how many of them it is sure of: read with a
    confidence of SURE or more and three letters or more (on a page turned a quarter, the
    letters' sideways strokes are read as a few short words tesseract is unsure of)."""
    words = sure = 0
    for text in tsv.splitlines()[1:]:
        cells = text.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        words += 1
        if float(cells[10]) >= SURE and sum(c.isalpha() for c in cells[11]) >= 3:
            sure += 1
    return words, sure


def rows_of(tsv: str, page: int) -> list[Line]:
    """tesseract's words grouped into the rows they sit on, left to right.  Its own lines
    follow a tilted photo's slope, so they are kept whole; lines of one row (its blocks split a
    row's columns apart) are joined when their centres are within half a text height.  A gap
    wider than the text is high marks a new column."""
    lines: dict[tuple[str, ...], list[tuple[float, float, float, float, float, str]]] = {}
    now: dict[tuple[str, ...], tuple[str, ...]] = {}  # tesseract's line: the part being read
    for text in tsv.splitlines()[1:]:
        cells = text.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        word = (top + height / 2, height, left, left + width, float(cells[10]), cells[11])
        key = now.setdefault(tuple(cells[1:5]), (*cells[1:5], "0"))
        prev = lines[key][-1] if key in lines else None
        if prev is not None and abs(word[0] - prev[0]) > max(word[1], prev[1]):
            key = now[tuple(cells[1:5])] = (*cells[1:5], str(len(lines)))  # another row
        lines.setdefault(key, []).append(word)
    ordered = sorted(lines.values(), key=lambda ws: sum(w[0] for w in ws) / len(ws))
    rows: list[list[tuple[float, float, float, float, float, str]]] = []
    for words in ordered:
        centre = sum(w[0] for w in words) / len(words)
        if rows:
            last = sum(w[0] for w in rows[-1]) / len(rows[-1])
            height = max(w[1] for w in rows[-1] + words)
            if abs(centre - last) <= 0.5 * height:
                rows[-1] += words
                continue
        rows.append(list(words))
    out = []
    for number, row in enumerate(rows, 1):
        row.sort(key=lambda w: w[2])
        height = sorted(w[1] for w in row)[len(row) // 2]
        parts = [
            (w[5], w[4], i > 0 and w[2] - row[i - 1][3] > 1.2 * height) for i, w in enumerate(row)
        ]
        out.append(ocr_line(page, number, parts))
    return out
