"""Which imported rows are new: never a duplicate, never a legitimate repeat lost unasked.

A row matches an entry with the same date, title (case and spacing ignored), hours, credits
and kind.  For each such key only as many rows are added as the file holds beyond the
ledger's count, so importing a file twice adds nothing.  Given the ledger's rules, a row also
matches an entry no row matches so, of the same date, title and kind, whose amount counts the
same (14 credits stated, 14 h at 1 h per CEC): it is skipped too, noted as matched by what it
counts.  Rows are held back, each with why,
until accepted by row (`--accept ROW`):
- a repeat: the same class as an earlier row of the file (pasted twice?), for the same person;
- a near match: no match, but the date and title of an entry (other hours, credits or kind);
- a possible duplicate: no match, but the date and the hours or credits of an entry under
  another title (the class typed in by hand as "OCT class", the sheet's "Odor Control
  Technician"), an entry no row of the file matches;
- a question: a status ceclog does not know ("In progress")."""

from __future__ import annotations

import re
import shlex
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from ceclog.core.imports.table import Candidate
from ceclog.core.ledger.duplicates import key_of, title_key
from ceclog.core.ledger.models import Entry, Ledger, Rules
from ceclog.core.ledger.text import file_label
from ceclog.core.schedule.credits import amount_counts, num
from ceclog.errors import UsageError


def amounts(entry: Entry) -> set[Decimal]:
    return {v.normalize() for v in (entry.hours, entry.credits) if v is not None}


def same_day_amount(entry: Entry, entries: list[Entry]) -> Entry | None:
    """The first of `entries` on the same date with the same hours or credits (the number,
    whichever field holds it), or of the same kind when neither has an amount (a booth
    visit): the same class under another title, maybe."""
    mine = amounts(entry)
    for other in entries:
        if other.date != entry.date:
            continue
        theirs = amounts(other)
        if (mine & theirs) or (not mine and not theirs and other.kind == entry.kind):
            return other
    return None


@dataclass(frozen=True)
class Held:
    """A row held back: `why` is "repeat" (of `same_as`, an earlier row of the file), "near"
    (it has the date and title of the ledger's entry `resembles`), "duplicate" (the date and
    amount of `resembles`, under another title) or "status" (the row's status, `row.ask`, is
    not one ceclog knows)."""

    row: Candidate
    why: Literal["repeat", "near", "duplicate", "status"]
    resembles: Entry | None = None
    same_as: Candidate | None = None


@dataclass
class ImportPlan:
    added: list[Candidate] = field(default_factory=list)  # entries carry their new ids
    skipped: list[tuple[Candidate, Entry]] = field(default_factory=list)  # and the match
    held: list[Held] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # held rows added by --accept
    counted: dict[str, str] = field(default_factory=dict)  # skipped by what it counts: why


def plan_import(
    ledger: Ledger,
    rows: list[Candidate],
    source: str,
    accept: list[str] | None = None,
    *,
    repeats: bool = True,
    rules: Rules | None = None,
) -> ImportPlan:
    """What importing `rows` would do to `ledger`; added entries get ids and `imported`.
    `accept`: the rows to add although held back ("12", or "Sheet!12" in a workbook);
    `repeats`: hold back repeats within the file (not in ceclog's own export); `rules`: the
    ledger's, to match a row whose amount counts as an entry's does (see the module's text)."""
    first = _plan(ledger, rows, source, set(), repeats, rules)
    wanted = resolve(accept or [], [h.row for h in first.held])
    return _plan(ledger, rows, source, wanted, repeats, rules) if wanted else first


def same_count(row: Entry, entries: list[Entry], rules: Rules | None) -> Entry | None:
    """The first of `entries` with the row's date, title and kind whose amount counts the
    same under `rules` (14 credits stated, 14 h at 1 h per CEC): the same class."""
    worth = amount_counts(row, rules) if rules is not None else None
    if rules is None or worth is None:
        return None
    title = title_key(row.title)
    for entry in entries:
        if entry.date != row.date or entry.kind != row.kind:  # cheap first: one import scans
            continue  # the ledger once per row
        if title_key(entry.title) == title and amount_counts(entry, rules) == worth:
            return entry
    return None


def resolve(accept: list[str], held: list[Candidate]) -> set[str]:
    """The labels --accept names: "12" names the one held row 12 of any sheet."""
    out: set[str] = set()
    stray: list[str] = []
    for given in accept:
        text = given.strip()
        if not re.fullmatch(r"(.+!)?\d+", text):
            raise UsageError(f"--accept {given}: give a row number (12, or SHEET!12)")
        exact = [c.label for c in held if c.label == text]
        loose = [c.label for c in held if "!" not in text and str(c.row) == text]
        if len(exact or loose) > 1:
            raise UsageError(
                f"--accept {given}: row {text} is held back in {len(loose)} sheets",
                hint="name the sheet: "
                + " or ".join(f"--accept {shlex.quote(label)}" for label in loose),
            )
        if exact or loose:
            out.add((exact or loose)[0])
        else:
            stray.append(given)
    if stray:
        rows_held = ", ".join(c.label for c in held) or "none"
        raise UsageError(
            f"--accept {' '.join(stray)}: not a row held back (held back: {rows_held})"
        )
    return out


def count_note(row: Entry, entry: Entry, rules: Rules) -> str:
    """Why a row matched an entry by what it counts: "14 CECs stated, as entry 1's 14 h at
    1 h per CEC"."""

    def said(e: Entry) -> str:
        if e.credits is not None:
            return f"{num(e.credits)} {rules.unit if e.credits == 1 else rules.units} stated"
        assert e.hours is not None  # amount_counts matched it
        return f"{num(e.hours)} h at {num(rules.hours_per_credit)} h per {rules.unit}"

    return f"matched by what it counts: {said(row)}, as entry {entry.id}'s {said(entry)}"


def _plan(
    ledger: Ledger,
    rows: list[Candidate],
    source: str,
    wanted: set[str],
    repeats: bool,
    rules: Rules | None,
) -> ImportPlan:
    existing: dict[tuple[Any, ...], list[Entry]] = defaultdict(list)
    by_day_title: dict[tuple[Any, ...], Entry] = {}
    for entry in ledger.entries:
        existing[key_of(entry)].append(entry)
        by_day_title.setdefault((entry.date, title_key(entry.title)), entry)
    matched = {id(e) for row in rows for e in existing.get(key_of(row.entry), [])}
    unmatched = [e for e in ledger.entries if id(e) not in matched]
    used: Counter[tuple[Any, ...]] = Counter()
    seen: dict[tuple[Any, ...], Candidate] = {}  # the file's first row of each class
    plan = ImportPlan()
    next_id = ledger.next_id()
    source = file_label(source)
    for row in rows:
        key = key_of(row.entry)
        matches = existing.get(key, [])
        earlier = seen.setdefault((*key, row.person), row)
        if used[key] < len(matches):
            plan.skipped.append((row, matches[used[key]]))
            used[key] += 1
            continue
        counted = None if matches else same_count(row.entry, unmatched, rules)
        if counted is not None:
            unmatched = [e for e in unmatched if e is not counted]  # one row each
            plan.skipped.append((row, counted))
            assert rules is not None  # same_count matches only under rules
            plan.counted[row.label] = count_note(row.entry, counted, rules)
            continue
        alike = None if matches else by_day_title.get(key[:2])
        twin = None if matches or alike else same_day_amount(row.entry, unmatched)
        held = None
        if earlier is not row and repeats:
            held = Held(row, "repeat", same_as=earlier)
        elif alike is not None:
            held = Held(row, "near", resembles=alike)
        elif twin is not None:
            held = Held(row, "duplicate", resembles=twin)
        elif row.ask is not None:
            held = Held(row, "status")
        if held is not None and row.label not in wanted:
            plan.held.append(held)
            continue
        if held is not None:
            plan.accepted.append(row.label)
        entry = replace(row.entry, id=next_id, imported=f"{source}:{row.label}")
        plan.added.append(replace(row, entry=entry))
        next_id += 1
    return plan
