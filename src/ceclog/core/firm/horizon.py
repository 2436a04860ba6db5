"""How long a ledger's team rows stay true (issue 22: `team` on a new day recomputed every row).

A row's figures change with the day in two ways.  Its counts of days (days left, days overdue,
and the `--check` line that says them) move every day, and are worked out again for the day
asked (`moved`).  Everything else (the state, the figures, the next action's words) changes
only on the day some comparison with today turns: a date the ledger or its rules write (a
class, a certificate earned or ended, an exemption's day, a renewal notice), or one the
schedule derives (a cycle's first day and the day after its due date, the due-soon and the
pace steps, the end of the renewal period, the days a cycle ended met but not sent can be).
`valid_until` is the first such day after `today`: the rows computed on `today` hold, days
aside, on every day before it.  Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from ceclog.core.firm.standing import alert
from ceclog.core.firm.team import Row
from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.schedule.cycles import DAY, add_months
from ceclog.core.schedule.engine import Report

# rows are recomputed at least this often, whatever the dates say
MOST_DAYS = 92


def _dates(item: Any) -> Iterator[dt.date]:
    """Every date written in a record (a ledger, rules), at any depth."""
    if isinstance(item, dt.date):
        yield item
    elif is_dataclass(item) and not isinstance(item, type):
        for f in fields(item):
            yield from _dates(getattr(item, f.name))
    elif isinstance(item, (list, tuple, set, frozenset)):
        for value in item:
            yield from _dates(value)
    elif isinstance(item, dict):
        for value in item.values():
            yield from _dates(value)


def _derived(report: Report, rules: Rules) -> Iterator[dt.date]:
    """The days the schedule turns on: for every cycle of every requirement, its first day,
    its due date, the due-soon day, each pace step, the end of the renewal period and of the
    due-soon days after it; the day an exemption is in force from."""
    soon = dt.timedelta(days=rules.due_soon_days)
    for req in report.requirements:
        results = [*req.history, req.current]
        for result in results:
            cycle = result.cycle
            yield from (cycle.start, cycle.due, cycle.due - soon, cycle.due + soon)
            if rules.reinstatement_months:
                yield add_months(cycle.due, rules.reinstatement_months)
            if rules.pace_months > 0:
                steps = cycle.months // rules.pace_months + 1
                yield from (add_months(cycle.start, k * rules.pace_months) for k in range(steps))
        if req.reinstate_by is not None:
            yield req.reinstate_by
        if req.exempt is not None:
            yield req.exempt.since


def valid_until(ledger: Ledger, rules: Rules, report: Report) -> dt.date:
    """The first day after `report.today` on which a row of this ledger may read otherwise
    than the rows of `report.today` (days aside); at most MOST_DAYS on."""
    today = report.today
    turns = {today + dt.timedelta(days=MOST_DAYS)}
    held_years = [r.held_years for r in rules.exemptions.values() if r.held_years]
    earned = [c.earned for c in ledger.certifications]
    years = [add_months(day, 12 * n) for day in earned for n in held_years]
    for day in (*_dates(ledger), *_dates(rules), *_derived(report, rules), *years):
        for turn in (day, day + DAY):  # `<= today` turns on the day, `< today` the day after
            if turn > today:
                turns.add(turn)
    return min(turns)


def moved(row: Row, today: dt.date, units: str) -> Row:
    """A row computed on an earlier day, on `today` (before its `valid_until`): its days left,
    days overdue and `--check` line worked out again."""
    days_left = row.days_left
    if row.due is not None and days_left is not None:
        days_left = (row.due - today).days
    lapse = row.lapse
    if lapse is not None:
        lapse = lapse._replace(days_overdue=(today - lapse.due).days)
    line = row.alert
    if line:
        line = alert(row.state, row.due, lapse, row.to_submit, units, today)
    return row._replace(days_left=days_left, lapse=lapse, alert=line)
