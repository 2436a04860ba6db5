"""What an export contains: the holder, the rules, each requirement and the entries of the
period, with what each entry counts.  Pure: built from (ledger, rules, today); every format
(csv, json, md, html, pdf, eml) renders the same Transcript."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ceclog.credits import Credit
from ceclog.engine import CycleResult, Report, Requirement, evaluate
from ceclog.errors import InputError
from ceclog.models import Entry, Ledger, Rules

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

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.report.requirements

    @property
    def total(self) -> Decimal:
        return sum((row.counted for row in self.rows), Decimal(0))

    def certification_title(self, code: str) -> str:
        return self.rules.certifications.get(code, code)


def _summaries(report: Report, cycle: Cycle) -> list[Summary]:
    out = []
    for req in report.requirements:
        if cycle == "previous":
            if req.previous is not None:
                out.append(Summary(req, req.previous, ended=True))
        else:
            out.append(Summary(req, req.current, ended=False))
    return out


def build(
    ledger: Ledger,
    rules: Rules,
    rules_path: str,
    today: dt.date,
    *,
    cycle: Cycle = "current",
    unsubmitted: bool = False,
    cert: str | None = None,
) -> Transcript:
    """The completed entries of the chosen cycle: those that count toward it, late entries
    applied to it included (planned ones are not credits yet).  `all`: every completed entry,
    with the figures of the current cycle."""
    report = evaluate(ledger, rules, today)
    entries = [e for e in ledger.entries if not e.planned]
    summaries = _summaries(report, cycle)
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
    return Transcript(today, ledger, rules, rules_path, report, period, rows, tuple(summaries))
