"""What a change to the ledger did to the figures, in words: which cycle now ends when, met or
not, what is now due, the state before and after, and every credit that moved to another
cycle or stopped counting.  `cert add`, `cert end`, `cert rm` and `holder` print it, so no
credit leaves a figure without a word (docs/numbers.md, "Every change says what it did").  Pure:
two reports in, sentences out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger
from ceclog.core.ledger.words import listing, plural
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.core.schedule.results import CycleResult

MAX_MOVES = 5  # lines about moved entries per requirement before "and N more"


class Window(NamedTuple):
    start: dt.date
    due: dt.date

    def __str__(self) -> str:
        return f"{self.start} to {self.due}"


def _state(state: str) -> str:
    return "OVERDUE" if state == "overdue" else state.replace("_", " ")


def _match(before: Report, after: Report, req: Requirement) -> Requirement | None:
    """The requirement of `before` that `req` continues: the one for the same certifications,
    or the one requirement of a holder's pool (its certifications change with a `cert add`)."""
    for old in before.requirements:
        if old.certifications == req.certifications:
            return old
    if len(before.requirements) == 1 and len(after.requirements) == 1:
        return before.requirements[0]
    return None


def _verdict(result: CycleResult, units: str) -> str:
    figures = f"{fmt(result.counted + result.carried_in)} of {fmt(result.required)} {units}"
    if result.met:
        return f"met ({figures})"
    if result.cycle.judged:
        return f"{figures}, not met"
    text = f"{figures}, not judged ({result.cycle.unjudged})"
    ids = [str(i) for i in result.counted_ids]
    if ids:
        label = "entry" if len(ids) == 1 else "entries"
        verb = "counts" if len(ids) == 1 else "count"
        text += f", so {label} {listing(ids)} in it {verb} toward no deadline"
    return text


def _cycles(old: Requirement, new: Requirement, units: str) -> list[str]:
    """Ended cycles that are new or end on another day, and the running cycle if it changed."""
    out: list[str] = []
    before = {r.cycle.start: r for r in old.history}
    today = new.today
    for result in new.history:
        cycle = result.cycle
        was = before.get(cycle.start)
        if was is not None and (was.cycle.due, was.required) == (cycle.due, result.required):
            continue
        if cycle.due < today and not cycle.judged and not result.counted_ids:
            continue  # a stretch before a notice's cycle, with nothing in it: nothing to say
        if cycle.due < today:
            what = (
                f"your cycle {Window(cycle.start, was.cycle.due)} now ends on {cycle.due}, "
                "which has passed"
                if was is not None
                else f"the cycle {Window(cycle.start, cycle.due)} has ended"
            )
            out.append(f"{what}: {_verdict(result, units)}")
            continue
        if result is not new.current:
            continue
        left = (
            "met" if result.met else f"{fmt(result.counted)} counted, {fmt(result.remaining)} to go"
        )
        running = old.current.cycle
        reshaped = running.start not in {r.cycle.start for r in new.history}
        if was is None and reshaped and running.start <= cycle.due and cycle.start <= running.due:
            line = (  # the running cycle now starts on another day (a renewal notice)
                f"your cycle {Window(running.start, running.due)} is now "
                f"{Window(cycle.start, cycle.due)} and requires {fmt(result.required)} "
                f"{units}: {left}"
            )
        elif was is not None and was.cycle.due != cycle.due:
            when = "earlier" if cycle.due < was.cycle.due else "later"
            line = (
                f"your cycle {Window(cycle.start, was.cycle.due)} now ends {when}, on "
                f"{cycle.due}, and requires {fmt(result.required)} {units}: {left}"
            )
        elif was is not None:
            line = (
                f"your cycle {Window(cycle.start, cycle.due)} keeps its dates and now requires "
                f"{fmt(result.required)} {units} (was {fmt(was.required)}): {left}"
            )
        else:
            line = (
                f"now due: {fmt(result.required)} {units} by {cycle.due} (the cycle "
                f"{Window(cycle.start, cycle.due)}): {left}"
            )
        nxt = new.next_track
        if nxt is not None:
            line += f"; after that, {fmt(nxt.credits)} {units} every {nxt.cycle_months} months"
        out.append(line)
    out += _next(old, new, units)
    return out


def _next(old: Requirement, new: Requirement, units: str) -> list[str]:
    """The running cycle kept its dates, but the cycles after it change (a stricter track
    earned too late in the cycle to shorten it)."""
    was, now = old.next_track, new.next_track
    same = old.current.cycle.start == new.current.cycle.start
    kept = (old.current.cycle.due, old.current.required) == (
        new.current.cycle.due,
        new.current.required,
    )
    if not same or not kept or now is None:
        return []
    if was is not None and (was.cycle_months, was.credits) == (now.cycle_months, now.credits):
        return []
    return [
        f"your cycle {Window(new.current.cycle.start, new.current.cycle.due)} keeps its due "
        f"date; after it, {fmt(now.credits)} {units} every {now.cycle_months} months"
        + (f" (was {fmt(was.credits)} every {was.cycle_months} months)" if was is not None else "")
    ]


def _lapse(old: Requirement, new: Requirement, units: str) -> list[str]:
    lapse, was = new.lapse, old.lapse
    if lapse is not None and (was is None or was.cycle != lapse.cycle):
        by = new.reinstate_by
        if by is not None and new.today >= by:
            then = f"; since {by} the body requires reinstatement, not renewal"
        else:
            renew = f"; renew by email before {by}" if by else ""
            then = (
                f"{renew} (record a class taken since with ceclog add TITLE --date DATE "
                "--hours H --for-cycle previous)"
            )
        return [
            f"you are now OVERDUE: the cycle {Window(lapse.cycle.start, lapse.cycle.due)} "
            f"ended {lapse.missing(units)} short{then}"
        ]
    if was is not None and lapse is None:
        now = next((r for r in new.history if r.cycle.start == was.cycle.start), None)
        if now is None or now.cycle.due != was.cycle.due:
            why = "the schedule changed, and that cycle no longer ends then"
        elif now.met:
            why = "it is now met"
        elif not now.cycle.judged:
            why = f"it is not judged ({now.cycle.unjudged})"
        else:
            why = "the schedule changed"
        return [f"the lapse of the cycle ending {was.cycle.due} is no longer shown: {why}"]
    return []


def _where(req: Requirement, ledger: Ledger) -> dict[int, Window]:
    """The cycle each entry counts toward (planned ones: the cycle they fall in)."""
    planned = {e.id for e in ledger.entries if e.planned}
    out: dict[int, Window] = {}
    for result in req.history:
        window = Window(result.cycle.start, result.cycle.due)
        for entry_id in result.counted_ids:
            out[entry_id] = window
        for entry_id in result.entry_ids:
            if entry_id in planned:
                out.setdefault(entry_id, window)
    return out


def _moves(
    old: Requirement,
    new: Requirement,
    before: Report,
    after: Report,
    ledger: Ledger,
    units: str,
) -> list[str]:
    """Entries that now count toward another cycle, or no longer (or newly) count."""
    was, now = _where(old, ledger), _where(new, ledger)
    planned = {e.id for e in ledger.entries if e.planned}
    groups: dict[tuple[Window | None, Window | None, bool], list[int]] = {}
    for entry in ledger.entries:
        if entry.id not in before.credits or entry.id not in after.credits:
            continue
        a, b = was.get(entry.id), now.get(entry.id)
        if a is None and b is None:
            continue
        if a is not None and b is not None and a.start == b.start:
            continue
        groups.setdefault((a, b, entry.id in planned), []).append(entry.id)
    unjudged = {
        r.cycle.start: r.cycle.unjudged for r in new.history if r.cycle.unjudged is not None
    }
    out: list[str] = []
    for (a, b, is_planned), ids in groups.items():
        total = sum((after.credits[i].value for i in ids), Decimal(0))
        label = "entry" if len(ids) == 1 else "entries"
        who = f"{'planned ' if is_planned else ''}{label} {listing([str(i) for i in ids])}"
        verb = "counts" if len(ids) == 1 else "count"
        amount = f" ({fmt(total)} {units})" if not is_planned else ""
        if b is None:
            reason = after.placements[ids[0]].note or "it counts toward no cycle"
            out.append(f"{who}{amount} no longer {verb[:-1]} toward any cycle: {reason}")
            continue
        if is_planned:
            line = f"{who} now {'falls' if len(ids) == 1 else 'fall'} in the cycle {b}"
        else:
            line = f"{who}{amount} now {verb} toward the cycle {b}"
        if a is not None:
            line += f", not {a}"
        if b.start in unjudged:
            line += f" (a cycle not judged: {unjudged[b.start]})"
        out.append(line)
    if len(out) > MAX_MOVES:
        more = sum(len(ids) for ids in list(groups.values())[MAX_MOVES:])
        out = [*out[:MAX_MOVES], f"and {plural(more, 'more entry')} moved (ceclog list)"]
    return out


def describe_changes(before: Report, after: Report, ledger: Ledger, units: str) -> list[str]:
    """What changed between two reports of one ledger (`ledger`: the changed one), in
    sentences without the final full stop.  Empty when nothing a person would notice did."""
    out: list[str] = []
    many = len(after.requirements) > 1
    for req in after.requirements:
        old = _match(before, after, req)
        if old is None:
            cur = req.current
            lines = [
                f"your cycle runs {Window(cur.cycle.start, cur.cycle.due)}: "
                f"{fmt(cur.required)} {units} required, {fmt(cur.counted)} counted"
            ]
        else:
            lapse = _lapse(old, req, units)
            lines = _cycles(old, req, units) + lapse
            if old.state != req.state and not (lapse and req.state == "overdue"):
                lines.append(
                    f"the requirement was {_state(old.state)}; it is now {_state(req.state)}"
                )
            lines += _moves(old, req, before, after, ledger, units)
        prefix = f"{req.track.name} ({', '.join(req.certifications)}): " if many else ""
        out += [prefix + line for line in lines]
    return out
