"""The pure core: (ledger, rules, today) -> what each entry counts and where each requirement
stands.  No I/O, no CLI framework, no terminal output: every number ceclog prints is made here,
with the explanation of how it was made.  `../README.md#how-numbers-are-computed` describes it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from ceclog.models import Certification, Entry, Ledger, Rules, Track

State = Literal["met", "on_track", "behind", "due_soon", "overdue"]
STATES: tuple[State, ...] = ("met", "on_track", "behind", "due_soon", "overdue")


def fmt(value: Decimal | Fraction | int) -> str:
    """A credit or hour figure for people: at least one decimal, at most two (1.43, 2.0)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    value = Decimal(value).quantize(Decimal("0.01"))
    text = f"{value:f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def num(value: Decimal) -> str:
    """An input figure as written, without trailing zeros (21, 3.5, 0.25)."""
    text = f"{value.normalize():f}"
    return text


# --- one entry ------------------------------------------------------------------------------


class Credit(NamedTuple):
    """What one entry counts, and every step that made the figure."""

    value: Decimal
    steps: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(self.steps)


def entry_credit(entry: Entry, rules: Rules) -> Credit:
    """Base (fixed for the kind, else stated credits, else hours / hours_per_credit), then the
    kind's cap and the per-event cap (the lower applies), then rounding down to the increment."""
    kind = rules.kinds.get(entry.kind)
    unit, units = rules.unit, rules.units
    steps: list[str] = []
    value: Fraction
    if kind is not None and kind.fixed is not None:
        value = Fraction(kind.fixed)
        steps.append(f"{entry.kind}: fixed {num(kind.fixed)} {units}")
    elif entry.credits is not None:
        value = Fraction(entry.credits)
        steps.append(f"{num(entry.credits)} {units} as stated on the certificate")
    elif entry.hours is not None:
        value = Fraction(entry.hours) / Fraction(rules.hours_per_credit)
        steps.append(
            f"{num(entry.hours)} h ÷ {num(rules.hours_per_credit)} h per {unit} = {fmt(value)}"
        )
    else:
        value = Fraction(0)
        steps.append("no hours or credits recorded = 0.0")

    caps: list[tuple[Decimal, str]] = []
    if kind is not None and kind.cap is not None:
        caps.append((kind.cap, f"capped at {num(kind.cap)} per {entry.kind}"))
    if rules.event_cap is not None:
        caps.append((rules.event_cap, f"capped at {num(rules.event_cap)} per event"))
    if caps:
        cap, why = min(caps, key=lambda c: c[0])
        if value > cap:
            value = Fraction(cap)
            steps.append(why)

    increment = Fraction(rules.increment)
    rounded = (value // increment) * increment
    if rounded != value:
        steps.append(f"rounded down to {fmt(rounded)} (steps of {num(rules.increment)})")
    result = Decimal(rounded.numerator) / Decimal(rounded.denominator)
    return Credit(result, tuple(steps))


# --- cycles ---------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months; the day of month is clamped (Jan 31 + 1 month = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


class Cycle(NamedTuple):
    number: int  # 0 for the cycle that starts at the anchor; earlier ones are negative
    start: dt.date
    due: dt.date

    @property
    def days(self) -> int:
        return (self.due - self.start).days + 1

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.due


class Schedule(NamedTuple):
    """Cycles of `months` months starting at `anchor` (index 0); indexes below `first` do not
    exist (before the certification was earned); cycles from `first_judged` on are judged."""

    anchor: dt.date
    months: int
    first: int | None  # None: the schedule extends backwards (anchored on a due date)
    first_judged: int

    def cycle(self, index: int) -> Cycle:
        start = add_months(self.anchor, index * self.months)
        due = add_months(self.anchor, (index + 1) * self.months) - dt.timedelta(days=1)
        return Cycle(index, start, due)

    def cycle_at(self, day: dt.date) -> Cycle:
        months = (day.year - self.anchor.year) * 12 + day.month - self.anchor.month
        index = months // self.months
        while self.cycle(index).start > day:
            index -= 1
        while self.cycle(index).due < day:
            index += 1
        if self.first is not None and index < self.first:
            index = self.first
        return self.cycle(index)


def _calendar_anchor(earned: dt.date, month_day: str) -> dt.date:
    month, day = (int(p) for p in month_day.split("-"))
    for year in (earned.year, earned.year - 1):
        candidate = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if candidate <= earned:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def schedule_for(earned: dt.date, due: dt.date | None, months: int, rules: Rules) -> Schedule:
    """The cycle schedule: anchored on the due date of the renewal notice when known (that
    cycle and later ones are judged), else on the earliest earned date (or the calendar start
    on or before it)."""
    if due is not None:
        return Schedule(due + dt.timedelta(days=1), months, first=None, first_judged=-1)
    anchor = earned
    if rules.anchor == "calendar" and rules.cycle_start:
        anchor = _calendar_anchor(earned, rules.cycle_start)
    return Schedule(anchor, months, first=0, first_judged=0)


# --- requirements ---------------------------------------------------------------------------


class TopicProgress(NamedTuple):
    topic: str
    required: Decimal
    counted: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.counted)


class CycleResult(NamedTuple):
    cycle: Cycle
    required: Decimal
    counted: Decimal
    planned: Decimal
    topics: tuple[TopicProgress, ...]
    entry_ids: tuple[int, ...]
    submitted: Decimal = Decimal(0)  # of `counted`, the credits of entries submitted
    posted: Decimal = Decimal(0)  # of `counted`, the credits the body has posted

    @property
    def met(self) -> bool:
        return self.counted >= self.required and all(t.remaining == 0 for t in self.topics)


class Requirement(NamedTuple):
    track: Track
    certifications: tuple[str, ...]
    current: CycleResult
    previous: CycleResult | None
    previous_judged: bool
    days_left: int
    state: State
    today: dt.date

    @property
    def required(self) -> Decimal:
        return self.current.required

    @property
    def counted(self) -> Decimal:
        return self.current.counted

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.counted)

    @property
    def projected(self) -> Decimal:
        return self.current.counted + self.current.planned


class Report(NamedTuple):
    today: dt.date
    requirements: tuple[Requirement, ...]
    credits: dict[int, Credit]


def _tally(
    cycle: Cycle,
    track: Track,
    entries: list[Entry],
    credits: dict[int, Credit],
) -> CycleResult:
    counted = planned = submitted = posted = Decimal(0)
    topic_counted = {topic: Decimal(0) for topic in track.topics}
    ids: list[int] = []
    for entry in entries:
        if not cycle.holds(entry.date):
            continue
        value = credits[entry.id].value
        ids.append(entry.id)
        if entry.planned:
            planned += value
            continue
        counted += value
        if entry.submitted is not None or entry.posted is not None:
            submitted += value
        if entry.posted is not None:
            posted += value
        for topic in entry.topics:
            if topic in topic_counted:
                topic_counted[topic] += value
    topics = tuple(
        TopicProgress(topic, track.topics[topic], topic_counted[topic]) for topic in track.topics
    )
    return CycleResult(
        cycle, track.credits, counted, planned, topics, tuple(ids), submitted, posted
    )


def _state(
    current: CycleResult, previous_lapsed: bool, today: dt.date, rules: Rules
) -> tuple[State, int]:
    cycle = current.cycle
    days_left = (cycle.due - today).days
    if previous_lapsed:
        return "overdue", days_left
    if current.met:
        return "met", days_left
    if days_left <= rules.due_soon_days:
        return "due_soon", days_left
    elapsed = max(0, (today - cycle.start).days)
    if Fraction(current.counted) < Fraction(current.required) * Fraction(elapsed, cycle.days):
        return "behind", days_left
    return "on_track", days_left


def _requirement(
    track: Track,
    codes: tuple[str, ...],
    schedule: Schedule,
    entries: list[Entry],
    credits: dict[int, Credit],
    tracking_since: dt.date,
    today: dt.date,
    rules: Rules,
) -> Requirement:
    cycle = schedule.cycle_at(today)
    current = _tally(cycle, track, entries, credits)
    previous: CycleResult | None = None
    judged = False
    if schedule.first is None or cycle.number - 1 >= schedule.first:
        previous = _tally(schedule.cycle(cycle.number - 1), track, entries, credits)
        judged = cycle.number - 1 >= schedule.first_judged and previous.cycle.due >= tracking_since
    state, days_left = _state(
        current, judged and previous is not None and not previous.met, today, rules
    )
    return Requirement(track, codes, current, previous, judged, days_left, state, today)


def governing_track(held: list[Certification], rules: Rules) -> Track | None:
    """The strictest track among those the holder holds: shortest cycle, then most credits,
    then the first listed in the rules."""
    tracks = [t for t in rules.tracks if any(c.code in t.certifications for c in held)]
    if not tracks:
        return None
    return min(tracks, key=lambda t: (t.cycle_months, -t.credits, rules.tracks.index(t)))


def evaluate(ledger: Ledger, rules: Rules, today: dt.date) -> Report:
    credits: dict[int, Credit] = {}
    known: dict[tuple[str, Decimal | None, Decimal | None], Credit] = {}
    for entry in ledger.entries:  # entries with the same kind and figures count the same
        key = (entry.kind, entry.hours, entry.credits)
        if key not in known:
            known[key] = entry_credit(entry, rules)
        credits[entry.id] = known[key]
    requirements: list[Requirement] = []
    since = ledger.holder.tracking_since
    if rules.pool == "holder":
        track = governing_track(ledger.certifications, rules)
        if track is not None:
            covered = tuple(c.code for c in ledger.certifications if rules.track_of(c.code))
            earned = min(c.earned for c in ledger.certifications if c.code in track.certifications)
            schedule = schedule_for(earned, ledger.holder.cec_due, track.cycle_months, rules)
            requirements.append(
                _requirement(track, covered, schedule, ledger.entries, credits, since, today, rules)
            )
    else:
        for cert in ledger.certifications:
            cert_track = rules.track_of(cert.code)
            if cert_track is None:
                continue
            schedule = schedule_for(cert.earned, cert.cec_due, cert_track.cycle_months, rules)
            entries = [
                e for e in ledger.entries if not e.certifications or cert.code in e.certifications
            ]
            requirements.append(
                _requirement(
                    cert_track, (cert.code,), schedule, entries, credits, since, today, rules
                )
            )
    return Report(today, tuple(requirements), credits)
