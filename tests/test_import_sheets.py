"""`ceclog import` on sheets as people save them (issue 20, "Read what people actually save"):
headers found without `skip`, dates and amounts as written, statuses, totals and repeated rows.
Each sheet is written by the test in a tool's own way of saving (sheet_makers), and each
expected entry was worked out by hand from the rows above it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sheet_makers as make
from conftest import Ceclog, make_ledger
from sheet_makers import entries

DT = dt.datetime


def test_a_header_below_a_title_with_synonyms_and_an_unnamed_column(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = make.excel_utf8(
        tmp_path / "marcus.csv",
        [
            ["Marcus Lee - IICRC CEC Log", "", "", "", "", ""],
            ["", "", "", "", "", ""],
            ["", "", "", "", "", ""],
            ["Date Completed", "Course Title", "Course #", "CE Hours", "", "Instructor"],
            ["3/14/2025", "Water Damage Restoration", "12345", "19", "\u2713", "J. Smith"],
            ["11/2/2025", "Odor Control", "OCT-22", "7", "\u2713", "IICRC"],
        ],
    )
    dry = ceclog("import", str(sheet))
    assert dry.code == 0, dry.err
    assert "note: the header is on row 4 (the rows above it are not classes)" in dry.err
    assert "note: column E has no header but holds data in 2 rows (5, 6): it is not read" in (
        dry.err
    )
    # the stated rule, in the dry run: credits in hours are credits
    assert "note: column 'CE Hours' is read as credits (CECs as stated)" in dry.err
    assert "note: column 'Date Completed': dates read month first ('3/14/2025', row 5)" in (dry.err)
    assert ceclog("import", str(sheet), "--yes").code == 0
    assert entries(ceclog) == [
        (
            "2025-03-14",
            "Water Damage Restoration",
            None,
            19.0,
            "course",
            False,
            "J. Smith",
            "12345",
        ),
        ("2025-11-02", "Odor Control", None, 7.0, "course", False, "IICRC", "OCT-22"),
    ]


def test_a_header_over_two_rows_in_a_workbook_and_a_google_sheet(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    # "CEC" merged over two columns: "CEC Hours" (credits), "CEC Approval" (the approval)
    book = make.workbook(
        tmp_path / "crew.xlsx",
        {
            "Classes": [
                ["Date", "Course", "CEC", None],
                [None, None, "Hours", "Approval"],
                [DT(2025, 4, 2), "Applied Structural Drying", 21, "ASD-101"],
            ]
        },
        merged={"Classes": ["C1:D1"]},
    )
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    assert "the header is on rows 1 and 2, read together" in r.err
    google = make.google(
        tmp_path / "google.csv",
        [
            ["", "", "CEC", ""],
            ["Date", "Course", "Hours", "Provider"],
            ["2025-05-06", "Trauma", "14", "BioClean"],
        ],
    )
    r = ceclog("import", str(google), "--yes")
    assert r.code == 0, r.err
    assert entries(ceclog) == [
        ("2025-04-02", "Applied Structural Drying", None, 21.0, "course", False, None, "ASD-101"),
        ("2025-05-06", "Trauma", None, 14.0, "course", False, "BioClean", None),
    ]


def test_a_spanish_sheet_from_a_european_excel(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = make.excel_cp1252(
        tmp_path / "horas.csv",
        [
            ["Fecha", "Curso", "Horas", "Proveedor", "Aprobación", "Tema"],
            ["05/03/2025", "Secado estructural", "7,5", "Formación Técnica S.L.", "A-77", "Secado"],
            ["21/06/2025", "Daños por agua", "14", "Formación Técnica S.L.", "", "Daños por agua"],
        ],
    )
    dry = ceclog("import", str(sheet))
    assert dry.code == 0, dry.err
    assert "is not UTF-8: read it as cp1252" in dry.err
    assert "note: column 'Fecha': dates read day first ('21/06/2025', row 3)" in dry.err
    assert ceclog("import", str(sheet), "--yes").code == 0
    assert entries(ceclog) == [
        (
            "2025-03-05",
            "Secado estructural",
            7.5,
            None,
            "course",
            False,
            "Formación Técnica S.L.",
            "A-77",
        ),
        (
            "2025-06-21",
            "Daños por agua",
            14.0,
            None,
            "course",
            False,
            "Formación Técnica S.L.",
            None,
        ),
    ]
    topics = [e["topics"] for e in json.loads(ceclog("list", "--json").out)]
    assert topics == [["secado"], ["danos-por-agua"]]


def test_credit_hours_under_rules_where_a_credit_is_seven_hours_are_refused_until_said(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2014-06-01"), rules="iicrc-2012")
    before = ledger_path.read_bytes()
    sheet = make.libreoffice(
        tmp_path / "old.csv", [["Date", "Course", "Credit Hours"], ["2015-03-05", "WRT", "7"]]
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 1 and ledger_path.read_bytes() == before
    assert "column 'Credit Hours' names credits in hours: the iicrc-2012 rules count 7 hours " in (
        r.err
    )
    assert 'hours = "Credit Hours" (hours of class)' in r.err
    mapping = tmp_path / "old.toml"
    mapping.write_text('[columns]\nhours = "Credit Hours"\n', "utf-8")
    r = ceclog("import", str(sheet), "--map", str(mapping), "--yes")
    assert r.code == 0, r.err
    assert entries(ceclog) == [("2015-03-05", "WRT", 7.0, None, "course", False, None, None)]


def test_dates_as_people_write_them_in_libreoffice_and_excel_serials(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    words = make.libreoffice(
        tmp_path / "words.csv",
        [
            ["Date", "Class", "Hours"],
            ["Mar 5, 2025", "One", "1"],
            ["5-Mar-26", "Two", "2"],  # 2026-03-05: YY under 30 is 20YY
            ["March 6 2026", "Three", "3"],
            ["Thursday, April 2, 2026", "Four", "4"],
        ],
    )
    assert ceclog("import", str(words), "--yes").code == 0
    # 45722 days after 1899-12-30: 45292 is 2024-01-01, +366 (2024) is 2025-01-01 = 45658,
    # +31 (Jan) +28 (Feb) = 45717 = 2025-03-01, so 45722 = 2025-03-06
    serials = make.excel_utf8(
        tmp_path / "serials.csv", [["Date", "Class", "Hours"], ["45722", "Five", "5"]]
    )
    r = ceclog("import", str(serials), "--yes")
    assert r.code == 0, r.err
    assert "column 'Date' holds Excel serial numbers: read as dates (45722 = 2025-03-06)" in r.err
    assert [(e[0], e[1]) for e in entries(ceclog)] == [
        ("2025-03-05", "One"),
        ("2026-03-05", "Two"),
        ("2026-03-06", "Three"),
        ("2026-04-02", "Four"),
        ("2025-03-06", "Five"),
    ]


def test_a_column_that_reads_two_ways_is_refused_and_one_month_name_settles_it(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    rows = [["Date", "Class", "Hours"], ["03/04/2025", "A", "1"], ["01/02/2025", "B", "2"]]
    r = ceclog("import", str(make.google(tmp_path / "g.csv", rows)), "--yes")
    assert r.code == 1
    assert "and no date in the column settles it; nothing was written" in r.err
    assert "hint: write one date with the month's name (Mar 4, 2025), or give the order" in r.err
    rows.append(["Dec 5, 2025", "C", "3"])  # a month's name reads one way, not the others
    r = ceclog("import", str(make.google(tmp_path / "g.csv", rows)), "--yes")
    assert r.code == 1
    rows.append(["12/24/2025", "D", "4"])  # the 24th month does not exist: month first
    r = ceclog("import", str(make.google(tmp_path / "g.csv", rows)), "--yes")
    assert r.code == 0, r.err
    assert [e[0] for e in entries(ceclog)] == [
        "2025-03-04",
        "2025-01-02",
        "2025-12-05",
        "2025-12-24",
    ]


def test_amounts_as_written_and_ceus_as_ten_hours_never_as_credits(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    written = make.google(
        tmp_path / "amounts.csv",
        [
            ["Date", "Course", "Hours"],
            ["2025-01-10", "A", "14 hrs"],
            ["2025-01-11", "B", "3.5 CEC"],  # the cell says CECs: credits
            ["2025-01-12", "C", "1:30"],  # 1 hour 30 minutes
            ["2025-01-13", "D", "90 min"],
        ],
    )
    r = ceclog("import", str(written), "--yes")
    assert r.code == 0, r.err
    assert "note: row 3: 'Hours' '3.5 CEC' is read as 3.5 credits" in r.err
    ceus = make.libreoffice(
        tmp_path / "ceus.csv",
        [
            ["Date", "Course", "CEUs", "Provider"],
            ["2025-02-10", "E", "0.7", "NADCA"],  # 0.7 CEU x 10 = 7 contact hours
            ["2025-02-11", "F", "0.35", "NADCA"],  # 3.5 hours
        ],
    )
    dry = ceclog("import", str(ceus))
    assert "note: column 'CEUs' holds CEUs: 1 CEU = 10 contact hours, so each is read as hours" in (
        dry.err
    )
    assert "2025-02-10 E (7 h, course, provider NADCA)" in dry.out
    assert ceclog("import", str(ceus), "--yes").code == 0
    assert [e[:4] for e in entries(ceclog)] == [
        ("2025-01-10", "A", 14.0, None),
        ("2025-01-11", "B", None, 3.5),
        ("2025-01-12", "C", 1.5, None),
        ("2025-01-13", "D", 1.5, None),
        ("2025-02-10", "E", 7.0, None),
        ("2025-02-11", "F", 3.5, None),
    ]


def test_statuses_planned_skipped_completed_and_asked(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    book = make.workbook(
        tmp_path / "status.xlsx",
        {
            "Log": [
                ["Date", "Course", "CECs", "Provider", "Approval", "Status"],
                [DT(2025, 1, 10), "A", 2, "P1", "AP-1", "Completed"],
                [DT(2025, 1, 11), "B", 2, "P1", None, "Done"],
                [DT(2025, 1, 12), "C", 2, "P1", None, "Attended"],
                [DT(2025, 1, 13), "D", 2, "P1", None, "Taken"],
                [DT(2027, 1, 14), "E", 2, "P2", None, "Planned"],
                [DT(2026, 10, 15), "F", 2, "P2", None, "Scheduled"],  # past, still planned
                [DT(2025, 1, 16), "G", 2, "P2", None, "Cancelled"],
                [DT(2025, 1, 17), "H", 2, "P2", None, "No-show"],
                [DT(2025, 1, 18), "I", 2, "P2", None, "In progress"],
            ]
        },
    )
    dry = ceclog("import", str(book))
    assert dry.code == 0, dry.err
    assert "  row Log!2: entry 1: 2025-01-10 A (2 credits, course, provider P1, approval AP-1)" in (
        dry.out
    )
    assert "  row Log!6: entry 5: 2027-01-14 E (2 credits, course, planned, provider P2)" in (
        dry.out
    )
    assert "Read past 2 rows that are not a class:\n  row Log!8: status 'Cancelled'" in dry.out
    assert "  row Log!9: status 'No-show': not a class taken" in dry.out
    assert "    status 'In progress': a status ceclog does not know; accepted, it comes in " in (
        dry.out
    )
    assert "to add it as well: --accept 'Log!10'" in dry.out
    r = ceclog("import", str(book), "--yes", "--json")
    held = json.loads(r.out)["held"]
    assert [(h["sheet"], h["row"], h["why"], h["status"]) for h in held] == [
        ("Log", 10, "status", "status 'In progress'")
    ]
    assert [(e[1], e[5]) for e in entries(ceclog)] == [
        ("A", False),
        ("B", False),
        ("C", False),
        ("D", False),
        ("E", True),
        ("F", True),
    ]
    r = ceclog("import", str(book), "--accept", "10", "--yes")
    assert r.code == 0, r.err
    assert entries(ceclog)[-1] == ("2025-01-18", "I", None, 2.0, "course", False, "P2", None)


def test_totals_and_a_row_pasted_twice_are_not_classes(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = make.excel_utf8(
        tmp_path / "totals.csv",
        [
            ["Date", "Course", "Hours"],
            ["1/10/2025", "A", "4"],
            ["2/11/2025", "B", "7"],
            ["3/31/2025", "", "11"],  # dated, no title, 4 + 7: the "11-hour class"
            ["4/2/2025", "C", "3"],
            ["4/2/2025", "C", "3"],  # pasted twice
            ["5/2/2025", "D", "2"],
            ["", "Subtotal", "8"],
            ["", "Grand total", "19"],
        ],
    )
    dry = ceclog("import", str(sheet))
    assert dry.code == 0, dry.err
    assert "Read past 3 rows that are not a class:" in dry.out
    assert "  row 4: a total: no title, and its hours or credits equal the sum of the rows " in (
        dry.out
    )
    assert "  row 8: a total (Subtotal)\n  row 9: a total (Grand total)" in dry.out
    assert "  row 6: 2025-04-02 C (3 h, course)\n    repeats row 5" in dry.out
    assert ceclog("import", str(sheet), "--yes").code == 0
    assert [(e[0], e[1], e[2]) for e in entries(ceclog)] == [
        ("2025-01-10", "A", 4.0),
        ("2025-02-11", "B", 7.0),
        ("2025-04-02", "C", 3.0),
        ("2025-05-02", "D", 2.0),
    ]
    # a row without a title that is not a sum is no total: refused, nothing written
    before = ledger_path.read_bytes()
    odd = make.excel_utf8(
        tmp_path / "odd.csv",
        [
            ["Date", "Course", "Hours"],
            ["2025-01-10", "A", "4"],
            ["2025-01-11", "B", "4"],
            ["2025-01-12", "", "5"],
        ],
    )
    r = ceclog("import", str(odd), "--yes")
    assert r.code == 1 and f"{odd}:4: 'Course' cannot be empty" in r.err
    assert ledger_path.read_bytes() == before
