"""Whose a crew sheet's row is (`core.people`, `core.crew`): names as spreadsheets write them,
and a workbook with one sheet per technician read the same as a Technician column (its sheets
as the `Table`s the store reads, one per sheet, built here; the CLI tests read real .xlsx
files)."""

from __future__ import annotations

import datetime as dt

import pytest

from ceclog.core.imports.crew import crew_of, person_of, read_own
from ceclog.core.imports.people import (
    closest,
    file_stem,
    holders_named,
    is_holder,
    looks_like_id,
    looks_like_name,
    name_key,
)
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.ledger.models import Holder
from ceclog.store.rules import load_rules

TODAY = dt.date(2026, 11, 22)
RULES = load_rules("iicrc").rules
ANA = Holder(name="Ana Lima", registrant_id="IICRC-1001", tracking_since=TODAY)


@pytest.mark.parametrize(
    ("written", "same"),
    [
        ("Ana Lima", True),
        ("ana  LIMA", True),
        ("Lima, Ana", True),
        ("LIMA,Ana", True),
        ("Ána Lîma", True),
        (" Ana\u00a0Lima ", True),
        ("iicrc 1001", True),  # the registrant ID, spacing and punctuation aside
        ("IICRC-1001", True),
        ("Ana M. Lima", False),  # a middle initial is another person (two Ana Limas exist)
        ("A. Lima", False),
        ("Ana", False),
        ("Ana Limas", False),
        ("Lima Ana", False),  # without the comma, the order is the order written
        ("1001", False),
        ("", False),
    ],
)
def test_a_name_is_the_holders_with_case_spacing_accents_and_order_aside(
    written: str, same: bool
) -> None:
    assert is_holder(written, ANA.name, ANA.registrant_id) is same


def test_a_holder_without_an_id_is_never_matched_by_an_empty_one() -> None:
    assert not is_holder("", "Ana Lima", None)
    assert not is_holder("-", "Ana Lima", "")
    assert holders_named("Lima, Ana", [("Ben Okafor", "1002"), ("ANA LIMA", None)]) == [1]
    assert holders_named("1002", [("Ben Okafor", "1002"), ("Ben Okafor", "1002")]) == [0, 1]


def test_name_keys_ids_and_file_names() -> None:
    assert name_key("Smith,  Jane") == name_key("jane smith") == ("jane", "smith")
    assert name_key("Jàne  O'Brien-Smith") == ("jane", "o", "brien", "smith")
    assert looks_like_id("2209-911") and not looks_like_id("Jane 2") and not looks_like_id("-")
    assert file_stem("Smith, Jane") == "jane-smith"
    assert file_stem("José  Núñez") == "jose-nunez"
    assert file_stem("???") == "technician"
    assert closest("Ana Lema", [("Ben Okafor", None), ("Ana Lima", None)]) == 1
    assert closest("Dan Wu", [("Ben Okafor", None), ("Ana Lima", None)]) is None


@pytest.mark.parametrize(
    ("sheet", "person"),
    [
        ("Ana Lima", True),
        ("Lima, Ana", True),
        ("José Núñez", True),
        ("Mary-Jane O'Neil", True),
        ("Sheet1", False),
        ("Summary", False),
        ("Training log", False),
        ("Crew 2024", False),
        ("2024", False),
        ("Ana", False),  # one word: a first name is not enough to know whose
        ("Old classes", False),
    ],
)
def test_a_sheet_named_after_a_person(sheet: str, person: bool) -> None:
    assert looks_like_name(sheet) is person


HEADERS = ["Date", "Course", "Hours"]


def _workbook() -> list[Table]:
    """A workbook read sheet by sheet: one sheet per technician, no Technician column, and a
    sheet whose name is no one's."""
    sheets = {
        "Lima, Ana": [
            (2, ["2025-01-10", "Water restoration", "7"]),
            (3, ["2025-06-15", "Odor control", "3"]),
        ],
        "Ben Okafor": [(2, ["2025-09-01", "Mold basics", "4"])],
        "Sheet1": [(2, ["2025-03-03", "Smoke odor", "2"])],
    }
    return [
        Table(name="crew.xlsx", headers=HEADERS, rows=rows, sheet=sheet)
        for sheet, rows in sheets.items()
    ]


def test_a_workbook_of_one_sheet_per_technician_reads_as_a_person_column() -> None:
    tables = _workbook()
    crew = crew_of(tables, Mapping())
    assert [(g.name, g.labels) for g in crew.groups] == [
        ("Ana Lima", ["Lima, Ana!2", "Lima, Ana!3"]),
        ("Ben Okafor", ["Ben Okafor!2"]),
    ]
    assert (
        crew.unnamed == ["Sheet1!2"] and crew.nameless == [] and crew.unnamed_sheets == ["Sheet1"]
    )
    assert [person_of(t, 0, ()) for t in tables] == ["Ana Lima", "Ben Okafor", None]

    # the same rows in one sheet with a Technician column: the same people
    column = Table(
        name="crew.csv",
        headers=["Technician", *HEADERS],
        rows=[
            (2, ["Lima, Ana", "2025-01-10", "Water restoration", "7"]),
            (3, ["Lima, Ana", "2025-06-15", "Odor control", "3"]),
            (4, ["Ben Okafor", "2025-09-01", "Mold basics", "4"]),
            (5, ["", "2025-03-03", "Smoke odor", "2"]),
        ],
    )
    by_column = crew_of([column], Mapping())
    assert [(g.name, g.labels) for g in by_column.groups] == [
        ("Ana Lima", ["2", "3"]),
        ("Ben Okafor", ["4"]),
    ]
    assert [e.label for e in by_column.nameless] == ["5"]  # the column is there: no one named

    # into Ana's ledger: her sheet, and the sheet that names no one; never Ben's
    own = read_own(tables, Mapping(), ANA, RULES, TODAY)
    assert [(c.entry.title, c.label) for c in own.reading.candidates] == [
        ("Water restoration", "Lima, Ana!2"),
        ("Odor control", "Lima, Ana!3"),
        ("Smoke odor", "Sheet1!2"),
    ]
    assert own.others == [("Ben Okafor", ["Ben Okafor!2"])]


def test_a_cell_wins_over_the_sheets_name_and_an_empty_one_falls_back_to_it() -> None:
    table = Table(
        name="crew.xlsx",
        headers=["Tech", *HEADERS],
        rows=[(2, ["Ben Okafor", "2025-01-10", "A", "1"]), (3, ["", "2025-01-11", "B", "1"])],
        sheet="Ana Lima",
    )
    crew = crew_of([table], Mapping())
    assert [(g.name, g.labels) for g in crew.groups] == [
        ("Ben Okafor", ["Ana Lima!2"]),
        ("Ana Lima", ["Ana Lima!3"]),
    ]


def test_an_empty_person_column_names_no_one_and_is_read_past() -> None:
    table = Table(
        name="log.csv",
        headers=["Name", *HEADERS],
        rows=[(2, ["", "2025-01-10", "A", "1"]), (3, [" ", "2025-01-11", "B", "1"])],
    )
    own = read_own([table], Mapping(), ANA, RULES, TODAY)
    assert [c.row for c in own.reading.candidates] == [2, 3] and own.reading.errors == []
    assert "column 'Name' is empty: it names no one" in own.reading.notes


def test_rows_that_are_no_ones_class_name_no_one() -> None:
    """A heading in the person column, the header printed again and a labelled total are read
    past by the reader: they are no one's rows (a heading is no technician to import for)."""
    table = Table(
        name="crew.csv",
        headers=["Technician", *HEADERS],
        rows=[
            (2, ["Spring 2025", "", "", ""]),
            (3, ["Ana Lima", "2025-03-01", "Drying", "1"]),
            (4, ["Technician", *HEADERS]),
            (5, ["Ana Lima", "", "Total", "1"]),
            (6, ["", "2025-04-01", "Odor", "2"]),
        ],
    )
    crew = crew_of([table], Mapping())
    assert [(g.name, g.labels) for g in crew.groups] == [("Ana Lima", ["3"])]
    assert [e.label for e in crew.nameless] == ["6"] and crew.unnamed == []
    own = read_own([table], Mapping(), ANA, RULES, TODAY)
    assert [c.label for c in own.reading.candidates] == ["3"]
    assert [e.label for e in own.reading.errors] == ["6"]
    assert [n.label for n in own.reading.not_classes] == ["2", "4", "5"]
