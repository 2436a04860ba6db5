"""Wordings schools print around a certificate's fields, in our own words: "has attended and
completed" over the title, a school's ID or a CEC number after IICRC.  Each certificate is made
as a PDF and read through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

# the holder and the class, as a page under its heading prints them
_CLASS = ("Dana Whitfield", "successfully completed", "#Desiccant Drying in Practice")


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("has attended and completed", "Fire and Smoke Restoration Technician"),
        ("attended and successfully completed", "Fire and Smoke Restoration Technician"),
    ],
)
def test_attended_and_completed_over_the_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, said: str, title: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Northgate Drying College",
        "Certificate of Completion",
        "This certifies that",
        "#Dana Whitfield",
        said,
        "#Fire and Smoke Restoration Technician",
        "held June 1-3, 2026 in Duluth, Minnesota",
    )
    assert got["title"] == title, got["_"]["title"]


def test_attended_and_completed_over_a_label_names_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Northgate Drying College",
        "Dana Whitfield has attended and completed",
        "Date: June 3, 2026",
    )
    assert got["title"] is None, got["_"]["title"]


@pytest.mark.parametrize(
    ("line", "approval"),
    [
        ("IICRC CEC #26-4410", "26-4410"),
        ("IICRC CEC No. 26-4410", "26-4410"),
        ("4 Hours   4 IICRC CECs   IICRC Approved #26-DRY-4410", "26-DRY-4410"),
        # a school's number is the school's, never "IICRC Approved"'s
        ("IICRC Approved School #3380", "3380"),
        # a count of CECs is no CEC number
        ("IICRC CECs: 4", None),
    ],
)
def test_the_iicrcs_number_of_a_classs_cecs_is_its_approval(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, approval: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Northgate Drying College", *_CLASS, [(20, line)])
    assert got["approval"] == approval, got["_"]["approval"]


def test_a_schools_id_is_its_number_and_the_name_beside_it_its_school(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A footer names the school and its IICRC ID: the ID is prefilled as the school's number,
    the name beside it as the school under a signature (both for the user to confirm)."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        *_CLASS,
        "Completed: June 3, 2026",
        [(20, "Northgate Drying College \u00b7 Duluth, MN"), (180, "IICRC School ID 2231")],
    )
    assert (got["approval"], got["provider"]) == ("2231", "Northgate Drying College")
    assert got["_"]["approval"]["candidates"][0]["unconfirmed"]
    assert got["_"]["provider"]["candidates"][0]["unconfirmed"]


@pytest.mark.parametrize(
    ("row", "date"),
    [
        # a row of items parted by middle dots, its date's column ending with the dot
        (
            [(20, "June 10 - 12, 2026  \u00b7"), (150, "Duluth, Minnesota  \u00b7  14 hours")],
            "2026-06-12",
        ),
        ([(20, "June 12, 2026 \u00b7"), (150, "Duluth, Minnesota")], "2026-06-12"),
        # a date written year first after "on" in a sentence
        ([(20, "Dana Whitfield completed the class on 2026-06-12, for 14 hours.")], "2026-06-12"),
        # the day it was printed or expires is not the class's
        ([(20, "This record was printed on 2026-06-12.")], None),
        ([(20, "This card expires on 2028-06-12.")], None),
        # a date alone in its column, written again in figures in brackets
        ([(20, "June 12, 2026 (6/12/2026)"), (150, "4 hours")], "2026-06-12"),
        ([(20, "June 12, 2026 (6/12/2026)")], "2026-06-12"),
        # a date in a sentence, a number in brackets after it: no column of its own
        ([(20, "Renew by June 12, 2026 (6/12/2026) to keep it")], None),
    ],
)
def test_a_date_ending_a_column_of_items_or_written_year_first_or_again_in_figures(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, date: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Northgate Drying College", *_CLASS, row)
    assert got["date"] == date, got["_"]["date"]


@pytest.mark.parametrize(
    ("row", "hours"),
    [
        ("Total training hours: 16", "16"),
        ("Total Training Hours   16", "16"),
        # a total of something else
        ("Total training modules: 16", None),
    ],
)
def test_total_training_hours_are_the_hours(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str, hours: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Northgate Drying College", *_CLASS, [(20, row)])
    assert got["hours"] == hours, got["_"]["hours"]
