"""Headers as a second tester's sheets wrote them (issue 20): a sheet's title merged across
the row above the header is a title, not the header's upper half ("Continuing Education" over
"Hours" is no "Continuing Education Hours" column of credits), and a header naming the body
("IICRC Approval #") is the field it names after the body's name.

The holder earned WRT on 2022-06-01 under the iicrc rules (1 credit per classroom hour);
each expected entry is a row of the sheet, worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sheet_makers as make
from conftest import Ceclog, make_ledger
from sheet_makers import entries

DT = dt.datetime


@pytest.mark.parametrize("title", ["Continuing Education", "CEC", "Training Log"])
@pytest.mark.parametrize("rules", ["iicrc", "iicrc-2012"])
def test_a_title_merged_over_the_header_is_not_part_of_it(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, title: str, rules: str
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), rules=rules)
    book = make.workbook(
        tmp_path / "log.xlsx",
        {
            "Log": [
                [title, None, None, None, None],
                ["Date", "Course", "Provider", "Hours", "Notes"],
                [DT(2025, 3, 4), "Odor Control Technician", "Jon-Don", 14, None],
                [DT(2025, 9, 9), "Psychrometry webinar", "Dri-Eaz", 1.5, None],
            ]
        },
        merged={"Log": ["A1:E1"]},
    )
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    assert "read together" not in r.err
    assert [e[:4] for e in entries(ceclog)] == [
        ("2025-03-04", "Odor Control Technician", 14.0, None),
        ("2025-09-09", "Psychrometry webinar", 1.5, None),
    ]


def test_a_header_split_over_two_rows_is_still_read_together(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """ "CEC" above "Hours" alone (not a title across the row) is one column, CEC Hours: the
    credits the certificate states."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    book = make.workbook(
        tmp_path / "log.xlsx",
        {
            "Log": [
                [None, None, None, "CEC", None],
                ["Date", "Course", "Provider", "Hours", "Notes"],
                [DT(2025, 3, 4), "Odor Control Technician", "Jon-Don", 14, None],
            ]
        },
    )
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    assert "the header is on rows 1 and 2, read together" in r.err
    assert [e[:4] for e in entries(ceclog)] == [
        ("2025-03-04", "Odor Control Technician", None, 14.0)
    ]


@pytest.mark.parametrize("header", ["IICRC Approval #", "IICRC Course #", "RIA Approval Number"])
def test_a_header_naming_the_body_is_the_field_it_names(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, header: str
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = make.excel_utf8(
        tmp_path / "log.csv",
        [
            ["Class Date", "Course Name", "School", "Hours", header],
            ["3/4/2025", "Water Damage Restoration Technician", "ABC School", "19", "14-0312"],
            ["9/18/2025", "Applied Structural Drying", "ABC School", "21", "18-1107"],
        ],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 0, r.err
    assert "is not read" not in r.err
    assert [(e[1], e[7]) for e in entries(ceclog)] == [
        ("Water Damage Restoration Technician", "14-0312"),
        ("Applied Structural Drying", "18-1107"),
    ]


def test_a_column_not_read_is_named_as_a_header_ceclog_does_not_know(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = make.excel_utf8(
        tmp_path / "log.csv",
        [["Date", "Course", "Hours", "Instructor rating"], ["3/14/2025", "OCT", "14", "5"]],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 0, r.err
    assert "column 'Instructor rating' is not read: ceclog does not know this header" in r.err
    assert "not a field ceclog keeps" not in r.err
