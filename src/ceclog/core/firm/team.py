"""The firm's view: one row per technician x requirement over many ledgers, what each must do
next, in order of urgency.  Pure: the shell reads the ledgers (never writing them) and hands in,
for each file, either its ledger and rules or the error that stopped it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Literal, NamedTuple

from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.ledger.words import plural
from ceclog.core.reports.plan import Plan, plan_requirement
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report, Requirement, evaluate
from ceclog.core.schedule.results import ATTENTION, send_command
from ceclog.errors import CeclogError

RowState = Literal[
    "error", "overdue", "due_soon", "to_submit", "behind", "on_track", "met", "exempt", "none"
]
# most urgent first: the order of rows and of the footer
URGENCY: tuple[RowState, ...] = (
    "error",
    "overdue",
    "due_soon",
    "to_submit",
    "behind",
    "on_track",
    "met",
    "exempt",
    "none",
)
AT_RISK = ATTENTION | {"overdue"}


class Member(NamedTuple):
    """One ledger as the shell found it: read and valid (`ledger`, `rules`), or not (`error`,
    the first `path:line: message`, and `remedy`)."""

    file: str
    ledger: Ledger | None = None
    rules: Rules | None = None
    error: str | None = None
    remedy: str | None = None
    report: Report | None = None  # the ledger's evaluation, when its checks made it


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
    planned: Decimal | None  # planned credits dated from today to the due date
    projected: Decimal | None
    unsubmitted: Decimal | None  # counted credits of entries not yet submitted
    state: RowState
    next_action: str
    error: str | None = None
    duplicates: tuple[str, ...] = ()  # other files with the same registrant ID
    requirement: Requirement | None = None  # for plans and quarter columns
    plan: Plan | None = None  # with a plan year: the requirement's plan for that year
    lapsed: dt.date | None = None  # the due date of the cycle that ended unmet, if one did

    @property
    def at_risk(self) -> bool:
        return self.state in AT_RISK


class Planned(NamedTuple):
    """The planned entries of a requirement's current cycle: the credits of those dated from
    today to the due date (the only ones that can still happen), and how many of the ledger's
    are dated before today (taken and not marked, or moved: `ceclog plan` names them)."""

    upcoming: Decimal
    past: int


def planned_of(req: Requirement, report: Report, ledger: Ledger) -> Planned:
    ids = set(req.current.entry_ids)
    mine = [
        e for e in ledger.entries if e.planned and e.id in ids and report.placements[e.id].counts
    ]
    upcoming = sum((report.credits[e.id].value for e in mine if e.date >= report.today), Decimal(0))
    # every planned class whose day has passed, in this cycle or an earlier one (as `check`)
    past = sum(1 for e in ledger.entries if e.planned and e.date < report.today)
    return Planned(upcoming, past)


def _unsubmitted(req: Requirement, ledger: Ledger) -> tuple[int, int]:
    """The completed entries counted in the current cycle not yet submitted, and of those, how
    many have no certificate attached."""
    ids = set(req.current.counted_ids)
    unsent = [e for e in ledger.entries if e.id in ids and e.submitted is None and not e.posted]
    return len(unsent), sum(1 for e in unsent if not e.evidence)


def next_action(req: Requirement, ledger: Ledger, rules: Rules, planned: Planned) -> str:
    """What the technician must do next, most urgent first, in words."""
    units = rules.units
    parts: list[str] = []
    if req.exempt is not None:  # no deadline is owed
        return req.exempt.words()
    cur = req.current
    if req.lapse is not None:
        lapse = req.lapse
        short = f"take {lapse.missing(units)} for the cycle ending {lapse.cycle.due}"
        if req.reinstate_by is not None and req.today < req.reinstate_by:
            parts.append(f"lapsed: {short} and renew by email before {req.reinstate_by}")
        elif req.reinstate_by is not None:
            parts.append(f"lapsed since {lapse.cycle.due}: reinstatement required")
        else:
            parts.append(f"lapsed: {short}")
    if req.unsent is not None:
        ended = req.unsent
        parts.append(
            f"the cycle ending {ended.cycle.due} ended met but not sent: submit "
            f"{fmt(ended.to_send)} {units} ({send_command(rules, every_cycle=True)})"
        )
    if not cur.met:
        uncovered = max(Decimal(0), cur.remaining - planned.upcoming)
        topics = [t for t in cur.topics if t.remaining > 0]
        if uncovered > 0:
            parts.append(f"plan {fmt(uncovered)} {units} by {cur.cycle.due}")
        elif cur.remaining == 0 and topics:  # the credits are there, a topic's are not
            needed = " and ".join(f"{fmt(t.remaining)} in {t.topic}" for t in topics)
            parts.append(f"take {needed} by {cur.cycle.due} (topic minimums)")
        elif cur.remaining == 0 and cur.course is not None and not cur.course.met:
            hours = fmt(cur.course.required_hours)
            parts.append(f"take one class of at least {hours} hours by {cur.cycle.due}")
        else:
            parts.append(f"take the planned classes before {cur.cycle.due}")
    unsent, bare = _unsubmitted(req, ledger)
    if req.cycle_state == "to_submit":
        attach = (
            f"attach {plural(bare, 'certificate')} (ceclog attach ID FILE), then " if bare else ""
        )
        parts.append(
            f"met but not sent: {attach}submit {fmt(cur.to_send)} {units} more before "
            f"{cur.cycle.due} ({send_command(rules)})"
        )
    if planned.past:
        past = plural(planned.past, "planned class", "planned classes")
        parts.append(
            f"{past} past {'its' if planned.past == 1 else 'their'} date: mark taken or move"
        )
    if req.cycle_state == "to_submit":
        pass  # said above, with the command
    elif unsent and bare == unsent:
        parts.append(f"attach and submit {plural(unsent, 'certificate')}")
    elif unsent:
        parts.append(
            f"submit {plural(unsent, 'certificate')} (attach {bare} first)"
            if bare
            else f"submit {plural(unsent, 'certificate')}"
        )
    if not parts:
        parts.append(f"nothing until the cycle ending {cur.cycle.due} ends")
    return "; ".join(parts)


def _without_figures(
    file: str,
    state: RowState,
    action: str,
    who: tuple[str, str | None, tuple[str, ...]] | None = None,
    error: str | None = None,
) -> Row:
    """A row with no requirement's figures: a ledger that could not be read (its error), or
    one whose holder (`who`: name, registrant ID, certifications) has no requirement."""
    name, registrant_id, codes = who or (None, None, ())
    return Row(
        file,
        name,
        registrant_id,
        codes,
        track=None,
        cycle_start=None,
        due=None,
        days_left=None,
        required=None,
        counted=None,
        remaining=None,
        planned=None,
        projected=None,
        unsubmitted=None,
        state=state,
        next_action=action,
        error=error,
    )


def member_rows(member: Member, today: dt.date, plan_year: int | None = None) -> list[Row]:
    """The rows of one ledger (an error row when it could not be read or is invalid); with
    `plan_year`, each carries its requirement's plan for that year (`ceclog plan --year`)."""
    if member.ledger is None or member.rules is None:
        action = member.remedy or "run `ceclog --ledger FILE check` on it"
        return [_without_figures(member.file, "error", action, error=member.error)]
    ledger, rules = member.ledger, member.rules
    try:
        report: Report = member.report or evaluate(ledger, rules, today)
    except CeclogError as exc:  # one ledger that cannot be computed never hides the others
        return member_rows(member._replace(ledger=None, error=exc.message, remedy=exc.hint), today)
    holder = ledger.holder
    if not report.requirements:
        codes = tuple(c.code for c in ledger.certifications)
        action = "no certification with a requirement is held"
        who = (holder.name, holder.registrant_id, codes)
        return [_without_figures(member.file, "none", action, who=who)]
    rows = []
    for req in report.requirements:
        cur = req.current
        planned = planned_of(req, report, ledger)
        rows.append(
            Row(
                file=member.file,
                name=holder.name,
                registrant_id=holder.registrant_id,
                certifications=req.certifications,
                track=req.track.name,
                cycle_start=cur.cycle.start,
                due=None if req.exempt else cur.cycle.due,  # an exempt holder owes no deadline
                days_left=None if req.exempt else req.days_left,
                required=cur.required,
                counted=cur.counted,
                remaining=cur.remaining,
                planned=planned.upcoming,
                projected=cur.counted + planned.upcoming,
                unsubmitted=cur.counted - cur.submitted,
                state=req.state,
                next_action=next_action(req, ledger, rules, planned),
                requirement=req,
                lapsed=req.lapse.cycle.due if req.lapse is not None else None,
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
            row = row._replace(
                duplicates=tuple(sorted(others)), next_action=f"{note}; {row.next_action}"
            )
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
