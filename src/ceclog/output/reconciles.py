"""`ceclog reconcile`: the body's figure against ceclog's, what explains a difference, and a
transcript's lines matched to the ledger; as text and as the `ceclog-reconcile` JSON."""

from __future__ import annotations

from typing import Any

from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.reconcile.compare import (
    MAX_SIZE,
    Explanation,
    Reconciliation,
    command_for,
    signed,
    stated,
)
from ceclog.core.reconcile.transcript import WORDS, Row
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report
from ceclog.output.data import day, number
from ceclog.output.terminal import Out

KIND_WORDS = {
    "not_marked_posted": "not marked posted by then",
    "posted_not_shown": "marked posted, which the body does not show",
    "counted_differently": "counted differently from what it states",
    "mixed": "together",
}


def _ids(ids: tuple[int, ...] | list[int]) -> str:
    """ "entry 3", "entries 1, 2" or "none"."""
    if not ids:
        return "none"
    return ("entry " if len(ids) == 1 else "entries ") + ", ".join(str(i) for i in ids)


def as_json(rec: Reconciliation, rows: list[Row] | None) -> dict[str, Any]:
    fig = rec.figure
    return {
        "format": "ceclog-reconcile",
        "version": 1,
        "as_of": day(fig.day),
        "track": rec.target.label,
        "cycle": None
        if fig.cycle is None
        else {"start": day(fig.cycle.start), "due": day(fig.cycle.due)},
        "body": {"posted": number(rec.body), "source": rec.source},
        "ceclog": {
            "posted": number(fig.posted),
            "posted_entries": list(fig.posted_ids),
            "submitted_not_posted": list(fig.waiting_ids),
        },
        "difference": number(rec.difference),
        "agrees": rec.agrees,
        "explanations": [
            {
                "entries": list(x.entries),
                "credits": number(x.credits),
                "kind": x.kind,
                "command": command_for(x, fig.day),
            }
            for x in rec.explanations
        ],
        "more_explanations": rec.more,
        "rows": [_row_json(r) for r in rows or []],
    }


def _row_json(row: Row) -> dict[str, Any]:
    line, entry = row.line, row.entry
    return {
        "status": row.status,
        "line": None
        if line is None
        else {
            "row": line.row,
            "date": day(line.date),
            "title": line.title,
            "credits": number(line.credits),
            "approval": line.approval,
        },
        "entry": None if entry is None else entry.id,
        "counted": number(row.counted),
        "matched_by": row.how,
        "command": row.command,
    }


def show(
    out: Out,
    rec: Reconciliation,
    rows: list[Row] | None,
    ledger: Ledger,
    rules: Rules,
    report: Report,
) -> None:
    fig, units = rec.figure, rules.units
    cycle = (
        f"cycle {fig.cycle.start} to {fig.cycle.due}"
        if fig.cycle
        else "no cycle holds that day: nothing counts"
    )
    out.hang(f"{rec.target.label} ({cycle}), at the end of {fig.day}:", 4)
    source = f" (source: {rec.source})" if rec.source else ""
    out.hang(f"  the body shows   {fmt(rec.body):>6} {units} posted{source}", 4)
    ids = _ids(fig.posted_ids)
    out.print(f"  ceclog counts    {fmt(fig.posted):>6} {units} posted by then: {ids}")
    if fig.waiting_ids:
        out.print(f"  submitted, not posted by then: {_ids(fig.waiting_ids)}")
    if rec.agrees:
        out.print("  difference         0.0: the figures agree")
    else:
        side = "more" if rec.difference > 0 else "less"
        out.print(f"  difference     {signed(rec.difference):>8}: the body shows {side}")
        _explanations(out, rec, ledger, rules, report, rows is not None)
    if rows:
        _rows(out, rows, units)


def _part_text(x: Explanation, ledger: Ledger, rules: Rules, report: Report) -> list[str]:
    out = []
    for part in x.parts:
        entry = ledger.entry(part.entry_id)
        name = f"entry {part.entry_id}" + (f" ({entry.date} {entry.title})" if entry else "")
        if part.kind == "counted_differently":
            credit = report.credits[part.entry_id]
            said = stated(entry, rules) if entry else None
            out.append(
                f"{name} states {fmt(said or 0)} and counts {fmt(credit.value)} "
                f"({credit.explanation}): {fmt(part.credits)} {rules.units} apart"
            )
        else:
            kind = f", {KIND_WORDS[part.kind]}" if x.kind == "mixed" else ""
            out.append(f"{name}: {fmt(part.credits)} {rules.units}{kind}")
    return out


def _explanations(
    out: Out,
    rec: Reconciliation,
    ledger: Ledger,
    rules: Rules,
    report: Report,
    transcript: bool = False,
) -> None:
    if not rec.explanations:
        none = f"No combination of at most {MAX_SIZE} entries makes up the difference: "
        if transcript:
            why = "the lines below say, line by line, where the two records differ"
        elif rec.difference > 0:
            why = (
                "the body may know a class ceclog does not. Record it: ceclog add TITLE --date "
                "DATE --credits N, then ceclog posted ID"
            )
        else:
            why = (
                "compare entry by entry with the body's transcript: ceclog reconcile "
                "--transcript FILE.csv"
            )
        out.hang(none + why, 4)
        return
    count = len(rec.explanations)
    out.print(
        "What could explain it" + (f" (the first {count}; there are more):" if rec.more else ":")
    )
    for number_, x in enumerate(rec.explanations, 1):
        kind = KIND_WORDS.get(x.kind, x.kind)
        out.hang(f"  {number_}. {fmt(x.credits)} {rules.units}, {kind}:", 4)
        for text in _part_text(x, ledger, rules, report):
            out.hang(f"       {text}", 4)
        command = command_for(x, rec.figure.day)
        if command:
            out.hang(f"       fix: {command}", 4)
        elif x.kind == "counted_differently":
            out.hang(
                "       ceclog follows the rules here: ask the body, and correct the entry with "
                f"ceclog edit {x.entries[0]} if it is wrong",
                4,
            )
    out.print("ceclog never adds a balancing entry: check with the body before you fix anything.")


def _rows(out: Out, rows: list[Row], units: str) -> None:
    out.print("Line by line:")
    for row in rows:
        line, entry = row.line, row.entry
        left = (
            f"row {line.row}: {line.date} {line.title} {fmt(line.credits)}"
            if line
            else "not on the transcript"
        )
        right = (
            f"entry {entry.id} ({entry.date} {entry.title}, counts {fmt(row.counted or 0)})"
            if entry
            else "no entry"
        )
        text = f"  {WORDS[row.status]}: {left} | {right}"
        if row.command:
            text += f"\n      {row.command}"
        out.hang(text, 4)
