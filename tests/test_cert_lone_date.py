"""A date alone on its line, the page's only date: read as the class's day where no label or
phrase reads one, on a page whose title is read; never where another date stands on the page
(an issue or expiry date: which one is the class's is not told).  Each certificate is made as
a PDF in our own words and read through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

TOP: list[fx.Row] = [
    "#Northgate Drying Supply",
    "Booth #412 - Midwest Restoration Expo, Omaha",
    "#Certificate of Attendance",
    "#Jun Park",
    "attended the seminar",
    "#Injectidry Panels in Finished Walls",
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("day", "want"),
    [
        ("February 26, 2026", "2026-02-26"),
        ("26 February 2026", "2026-02-26"),
        ("2026-02-26", "2026-02-26"),
        ("02/26/2026", "2026-02-26"),
    ],
)
def test_the_pages_only_date_alone_on_its_line_is_the_class_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, day: str, want: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *TOP, day, "1.5 IICRC CECs")
    assert got["date"] == want
    assert got["_"]["date"]["candidates"][0]["how"] == "the page's only date, alone on its line"


@pytest.mark.parametrize(
    "rest",
    [
        # another date on the page: which is the class's is not told
        ["February 26, 2026", "Issued: March 2, 2026"],
        ["February 26, 2026", "Valid through February 26, 2028"],
        ["February 26, 2026", "March 2, 2026"],
        # a date that reads two ways is never guessed
        ["11/05/2026"],
    ],
)
def test_a_lone_date_among_others_or_one_that_reads_two_ways_is_left(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rest: list[str]
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *TOP, *rest, "1.5 IICRC CECs")
    assert got["date"] is None


def test_a_lone_date_on_a_page_that_names_no_title_is_left(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, "#Northgate Drying Supply", "#Jun Park", "February 26, 2026", "2 CECs"
    )
    assert (got["date"], got["credits"]) == (None, "2")
