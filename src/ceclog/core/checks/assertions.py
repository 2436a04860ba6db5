"""The ledger's `[[assertions]]` (what the body's account showed, `reconcile --record`): each
must name one requirement the rules know, and each is evaluated again, in date order, so that
an edit that breaks an old reconciliation is caught (`assertion-failed`).  And the nudge
`status` gives when it is time to check against the body's record again."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import Assertion, Ledger, Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report, evaluate

if TYPE_CHECKING:
    from ceclog.core.reconcile.compare import Target

NUDGE_AFTER_DAYS = 90  # an assertion older than this, with entries submitted since
NUDGE_DUE_DAYS = 180  # no assertion at all, and the due date this close


def check_assertions(
    ledger: Ledger, rules: Rules, today: dt.date, report: Report | None = None
) -> list[Finding]:
    if not ledger.assertions:
        return []
    from ceclog.core.reconcile.compare import figure, find_target, option_of, signed

    out: list[Finding] = []
    report = report or evaluate(ledger, rules, today)
    order = sorted(range(len(ledger.assertions)), key=lambda i: ledger.assertions[i].date)
    for i in order:
        assertion = ledger.assertions[i]
        at = ("assertions", i)
        target = find_target(report, rules, ledger, assertion.track, assertion.cert)
        if isinstance(target, str):
            key = "cert" if assertion.cert else "track" if assertion.track else None
            code = "unknown-code" if "not known" in target and assertion.cert else "invalid-value"
            hint = "an assertion names one requirement: track = NAME or cert = CODE"
            out.append(
                Finding(
                    code,
                    f"assertion of {assertion.date}: {target}",
                    (*at, key) if key else at,
                    hint,
                )
            )
            continue
        # the figure alone: the explanations (a search) are for `ceclog reconcile` to show
        posted = figure(report, target.requirement, ledger, assertion.date).posted
        difference = assertion.posted - posted
        if difference == 0:
            continue
        units = rules.units
        message = (
            f"assertion of {assertion.date} ({target.label}): the body showed "
            f"{fmt(assertion.posted)} {units} posted, ceclog counts {fmt(posted)} "
            f"posted by then: a difference of {signed(difference)}"
        )
        hint = (
            "an entry edited since is the likely cause (ceclog undo, if it was the last "
            f"change); see what explains it: ceclog reconcile {option_of(assertion)} "
            f"--portal {fmt(assertion.posted)} --on {assertion.date}"
        )
        out.append(Finding("assertion-failed", message, (*at, "posted"), hint))
    return out


def nudges(ledger: Ledger, rules: Rules, report: Report, today: dt.date) -> list[str]:
    """For `status`: a requirement whose last assertion is over NUDGE_AFTER_DAYS old with
    entries submitted since, or that has none while its due date is within NUDGE_DUE_DAYS."""
    out: list[str] = []
    targets: list[tuple[Assertion, Target | str]] = []
    if ledger.assertions:
        from ceclog.core.reconcile.compare import find_target

        targets = [
            (a, find_target(report, rules, ledger, a.track, a.cert)) for a in ledger.assertions
        ]
    for requirement in report.requirements:
        past = [
            a
            for a, target in targets
            if not isinstance(target, str) and target.requirement is requirement and a.date <= today
        ]
        holder = rules.pool == "holder"
        name = requirement.track.name if holder else requirement.certifications[0]
        option = f"--track {name}" if holder else f"--cert {name}"
        command = f"ceclog reconcile {option} --portal N"
        if past:
            last = max(a.date for a in past)
            counted = {i for cycle in requirement.history for i in cycle.counted_ids}
            since = [
                e
                for e in ledger.entries
                if e.id in counted and e.submitted is not None and e.submitted > last
            ]
            age = (today - last).days
            if since and age > NUDGE_AFTER_DAYS:
                out.append(
                    f"{name}: entries were submitted since you last checked ceclog against the "
                    f"body's record ({last}, {age} days ago): {command} (N: what its account "
                    "shows as posted)"
                )
        elif 0 <= requirement.days_left <= NUDGE_DUE_DAYS:
            out.append(
                f"{name}: due in {requirement.days_left} days, and ceclog was never checked "
                f"against the body's record: {command} (N: what its account shows as posted)"
            )
    return out
