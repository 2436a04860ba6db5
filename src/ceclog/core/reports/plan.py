"""Planning toward a due date: what is still needed, what the planned classes cover, the pace
needed per quarter and per year, when the pace of the last 12 months would get there, the
planned entries that will not help as dated, and a year of classes in the rules' planning seed
sized to the shortfall.  Pure: every figure comes from the engine's report and `entry_credit`.
`docs/plan.md` describes it."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from ceclog.core.ledger.models import Entry, Ledger, Rules
from ceclog.core.schedule.credits import fmt, num
from ceclog.core.schedule.cycles import DAY, add_months
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.core.schedule.results import to_submit_words


class Quarter(NamedTuple):
    year: int
    number: int  # 1..4

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return add_months(self.start, 3) - DAY

    @property
    def middle(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 1, 15)

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def quarters(first: Quarter, count: int) -> list[Quarter]:
    out = [first]
    while len(out) < count:
        out.append(out[-1].next())
    return out


def window(today: dt.date, year: int | None) -> list[Quarter]:
    """The quarters a plan shows: a calendar year, or (no year) the four from today's."""
    return quarters(Quarter(year, 1) if year is not None else quarter_of(today), 4)


class QuarterPlan(NamedTuple):
    quarter: Quarter
    planned: Decimal  # planned credits dated in it from today on (up to the due date, in its
    # quarter; a quarter after the due date shows what is planned for the next cycle)
    needed: Decimal | None  # the pace needed in it; None: past, or after the due date


class Problem(NamedTuple):
    entry: Entry
    kind: Literal["past", "after_due"]
    message: str


class Suggestion(NamedTuple):
    date: dt.date
    title: str
    kind: str
    hours: Decimal | None
    credits: Decimal | None  # as on a certificate (a step of the seed that states credits)
    counts: Decimal  # what it would count, through the rules
    explanation: str


class Plan(NamedTuple):
    requirement: Requirement
    needed: Decimal  # still needed by the due date
    planned: Decimal  # of it, what planned entries dated from today to the due date cover
    short: Decimal  # needed - planned, never below 0
    per_quarter: Decimal  # pace needed, rounded up to the rules' increment
    per_year: Decimal
    quarters_left: int  # calendar quarters from today's to the due date's, both included
    recent: Decimal  # credits counted in the last 12 months
    at_recent_pace: dt.date | None  # when `needed` would be reached at that pace
    take_by: dt.date  # the date to take the missing classes by (before it is due soon)
    quarters: tuple[QuarterPlan, ...]
    problems: tuple[Problem, ...]
    suggestions: tuple[Suggestion, ...] = ()
    unsuggested: Decimal = Decimal(0)  # what the suggestions could not cover in the window
    later: Decimal = Decimal(0)  # of the shortfall, what is for the quarters after the window

    @property
    def due(self) -> dt.date:
        return self.requirement.current.cycle.due


def round_up(value: Fraction | Decimal, increment: Decimal) -> Decimal:
    """`value` rounded up to a whole number of `increment`s."""
    steps = math.ceil(Fraction(value) / Fraction(increment))
    return Decimal(steps) * increment


def _concerns(entry: Entry, req: Requirement, rules: Rules) -> bool:
    """Whether an entry is for this requirement (the certification pool: its codes)."""
    if rules.pool == "holder" or not entry.certifications:
        return True
    return bool(set(entry.certifications) & set(req.certifications))


def _recent(req: Requirement, ledger: Ledger, report: Report) -> tuple[Decimal, int]:
    """Credits counted toward this requirement's cycles from classes of the last 12 months,
    and the days those 12 months have."""
    since = add_months(report.today, -12)
    ids = {i for result in req.history for i in result.counted_ids}
    total = sum(
        (
            report.credits[e.id].value
            for e in ledger.entries
            if e.id in ids and since < e.date <= report.today
        ),
        Decimal(0),
    )
    return total, (report.today - since).days


def plan_requirement(
    req: Requirement,
    report: Report,
    ledger: Ledger,
    rules: Rules,
    year: int | None = None,
) -> Plan:
    today = report.today
    cur = req.current
    due = cur.cycle.due
    needed = Decimal(0) if req.exempt is not None else cur.remaining  # exempt: nothing owed
    mine = [
        e
        for e in ledger.entries
        if e.planned and report.placements[e.id].counts and _concerns(e, req, rules)
    ]
    upcoming = [e for e in mine if today <= e.date]
    cover = sum((report.credits[e.id].value for e in upcoming if e.date <= due), Decimal(0))
    short = max(Decimal(0), needed - cover)
    left = 1
    q = quarter_of(today)
    while q != quarter_of(max(due, today)):
        q, left = q.next(), left + 1
    per_quarter = min(needed, round_up(Fraction(needed) / left, rules.increment))
    per_year = min(needed, round_up(Fraction(needed) * 4 / left, rules.increment))
    recent, days = _recent(req, ledger, report)
    reached = None
    if needed > 0 and recent > 0:
        reached = today + dt.timedelta(days=math.ceil(Fraction(needed) / Fraction(recent) * days))
    take_by = due - dt.timedelta(days=rules.due_soon_days)
    if take_by <= today:
        take_by = due
    table = []
    for quarter in window(today, year):
        planned = sum(
            (
                report.credits[e.id].value
                for e in upcoming
                if quarter.start <= e.date <= quarter.end and (e.date <= due or quarter.start > due)
            ),
            Decimal(0),
        )
        active = quarter.end >= today and quarter.start <= due and needed > 0
        table.append(QuarterPlan(quarter, planned, per_quarter if active else None))
    return Plan(
        requirement=req,
        needed=needed,
        planned=cover,
        short=short,
        per_quarter=per_quarter,
        per_year=per_year,
        quarters_left=left,
        recent=recent,
        at_recent_pace=reached,
        take_by=take_by,
        quarters=tuple(table),
        problems=_problems(mine, req, report, short, rules),
    )


def _problems(
    mine: list[Entry], req: Requirement, report: Report, short: Decimal, rules: Rules
) -> tuple[Problem, ...]:
    """Planned entries that will not help as they are dated: already past (taken, or moved?),
    or after the due date while the cycle is short."""
    today, due = report.today, req.current.cycle.due
    out = []
    for e in sorted(mine, key=lambda e: (e.date, e.id)):
        worth = f"{fmt(report.credits[e.id].value)} {rules.units}"
        if e.date < today:
            out.append(
                Problem(
                    e,
                    "past",
                    f"entry {e.id} ({e.date}, {e.title}, {worth}) is still planned but its date "
                    f"has passed: `ceclog edit {e.id} --completed` if it was taken, else "
                    f"`ceclog edit {e.id} --date YYYY-MM-DD` for its new date",
                )
            )
        elif e.date > due and short > 0:
            out.append(
                Problem(
                    e,
                    "after_due",
                    f"entry {e.id} ({e.date}, {e.title}, {worth}) is planned after the due date "
                    f"{due}, so it counts toward the next cycle, not this one: "
                    f"`ceclog edit {e.id} --date YYYY-MM-DD` with a date on or before {due} if "
                    "it can be taken earlier",
                )
            )
    return tuple(out)


# --- words ------------------------------------------------------------------------------------


def size_words(short: Decimal, rules: Rules) -> str:
    """How big the missing classes are, in words a technician plans with."""
    hours = rules.hours_for(short)
    figure = f"{num(hours)} hours"
    if hours <= 2:
        size = f"a short online course or webinar ({figure})"
    elif hours <= 4:
        size = f"one half-day class ({figure})"
    elif hours <= 8:
        size = f"one full-day class ({figure})"
    else:
        size = f"about {math.ceil(hours / 7)} days of classes ({figure})"
    cap = rules.event_cap
    if cap is not None and short > cap:
        size += f", at least {math.ceil(short / cap)} events (at most {fmt(cap)} per event)"
    return size


def sentence(plan: Plan, rules: Rules) -> str:
    """The plan in one sentence: need, cover, short, and what to take by when."""
    units = rules.units
    cur = plan.requirement.current
    if plan.requirement.exempt is not None:
        return f"{plan.requirement.exempt.words()}: no deadline is owed, nothing to plan"
    missing = [t for t in cur.topics if t.remaining > 0]
    if plan.needed == 0 and missing:
        topics = ", ".join(f"{fmt(t.remaining)} in {t.topic}" for t in missing)
        return (
            f"{fmt(cur.counted)} of {fmt(cur.required)} {units} counted, but the topic minimums "
            f"are not met: {topics} still needed by {plan.due}"
        )
    if plan.needed == 0 and cur.course is not None and not cur.course.met:
        return (
            f"{fmt(cur.counted)} of {fmt(cur.required)} {units} counted, but the rules ask one "
            f"class of at least {fmt(cur.course.required_hours)} hours (the longest is "
            f"{fmt(cur.course.longest_hours)}): take one by {plan.due}"
        )
    if plan.needed == 0 and cur.sent < cur.required:  # earned is not done
        return f"{fmt(cur.counted)} of {fmt(cur.required)} {units} counted: " + to_submit_words(
            cur, rules
        )
    if plan.needed == 0:
        return (
            f"met: {fmt(cur.counted)} of {fmt(cur.required)} {units} counted for the cycle "
            f"ending {plan.due}; nothing more is needed until then"
        )
    text = (
        f"need {fmt(plan.needed)} {units} by {plan.due}; planned classes cover {fmt(plan.planned)}"
    )
    if plan.short == 0:
        return text + ": nothing short, take them as planned"
    return (
        text + f"; {fmt(plan.short)} short: {size_words(plan.short, rules)} before {plan.take_by}"
    )


def pace_words(plan: Plan, rules: Rules) -> str:
    units = rules.units
    if plan.needed == 0:
        return ""
    left = f"{plan.quarters_left} quarter{'s' if plan.quarters_left != 1 else ''} left"
    text = (
        f"pace needed: {fmt(plan.per_quarter)} {units} a quarter, {fmt(plan.per_year)} a year "
        f"({left}, this one included)"
    )
    if plan.recent == 0:
        return text + "; nothing was counted in the last 12 months"
    when = plan.at_recent_pace
    assert when is not None
    verdict = "in time" if when <= plan.due else "after the due date"
    return (
        text + f"; at the pace of the last 12 months ({fmt(plan.recent)} {units}) it would be "
        f"reached on {when}, {verdict}"
    )


def plan_report(
    report: Report, ledger: Ledger, rules: Rules, year: int | None = None
) -> list[Plan]:
    return [plan_requirement(r, report, ledger, rules, year) for r in report.requirements]
