"""A phone's photo of a certificate made plain before OCR (`store.photo`): the lamp's uneven
light evened out; OCR's readings of the word IICRC that lost one of its I's read as the word;
a code under a "Course" heading is no title.  Images are drawn here with Pillow, small and fast; the
one read by the real tesseract is marked slow."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import cert_fixtures as fx
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from ceclog.core.certificates.lines import ocr_line
from ceclog.store.photo import plain
from conftest import Ceclog, make_ledger

ROWS = [
    ("Harbor Drying School", 60, None),
    ("Certificate of Completion", 60, None),
    ("Course Title:", 40, "Moisture Mapping Basics"),
    ("Date Completed:", 40, "05/21/2026"),
    ("CEC Hours:", 40, "7"),
    ("IICRC Approval #:", 40, "26-3318"),
]


def _page(width: int = 1500, height: int = 1100) -> Image.Image:
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    y = 90
    for label, size, value in ROWS:
        font = fx._font(size)
        if value is None:
            w = draw.textlength(label, font=font)  # type: ignore[arg-type]
            draw.text(((width - w) / 2, y), label, fill=20, font=font)  # type: ignore[arg-type]
            y += 90
        else:
            draw.text((150, y), label, fill=20, font=font)  # type: ignore[arg-type]
            draw.text((700, y), value, fill=20, font=font)  # type: ignore[arg-type]
            y += 75
    return page


def _on_table(page: Image.Image, dim: float, tilt: float = 2.0, seed: int = 1) -> Image.Image:
    """The page lying on a streaky dark table, 200 pixels of it around the page, turned a
    little, lit from the left: the right side gets `dim` less light; blurred, noisy."""
    rng = random.Random(seed)
    width, height = page.width + 400, page.height + 400
    table = Image.new("L", (width, height), 90)
    draw = ImageDraw.Draw(table)
    for x in range(0, width, 14):
        draw.line([(x, 0), (x + 40, height)], fill=70 + rng.randint(0, 30), width=5)
    table.paste(page, (200, 200))
    table = table.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=80)
    light = Image.linear_gradient("L").rotate(90).resize((width, height))
    light = light.point(lambda v: int(255 * (1 - dim * v / 255)))
    lit = ImageChops.multiply(table, light).filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    return Image.blend(lit, noise, 0.08)


def test_a_dark_band_printed_on_the_page_keeps_its_white_letters() -> None:
    """A banner darker than half the paper is no shadow: its white letters stay lighter."""
    page = Image.new("L", (800, 400), 240)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 800, 120), fill=50)  # a dark band across the top
    draw.rectangle((300, 50, 500, 70), fill=240)  # a white stroke on it
    light = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 255 - v // 2)
    out = plain(ImageChops.multiply(page, light))
    assert out is not None
    assert out.getpixel((400, 60)) == 255
    assert out.getpixel((100, 60)) < 150  # the band: grey, darker than its letter
    assert out.getpixel((400, 300)) == 255


def test_uneven_light_is_evened_out() -> None:
    """Text and paper come out alike in the bright and the dim half: paper white, ink dark."""
    page = Image.new("L", (800, 400), 240)
    draw = ImageDraw.Draw(page)
    draw.rectangle((100, 180, 300, 200), fill=40)  # a stroke of ink in the bright half
    draw.rectangle((500, 180, 700, 200), fill=40)  # and one in the dim half
    light = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 255 - v // 2)
    lit = ImageChops.multiply(page, light)
    assert lit.getpixel((650, 100)) < 150  # the dim side's paper: darker than ink could be
    out = plain(lit)
    assert out is not None
    assert out.getpixel((150, 100)) == out.getpixel((650, 100)) == 255
    assert out.getpixel((200, 190)) < 70 and out.getpixel((600, 190)) < 70


def test_an_evenly_lit_page_is_read_as_it_is() -> None:
    """Light that falls off by less than 30% is left alone (tesseract copes with it)."""
    page = Image.new("L", (800, 400), 240)
    ImageDraw.Draw(page).rectangle((100, 180, 700, 200), fill=40)
    light = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 255 - v // 8)
    assert plain(ImageChops.multiply(page, light)) is None
    light = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 255 - v // 2)
    assert plain(ImageChops.multiply(page, light)) is not None


@pytest.mark.parametrize(
    ("read", "text"),
    [
        ("ICRC", "IICRC Approval #: 26-1177"),
        ("HCRC", "IICRC Approval #: 26-1177"),
        ("I[CRC", "IICRC Approval #: 26-1177"),
        ("lIiICRC", "IICRC Approval #: 26-1177"),
        ("CRC", "CRC Approval #: 26-1177"),  # no I read at all: not taken for it
        ("MICRC", "MICRC Approval #: 26-1177"),  # another letter: another word
        ("ICRCS", "ICRCS Approval #: 26-1177"),
    ],
)
def test_ocr_readings_of_iicrc_are_the_word(read: str, text: str) -> None:
    words = [(read, 90.0, False), ("Approval", 90.0, False), ("#:", 90.0, False)]
    line = ocr_line(1, 1, [*words, ("26-1177", 90.0, False)])
    assert line.text == text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_photo_of_a_page_on_a_table_under_a_lamp_is_read(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """Read as it was, the dim side's values were lost or cut short (the title prefilled as
    'Moisture Ma'); evened out, each is read whole."""
    out = io.BytesIO()
    _on_table(_page(), dim=0.75).convert("RGB").save(out, "JPEG", quality=65)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(out.getvalue())
    make_ledger(ledger_path)
    read = {name: f["prefilled"] for name, f in fx.fields_of(ceclog, photo).items()}
    assert read["title"] == "Moisture Mapping Basics"
    assert read["date"] == "2026-05-21"
    assert read["hours"] == "7"
    assert read["approval"] == "26-3318"


def test_a_code_under_a_course_heading_is_no_title(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """A table's heading row read badly by OCR puts "Course" over the course's code: one word
    with digits in it is a code, never a title; the row's other values are read."""
    page: fx.Page = [
        "#Lakeside Duct Academy",
        "",
        [(20, "Course"), (120, "Date"), (170, "Hours")],
        [(20, "LDA-310B"), (120, "03/14/2026"), (170, "4")],
    ]
    make_ledger(ledger_path)
    fields = fx.fields_read(ceclog, tmp_path, page)
    assert fields["title"]["prefilled"] is None
    assert fields["title"]["why_not"] == "one word with digits, a code: not a title"
    assert fields["date"]["prefilled"] == "2026-03-14"
    assert fields["hours"]["prefilled"] == "4"
