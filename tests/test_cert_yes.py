"""`add --from --yes` on what issue 23 found: a certificate stating both hours and credits
records both (the credits count), and a date OCR split with a space is never prefilled."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from ceclog.core.certificates.decided import taken_by_yes
from ceclog.core.certificates.fields import SECOND, read_certificates
from ceclog.core.certificates.lines import Line, ocr_line
from ceclog.store.certificate import load_patterns
from ceclog.store.ocr import tilt_of
from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _pdf(folder: Path, *rows: fx.Row) -> Path:
    page: fx.Page = ["#Certificate of Completion", "", *rows]
    path = folder / "cert.pdf"
    path.write_bytes(fx.pdf_bytes(fx.Spec("made", [page], [])))
    return path


def test_a_certificate_stating_hours_and_credits_records_both_and_the_credits_count(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    cert = _pdf(
        tmp_path,
        [(20, "Course Title:"), (75, "Applied Microbial Remediation")],
        [(20, "Completion Date:"), (75, "11/19/2026")],
        [(20, "Credit:"), (75, "21 classroom hours / 3.0 CECs")],
    )
    result = ceclog("add", "--from", str(cert), "--yes", "--cert", "WRT")
    assert result.code == 0, result.err
    assert "read hours: '21'" in result.err and "read credits: '3'" in result.err
    text = ledger.read_text()
    assert "hours = 21" in text and "credits = 3" in text
    shown = ceclog("list")
    assert shown.code == 0, shown.err
    assert "3 CECs as stated on the certificate" in shown.out and "÷" not in shown.out


def test_hours_and_credits_given_on_the_command_line_are_both_recorded(
    ceclog: Ceclog, ledger: Path
) -> None:
    result = ceclog("add", "X", "--date", "2026-01-01", "--hours", "21", "--credits", "3")
    assert result.code == 0, result.err
    text = ledger.read_text()
    assert "hours = 21" in text and "credits = 3" in text


@pytest.mark.parametrize("printed", ["1 1/19/2026", "11/1 9/2026"])
def test_yes_never_takes_a_date_split_by_a_space(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, printed: str
) -> None:
    before = ledger.read_bytes()
    cert = _pdf(  # what OCR made of "11/19/2026" on a photo
        tmp_path,
        [(20, "Course Title:"), (75, "Odor Control Technician")],
        [(20, "Completion Date:"), (75, printed)],
        [(20, "CEC Hours:"), (75, "14")],
    )
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 1
    assert f"not taken: date: {printed!r} has a digit apart from the date" in result.err
    assert "error: no date could be taken from" in result.err
    assert ledger.read_bytes() == before


def _ocr(*rows: str) -> list[Line]:
    return [ocr_line(1, n, [(w, 95.0, False) for w in r.split()]) for n, r in enumerate(rows, 1)]


def test_a_photo_value_a_second_reading_does_not_hold_is_never_taken_by_yes() -> None:
    first = _ocr("Course Title: Odor Control Technician", "Completion Date: 11/19/2026")
    second = _ocr("Course Title: Control Technician", "Completion Date: 11/19/2026")
    (cert,) = read_certificates(first, load_patterns(), None, None, second)
    title = cert.fields["title"].prefill
    assert title is not None and title.low and SECOND in title.notes
    assert taken_by_yes(cert) == {"date": "2026-11-19"}


def test_a_tilt_is_the_median_slope_of_tesseract_lines() -> None:
    head = "\t".join(["level", "page", "block", "par", "line", "word"] + ["x"] * 6) + "\n"
    rows = [  # three words a line, each 100 px right and 5 px higher: tilted up by 2.86 deg
        f"5\t1\t1\t1\t{n}\t{w}\t{100 * w}\t{200 * n - 5 * w}\t80\t30\t95\tword\n"
        for n in (1, 2)
        for w in (1, 2, 3)
    ]
    assert round(tilt_of(head + "".join(rows)), 2) == 2.86
    assert tilt_of(head) == 0.0


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            [[(20, "CEC Hours:"), (75, "14")], [(20, "Total Hours:"), (75, "10")]],
            'error: hours: read 14 (page 1, line 4: label "CEC Hours") and 10 (page 1, line 5: '
            'label "Total Hours"); give --hours H',
        ),
        (
            [[(20, "CEC Hours:"), (75, "90 minutes")]],
            'error: hours: read 90 minutes (page 1, line 4: label "CEC Hours"): not one plain '
            "number: type it; give --hours H",
        ),
        ([], "error: no hours or credits found on the certificate; give --hours H or --credits C"),
    ],
)
def test_yes_without_an_amount_says_what_was_read_of_it_and_where(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], said: str
) -> None:
    before = ledger.read_bytes()
    cert = _pdf(
        tmp_path,
        [(20, "Course Title:"), (75, "Odor Control Technician")],
        [(20, "Completion Date:"), (75, "11/19/2026")],
        *rows,
    )
    result = ceclog("add", "--from", str(cert), "--yes", "--cert", "WRT")
    assert result.code == 2
    assert said in result.err.splitlines()
    assert ledger.read_bytes() == before
