"""What `ceclog team` shows: the firm's rows as a terminal table, JSON, CSV and Markdown (the
HTML page is `team_html`).  Every format shows the same rows, in the same order, with the same
figures; the core decided them all."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any, NamedTuple

from ceclog.core.firm.team import Row
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.credits import fmt
from ceclog.output import data
from ceclog.output.tabular import neutralise
from ceclog.output.terminal import Cell, Column, Out, Styled
from ceclog.output.views import STATE_STYLE, STATE_WORDS

FIELDS = (
    "file",
    "name",
    "registrant_id",
    "certifications",
    "track",
    "cycle_start",
    "due",
    "days_left",
    "required",
    "counted",
    "remaining",
    "planned",
    "projected",
    "unsubmitted",
    "state",
    "next_action",
    "error",
    "lapse_due",
    "days_overdue",
    "lapse_missing",
    "reinstate_by",
    "to_send",
    "send_by",
    "exempt",
)
# the CSV's columns: numbers and dates (ISO) are ceclog's own and never start a formula
TEXT_FIELDS = frozenset(
    {"file", "name", "registrant_id", "certifications", "track", "next_action", "error", "exempt"}
)
WORDS = {**STATE_WORDS, "error": "error", "none": "no requirement"}
STYLES = {**STATE_STYLE, "error": "bold magenta", "none": "dim"}


def _num(value: Decimal | None) -> str:
    return "" if value is None else fmt(value)


def _day(value: dt.date | None) -> str:
    return data.day(value) or ""


def action(row: Row) -> str:
    """The row's next action, with its error first (an error row's action is the remedy)."""
    return f"{row.error}; {row.next_action}" if row.error else row.next_action


def who(row: Row) -> str:
    """The technician, or for a file that could not be read, the file as named (with a folder
    per technician, its folder says whose it is)."""
    return row.name or row.file


def texts(row: Row) -> dict[str, str]:
    """Every field of the row as text (empty when absent), as the CSV has it: the current
    cycle's figures, then the lapse's, what is to send, and the exemption."""
    lapse, sending = row.lapse, row.to_submit
    return {
        "file": row.file,
        "name": row.name or "",
        "registrant_id": row.registrant_id or "",
        "certifications": "; ".join(row.certifications),
        "track": row.track or "",
        "cycle_start": _day(row.cycle_start),
        "due": _day(row.due),
        "days_left": "" if row.days_left is None else str(row.days_left),
        "required": _num(row.required),
        "counted": _num(row.counted),
        "remaining": _num(row.remaining),
        "planned": _num(row.planned),
        "projected": _num(row.projected),
        "unsubmitted": _num(row.unsubmitted),
        "state": row.state,
        "next_action": row.next_action,
        "error": row.error or "",
        "lapse_due": _day(lapse.due) if lapse else "",
        "days_overdue": str(lapse.days_overdue) if lapse else "",
        "lapse_missing": _num(lapse.remaining) if lapse else "",
        "reinstate_by": _day(lapse.reinstate_by) if lapse else "",
        "to_send": _num(sending.to_send) if sending else "",
        "send_by": _day(sending.send_by) if sending else "",
        "exempt": row.exempt.name if row.exempt else "",
    }


def figures(row: Row) -> list[str]:
    """The figure cells of the tables (due to unsubmitted): the core's `Row.shown`, an overdue
    row's those of its lapsed cycle; an exempt row's due date and days `-`."""
    f = row.shown()
    no_deadline = "-" if row.exempt is not None else ""
    return [
        _day(f.due) or no_deadline,
        no_deadline if f.days_left is None else str(f.days_left),
        *(_num(v) for v in (f.required, f.counted, f.remaining, f.planned)),
        *(_num(v) for v in (f.projected, f.unsubmitted)),
    ]


def quarter_labels(rows: list[Row]) -> list[str]:
    """The quarters of the plan year shown (none without --plan)."""
    plan = next((r.plan for r in rows if r.plan is not None), None)
    return [] if plan is None else [str(q.quarter) for q in plan.quarters]


def plan_texts(row: Row, quarters: int) -> tuple[str, list[str]]:
    """The row's shortfall and, per quarter, `planned/needed` (`-` for no pace needed)."""
    if row.plan is None:
        return "", [""] * quarters
    cells = [
        f"{fmt(q.planned)}/{'-' if q.needed is None else fmt(q.needed)}" for q in row.plan.quarters
    ]
    return fmt(row.plan.short), cells


def footer(rows: list[Row], counts: dict[str, int], read: int) -> str:
    """`1 error, 2 behind, 3 met; 5 technicians in 6 files` (rows left out by a filter: said)."""
    states = (
        ", ".join(
            plural(n, "error") if state == "error" else f"{n} {WORDS[state].lower()}"
            for state, n in counts.items()
        )
        or "no rows"
    )
    people = {(r.registrant_id or r.file).strip().casefold() for r in rows if r.state != "error"}
    files = {r.file for r in rows}
    text = f"{states}; {plural(len(people), 'technician')} in {plural(len(files), 'file')}"
    if len(files) < read:
        text += f" (of {read} read; the others are filtered out)"
    return text


# --------------------------------------------------------------------------------- terminal

COLUMNS = [
    Column("Technician"),
    Column("Registrant", optional=True),
    Column("Certifications", optional=True),
    Column("Track", optional=True),
    Column("Due", whole=True),
    Column("Days left", "right"),
    Column("Required", "right", optional=True),
    Column("Counted", "right", optional=True),
    Column("Still needed", "right"),
    Column("Planned", "right", optional=True),
    Column("Projected", "right", optional=True),
    Column("Unsubmitted", "right", optional=True),
    Column("State", whole=True),
    Column("Next action"),
]


def table(out: Out, rows: list[Row], counts: dict[str, int], read: int, today: dt.date) -> None:
    out.print(f"ceclog team: {plural(read, 'ledger')} read; today {today}\n")
    labels = quarter_labels(rows)
    columns = COLUMNS
    if labels:  # the plan's columns before the state: short, then planned/needed per quarter
        plan_columns = [Column("Short", "right"), *(Column(q[-2:], "right") for q in labels)]
        columns = [*COLUMNS[:-2], *plan_columns, *COLUMNS[-2:]]
        out.print(
            f"plan for {labels[0][:4]}: Q1-Q4 show the credits planned in each quarter / the "
            "pace needed (-: none, or after the due date); Short: what the planned classes "
            "leave uncovered by the due date\n"
        )
    cells: list[list[Cell]] = []
    for row in rows:
        t = texts(row)
        short, quarters = plan_texts(row, len(labels))
        cells.append(
            [
                who(row),
                t["registrant_id"],
                ", ".join(row.certifications),
                t["track"],
                *figures(row),
                *([short, *quarters] if labels else []),
                Styled(WORDS[row.state], STYLES[row.state]),
                action(row),
            ]
        )
    if cells:
        out.table(columns, cells)
    out.print()
    out.print(footer(rows, counts, read))


# ------------------------------------------------------------------------------------- data


def row_data(row: Row) -> dict[str, Any]:
    return {
        "file": row.file,
        "name": row.name,
        "registrant_id": row.registrant_id,
        "certifications": list(row.certifications),
        "track": row.track,
        "cycle_start": data.day(row.cycle_start),
        "due": data.day(row.due),
        "days_left": row.days_left,
        "required": data.number(row.required),
        "counted": data.number(row.counted),
        "remaining": data.number(row.remaining),
        "planned": data.number(row.planned),
        "projected": data.number(row.projected),
        "unsubmitted": data.number(row.unsubmitted),
        "state": row.state,
        "next_action": row.next_action,
        "error": row.error,
        "duplicates": list(row.duplicates),
        "lapse": _part(row.lapse),
        "to_submit": _part(row.to_submit, frozenset({"ended", "required", "counted"})),
        "exempt": _part(row.exempt),
    }


def _part(part: NamedTuple | None, leave_out: frozenset[str] = frozenset()) -> Any:
    """A row's lapse, what it must send, or its exemption as JSON (null when none): the keys of
    `status --json`'s objects, dates ISO, numbers as numbers."""
    if part is None:
        return None
    out: dict[str, Any] = {}
    for key, value in part._asdict().items():
        if key in leave_out:
            continue
        if isinstance(value, Decimal):
            value = data.number(value)
        elif isinstance(value, dt.date):
            value = data.day(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


def plan_data(row: Row) -> dict[str, Any] | None:
    plan = row.plan
    if plan is None:
        return None
    return {
        "needed": data.number(plan.needed),
        "planned": data.number(plan.planned),
        "short": data.number(plan.short),
        "per_quarter": data.number(plan.per_quarter),
        "per_year": data.number(plan.per_year),
        "quarters": [
            {
                "quarter": str(q.quarter),
                "planned": data.number(q.planned),
                "needed": data.number(q.needed),
            }
            for q in plan.quarters
        ],
    }


def render_json(
    rows: list[Row], counts: dict[str, int], today: dt.date, plan_year: int | None = None
) -> str:
    out = []
    for row in rows:
        item = row_data(row)
        if plan_year is not None:
            item["plan"] = plan_data(row)
        out.append(item)
    doc: dict[str, Any] = {"today": data.day(today), "rows": out, "counts": counts}
    if plan_year is not None:
        doc["plan_year"] = plan_year
    return data.dumps(doc) + "\n"


def _plan_cells(row: Row) -> list[str]:
    if row.plan is None:
        return [""] * 9
    out = [fmt(row.plan.short)]
    for q in row.plan.quarters:
        out += [fmt(q.planned), "" if q.needed is None else fmt(q.needed)]
    return out


def render_csv(rows: list[Row]) -> str:
    """One line per row, the columns of FIELDS: UTF-8 with a byte-order mark, CRLF line ends,
    ISO dates, numbers as `14.0`, and every text cell made inert for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    labels = quarter_labels(rows)
    extra = ["plan_short"] + [f"q{i}_{what}" for i in range(1, 5) for what in ("planned", "needed")]
    writer.writerow([*FIELDS, *(extra if labels else [])])
    for row in rows:
        t = texts(row)
        cells = [neutralise(t[f]) if f in TEXT_FIELDS else t[f] for f in FIELDS]
        if labels:
            cells += _plan_cells(row)
        writer.writerow(cells)
    return "\ufeff" + out.getvalue()


MD_HEADINGS = [
    "Technician",
    "Registrant ID",
    "Certifications",
    "Due",
    "Days left",
    "Required",
    "Counted",
    "Remaining",
    "Planned",
    "State",
    "Next action",
    "File",
]


def render_md(rows: list[Row], counts: dict[str, int], read: int, today: dt.date) -> str:
    from ceclog.output import markdown  # with the transcript's document model: only here

    labels = quarter_labels(rows)
    headings = MD_HEADINGS
    if labels:
        headings = [*MD_HEADINGS[:9], "Short", *labels, *MD_HEADINGS[9:]]
    body = []
    for row in rows:
        t = texts(row)
        short, quarters = plan_texts(row, len(labels))
        cells = [
            who(row),
            t["registrant_id"],
            ", ".join(row.certifications),
            *figures(row)[:6],  # Markdown leaves out projected and unsubmitted
            *([short, *quarters] if labels else []),
            WORDS[row.state],
            action(row),
            row.file,
        ]
        body.append([markdown.text(c) for c in cells])
    lines = [
        "# CEC status of the team",
        "",
        f"Today {today}; {plural(read, 'ledger')} read.",
        "",
        *markdown.table(
            headings, body, set(range(4, 10 + len(labels))) if labels else {4, 5, 6, 7, 8}
        ),
        "",
        markdown.text(footer(rows, counts, read)),
    ]
    return "\n".join(lines) + "\n"
