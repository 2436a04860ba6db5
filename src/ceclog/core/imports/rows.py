"""Rows of a spreadsheet as entries: which column holds which field (`columns`), how a
column's dates read (`dates`), amounts as written (`amounts`), what a status
means and which rows are no class (`values`); each row checked with the rules `add`
applies (`fields.entry_fields`, `check_text`, `fields.check_dates`).

Rows that are not classes are read past, each named: a total (labelled so, or a row without a
title whose hours or credits equal the sum of the two or more rows above it since the last
total), a heading (one cell of text), the header printed again, a cancelled class.  The store
reads the file into `Table`s (text cells); everything here is pure."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ceclog.core.imports.amounts import CEUS, CREDITS, DURATION, HOURS, from_ceus, number, quantity
from ceclog.core.imports.columns import columns_of, credit_hours
from ceclog.core.imports.dates import DateColumn, date_column, serial_note
from ceclog.core.imports.names import DATE_FIELDS
from ceclog.core.imports.table import (
    Candidate,
    Mapping,
    NotClass,
    Reading,
    RowError,
    Table,
    cell_at,
)
from ceclog.core.imports.totals import no_class_title, not_class
from ceclog.core.imports.values import Status, status_of
from ceclog.core.ledger.fields import check_dates, check_text, entry_fields, parse_topic_hours
from ceclog.core.ledger.models import Entry, Rules
from ceclog.core.ledger.vocabulary import header_key, kind_of, plain
from ceclog.errors import CeclogError, InputError

__all__ = ["Candidate", "Mapping", "Reading", "RowError", "Table", "amount", "entries_of"]

YES = ("yes", "y", "true", "1", "x", "planned")
NO = ("", "no", "n", "false", "0")
# A date not known yet: such a class cannot come in until it has one.
UNDATED = (
    *("tbd", "tba", "to be determined", "to be announced", "to be scheduled", "pending"),
    *("por definir", "pendiente", "por confirmar", "offen", "?"),
)


class NotYet(InputError):
    """A class that cannot come in yet (its date is TBD, or it is planned and its hours are not
    known): not imported, said, not refused."""


def amount(text: str, what: str, decimal: str) -> Any:
    """A plain number with the sheet's decimal mark (a transcript's credits)."""
    return number(text, what, decimal)


@dataclass
class Sums:
    """The hours and credits of the rows since the last total or heading: a row without a title
    that equals them (over two rows or more) is a total."""

    rows: int = 0
    values: dict[str, Decimal] = field(default_factory=dict)

    def add(self, amounts: dict[str, Decimal]) -> None:
        self.rows += 1
        for unit, value in amounts.items():
            self.values[unit] = self.values.get(unit, Decimal(0)) + value

    def equal(self, amounts: dict[str, Decimal]) -> bool:
        return (
            self.rows >= 2
            and bool(amounts)
            and all(self.values.get(u) == v for u, v in amounts.items())
        )


@dataclass
class Row:
    """What one row's cells say, before they become an entry."""

    raw: dict[str, str]
    what: dict[str, str]  # field -> how messages name it ('Hours', or the field's name)
    decimal: str = "."
    credit_hours: bool = False  # the credits column counts them in hours ("CEC Hours")
    notes: list[str] = field(default_factory=list)

    def name(self, key: str) -> str:
        return self.what.get(key, key)


@dataclass
class Reader:
    """One sheet read row by row: what each row is, and what was said about it."""

    table: Table
    columns: dict[str, int]
    dates: dict[str, DateColumn]
    rules: Rules
    today: dt.date
    constants: dict[str, str]
    decimal: str
    credit_hours: bool
    out: list[Candidate] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    passed: list[NotClass] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # a kind as written -> the rules'
    # the sums since the last total: of the classes, and of all rows (cancelled ones too)
    sums: tuple[Sums, Sums] = field(default_factory=lambda: (Sums(), Sums()))

    @property
    def what(self) -> dict[str, str]:
        return {name: repr(self.table.headers[i]) for name, i in self.columns.items()}

    def skip(self, at: int, why: str, total: bool = False) -> None:
        self.passed.append(NotClass(at, why, self.table.sheet))
        if total:
            self.sums = (Sums(), Sums())

    def read(self, at: int, cells: list[str], heads: list[str]) -> None:
        table = self.table
        why = None if table.own else not_class(cells, heads, self.columns)
        if why is not None:
            return self.skip(at, why, why.startswith(("a total", "a heading")))
        raw = dict(self.constants)
        for name, index in self.columns.items():
            cell = cell_at(cells, index)
            if table.ceclog_export and cell[:1] == "'" and cell[1:2] in "=+-@\t\r":
                cell = cell[1:]
            raw[name] = cell
        row = Row(raw, self.what, self.decimal, self.credit_hours)
        try:
            amounts = amounts_of(row)
            status = status_of(raw.get("status", ""))
            untitled = not table.own and no_class_title(raw.get("title", ""))
            if untitled and any(s.equal(amounts) for s in self.sums):
                title = one_line(raw.get("title", ""))
                said = f"titled {title!r}" if title else "no title"
                why = f"a total: {said}, and its hours or credits equal the sum of the rows above"
                return self.skip(at, why, total=True)
            self.sums[1].add(amounts)
            if status == "skipped":
                return self.skip(at, f"status {raw['status'].strip()!r}: not a class taken")
            self.sums[0].add(amounts)
            entry = entry_of(row, amounts, self.dates, self.rules, self.today, status, self.kinds)
        except NotYet as exc:
            self.passed.append(NotClass(at, exc.message, table.sheet, later=True))
            return None
        except CeclogError as exc:
            message = exc.message.replace("entry 0 ", "the class ")
            message += f" ({exc.hint})" if exc.hint else ""
            self.errors.append(RowError(at, message, table.sheet))
            return None
        self.notes += [f"row {table.label(at)}: {n}" for n in row.notes]
        ask = f"status {raw['status'].strip()!r}" if status == "ask" else None
        person = one_line(raw.get("person")) or None
        self.out.append(Candidate(at, entry, table.sheet, person, ask))
        return None


def entries_of(table: Table, mapping: Mapping, rules: Rules, today: dt.date) -> Reading:
    """Every row as an entry, a row that is no class, or an error at its row."""
    columns, ignored = columns_of(table, mapping)
    notes = list(table.notes)
    notes += [
        f"column {h!r} is not read: ceclog does not know this header (if it holds a field, "
        "rename it or name it in a mapping: see --map)"
        for h in ignored
    ]
    credits_said = None
    if "credits" in columns:
        header = table.headers[columns["credits"]]
        credits_said = credit_hours(header, rules, "credits" in mapping.columns)
        notes += [credits_said] if credits_said else []
    if "ceus" in columns:
        notes.append(
            f"column {table.headers[columns['ceus']]!r} holds CEUs: 1 CEU = 10 contact hours, "
            f"so each is read as hours (0.4 CEU = 4 h), never as {rules.units}"
        )
    dates: dict[str, DateColumn] = {}
    for name in DATE_FIELDS:
        if name in columns:
            index, header = columns[name], table.headers[columns[name]]
            values = [(table.label(n), cell_at(cells, index)) for n, cells in table.rows]
            dates[name] = date_column(name, header, values, mapping.dates.get(name))
            said_serial = serial_note(header, [v for _, v in values])
            notes += [n for n in (dates[name].note, said_serial) if n]
        elif name in mapping.constants:
            constant = [("constant", mapping.constants[name])]
            dates[name] = date_column(name, name, constant, mapping.dates.get(name))
    decimal = mapping.decimal or table.decimal
    reader = Reader(
        table, columns, dates, rules, today, dict(mapping.constants), decimal, bool(credits_said)
    )
    heads = [header_key(h) for h in table.headers]
    for at, cells in table.rows:
        reader.read(at, cells, heads)
    kind = reader.what.get("kind", "kind")
    notes += reader.notes
    notes += [f"{kind}: {v!r} read as the kind {k}" for v, k in reader.kinds.items()]
    used = Mapping(
        columns={name: table.headers[index] for name, index in columns.items()},
        dates={name: fmt for name, col in dates.items() if (fmt := col.fmt)},
        constants=dict(mapping.constants),
        separator=table.separator if table.sheet is None else None,
        decimal=decimal if table.sheet is None else None,
        encoding=table.encoding if table.sheet is None else None,
        skip=mapping.skip,
        sheet=mapping.sheet,
    )
    return Reading(reader.out, reader.errors, notes, used, reader.passed, table.own)


def entries_of_all(tables: list[Table], mapping: Mapping, rules: Rules, today: dt.date) -> Reading:
    """Every sheet of a file read as one: the notes of a workbook's sheets name the sheet."""
    readings = [entries_of(t, mapping, rules, today) for t in tables]
    several = len(tables) > 1
    notes = [
        f"sheet {t.sheet!r}: {n}" if several and t.sheet else n
        for t, r in zip(tables, readings, strict=True)
        for n in r.notes
    ]
    return Reading(
        [c for r in readings for c in r.candidates],
        [e for r in readings for e in r.errors],
        notes,
        readings[0].mapping if readings else mapping,
        [n for r in readings for n in r.not_classes],
        all(r.own for r in readings),
    )


def amounts_of(row: Row) -> dict[str, Decimal]:
    """The row's hours and credits; a cell's own unit says which (3.5 CEC in an Hours column
    is 3.5 credits, and said), CEUs are 10 hours each; two cells that disagree are refused."""
    out: dict[str, Decimal] = {}
    first: dict[str, str] = {}
    for name in (HOURS, CREDITS, CEUS):
        text = row.raw.get(name, "")
        found = quantity(text, row.name(name), row.decimal)
        if found is None:
            continue
        unit, value = found.unit or name, found.value
        if unit == DURATION:
            unit = CREDITS if name == CREDITS and row.credit_hours else HOURS
        if unit == CEUS:
            value, unit = from_ceus(value, row.name(name)), HOURS
        if found.note:
            row.notes.append(found.note)
        if unit != name and name != CEUS:
            said = "credits" if unit == CREDITS else "hours"
            row.notes.append(f"{row.name(name)} {text.strip()!r} is read as {value} {said}")
        if unit in out and out[unit] != value:
            raise InputError(
                f"{first[unit]} and {row.name(name)} {text.strip()!r} say other {unit}: "
                "which is it?"
            )
        out[unit] = value
        first[unit] = f"{row.name(name)} {text.strip()!r}"
    return out


def planned_of(row: Row, status: Status | None, day: dt.date, today: dt.date) -> bool:
    """Planned when the status or the planned column says so; completed when either says so;
    else a class dated after today is one still to come."""
    said = row.raw.get("planned", "").strip().lower()
    if said not in YES + NO:
        raise InputError(f"{row.name('planned')} {said!r}: write yes or no")
    if said and status in ("completed", "planned") and (said in YES) != (status == "planned"):
        raise InputError(
            f"{row.name('planned')} {said!r} and {row.name('status')} "
            f"{row.raw['status'].strip()!r} disagree"
        )
    if status == "planned" or said in YES:
        return True
    if status == "completed" or said:
        return False
    return day > today


def entry_of(
    row: Row,
    amounts: dict[str, Decimal],
    dates: dict[str, DateColumn],
    rules: Rules,
    today: dt.date,
    status: Status | None,
    kinds: dict[str, str],
) -> Entry:
    cell = {k: v.strip() for k, v in row.raw.items() if v.strip()}
    if plain(cell.get("date", "")).strip(" .") in UNDATED:
        raise NotYet(
            f"its date is {cell['date']}: add it once it has one (write the date in the sheet "
            "and import it again)"
        )
    days: dict[str, dt.date] = {}
    for name in DATE_FIELDS:
        if name in cell:
            day = dates[name].read(cell[name])
            if day is None:
                raise InputError(
                    f"{row.name(name)} {cell[name]!r} is not a date (write 2026-03-05 or "
                    "Mar 5, 2026)"
                )
            days[name] = day
    if "date" not in days:
        raise InputError(
            f"{row.name('date')} is empty: a class needs the date it was taken (a row that "
            "is no class, such as a note, can be deleted)"
        )
    title = check_text(one_line(row.raw.get("title", "")) or "", row.name("title"))
    kind = cell.get("kind", rules.default_kind)
    found = kind_of(kind, tuple(rules.kinds))
    if found is None and "kind" in cell:
        raise InputError(
            f"{row.name('kind')} {kind!r} is no kind of activity the {rules.name} rules have: "
            f"write one of theirs in the cell ({', '.join(rules.kinds)})"
        )
    if found is not None and found != kind.lower():
        kinds[kind] = found
    fields = entry_fields(
        rules,
        date=None,
        hours=None,
        credits=None,
        kind=found or kind,
        provider=one_line(cell.get("provider")),
        approval=one_line(cell.get("approval")),
        certs=split_list(cell.get("certifications"), r"[;,/&]|\band\b"),
        topics=split_list(plain(cell["topics"]) if "topics" in cell else None),
        note=None,
    )
    fields.update(amounts)
    if row.raw.get("notes", "").strip():
        fields["notes"] = check_text(row.raw["notes"].strip(), row.name("notes"), lines=True)
    if "event" in cell:
        fields["event"] = check_text(one_line(cell["event"]), row.name("event"))
    if "topic_hours" in cell:  # "water=4; mold=2", as the export writes it
        parts = [p for p in cell["topic_hours"].split(";") if p.strip()]
        fields["topic_hours"] = parse_topic_hours(
            parts, row.name("topic_hours"), lambda text, w: amount(text, w, row.decimal)
        )
    planned = planned_of(row, status, days["date"], today)
    if rules.kinds[fields["kind"]].fixed is None and not amounts:
        if planned:
            raise NotYet(
                "a planned class with no hours or credits yet: not imported (add it once "
                "they are known: ceclog add ... --planned)"
            )
        raise InputError("no hours and no credits: give one (a booth visit needs neither)")
    fields.update(days)
    entry = Entry(id=0, title=title or "", planned=planned, **fields)
    check_dates(entry, today)
    return entry


def one_line(text: str | None) -> str | None:
    """A cell of a one-line field: the line breaks and tabs of a wrapped cell as spaces."""
    return None if text is None else " ".join(text.split())


def split_list(text: str | None, between: str = r"[;,]") -> list[str] | None:
    if text is None:
        return None
    return [p.strip() for p in re.split(between, text) if p and p.strip()]
