"""Findings about a valid ledger read against its rules: pure functions returning values.

Each check is `check_x(ledger, rules, today) -> list[Finding]`, registered in CHECKS; every
finding has a code of `findings.CODES` and names the data path it is about
(`("entries", 3, "kind")`); the shell locates it as `file:line`.  This module checks the holder
and the certifications; `entries` the entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ceclog.core.checks.certifications import future_certification
from ceclog.core.checks.duplicates import check_duplicates
from ceclog.core.checks.entries import (
    FileFacts,
    check_entries,
    check_evidence,
    check_late_entries,
    check_submission,
)
from ceclog.core.ledger.findings import ERROR_CODES, DataPath, Finding
from ceclog.core.ledger.models import Certification, Ledger, Rules
from ceclog.core.ledger.vocabulary import unknown_code_hint
from ceclog.core.schedule.exemptions import check_exemptions

if TYPE_CHECKING:
    from ceclog.core.schedule.engine import Report


class Facts(NamedTuple):
    """What the shell found on disk: the SHA-256 of each evidence file the ledger names
    (None when missing, `Refused` when it is not read).  Without facts, evidence files are not
    checked."""

    evidence: FileFacts | None = None


def earliest_held(ledger: Ledger, rules: Rules, today: dt.date) -> Certification | None:
    """The certification with a requirement earned first (by today; ended since or not: it
    anchored the schedule while it was held)."""
    held = [c for c in ledger.certifications if rules.track_of(c.code) and c.earned <= today]
    return min(held, key=lambda c: c.earned, default=None)


def check_certifications(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for i, cert in enumerate(ledger.certifications):
        at = ("certifications", i)
        if cert.code not in rules.certifications:
            message = f"certification {cert.code} is not known to the {rules.name} rules"
            hint = unknown_code_hint(cert.code, rules)
            out.append(Finding("unknown-code", message, (*at, "code"), hint))
        future = future_certification(cert, today, at)
        if future is not None:
            out.append(future)
        if cert.ended is not None and cert.ended <= cert.earned:
            message = (
                f"certification {cert.code} ends on {cert.ended}, not after it was earned "
                f"({cert.earned})"
            )
            hint = "ended is the first day it is no longer held; fix it or remove the key"
            out.append(Finding("ended-before-earned", message, (*at, "ended"), hint))
        if rules.pool == "certification" and rules.track_of(cert.code):
            out += _notice(cert.cec_due, cert.cec_due_noted, cert, today, at, None)
        elif cert.cec_due is not None or cert.cec_due_noted is not None:
            message = (
                f"certification {cert.code} has a cec_due, which the {rules.name} rules do not "
                "use: one requirement covers all your certifications"
            )
            hint = (
                "record the renewal notice's date with `ceclog holder --cec-due DATE`, and "
                "remove it here"
            )
            key = "cec_due" if cert.cec_due else "cec_due_noted"
            out.append(Finding("unused-cec-due", message, (*at, key), hint))
    return out


def check_holder(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    holder = ledger.holder
    if holder.tracking_since > today:
        message = f"tracking_since is {holder.tracking_since}, in the future"
        out.append(Finding("tracking-in-future", message, ("holder", "tracking_since")))
    first = earliest_held(ledger, rules, today)
    command = "ceclog holder --cec-due"
    out += _notice(holder.cec_due, holder.cec_due_noted, first, today, ("holder",), command)
    if not any(rules.track_of(c.code) for c in ledger.certifications):
        message = "no certification with a continuing-education requirement is recorded"
        at = ("certifications",) if ledger.certifications else ("holder",)
        hint = "add one with `ceclog cert add CODE --earned DATE`"
        out.append(Finding("no-requirement", message, at, hint))
    return out


def _notice(
    due: dt.date | None,
    noted: dt.date | None,
    first: Certification | None,
    today: dt.date,
    at: DataPath,
    command: str | None,
) -> list[Finding]:
    """A renewal notice's due date and the day it was noted (holder or certification)."""
    out: list[Finding] = []
    if due is not None and first is not None and due <= first.earned:
        message = (
            f"the renewal notice's due date {due} is not after {first.code} was earned "
            f"({first.earned})"
        )
        hint = "check the date on the notice, or the earned date"
        out.append(Finding("notice-before-earned", message, (*at, "cec_due"), hint))
    if due is not None and noted is None:
        how = f"`{command} {due}` records today" if command else "add cec_due_noted = DATE"
        message = (
            f"cec_due = {due} does not say when the notice was noted: its cycle is placed as "
            "if noted today (it may move as days pass), and designations are taken as earned "
            "after it (the earlier deadline)"
        )
        hint = f"record the day the notice was issued: {how}, or write cec_due_noted = DATE"
        out.append(Finding("notice-not-noted", message, (*at, "cec_due"), hint))
    if noted is not None and noted > today:
        message = f"cec_due_noted is {noted}, in the future"
        out.append(Finding("noted-in-future", message, (*at, "cec_due_noted")))
    return out


CHECKS: list[Callable[[Ledger, Rules, dt.date], list[Finding]]] = [
    check_holder,
    check_certifications,
    check_exemptions,
    check_entries,
    check_duplicates,
    check_submission,
]


@dataclass
class Checked:
    """The findings about a ledger and its evaluation: the one the checks that need it made
    (assertions, late entries), else made when first asked for; either way made once, so a
    command that checks a ledger and then shows its figures evaluates it once."""

    findings: list[Finding]
    ledger: Ledger
    rules: Rules
    today: dt.date
    made: Report | None = None

    @property
    def report(self) -> Report:
        if self.made is None:
            from ceclog.core.schedule.engine import evaluate

            self.made = evaluate(self.ledger, self.rules, self.today)
        return self.made

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.code in ERROR_CODES or f.strict]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not (f.code in ERROR_CODES or f.strict)]


def check_ledger(
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
    facts: Facts | None = None,
    codes: set[str] | None = None,
) -> Checked:
    """Every finding (only those of `codes`, when given), with the ledger's evaluation."""
    found = [finding for check in CHECKS for finding in check(ledger, rules, today)]
    report = None
    if ledger.assertions or any(e.for_cycle is not None for e in ledger.entries):
        # the checks that need the ledger's evaluation (imported only then: most ledgers have
        # neither, and every command's start-up would pay for the engine and reconcile)
        from ceclog.core.checks.assertions import check_assertions
        from ceclog.core.schedule.engine import evaluate

        report = evaluate(ledger, rules, today)
        found += check_late_entries(ledger, rules, today, report)
        found += check_assertions(ledger, rules, today, report)
    found += check_evidence(ledger, (facts or Facts()).evidence)
    found = found if codes is None else [f for f in found if f.code in codes]
    return Checked(found, ledger, rules, today, report)


def run_checks(
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
    facts: Facts | None = None,
    codes: set[str] | None = None,
) -> list[Finding]:
    """Every finding (only those of `codes`, when given)."""
    return check_ledger(ledger, rules, today, facts, codes).findings
