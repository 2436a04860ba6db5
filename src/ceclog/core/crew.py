"""A crew sheet: whose class each row is, and each person's rows read into their own ledger.

A row's person is its person column's cell ("Technician", "Tech", "Name"...), else the
mapping's constant (`[constants] person = "..."`), else the name of the sheet it comes from when
that is a person's name (a workbook with one sheet per technician).  Into one ledger, only the
holder's rows (and the rows that name no one, in a sheet without a person column) are read;
the others are counted per name.  Into a team's folder, each person's rows go to the ledger
whose holder they name (`core.people`).  Pure: the store reads the file and the ledgers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ceclog.core.import_match import ImportPlan, plan_import
from ceclog.core.import_names import PERSON
from ceclog.core.import_rows import (
    Mapping,
    Reading,
    RowError,
    Table,
    columns_of,
    entries_of,
    settled,
)
from ceclog.core.models import Holder, Ledger, Rules
from ceclog.core.operations import no_new_errors
from ceclog.core.people import holders_named, is_holder, looks_like_name, name_key, tidy
from ceclog.errors import InputError, UsageError


def sheet_of(table: Table, index: int) -> str | None:
    """The name of the sheet row `index` of `table` comes from (None: a CSV file)."""
    return table.sheets[index] if index < len(table.sheets) else None


def person_of(
    table: Table, index: int, column: int | None, constant: str | None = None
) -> str | None:
    """Whose class row `index` of `table` is, as the sheet writes it: the cell of the person
    `column`, else the mapping's `constant`, else the name of the row's sheet when it is a
    person's name; None when nothing says."""
    if column is not None:
        cells = table.rows[index][1]
        cell = " ".join(cells[column].split()) if column < len(cells) else ""
        if cell:
            return tidy(cell)
    if constant is not None and constant.strip():
        return tidy(constant)
    sheet = sheet_of(table, index)
    if sheet is not None and looks_like_name(sheet):
        return tidy(sheet)
    return None


@dataclass
class Group:
    """The rows that name one person: the name as the sheet first writes it (tidied), and
    the rows (indexes into `table.rows`)."""

    name: str
    indices: list[int] = field(default_factory=list)


@dataclass
class Crew:
    """The rows of a sheet by person.  `nameless`: rows whose person cell is empty (every
    row must name someone once the column is there); `unnamed`: rows of a sheet with no person
    column (and no sheet named after a person), whose person nothing says."""

    groups: list[Group]
    nameless: list[int]
    unnamed: list[int]
    column: str | None  # the person column's header
    notes: list[str]


def crew_of(table: Table, mapping: Mapping) -> Crew:
    """Every row's person (`mapping`: as `settled` gives it, with its columns by header).
    A person column with nothing in it is read as no column at all (a log's empty "Name")."""
    column = columns_of(table, mapping)[0].get(PERSON)
    header = table.headers[column] if column is not None else None
    notes = []
    if column is not None and not any(
        column < len(cells) and cells[column].strip() for _, cells in table.rows
    ):
        notes.append(f"column {header!r} is empty: it names no one")
        column, header = None, None
    constant = mapping.constants.get(PERSON)
    groups: dict[tuple[str, ...], Group] = {}
    nameless: list[int] = []
    unnamed: list[int] = []
    for index in range(len(table.rows)):
        person = person_of(table, index, column, constant)
        key = name_key(person) if person is not None else ()
        if person is None or not key:
            (nameless if column is not None else unnamed).append(index)
        else:
            groups.setdefault(key, Group(person)).indices.append(index)
    return Crew(list(groups.values()), nameless, unnamed, header, notes)


def part(table: Table, indices: Sequence[int]) -> Table:
    """The rows `indices` of `table` (and their sheets) as a table of their own."""
    sheets = [table.sheets[i] for i in indices] if table.sheets else []
    return replace(table, rows=[table.rows[i] for i in indices], sheets=sheets)


def numbers(table: Table, indices: Sequence[int]) -> list[int]:
    """The row numbers of rows `indices`, as the spreadsheet shows them."""
    return [table.rows[i][0] for i in indices]


def nameless_errors(table: Table, crew: Crew) -> list[RowError]:
    return [
        RowError(
            table.rows[i][0],
            f"{crew.column!r} names no one: whose class is it? write the technician's name "
            "(or registrant ID) in it",
        )
        for i in crew.nameless
    ]


@dataclass
class Own:
    """A sheet read into one ledger: the holder's rows read, and the rows naming other people
    (each name as the sheet writes it, and its row numbers)."""

    reading: Reading
    others: list[tuple[str, list[int]]]


def read_own(table: Table, mapping: Mapping, holder: Holder, rules: Rules, today: dt.date) -> Own:
    """The rows of `table` that are the holder's (by name or registrant ID), as entries; a row
    naming another person is never read, only counted."""
    used = settled(table, mapping)
    crew = crew_of(table, used)
    mine = [g for g in crew.groups if is_holder(g.name, holder.name, holder.registrant_id)]
    indices = sorted([*crew.unnamed, *(i for g in mine for i in g.indices)])
    reading = entries_of(part(table, indices), used, rules, today)
    reading.errors = sorted(
        [*reading.errors, *nameless_errors(table, crew)], key=lambda e: e.row or 0
    )
    reading.notes += crew.notes
    others = [(g.name, numbers(table, g.indices)) for g in crew.groups if g not in mine]
    return Own(reading, others)


# --- a team's folder --------------------------------------------------------------------------


@dataclass
class Share:
    """One ledger's part of a crew sheet: the spellings of its holder's name the sheet uses,
    the rows (indexes into `table.rows`), and the ledger (its index among the team's ledgers;
    None: no ledger is that person's)."""

    names: list[str]
    indices: list[int]
    ledger: int | None


def shares_of(
    crew: Crew, holders: Sequence[tuple[str, str | None]]
) -> tuple[list[Share], list[tuple[Group, list[int]]]]:
    """Each person's share: by ledger (in the order the sheet first names them), then the
    names no ledger's holder has; and the names that more than one ledger's holder has (a
    copy of a ledger: the import cannot choose)."""
    by_ledger: dict[int, Share] = {}
    unmatched: list[Share] = []
    ambiguous: list[tuple[Group, list[int]]] = []
    for group in crew.groups:
        found = holders_named(group.name, holders)
        if len(found) > 1:
            ambiguous.append((group, found))
        elif not found:
            unmatched.append(Share([group.name], list(group.indices), None))
        else:
            share = by_ledger.setdefault(found[0], Share([], [], found[0]))
            share.names.append(group.name)
            share.indices = sorted([*share.indices, *group.indices])
    return [*by_ledger.values(), *unmatched], ambiguous


@dataclass
class Part:
    """One person's rows read and planned against their ledger: `plan` is None when a row
    cannot be read (`reading.errors`) or the ledger would gain an error (`problem`)."""

    reading: Reading
    plan: ImportPlan | None
    problem: str | None = None


def plan_part(
    table: Table,
    used: Mapping,
    indices: Sequence[int],
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
    accept: list[int],
) -> Part:
    """What importing the rows `indices` into `ledger` would do (`used`: the mapping settled
    on the whole table, so that every person's dates read alike)."""
    reading = entries_of(part(table, indices), used, rules, today)
    if reading.errors:
        return Part(reading, None)
    plan = plan_import(ledger, reading.candidates, table.name, accept)
    new = replace(ledger, entries=[*ledger.entries, *(a.entry for a in plan.added)])
    try:
        no_new_errors(ledger, new, rules, today)
    except InputError as exc:
        return Part(reading, None, exc.message + (f" ({exc.hint})" if exc.hint else ""))
    return Part(reading, plan)


def accepted_in(table: Table, shares: Sequence[Share], accept: list[int]) -> list[list[int]]:
    """`--accept ROW...` split by share; a row of no share is refused."""
    split = [[r for r in accept if r in set(numbers(table, s.indices))] for s in shares]
    stray = sorted(set(accept) - {r for rows in split for r in rows})
    if stray:
        raise UsageError(
            f"--accept {' '.join(map(str, stray))}: the sheet has no such row naming a technician"
        )
    return split


@dataclass
class Placed:
    """One person's part of a crew sheet's import: the names the sheet gives them, their
    ledger (as the user reads its path), whether it is new (and its rules, in words), the row
    numbers, and what reading and planning them gave."""

    names: list[str]
    ledger: str
    rows: list[int]
    part: Part
    new: str | None = None  # a new ledger: "rules iicrc, as every ledger in team names"


def errors_of(placed: list[Placed], nameless: list[RowError]) -> list[RowError]:
    """Every row that stops a team's import (and a ledger that would gain an error), by row."""
    errors = list(nameless)
    for p in placed:
        errors += p.part.reading.errors
        if p.part.problem:
            errors.append(RowError(None, f"{p.ledger}: {p.part.problem}"))
    return sorted(errors, key=lambda e: e.row or 0)
