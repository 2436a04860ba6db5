"""Rows of a spreadsheet as entries: which column holds which field (header names and their
common synonyms, or a mapping), one date format per column (never guessed row by row: a column
whose dates read two ways is refused), decimal marks, and each row checked with the rules `add`
applies (`fields.entry_fields`, `parse_amount`, `check_text`, `operations.check_dates`).

The store reads the file into a `Table` (text cells); everything here is pure."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ceclog.core.fields import check_text, entry_fields, parse_amount, parse_topic_hours
from ceclog.core.import_dates import check_format, column_format, read_date
from ceclog.core.import_names import BY_NAME, COMPUTED, DATE_FIELDS, FIELDS, header_key
from ceclog.core.models import Entry, Rules
from ceclog.core.operations import check_dates
from ceclog.errors import CeclogError, InputError

YES = ("yes", "y", "true", "1", "x", "planned")
NO = ("", "no", "n", "false", "0")


@dataclass(frozen=True, kw_only=True)
class Mapping:
    """How to read a file: from `--map FILE.toml`, or found from the headers."""

    columns: dict[str, str] = field(default_factory=dict)  # field -> header in the file
    dates: dict[str, str] = field(default_factory=dict)  # date field -> its format
    constants: dict[str, str] = field(default_factory=dict)  # field -> the value of every row
    separator: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    skip: int = 0  # rows before the header


@dataclass(frozen=True, kw_only=True)
class Table:
    """A file as text cells.  `rows` are (row number as a spreadsheet shows it, cells)."""

    name: str  # as recorded in `imported` (the file's base name)
    headers: list[str]
    rows: list[tuple[int, list[str]]]
    ceclog_export: bool = False  # ceclog's own CSV: leading `'` before formulas are undone
    separator: str = ","
    decimal: str = "."
    encoding: str = "utf-8"
    # the sheet each row comes from, in the order of `rows` (a workbook read sheet by sheet);
    # empty for a CSV file: `core.crew.sheet_of` reads it
    sheets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    """A row that reads as an entry (its id is given when it is added)."""

    row: int
    entry: Entry


@dataclass
class RowError:
    row: int | None
    message: str


def columns_of(table: Table, mapping: Mapping) -> tuple[dict[str, int], list[str]]:
    """field -> column index, and notes about columns read past.  A column two fields claim,
    a field two columns claim, or a mapping naming a header the file lacks, is refused."""
    keys = [header_key(h) for h in table.headers]
    found: dict[str, int] = {}
    for key, header in mapping.columns.items():
        if key not in FIELDS:
            raise InputError(
                f"the mapping names {key!r}, which is not a field: {', '.join(FIELDS)}"
            )
        matches = [i for i, h in enumerate(table.headers) if h.strip() == header.strip()]
        matches = matches or [i for i, k in enumerate(keys) if k == header_key(header)]
        if not matches:
            raise InputError(
                f"the mapping reads {key} from column {header!r}, which the file does not have",
                hint="its columns: " + ", ".join(repr(h) for h in table.headers),
            )
        found[key] = matches[0]
    ignored: list[str] = []
    for index, key in enumerate(keys):
        if index in found.values():
            continue
        name = BY_NAME.get(key)
        if name is None or name in mapping.columns:
            if key and key not in COMPUTED:
                ignored.append(table.headers[index])
            continue
        if name in found:
            raise InputError(
                f"columns {table.headers[found[name]]!r} and "
                f"{table.headers[index]!r} both read as {name}",
                hint=f'say which in a mapping file: [columns] {name} = "..." (--map FILE)',
            )
        found[name] = index
    for key in mapping.constants:
        if key in found:
            raise InputError(
                f"the mapping gives {key} both a column ({table.headers[found[key]]!r}) and a "
                f"constant value: keep one"
            )
    for needed in ("date", "title"):
        if needed not in found and needed not in mapping.constants:
            raise InputError(
                f"no column reads as the {needed}",
                hint=f"its columns: {', '.join(repr(h) for h in table.headers)}; name it in a "
                f'mapping file: [columns] {needed} = "..." (--map FILE)',
            )
    return found, ignored


def amount(text: str, what: str, decimal: str) -> Any:
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if decimal == ",":
        if "." in value and "," in value:
            raise InputError(f"{what} {text!r}: use the decimal comma only, no thousands mark")
        value = value.replace(",", ".")
    elif "," in value:
        raise InputError(
            f"{what} {text!r} has a comma",
            hint='if it is a decimal comma, say so in a mapping file: decimal = ","',
        )
    return parse_amount(value, what)


@dataclass
class Reading:
    """A file read: its rows as entries, the rows that are not, notes about the columns, and
    the mapping in effect (written by --save-map)."""

    candidates: list[Candidate]
    errors: list[RowError]
    notes: list[str]
    mapping: Mapping


def settled(table: Table, mapping: Mapping) -> Mapping:
    """The mapping in effect for the whole `table`: its columns, and one format for each date
    column, decided on all of its rows (so that a part of the rows reads the same)."""
    columns, _ = columns_of(table, mapping)
    formats: dict[str, str] = {}
    for name in DATE_FIELDS:
        if name in columns:
            index = columns[name]
            values = [cells[index] if index < len(cells) else "" for _, cells in table.rows]
            formats[name] = column_format(
                name, table.headers[index], values, mapping.dates.get(name)
            )
        elif name in mapping.constants:
            formats[name] = check_format(mapping.dates.get(name, "YYYY-MM-DD"))
    return Mapping(
        columns={name: table.headers[index] for name, index in columns.items()},
        dates=formats,
        constants=dict(mapping.constants),
        separator=table.separator,
        decimal=mapping.decimal or table.decimal,
        encoding=table.encoding,
        skip=mapping.skip,
    )


def entries_of(table: Table, mapping: Mapping, rules: Rules, today: dt.date) -> Reading:
    """Every row as an entry, or as an error at its row."""
    columns, ignored = columns_of(table, mapping)
    notes = [f"column {h!r} is not read (not a field ceclog keeps)" for h in ignored]
    used = settled(table, mapping)
    formats, decimal = used.dates, used.decimal or table.decimal
    out: list[Candidate] = []
    errors: list[RowError] = []
    for number, cells in table.rows:
        raw = dict(mapping.constants)
        for name, index in columns.items():
            cell = cells[index] if index < len(cells) else ""
            if table.ceclog_export and cell[:1] == "'" and cell[1:2] in "=+-@\t\r":
                cell = cell[1:]
            raw[name] = cell
        try:
            entry = entry_of(raw, formats, decimal, rules, today, table.headers, columns)
        except CeclogError as exc:
            errors.append(RowError(number, exc.message.replace("entry 0 ", "the class ")))
            continue
        out.append(Candidate(number, entry))
    return Reading(out, errors, notes, used)


def entry_of(
    raw: dict[str, str],
    formats: dict[str, str],
    decimal: str,
    rules: Rules,
    today: dt.date,
    headers: list[str],
    columns: dict[str, int],
) -> Entry:
    def what(name: str) -> str:
        return f"{headers[columns[name]]!r}" if name in columns else name

    cell = {k: v.strip() for k, v in raw.items() if v.strip()}
    dates: dict[str, dt.date] = {}
    for name in DATE_FIELDS:
        if name in cell:
            day = read_date(cell[name], formats[name])
            if day is None:
                raise InputError(f"{what(name)} {cell[name]!r} is not a date as {formats[name]}")
            dates[name] = day
    if "date" not in dates:
        raise InputError(f"{what('date')} is empty: every entry needs its date")
    title = check_text(one_line(raw.get("title", "")) or "", what("title"))
    planned = cell.get("planned", "").lower()
    if planned not in YES + NO:
        raise InputError(f"{what('planned')} {cell['planned']!r}: write yes or no")
    fields = entry_fields(
        rules,
        date=None,
        hours=None,
        credits=None,
        kind=cell.get("kind", rules.default_kind),
        provider=one_line(cell.get("provider")),
        approval=one_line(cell.get("approval")),
        certs=split_list(cell.get("certifications")),
        topics=split_list(cell.get("topics")),
        note=None,
    )
    for name in ("hours", "credits"):
        if name in cell:
            fields[name] = amount(cell[name], what(name), decimal)
    if "notes" in raw and raw["notes"].strip():
        fields["notes"] = check_text(raw["notes"].strip(), what("notes"), lines=True)
    if "event" in cell:
        fields["event"] = check_text(one_line(cell["event"]), what("event"))
    if "topic_hours" in cell:  # "water=4; mold=2", as the export writes it
        parts = [p for p in cell["topic_hours"].split(";") if p.strip()]
        fields["topic_hours"] = parse_topic_hours(
            parts, what("topic_hours"), lambda text, w: amount(text, w, decimal)
        )
    if (
        rules.kinds[fields["kind"]].fixed is None
        and "hours" not in fields
        and "credits" not in (fields)
    ):
        raise InputError("no hours and no credits: give one (a booth visit needs neither)")
    fields.update(dates)
    # a class dated after today that the sheet does not call completed is one still to come
    is_planned = planned in YES or (not planned and dates["date"] > today)
    entry = Entry(id=0, title=title or "", planned=is_planned, **fields)
    check_dates(entry, today)
    return entry


def one_line(text: str | None) -> str | None:
    """A cell of a one-line field: the line breaks and tabs of a wrapped cell as spaces."""
    return None if text is None else " ".join(text.split())


def split_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
