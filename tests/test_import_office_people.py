"""Sheets as offices keep them (issue 20): an HR system's export with the person's name in a
First Name and a Last Name column, a class already typed in by hand under another title, a
class dated TBD, a "Provider/School" column and kinds written as words (Seminar, Workshop...),
and what a refused import's hint says.

The team is tests/crew_makers.py's (on 2026-11-30): Ana Lima (1001) has "Water restoration",
7 h on 2025-01-10 (entry 1); Ben Okafor (1002) and Cara Nguyen (1003) have nothing yet.  Each
expected entry is a row of the sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sheet_makers as make
from conftest import Ceclog, make_ledger
from crew_makers import classes, files, make_team, run
from sheet_makers import entries


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_team(tmp_path / "team")


ANA = [("2025-01-10", "Water restoration", 7.0), ("2025-06-15", "Odor control", 3.0)]


@pytest.mark.parametrize(
    ("save", "first", "last"),
    [
        (make.excel_utf8, "First Name", "Last Name"),
        (make.google, "Employee First Name", "Employee Last Name"),
        (make.libreoffice, "Given Name", "Surname"),
    ],
)
def test_first_and_last_name_columns_are_whose_class_each_row_is(
    ceclog: Ceclog, team: Path, save: Any, first: str, last: str
) -> None:
    """An HR export: Employee ID, the last name before the first; into Ana's ledger only her
    rows come in, the others are counted per name; --team puts each in their own ledger."""
    save(
        team.parent / "hr.csv",
        [
            ["Employee ID", last, first, "Course Date", "Course Title", "Hours"],
            ["1041", "Lima", "Ana", "2025-06-15", "Odor control", "3"],
            ["1057", "Okafor", "Ben", "2025-09-01", "Mold basics", "4"],
            ["1063", "Nguyen", "Cara", "2024-07-01", "Fire restoration", "5"],
            ["1063", "Nguyen", "Cara", "2025-03-03", "Smoke odor", "2"],
        ],
    )
    code, out, err = run(ceclog, "import", "hr.csv", "--yes", ledger="team/ana.toml")
    assert code == 0, err
    assert (
        "Not imported: 3 rows naming another person than Ana Lima, the ledger's holder:\n"
        "  Ben Okafor: 1 row (3)\n"
        "  Cara Nguyen: 2 rows (4, 5)\n"
    ) in out
    assert f"columns {first!r} and {last!r} are read together as whose class each row is" in err
    assert "import hr.csv --team FOLDER" in err
    assert classes(ceclog, "team/ana.toml") == ANA

    code, out, err = run(ceclog, "import", "hr.csv", "--team", "team", "--yes")
    assert code == 0, err
    assert "Added 3 entries to 2 ledgers for 3 technicians; 1 row already there" in out
    assert classes(ceclog, "team/ana.toml") == ANA
    assert classes(ceclog, "team/ben.toml") == [("2025-09-01", "Mold basics", 4.0)]
    assert classes(ceclog, "team/cara/ledger.toml") == [
        ("2024-07-01", "Fire restoration", 5.0),
        ("2025-03-03", "Smoke odor", 2.0),
    ]


def test_nombre_and_apellido_from_a_european_excel_are_one_person(
    ceclog: Ceclog, team: Path
) -> None:
    make.excel_cp1252(
        team.parent / "cursos.csv",
        [
            ["Nombre", "Apellido", "Fecha", "Curso", "Horas"],
            ["Ana", "Lima", "15/06/2025", "Odor control", "3"],
            ["Ben", "Okafor", "01/09/2025", "Mold basics", "4"],
        ],
    )
    code, out, err = run(ceclog, "import", "cursos.csv", "--yes", ledger="team/ana.toml")
    assert code == 0, err
    assert "  Ben Okafor: 1 row (3)\n" in out
    assert classes(ceclog, "team/ana.toml") == ANA


def test_an_employee_id_alone_says_whose_rows_but_not_by_a_name_so_nothing_comes_in(
    ceclog: Ceclog, team: Path
) -> None:
    make.google(
        team.parent / "ids.csv",
        [
            ["Employee ID", "Date", "Course", "Hours"],
            ["1041", "2025-06-15", "Odor control", "3"],
            ["1057", "2025-09-01", "Mold basics", "4"],
        ],
    )
    before = files(team)
    code, _, err = run(ceclog, "import", "ids.csv", "--yes", ledger="team/ana.toml")
    assert code == 1
    assert (
        "error: ids.csv: column 'Employee ID' says whose class each row is, and no column says "
        "whose by a name ceclog reads, so its rows cannot be taken as all Ana Lima's; nothing "
        "was written"
    ) in err
    assert files(team) == before


def test_a_class_typed_in_under_another_title_is_held_back_until_accepted(
    ceclog: Ceclog, team: Path
) -> None:
    """Ana's entry 1 is "Water restoration", 7 h on 2025-01-10; the office's sheet calls the
    same class "WRT class": same person, date and hours, another title."""
    sheet = make.excel_utf8(
        team.parent / "q4.csv",
        [
            ["Technician", "Date", "Course", "Hours"],
            ["Ana Lima", "1/10/2025", "WRT class", "7"],
            ["Ana Lima", "6/15/2025", "Odor control", "3"],
        ],
    )
    code, out, err = run(ceclog, "import", sheet.name, "--team", "team", "--yes")
    assert code == 0, err
    assert (
        "  Held back 1 row until you say to add them:\n"
        "    row 2: 2025-01-10 WRT class (7 h, course)\n"
        "      resembles entry 1: 2025-01-10 Water restoration (7 h, course) (same date and "
        "amount as an entry under another title: the same class?)\n"
    ) in out
    assert "ceclog edit ID --title TITLE" in out
    assert classes(ceclog, "team/ana.toml") == ANA

    code, out, err = run(ceclog, "import", sheet.name, "--yes", ledger="team/ana.toml")
    assert code == 0, err
    assert "Added 0 entries." in out and "Held back 1 row" in out
    code, out, err = run(
        ceclog, "import", sheet.name, "--accept", "2", "--yes", ledger="team/ana.toml"
    )
    assert code == 0, err
    assert classes(ceclog, "team/ana.toml") == [ANA[0], ("2025-01-10", "WRT class", 7.0), ANA[1]]


@pytest.mark.parametrize("save", [make.google, make.excel_utf8])
def test_a_class_dated_tbd_is_named_not_imported_yet(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, save: Any
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    sheet = save(
        tmp_path / "tbd.csv",
        [
            ["Date", "Course", "Hours", "Status"],
            ["2025-10-14", "Health and Safety Technician", "7", "Completed"],
            ["TBD", "Fire and Smoke Restoration", "14", "Scheduled"],
        ],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 0, r.err
    assert (
        "Not imported yet: 1 row (a class whose date or hours are not known yet):\n"
        "  row 3: its date is TBD: add it once it has one (write the date in the sheet and "
        "import it again)\n"
    ) in r.out
    assert [(e[0], e[1]) for e in entries(ceclog)] == [
        ("2025-10-14", "Health and Safety Technician")
    ]


def test_a_provider_school_column_and_kinds_written_as_words(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    book = make.workbook(
        tmp_path / "kim.xlsx",
        {
            "CECs": [
                ["Date", "Course", "Provider/School", "Type", "Hours"],
                ["2025-03-21", "Restoration business", "Jon-Don", "Seminar", 4],
                ["2025-04-02", "Drying lab", "ABC School", "Workshop", 7],
                ["2025-05-06", "Mold talk", "RIA", "Conference", 2],
                ["2025-06-07", "Odor online", "ITC", "Online", 3.5],
                ["2025-07-08", "Trauma basics", "IICRC", "Class", 7],
            ]
        },
    )
    r = ceclog("import", str(book), "--yes")
    assert r.code == 0, r.err
    assert "'Type': 'Seminar' read as the kind course" in r.err and "webinar" not in r.err
    assert [(e[1], e[4], e[6]) for e in entries(ceclog)] == [
        ("Restoration business", "course", "Jon-Don"),
        ("Drying lab", "workshop", "ABC School"),
        ("Mold talk", "conference", "RIA"),
        ("Odor online", "online", "ITC"),
        ("Trauma basics", "course", "IICRC"),
    ]


def test_a_refused_row_says_to_correct_the_row_not_to_write_a_mapping(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"))
    before = ledger_path.read_bytes()
    sheet = make.libreoffice(
        tmp_path / "bad.csv",
        [
            ["Date", "Course", "Type", "Hours"],
            ["2025-07-01", "Retreat day", "Retreat", "2"],
            ["2025-08-01", "Bad", "Class", "-1"],
        ],
    )
    r = ceclog("import", str(sheet), "--yes")
    assert r.code == 1
    assert (
        f"{sheet}:2: 'Type' 'Retreat' is no kind of activity the iicrc rules have: write one of "
        "theirs in the cell (course, online, webinar, workshop, event, conference, booth, other)"
    ) in r.err
    assert "did you mean" not in r.err
    assert "  hint: correct those rows in the file, then run the import again" in r.err
    assert "mapping" not in r.err
    assert ledger_path.read_bytes() == before
