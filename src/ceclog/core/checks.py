"""Findings about a valid ledger read against its rules: pure functions returning values.

Each check is `check_x(ledger, rules, today) -> list[Finding]`, registered in CHECKS.  A finding
names the data path it is about (`("entries", 3, "kind")`); the shell turns it into a line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple

from ceclog.core.models import Certification, Ledger, Rules
from ceclog.core.operations import earliest_held

Path = tuple[str | int, ...]


class Finding(NamedTuple):
    severity: Literal["error", "warning"]
    message: str
    path: Path
    hint: str | None = None
    code: str = ""  # a stable name for the kind of finding, e.g. "no-evidence"


class Facts(NamedTuple):
    """What the shell found on disk: the SHA-256 of each evidence file the ledger names
    (None when missing).  Without facts, evidence files are not checked."""

    evidence: Mapping[str, str | None] | None = None


UNSUBMITTED_DAYS = 30


def suggest(value: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.upper(), [k.upper() for k in known], n=3, cutoff=0.5)
    close = [k for k in known if k.upper() in close]
    return f"did you mean {' or '.join(close)}?" if close else ""


def unknown_code_hint(code: str, rules: Rules) -> str:
    close = suggest(code, list(rules.certifications))
    return (close + " " if close else "") + f"every code: ceclog rules show {rules.name}"


def check_codes(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    held = set(ledger.held_codes())
    for i, cert in enumerate(ledger.certifications):
        if cert.code not in rules.certifications:
            out.append(
                Finding(
                    "error",
                    f"certification {cert.code} is not known to the {rules.name} rules",
                    ("certifications", i, "code"),
                    unknown_code_hint(cert.code, rules),
                )
            )
        if cert.earned > today:
            out.append(
                Finding(
                    "warning",
                    f"certification {cert.code} is dated {cert.earned}, in the future: it is "
                    "not held yet and changes nothing until then",
                    ("certifications", i, "earned"),
                    code="future-certification",
                )
            )
        if cert.ended is not None and cert.ended <= cert.earned:
            out.append(
                Finding(
                    "error",
                    f"certification {cert.code} ends on {cert.ended}, not after it was earned "
                    f"({cert.earned})",
                    ("certifications", i, "ended"),
                    "ended is the first day it is no longer held; fix it or remove the key",
                    "ended-before-earned",
                )
            )
    for i, entry in enumerate(ledger.entries):
        for j, code in enumerate(entry.certifications):
            if code not in rules.certifications:
                out.append(
                    Finding(
                        "error",
                        f"entry {entry.id} is for {code}, which the {rules.name} rules do not know",
                        ("entries", i, "certifications", j),
                        unknown_code_hint(code, rules),
                    )
                )
            elif code not in held:
                out.append(
                    Finding(
                        "warning",
                        f"entry {entry.id} is for {code}, a certification you do not hold",
                        ("entries", i, "certifications", j),
                        f"record it with `ceclog cert add {code} --earned DATE`",
                    )
                )
    return out


def check_entries(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for i, entry in enumerate(ledger.entries):
        kind = rules.kinds.get(entry.kind)
        if kind is None:
            hint = suggest(entry.kind, list(rules.kinds))
            out.append(
                Finding(
                    "error",
                    f"entry {entry.id} has kind {entry.kind!r}, unknown to the {rules.name} rules",
                    ("entries", i, "kind"),
                    (hint + " " if hint else "") + f"kinds: {', '.join(rules.kinds)}",
                )
            )
        elif kind.fixed is None and entry.hours is None and entry.credits is None:
            out.append(
                Finding(
                    "error",
                    f"entry {entry.id} records neither hours nor credits",
                    ("entries", i),
                    f"add hours = ... or credits = ... (ceclog edit {entry.id} --hours H)",
                )
            )
        if not entry.planned and entry.date > today:
            out.append(
                Finding(
                    "warning",
                    f"entry {entry.id} is completed but dated {entry.date}, in the future",
                    ("entries", i, "date"),
                    f"fix the date, or mark it planned: ceclog edit {entry.id} --planned",
                )
            )
        if entry.planned and entry.date < today:
            out.append(
                Finding(
                    "warning",
                    f"planned entry {entry.id} was due on {entry.date}: it does not count yet",
                    ("entries", i, "planned"),
                    f"taken? ceclog edit {entry.id} --completed; else ceclog rm {entry.id}",
                )
            )
    return out


def check_holder(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    if ledger.holder.tracking_since > today:
        out.append(
            Finding(
                "warning",
                f"tracking_since is {ledger.holder.tracking_since}, in the future",
                ("holder", "tracking_since"),
            )
        )
    out += _notice_findings(
        ledger.holder.cec_due,
        ledger.holder.cec_due_noted,
        earliest_held(ledger, rules, today),
        today,
        ("holder",),
        "ceclog holder --cec-due",
    )
    for i, cert in enumerate(ledger.certifications):
        if rules.pool == "certification" and rules.track_of(cert.code):
            out += _notice_findings(
                cert.cec_due, cert.cec_due_noted, cert, today, ("certifications", i), None
            )
        elif cert.cec_due is not None or cert.cec_due_noted is not None:
            out.append(
                Finding(
                    "warning",
                    f"certification {cert.code} has a cec_due, which the {rules.name} rules do "
                    "not use: one requirement covers all your certifications",
                    ("certifications", i, "cec_due" if cert.cec_due else "cec_due_noted"),
                    "record the renewal notice's date with `ceclog holder --cec-due DATE`, and "
                    "remove it here",
                    "unused-cec-due",
                )
            )
    if not any(rules.track_of(c.code) for c in ledger.certifications):
        out.append(
            Finding(
                "warning",
                "no certification with a continuing-education requirement is recorded",
                ("certifications",) if ledger.certifications else ("holder",),
                "add one with `ceclog cert add CODE --earned DATE`",
            )
        )
    return out


def _notice_findings(
    due: dt.date | None,
    noted: dt.date | None,
    first: Certification | None,
    today: dt.date,
    where: Path,
    command: str | None,
) -> list[Finding]:
    """A renewal notice's due date and the day it was noted (holder or certification)."""
    out: list[Finding] = []
    if due is not None and first is not None and due <= first.earned:
        out.append(
            Finding(
                "error",
                f"the renewal notice's due date {due} is not after {first.code} was earned "
                f"({first.earned})",
                (*where, "cec_due"),
                "check the date on the notice, or the earned date",
                "notice-before-earned",
            )
        )
    if due is not None and noted is None:
        how = f"`{command} {due}` records today" if command else "add cec_due_noted = DATE"
        out.append(
            Finding(
                "warning",
                f"cec_due = {due} does not say when the notice was noted, so it is taken as "
                "noted on your first earned date",
                (*where, "cec_due"),
                f"record the day the notice was issued: {how}, or write cec_due_noted = DATE",
                "notice-not-noted",
            )
        )
    if noted is not None and noted > today:
        out.append(
            Finding(
                "warning",
                f"cec_due_noted is {noted}, in the future",
                (*where, "cec_due_noted"),
                code="noted-in-future",
            )
        )
    return out


def check_submission(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for i, entry in enumerate(ledger.entries):
        for key in ("submitted", "posted"):
            day = getattr(entry, key)
            if day is not None and day > today:
                out.append(
                    Finding(
                        "warning",
                        f"entry {entry.id} is {key} {day}, in the future",
                        ("entries", i, key),
                    )
                )
        if entry.planned and (entry.submitted or entry.posted):
            out.append(
                Finding(
                    "warning",
                    f"planned entry {entry.id} is marked submitted",
                    ("entries", i, "submitted"),
                    f"if you took it: ceclog edit {entry.id} --completed",
                )
            )
        for key in ("submitted", "posted"):
            day = getattr(entry, key)
            if day is not None and day < entry.date:
                out.append(
                    Finding(
                        "warning",
                        f"entry {entry.id} is {key} {day}, before the class ({entry.date})",
                        ("entries", i, key),
                        code="date-order",
                    )
                )
        if entry.submitted and entry.posted and entry.posted < entry.submitted:
            out.append(
                Finding(
                    "warning",
                    f"entry {entry.id} was posted before it was submitted",
                    ("entries", i, "posted"),
                )
            )
        if (
            not entry.planned
            and entry.submitted is None
            and entry.posted is None
            and (today - entry.date).days > UNSUBMITTED_DAYS
        ):
            out.append(
                Finding(
                    "warning",
                    f"entry {entry.id} ({entry.date}) is not submitted after "
                    f"{(today - entry.date).days} days",
                    ("entries", i),
                    "send it: ceclog export --format eml --cycle all --unsubmitted "
                    "--mark-submitted "
                    f"(or, if already sent: ceclog submit {entry.id} --on DATE)",
                    "unsubmitted",
                )
            )
    return out


def check_evidence(ledger: Ledger, facts: Facts, report_bare: bool = True) -> list[Finding]:
    """Completed entries without a certificate (when `report_bare`), and certificates whose
    file is missing or whose SHA-256 differs from the recorded one (when `facts` has them)."""
    out: list[Finding] = []
    for i, entry in enumerate(ledger.entries):
        if report_bare and not entry.planned and not entry.evidence:
            out.append(
                Finding(
                    "warning",
                    f"entry {entry.id} has no evidence (certificate) attached",
                    ("entries", i),
                    f"ceclog attach {entry.id} CERTIFICATE.pdf",
                    "no-evidence",
                )
            )
        if facts.evidence is None:
            continue
        for j, ev in enumerate(entry.evidence):
            actual = facts.evidence.get(ev.file)
            if actual is None:
                out.append(
                    Finding(
                        "error",
                        f"evidence of entry {entry.id} is missing: {ev.file}",
                        ("entries", i, "evidence", j),
                        "restore the file from a backup, or remove this [[entries.evidence]] table",
                        "evidence-missing",
                    )
                )
            elif actual != ev.sha256:
                out.append(
                    Finding(
                        "error",
                        f"evidence of entry {entry.id} has changed since it was "
                        f"attached: {ev.file}",
                        ("entries", i, "evidence", j),
                        "restore the original file; if the new one is right, attach it "
                        "again and remove the old record",
                        "evidence-changed",
                    )
                )
    return out


def check_late_entries(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    """Entries applied to an earlier cycle (`for_cycle`): planned ones, and dates that name no
    earlier cycle (the schedule changed since), which then count by their own date."""
    late = [(i, e) for i, e in enumerate(ledger.entries) if e.for_cycle is not None]
    if not late:
        return []
    from ceclog.core.engine import evaluate

    report = evaluate(ledger, rules, today)
    out: list[Finding] = []
    for i, entry in late:
        placement = report.placements[entry.id]
        if entry.planned:
            out.append(
                Finding(
                    "warning",
                    f"planned entry {entry.id} is applied to the cycle ending {entry.for_cycle}",
                    ("entries", i, "for_cycle"),
                    f"once taken: ceclog edit {entry.id} --completed",
                    "late-planned",
                )
            )
        elif placement.cycle_due != entry.for_cycle or (
            placement.note and "names no earlier cycle" in placement.note
        ):
            out.append(
                Finding(
                    "warning",
                    f"entry {entry.id} is applied to the cycle ending {entry.for_cycle}, but no "
                    "earlier cycle ends that day now: it counts toward the cycle "
                    + (f"ending {placement.cycle_due}" if placement.cycle_due else "of its date"),
                    ("entries", i, "for_cycle"),
                    f"remove for_cycle (ceclog edit {entry.id} --clear for_cycle), or apply it "
                    f"again: ceclog edit {entry.id} --for-cycle previous",
                    "late-entry-moved",
                )
            )
    return out


CHECKS: list[Callable[[Ledger, Rules, dt.date], list[Finding]]] = [
    check_holder,
    check_codes,
    check_entries,
    check_submission,
    check_late_entries,
]


def run_checks(
    ledger: Ledger, rules: Rules, today: dt.date, facts: Facts | None = None
) -> list[Finding]:
    found = [finding for check in CHECKS for finding in check(ledger, rules, today)]
    return found + check_evidence(ledger, facts or Facts())
