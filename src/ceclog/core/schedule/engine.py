"""The pure core: (ledger, rules, today) -> what each entry counts, toward which cycle, and where
each requirement stands.  No I/O, no CLI framework, no terminal output: every number ceclog
prints is made here, with the explanation of how it was made.
`docs/numbers.md` describes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from operator import attrgetter
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.schedule.credits import Credit, entry_credit
from ceclog.core.schedule.cycles import holdings_of
from ceclog.core.schedule.placement import (
    Placement,
    combine,
    held_for,
    merge,
    not_held,
    one_certification,
)
from ceclog.core.schedule.requirement import Judged, Requirement, Scope, judge
from ceclog.core.schedule.results import (
    CycleResult,
    KindProgress,
    State,
    TopicProgress,
    expected_by,
)
from ceclog.core.schedule.topics import TopicShare, describe, eligible
from ceclog.errors import InputError

__all__ = [  # the figures' types live in results.py and requirement.py; callers import them
    # from here too
    "CycleResult",
    "KindProgress",
    "Report",
    "Requirement",
    "State",
    "TopicProgress",
    "evaluate",
    "expected_by",
]


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
    credits = _class_credits(ledger, rules)
    chosen = _certification_of_each(ledger, rules, today)
    scopes = _scopes(ledger, rules, today, chosen)
    judged = [j for scope in scopes if (j := judge(scope, credits, ledger, rules, today))]
    made = tuple(j.requirement for j in judged)
    lowered = _lowered(judged)
    if lowered:
        credits = {**credits, **lowered}
    unassigned = {i: why for i, (_, why) in (chosen or {}).items() if why is not None}
    placements = combine(ledger.entries, _where_each_counts(judged), bool(made), unassigned)
    return Report(today, made, credits, placements, _topic_notes(made, ledger, rules))


def _where_each_counts(judged: list[Judged]) -> dict[int, Placement]:
    """Each entry's placement: it counts if it counts toward any requirement (the
    certification pool has several)."""
    if len(judged) == 1:  # the holder's pool: one requirement says it all
        return dict(judged[0].placements)
    found: dict[int, Placement] = {}
    for one in judged:
        for entry_id, placement in one.placements.items():
            old = found.get(entry_id)
            found[entry_id] = placement if old is None else merge(old, placement)
    return found


def _lowered(judged: list[Judged]) -> dict[int, Credit]:
    """The entries whose figure a cycle-wide limit lowered, with that figure, when it is the
    highest they count toward any requirement (each has its own limits): the report shows it."""
    if not any(one.lowered for one in judged):
        return {}
    best: dict[int, tuple[Credit, bool]] = {}
    for one in judged:
        for entry_id, credit in one.credits.items():
            held = best.get(entry_id)
            if held is None or credit.value > held[0].value:
                best[entry_id] = (credit, entry_id in one.lowered)
    return {i: credit for i, (credit, low) in best.items() if low}


def _class_credits(ledger: Ledger, rules: Rules) -> dict[int, Credit]:
    """What each entry counts as a class, before any cycle-wide limit (entries with the same
    kind and figures count the same: computed once)."""
    entries = ledger.entries
    keys = list(map(attrgetter("kind", "hours", "credits"), entries))
    first = dict(zip(reversed(keys), reversed(entries), strict=True))  # each key: its first
    known = {key: entry_credit(entry, rules) for key, entry in first.items()}
    return dict(zip(map(attrgetter("id"), entries), map(known.__getitem__, keys), strict=True))


Chosen = dict[int, tuple[str | None, str | None]]  # entry ID -> its one certification, or why none


def _scopes(ledger: Ledger, rules: Rules, today: dt.date, chosen: Chosen | None) -> list[Scope]:
    """The requirements' scopes: under the holder's pool one for every certification, under
    the certification pool one per certification (its entries: those naming it, or naming
    none; with `entries_per_certification`, the one certification each entry counts for)."""
    certs = {c.code: c for c in ledger.certifications}
    future = [c for c in ledger.certifications if c.earned > today and rules.track_of(c.code)]
    if rules.pool == "holder":
        holdings = holdings_of(ledger.certifications, rules, today)
        not_counted = {
            e.id: not_held(e.certifications)
            for e in ledger.entries
            if e.certifications and not held_for(e, certs, today)
        }
        codes = tuple(h.code for h in holdings if h.held_on(today))
        holder = ledger.holder
        scope = Scope(
            holdings,
            codes,
            ledger.entries,
            not_counted,
            holder.cec_due,
            holder.cec_due_noted,
            future,
        )
        return [scope]
    scopes = []
    for cert in ledger.certifications:
        if chosen is not None:
            mine = [e for e in ledger.entries if chosen[e.id][0] == cert.code]
        else:
            mine = [
                e for e in ledger.entries if not e.certifications or cert.code in e.certifications
            ]
        not_counted = {
            e.id: not_held([cert.code])
            for e in mine
            if e.certifications and cert.code not in held_for(e, certs, today)
        }
        scopes.append(
            Scope(
                holdings_of([cert], rules, today),
                (cert.code,),
                mine,
                not_counted,
                cert.cec_due,
                cert.cec_due_noted,
                [c for c in future if c.code == cert.code],
            )
        )
    return scopes


def _certification_of_each(ledger: Ledger, rules: Rules, today: dt.date) -> Chosen | None:
    """With `entries_per_certification` (certification pool): the one certification each entry
    counts for, or why none; else None (an entry counts for every certification it names)."""
    if rules.pool == "holder" or not rules.entries_per_certification:
        return None
    return {e.id: one_certification(e, ledger.certifications, rules, today) for e in ledger.entries}


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
