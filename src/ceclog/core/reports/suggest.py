"""Classes to suggest for a plan: the rules' planning seed (`[[plan]]`, a year of steps by
quarter) laid over the plan's quarters and sized to its shortfall, every figure computed by
`entry_credit` (a booth visit counts its fixed value, caps apply).  Pure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from ceclog.core.ledger.models import Entry, Ledger, PlanStep, Rules
from ceclog.core.reports.plan import Plan, Quarter, Suggestion, round_up, window
from ceclog.core.schedule.credits import entry_credit


def _as_entry(step: PlanStep, hours: Decimal | None, day: dt.date) -> Entry:
    return Entry(
        id=1,
        date=day,
        title=step.title,
        kind=step.kind,
        hours=hours,
        credits=step.credits,
        planned=True,
    )


def _worth(step: PlanStep, rules: Rules) -> Decimal:
    return entry_credit(_as_entry(step, step.hours, dt.date(2000, 1, 1)), rules).value


def _date_in(quarter: Quarter, today: dt.date, by: dt.date) -> dt.date:
    """The middle of the quarter; in today's quarter, two weeks from today at the earliest;
    never after the quarter's end or `by`, never before today."""
    day = max(quarter.middle, today + dt.timedelta(days=14))
    return max(min(day, quarter.end, by), today)


def _trimmed(step: PlanStep, want: Decimal, rules: Rules, day: dt.date) -> tuple[Entry, Decimal]:
    """The step as an entry; an hour-based one shortened to the fewest hours that still count
    `want` (the rules' increment of hours), when it would count more."""
    full = _as_entry(step, step.hours, day)
    value = entry_credit(full, rules).value
    fixed = rules.kinds[step.kind].fixed is not None
    if value <= want or fixed or step.hours is None or step.credits is not None:
        return full, value
    hours = rules.hours_for(round_up(want, rules.increment))
    short = _as_entry(step, hours, day)
    got = entry_credit(short, rules).value
    return (short, got) if got >= want else (full, value)


def suggest(plan: Plan, rules: Rules, year: int | None = None) -> Plan:
    """The plan with classes in the rhythm of the rules' seed, quarter by quarter from the
    earliest, sized to what the plan's quarters must bring: the whole shortfall when the due
    date falls in them (or before), else the year's share (needed x the quarters with a pace
    / the quarters left, rounded up: per_year for four) less what is planned in them; the rest
    is `later`.  Only quarters that start by `take_by` (before the requirement is due soon) get
    classes, dated mid-quarter (not before two weeks from today, not after `take_by`).  A step
    worth more than what is left is passed over; the seed's last hour-based step (the catch-up)
    then makes up the rest in the last quarter, repeated as needed, the last one shortened to
    the hours that count just enough.  A requirement already due soon gets only catch-up
    classes, two weeks from today (or on the due date, if sooner)."""
    today = plan.requirement.today
    shown = window(today, year)
    active = [q for q in shown if q.end >= today and q.start <= plan.take_by]
    if plan.short == 0 or not active or not rules.plan:
        return plan._replace(unsuggested=plan.short if rules.plan else Decimal(0))
    target = plan.short
    if plan.due > shown[-1].end:  # the year's share: the pace needed in its quarters
        paced = sum(1 for q in plan.quarters if q.needed is not None)
        exact = Fraction(plan.needed) * paced / plan.quarters_left
        share = min(plan.needed, round_up(exact, rules.increment))
        target = min(plan.short, max(Decimal(0), share - sum(q.planned for q in plan.quarters)))
    out: list[Suggestion] = []
    left = target
    hourly = [s for s in rules.plan if s.hours is not None and rules.kinds[s.kind].fixed is None]
    catch_up = hourly[-1] if hourly else None
    soon = plan.take_by == plan.due  # already due soon: no time for the year's rhythm
    for quarter in [] if soon else active:
        for step in rules.plan:
            if step.quarter != quarter.number or left <= 0:
                continue
            if step is not catch_up and _worth(step, rules) > left:
                continue  # a conference is not cut to an hour: the catch-up makes it up
            left -= _add(out, step, _date_in(quarter, today, plan.take_by), left, rules)
    if catch_up is not None:
        if soon:  # as soon as a class can be booked, and never after the due date
            day = max(today, min(today + dt.timedelta(days=14), plan.due))
        else:
            day = _date_in(active[-1], today, plan.take_by)
        for _ in range(100):  # each adds at least one increment, unless the step counts 0
            if left <= 0:
                break
            got = _add(out, catch_up, day, left, rules)
            if got <= 0:
                break
            left -= got
    return plan._replace(
        suggestions=tuple(out), unsuggested=max(Decimal(0), left), later=plan.short - target
    )


def _add(
    out: list[Suggestion], step: PlanStep, day: dt.date, want: Decimal, rules: Rules
) -> Decimal:
    entry, value = _trimmed(step, want, rules, day)
    if value <= 0:
        return Decimal(0)
    steps = entry_credit(entry, rules).explanation
    out.append(Suggestion(day, step.title, step.kind, entry.hours, entry.credits, value, steps))
    return value


def suggested_entries(plans: list[Plan], ledger: Ledger, today: dt.date) -> list[Entry]:
    """The suggestions as planned entries, numbered after the ledger's last one (a suggestion
    made for several requirements of a certification pool is recorded for each)."""
    out: list[Entry] = []
    next_id = ledger.next_id()
    for plan in plans:
        codes = list(plan.requirement.certifications)
        for s in plan.suggestions:
            out.append(
                Entry(
                    id=next_id,
                    date=s.date,
                    title=s.title,
                    kind=s.kind,
                    hours=s.hours,
                    credits=s.credits,
                    certifications=codes if len(plans) > 1 else [],
                    notes=f"suggested by `ceclog plan --suggest` on {today}",
                    planned=True,
                )
            )
            next_id += 1
    return out
