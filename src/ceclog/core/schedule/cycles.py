"""When each continuing-education cycle starts and ends: pure date arithmetic over the
certifications a holder holds, the rules' cycle lengths and the renewal notice.

`docs/numbers.md` ("Which cycle: the schedule") describes the rules
implemented here: schedules that never drift, a new schedule wherever the cycle length changes,
a stricter track that shortens the running cycle, the first calendar cycle, and the cycle a
renewal notice fixes.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from ceclog.core.ledger.models import Certification, Rules, Track

DAY = dt.timedelta(days=1)
# Before a renewal notice's cycle, a first stretch shorter than this is part of that cycle.
FIRST_STUB_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months; the day of month is clamped (Jan 31 + 1 month = Feb 28).
    Past the years a date can have, OverflowError (as date arithmetic raises)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_spanned(start: dt.date, end: dt.date) -> int:
    """The months from `start` to `end` (exclusive), rounded up: at least 1."""
    n = (end.year - start.year) * 12 + end.month - start.month
    while n > 1 and add_months(start, n - 1) >= end:
        n -= 1
    while add_months(start, n) < end:
        n += 1
    return max(n, 1)


def calendar_start_on_or_after(day: dt.date, month_day: str) -> dt.date:
    """The first `MM-DD` day on or after `day` (02-29 is the last day of February)."""
    month, mday = (int(p) for p in month_day.split("-"))
    for year in (day.year, day.year + 1):
        candidate = dt.date(year, month, min(mday, calendar.monthrange(year, month)[1]))
        if candidate >= day:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


class Holding(NamedTuple):
    """A certification that carries a requirement, earned by today."""

    code: str
    earned: dt.date
    ended: dt.date | None
    track: Track

    def held_on(self, day: dt.date) -> bool:
        return self.earned <= day and (self.ended is None or day < self.ended)


class Cycle(NamedTuple):
    start: dt.date
    due: dt.date
    track: Track  # whose credits and topic minimums it requires
    months: int  # its length in months (rounded up when it is not a whole number of them)
    judged: bool = False  # once ended, an unmet one is a lapse
    nominal_due: dt.date | None = None  # the due date a stricter track moved earlier
    stricter: tuple[str, dt.date] | None = None  # (code, earned) of the designation that did
    from_notice: bool = False  # the cycle whose due date the renewal notice gives
    unjudged: str | None = None  # why an ended cycle is not judged
    partial_from: dt.date | None = None  # a fixed period first entered partway: on this day

    @property
    def days(self) -> int:
        return (self.due - self.start).days + 1

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.due


class Timeline(NamedTuple):
    """The cycles of one requirement, in order, from the first to the one that holds today
    (or, before it starts, the first one)."""

    cycles: tuple[Cycle, ...]
    first_start: dt.date  # where the first schedule starts (after a calendar anchor)
    notice: dt.date | None  # the renewal notice's due date, when it is used
    noted: dt.date | None  # the day the notice counts as noted
    noted_given: bool  # recorded (cec_due_noted), not taken as the first earned date
    notice_far: bool  # one cycle before the notice's due date is after the day it was noted
    unanchored: tuple[str, ...] = ()  # the rules anchor on these codes, not recorded: not used

    @property
    def current(self) -> Cycle:
        return self.cycles[-1]

    def cycle_at(self, day: dt.date) -> Cycle | None:
        """The cycle whose window holds `day` (cycles later than the current one excluded)."""
        import bisect

        i = bisect.bisect_right([c.start for c in self.cycles], day) - 1
        if i >= 0 and self.cycles[i].holds(day):
            return self.cycles[i]
        return None


def holdings_of(certs: list[Certification], rules: Rules, today: dt.date) -> list[Holding]:
    """The certifications that carry a requirement, earned by today."""
    out = []
    for c in certs:
        track = rules.track_of(c.code)
        if track is not None and c.earned <= today:
            out.append(Holding(c.code, c.earned, c.ended, track))
    return out


def governing(holdings: Sequence[Holding], day: dt.date) -> Track | None:
    """The strictest track held on `day`: shortest cycle, then most credits, then the track
    whose earliest held certification was earned first."""
    best: tuple[int, Decimal, dt.date] | None = None
    track: Track | None = None
    for h in holdings:
        if h.held_on(day):
            key = (h.track.cycle_months, -h.track.credits, h.earned)
            if best is None or key < best:
                best, track = key, h.track
    return track


def anchor_of(
    holdings: Sequence[Holding], certs: Sequence[Certification], today: dt.date
) -> tuple[dt.date | None, tuple[str, ...]]:
    """The earned date of the designation a track anchors its cycles on (`anchor_code`), or
    None and the codes the rules anchor on that are not recorded (earned by today)."""
    codes = tuple(sorted({h.track.anchor_code for h in holdings if h.track.anchor_code}))
    days = [c.earned for c in certs if c.code in codes and c.earned <= today]
    return (min(days), ()) if days else (None, codes)


def gap(rules: Rules) -> dt.timedelta:
    """What separates a cycle's due date from the date one cycle length after its start: a day
    (due the day before the anniversary), or none (`due = "anniversary"`: Texas credentials
    "expire on the second anniversary of the effective date")."""
    return DAY if rules.due == "day-before" else dt.timedelta(0)


def start_before(end: dt.date, months: int, rules: Rules) -> dt.date:
    """The start of a cycle of `months` that ends on `end`."""
    return add_months(end + gap(rules), -months) + (DAY - gap(rules))


def fixed_period_start(day: dt.date, month_day: str, reference_year: int, months: int) -> dt.date:
    """The start of the fixed calendar period holding `day`: `month_day` in a year a whole
    number of periods (`months`, in whole years) away from `reference_year`."""
    step = max(1, months // 12)
    month, mday = (int(p) for p in month_day.split("-"))

    def on(year: int) -> dt.date:
        return dt.date(year, month, min(mday, calendar.monthrange(year, month)[1]))

    year = day.year - (day.year - reference_year) % step
    return on(year) if on(year) <= day else on(year - step)


def _first_start(day: dt.date, rules: Rules) -> dt.date:
    if rules.anchor == "calendar" and rules.cycle_start:
        return calendar_start_on_or_after(day, rules.cycle_start)
    return day


def _stricter(
    holdings: Sequence[Holding],
    start: dt.date,
    due: dt.date,
    track: Track,
    rules: Rules,
    noted: dt.date | None = None,
) -> tuple[dt.date, Track, tuple[str, dt.date] | None]:
    """A designation earned inside (start, due] (and after `noted`) that puts the holder on a
    shorter cycle ends this one on the earlier of its due date and its earned date + the new
    length - 1 day; its track's credits are required.  One that puts the holder on a track of
    the same length with more credits keeps the dates and requires its credits.  Returns
    (due, track, (code, earned))."""
    by: tuple[str, dt.date] | None = None
    for h in sorted(holdings, key=lambda h: h.earned):
        if not start < h.earned <= due or (noted is not None and h.earned <= noted):
            continue
        now = governing(holdings, h.earned)
        if now is None or (now.cycle_months, -now.credits) >= (track.cycle_months, -track.credits):
            continue
        if governing(holdings, h.earned - DAY) == now:  # already so the day before: not h's doing
            continue
        track, by = now, (h.code, h.earned)
        due = min(due, add_months(h.earned, now.cycle_months) - gap(rules))
    return due, track, by


def _forward(
    holdings: Sequence[Holding], start: dt.date, today: dt.date, rules: Rules
) -> list[Cycle]:
    """Cycles from `start` up to the one that holds `today`.  A schedule never drifts: cycle k
    of a schedule starts on its anchor + k x its length; a new schedule starts wherever the
    length changes (or a stricter track shortened a cycle).  Where nothing is held at a
    cycle's start, cycles resume at the next earned date."""
    out: list[Cycle] = []
    day, anchor, k, months = start, start, 0, 0
    earned = sorted({h.earned for h in holdings})
    while True:
        track = governing(holdings, day)
        if track is None:
            later = [d for d in earned if d > day]
            if not later or (out and later[0] > today):
                break
            day, months = _first_start(later[0], rules), 0
            continue
        if track.cycle_months != months:
            anchor, k, months = day, 0, track.cycle_months
        nominal = add_months(anchor, (k + 1) * months) - gap(rules)
        due, cycle_track, by = _stricter(holdings, day, nominal, track, rules)
        length = months if due == nominal else months_spanned(day, due + DAY)
        out.append(
            Cycle(day, due, cycle_track, length, nominal_due=nominal if by else None, stricter=by)
        )
        if due >= today:
            break
        day = due + DAY
        if due == nominal:
            k += 1
        else:
            months = 0  # a shortened cycle: the next one starts a new schedule
    return out


def _fixed(
    holdings: Sequence[Holding], start: dt.date, today: dt.date, rules: Rules
) -> list[Cycle]:
    """Fixed calendar periods (the rules' `reference_year`: Florida renews every licence in
    even years by 31 July), from the one holding `start` up to the one holding `today`.  A
    period in which a certification is first earned partway is its holder's first cycle
    (`partial_from`: the earned date); one in which nothing is held is no cycle."""
    assert rules.cycle_start is not None and rules.reference_year is not None
    out: list[Cycle] = []
    earned = sorted({h.earned for h in holdings})
    track = governing(holdings, start) or governing(holdings, min(d for d in earned if d >= start))
    assert track is not None
    day = fixed_period_start(start, rules.cycle_start, rules.reference_year, track.cycle_months)
    while True:
        held = governing(holdings, day)
        inside = [d for d in earned if day < d]
        track = held or (governing(holdings, inside[0]) if inside else None)
        if track is None:
            break
        due = add_months(day, track.cycle_months) - DAY  # a fixed period ends the day before
        if held is not None or inside[0] <= due:
            partial = None if held is not None else inside[0]
            out.append(Cycle(day, due, track, track.cycle_months, partial_from=partial))
            if due >= today:
                break
        elif out and inside[0] > today:
            break
        day = due + DAY
    return out


def _schedule(
    holdings: Sequence[Holding], start: dt.date, today: dt.date, rules: Rules
) -> list[Cycle]:
    """The cycles from `start` to the one holding `today`: fixed calendar periods, or cycles
    counted from a date."""
    if rules.reference_year is not None and rules.anchor == "calendar":
        return _fixed(holdings, start, today, rules)
    return _forward(holdings, start, today, rules)


def _backward(
    holdings: Sequence[Holding], start: dt.date, first: dt.date, rules: Rules, limit: int = 10_000
) -> list[Cycle]:
    """The cycles before the one starting on `start`: each as long as the track governing on
    its last day, the earliest starting no earlier than `first`."""
    out: list[Cycle] = []
    end = start - DAY
    while end >= first and len(out) < limit:
        track = governing(holdings, end)
        if track is None:
            break
        begin = max(start_before(end, track.cycle_months, rules), first)
        out.append(Cycle(begin, end, track, months_spanned(begin, end + DAY)))
        end = begin - DAY
    out.reverse()
    return out


def _judge(
    cycle: Cycle, holdings: Sequence[Holding], since: dt.date, notice_start: dt.date | None
) -> Cycle:
    """Once ended, a cycle is judged unless it ended before tracking started, lies before the
    renewal notice's cycle, or nothing that carries a requirement was held at its end."""
    why = None
    if cycle.due < since:
        why = f"it ended before this ledger's tracking started ({since})"
    elif notice_start is not None and cycle.start < notice_start:
        why = "it lies before the cycle of your renewal notice"
    elif not any(h.held_on(cycle.due) for h in holdings):
        why = "no certification with a requirement was held at its end"
    return cycle._replace(judged=why is None, unjudged=why)


def _notice_start(
    holdings: Sequence[Holding],
    rules: Rules,
    notice: dt.date,
    noted: dt.date,
    first: dt.date,
    today: dt.date,
) -> tuple[dt.date, Track, bool]:
    """Where the cycle a renewal notice ends on `notice` starts, the track it requires, and
    whether the notice gives more than one cycle of time.  One cycle length (of the track
    governing on the day it was `noted`) before the day after `notice`, never before `first`;
    when that is after the noted day, the start of the cycle the earned dates give that holds
    the noted day.  A first stretch of less than a year between `first` and that start is no
    cycle of its own: the notice's cycle starts on `first` (a body counts from certification;
    a notice whose date is rounded to a month's end must not leave the classes of the first
    weeks outside every deadline).  Nothing here depends on today, so the cycle never moves as
    time passes (`today` only bounds the search, and gives the track when none was held on the
    noted day)."""
    track = governing(holdings, noted) or governing(holdings, today)
    assert track is not None  # timeline() is called only when something is held today
    start = start_before(notice, track.cycle_months, rules)
    far = start > noted
    if far:  # the cycle holding the noted day (or, noted between cycles, the next one)
        computed = _schedule(holdings, first, max(noted, first, today), rules)
        start = next((c.start for c in computed if c.due >= noted), computed[-1].start)
    if start < add_months(first, FIRST_STUB_MONTHS):
        start = first
    return start, track, far


def timeline(
    holdings: Sequence[Holding],
    rules: Rules,
    *,
    notice: dt.date | None,
    noted: dt.date | None,
    tracking_since: dt.date,
    today: dt.date,
    certs: Sequence[Certification] = (),
) -> Timeline | None:
    """The cycles of a requirement made of `holdings` (certifications earned by today), or None
    when none of them is held today.  With a track's `anchor_code`, the cycles start from the
    earned date of that designation (found in `certs`) in place of the earliest earned date."""
    if not holdings or not any(h.held_on(today) for h in holdings):
        return None
    earliest = min(h.earned for h in holdings)
    anchor, unanchored = anchor_of(holdings, certs, today)
    first = _first_start(anchor or earliest, rules)
    if rules.reference_year is not None and rules.cycle_start is not None:  # fixed periods
        track = governing(holdings, anchor or earliest)
        months = track.cycle_months if track is not None else 12
        first = fixed_period_start(
            anchor or earliest, rules.cycle_start, rules.reference_year, months
        )
    cycles = _schedule(holdings, first, today, rules)
    far = False
    noted_day: dt.date | None = None
    if notice is not None and notice >= first and (noted is None or noted <= today):
        # (a notice noted after `today`, a day given with --today, was not known yet then)
        start, track, far = _notice_start(holdings, rules, notice, noted or today, first, today)
        noted_day = noted or earliest  # written by hand without the day: the earlier deadline
        due, track, by = _stricter(holdings, start, notice, track, rules, noted=noted_day)
        fixed = Cycle(
            start,
            due,
            track,
            months_spanned(start, due + DAY),
            nominal_due=notice if by else None,
            stricter=by,
            from_notice=True,
        )
        later = _schedule(holdings, due + DAY, today, rules) if due < today else []
        cycles = [*_backward(holdings, start, first, rules), fixed, *later]
        notice_start = start
        if start > today:  # noted after `today` (a day given with --today): up to today's cycle
            cycles = [c for c in cycles if c.start <= today] or cycles[:1]
    else:
        notice_start = None
    judged = tuple(_judge(c, holdings, tracking_since, notice_start) for c in cycles)
    used = notice if any(c.from_notice for c in cycles) else None
    noted_day = noted_day if used else None
    return Timeline(judged, first, used, noted_day, noted is not None, far, unanchored)
