"""The records of an import: how to read a file (`Mapping`), a sheet as text cells (`Table`),
a row read as an entry (`Candidate`), a row that cannot be (`RowError`), a row that is no class
(`NotClass`), and the whole file read (`Reading`).  Plain data; the rules are elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field

from ceclog.core.ledger.models import Entry


@dataclass(frozen=True, kw_only=True)
class Mapping:
    """How to read a file: from `--map FILE.toml`, or found from the headers."""

    columns: dict[str, str] = field(default_factory=dict)  # field -> header in the file
    dates: dict[str, str] = field(default_factory=dict)  # date field -> its format
    constants: dict[str, str] = field(default_factory=dict)  # field -> the value of every row
    separator: str | None = None
    decimal: str | None = None
    encoding: str | None = None
    skip: int | None = None  # rows above the header (None: found, see `header`)
    sheet: str | None = None  # a workbook's one sheet to read (None: every sheet with a header)


def cell_at(cells: list[str], index: int) -> str:
    """A row's cell at a column ("" past its last cell)."""
    return cells[index] if index < len(cells) else ""


def label(sheet: str | None, row: int) -> str:
    """A row as people find it: "12" in a CSV, "2025!12" in a workbook's sheet."""
    return f"{sheet}!{row}" if sheet else str(row)


@dataclass(frozen=True, kw_only=True)
class Table:
    """A sheet as text cells under its header.  `rows` are (row number as a spreadsheet shows
    it, cells); a workbook's rows also name their `sheet`."""

    name: str  # as recorded in `imported` (the file's base name)
    headers: list[str]
    rows: list[tuple[int, list[str]]]
    ceclog_export: bool = False  # ceclog's own CSV: leading `'` before formulas are undone
    own: bool = False  # ceclog's own export (CSV or JSON): every row an entry as it wrote it
    separator: str = ","
    decimal: str = "."
    encoding: str = "utf-8"
    sheet: str | None = None  # the workbook's sheet (None: a CSV or JSON file)
    notes: tuple[str, ...] = ()  # how it was read: where the header is, unnamed columns

    def label(self, row: int) -> str:
        return label(self.sheet, row)


@dataclass(frozen=True)
class Candidate:
    """A row that reads as an entry (its id is given when it is added).  `ask`: why it is held
    back until accepted (a status ceclog does not know); `person`: whom a crew sheet's row is
    about."""

    row: int
    entry: Entry
    sheet: str | None = None
    person: str | None = None
    ask: str | None = None

    @property
    def label(self) -> str:
        return label(self.sheet, self.row)


@dataclass
class RowError:
    row: int | None
    message: str
    sheet: str | None = None

    @property
    def label(self) -> str:
        return "" if self.row is None else label(self.sheet, self.row)


def refusal_hint(errors: list[RowError]) -> str:
    """What helps when rows cannot be imported: correcting them in the file; a mapping only
    where a row's message says how it helps (a decimal comma), never for a cell's value; a
    ledger that would gain an error, as its message says."""
    rows = [e for e in errors if e.row is not None]
    fixes = []
    if rows:
        fix = f"correct {'that row' if len(rows) == 1 else 'those rows'} in the file"
        if any("mapping" in e.message for e in rows):
            fix += " (or give a mapping, where a message says how)"
        fixes.append(fix)
    if len(rows) < len(errors):
        fixes.append("correct the ledger as its message says")
    return f"{' and '.join(fixes)}, then run the import again"


@dataclass(frozen=True)
class NotClass:
    """A row read past: a total, a heading, a cancelled class, the header again; or (`later`)
    a class that cannot come in yet: dated TBD, or planned with no hours yet."""

    row: int
    why: str
    sheet: str | None = None
    later: bool = False

    @property
    def label(self) -> str:
        return label(self.sheet, self.row)


@dataclass
class Reading:
    """A file read: its rows as entries, the rows that are not, the rows that are no class,
    notes about the columns, and the mapping in effect (written by --save-map)."""

    candidates: list[Candidate]
    errors: list[RowError]
    notes: list[str]
    mapping: Mapping
    not_classes: list[NotClass] = field(default_factory=list)
    own: bool = False  # from ceclog's own export: its repeats are entries, never held back
