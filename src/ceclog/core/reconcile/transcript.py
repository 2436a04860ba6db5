"""A transcript of the body's record (a CSV of date, title, credits, optional approval number)
matched one to one against the ledger, never merging repeats: each transcript line takes at
most one entry and each entry at most one line.  Passes, each over what is still unmatched,
each line taking the entry nearest in date: the same approval number; else a date within
`NEAR_DAYS` and equal credits; else the same date and a similar title.  Pure."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Literal, NamedTuple

from ceclog.core.imports.columns import columns_of
from ceclog.core.imports.dates import date_column
from ceclog.core.imports.rows import amount
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.ledger.duplicates import title_key
from ceclog.core.ledger.models import Entry, Ledger, Rules
from ceclog.core.reconcile.compare import cycle_at, stated
from ceclog.core.schedule.credits import entry_credit, fmt
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.errors import InputError, Location

NEAR_DAYS = 3
SIMILAR = 0.6  # difflib ratio of two titles (case and spacing aside) that count as similar

Status = Literal[
    "agrees",
    "other_credits",
    "counted_differently",
    "not_marked_posted",
    "posted_not_on_transcript",
    "never_submitted",
    "awaiting_body",
    "unknown",
    "other_period",
]
# the statuses that are a difference between the two records (the others: agrees, a class not
# sent yet or sent and not yet credited, and a line outside the period the figure covers)
DIFFERENCES = frozenset(
    {
        "other_credits",
        "counted_differently",
        "not_marked_posted",
        "posted_not_on_transcript",
        "unknown",
    }
)
WORDS: dict[str, str] = {
    "agrees": "agrees",
    "other_credits": "other credits",
    "counted_differently": "credited as stated; ceclog's rules count it otherwise",
    "not_marked_posted": "not marked posted",
    "posted_not_on_transcript": "marked posted but not on the transcript",
    "never_submitted": "never submitted",
    "awaiting_body": "submitted, not on the transcript yet",
    "unknown": "unknown to ceclog",
    "other_period": "outside the cycle up to that day (not compared)",
}


class Line(NamedTuple):
    row: int  # as a spreadsheet numbers it (the header is row 1)
    date: dt.date
    title: str
    credits: Decimal
    approval: str | None


class Row(NamedTuple):
    status: Status
    line: Line | None  # the transcript's line (None: an entry the transcript lacks)
    entry: Entry | None  # the ledger's entry (None: unknown to ceclog)
    counted: Decimal | None  # what the entry counts
    how: str | None  # how they were matched: "approval", "date and credits", "date and title"
    command: str | None


def lines_of(table: Table, mapping: Mapping) -> list[Line]:
    """The transcript's lines (read as an import reads a sheet, `mapping` included); a bad one
    is refused as `FILE:ROW: message`."""
    try:
        found, _ = columns_of(table, mapping)
    except InputError as exc:  # as import says it: the file, then what is wrong
        exc.where = exc.where or Location(table.name)
        raise
    if "credits" not in found:
        raise InputError(
            "no column reads as the credits",
            hint="its columns: " + ", ".join(repr(h) for h in table.headers),
            where=Location(table.name),
        )

    def cell(cells: list[str], name: str) -> str:
        index = found.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    dates = [(table.label(row), cell(cells, "date")) for row, cells in table.rows]
    try:
        header = table.headers[found["date"]]
        column = date_column("date", header, dates, mapping.dates.get("date"))
    except InputError as exc:  # reconcile writes nothing in any case: no need to say so
        said = exc.message.replace("; nothing was written", "")
        raise InputError(said, hint=exc.hint, where=Location(table.name)) from None
    out: list[Line] = []
    bad: list[tuple[int, str, str | None]] = []  # row, what is wrong, how to fix it
    for row, cells in table.rows:
        day = column.read(cell(cells, "date"))
        title = " ".join(cell(cells, "title").split())
        if day is None:
            bad.append((row, f"{cell(cells, 'date')!r} is not a date", None))
            continue
        if not title:
            bad.append((row, "the title is empty", None))
            continue
        try:
            decimal = mapping.decimal or table.decimal
            credits = Decimal(amount(cell(cells, "credits"), "credits", decimal))
        except InputError as exc:
            bad.append((row, exc.message, exc.hint))
            continue
        if not credits.is_finite() or credits < 0:
            bad.append((row, "credits must be a number, at least 0", None))
            continue
        out.append(Line(row, day, title, credits, cell(cells, "approval") or None))
    if bad:  # every bad row, one line each as import names them: nothing is compared
        lines = [f"{table.name}:{row}: {message}" for row, message, _ in bad]
        hint = (
            bad[0][2]
            if len(bad) == 1
            else ("each line needs a date, a title and its credits as a number")
        )
        raise InputError("\n".join(lines), hint=hint)
    return out


def _similar(a: str, b: str) -> bool:
    a, b = title_key(a), title_key(b)
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _credits_fix(entry: Entry, credits: Decimal, rules: Rules) -> str | None:
    """`edit --credits` when stating those credits would make the entry count them; None when
    the rules would not (a booth's fixed value, rounding, a cap): no edit reaches that figure."""
    from dataclasses import replace

    if entry_credit(replace(entry, credits=credits), rules).value != credits:
        return None
    return f"ceclog edit {entry.id} --credits {fmt(credits)}"


def match(
    lines: list[Line],
    entries: list[Entry],
    report: Report,
    rules: Rules,
    period: tuple[dt.date, dt.date] | None,
) -> list[Row]:
    """Every transcript line and every entry, each once, with its status.  `entries` are those
    counting toward the cycle the figure covers, `period` its start and the day looked (None:
    no cycle holds it); a line outside it is not compared."""
    day = period[1] if period else dt.date.max
    outside = [ln for ln in lines if period is None or not period[0] <= ln.date <= period[1]]
    lines = [ln for ln in lines if ln not in outside]
    counted = {e.id: report.counted(e.id) for e in entries}
    said = {e.id: stated(e, rules) for e in entries}
    free = list(entries)
    pairs: dict[int, tuple[Entry, str]] = {}  # line index -> entry, how

    def same_approval(line: Line, entry: Entry) -> bool:
        return bool(line.approval and entry.approval) and (
            title_key(line.approval or "") == title_key(entry.approval or "")
        )

    def near(line: Line, entry: Entry) -> bool:  # the credits counted, or as the entry states
        return abs((line.date - entry.date).days) <= NEAR_DAYS and line.credits in (
            counted[entry.id],
            said[entry.id],
        )

    def titled(line: Line, entry: Entry) -> bool:
        return line.date == entry.date and _similar(line.title, entry.title)

    for test, how in (
        (same_approval, "approval"),
        (near, "date and credits"),
        (titled, "date and title"),
    ):
        for index, line in enumerate(lines):
            if index in pairs:
                continue
            fits = [e for e in free if test(line, e)]
            if fits:
                best = min(fits, key=lambda e: (abs((line.date - e.date).days), e.id))
                pairs[index] = (best, how)
                free.remove(best)
    rows: list[Row] = []
    for index, line in enumerate(lines):
        if index not in pairs:
            command = (
                f'ceclog add "{line.title}" --date {line.date} --credits {fmt(line.credits)}'
                + (f' --approval "{line.approval}"' if line.approval else "")
            )
            rows.append(Row("unknown", line, None, None, None, command))
            continue
        entry, how = pairs[index]
        value = counted[entry.id]
        if value != line.credits and said[entry.id] == line.credits:
            # the body credited what the entry states; ceclog's rules (a cap, rounding) count
            # less: no edit would change that, ask the body
            rows.append(Row("counted_differently", line, entry, value, how, None))
        elif value != line.credits:
            rows.append(
                Row(
                    "other_credits",
                    line,
                    entry,
                    value,
                    how,
                    _credits_fix(entry, line.credits, rules),
                )
            )
        elif entry.posted is None or entry.posted > day:
            # `posted --on day` records it, unless the ledger says it was submitted after it
            late = entry.submitted is not None and entry.submitted > day
            fix = None if late else f"ceclog posted {entry.id} --on {day}"
            rows.append(Row("not_marked_posted", line, entry, value, how, fix))
        else:
            rows.append(Row("agrees", line, entry, value, how, None))
    for entry in free:
        value = counted[entry.id]
        if entry.posted is not None and entry.posted <= day:
            command = f"ceclog edit {entry.id} --clear posted"
            rows.append(Row("posted_not_on_transcript", None, entry, value, None, command))
        elif entry.submitted is None:
            rows.append(
                Row("never_submitted", None, entry, value, None, f"ceclog submit {entry.id}")
            )
        else:
            rows.append(Row("awaiting_body", None, entry, value, None, None))
    rows += [Row("other_period", line, None, None, None, None) for line in outside]
    rows.sort(key=lambda r: r.line.date if r.line else r.entry.date if r.entry else day)
    return rows


class Window(NamedTuple):
    """What a transcript is compared with: the cycle holding the day the body was looked at,
    up to that day."""

    posted: Decimal  # the transcript's credits dated in it
    entries: list[Entry]  # the ledger's entries counting toward it, dated by the day
    period: tuple[dt.date, dt.date] | None  # start to the day (or its due date); None: no cycle


def window(lines: list[Line], ledger: Ledger, requirement: Requirement, day: dt.date) -> Window:
    """The cycle of `requirement` holding `day` (none: nothing posted, no entries, no period)."""
    held = cycle_at(requirement, day)
    if held is None:
        return Window(Decimal(0), [], None)
    start, due = held.cycle.start, held.cycle.due
    return Window(
        body_posted(lines, start, due, day),
        ledger_entries(ledger, held.counted_ids, day),
        (start, min(day, due)),
    )


def ledger_entries(ledger: Ledger, counting: tuple[int, ...], day: dt.date) -> list[Entry]:
    """The entries a transcript of the cycle may list: those counting toward it (`counting`,
    the cycle's counted entries), dated by `day`."""
    ids = set(counting)
    return [e for e in ledger.entries if e.id in ids and e.date <= day]


def body_posted(lines: list[Line], start: dt.date, due: dt.date, day: dt.date) -> Decimal:
    """The transcript's figure for the cycle start..due, up to `day`."""
    return sum((ln.credits for ln in lines if start <= ln.date <= min(due, day)), Decimal(0))
