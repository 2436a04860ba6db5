"""Scans and photos as OCR reads them: a landscape page laid sideways on a scanner's bed is
turned upright; OCR's readings of "CECs" whose C's became G's, and a rule read as underscores
glued to a word; what a photo's middle dot becomes when OCR reads it as a dash between spaces
(after a date's year before the class's hours, after a firm's legal form ending its name).
Images are drawn here with Pillow; the one read by the real tesseract is marked slow."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest
from PIL import Image, ImageDraw

from ceclog.core.certificates.candidates import first_item
from ceclog.core.certificates.fields import read_certificates
from ceclog.core.certificates.lines import Line, ocr_line
from ceclog.store.certificate import load_patterns
from ceclog.store.ocr import sure_words
from conftest import Ceclog, make_ledger

HOLDER = "Dana Reyes"  # the ledger's holder (conftest.LEDGER_HEAD)


def _landscape() -> Image.Image:
    """A landscape certificate, centred lines, at 300 dpi (11 x 8.5 inches)."""
    page = Image.new("L", (3300, 2550), 250)
    draw = ImageDraw.Draw(page)
    y = 400
    for text, size in [
        ("Bluewater Drying Academy", 90),
        ("Certificate of Completion", 80),
        ("Course Title: Structural Drying Essentials", 60),
        ("Date Completed: 09/17/2026", 60),
        ("CEC Hours: 14", 60),
        ("IICRC Approval #: 26-4471", 60),
    ]:
        font = fx._font(size)
        width = draw.textlength(text, font=font)  # type: ignore[arg-type]
        draw.text(((page.width - width) / 2, y), text, fill=25, font=font)  # type: ignore[arg-type]
        y += 2 * size + 60
    return page


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_landscape_page_laid_sideways_on_a_scanner_is_read_upright(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """Scanned as it lay (its top to the left, no orientation tag), tesseract made a few short
    words of its letters' strokes and nothing was prefilled; turned a quarter, it is read."""
    bed = Image.new("L", (2550, 3500), 236)
    bed.paste(_landscape().rotate(90, expand=True), (20, 30))
    out = io.BytesIO()
    bed.save(out, "PNG")
    scan = tmp_path / "scan.png"
    scan.write_bytes(out.getvalue())
    make_ledger(ledger_path)
    read = {name: f["prefilled"] for name, f in fx.fields_of(ceclog, scan).items()}
    assert read["title"] == "Structural Drying Essentials"
    assert read["date"] == "2026-09-17"
    assert read["hours"] == "14"
    assert read["approval"] == "26-4471"


def test_a_reading_counts_the_words_it_is_sure_of() -> None:
    head = "level page_num block_num par_num line_num word_num left top width height conf text\n"
    rows = [
        ("Certificate", 96.0),
        ("of", 95.0),  # sure, but two letters: a stroke's reading may be as short
        ("Iiel", 40.0),  # unsure
        ("Drying", 71.0),
        ("", 95.0),  # no text: no word
    ]
    tsv = head.replace(" ", "\t") + "".join(
        f"5\t1\t1\t1\t1\t{i}\t0\t0\t10\t10\t{conf}\t{text}\n" for i, (text, conf) in enumerate(rows)
    )
    assert sure_words(tsv) == (4, 2)


def _line(*words: str) -> Line:
    return ocr_line(1, 1, [(w, 90.0, False) for w in words])


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (("21", "GEGs"), "21 CECs"),
        (("3", "CEGs"), "3 CECs"),
        (("14", "GECs."), "14 CECs."),
        (("3CEGs",), "3 CECs"),  # and the count glued to it apart
        (("1.5", "GEC"), "1.5 CEC"),
        (("2", "CECs_"), "2 CECs"),  # a rule after the word
        (("__Jane", "Smith"), "Jane Smith"),  # and before one
        (("Signature:", "______"), "Signature: ______"),  # a rule alone stays one
        (("GEGs",), "GEGs"),  # no count before it: another word
        (("Acme", "GEC", "Training"), "Acme GEC Training"),
        (("21", "CEC"), "21 CEC"),
        (("21", "GEMs"), "21 GEMs"),
    ],
)
def test_ocr_readings_of_cecs_after_a_count_are_the_word(read: tuple[str, ...], text: str) -> None:
    assert _line(*read).text == text


def test_a_count_of_misread_cecs_under_the_title_is_the_credits() -> None:
    lines = [
        ocr_line(1, n, [(w, 90.0, False) for w in text.split()])
        for n, text in enumerate(
            [
                "Pinecrest Restoration School",
                "Diploma",
                HOLDER,
                "has completed",
                "Commercial Drying Specialist",
                "October 6-8, 2026",
                "24 GEGs",
            ],
            1,
        )
    ]
    (cert,) = read_certificates(lines, load_patterns(), HOLDER, dt.date(2026, 12, 7), lines)
    credits = cert.fields["credits"].prefill
    assert credits is not None and credits.value == "24"


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _prefilled(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, Any]:
    fields = fx.fields_read(ceclog, folder, list(rows))
    return {name: f["prefilled"] for name, f in fields.items()}


def _hours(ceclog: Ceclog, folder: Path, row: str) -> Any:
    """The hours a certificate of completion prefills with `row` under its title."""
    heading = ("#Certificate of Completion", HOLDER, "has completed the training course")
    return _prefilled(ceclog, folder, *heading, "Claims Documentation for Contractors", row)[
        "hours"
    ]


def test_hours_after_a_dates_year_and_a_dash_are_the_class_length(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    assert _hours(ceclog, tmp_path, "Finished August 12, 2026 - 4 hours") == "4"


@pytest.mark.parametrize(
    "row",
    [
        "Finished August 12, 2026 - 2 - 4 hours",  # a range of hours: which?
        "Session 2 - 4 hours",  # no date's year before the dash
        "Finished August 12, 2026 - 4 hours per day",
    ],
)
def test_hours_after_a_dash_elsewhere_are_left(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str
) -> None:
    assert _hours(ceclog, tmp_path, row) is None


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Harbor Drying LLC - Form TR-2 rev. 2023", "Harbor Drying LLC"),
        ("Harbor Drying, Inc. - Employee Handbook", "Harbor Drying, Inc."),
        ("Harbor Drying Co. \u2013 Dallas, Texas", "Harbor Drying Co."),
        ("Harbor Drying Ltd - Leeds", "Harbor Drying Ltd"),
        ("Mold Remediation - Initial", "Mold Remediation - Initial"),  # no firm's form
        ("Harbor Drying Company - Dallas", "Harbor Drying Company - Dallas"),
        ("Harbor LLC-Drying", "Harbor LLC-Drying"),  # no spaces around the dash
    ],
)
def test_a_firms_name_ends_at_a_dash_after_its_legal_form(text: str, item: str) -> None:
    assert first_item(text) == item


def test_a_footer_names_the_firm_before_its_form_number(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        ceclog,
        tmp_path,
        "#Employee Training Record",
        f"Employee: {HOLDER}",
        "Training topic: Ladder Safety Refresher",
        "Date of training: 05/11/2026",
        "",
        "Lakeview Restoration LLC - HR-TRN-07 rev. 2025",
    )
    assert got["provider"] == "Lakeview Restoration LLC"
