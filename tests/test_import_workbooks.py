"""`ceclog import` reads Excel workbooks directly (issue 20): every sheet with a header, or
`--sheet NAME`; the cells' real dates and numbers; rows named "Sheet!12"; and files that are
not workbooks (an old .xls, an .ods, another ZIP) refused with what to save them as.  The
workbooks are written by the tests with openpyxl (sheet_makers)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import sheet_makers as make
from conftest import Ceclog, make_ledger
from sheet_makers import entries

DT = dt.datetime


def imported(ledger: Path) -> list[str]:
    import tomllib

    return [e["imported"] for e in tomllib.loads(ledger.read_text("utf-8"))["entries"]]


def test_a_workbook_is_read_sheet_by_sheet_with_its_real_dates_and_numbers(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """Before: "log.xlsx: is neither UTF-8 nor cp1252 text", with an encoding hint."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    book = make.workbook(
        tmp_path / "log.xlsx",
        {
            "2024": [
                ["Date", "Course", "Hours", "Provider", "Approval #"],
                [DT(2024, 3, 5), "Water Damage Restoration", 19, "Restoration Academy", 12345],
                [DT(2024, 6, 12), "Odor Control", 3.5, "IICRC", "OCT-22"],
            ],
            "2025": [
                ["Dana Reyes - classes 2025"],
                [],
                ["Date", "Course", "Hours", "Provider", "Approval #"],
                [DT(2025, 2, 3), "Mold webinar", dt.time(1, 30), "Online U", None],
                [DT(2025, 9, 30), "Drying", 2.2 * 3, "Restoration Academy", None],
            ],
            "Summary": [["Total hours", 30.6]],
            "Lists": [["Date", "Course", "Hours"], [DT(2020, 1, 1), "Not a class", 1]],
        },
        hidden=("Lists",),
    )
    dry = ceclog("import", str(book))
    assert dry.code == 0, dry.err
    assert "neither UTF-8" not in dry.err
    assert "note: sheet 'Summary' is not read: no row names a date and a title" in dry.err
    assert "note: sheet '2025': the header is on row 3 (the rows above it are not classes)" in (
        dry.err
    )
    assert "  row 2024!2: entry 1: 2024-03-05 Water Damage Restoration (19 h, course, " in dry.out
    assert "provider Restoration Academy, approval 12345)" in dry.out
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    # 2.2 * 3 is 6.6000000000000005 as a float: the cell shows 6.6, and 6.6 is stored
    assert entries(ceclog) == [
        (
            "2024-03-05",
            "Water Damage Restoration",
            19.0,
            None,
            "course",
            False,
            "Restoration Academy",
            "12345",
        ),
        ("2024-06-12", "Odor Control", 3.5, None, "course", False, "IICRC", "OCT-22"),
        ("2025-02-03", "Mold webinar", 1.5, None, "course", False, "Online U", None),
        ("2025-09-30", "Drying", 6.6, None, "course", False, "Restoration Academy", None),
    ]
    assert imported(ledger_path) == [
        "log.xlsx:2024!2",
        "log.xlsx:2024!3",
        "log.xlsx:2025!4",
        "log.xlsx:2025!5",
    ]
    assert "6.6" in ledger_path.read_text("utf-8") and "6.60000" not in ledger_path.read_text()
    again = json.loads(ceclog("import", str(book), "--yes", "--json").out)
    assert (
        again["added"] == []
        and [s["sheet"] for s in again["skipped"]] == ["2024"] * 2 + ["2025"] * 2
    )


def test_one_sheet_of_a_workbook_and_its_rows_named_with_the_sheet(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheets = {
        "2024": [["Date", "Course", "CECs"], [DT(2024, 3, 5), "Odor", 2]],
        "2025": [
            ["Date", "Course", "CECs"],
            [DT(2025, 3, 5), "Drying", 2],
            [DT(2025, 3, 5), "Drying", -2],
        ],
        "Old": [["Date", "Course", "CECs"], [DT(2019, 3, 5), "Carpet", 1]],
    }
    book = make.workbook(tmp_path / "team.xlsx", sheets, hidden=("Old",))
    bad = ceclog("import", str(book), "--sheet", "2025", "--yes")
    assert bad.code == 1
    assert f"{book}:2025!3: 'CECs' cannot be negative, got -2" in bad.err
    sheets["2025"].pop()
    make.workbook(book, sheets, hidden=("Old",))
    r = ceclog("import", str(book), "--sheet", "2025", "--yes", "--json")
    assert r.code == 0, r.err
    assert [(a["sheet"], a["row"], a["title"]) for a in json.loads(r.out)["added"]] == [
        ("2025", 2, "Drying")
    ]
    hidden = ceclog("import", str(book), "--sheet", "old", "--json")  # named: read, hidden or not
    assert [a["title"] for a in json.loads(hidden.out)["added"]] == ["Carpet"]
    missing = ceclog("import", str(book), "--sheet", "2026")
    assert missing.code == 1
    assert "has no sheet named '2026'" in missing.err
    assert "its sheets: '2024', '2025', 'Old'" in missing.err


def test_files_that_are_not_workbooks_say_what_to_save_them_as(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    old = tmp_path / "log.xls"  # Excel 97-2003: an OLE2 compound file
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    ods = tmp_path / "log.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    other = tmp_path / "letter.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    said = {
        old: ("is an old Excel workbook (.xls, Excel 97-2003)", "Excel Workbook (.xlsx)"),
        ods: ("is an OpenDocument spreadsheet (.ods)", "as an Excel workbook (.xlsx)"),
        other: ("is a ZIP archive, not an Excel workbook", "the .xlsx workbook"),
        broken: ("is a damaged ZIP file or workbook", "save it again as .xlsx"),
    }
    for path, (message, hint) in said.items():
        r = ceclog("import", str(path))
        assert r.code == 1, path
        assert r.err.startswith(f"error: {path}: {message}"), r.err
        assert hint in r.err and "encoding" not in r.err, r.err


def test_each_sheet_sums_its_own_rows_and_a_kind_given_by_the_mapping_is_read(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    head = ["Date", "Course", "Hours"]
    sheets = {
        "A": [head, [DT(2025, 1, 2), "One", 4], [DT(2025, 1, 3), "Two", 7]],
        # 11 is the sum of sheet A's rows, not of rows above it in this sheet: no total
        "B": [head, [DT(2025, 2, 2), None, 11], [DT(2025, 2, 3), "Three", 5]],
    }
    book = make.workbook(tmp_path / "sums.xlsx", sheets)
    r = ceclog("import", str(book))
    assert r.code == 1
    assert f"{book}:B!2: 'Course' cannot be empty" in r.err
    mapping = tmp_path / "kind.toml"
    mapping.write_text('sheet = "A"\n[constants]\nkind = "Classroom"\n', "utf-8")
    r = ceclog("import", str(book), "--map", str(mapping), "--yes")
    assert r.code == 0, r.err
    assert "note: kind: 'Classroom' read as the kind course" in r.err
    assert [(e[1], e[4]) for e in entries(ceclog)] == [("One", "course"), ("Two", "course")]


def test_a_class_of_the_ledger_in_hours_is_the_sheets_in_credits_stated(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """Before: row 8 (14 CEC Hours, read as 14 credits stated) was held back as resembling
    entry 1 (14 h), with `--accept 'CEC Log!8'` (14 CECs counted twice) and `ceclog edit ID
    --hours H` as hints.  Under iicrc (1 h per CEC) 14 credits and 14 h count 14 alike."""
    body = """
    [[entries]]
    id = 1
    date = 2026-11-12
    title = "WRT Refresher (2-day)"
    hours = 14

    [[entries]]
    id = 2
    date = 2026-11-20
    title = "Odor control"
    credits = 2
    """
    make_ledger(ledger_path, ("WRT", "2024-03-01"), body=body)
    top: list[list[object]] = [["Sam Reyes - CEC log"], *[[] for _ in range(5)]]
    book = make.workbook(
        tmp_path / "sam-log.xlsx",
        {
            "CEC Log": [
                *top,
                ["Date", "Course", "CEC Hours"],
                [DT(2026, 11, 12), "WRT Refresher (2-day)", 14],
                [DT(2026, 11, 20), "Mold remediation", 4],
                [DT(2026, 11, 20), "Odor control", 3],
            ]
        },
    )
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "Added 1 entry:",
        "  row CEC Log!9: entry 3: 2026-11-20 Mold remediation (4 credits, course)",
        "Skipped 1 row already in the ledger:",
        "  row CEC Log!8: 2026-11-12 WRT Refresher (2-day) (14 credits, course) = entry 1",
        "    matched by what it counts: 14 CECs stated, as entry 1's 14 h at 1 h per CEC",
        "Held back 1 row until you say to add them:",
        "  row CEC Log!10: 2026-11-20 Odor control (3 credits, course)",
        "    resembles entry 2: 2026-11-20 Odor control (2 credits, course) (same date and title "
        "as an entry, other hours, credits or kind)",
        "  --accept 'CEC Log!10' only if it is another class (it would count twice otherwise)",
        "  if row CEC Log!10 corrects entry 2, edit that entry instead: ceclog edit 2 --credits 3",
    ]
    assert [e[:2] for e in entries(ceclog)] == [
        ("2026-11-12", "WRT Refresher (2-day)"),
        ("2026-11-20", "Odor control"),
        ("2026-11-20", "Mold remediation"),
    ]
    again = ceclog("import", str(book), "--json")
    skipped = json.loads(again.out)["skipped"]
    assert [(s["row"], s["matches"], s["by_count"]) for s in skipped] == [
        (8, 1, True),
        (9, 3, False),
    ]


def test_hours_typed_into_a_time_formatted_column_are_refused_as_excel_shows_them(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """Before: 2 under h:mm was "'CEC Hours' '1900-01-02' is not a number" (Excel shows 0:00),
    2 under [h]:mm came in as 48 credits unsaid, and 25:30 under h:mm (1.0625) as 49.5 h."""
    import openpyxl

    make_ledger(ledger_path, ("WRT", "2024-03-01"))

    def book(name: str, cells: list[tuple[float, str]]) -> Path:
        made = openpyxl.Workbook()
        sheet = made.active
        sheet.title = "Log"
        sheet.append(["Date", "Course", "Hours"])
        for day, (value, fmt) in enumerate(cells, start=1):
            sheet.append([DT(2026, 11, day), f"Class {day}", value])
            sheet.cell(sheet.max_row, 3).number_format = fmt
        made.save(tmp_path / name)
        return tmp_path / name

    bad = book("bad.xlsx", [(1.5 / 24, "h:mm"), (25.5 / 24, "h:mm"), (2, "h:mm"), (2, "[h]:mm")])
    r = ceclog("import", str(bad), "--yes")
    assert r.code == 1
    hint = "give the hours as a number and format the column as Number; if it is 48 hours, "
    hint += "write 48"
    assert r.err.splitlines()[:2] == [
        f"{bad}:Log!4: 'Hours' is formatted as a time (0:00): Excel holds the number 2 there "
        f"as 2 days, not hours ({hint})",
        f"{bad}:Log!5: 'Hours' is formatted as a time (48:00): Excel holds the number 2 there "
        f"as 2 days, not hours ({hint})",
    ]
    # (the file's own path may hold "1900": pytest numbers its temporary folders)
    assert "1900" not in r.err.replace(str(tmp_path), "") and entries(ceclog) == []
    good = book("good.xlsx", [(1.5 / 24, "h:mm"), (25.5 / 24, "h:mm"), (1.75 / 24, "[h]:mm")])
    r = ceclog("import", str(good), "--yes")
    assert r.code == 0, r.err
    assert [e[2] for e in entries(ceclog)] == [1.5, 25.5, 1.75]
