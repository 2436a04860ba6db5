"""Totals as offices write them (issue 20, "Spreadsheets as offices keep them"): Excel's
Data > Subtotal rows ("Ben Okafor Total" in the person column, the sum in the hours column), a
subtotal naming only a person whose hours are the sum of the rows above, a "Total CEC's" row
dated the day it was updated, and a year alone on a row as a heading.  None is a class, none
is a person, and no ledger is made for one.

The team is tests/crew_makers.py's (on 2026-11-30): Ana Lima has 7 h of 2025-01-10 (entry 1),
Ben Okafor and Cara Nguyen have nothing yet.  Each expected entry is a row of the sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import sheet_makers as make
from conftest import Ceclog, make_ledger
from crew_makers import classes, files, make_team, run
from sheet_makers import entries

DT = dt.datetime


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_team(tmp_path / "team")


def ledgers(team: Path) -> list[str]:
    return sorted(str(p.relative_to(team)) for p in team.rglob("*.toml"))


def subtotalled(path: Path) -> Path:
    """Excel's Data > Subtotal on a crew sheet: "<name> Total" under each technician's rows,
    the SUBTOTAL's value in the Hours column, a Grand Total; a new hire (Dan Wu)."""
    rows: list[list[Any]] = [
        ["Technician", "Date", "Course", "Hours", "Status"],
        ["Ana Lima", DT(2025, 6, 15), "Odor control", 3, "Completed"],
        ["Ana Lima", DT(2025, 9, 1), "Mold basics", 4, "Completed"],
        ["Ana Lima Total", None, None, 7, None],
        ["Ben Okafor", DT(2025, 9, 1), "Mold basics", 4, "Completed"],
        ["Ben Okafor", DT(2026, 2, 10), "Drying webinar", 2.5, "Completed"],
        ["Ben Okafor Total", None, None, 6.5, None],
        ["Dan Wu", DT(2023, 5, 5), "Structural drying", 10, "Completed"],
        ["Dan Wu Total", None, None, 10, None],
        ["Grand Total", None, None, 23.5, None],
    ]
    return make.workbook(path, {"Crew CECs": rows})


def test_excel_subtotal_rows_are_no_ones_classes_and_make_no_ledger(
    ceclog: Ceclog, team: Path
) -> None:
    subtotalled(team.parent / "crew.xlsx")
    code, out, err = run(ceclog, "import", "crew.xlsx", "--team", "team", "--create", "--yes")
    assert code == 0, err
    assert (
        "Read past 4 rows that are not a class:\n"
        "  row Crew CECs!4: a total (Ana Lima Total)\n"
        "  row Crew CECs!7: a total (Ben Okafor Total)\n"
        "  row Crew CECs!9: a total (Dan Wu Total)\n"
        "  row Crew CECs!10: a total (Grand Total)\n"
    ) in out
    assert "Added 5 entries to 3 ledgers (1 new) for 3 technicians" in out
    assert ledgers(team) == ["ana.toml", "ben.toml", "cara/ledger.toml", "dan-wu.toml"]
    assert classes(ceclog, "team/ana.toml") == [
        ("2025-01-10", "Water restoration", 7.0),
        ("2025-06-15", "Odor control", 3.0),
        ("2025-09-01", "Mold basics", 4.0),
    ]
    assert classes(ceclog, "team/ben.toml") == [
        ("2025-09-01", "Mold basics", 4.0),
        ("2026-02-10", "Drying webinar", 2.5),
    ]
    assert classes(ceclog, "team/dan-wu.toml") == [("2023-05-05", "Structural drying", 10.0)]
    assert classes(ceclog, "team/cara/ledger.toml") == []


def test_a_subtotal_naming_a_person_by_its_sum_alone_makes_no_ledger(
    ceclog: Ceclog, team: Path
) -> None:
    """A Google Sheets CSV typed by hand: the subtotal's person cell says "Lima" (no word
    Total), its hours are 3 + 4; Spanish-style "Total Ben Okafor" starts its label."""
    make.google(
        team.parent / "crew.csv",
        [
            ["Technician", "Date", "Course", "Hours"],
            ["Ana Lima", "6/15/2025", "Odor control", "3"],
            ["Ana Lima", "9/1/2025", "Mold basics", "4"],
            ["Lima", "", "", "7"],
            ["Ben Okafor", "9/1/2025", "Mold basics", "4"],
            ["Ben Okafor", "2/10/2026", "Drying webinar", "2.5"],
            ["Total Ben Okafor", "", "", "6.5"],
        ],
    )
    before = files(team)
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create")
    assert code == 0, err
    assert "\nLima ->" not in out and "new ledger" not in out + err
    assert (
        "  row 4: a total: no title, and its hours or credits equal the sum of the rows above\n"
        "  row 7: a total (Total Ben Okafor)\n"
    ) in out
    assert "Would add 4 entries to 2 ledgers for 2 technicians." in out
    assert files(team) == before

    # into Ana's own ledger: the subtotal is no other person's row either
    code, out, err = run(ceclog, "import", "crew.csv", "--yes", ledger="team/ana.toml")
    assert code == 0, err
    assert (
        "Not imported: 2 rows naming another person than Ana Lima, the ledger's holder:\n"
        "  Ben Okafor: 2 rows (5, 6)"
    ) in out
    assert "Lima:" not in out
    assert classes(ceclog, "team/ana.toml") == [
        ("2025-01-10", "Water restoration", 7.0),
        ("2025-06-15", "Odor control", 3.0),
        ("2025-09-01", "Mold basics", 4.0),
    ]


@pytest.mark.parametrize("save", [make.excel_utf8, make.libreoffice])
def test_a_dated_total_row_is_never_a_class(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, save: Any
) -> None:
    """The "Total CEC's" row dated the day it was updated (42 = 19 + 14 + 7 + 2), and a
    "YTD" row in the title column with a date too."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = save(
        tmp_path / "ward.csv",
        [
            ["Date", "Course", "CEC's"],
            ["3/11/2025", "Water Damage Restoration Technician", "19"],
            ["9/23/2025", "Odor Control Technician", "14"],
            ["10/14/2025", "Health and Safety Technician", "7"],
            ["11/4/2025", "Mold Awareness", "2"],
            ["12/1/2026", "Total CEC's", "42"],
            ["12/1/2026", "YTD", "9"],
        ],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 0, r.err
    assert (
        "Read past 2 rows that are not a class:\n"
        "  row 6: a total (Total CEC's)\n"
        "  row 7: a total (YTD)\n"
    ) in r.out
    assert [(e[0], e[1], e[3]) for e in entries(ceclog)] == [
        ("2025-03-11", "Water Damage Restoration Technician", 19.0),
        ("2025-09-23", "Odor Control Technician", 14.0),
        ("2025-10-14", "Health and Safety Technician", 7.0),
        ("2025-11-04", "Mold Awareness", 2.0),
    ]


@pytest.mark.parametrize("save", [make.excel_utf8, make.google])
def test_a_year_alone_on_a_row_is_a_heading_and_its_total_sums_only_its_year(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, save: Any
) -> None:
    """A year alone ("2024", "2025") in the Date column heads each year's rows; the untitled 6
    under 2025 is that year's total (4 + 2), not a class."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = save(
        tmp_path / "young.csv",
        [
            ["Date", "Course", "Hours"],
            ["2024", "", ""],
            ["3/12/2024", "Water Damage Restoration Technician", "19"],
            ["8/20/2024", "Mold Awareness", "2"],
            ["2025", "", ""],
            ["1/15/2025", "Odor Control", "4"],
            ["11/4/2025", "Thermal Imaging Online", "2"],
            ["", "", "6"],
        ],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 0, r.err
    assert (
        "  row 2: a heading (2024)\n  row 5: a heading (2025)\n"
        "  row 8: a total: no title, and its hours or credits equal the sum of the rows above\n"
    ) in r.out
    assert [(e[0], e[1], e[2]) for e in entries(ceclog)] == [
        ("2024-03-12", "Water Damage Restoration Technician", 19.0),
        ("2024-08-20", "Mold Awareness", 2.0),
        ("2025-01-15", "Odor Control", 4.0),
        ("2025-11-04", "Thermal Imaging Online", 2.0),
    ]
