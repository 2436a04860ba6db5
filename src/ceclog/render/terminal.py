"""Output for people.  On a terminal (without NO_COLOR) it is drawn with Rich, imported only
then; in pipes and with NO_COLOR it is plain ASCII text written without Rich, which also keeps
scripted runs fast."""

from __future__ import annotations

import os
import re
import sys
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ceclog.engine import Credit, Report, Requirement, fmt, num

if TYPE_CHECKING:
    from ceclog.models import Entry, Ledger
    from ceclog.rules import LoadedRules

STATE_STYLE = {
    "met": "bold green",
    "on_track": "green",
    "behind": "bold yellow",
    "due_soon": "bold yellow",
    "overdue": "bold red",
}
STATE_WORDS = {
    "met": "met",
    "on_track": "on track",
    "behind": "behind",
    "due_soon": "due soon",
    "overdue": "OVERDUE",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """User text made safe for a terminal: no escape sequences or other control characters."""
    return _CONTROL.sub("?", text)


class Styled(NamedTuple):
    text: str
    style: str = ""


class Bar(NamedTuple):
    ratio: float  # 0..1


Cell = str | Styled | Bar


class Out:
    """Lines and tables for people, on stdout or stderr."""

    def __init__(self, stream: IO[str], rich: bool) -> None:
        self.stream = stream
        self.rich = rich
        self._console: Any = None

    @property
    def console(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(
                file=self.stream, highlight=False, markup=False, emoji=False, soft_wrap=False
            )
        return self._console

    def print(self, text: str = "", style: str = "", soft_wrap: bool = True) -> None:
        if self.rich:
            self.console.print(clean(text), style=style or None, soft_wrap=soft_wrap)
        else:
            self.stream.write(clean(text) + "\n")

    def table(self, columns: list[tuple[str, str]], rows: list[list[Cell]]) -> None:
        if self.rich:
            self._rich_table(columns, rows)
            return
        cells = [[_plain_cell(c) for c in row] for row in rows]
        widths = [
            max([len(name), *(len(row[i]) for row in cells)]) for i, (name, _) in enumerate(columns)
        ]

        def line(values: list[str]) -> str:
            parts = [
                v.rjust(w) if justify == "right" else v.ljust(w)
                for v, w, (_, justify) in zip(values, widths, columns, strict=True)
            ]
            return "  ".join(parts).rstrip()

        self.stream.write(line([name for name, _ in columns]) + "\n")
        self.stream.write("  ".join("-" * w for w in widths) + "\n")
        for row in cells:
            self.stream.write(line(row) + "\n")

    def _rich_table(self, columns: list[tuple[str, str]], rows: list[list[Cell]]) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for name, justify in columns:
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for row in rows:
            out: list[Any] = []
            for cell in row:
                if isinstance(cell, Bar):
                    width = 10
                    filled = round(cell.ratio * width)
                    style = "green" if cell.ratio >= 1 else "cyan"
                    out.append(
                        Text("█" * filled, style=style)
                        + Text("░" * (width - filled), style="dim")
                        + Text(f" {cell.ratio * 100:3.0f}%")
                    )
                elif isinstance(cell, Styled):
                    out.append(Text(clean(cell.text), style=cell.style))
                else:
                    out.append(Text(clean(cell)))
            table.add_row(*out)
        self.console.print(table)


def _plain_cell(cell: Cell) -> str:
    if isinstance(cell, Bar):
        filled = round(cell.ratio * 10)
        return "[" + "#" * filled + "." * (10 - filled) + f"] {cell.ratio * 100:3.0f}%"
    text = cell.text if isinstance(cell, Styled) else cell
    return clean(text.replace("\r\n", " ").replace("\n", " "))


def console(stderr: bool = False) -> Out:
    stream = sys.stderr if stderr else sys.stdout
    rich = stream.isatty() and "NO_COLOR" not in os.environ
    return Out(stream, rich)


def ratio(done: Decimal, total: Decimal) -> float:
    return 0.0 if total <= 0 else min(1.0, float(done / total))


def status(out: Out, report: Report, ledger: Ledger, loaded: LoadedRules) -> None:
    rules = loaded.rules
    holder = ledger.holder
    who = holder.name + (f" (registrant {holder.registrant_id})" if holder.registrant_id else "")
    out.print(f"{who}; rules {rules.name}: {rules.title}; today {report.today}\n")
    if not report.requirements:
        out.print(
            "No requirement applies: no certification with a continuing-education requirement "
            "is recorded (ceclog cert add CODE --earned DATE)."
        )
        return
    columns = [
        ("Requirement", "left"),
        ("Cycle", "left"),
        ("Days left", "right"),
        ("Required", "right"),
        ("Counted", "right"),
        ("Remaining", "right"),
        ("Projected", "right"),
        ("Progress", "left"),
        ("State", "left"),
    ]
    rows: list[list[Cell]] = []
    for req in report.requirements:
        cycle = req.current.cycle
        rows.append(
            [
                f"{req.track.name} ({', '.join(req.certifications)})",
                f"{cycle.start} to {cycle.due}",
                str(req.days_left),
                fmt(req.required),
                fmt(req.counted),
                fmt(req.remaining),
                fmt(req.projected),
                Bar(ratio(req.counted, req.required)),
                Styled(STATE_WORDS[req.state], STATE_STYLE[req.state]),
            ]
        )
    out.table(columns, rows)
    for req in report.requirements:
        _notes(out, req, rules.units)


def _notes(out: Out, req: Requirement, units: str) -> None:
    name = req.track.name
    for topic in req.current.topics:
        left = f", {fmt(topic.remaining)} to go" if topic.remaining else " (met)"
        out.print(
            f"{name}: topic {topic.topic}: {fmt(topic.counted)} of {fmt(topic.required)} "
            f"{units}{left}"
        )
    due = req.current.cycle.due
    if req.state == "met":
        out.print(f"{name}: requirement met for the cycle ending {due}.")
    elif req.state != "overdue":
        when = f"in {req.days_left} days" if req.days_left else "today"
        line = f"{name}: {fmt(req.remaining)} {units} still needed by {due} ({when})"
        if req.current.planned:
            line += f"; with your planned classes: {fmt(req.projected)}"
        out.print(line + ".")
    if req.counted:
        cur = req.current
        out.print(
            f"{name}: of {fmt(req.counted)} counted, {fmt(cur.submitted)} submitted and "
            f"{fmt(cur.posted)} posted by the certifying body."
        )
    prev = req.previous
    if prev is not None:
        verdict = "met" if prev.met else ("NOT met" if req.previous_judged else "not met")
        judged = "" if req.previous_judged else " (before tracking started: not judged)"
        out.print(
            f"{name}: previous cycle {prev.cycle.start} to {prev.cycle.due}: "
            f"{fmt(prev.counted)} of {fmt(prev.required)} {units}, {verdict}{judged}."
        )
    if req.state == "overdue":
        out.print(
            f"{name}: OVERDUE since {prev.cycle.due if prev else '?'}. Submit what you "
            "have and contact the certifying body; record the new due date with "
            "`ceclog holder --cec-due DATE`."
        )


def entries(out: Out, rows: list[tuple[Entry, Credit]], units: str) -> None:
    if not rows:
        out.print("No entries.")
        return
    columns = [
        ("ID", "right"),
        ("Date", "left"),
        ("Title", "left"),
        ("Kind", "left"),
        ("Hours", "right"),
        (units, "right"),
        ("How it counts", "left"),
    ]
    cells: list[list[Cell]] = []
    total = Decimal(0)
    for entry, credit in rows:
        title = entry.title + (" (planned)" if entry.planned else "")
        how = credit.explanation + ("; planned: counts once completed" if entry.planned else "")
        cells.append(
            [
                str(entry.id),
                str(entry.date),
                title,
                entry.kind,
                num(entry.hours) if entry.hours is not None else "",
                fmt(credit.value),
                how,
            ]
        )
        if not entry.planned:
            total += credit.value
    out.table(columns, cells)
    count = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}"
    out.print(f"{count}; completed ones count {fmt(total)} {units}.")


def key_values(out: Out, rows: list[tuple[str, Any]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.print(f"{key.ljust(width)}  {value}")
