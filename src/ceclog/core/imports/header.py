"""Where a sheet's header is, without being told: below a title row and blank rows, and over
two rows ("CEC" above "Hours").

The rule: among the first 30 rows that hold something, the header is the one whose cells name
the most fields (a header names at least two, the date or the title among them; a mapping's
own header names count first).  A row right above or right below it that holds no digit at all
is part of it (a data row always has a date), unless it is one title merged across every
column the header names: each column's name is then the two cells read
together ("CEC Hours") when that names a field, else the lower cell, else the upper.  With no
such row the first row that holds something is the header (and says what is missing).  A
mapping's `skip = N` says the header is the first row after row N, on one row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ceclog.core.imports.names import column_letter, meanings
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.ledger.vocabulary import header_key
from ceclog.core.ledger.words import plural

WINDOW = 30
Row = tuple[int, list[str]]


class Csv(NamedTuple):
    """How a CSV file was written (a workbook's sheets are read as the defaults)."""

    separator: str = ","
    decimal: str = "."
    encoding: str = "utf-8"
    export: bool = False  # ceclog's own export


CSV = Csv()


@dataclass(frozen=True)
class Header:
    names: list[str]  # each column's header, "" for none
    rows: list[int]  # the row numbers it was read from (one or two)
    data: list[Row]  # the rows under it
    found: bool = True  # False: no row names the fields of a header (the first row is taken)


def fields_named(cells: list[str], wanted: set[str]) -> tuple[int, int]:
    """How many of a mapping's headers the row holds, and how many fields its cells name."""
    keys = [header_key(c) for c in cells]
    mapped = sum(1 for k in set(keys) if k and k in wanted)
    return mapped, len({m[0] for c in cells if (m := meanings(c))})


def is_header(cells: list[str], wanted: set[str]) -> bool:
    mapped, named = fields_named(cells, wanted)
    firsts = {m[0] for c in cells if (m := meanings(c))}
    return mapped > 0 or (named >= 2 and bool(firsts & {"date", "title"}))


def wordy(cells: list[str]) -> bool:
    """A row of words only: no digit in any cell (a header's second row, never a class)."""
    return any(c.strip() for c in cells) and not any(re.search(r"\d", c) for c in cells)


def title_across(upper: list[str], lower: list[str]) -> bool:
    """A row above the header holding one text over every column the header names: a title
    merged across the sheet ("Continuing Education" over Date | Course | Hours), not the
    header's upper half (a merged cell's value is in every cell it covers)."""
    named = [i for i, cell in enumerate(lower) if cell.strip()]
    texts = {upper[i].strip() for i in named if i < len(upper)}
    return len(named) >= 2 and len(texts) == 1 and "" not in texts


def joined(upper: list[str], lower: list[str]) -> list[str]:
    """Two header rows as one: each column's name from its two cells."""
    out = []
    for i in range(max(len(upper), len(lower))):
        top = upper[i].strip() if i < len(upper) else ""
        bottom = lower[i].strip() if i < len(lower) else ""
        both = " ".join(f"{top} {bottom}".split())
        for name in (both, bottom, top):
            if name and meanings(name):
                out.append(name)
                break
        else:
            out.append(both)
    return out


def find_header(rows: list[Row], wanted: set[str], skip: int | None) -> Header:
    """The header of `rows` (the non-empty rows of a sheet, numbered as it shows them).
    `wanted`: the mapping's headers, `skip`: the mapping's rows above the header."""
    if skip is not None:
        after = [r for r in rows if r[0] > skip]
        if not after:
            return Header([], [], [])
        return Header([c.strip() for c in after[0][1]], [after[0][0]], after[1:])
    window = rows[:WINDOW]
    scored = [(fields_named(cells, wanted), i) for i, (_, cells) in enumerate(window)]
    found = [(score, -i) for score, i in scored if is_header(window[i][1], wanted)]
    if not found:
        if not rows:
            return Header([], [], [], found=False)
        return Header([c.strip() for c in rows[0][1]], [rows[0][0]], rows[1:], found=False)
    at = -max(found)[1]
    number, cells = rows[at]
    below = rows[at + 1] if at + 1 < len(rows) else None
    above = rows[at - 1] if at > 0 else None
    if below is not None and below[0] == number + 1 and wordy(below[1]):
        return Header(joined(cells, below[1]), [number, below[0]], rows[at + 2 :])
    if (
        above is not None
        and above[0] == number - 1
        and wordy(above[1])
        and not title_across(above[1], cells)
    ):
        names = joined(above[1], cells)
        if fields_named(names, wanted) >= fields_named(cells, wanted):
            return Header(names, [above[0], number], rows[at + 1 :])
    return Header([c.strip() for c in cells], [number], rows[at + 1 :])


def header_note(header: Header, first: int) -> str | None:
    """Says where the header was found when it was not the sheet's first row."""
    if not header.rows or (header.rows == [first]):
        return None
    if len(header.rows) == 2:
        return f"the header is on rows {header.rows[0]} and {header.rows[1]}, read together"
    return f"the header is on row {header.rows[0]} (the rows above it are not classes)"


def unnamed_columns(header: Header) -> list[str]:
    """Notes on the columns with no header that hold data: they are not read."""
    out = []
    width = max((len(cells) for _, cells in header.data), default=0)
    for index in range(width):
        if index < len(header.names) and header.names[index].strip():
            continue
        rows = [n for n, cells in header.data if index < len(cells) and cells[index].strip()]
        if rows:
            shown = ", ".join(map(str, rows[:5])) + (", ..." if len(rows) > 5 else "")
            out.append(
                f"column {column_letter(index)} has no header but holds data in "
                f"{plural(len(rows), 'row')} ({shown}): it is not read; give it a header "
                "(Provider, Notes...) to import it"
            )
    return out


def table_from(
    rows: list[Row], mapping: Mapping, name: str, sheet: str | None = None, *, csv: Csv = CSV
) -> tuple[Table, bool]:
    """A sheet's rows under their header, as a `Table`, and whether a header was found (else
    the first row is taken, and the fields it lacks are said when the table is read)."""
    wanted = {header_key(h) for h in mapping.columns.values()}
    header = find_header(rows, wanted, mapping.skip)
    said = header_note(header, rows[0][0] if rows else 0)
    notes = ([said] if said else []) + unnamed_columns(header)
    table = Table(
        name=name,
        headers=header.names,
        rows=header.data,
        sheet=sheet,
        notes=tuple(notes),
        separator=csv.separator,
        decimal=csv.decimal,
        encoding=csv.encoding,
        ceclog_export=csv.export,
        own=csv.export,
    )
    return table, header.found
