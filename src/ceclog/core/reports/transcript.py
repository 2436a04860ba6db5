"""What an export contains: the holder, the rules, each requirement and the entries of the
period, with what each entry counts.  Pure: built from (ledger, rules, today); every format
(csv, json, md, html, pdf, eml) renders the same Transcript."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ceclog.core.ledger.models import Certification, Entry, Ledger, Rules
from ceclog.core.schedule.credits import Credit
from ceclog.core.schedule.engine import CycleResult, Report, Requirement, evaluate
from ceclog.errors import InputError

Cycle = Literal["current", "previous", "all"]


@dataclass(frozen=True)
class Row:
    entry: Entry
    credit: Credit  # what the class is worth under the rules
    counted: Decimal  # what it counts toward a cycle (0 when it counts toward none)
    explanation: str


@dataclass(frozen=True)
class Summary:
    """One requirement over the exported period: the figures of the exported cycle."""

    requirement: Requirement
    result: CycleResult
    ended: bool  # a past cycle (its figures are final), not the running one
    covers: tuple[str, ...]  # the certifications with a requirement held during that cycle
    before: CycleResult | None  # the cycle before the exported one

    @property
    def judged(self) -> bool:
        return self.result.cycle.judged


@dataclass(frozen=True)
class Transcript:
    today: dt.date
    ledger: Ledger
    rules: Rules
    rules_path: str
    report: Report
    period: str  # in words: "current cycle, 2023-09-15 to 2027-09-14"
    rows: tuple[Row, ...]
    summaries: tuple[Summary, ...]
    certifications: tuple[Certification, ...]  # those held during the exported period

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.report.requirements

    @property
    def total(self) -> Decimal:
        return sum((row.counted for row in self.rows), Decimal(0))

    def certification_title(self, code: str) -> str:
        return self.rules.certifications.get(code, code)


def held_during(
    ledger: Ledger, start: dt.date, end: dt.date, today: dt.date
) -> tuple[Certification, ...]:
    """The certifications held at some time from `start` to `end` (and by today)."""
    return tuple(
        c
        for c in ledger.certifications
        if c.earned <= min(end, today) and (c.ended is None or c.ended > start)
    )


def _summaries(report: Report, cycle: Cycle, ledger: Ledger, rules: Rules) -> list[Summary]:
    out = []
    for req in report.requirements:
        index = len(req.history) - (2 if cycle == "previous" else 1)
        if index < 0:
            continue
        result = req.history[index]
        held = held_during(ledger, result.cycle.start, result.cycle.due, report.today)
        covers = tuple(
            c.code for c in held if rules.track_of(c.code) and c.code in _codes(req, ledger)
        )
        before = req.history[index - 1] if index > 0 else None
        out.append(Summary(req, result, cycle == "previous", covers, before))
    return out


def _codes(req: Requirement, ledger: Ledger) -> set[str]:
    """The codes a requirement is about (with the certification pool: its own one)."""
    if len(req.certifications) == 1 and len(ledger.certifications) > 1:
        return set(req.certifications)
    return {c.code for c in ledger.certifications}


def build(
    ledger: Ledger,
    rules: Rules,
    rules_path: str,
    today: dt.date,
    *,
    cycle: Cycle = "current",
    unsubmitted: bool = False,
    cert: str | None = None,
    report: Report | None = None,
) -> Transcript:
    """The completed entries of the chosen cycle: those that count toward it, late entries
    applied to it included (planned ones are not credits yet).  `all`: every completed entry,
    with the figures of the current cycle.  `report`: the ledger's evaluation, when the caller
    has it."""
    report = report or evaluate(ledger, rules, today)
    entries = [e for e in ledger.entries if not e.planned]
    summaries = _summaries(report, cycle, ledger, rules)
    if cycle == "all":
        period = "all entries"
    else:
        if not summaries:
            raise InputError(
                f"there is no {cycle} cycle: "
                + (
                    "no certification with a requirement is held"
                    if not report.requirements
                    else "the first cycle is the current one"
                ),
                hint="use --cycle all to export every entry",
            )
        ids = {i for s in summaries for i in s.result.counted_ids}
        entries = [e for e in entries if e.id in ids]
        period = f"{cycle} cycle, " + "; ".join(
            f"{s.result.cycle.start} to {s.result.cycle.due}" for s in summaries
        )
    if unsubmitted:
        entries = [e for e in entries if e.submitted is None]
        period += ", not yet submitted"
    if cert is not None:
        entries = [e for e in entries if cert in e.certifications]
        period += f", for {cert}"
    rows = tuple(
        Row(e, report.credits[e.id], report.counted(e.id), report.explanation(e.id))
        for e in sorted(entries, key=lambda e: (e.date, e.id))
    )
    if cycle == "all":
        held = held_during(ledger, dt.date.min, today, today)
    elif cycle == "previous":
        held = held_during(
            ledger,
            min(s.result.cycle.start for s in summaries),
            max(s.result.cycle.due for s in summaries),
            today,
        )
    else:
        held = held_during(ledger, today, today, today)
    return Transcript(
        today, ledger, rules, rules_path, report, period, rows, tuple(summaries), held
    )


def marked_submitted(ledger: Ledger, t: Transcript, today: dt.date) -> Ledger:
    """The ledger after `export --mark-submitted`: the exported entries not submitted yet are
    submitted today (those already submitted keep their date)."""
    from dataclasses import replace

    ids = {row.entry.id for row in t.rows if row.entry.submitted is None}
    entries = [replace(e, submitted=today) if e.id in ids else e for e in ledger.entries]
    return replace(ledger, entries=entries)
