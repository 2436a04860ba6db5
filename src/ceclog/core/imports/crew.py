"""A crew sheet: whose class each row is, and each person's rows read into their own ledger.

A row's person is its person column's cell ("Technician", "Tech", "Name"...), else the
mapping's constant (`[constants] person = "..."`), else the name of its sheet when that is a
person's name (a workbook with one sheet per technician).  A row that is no one's class (a
labelled total, a heading, the header again) has no person.

Every sheet is read whole (`rows.entries_of_all`: its header, date order, totals and
statuses as the sheet has them), then its rows are split by person, by their labels ("12", or
"2025!12" in a workbook).  Into one ledger, only the holder's rows (and the rows of a sheet
that names no one) are imported; the others are counted per name.  Into a team's folder, each
person's rows go to the ledger whose holder they name (`core.people`).  Pure: the store reads
the file and the ledgers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ceclog.core.imports.columns import columns_of, person_columns, whose_unread
from ceclog.core.imports.match import ImportPlan, plan_import, resolve
from ceclog.core.imports.names import PERSON
from ceclog.core.imports.people import holders_named, is_holder, looks_like_name, name_key, tidy
from ceclog.core.imports.rows import entries_of_all
from ceclog.core.imports.table import Candidate, Mapping, Reading, RowError, Table, cell_at
from ceclog.core.imports.totals import not_class
from ceclog.core.ledger.models import Holder, Ledger, Rules
from ceclog.core.ledger.vocabulary import header_key
from ceclog.errors import InputError


def person_of(
    table: Table, index: int, columns: Sequence[int], constant: str | None = None
) -> str | None:
    """Whose class row `index` of `table` is, as the sheet writes it: the cells of the person
    `columns` (one, or the first and last names) read together, else the mapping's
    `constant`, else the name of the table's sheet when it is a person's name; None when
    nothing says."""
    parts: list[str] = []
    for column in columns:  # a last name a "Name" cell already holds is not written twice
        cell = tidy(cell_at(table.rows[index][1], column))
        if cell and not set(name_key(cell)) <= {w for p in parts for w in name_key(p)}:
            parts.append(cell)
    if parts:
        return " ".join(parts)
    if constant is not None and constant.strip():
        return tidy(constant)
    if table.sheet is not None and looks_like_name(table.sheet):
        return tidy(table.sheet)
    return None


@dataclass
class Group:
    """The rows that name one person: the name as the sheet first writes it (tidied), and the
    rows' labels."""

    name: str
    labels: list[str] = field(default_factory=list)


@dataclass
class Crew:
    """The rows of a file by person.  `nameless`: rows whose person cell is empty (once a sheet
    has the column, every class in it must name someone), each as its error; `unnamed`: rows
    of a sheet with no person column (nor a person's name), whose person nothing says;
    `order`: every row's place in the file, to list rows as the file has them."""

    groups: list[Group]
    nameless: list[RowError]
    unnamed: list[str]
    notes: list[str]
    order: dict[str, int]
    unnamed_sheets: list[str | None] = field(default_factory=list)
    # the columns of those sheets that say whose each row is, unread ("Employee ID")
    whose: list[str] = field(default_factory=list)

    def sort(self, labels: Sequence[str]) -> list[str]:
        return sorted(labels, key=lambda label: self.order.get(label, -1))

    def without_totals(self, reading: Reading) -> Crew:
        """The crew without the names only totals give: a subtotal row whose person cell
        says "Okafor" and whose hours are the sum of the rows above names no one."""
        totals = {n.label for n in reading.not_classes if n.why.startswith("a total")}
        groups = [g for g in self.groups if not set(g.labels) <= totals]
        return replace(self, groups=groups)


def crew_of(tables: Sequence[Table], mapping: Mapping) -> Crew:
    """Every row's person.  A person column with nothing in it is read as no column at all (a
    technician's log with an empty "Name")."""
    crew = Crew([], [], [], [], {})
    groups: dict[tuple[str, ...], Group] = {}
    constant = mapping.constants.get(PERSON)
    for table in tables:
        columns, _ = columns_of(table, mapping)
        people = person_columns(columns, table.headers)
        header = " and ".join(repr(table.headers[c]) for c in people)
        where = f"sheet {table.sheet!r}: " if len(tables) > 1 and table.sheet else ""
        many = len(people) > 1
        said = f"{where}column{'s' if many else ''} {header}"
        if people and not any(cell_at(c, i).strip() for _, c in table.rows for i in people):
            crew.notes.append(f"{said} {'are' if many else 'is'} empty: it names no one")
            people = ()
        elif many:
            crew.notes.append(f"{said} are read together as whose class each row is")
        heads = [header_key(h) for h in table.headers]
        unnamed = len(crew.unnamed)
        for index, (number, cells) in enumerate(table.rows):
            label = table.label(number)
            crew.order[label] = len(crew.order)
            if not table.own and not_class(cells, heads, columns) is not None:
                continue  # a total, a heading, the header again: no one's class
            person = person_of(table, index, people, constant)
            key = name_key(person) if person is not None else ()
            if person is not None and key:
                groups.setdefault(key, Group(person)).labels.append(label)
            elif people:
                verb = "names" if len(people) == 1 else "name"
                message = (
                    f"{header} {verb} no one: whose class is it? write the technician's name "
                    "(or registrant ID) in it"
                )
                crew.nameless.append(RowError(number, message, table.sheet))
            else:
                crew.unnamed.append(label)
                if table.sheet not in crew.unnamed_sheets:
                    crew.unnamed_sheets.append(table.sheet)
        if len(crew.unnamed) > unnamed:
            crew.whose += [h for h in whose_unread(table, people) if h not in crew.whose]
    crew.groups = list(groups.values())
    return crew


def whose_said(headers: Sequence[str]) -> str:
    """The columns that say whose each row is but are not read, in words."""
    names = " and ".join(repr(h) for h in headers)
    many = len(headers) > 1
    return f"column{'s' if many else ''} {names} say{'' if many else 's'} whose class each row is"


def pick(reading: Reading, keep: Callable[[str], bool], person: str | None = None) -> Reading:
    """The part of `reading` at the rows `keep` says, its candidates as `person`'s (so that a
    class written twice, under two spellings of their name, is one repeat)."""
    return Reading(
        [replace(c, person=person) for c in reading.candidates if keep(c.label)],
        [e for e in reading.errors if keep(e.label)],
        list(reading.notes),
        reading.mapping,
        [n for n in reading.not_classes if keep(n.label)],
        reading.own,
    )


def nameless_errors(crew: Crew, reading: Reading) -> list[RowError]:
    """The rows naming no one that are classes (a total or a cancelled class is read past)."""
    passed = {n.label for n in reading.not_classes}
    return [e for e in crew.nameless if e.label not in passed]


@dataclass
class Own:
    """A file read into one ledger: the holder's rows read, and the rows naming other people
    (each name as the sheet first writes it, and its rows' labels)."""

    reading: Reading
    others: list[tuple[str, list[str]]]


def own_of(reading: Reading, crew: Crew, holder: Holder) -> Own:
    """The holder's part of `reading` (the file read whole): the rows naming them (by name or
    registrant ID) and those whose person nothing says; a row naming another person is never
    imported, only counted, and one whose person cell is empty is an error."""
    if crew.unnamed and crew.whose:
        raise InputError(
            f"{whose_said(crew.whose)}, and no column says whose by a name ceclog reads, so "
            f"its rows cannot be taken as all {holder.name}'s; nothing was written",
            hint="a column of each row's technician (Technician or Name, or First Name and "
            "Last Name) says whose; or, if every row is theirs, say so in a mapping file "
            f'(--map MAP.toml): [constants] person = "{holder.name}"',
        )
    crew = crew.without_totals(reading)
    mine = [g for g in crew.groups if is_holder(g.name, holder.name, holder.registrant_id)]
    theirs = [g for g in crew.groups if g not in mine]
    errors = nameless_errors(crew, reading)
    away = {label for g in theirs for label in g.labels} | {e.label for e in errors}
    own = pick(reading, lambda label: label not in away, holder.name)
    own.errors = sorted([*own.errors, *errors], key=lambda e: crew.order.get(e.label, -1))
    own.notes += crew.notes
    return Own(own, [(g.name, g.labels) for g in theirs])


# --- a team's folder --------------------------------------------------------------------------


@dataclass
class Share:
    """One ledger's part of a crew sheet: the spellings of its holder's name the sheet uses,
    the rows' labels, and the ledger (its index among the team's ledgers; None: no ledger is
    that person's)."""

    names: list[str]
    labels: list[str]
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
            unmatched.append(Share([group.name], list(group.labels), None))
        else:
            share = by_ledger.setdefault(found[0], Share([], [], found[0]))
            share.names.append(group.name)
            share.labels = crew.sort([*share.labels, *group.labels])
    return [*by_ledger.values(), *unmatched], ambiguous


@dataclass
class Part:
    """One person's rows read and planned against their ledger: `plan` is None when a row
    cannot be read (`reading.errors`) or the ledger would gain an error (`problem`)."""

    reading: Reading
    plan: ImportPlan | None
    problem: str | None = None


def plan_part(
    reading: Reading,
    share: Share,
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
    source: str,
    accept: list[str] | None = None,
    *,
    validate: Callable[[Ledger, Ledger], None],
) -> Part:
    """What importing the share's rows of `reading` (the file read whole under the ledger's
    rules) into `ledger` would do; `validate(old, new)` raises InputError when the
    new ledger has errors the old did not."""
    labels = set(share.labels)
    mine = pick(reading, labels.__contains__, share.names[0])
    if mine.errors:
        return Part(mine, None)
    plan = plan_import(
        ledger, mine.candidates, source, accept, repeats=not reading.own, rules=rules
    )
    new = replace(ledger, entries=[*ledger.entries, *(a.entry for a in plan.added)])
    try:
        validate(ledger, new)
    except InputError as exc:
        return Part(mine, None, exc.message + (f" ({exc.hint})" if exc.hint else ""))
    return Part(mine, plan)


def accepted_in(parts: Sequence[Part], accept: list[str]) -> list[list[str]]:
    """`--accept ROW...` split by part: each label names one row held back in the whole file
    ("12" is refused where row 12 is held back in two sheets); one that names none is refused."""
    held: list[Candidate] = [h.row for p in parts if p.plan for h in p.plan.held]
    wanted = resolve(accept, held)
    return [
        [h.row.label for h in p.plan.held if h.row.label in wanted] if p.plan else [] for p in parts
    ]


@dataclass
class Placed:
    """One person's part of a crew sheet's import: the names the sheet gives them, their
    ledger (as the user reads its path), whether it is new (and its rules, in words), the
    rows' labels, and what reading and planning them gave."""

    names: list[str]
    ledger: str
    rows: list[str]
    part: Part
    new: str | None = None  # a new ledger: "rules iicrc, as every ledger in team names"


def errors_of(placed: list[Placed], nameless: list[RowError], crew: Crew) -> list[RowError]:
    """Every row that stops a team's import (and a ledger that would gain an error), as the
    file has them."""
    errors = list(nameless)
    for p in placed:
        errors += p.part.reading.errors
    errors.sort(key=lambda e: crew.order.get(e.label, -1))
    for p in placed:
        if p.part.problem:
            errors.append(RowError(None, f"{p.ledger}: {p.part.problem}"))
    return errors


def read_own(
    tables: Sequence[Table], mapping: Mapping, holder: Holder, rules: Rules, today: dt.date
) -> Own:
    """The file's rows that are the holder's, read as entries (see `own_of`)."""
    reading = entries_of_all(list(tables), mapping, rules, today)
    return own_of(reading, crew_of(tables, mapping), holder)
