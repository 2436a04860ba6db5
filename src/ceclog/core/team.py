"""The firm's view: one row per technician x requirement over many ledgers, what each must do
next, in order of urgency.  Pure: the shell reads the ledgers (never writing them) and hands in,
for each file, either its ledger and rules or the error that stopped it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Literal, NamedTuple

from ceclog.core.credits import fmt
from ceclog.core.engine import Report, Requirement, evaluate
from ceclog.core.models import Ledger, Rules
from ceclog.core.plan import Plan, plan_requirement
from ceclog.core.words import plural

RowState = Literal["error", "overdue", "due_soon", "behind", "on_track", "met", "none"]
# most urgent first: the order of rows and of the footer
URGENCY: tuple[RowState, ...] = (
    "error",
    "overdue",
    "due_soon",
    "behind",
    "on_track",
    "met",
    "none",
)
AT_RISK = frozenset({"overdue", "due_soon", "behind"})


class Member(NamedTuple):
    """One ledger as the shell found it: read and valid (`ledger`, `rules`), or not (`error`,
    the first `path:line: message`, and `remedy`)."""

    file: str
    ledger: Ledger | None = None
    rules: Rules | None = None
    error: str | None = None
    remedy: str | None = None


class Row(NamedTuple):
    file: str
    name: str | None
    registrant_id: str | None
    certifications: tuple[str, ...]
    track: str | None
    cycle_start: dt.date | None
    due: dt.date | None
    days_left: int | None
    required: Decimal | None
    counted: Decimal | None
    remaining: Decimal | None
    planned: Decimal | None  # planned credits dated in the current cycle (before the due date)
    projected: Decimal | None
    unsubmitted: Decimal | None  # counted credits of entries not yet submitted
    state: RowState
    next_action: str
    error: str | None = None
    duplicates: tuple[str, ...] = ()  # other files with the same registrant ID
    requirement: Requirement | None = None  # for plans and quarter columns
    plan: Plan | None = None  # with a plan year: the requirement's plan for that year

    @property
    def at_risk(self) -> bool:
        return self.state in AT_RISK


def _unsubmitted_entries(req: Requirement, ledger: Ledger) -> int:
    ids = set(req.current.counted_ids)
    return sum(1 for e in ledger.entries if e.id in ids and e.submitted is None and not e.posted)


def next_action(req: Requirement, ledger: Ledger, units: str) -> str:
    """What the technician must do next, most urgent first, in words."""
    parts: list[str] = []
    cur = req.current
    if req.lapse is not None:
        lapse = req.lapse
        short = f"take {fmt(lapse.remaining)} {units} for the cycle ending {lapse.cycle.due}"
        if req.reinstate_by is not None and req.today < req.reinstate_by:
            parts.append(f"lapsed: {short} and renew by email before {req.reinstate_by}")
        elif req.reinstate_by is not None:
            parts.append(f"lapsed since {lapse.cycle.due}: reinstatement required")
        else:
            parts.append(f"lapsed: {short}")
    if not cur.met:
        uncovered = max(Decimal(0), cur.remaining - cur.planned)
        if uncovered > 0:
            parts.append(f"plan {fmt(uncovered)} {units} by {cur.cycle.due}")
        else:
            parts.append(f"take the planned classes before {cur.cycle.due}")
    unsent = _unsubmitted_entries(req, ledger)
    if unsent:
        parts.append(f"submit {plural(unsent, 'certificate')}")
    if not parts:
        parts.append(f"nothing until the cycle ending {cur.cycle.due} ends")
    return "; ".join(parts)


def member_rows(member: Member, today: dt.date, plan_year: int | None = None) -> list[Row]:
    """The rows of one ledger (an error row when it could not be read or is invalid); with
    `plan_year`, each carries its requirement's plan for that year (`ceclog plan --year`)."""
    if member.ledger is None or member.rules is None:
        action = member.remedy or "run `ceclog --ledger FILE check` on it"
        return [Row(member.file, None, None, (), None, None, None, None, None, None, None, None,
                    None, None, "error", action, member.error)]  # fmt: skip
    ledger, rules = member.ledger, member.rules
    report: Report = evaluate(ledger, rules, today)
    holder = ledger.holder
    if not report.requirements:
        codes = tuple(c.code for c in ledger.certifications)
        return [Row(member.file, holder.name, holder.registrant_id, codes, None, None, None, None,
                    None, None, None, None, None, None, "none",
                    "no certification with a requirement is held")]  # fmt: skip
    rows = []
    for req in report.requirements:
        cur = req.current
        rows.append(
            Row(
                file=member.file,
                name=holder.name,
                registrant_id=holder.registrant_id,
                certifications=req.certifications,
                track=req.track.name,
                cycle_start=cur.cycle.start,
                due=cur.cycle.due,
                days_left=req.days_left,
                required=cur.required,
                counted=cur.counted,
                remaining=cur.remaining,
                planned=cur.planned,
                projected=req.projected,
                unsubmitted=cur.counted - cur.submitted,
                state=req.state,
                next_action=next_action(req, ledger, rules.units),
                requirement=req,
                plan=None
                if plan_year is None
                else plan_requirement(req, report, ledger, rules, plan_year),
            )
        )
    return rows


def sort_key(row: Row) -> tuple[int, int, str, str]:
    days = row.days_left if row.days_left is not None else -(10**9)
    return (URGENCY.index(row.state), days, (row.name or "").casefold(), row.file)


def _id_key(registrant_id: str | None) -> str:
    """Registrant IDs compared as a person would: case and surrounding spaces aside ("" for
    none, which matches nothing)."""
    return (registrant_id or "").strip().casefold()


def team_rows(members: list[Member], today: dt.date, plan_year: int | None = None) -> list[Row]:
    """Every row, the same registrant ID in several files flagged on each, most urgent first."""
    return arrange([row for m in members for row in member_rows(m, today, plan_year)])


def arrange(rows: list[Row]) -> list[Row]:
    """The rows most urgent first, those with the same registrant ID in several files flagged."""
    files_of: dict[str, set[str]] = {}
    for row in rows:
        if key := _id_key(row.registrant_id):
            files_of.setdefault(key, set()).add(row.file)
    flagged = []
    for row in rows:
        others = files_of.get(_id_key(row.registrant_id), set()) - {row.file}
        if others:
            note = f"same registrant ID as {', '.join(sorted(others))}: a copy? keep one"
            row = row._replace(duplicates=tuple(sorted(others)),
                               next_action=f"{note}; {row.next_action}")  # fmt: skip
        flagged.append(row)
    return sorted(flagged, key=sort_key)


def _due_within(row: Row, days: int) -> bool:
    return row.state == "overdue" or (row.days_left is not None and row.days_left <= days)


def select(
    rows: list[Row],
    *,
    at_risk: bool = False,
    due_within: int | None = None,
    cert: str | None = None,
) -> list[Row]:
    """The rows the filters keep (error rows are always kept: they hide nothing).  An overdue
    row is within any `due_within`: its lapsed cycle's due date has passed, whatever the days
    left in the current one."""
    out = []
    for row in rows:
        if row.state != "error":
            if at_risk and not row.at_risk:
                continue
            if due_within is not None and not _due_within(row, due_within):
                continue
            if cert is not None and cert not in row.certifications:
                continue
        out.append(row)
    return out


def counts(rows: list[Row]) -> dict[str, int]:
    """How many rows are in each state, in the order of urgency (states with none left out)."""
    found = Counter(row.state for row in rows)
    return {state: found[state] for state in URGENCY if found[state]}
