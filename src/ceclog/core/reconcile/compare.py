"""The body's record against the ledger: what ceclog says the body has posted for a requirement
at the end of a day, the difference from what the body's account shows, and which entries
could explain it.  Pure: (ledger, rules, report) in, figures out.

ceclog's figure is the counted credits (caps, limits and units applied) of the requirement's
completed entries that count toward the cycle holding the day and whose posted date is on or
before it.  An explanation is a combination of at most `MAX_SIZE` entries whose credits make up
the difference exactly: entries not marked posted by then (the body shows more), entries marked
posted (it shows less), and entries whose counted figure differs from what they state (either
way).  The search is bounded: it lists at most `LIMIT` combinations and says when there are
more.  `docs/reconcile.md` describes it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from typing import Literal, NamedTuple

from ceclog.core.ledger.models import Assertion, Entry, Ledger, Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.cycles import Cycle
from ceclog.core.schedule.engine import CycleResult, Report, Requirement
from ceclog.errors import InputError, UsageError

MAX_SIZE = 3  # entries in one explanation
LIMIT = 8  # explanations listed; beyond, "too many to list"

Kind = Literal["not_marked_posted", "posted_not_shown", "counted_differently"]


class Target(NamedTuple):
    """The requirement an assertion or a command names."""

    requirement: Requirement
    label: str  # the track's name (one requirement for the holder) or the certification code
    option: str  # how to name it on the command line: "--track technician", "--cert WRT"


def find_target(
    report: Report, rules: Rules, ledger: Ledger, track: str | None, cert: str | None
) -> Target | str:
    """The requirement `track` or `cert` names (exactly one of them, recorded in the ledger),
    or why none does."""
    if (track is None) == (cert is None):
        return "name one requirement: a track or a certification, not both"
    reqs = report.requirements
    recorded = ledger.held_codes()
    if cert is not None:
        code = rules.canonical(cert.strip().upper())
        if code not in rules.certifications:
            return f"certification {code} is not known to the {rules.name} rules"
        if rules.track_of(code) is None:
            return f"certification {code} carries no continuing-education requirement"
        if code not in recorded:
            return f"certification {code} is not recorded in this ledger"
        if rules.pool == "holder":
            found = reqs[0] if reqs else None
        else:
            found = next((r for r in reqs if r.certifications == (code,)), None)
        if found is None:
            return f"no requirement covers {code}: is it recorded (ceclog cert add)?"
        label = found.track.name if rules.pool == "holder" else code
        return Target(found, label, f"--cert {code}")
    name = (track or "").strip()
    names = [t.name for t in rules.tracks]
    if name not in names:
        return f"track {name!r} is not one of the {rules.name} rules: {', '.join(names)}"
    mine_codes = [c for c in recorded if (t := rules.track_of(c)) is not None and t.name == name]
    if not mine_codes:
        return f"no certification of the {name} track is recorded in this ledger"
    if rules.pool == "holder":
        if not reqs:
            return "no certification with a requirement is recorded"
        return Target(reqs[0], name, f"--track {name}")
    mine = [r for r in reqs if r.track.name == name]
    if len(mine) != 1:
        held = ", ".join(c for r in mine for c in r.certifications) or "none recorded"
        return f"track {name} is one requirement per certification ({held}): name one with cert"
    return Target(mine[0], mine[0].certifications[0], f"--cert {mine[0].certifications[0]}")


class Named(NamedTuple):
    """The requirement a command names, with the track or certification an assertion of it
    records."""

    target: Target
    track: str | None
    cert: str | None


def named_requirement(
    report: Report, rules: Rules, ledger: Ledger, track: str | None, cert: str | None
) -> Named:
    """The requirement `--track` or `--cert` names, or the only one when neither is given;
    refused (a usage error) when there are several or none is found."""
    if track is None and cert is None:
        reqs = report.requirements
        if len(reqs) != 1:
            names = ", ".join(
                r.track.name if rules.pool == "holder" else r.certifications[0] for r in reqs
            )
            raise UsageError(
                "name the requirement with --track NAME or --cert CODE"
                + (f" (here: {names})" if names else "")
            )
        if rules.pool == "holder":
            track = reqs[0].track.name
        else:
            cert = reqs[0].certifications[0]
    found = find_target(report, rules, ledger, track, cert)
    if isinstance(found, str):
        raise UsageError(found, hint="see your requirements: ceclog status")
    code = rules.canonical(cert.strip().upper()) if cert is not None else None
    return Named(found, track.strip() if track else None, code)


def day_looked(on: dt.date | None, today: dt.date) -> dt.date:
    """The day the body's account was looked at: today, or a day before it."""
    if on is None:
        return today
    if on > today:
        raise UsageError(f"--on {on} is after today ({today}): give the day you looked")
    return on


def recorded_figure(
    ledger: Ledger, day: dt.date, named: Named, posted: Decimal, units: str
) -> Assertion | None:
    """The assertion already recorded for that day and requirement, when it says the same
    figure (recording it again would make two of it).  A different one is refused: one figure
    per day and requirement, or `check` would report one of the two as failed for ever."""
    key = (day, named.track, named.cert)
    earlier = next((a for a in ledger.assertions if (a.date, a.track, a.cert) == key), None)
    if earlier is not None and earlier.posted != posted:
        raise InputError(
            f"an assertion of {day} for {named.track or named.cert} already says the body "
            f"showed {fmt(earlier.posted)} {units}; nothing was written",
            hint="if the account changed that day, correct that [[assertions]] table in the "
            "ledger (or `ceclog undo` if you just recorded it)",
        )
    return earlier


def cycle_at(requirement: Requirement, day: dt.date) -> CycleResult | None:
    """The requirement's cycle whose window holds `day` (None: before the first, or after the
    current one)."""
    return next((r for r in requirement.history if r.cycle.holds(day)), None)


class Figure(NamedTuple):
    day: dt.date
    cycle: Cycle | None
    posted: Decimal  # counted credits of the entries posted on or before `day`
    posted_ids: tuple[int, ...]
    waiting_ids: tuple[int, ...]  # counted there, submitted by `day`, not posted by then


def figure(report: Report, requirement: Requirement, ledger: Ledger, day: dt.date) -> Figure:
    result = cycle_at(requirement, day)
    if result is None:
        return Figure(day, None, Decimal(0), (), ())
    posted: list[int] = []
    waiting: list[int] = []
    total = Decimal(0)
    for entry_id in result.counted_ids:
        entry = ledger.entry(entry_id)
        if entry is None:  # pragma: no cover - the report is of this ledger
            continue
        if entry.posted is not None and entry.posted <= day:
            posted.append(entry_id)
            total += report.credits[entry_id].value
        elif entry.submitted is not None and entry.submitted <= day:
            waiting.append(entry_id)
    return Figure(day, result.cycle, total, tuple(posted), tuple(waiting))


def stated(entry: Entry, rules: Rules) -> Decimal | None:
    """What the entry states, in the rules' unit: its credits, else its hours converted when
    that is an exact decimal (None when it states neither)."""
    if entry.credits is not None:
        return entry.credits
    if entry.hours is None:
        return None
    value = Fraction(entry.hours) / Fraction(rules.hours_per_credit)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact if Fraction(exact) == value else None


class Part(NamedTuple):
    entry_id: int
    credits: Decimal  # what it moves the difference by (> 0, in the direction needed)
    kind: Kind


class Explanation(NamedTuple):
    parts: tuple[Part, ...]
    credits: Decimal

    @property
    def entries(self) -> tuple[int, ...]:
        return tuple(p.entry_id for p in self.parts)

    @property
    def kind(self) -> str:
        kinds = {p.kind for p in self.parts}
        return kinds.pop() if len(kinds) == 1 else "mixed"


class Reconciliation(NamedTuple):
    target: Target
    figure: Figure
    body: Decimal
    source: str | None
    difference: Decimal  # body - ceclog
    explanations: tuple[Explanation, ...]
    more: bool  # more combinations than listed

    @property
    def agrees(self) -> bool:
        return self.difference == 0


def candidates(
    report: Report,
    fig: Figure,
    ledger: Ledger,
    rules: Rules,
    difference: Decimal,
    settled: frozenset[int] = frozenset(),
) -> list[Part]:
    """The entries that could make up `difference`, each with what it would change (`settled`:
    entries a transcript line already agrees with, which explain nothing)."""
    out: list[Part] = []
    if difference == 0:
        return out
    for entry_id in fig.waiting_ids if difference > 0 else ():
        entry = ledger.entry(entry_id)
        value = report.credits[entry_id].value
        if entry is not None and value > 0:
            out.append(Part(entry_id, value, "not_marked_posted"))
    for entry_id in fig.posted_ids:
        entry = ledger.entry(entry_id)
        value = report.credits[entry_id].value
        if entry is None:  # pragma: no cover
            continue
        if difference < 0 and value > 0:
            out.append(Part(entry_id, value, "posted_not_shown"))
        said = stated(entry, rules)
        if said is not None and said != value and (said > value) == (difference > 0):
            out.append(Part(entry_id, abs(said - value), "counted_differently"))
    return [p for p in out if p.entry_id not in settled]


def explain(parts: list[Part], target: Decimal) -> tuple[list[Explanation], bool]:
    """Combinations of at most MAX_SIZE parts (one entry at most once) whose credits sum to
    `target` exactly; smallest first, at most LIMIT of them, and whether there are more.  Pairs
    and triples are found through a table of the parts by value (no loop over every triple)."""
    found: list[tuple[int, ...]] = []
    by_value: dict[Decimal, list[int]] = defaultdict(list)
    for index, part in enumerate(parts):
        by_value[part.credits].append(index)
    n = len(parts)

    def enough() -> bool:
        return len(found) > LIMIT

    def ok(combo: tuple[int, ...]) -> bool:
        ids = [parts[i].entry_id for i in combo]
        return len(set(ids)) == len(ids)

    for i in by_value.get(target, []):
        found.append((i,))
    for i in range(n):
        if enough():
            break
        for j in by_value.get(target - parts[i].credits, []):
            if j > i and ok((i, j)):
                found.append((i, j))
    for i in range(n):
        if enough():
            break
        for j in range(i + 1, n):
            if enough():
                break
            rest = target - parts[i].credits - parts[j].credits
            if rest <= 0:
                continue
            for k in by_value.get(rest, []):
                if k > j and ok((i, j, k)):
                    found.append((i, j, k))
                    if enough():
                        break
    more = len(found) > LIMIT
    listed = [
        Explanation(
            tuple(parts[i] for i in combo), sum((parts[i].credits for i in combo), Decimal(0))
        )
        for combo in found[:LIMIT]
    ]
    return listed, more


def reconcile(
    report: Report,
    target: Target,
    ledger: Ledger,
    rules: Rules,
    day: dt.date,
    body: Decimal,
    source: str | None = None,
    settled: frozenset[int] = frozenset(),
) -> Reconciliation:
    """The body's figure `body` against ceclog's at the end of `day`, and what could explain a
    difference (`settled`: entries a transcript line agrees with, left out of explanations)."""
    fig = figure(report, target.requirement, ledger, day)
    difference = body - fig.posted
    parts = candidates(report, fig, ledger, rules, difference, settled)
    found, more = explain(parts, abs(difference)) if difference else ([], False)
    return Reconciliation(target, fig, body, source, difference, tuple(found), more)


def signed(value: Decimal) -> str:
    """A difference for people: +2.0, -1.5, 0.0."""
    return ("+" if value > 0 else "") + fmt(value)


def command_for(explanation: Explanation, day: dt.date) -> str | None:
    """The existing commands that would record what the explanation supposes."""
    commands: list[str] = []
    waiting = [str(p.entry_id) for p in explanation.parts if p.kind == "not_marked_posted"]
    if waiting:
        commands.append(f"ceclog posted {' '.join(waiting)} --on {day}")
    shown = [p for p in explanation.parts if p.kind == "posted_not_shown"]
    for part in shown:
        commands.append(f"ceclog edit {part.entry_id} --clear posted")
    return "; ".join(commands) or None


def option_of(assertion: Assertion) -> str:
    return f"--cert {assertion.cert}" if assertion.cert else f"--track {assertion.track}"
