"""What `status --rules OTHER --compare` shows: the same ledger judged under the rules it names
and under another profile, requirement by requirement, and in words what differs."""

from __future__ import annotations

from typing import Any

from ceclog.core.ledger.models import LoadedRules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.core.schedule.progress import percent
from ceclog.output import data, status_data
from ceclog.output.terminal import Bar, Cell, Column, Out
from ceclog.output.views import STATE_WORDS, _state

COLUMNS = [
    Column("Rules"),
    Column("Requirement"),
    Column("Cycle"),
    Column("Days left", "right"),
    Column("Required", "right"),
    Column("Counted", "right"),
    Column("Remaining", "right"),
    Column("Progress", optional=True),
    Column("State", whole=True),
]


def _row(name: str, req: Requirement, units: str) -> list[Cell]:
    cycle = req.current.cycle
    return [
        name,
        f"{req.track.name} ({', '.join(req.certifications)})",
        f"{cycle.start} to {cycle.due}",
        str(req.days_left),
        f"{fmt(req.required)} {units}",
        fmt(req.counted),
        fmt(req.remaining),
        Bar(percent(req.counted, req.required)),
        _state(req.state),
    ]


def _words(req: Requirement, units: str) -> str:
    return (
        f"{fmt(req.counted)} of {fmt(req.required)} {units} by {req.current.cycle.due}, "
        f"{STATE_WORDS[req.state]}"
    )


def differences(mine: tuple[Report, LoadedRules], other: tuple[Report, LoadedRules]) -> list[str]:
    """A sentence per requirement (matched by track name) whose figures differ."""
    (a, ra), (b, rb) = mine, other
    theirs = {r.track.name: r for r in b.requirements}
    out = []
    for req in a.requirements:
        alt = theirs.pop(req.track.name, None)
        if alt is None:
            out.append(f"{req.track.name}: no such requirement under {rb.rules.name}")
            continue
        same = (req.required, req.counted, req.current.cycle.due, req.state) == (
            alt.required,
            alt.counted,
            alt.current.cycle.due,
            alt.state,
        )
        if not same:
            out.append(
                f"{req.track.name}: under {ra.rules.name} {_words(req, ra.rules.units)}; under "
                f"{rb.rules.name} {_words(alt, rb.rules.units)}"
            )
    out += [f"{name}: a requirement only under {rb.rules.name}" for name in theirs]
    return out


def show(
    out: Out, mine: tuple[Report, LoadedRules], other: tuple[Report, LoadedRules], who: str
) -> None:
    (a, ra), (b, rb) = mine, other
    out.print(
        f"{who}; today {a.today}: the ledger under its own rules ({ra.rules.name}) and under "
        f"{rb.rules.name} (what if; the ledger is not changed)\n"
    )
    rows = [_row(ra.rules.name, r, ra.rules.units) for r in a.requirements]
    rows += [_row(rb.rules.name, r, rb.rules.units) for r in b.requirements]
    if rows:
        out.table(COLUMNS, rows)
    found = differences(mine, other)
    out.print()
    for line in found or ["the same figures and states under both"]:
        out.print(line)


def as_json(mine: tuple[Report, LoadedRules], other: tuple[Report, LoadedRules]) -> dict[str, Any]:
    return {
        "today": data.day(mine[0].today),
        "profiles": [
            {
                "rules": data.rules_summary(loaded),
                "requirements": [status_data.requirement(r) for r in report.requirements],
            }
            for report, loaded in (mine, other)
        ],
        "differences": differences(mine, other),
    }
