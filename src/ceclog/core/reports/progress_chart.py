"""What a requirement's progress chart shows, as data: the credits counted over one cycle (a
step per day with counted entries), the planned classes still ahead, the pace line and the
due date.  Pure: the SVG, the PDF drawing and the terminal's sparkline (output/) draw the same
`Chart`; `docs/charts.md` describes it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger
from ceclog.core.schedule.engine import CycleResult, Requirement

SPARK_CELLS = 24  # the terminal's one-line chart: the cycle in this many equal stretches


class Step(NamedTuple):
    """The running total after `day`: every counted entry dated up to it."""

    day: dt.date
    total: Decimal


class Chart(NamedTuple):
    title: str  # the requirement, as the reports name it: `technician (WRT, ASD)`
    start: dt.date  # the cycle's first day
    due: dt.date  # its last day
    today: dt.date
    required: Decimal
    # from (start, carried in), then one step per day on which counted entries are dated
    counted: tuple[Step, ...]
    # from (today, the counted total), then one step per day with planned classes (from today)
    planned: tuple[Step, ...]
    state: str  # the state's words, for the chart's title

    @property
    def total(self) -> Decimal:
        return self.counted[-1].total

    @property
    def projected(self) -> Decimal:
        return self.planned[-1].total if self.planned else self.total

    @property
    def first(self) -> dt.date:
        """The axis's first day: the cycle's start (or an earlier entry counted toward it)."""
        return min(self.start, self.counted[0].day)

    @property
    def last(self) -> dt.date:
        """The axis's last day: the due date, today or the last step, whichever is latest."""
        days = [self.due, self.today, self.counted[-1].day]
        return max(days + [s.day for s in self.planned])

    @property
    def top(self) -> Decimal:
        """The value axis's top: the required credits, or more when more are counted or
        planned (at least 1, so that an empty requirement still has an axis)."""
        return max(self.required, self.projected, Decimal(1))

    def pace(self, day: dt.date) -> Fraction:
        """The straight pace line: 0 on the cycle's start, the required credits on its due
        date (held there after it)."""
        length = (self.due - self.start).days
        if length <= 0 or day >= self.due:
            return Fraction(self.required)
        share = Fraction(max(0, (day - self.start).days), length)
        return Fraction(self.required) * share

    def total_on(self, day: dt.date) -> Decimal:
        """The counted total after `day` (the carried-in credits before the first step)."""
        total = self.counted[0].total
        for step in self.counted:
            if step.day > day:
                break
            total = step.total
        return total


def chart(result: CycleResult, ledger: Ledger, today: dt.date, title: str, state: str) -> Chart:
    """The chart of the cycle of `result`: each counted entry adds its counted figure on its
    date (entries of one day make one step); planned entries dated from today on make the
    dashed steps (those dated before today were not taken, or not marked: not drawn)."""
    dates = {e.id: (e.date, e.planned) for e in ledger.entries}
    counted: dict[dt.date, Decimal] = {}
    planned: dict[dt.date, Decimal] = {}
    for entry_id, value in result.worth:
        day, is_planned = dates[entry_id]
        if not is_planned:
            counted[day] = counted.get(day, Decimal(0)) + value
        elif day >= today:
            planned[day] = planned.get(day, Decimal(0)) + value
    return Chart(
        title,
        result.cycle.start,
        result.cycle.due,
        today,
        result.required,
        _steps(result.cycle.start, result.carried_in, counted),
        _steps(today, result.carried_in + sum(counted.values(), Decimal(0)), planned)
        if planned
        else (),
        state,
    )


def _steps(first: dt.date, base: Decimal, added: dict[dt.date, Decimal]) -> tuple[Step, ...]:
    steps = [Step(first, base)]
    total = base
    for day in sorted(added):
        total += added[day]
        if day <= first:  # on (or, for a late entry's cycle, before) the first day
            steps[0] = Step(min(day, steps[0].day), total)
        else:
            steps.append(Step(day, total))
    return tuple(steps)


def requirement_chart(req: Requirement, ledger: Ledger, state: str) -> Chart:
    """The chart of a requirement's current cycle."""
    name = f"{req.track.name} ({', '.join(req.certifications)})"
    return chart(req.current, ledger, req.today, name, state)


def spark_levels(c: Chart, cells: int = SPARK_CELLS) -> list[int | None]:
    """The one-line chart: the cycle from its start to its due date in `cells` equal
    stretches; for each, the counted total at its end (or today) on a scale of 0 to 7: 7 only
    once the required credits are counted, else the sevenths of them rounded down; None for a
    stretch that starts after today."""
    length = max(1, (c.due - c.start).days + 1)
    out: list[int | None] = []
    for i in range(cells):
        begins = c.start + dt.timedelta(days=length * i // cells)
        if begins > c.today:
            out.append(None)
            continue
        ends = c.start + dt.timedelta(days=length * (i + 1) // cells - 1)
        total = c.total_on(min(ends, c.today))
        if total >= c.required:
            out.append(7)
        else:
            out.append(min(6, int(total * 7 // c.required)))
    return out
