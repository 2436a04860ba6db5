"""The pure core: (ledger, rules, today) -> what each entry counts, toward which cycle, and where
each requirement stands.  No I/O, no CLI framework, no terminal output: every number ceclog
prints is made here, with the explanation of how it was made.
`docs/numbers.md` describes it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from ceclog.core.carry import carry
from ceclog.core.credits import Credit, cycle_limits, entry_credit
from ceclog.core.cycles import DAY, Cycle, Holding, add_months, governing, holdings_of, timeline
from ceclog.core.exemptions import Exempt, exempt
from ceclog.core.models import Certification, Entry, Ledger, Rules, Track
from ceclog.core.notices import schedule_notices
from ceclog.core.placement import (
    Placement,
    combine,
    held_for,
    merge,
    not_held,
    one_certification,
    place,
)
from ceclog.core.results import (
    CycleResult,
    KindProgress,
    State,
    TopicProgress,
    cycle_state,
    expected_by,
    tally,
)
from ceclog.core.topics import TopicShare, describe, eligible
from ceclog.errors import InputError

__all__ = [  # the figures' types live in results.py; callers import them from here too
    "CycleResult",
    "KindProgress",
    "Report",
    "Requirement",
    "State",
    "TopicProgress",
    "evaluate",
    "expected_by",
]


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


class Report(NamedTuple):
    today: dt.date
    requirements: tuple[Requirement, ...]
    credits: dict[int, Credit]
    placements: dict[int, Placement]
    topic_notes: dict[int, str]  # how the value of an entry shared between topics is divided

    def counted(self, entry_id: int) -> Decimal:
        """What the entry counts (or will count, when planned): 0 when it counts nowhere."""
        return self.credits[entry_id].value if self.placements[entry_id].counts else Decimal(0)

    def explanation(self, entry_id: int) -> str:
        note = self.placements[entry_id].note
        steps = self.credits[entry_id].explanation
        if self.placements[entry_id].counts:
            topics = self.topic_notes.get(entry_id)
            return "; ".join(part for part in (steps, note, topics) if part)
        return f"counts toward no cycle: {note} (as a class: {steps})"


# --- requirements -----------------------------------------------------------------------------


def _requirement(
    holdings: list[Holding],
    codes: tuple[str, ...],
    entries: list[Entry],
    skip: dict[int, str],
    credits: dict[int, Credit],
    found: dict[int, Placement],
    limited: dict[int, tuple[Credit, bool]],
    *,
    notice: dt.date | None,
    noted: dt.date | None,
    future: list[Certification],
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
) -> Requirement | None:
    """One requirement: its cycles, what counts toward each, its state.  `entries` are those
    that concern it; `skip` says why some of them count toward none of its cycles."""
    line = timeline(
        holdings, rules, notice=notice, noted=noted, certs=ledger.certifications,
        tracking_since=ledger.holder.tracking_since, today=today,
    )  # fmt: skip
    if line is None:
        return None
    cycles = line.cycles
    placed: list[list[Entry]] = [[] for _ in cycles]
    why: dict[int, str] = {}  # entries not simply counted toward the cycle of their date
    uncounted: list[tuple[int, str]] = []  # completed entries counting toward none of them
    index = {c.start: i for i, c in enumerate(cycles)}
    plain = [Placement(True, None, c.due) for c in cycles]  # shared: one per cycle
    ordered = sorted(entries, key=lambda e: e.date)
    at = 0
    for entry in ordered:  # entries and cycles both by date: one walk
        while at < len(cycles) and cycles[at].due < entry.date:
            at += 1
        if (
            entry.id not in skip
            and entry.for_cycle is None
            and (entry.planned or entry.date <= today)
            and at < len(cycles)
            and cycles[at].start <= entry.date
        ):
            placed[at].append(entry)
            _found(found, entry.id, plain[at])
            continue
        cycle: Cycle | None
        note: str | None
        if entry.id in skip:
            cycle, note = None, skip[entry.id]
        else:
            cycle, note = place(entry, line, rules, today)
        counts = cycle is not None or note is None  # None, None: a later cycle's planned entry
        _found(found, entry.id, Placement(counts, note, cycle.due if cycle else None))
        if not counts and not entry.planned:
            uncounted.append((entry.id, note or ""))
        if cycle is not None:
            placed[index[cycle.start]].append(entry)
        if note or cycle is None or not cycle.holds(entry.date):
            why[entry.id] = note or ""
    changed: dict[int, Credit] = {}
    for group in placed:  # the cycle-wide limits: a kind's cycle_cap, an event's cap
        changed.update(cycle_limits(group, credits, rules))
    for group in placed:
        for entry in group:
            _limited(
                limited, entry.id, changed.get(entry.id, credits[entry.id]), entry.id in changed
            )
    mine = {**credits, **changed} if changed else credits
    minimums = {k: r.cycle_min for k, r in rules.kinds.items() if r.cycle_min is not None}
    days = [e.date for e in ordered]
    history = tuple(
        tally(
            c,
            placed[i],
            ordered[bisect.bisect_left(days, c.start) : bisect.bisect_right(days, c.due)],
            mine,
            why,
            minimums,
            rules,
        )
        for i, c in enumerate(cycles)
    )
    history = carry(history, rules.carry_over, lambda r, n: r._replace(carried_in=n))
    history = tuple(_carried_sent(history))
    current = history[-1]
    previous = history[-2] if len(history) > 1 else None
    lapse = next(
        (r for r in history[:-1] if r.cycle.judged and r.cycle.due < today and not r.met), None
    )
    own = cycle_state(current, today, rules)
    free = exempt(ledger, rules, codes, holdings, today)
    unsent = None if lapse is not None else _ended_unsent(history, today, rules)
    next_track = governing(holdings, current.cycle.due + DAY)
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
    return Requirement(
        track=governing(holdings, today) or current.cycle.track,  # the track governing today
        certifications=codes,
        current=current,
        previous=previous,
        previous_judged=previous is not None and previous.cycle.judged,
        days_left=(current.cycle.due - today).days,
        state=state,
        today=today,
        lapse=lapse,
        cycle_state=own,
        notices=schedule_notices(line, holdings, next_track, rules, future, today),
        history=history,
        next_track=next_track,
        reinstate_by=reinstate,
        notice_far=line.notice_far,
        uncounted=tuple(uncounted),
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


def _found(found: dict[int, Placement], entry_id: int, new: Placement) -> None:
    """Record where an entry counts for one more requirement (the certification pool has
    several): it counts if it counts toward any of them."""
    old = found.get(entry_id)
    found[entry_id] = new if old is None else merge(old, new)


def _limited(
    limited: dict[int, tuple[Credit, bool]], entry_id: int, credit: Credit, lowered: bool
) -> None:
    """Record what an entry counts toward one more requirement's cycle (the certification pool
    has several, each with its own cycle-wide limits): the report shows the highest figure."""
    old = limited.get(entry_id)
    if old is None or credit.value > old[0].value:
        limited[entry_id] = (credit, lowered)


def evaluate(ledger: Ledger, rules: Rules, today: dt.date) -> Report:
    """What each entry counts, toward which cycle, and where each requirement stands on
    `today`.  Dates whose cycles would run past 9999-12-31 are refused with a message."""
    try:
        return _evaluate(ledger, rules, today)
    except OverflowError:
        raise InputError(
            f"cannot compute the cycles as of {today}: they would run past 9999-12-31, the last "
            "day a date can have",
            hint="give a --today (and dates in the ledger) before the year 9990; "
            "`ceclog check` lists the ledger's dates that are after today",
        ) from None


def _evaluate(ledger: Ledger, rules: Rules, today: dt.date) -> Report:
    credits: dict[int, Credit] = {}
    known: dict[tuple[str, Decimal | None, Decimal | None], Credit] = {}
    for entry in ledger.entries:  # entries with the same kind and figures count the same
        key = (entry.kind, entry.hours, entry.credits)
        if key not in known:
            known[key] = entry_credit(entry, rules)
        credits[entry.id] = known[key]
    certs = {c.code: c for c in ledger.certifications}
    future = [c for c in ledger.certifications if c.earned > today and rules.track_of(c.code)]
    found: dict[int, Placement] = {}
    limited: dict[int, tuple[Credit, bool]] = {}
    requirements: list[Requirement | None] = []
    unassigned: dict[int, str] = {}  # entries the rules count for no certification, and why
    if rules.pool == "holder":
        skip = {
            e.id: not_held(e.certifications)
            for e in ledger.entries
            if e.certifications and not held_for(e, certs, today)
        }
        holdings = holdings_of(ledger.certifications, rules, today)
        codes = tuple(h.code for h in holdings if h.held_on(today))
        requirements.append(
            _requirement(
                holdings, codes, ledger.entries, skip, credits, found, limited,
                notice=ledger.holder.cec_due, noted=ledger.holder.cec_due_noted,
                future=future, ledger=ledger, rules=rules, today=today,
            )
        )  # fmt: skip
    else:
        one: dict[int, str | None] = {}  # one certification per entry: which one
        if rules.entries_per_certification:
            for e in ledger.entries:
                one[e.id], why = one_certification(e, ledger.certifications, rules, today)
                if why is not None:
                    unassigned[e.id] = why
        for cert in ledger.certifications:
            if rules.entries_per_certification:
                mine = [e for e in ledger.entries if one[e.id] == cert.code]
            else:
                mine = [
                    e
                    for e in ledger.entries
                    if not e.certifications or cert.code in e.certifications
                ]
            skip = {
                e.id: not_held([cert.code])
                for e in mine
                if e.certifications and cert.code not in held_for(e, certs, today)
            }
            requirements.append(
                _requirement(
                    holdings_of([cert], rules, today), (cert.code,), mine, skip, credits, found,
                    limited,
                    notice=cert.cec_due, noted=cert.cec_due_noted,
                    future=[c for c in future if c.code == cert.code],
                    ledger=ledger, rules=rules, today=today,
                )
            )  # fmt: skip
    made = tuple(r for r in requirements if r is not None)
    lowered = {i: credit for i, (credit, low) in limited.items() if low}
    if lowered:
        credits = {**credits, **lowered}
    placements = combine(ledger.entries, found, bool(made), unassigned)
    return Report(today, made, credits, placements, _topic_notes(made, ledger, rules))


def _topic_notes(
    requirements: tuple[Requirement, ...], ledger: Ledger, rules: Rules
) -> dict[int, str]:
    """For each entry whose value is shared between topic minimums (it lists several, or
    records its own split), how: `toward topics: water 2.0, mold-safety 4.0 (divided ...)`."""
    out: dict[int, str] = {}
    for req in requirements:
        for result in req.history:
            if not result.shares:
                continue
            minimums = list(result.cycle.track.topics)
            by_entry: dict[int, list[TopicShare]] = {}
            for share in result.shares:
                by_entry.setdefault(share.entry_id, []).append(share)
            for entry_id, shares in by_entry.items():
                entry = ledger.entry(entry_id)
                if entry is None or entry_id in out:
                    continue
                if entry.topic_hours or len(eligible(entry, minimums, rules)) > 1:
                    out[entry_id] = describe(shares, rules.unit)
    return out
