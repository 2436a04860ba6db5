"""What an export contains: the holder, the rules, each requirement and the entries of the
period, with what each entry counts.  Pure: built from (ledger, rules, today); every format
(csv, json, md, html, pdf, eml) renders the same Transcript."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ceclog.engine import Credit, Report, Requirement, evaluate
from ceclog.errors import InputError
from ceclog.models import Entry, Ledger, Rules

Cycle = Literal["current", "previous", "all"]


@dataclass(frozen=True)
class Row:
    entry: Entry
    credit: Credit

    @property
    def counted(self) -> Decimal:
        return self.credit.value


@dataclass(frozen=True)
class Transcript:
    today: dt.date
    ledger: Ledger
    rules: Rules
    rules_path: str
    report: Report
    period: str  # in words: "current cycle, 2023-09-15 to 2027-09-14"
    rows: tuple[Row, ...]

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.report.requirements

    @property
    def total(self) -> Decimal:
        return sum((row.counted for row in self.rows), Decimal(0))

    def certification_title(self, code: str) -> str:
        return self.rules.certifications.get(code, code)


def _windows(report: Report, cycle: Cycle) -> list[tuple[dt.date, dt.date]]:
    windows = []
    for req in report.requirements:
        result = req.current if cycle == "current" else req.previous
        if result is not None:
            windows.append((result.cycle.start, result.cycle.due))
    return windows


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
    """The completed entries of the chosen cycle (planned ones are not credits yet)."""
    report = evaluate(ledger, rules, today)
    entries = [e for e in ledger.entries if not e.planned]
    if cycle == "all":
        period = "all entries"
    else:
        windows = _windows(report, cycle)
        if not windows:
            raise InputError(
                f"there is no {cycle} cycle: "
                + (
                    "no certification with a requirement is recorded"
                    if not report.requirements
                    else "the first cycle is the current one"
                ),
                hint="use --cycle all to export every entry",
            )
        entries = [e for e in entries if any(a <= e.date <= b for a, b in windows)]
        period = f"{cycle} cycle, " + "; ".join(f"{a} to {b}" for a, b in windows)
    if unsubmitted:
        entries = [e for e in entries if e.submitted is None]
        period += ", not yet submitted"
    if cert is not None:
        entries = [e for e in entries if cert in e.certifications]
        period += f", for {cert}"
    rows = tuple(
        Row(e, report.credits[e.id]) for e in sorted(entries, key=lambda e: (e.date, e.id))
    )
    return Transcript(today, ledger, rules, rules_path, report, period, rows)
