"""Crew sheets as offices keep them in Excel, read through openpyxl (what neither the workbook
reader nor the crew import did alone): a workbook with a Technician column under a title row,
and a workbook with one sheet per technician, each into the team's ledgers; a crew workbook of
yearly sheets into one technician's ledger, bringing only their rows.  Rows are named with
their sheet ("Crew 2025!8") in the output, in `--accept` and in `imported`.

Figures worked out by hand from rules/iicrc.toml (1 CEC = 1 hour, 14 CECs every 48 months for
a WRT technician), on 2026-11-30, for the team of tests/crew_makers.py; both team workbooks
hold the same history:

- Ana Lima (WRT 2024-03-01; cycle to 2028-02-29) has 7 h of 2025-01-10.  That class again
  (skipped) and 3 h on 2025-06-15 (written "3 hrs"; "ana lima" in the crew sheet): 7 + 3 = 10.0
  counted, 4.0 to go.
- Ben Okafor (WRT 2025-06-01; cycle to 2029-05-31): 4 h on 2025-09-01 and 2.5 h on 2026-02-10
  (a time cell 2:30, or "2.5 hrs"): 6.5 counted, 7.5 to go; his cancelled class (7 h,
  2026-03-01) is read past, so it counts nothing.
- Cara Nguyen (WRT 2024-06-01; cycle to 2028-05-31): 5 h on 2024-07-01 and 2 h on 2025-03-03
  (her registrant ID 1003 in the crew sheet; her sheet is "Nguyen, Cara"): 7.0 counted.
- Dan Wu has no ledger: `--create` makes team/dan-wu.toml (rules iicrc, as every ledger in
  team names); with WRT earned 2023-01-15 recorded (cycle to 2027-01-14, 45 days left), his
  10 h of 2023-05-05 count 10.0: due soon, 4.0 still needed.
- The Total row (33.5 h: 7 + 4 + 5 + 10 + 3 + 2.5 + 2, the cancelled class left out) is no
  one's class: read past once, in no one's ledger.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

import sheet_makers as make
from conftest import Ceclog
from crew_makers import HISTORY, files, history, imported_again, make_team, run, titles

DT = dt.datetime


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_team(tmp_path / "team")


def crew_workbook(path: Path) -> Path:
    """The office's workbook: a title row, then a Technician column naming each row's person
    as people type it (a name, "Last, First", another case, an accent, a registrant ID)."""
    rows: list[list[Any]] = [
        ["Acme Restoration - CEC log"],
        [],
        ["Technician", "Date", "Course", "Hours", "Status"],
        ["Ana Lima", DT(2025, 1, 10), "Water restoration", 7, "Completed"],
        ["Okafor, Ben", DT(2025, 9, 1), "Mold basics", 4, "Completed"],
        ["Cára Nguyen", DT(2024, 7, 1), "Fire restoration", 5, "Completed"],
        ["Dan Wu", DT(2023, 5, 5), "Structural drying", 10, "Completed"],
        ["ana lima", DT(2025, 6, 15), "Odor control", "3 hrs", "Completed"],
        ["BEN OKAFOR", DT(2026, 2, 10), "Drying webinar", dt.time(2, 30), "Completed"],
        [1003, DT(2025, 3, 3), "Smoke odor", 2, "Completed"],
        ["Ben Okafor", DT(2026, 3, 1), "Trauma scene cleanup", 7, "Cancelled"],
        [None, None, "Total", 33.5, None],
    ]
    return make.workbook(path, {"Crew 2025": rows})


def per_technician_workbook(path: Path) -> Path:
    """One sheet per technician, each named after them, no Technician column; and a summary
    sheet with no class in it."""
    return make.workbook(
        path,
        {
            "Ana Lima": [
                ["Date", "Course", "Hours"],
                [DT(2025, 1, 10), "Water restoration", 7],
                [DT(2025, 6, 15), "Odor control", "3 hrs"],
            ],
            "Okafor, Ben": [
                ["Ben's classes"],
                [],
                ["Date", "Course", "Hours", "Status"],
                [DT(2025, 9, 1), "Mold basics", 4, "Done"],
                ["Feb 10, 2026", "Drying webinar", "2.5 hrs", "Done"],
                [DT(2026, 3, 1), "Trauma scene cleanup", 7, "Cancelled"],
            ],
            "Nguyen, Cara": [
                ["Date", "Course", "Hours"],
                [DT(2024, 7, 1), "Fire restoration", 5],
                [DT(2025, 3, 3), "Smoke odor", 2],
            ],
            "Dan Wu": [["Date", "Course", "Hours"], [DT(2023, 5, 5), "Structural drying", 10]],
            "Summary": [["Technician", "CECs"], ["Ana Lima", 10], ["Ben Okafor", 6.5]],
        },
    )


def imported(ledger: Path) -> list[str]:
    return [e.get("imported") for e in tomllib.loads(ledger.read_text("utf-8")).get("entries", [])]


def test_a_crew_workbook_with_a_technician_column_into_the_team_folder(
    ceclog: Ceclog, team: Path
) -> None:
    crew_workbook(team.parent / "crew.xlsx")
    before = files(team)
    code, out, err = run(ceclog, "import", "crew.xlsx", "--team", "team", "--create")
    assert code == 0, err
    assert files(team) == before  # a dry run
    assert out.splitlines() == [
        "Ana Lima -> team/ana.toml: 2 rows",
        "  Would add 1 entry:",
        "    row Crew 2025!8: entry 2: 2025-06-15 Odor control (3 h, course)",
        "  Skipped 1 row already in the ledger:",
        "    row Crew 2025!4: 2025-01-10 Water restoration (7 h, course) = entry 1",
        "Ben Okafor -> team/ben.toml: 3 rows",
        "  Would add 2 entries:",
        "    row Crew 2025!5: entry 1: 2025-09-01 Mold basics (4 h, course)",
        "    row Crew 2025!9: entry 2: 2026-02-10 Drying webinar (2.5 h, course)",
        "  Read past 1 row that is not a class:",
        "    row Crew 2025!11: status 'Cancelled': not a class taken",
        "Cára Nguyen (also written '1003') -> team/cara/ledger.toml: 2 rows",
        "  Would add 2 entries:",
        "    row Crew 2025!6: entry 1: 2024-07-01 Fire restoration (5 h, course)",
        "    row Crew 2025!10: entry 2: 2025-03-03 Smoke odor (2 h, course)",
        "Dan Wu -> team/dan-wu.toml, a new ledger (rules iicrc, as every ledger in team names): "
        "1 row",
        "  Would add 1 entry:",
        "    row Crew 2025!7: entry 1: 2023-05-05 Structural drying (10 h, course)",
        "Read past 1 row that is not a class:",
        "  row Crew 2025!12: a total (Total)",
        "Would add 6 entries to 4 ledgers (1 new) for 4 technicians; 1 row already there, "
        "0 held back.",
    ]
    assert "note: the header is on row 3 (the rows above it are not classes)" in err
    assert "import crew.xlsx --team team --create --yes" in err

    code, out, err = run(ceclog, "import", "crew.xlsx", "--team", "team", "--create", "--yes")
    assert code == 0, err
    assert "Added 6 entries to 4 ledgers (1 new)" in out
    assert imported(team / "ana.toml") == [None, "crew.xlsx:Crew 2025!8"]
    assert imported(team / "cara" / "ledger.toml") == [
        "crew.xlsx:Crew 2025!6",
        "crew.xlsx:Crew 2025!10",
    ]
    assert titles(ceclog, "team/ben.toml") == ["Mold basics", "Drying webinar"]
    assert history(ceclog) == HISTORY

    imported_again(ceclog, team, "crew.xlsx")


def test_a_workbook_with_one_sheet_per_technician_into_the_team_folder(
    ceclog: Ceclog, team: Path
) -> None:
    per_technician_workbook(team.parent / "sheets.xlsx")
    code, out, err = run(
        ceclog, "import", "sheets.xlsx", "--team", "team", "--create", "--yes", "--json"
    )
    assert code == 0, err
    assert "note: sheet 'Summary' is not read: no row names a date and a title" in err
    doc = json.loads(out)
    assert doc["written"] is True and doc["errors"] == [] and doc["not_classes"] == []
    got = [(p["name"], p["ledger"], p["created"], p["rows"]) for p in doc["people"]]
    assert got == [
        ("Ana Lima", "team/ana.toml", False, ["Ana Lima!2", "Ana Lima!3"]),
        ("Ben Okafor", "team/ben.toml", False, ["Okafor, Ben!4", "Okafor, Ben!5", "Okafor, Ben!6"]),
        ("Cara Nguyen", "team/cara/ledger.toml", False, ["Nguyen, Cara!2", "Nguyen, Cara!3"]),
        ("Dan Wu", "team/dan-wu.toml", True, ["Dan Wu!2"]),
    ]
    ben = doc["people"][1]
    assert [(a["row"], a["sheet"], a["hours"]) for a in ben["added"]] == [
        (4, "Okafor, Ben", 4.0),
        (5, "Okafor, Ben", 2.5),
    ]
    assert ben["not_classes"] == [
        {
            "row": 6,
            "sheet": "Okafor, Ben",
            "why": "status 'Cancelled': not a class taken",
            "later": False,
        }
    ]
    assert [s["matches"] for s in doc["people"][0]["skipped"]] == [1]
    assert imported(team / "dan-wu.toml") == ["sheets.xlsx:Dan Wu!2"]
    assert history(ceclog) == HISTORY


def test_a_sheet_that_names_no_one_stops_a_team_import_until_hidden(
    ceclog: Ceclog, team: Path
) -> None:
    """A sheet of classes named after no one ("Old classes") could be anyone's."""
    sheets = {
        "Ana Lima": [["Date", "Course", "Hours"], [DT(2025, 6, 15), "Odor control", 3]],
        "Old classes": [["Date", "Course", "Hours"], [DT(2019, 1, 5), "Carpet cleaning", 7]],
    }
    make.workbook(team.parent / "book.xlsx", sheets)
    before = files(team)
    code, _, err = run(ceclog, "import", "book.xlsx", "--team", "team", "--yes")
    assert code == 1
    assert (
        "error: book.xlsx: the sheet 'Old classes' has no column saying whose class each row is, "
        "and its name is no person's, so the rows cannot go to their technicians' ledgers; "
        "nothing was written"
    ) in err
    assert "hide it (a hidden sheet is not read)" in err
    assert files(team) == before

    make.workbook(team.parent / "book.xlsx", sheets, hidden=("Old classes",))
    code, _, err = run(ceclog, "import", "book.xlsx", "--team", "team", "--yes")
    assert code == 0, err
    assert titles(ceclog, "team/ana.toml") == ["Water restoration", "Odor control"]


def test_accept_names_a_row_held_back_in_one_technicians_sheet(ceclog: Ceclog, team: Path) -> None:
    """Each technician's sheet holds a class pasted twice at its row 3: `--accept 3` could be
    either, so it is refused; `--accept 'Okafor, Ben!3'` adds Ben's alone."""
    make.workbook(
        team.parent / "twice.xlsx",
        {
            "Ana Lima": [["Date", "Course", "Hours"], *[[DT(2025, 6, 15), "Odor control", 3]] * 2],
            "Okafor, Ben": [["Date", "Course", "Hours"], *[[DT(2025, 9, 1), "Mold basics", 4]] * 2],
        },
    )
    code, out, err = run(ceclog, "import", "twice.xlsx", "--team", "team")
    assert code == 0, err
    assert "    row Okafor, Ben!3: 2025-09-01 Mold basics (4 h, course)" in out
    assert "      repeats row Okafor, Ben!2 (the same class as an earlier row of the file" in out
    code, _, err = run(ceclog, "import", "twice.xlsx", "--team", "team", "--accept", "3")
    assert code == 2
    assert "error: --accept 3: row 3 is held back in 2 sheets" in err
    assert "hint: name the sheet: --accept 'Ana Lima!3' or --accept 'Okafor, Ben!3'" in err
    code, out, err = run(
        ceclog, "import", "twice.xlsx", "--team", "team", "--accept", "Okafor, Ben!3", "--yes"
    )
    assert code == 0, err
    assert (
        "Added 3 entries to 2 ledgers for 2 technicians; 0 rows already there, 1 held back" in out
    )
    assert titles(ceclog, "team/ben.toml") == ["Mold basics", "Mold basics"]
    assert titles(ceclog, "team/ana.toml") == ["Water restoration", "Odor control"]


def test_a_crew_workbook_into_one_ledger_imports_only_the_holders_rows(
    ceclog: Ceclog, team: Path
) -> None:
    """Yearly sheets, each with a Technician column.  Into Ana's ledger: her 2 h of 2024-04-02
    and 3 h of 2025-06-15 come in (7 + 2 + 3 = 12.0 counted, 2.0 to go); her 2025-01-10 class
    is already there; the same Odor control written again as "Ana Lima" (after "ANA LIMA") is a
    repeat, held back; Ben's rows are only counted, and his ledger is not touched."""
    make.workbook(
        team.parent / "crew.xlsx",
        {
            "2024": [
                ["Technician", "Date", "Course", "Hours"],
                ["Ana Lima", DT(2024, 4, 2), "Drying basics", 2],
                ["Ben Okafor", DT(2024, 5, 1), "Mold awareness", 4],
            ],
            "2025": [
                ["Technician", "Date", "Course", "Hours"],
                ["Lima, Ana", DT(2025, 1, 10), "Water restoration", 7],
                ["Ben Okafor", DT(2025, 9, 1), "Mold basics", 4],
                ["ANA LIMA", DT(2025, 6, 15), "Odor control", 3],
                ["Ana Lima", DT(2025, 6, 15), "Odor control", 3],
            ],
        },
    )
    ben = (team / "ben.toml").read_bytes()
    code, out, err = run(ceclog, "import", "crew.xlsx", "--yes", ledger="team/ana.toml")
    assert code == 0, err
    assert out.splitlines() == [
        "Added 2 entries:",
        "  row 2024!2: entry 2: 2024-04-02 Drying basics (2 h, course)",
        "  row 2025!4: entry 3: 2025-06-15 Odor control (3 h, course)",
        "Skipped 1 row already in the ledger:",
        "  row 2025!2: 2025-01-10 Water restoration (7 h, course) = entry 1",
        "Held back 1 row until you say to add them:",
        "  row 2025!5: 2025-06-15 Odor control (3 h, course)",
        "    repeats row 2025!4 (the same class as an earlier row of the file: pasted twice?)",
        "  to add it as well: --accept '2025!5'",
        "Not imported: 2 rows naming another person than Ana Lima, the ledger's holder:",
        "  Ben Okafor: 2 rows (2024!3, 2025!3)",
    ]
    assert "import crew.xlsx --team FOLDER" in err
    assert imported(team / "ana.toml") == [None, "crew.xlsx:2024!2", "crew.xlsx:2025!4"]
    assert (team / "ben.toml").read_bytes() == ben
    code, out, err = run(ceclog, "team", "team/ana.toml", "--json")
    assert code == 0, err
    (row,) = json.loads(out)["rows"]
    assert (row["counted"], row["remaining"], row["state"]) == (12.0, 2.0, "on_track")
