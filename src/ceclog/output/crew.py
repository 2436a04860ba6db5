"""What `ceclog import FILE --team FOLDER` would do, or did: per technician, their ledger (or
the new one), the rows added, skipped (already there), held back and read past; then the rows
that are no one's class; as text and as the documented `--json` data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ceclog.core.imports.crew import Placed
from ceclog.core.imports.match import ImportPlan
from ceclog.core.imports.table import NotClass, RowError
from ceclog.core.ledger.words import plural
from ceclog.output import imports


def _who(p: Placed) -> str:
    also = p.names[1:]
    return p.names[0] + (f" (also written {', '.join(repr(n) for n in also)})" if also else "")


def render(placed: list[Placed], written: bool, passed: list[NotClass]) -> list[str]:
    """Each technician's part, the rows no one's read past (`passed`), and the totals."""
    out: list[str] = []
    for p in placed:
        where = p.ledger + (f", a new ledger ({p.new})" if p.new else "")
        out.append(f"{_who(p)} -> {where}: {plural(len(p.rows), 'row')}")
        plan = p.part.plan or ImportPlan()
        lines = imports.render(plan, written, p.part.reading.not_classes)
        out += [f"  {line}" for line in lines]
    out += imports.passed_lines(passed)
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


PLAN_KEYS = ("added", "skipped", "held", "not_classes", "errors")


def person_data(p: Placed, refused: bool) -> dict[str, Any]:
    """One technician's part; when the import is refused, only their errors (no plan)."""
    plan = None if refused else p.part.plan
    errors = list(p.part.reading.errors)
    if p.part.problem:
        errors.append(RowError(None, p.part.problem))
    passed = p.part.reading.not_classes
    doc = imports.as_data(plan, errors, False, "", passed)
    return {
        "name": p.names[0],
        "names": p.names,
        "ledger": p.ledger,
        "created": p.new is not None,
        "new_ledger": p.new,
        "rows": p.rows,
        **{k: v for k, v in doc.items() if k in PLAN_KEYS},
    }


def as_data(
    file: str,
    folder: Path,
    placed: list[Placed],
    written: bool,
    *,
    unmatched: imports.Others | None = None,
    errors: list[RowError] | None = None,
    passed: list[NotClass] | None = None,
) -> dict[str, Any]:
    """`errors`: every error that stops the import (see `core.crew.errors_of`)."""
    refused = bool(errors or unmatched)
    return {
        "file": file,
        "team": str(folder),
        "written": written,
        "people": [person_data(p, refused) for p in placed],
        "not_classes": [imports.passed_data(n) for n in passed or []],
        "unmatched": [{"name": name, "rows": labels} for name, labels in unmatched or []],
        "errors": [imports.error_data(e) for e in errors or []],
    }
