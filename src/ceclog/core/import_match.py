"""Which imported rows are new: never a duplicate, never a legitimate repeat lost.

A row matches an entry with the same date, title (case and spacing ignored), hours, credits
and kind.  For each such key only as many rows are added as the file holds beyond the
ledger's count, so importing a file twice adds nothing and two identical classes on one day
both survive.  A row with no match but the date and title of an entry (other hours, credits or
kind) is a near match: held back, with the entry it resembles, until accepted by row number."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ceclog.core.import_rows import Candidate
from ceclog.core.models import Entry, Ledger
from ceclog.core.text import file_label
from ceclog.errors import UsageError


def title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def key_of(entry: Entry) -> tuple[Any, ...]:
    def amount(value: Decimal | None) -> Decimal | None:
        return None if value is None else value.normalize()

    return (
        entry.date,
        title_key(entry.title),
        amount(entry.hours),
        amount(entry.credits),
        entry.kind,
    )


@dataclass
class ImportPlan:
    added: list[Candidate] = field(default_factory=list)  # entries carry their new ids
    skipped: list[tuple[Candidate, Entry]] = field(default_factory=list)  # and the match
    held: list[tuple[Candidate, Entry]] = field(default_factory=list)  # and the look-alike
    accepted: list[int] = field(default_factory=list)  # held rows added by --accept


def plan_import(
    ledger: Ledger, rows: list[Candidate], source: str, accept: list[int] | None = None
) -> ImportPlan:
    """What importing `rows` would do to `ledger`; added entries get ids and `imported`."""
    existing: dict[tuple[Any, ...], list[Entry]] = defaultdict(list)
    by_day_title: dict[tuple[Any, ...], Entry] = {}
    for entry in ledger.entries:
        existing[key_of(entry)].append(entry)
        by_day_title.setdefault((entry.date, title_key(entry.title)), entry)
    used: Counter[tuple[Any, ...]] = Counter()
    wanted = set(accept or [])
    plan = ImportPlan()
    next_id = ledger.next_id()
    source = file_label(source)
    for row in rows:
        key = key_of(row.entry)
        matches = existing.get(key, [])
        if used[key] < len(matches):
            plan.skipped.append((row, matches[used[key]]))
            used[key] += 1
            continue
        alike = None if matches else by_day_title.get(key[:2])
        if alike is not None and row.row not in wanted:
            plan.held.append((row, alike))
            continue
        if alike is not None:
            plan.accepted.append(row.row)
        entry = replace(row.entry, id=next_id, imported=f"{source}:{row.row}")
        plan.added.append(Candidate(row.row, entry))
        next_id += 1
    stray = sorted(wanted - set(plan.accepted))
    if stray:
        rows_held = ", ".join(str(r.row) for r, _ in plan.held) or "none"
        raise UsageError(
            f"--accept {' '.join(map(str, stray))}: not a row held back as a near match "
            f"(held back: {rows_held})"
        )
    return plan
