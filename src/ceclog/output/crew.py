"""What `ceclog import FILE --team FOLDER` would do, or did: per technician, their ledger (or
the new one), the rows added, skipped (already there) and held back; as text and as the
documented `--json` data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ceclog.core.crew import Placed, errors_of
from ceclog.core.import_match import ImportPlan
from ceclog.core.import_rows import RowError
from ceclog.core.words import plural
from ceclog.output import imports


def _who(p: Placed) -> str:
    also = p.names[1:]
    return p.names[0] + (f" (also written {', '.join(repr(n) for n in also)})" if also else "")


def render(placed: list[Placed], written: bool) -> list[str]:
    out: list[str] = []
    for p in placed:
        where = p.ledger + (f", a new ledger ({p.new})" if p.new else "")
        out.append(f"{_who(p)} -> {where}: {plural(len(p.rows), 'row')}")
        plan = p.part.plan or ImportPlan()
        out += [f"  {line}" for line in imports.render(plan, written)]
    out.append(total(placed, written))
    return out


def total(placed: list[Placed], written: bool) -> str:
    plans = [p.part.plan or ImportPlan() for p in placed]
    added = sum(len(plan.added) for plan in plans)
    ledgers = sum(1 for p, plan in zip(placed, plans, strict=True) if plan.added or p.new)
    new = sum(1 for p in placed if p.new)
    skipped, held = sum(len(p.skipped) for p in plans), sum(len(p.held) for p in plans)
    text = f"{'Added' if written else 'Would add'} {plural(added, 'entry', 'entries')} to "
    text += plural(ledgers, "ledger") + (f" ({new} new)" if new else "")
    text += f" for {plural(len(placed), 'technician')}"
    if skipped or held:
        text += f"; {plural(skipped, 'row')} already there, {held} held back"
    return text + "."


def written_line(placed: list[Placed], file: Path) -> str:
    added = sum(len(p.part.plan.added) for p in placed if p.part.plan)
    if not added and not any(p.new for p in placed):
        return "nothing to add: no ledger was changed"
    return (
        f"{plural(added, 'entry', 'entries')} imported from {file}; each ledger keeps its own "
        "backup: `ceclog --ledger FILE undo` reverts that ledger's part of the import"
    )


def person_data(p: Placed, refused: bool) -> dict[str, Any]:
    """One technician's part; when the import is refused, only their errors (no plan)."""
    plan = None if refused else p.part.plan
    errors = list(p.part.reading.errors)
    if p.part.problem:
        errors.append(RowError(None, p.part.problem))
    return {
        "name": p.names[0],
        "names": p.names,
        "ledger": p.ledger,
        "created": p.new is not None,
        "new_ledger": p.new,
        "rows": p.rows,
        **{k: v for k, v in imports.as_data(plan, errors, False, "").items() if k in PLAN_KEYS},
    }


PLAN_KEYS = ("added", "skipped", "held", "errors")


def as_data(
    file: str,
    folder: Path,
    placed: list[Placed],
    written: bool,
    *,
    unmatched: list[tuple[str, list[int]]] | None = None,
    nameless: list[RowError] | None = None,
) -> dict[str, Any]:
    errors = errors_of(placed, nameless or [])
    refused = bool(errors or unmatched)
    return {
        "file": file,
        "team": str(folder),
        "written": written,
        "people": [person_data(p, refused) for p in placed],
        "unmatched": [{"name": name, "rows": rows} for name, rows in unmatched or []],
        "errors": [{"row": e.row, "message": e.message} for e in errors],
    }
