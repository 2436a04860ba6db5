"""What `ceclog import` would do, or did: rows added, skipped (already in the ledger), held
back (repeats, near matches, statuses to confirm), read past (not classes) and not imported
(naming another person than the ledger's holder), with their rows; as text and as the
documented `--json` data."""

from __future__ import annotations

import datetime as dt
import shlex
from typing import Any

from ceclog.core.imports.match import Held, ImportPlan
from ceclog.core.imports.table import Candidate, NotClass, RowError
from ceclog.core.ledger.models import Entry
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.credits import num
from ceclog.output.data import entry_fields


def amount(e: Entry) -> str:
    parts = []
    if e.hours is not None:
        parts.append(f"{num(e.hours)} h")
    if e.credits is not None:
        parts.append(f"{num(e.credits)} credits")
    return ", ".join(parts) or "no hours"


def line(e: Entry) -> str:
    """An entry in one line, with what it will store that the sheet may have said otherwise:
    its amount and kind, planned, the provider and approval."""
    said = [amount(e), e.kind]
    if e.planned:
        said.append("planned")
    if e.provider:
        said.append(f"provider {e.provider}")
    if e.approval:
        said.append(f"approval {e.approval}")
    return f"{e.date} {e.title} ({', '.join(said)})"


WHY = {
    "repeat": "the same class as an earlier row of the file: pasted twice?",
    "near": "same date and title as an entry, other hours, credits or kind",
    "duplicate": "same date and amount as an entry under another title: the same class?",
    "status": "a status ceclog does not know",
}


def held_lines(held: list[Held]) -> list[str]:
    out = [f"Held back {plural(len(held), 'row')} until you say to add them:"]
    for h in held:
        c = h.row
        if h.why == "repeat" and h.same_as is not None:
            out.append(f"  row {c.label}: {line(c.entry)}")
            out.append(f"    repeats row {h.same_as.label} ({WHY['repeat']})")
        elif h.why in ("near", "duplicate") and h.resembles is not None:
            out.append(f"  row {c.label}: {line(c.entry)}")
            out.append(f"    resembles entry {h.resembles.id}: {line(h.resembles)} ({WHY[h.why]})")
        else:
            comes = "planned" if c.entry.planned else "completed"
            out.append(f"  row {c.label}: {line(c.entry)}")
            out.append(f"    {c.ask}: {WHY['status']}; accepted, it comes in {comes}")
    plain = [h for h in held if h.why in ("repeat", "status")]
    alike = [h for h in held if h.why in ("near", "duplicate")]
    if plain:
        out.append(f"  to add {'it' if len(plain) == 1 else 'them'} as well: {_accept(plain)}")
    if alike:
        each = "it is" if len(alike) == 1 else "each is"
        out.append(
            f"  {_accept(alike)} only if {each} another class (it would count twice otherwise)"
        )
    for h in held:
        if h.why == "near" and h.resembles is not None:
            out.append(
                f"  if row {h.row.label} corrects entry {h.resembles.id}, edit that entry "
                f"instead: {_edit(h.row.entry, h.resembles)}"
            )
    if any(h.why == "duplicate" for h in held):
        out.append(
            "  a row that is an entry's class under another title: leave it out, or give the "
            "entry the sheet's title (ceclog edit ID --title TITLE) and the next import skips it"
        )
    return out


def _accept(held: list[Held]) -> str:
    return " ".join(f"--accept {shlex.quote(h.row.label)}" for h in held)


def _edit(row: Entry, entry: Entry) -> str:
    """The `ceclog edit` that gives `entry` the row's hours, credits and kind."""
    args = []
    for name in ("hours", "credits"):
        mine, theirs = getattr(row, name), getattr(entry, name)
        if mine != theirs:
            args.append(f"--clear {name}" if mine is None else f"--{name} {num(mine)}")
    if row.kind != entry.kind:
        args.append(f"--kind {shlex.quote(row.kind)}")
    return " ".join([f"ceclog edit {entry.id}", *args])


def passed_lines(passed: list[NotClass]) -> list[str]:
    """The rows read past, each with why (a total, a heading, a cancelled class...), then the
    classes that cannot come in yet (dated TBD...)."""
    out = []
    past = [n for n in passed if not n.later]
    if past:
        verb = "is" if len(past) == 1 else "are"
        out.append(f"Read past {plural(len(past), 'row')} that {verb} not a class:")
        out += [f"  row {n.label}: {n.why}" for n in past]
    later = [n for n in passed if n.later]
    if later:
        out.append(
            f"Not imported yet: {plural(len(later), 'row')} (a class whose date or hours are "
            "not known yet):"
        )
        out += [f"  row {n.label}: {n.why}" for n in later]
    return out


Others = list[tuple[str, list[str]]]  # the rows naming other people: (name, their labels)


def render(
    plan: ImportPlan,
    written: bool,
    passed: list[NotClass] | None = None,
    others: Others | None = None,
    holder: str = "",
) -> list[str]:
    verb = "added" if written else "would add"
    colon = ":" if plan.added else "."
    out = [f"{verb.capitalize()} {plural(len(plan.added), 'entry', 'entries')}{colon}"]
    out += [f"  row {c.label}: entry {c.entry.id}: {line(c.entry)}" for c in plan.added]
    if plan.skipped:
        out.append(f"Skipped {plural(len(plan.skipped), 'row')} already in the ledger:")
        for c, e in plan.skipped:
            why = plan.counted.get(c.label)
            out.append(f"  row {c.label}: {line(c.entry)} = entry {e.id}")
            if why is not None:
                out.append(f"    {why}")
    if plan.held:
        out += held_lines(plan.held)
    return out + passed_lines(passed or []) + not_theirs(others or [], holder)


def rows_text(labels: list[str]) -> str:
    return f"{plural(len(labels), 'row')} ({', '.join(labels)})"


def not_theirs(others: Others, holder: str) -> list[str]:
    """The rows naming other people than the ledger's holder, per name: never imported."""
    if not others:
        return []
    n = sum(len(labels) for _, labels in others)
    out = [
        f"Not imported: {plural(n, 'row')} naming another person than {holder}, the ledger's "
        "holder:"
    ]
    return out + [f"  {name}: {rows_text(labels)}" for name, labels in others]


def _rows(labels: list[str]) -> str:
    return ("row " if len(labels) == 1 else "rows ") + ", ".join(labels)


def dated_after(added: list[Candidate], today: dt.date) -> tuple[list[str], list[str]]:
    """What to say of rows dated after today: a note for those imported as planned, a warning
    for those marked completed."""
    ahead = [a.label for a in added if a.entry.planned and a.entry.date > today]
    late = [a.label for a in added if not a.entry.planned and a.entry.date > today]
    notes = [
        f"{_rows(ahead)} dated after today: imported as planned (they count once taken: "
        "`ceclog edit ID --completed`)"
    ]
    warnings = [f"{_rows(late)} dated after today but marked completed: check the dates"]
    return notes if ahead else [], warnings if late else []


def entry_data(e: Entry) -> dict[str, Any]:
    return {**entry_fields(e), "imported": e.imported}


def row_data(c: Candidate) -> dict[str, Any]:
    return {"row": c.row, "sheet": c.sheet, **entry_data(c.entry)}


def held_data(h: Held) -> dict[str, Any]:
    return {
        **row_data(h.row),
        "id": None,
        "why": h.why,
        "resembles": entry_data(h.resembles) if h.resembles is not None else None,
        "repeats": h.same_as.label if h.same_as is not None else None,
        "status": h.row.ask,
    }


def as_data(
    plan: ImportPlan | None,
    errors: list[RowError],
    written: bool,
    file: str,
    passed: list[NotClass] | None = None,
    others: Others | None = None,
) -> dict[str, Any]:
    plan = plan or ImportPlan()
    return {
        "file": file,
        "written": written,
        "added": [row_data(c) for c in plan.added],
        "skipped": [
            {**row_data(c), "id": None, "matches": e.id, "by_count": c.label in plan.counted}
            for c, e in plan.skipped
        ],
        "held": [held_data(h) for h in plan.held],
        "not_classes": [passed_data(n) for n in passed or []],
        "errors": [error_data(r) for r in errors],
        "other_people": [{"name": name, "rows": labels} for name, labels in others or []],
    }


def error_data(e: RowError) -> dict[str, Any]:
    return {"row": e.row, "sheet": e.sheet, "message": e.message}


def passed_data(n: NotClass) -> dict[str, Any]:
    return {"row": n.row, "sheet": n.sheet, "why": n.why, "later": n.later}
