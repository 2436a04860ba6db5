"""`add --from --yes` on what issue 23 found: a certificate stating both hours and credits
records both (the credits count), and a date OCR split with a space is never prefilled."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

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
