"""One requirement, in the steps a reader can follow:

1. its `Scope`: the certifications it covers, the entries that concern it, its renewal notice;
2. its schedule: the cycles of `cycles.timeline`, from the first to the one holding today;
3. `place_entries`: each entry on the cycle it counts toward (`Placed`), or why none;
4. `cycle_history`: the cycle-wide limits (a kind's cycle_cap, an event's cap), then each
   cycle's tally, with what it carries over;
5. `standing`: where the requirement stands today (`Requirement`).

`judge` runs the steps and hands back what the requirement says about its entries (`Judged`);
`engine.evaluate` judges each requirement of a ledger and merges those."""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import Literal, NamedTuple

from ceclog.core.ledger.models import Certification, Entry, Ledger, Rules, Track
from ceclog.core.schedule.carry import carry
from ceclog.core.schedule.credits import Credit, cycle_limits
from ceclog.core.schedule.cycles import (
    DAY,
    Cycle,
    Holding,
    Timeline,
    add_months,
    governing,
    timeline,
)
from ceclog.core.schedule.exemptions import Exempt, exempt
from ceclog.core.schedule.notices import schedule_notices
from ceclog.core.schedule.placement import Placement, place
from ceclog.core.schedule.results import CycleResult, State, cycle_state, tally


class Requirement(NamedTuple):
    track: Track
    certifications: tuple[str, ...]  # the certifications it covers, held today
    current: CycleResult
    previous: CycleResult | None
    previous_judged: bool
    days_left: int
    state: State
    today: dt.date
    lapse: CycleResult | None = None  # the earliest judged cycle that ended unmet
    cycle_state: State = "on_track"  # the current cycle's own standing, a lapse aside
    notices: tuple[str, ...] = ()  # what changed the schedule, in words
    history: tuple[CycleResult, ...] = ()  # every cycle up to the current one
    next_track: Track | None = None  # the track of the cycle after the current one
    reinstate_by: dt.date | None = None  # after a lapse: the body wants reinstatement then
    notice_far: bool = False  # the renewal notice gives more than one cycle from its noted day
    # completed entries that concern it but count toward none of its cycles, and why
    uncounted: tuple[tuple[int, str], ...] = ()
    unsent: CycleResult | None = None  # a cycle that ended met, its credits not all sent
    exempt: Exempt | None = None  # an exemption in force today: no deadline is owed

    @property
    def required(self) -> Decimal:
        return self.current.required

    @property
    def counted(self) -> Decimal:
        return self.current.counted

    @property
    def remaining(self) -> Decimal:
        return self.current.remaining

    @property
    def projected(self) -> Decimal:
        return self.current.counted + self.current.carried_in + self.current.planned

    @property
    def sending(self) -> CycleResult | None:
        """The cycle whose credits must still reach the body: one that ended met but not all
        sent, else the current one when it is `to_submit`; None when nothing is to send."""
        if self.unsent is not None:
            return self.unsent
        return self.current if self.cycle_state == "to_submit" else None

    @property
    def days_overdue(self) -> int | None:
        return None if self.lapse is None else (self.today - self.lapse.cycle.due).days

    @property
    def rows(self) -> tuple[Row, ...]:
        """The cycles every report shows for the requirement, in order, each with its state:
        the lapsed cycle (overdue), a cycle ended met with credits not all sent (to submit),
        then the current cycle (its own state, or exempt). `status` draws a table row for each
        and `add`/`edit` a line, so that no summary shows the current cycle's `on track` alone
        while the requirement is overdue."""
        out: list[Row] = []
        if self.lapse is not None:
            out.append(Row("lapsed", self.lapse, "overdue"))
        if self.unsent is not None:
            out.append(Row("unsent", self.unsent, "to_submit"))
        own: State = "exempt" if self.exempt is not None else self.cycle_state
        out.append(Row("current", self.current, own))
        return tuple(out)


class Row(NamedTuple):
    """One cycle as the reports show it: `lapsed`, `unsent` or `current`, and its state."""

    kind: Literal["lapsed", "unsent", "current"]
    result: CycleResult
    state: State


class Scope(NamedTuple):
    """What one requirement is made of (the holder's pool: one for all the certifications;
    the certification pool: one per certification)."""

    holdings: list[Holding]
    codes: tuple[str, ...]  # the certifications it covers, held today
    entries: list[Entry]  # the entries that concern it
    not_counted: dict[int, str]  # those of them counting toward none of its cycles, and why
    notice: dt.date | None  # the renewal notice's due date
    noted: dt.date | None  # the day the notice was noted
    future: list[Certification]  # its certifications earned after today


class Placed(NamedTuple):
    """The entries of a scope on the cycles of its schedule."""

    by_cycle: list[list[Entry]]  # for each cycle, the entries counting toward it
    placements: dict[int, Placement]  # where each entry of the scope counts
    why: dict[int, str]  # entries not simply counted toward the cycle of their date, and why
    uncounted: tuple[tuple[int, str], ...]  # completed entries counting toward none, and why


class Judged(NamedTuple):
    """One requirement and what it says about its entries, for the report to merge with what
    the other requirements say (the certification pool has several)."""

    requirement: Requirement
    placements: dict[int, Placement]  # where each of its entries counts
    credits: dict[int, Credit]  # what each entry counts toward its cycle, limits applied
    lowered: frozenset[int]  # the entries whose figure a cycle-wide limit lowered


def judge(
    scope: Scope, credits: dict[int, Credit], ledger: Ledger, rules: Rules, today: dt.date
) -> Judged | None:
    """The requirement of `scope` (None when none of its certifications is held today);
    `credits`: what each entry counts as a class, before the cycle-wide limits."""
    schedule = timeline(
        scope.holdings,
        rules,
        notice=scope.notice,
        noted=scope.noted,
        certs=ledger.certifications,
        tracking_since=ledger.holder.tracking_since,
        today=today,
    )
    if schedule is None:
        return None
    by_date = sorted(scope.entries, key=attrgetter("date"))
    placed = place_entries(by_date, scope.not_counted, schedule, rules, today)
    limited: dict[int, Credit] = {}
    for group in placed.by_cycle:
        limited.update(cycle_limits(group, credits, rules))
    counted = {**credits, **limited} if limited else credits
    history = cycle_history(schedule.cycles, placed, by_date, counted, rules)
    requirement = standing(scope, schedule, history, placed.uncounted, ledger, rules, today)
    ids = list(map(attrgetter("id"), chain.from_iterable(placed.by_cycle)))
    toward = dict(zip(ids, map(counted.__getitem__, ids), strict=True))
    lowered = frozenset(limited.keys() & toward.keys())
    return Judged(requirement, placed.placements, toward, lowered)


def place_entries(
    by_date: list[Entry],
    not_counted: dict[int, str],
    schedule: Timeline,
    rules: Rules,
    today: dt.date,
) -> Placed:
    """Each entry (in date order) on the cycle it counts toward: the cycle of its date, most
    often, found in one walk over entries and cycles together; else where `placement.place`
    puts it (a late entry, a planned one of a later cycle) or nowhere, with the reason."""
    cycles = schedule.cycles
    by_cycle: list[list[Entry]] = [[] for _ in cycles]
    placements: dict[int, Placement] = {}
    why: dict[int, str] = {}
    uncounted: list[tuple[int, str]] = []
    index = {c.start: i for i, c in enumerate(cycles)}
    plain = [Placement(True, None, c.due) for c in cycles]  # shared: one per cycle
    at = 0
    for entry in by_date:
        while at < len(cycles) and cycles[at].due < entry.date:
            at += 1
        if (
            entry.id not in not_counted
            and entry.for_cycle is None
            and (entry.planned or entry.date <= today)
            and at < len(cycles)
            and cycles[at].start <= entry.date
        ):
            by_cycle[at].append(entry)
            placements[entry.id] = plain[at]
            continue
        cycle: Cycle | None
        note: str | None
        if entry.id in not_counted:
            cycle, note = None, not_counted[entry.id]
        else:
            cycle, note = place(entry, schedule, rules, today)
        counts = cycle is not None or note is None  # None, None: a later cycle's planned entry
        placements[entry.id] = Placement(counts, note, cycle.due if cycle else None)
        if not counts and not entry.planned:
            uncounted.append((entry.id, note or ""))
        if cycle is not None:
            by_cycle[index[cycle.start]].append(entry)
        if note or cycle is None or not cycle.holds(entry.date):
            why[entry.id] = note or ""
    return Placed(by_cycle, placements, why, tuple(uncounted))


def cycle_history(
    cycles: tuple[Cycle, ...],
    placed: Placed,
    by_date: list[Entry],
    counted: dict[int, Credit],
    rules: Rules,
) -> tuple[CycleResult, ...]:
    """Each cycle's tally (`counted`: each entry's figure, cycle-wide limits applied), then
    what each carries over to the next and how much of that the body received."""
    minimums = {k: r.cycle_min for k, r in rules.kinds.items() if r.cycle_min is not None}
    days = [e.date for e in by_date]
    history = tuple(
        tally(
            cycle,
            placed.by_cycle[i],
            by_date[bisect.bisect_left(days, cycle.start) : bisect.bisect_right(days, cycle.due)],
            counted,
            placed.why,
            minimums,
            rules,
        )
        for i, cycle in enumerate(cycles)
    )
    history = carry(history, rules.carry_over, lambda r, n: r._replace(carried_in=n))
    return tuple(_carried_sent(history))


def standing(
    scope: Scope,
    schedule: Timeline,
    history: tuple[CycleResult, ...],
    uncounted: tuple[tuple[int, str], ...],
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
) -> Requirement:
    """Where the requirement stands today: an exemption in force, else the earliest judged
    cycle that ended unmet (overdue), else a cycle ended met with credits still to send, else
    the current cycle's own state."""
    current = history[-1]
    previous = history[-2] if len(history) > 1 else None
    lapse = next(
        (r for r in history[:-1] if r.cycle.judged and r.cycle.due < today and not r.met), None
    )
    own = cycle_state(current, today, rules)
    free = exempt(ledger, rules, scope.codes, scope.holdings, today)
    unsent = None if lapse is not None else _ended_unsent(history, today, rules)
    next_track = governing(scope.holdings, current.cycle.due + DAY)
    state: State = own
    if free is not None:
        state = "exempt"
    elif lapse is not None:
        state = "overdue"
    elif unsent is not None:
        state = "to_submit"
    reinstate = None
    if lapse is not None and rules.reinstatement_months:
        reinstate = add_months(lapse.cycle.due, rules.reinstatement_months)
    notices = schedule_notices(schedule, scope.holdings, next_track, rules, scope.future, today)
    return Requirement(
        track=governing(scope.holdings, today) or current.cycle.track,  # governing today
        certifications=scope.codes,
        current=current,
        previous=previous,
        previous_judged=previous is not None and previous.cycle.judged,
        days_left=(current.cycle.due - today).days,
        state=state,
        today=today,
        lapse=lapse,
        cycle_state=own,
        notices=notices,
        history=history,
        next_track=next_track,
        reinstate_by=reinstate,
        notice_far=schedule.notice_far,
        uncounted=uncounted,
        unsent=unsent,
        exempt=free,
    )


def _ended_unsent(
    history: tuple[CycleResult, ...], today: dt.date, rules: Rules
) -> CycleResult | None:
    """The cycle just ended, when it is judged and ended met but with fewer credits than
    required marked submitted: the body may count it as lapsed, and the credits are still to
    send, while the body still renews by email (the rules' `reinstatement_months` after its
    due date; without them, `due_soon_days`).  Earlier cycles are not looked at: a ledger's
    old history is often never marked."""
    ended = [r for r in history[:-1] if r.cycle.due < today]
    last = ended[-1] if ended else None
    if last is None or not last.cycle.judged or not last.met or last.sent >= last.required:
        return None
    months = rules.reinstatement_months
    if months:
        return last if today < add_months(last.cycle.due, months) else None
    return last if (today - last.cycle.due).days <= rules.due_soon_days else None


def _carried_sent(history: tuple[CycleResult, ...]) -> list[CycleResult]:
    """Each cycle with how much of what it carried in the body received: of the previous
    cycle's surplus, only what its submitted credits cover beyond its required ones."""
    out = list(history)
    for i, result in enumerate(out):
        if i and result.carried_in:
            prev = out[i - 1]
            sent = min(result.carried_in, max(Decimal(0), prev.submitted - prev.required))
            out[i] = result._replace(carried_sent=sent)
    return out
