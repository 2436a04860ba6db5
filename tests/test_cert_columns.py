"""Certificates whose fields stand in columns: a row of headings over a table of sessions names
no class ("Date   Session   Presenter   Hours"), while a row that pairs each label with its value
("Course   Odor Control   Instructor   Lee") still gives them.  Each certificate is made as a
PDF and read through the command line."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


HEAD = "#Certificate of Attendance"  # the one heading of every page here


@pytest.mark.parametrize(
    "heads",
    [
        [(20, "Date"), (50, "Session"), (150, "Presenter"), (220, "Hours")],
        [(20, "Course"), (120, "Speaker"), (180, "Date"), (220, "CECs")],
    ],
)
def test_a_row_of_headings_over_sessions_gives_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, heads: fx.Row
) -> None:
    rows: list[fx.Row] = [
        HEAD,
        [(20, "Attendee:"), (60, "Jordan Reyes")],
        heads,
        [(20, "May 4"), (50, "Drying Wood Floors"), (150, "R. Osei"), (220, "1.0")],
        [(20, "May 5"), (50, "Carpet Pad Decisions"), (150, "T. Marsh"), (220, "1.0")],
    ]
    got = fx.prefilled(ceclog, tmp_path, *rows)
    assert got["title"] is None
    assert got["attendee"] == "Jordan Reyes"


def test_a_row_pairing_labels_with_values_still_gives_them(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    row = [(20, "Course"), (60, "Odor Control Basics"), (150, "Instructor"), (190, "Lee Park")]
    got = fx.prefilled(
        ceclog, tmp_path, HEAD, row, [(20, "Date of Completion:"), (90, "May 4, 2026")]
    )
    assert got["title"] == "Odor Control Basics"
    assert got["date"] == "2026-05-04"
