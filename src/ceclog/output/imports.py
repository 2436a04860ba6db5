"""What `ceclog import` would do, or did: rows added, skipped (already in the ledger) and held
back (near matches), with their row numbers; as text and as the documented `--json` data."""

from __future__ import annotations

from typing import Any

from ceclog.core.credits import num
from ceclog.core.import_match import ImportPlan
from ceclog.core.import_rows import RowError
from ceclog.core.models import Entry
from ceclog.core.words import plural
from ceclog.output.data import entry_fields


def amount(e: Entry) -> str:
    parts = []
    if e.hours is not None:
        parts.append(f"{num(e.hours)} h")
    if e.credits is not None:
        parts.append(f"{num(e.credits)} credits")
    return ", ".join(parts) or "no hours"


def line(e: Entry) -> str:
    return f"{e.date} {e.title} ({amount(e)}, {e.kind})"


def render(
    plan: ImportPlan,
    written: bool,
    others: list[tuple[str, list[int]]] | None = None,
    holder: str = "",
) -> list[str]:
    verb = "added" if written else "would add"
    colon = ":" if plan.added else "."
    out = [f"{verb.capitalize()} {plural(len(plan.added), 'entry', 'entries')}{colon}"]
    out += [f"  row {c.row}: entry {c.entry.id}: {line(c.entry)}" for c in plan.added]
    if plan.skipped:
        out.append(f"Skipped {plural(len(plan.skipped), 'row')} already in the ledger:")
        out += [f"  row {c.row}: {line(c.entry)} = entry {e.id}" for c, e in plan.skipped]
    if plan.held:
        out.append(
            f"Held back {plural(len(plan.held), 'near match', 'near matches')} "
            f"(same date and title as an entry, other hours, credits or kind):"
        )
        for c, e in plan.held:
            out.append(f"  row {c.row}: {line(c.entry)}")
            out.append(f"    resembles entry {e.id}: {line(e)}")
        rows = " ".join(str(c.row) for c, _ in plan.held)
        which = "it" if len(plan.held) == 1 else "them"
        out.append(
            f"  to add {which} as well: --accept {rows}; if the row only corrects an entry, "
            "edit that entry instead (ceclog edit ID --hours H)"
        )
    return out + not_theirs(others or [], holder)


def rows_text(rows: list[int]) -> str:
    return f"{plural(len(rows), 'row')} ({', '.join(map(str, rows))})"


def not_theirs(others: list[tuple[str, list[int]]], holder: str) -> list[str]:
    """The rows naming other people than the ledger's holder, per name: never imported."""
    if not others:
        return []
    n = sum(len(rows) for _, rows in others)
    out = [
        f"Not imported: {plural(n, 'row')} naming another person than {holder}, the ledger's "
        "holder:"
    ]
    return out + [f"  {name}: {rows_text(rows)}" for name, rows in others]


def entry_data(e: Entry) -> dict[str, Any]:
    return {**entry_fields(e), "imported": e.imported}


def as_data(
    plan: ImportPlan | None,
    errors: list[RowError],
    written: bool,
    file: str,
    others: list[tuple[str, list[int]]] | None = None,
) -> dict[str, Any]:
    plan = plan or ImportPlan()
    return {
        "file": file,
        "written": written,
        "added": [{"row": c.row, **entry_data(c.entry)} for c in plan.added],
        "skipped": [
            {"row": c.row, **entry_data(c.entry), "id": None, "matches": e.id}
            for c, e in plan.skipped
        ],
        "held": [
            {"row": c.row, **entry_data(c.entry), "id": None, "resembles": entry_data(e)}
            for c, e in plan.held
        ],
        "errors": [{"row": r.row, "message": r.message} for r in errors],
        "other_people": [{"name": name, "rows": rows} for name, rows in others or []],
    }
