"""Terminal output with Rich.  Colour and box drawing only on a terminal without NO_COLOR;
pipes and NO_COLOR get plain ASCII text."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ceclog.engine import Credit, Report, Requirement, fmt, num
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


def console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    plain = not tty or "NO_COLOR" in os.environ
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() else (None if tty else 160)
    return Console(
        file=stream,
        color_system=None if plain else "auto",
        force_terminal=False if plain else None,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def _plain(out: Console) -> bool:
    return out.color_system is None


# rich's SIMPLE box drawn with ASCII only: a rule under the header, no vertical lines
PLAIN_BOX = box.Box("    \n    \n -- \n    \n    \n -- \n    \n    \n", ascii=True)


def _box(out: Console) -> box.Box:
    return PLAIN_BOX if _plain(out) else box.SIMPLE_HEAD


def bar(done: Decimal, total: Decimal, plain: bool, width: int = 10) -> Text:
    ratio = 0.0 if total <= 0 else min(1.0, float(done / total))
    filled = round(ratio * width)
    pct = f" {ratio * 100:3.0f}%"
    if plain:
        return Text("[" + "#" * filled + "." * (width - filled) + "]" + pct)
    style = "green" if ratio >= 1 else "cyan"
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="dim") + pct


def status(out: Console, report: Report, ledger: Ledger, loaded: LoadedRules) -> None:
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
    table = Table(box=_box(out), show_edge=False)
    for name, justify in (
        ("Requirement", "left"),
        ("Cycle", "left"),
        ("Days left", "right"),
        ("Required", "right"),
        ("Counted", "right"),
        ("Remaining", "right"),
        ("Projected", "right"),
        ("Progress", "left"),
        ("State", "left"),
    ):
        table.add_column(name, justify=justify, no_wrap=name != "Requirement")  # type: ignore[arg-type]
    plain = _plain(out)
    for req in report.requirements:
        cycle = req.current.cycle
        table.add_row(
            f"{req.track.name} ({', '.join(req.certifications)})",
            f"{cycle.start} to {cycle.due}",
            str(req.days_left),
            fmt(req.required),
            fmt(req.counted),
            fmt(req.remaining),
            fmt(req.projected),
            bar(req.counted, req.required, plain),
            Text(STATE_WORDS[req.state], style="" if plain else STATE_STYLE[req.state]),
        )
    out.print(table)
    for req in report.requirements:
        _notes(out, req, rules.units)


def _notes(out: Console, req: Requirement, units: str) -> None:
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


def entries(out: Console, rows: list[tuple[Entry, Credit]], units: str) -> None:
    if not rows:
        out.print("No entries.")
        return
    table = Table(box=_box(out), show_edge=False)
    for name, justify in (
        ("ID", "right"),
        ("Date", "left"),
        ("Title", "left"),
        ("Kind", "left"),
        ("Hours", "right"),
        (units, "right"),
        ("How it counts", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    total = Decimal(0)
    for entry, credit in rows:
        title = entry.title + (" (planned)" if entry.planned else "")
        how = credit.explanation + ("; planned: counts once completed" if entry.planned else "")
        table.add_row(
            str(entry.id),
            str(entry.date),
            title,
            entry.kind,
            num(entry.hours) if entry.hours is not None else "",
            fmt(credit.value),
            how,
        )
        if not entry.planned:
            total += credit.value
    out.print(table)
    count = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}"
    out.print(f"{count}; completed ones count {fmt(total)} {units}.")


def key_values(out: Console, rows: list[tuple[str, Any]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.print(f"{key.ljust(width)}  {value}")
