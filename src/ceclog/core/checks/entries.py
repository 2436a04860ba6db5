"""Findings about the entries of a ledger: their kinds, codes and amounts, their dates, their
submission, late entries applied to an earlier cycle, and their certificates.  Pure: the
certificates' hashes come in as facts found by the shell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from ceclog.core.checks.entry_rules import future_entry, not_held, planned_past
from ceclog.core.ledger.findings import DataPath, Finding
from ceclog.core.ledger.models import Entry, Evidence, Ledger, Rules
from ceclog.core.schedule.credits import fmt, num

if TYPE_CHECKING:
    from ceclog.core.schedule.engine import Report

UNSUBMITTED_DAYS = 30


class Refused(NamedTuple):
    """An evidence file ceclog will not read, found by the shell in place of its SHA-256: why,
    said after its path ("leads outside the evidence folder, to /etc/passwd")."""

    why: str


FileFacts = Mapping[str, str | Refused | None]  # evidence path -> SHA-256, refusal or missing
REFUSED_HINT = (
    "ceclog reads a certificate only as a file inside the ledger's evidence/ folder: put the "
    "certificate itself there (ceclog attach {id} FILE) and remove this table"
)


def check_entries(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    held = set(ledger.held_codes())
    known = _known_topics(rules)
    one_each = rules.pool == "certification" and rules.entries_per_certification
    for i, entry in enumerate(ledger.entries):
        at = ("entries", i)
        kind = rules.kinds.get(entry.kind)
        if kind is None:
            from ceclog.core.ledger.vocabulary import kind_hint  # a sheet's words: imported late

            close = kind_hint(entry.kind, tuple(rules.kinds))
            message = f"entry {entry.id} has kind {entry.kind!r}, unknown to the {rules.name} rules"
            hint = (close + " " if close else "") + f"kinds: {', '.join(rules.kinds)}"
            out.append(Finding("unknown-kind", message, (*at, "kind"), hint))
        elif kind.fixed is None and entry.hours is None and entry.credits is None:
            message = f"entry {entry.id} records neither hours nor credits"
            hint = f"add hours = ... or credits = ... (ceclog edit {entry.id} --hours H)"
            out.append(Finding("no-amount", message, at, hint))
        if entry.certifications:
            out.extend(_code_findings(entry, held, rules, at))
        if entry.topic_hours or (known and entry.topics):
            out.extend(_topic_findings(entry, rules, at, known))
        if one_each:
            from ceclog.core.schedule.placement import one_certification

            _code, why = one_certification(entry, ledger.certifications, rules, today)
            if why is not None:
                message = f"entry {entry.id} counts toward no certification: {why}"
                hint = f"ceclog edit {entry.id} --cert CODE"
                out.append(Finding("which-certification", message, at, hint))
        dated = future_entry(entry, today, at) or planned_past(entry, today, at)  # one at most
        if dated is not None:
            out.append(dated)
    return out


def _code_findings(entry: Entry, held: set[str], rules: Rules, at: DataPath) -> list[Finding]:
    """The certifications an entry names: unknown to the rules, or not held."""
    out: list[Finding] = []
    for j, code in enumerate(entry.certifications):
        if code not in rules.certifications:
            message = f"entry {entry.id} is for {code}, which the {rules.name} rules do not know"
            from ceclog.core.ledger.vocabulary import unknown_code_hint  # rare: late

            hint = unknown_code_hint(code, rules)
            out.append(Finding("unknown-code", message, (*at, "certifications", j), hint))
    return out + not_held(entry, held, rules.certifications, at)


def entry_warnings(entry: Entry, rules: Rules) -> list[str]:
    """What `add` and `edit` warn about the entry they just wrote: a topic that counts toward
    no minimum (a typo counts nothing, silently), a kind the rules credit with nothing."""
    out = [f"{f.message} ({f.hint})" for f in _topic_findings(entry, rules, ("entries", 0))]
    kind = rules.kinds.get(entry.kind)
    if kind is not None and kind.cap == 0:
        what = f": {kind.description}" if kind.description else ""
        out.append(f"entry {entry.id} is of kind {entry.kind}, which counts nothing{what}")
    zero = _zero_amount(entry, rules)
    if zero is not None:
        out.append(
            f"entry {entry.id} has 0 {zero}, so it counts nothing: did you mean to record it as "
            f"planned (ceclog edit {entry.id} --planned), or give its {zero} "
            f"(ceclog edit {entry.id} --{zero} N)?"
        )
    unit = _stated_in_another_unit(entry, rules)
    if unit is not None:
        out.append(unit)
    return out


def _stated_in_another_unit(entry: Entry, rules: Rules) -> str | None:
    """Credits stated beside hours at less than half or more than twice what the hours make
    under these rules: "21 classroom hours / 3 CECs" is the earlier IICRC unit (1 CEC = 7
    hours), which today's 1 CEC = 1 hour counts as 21.  ceclog counts what the certificate
    states; the user is told, and how to count the hours instead.  (Contact hours a little over
    the credits, breaks included, are ordinary: no word.)"""
    kind = rules.kinds.get(entry.kind)
    if entry.credits is None or not entry.hours or (kind is not None and kind.fixed is not None):
        return None
    by_hours = Fraction(entry.hours) / Fraction(rules.hours_per_credit)
    stated = Fraction(entry.credits)
    if by_hours / 2 <= stated <= by_hours * 2:
        return None
    rate = num(rules.hours_per_credit)
    value = fmt(by_hours)
    return (
        f"entry {entry.id} states {num(entry.credits)} {rules.units} for {num(entry.hours)} h; "
        f"at {rate} h per {rules.unit} the hours make {value}. ceclog counts the "
        f"{num(entry.credits)} stated (the IICRC's earlier unit was 1 CEC = 7 hours); if your "
        f"body counts the hours: ceclog edit {entry.id} --credits {value}"
    )


def _zero_amount(entry: Entry, rules: Rules) -> str | None:
    """`hours` or `credits` when the completed entry gives that amount as 0 and it is what the
    entry counts by (a class of 0 hours counts nothing); None for a kind the rules credit with
    a fixed value (a booth visit counts without hours or credits, 0 or none)."""
    kind = rules.kinds.get(entry.kind)
    if entry.planned or (kind is not None and kind.fixed is not None):
        return None
    if entry.credits == 0:  # stated credits count before hours
        return "credits"
    if entry.hours == 0 and entry.credits is None:
        return "hours"
    return None


def _known_topics(rules: Rules) -> list[str]:
    """The topics the rules' minimums name, sorted."""
    return sorted({name for track in rules.tracks for name in track.topics})


def _topic_findings(
    entry: Entry, rules: Rules, at: DataPath, known: list[str] | None = None
) -> list[Finding]:
    """Hours per topic that add up to more than the entry's hours (the parts never count more
    than the entry does, but one of them is wrong), and, under rules with topic minimums, a
    topic that counts toward none of them (a typo counts nothing, silently).  `known`: the
    rules' `_known_topics`, when the caller has them."""
    out: list[Finding] = []
    split = sum(entry.topic_hours.values(), Decimal(0))
    if entry.topic_hours and entry.hours is not None and split > entry.hours:
        message = (
            f"entry {entry.id}'s hours per topic add up to {num(split)} h, more than its "
            f"{num(entry.hours)} h"
        )
        hint = f"ceclog edit {entry.id} --topic-hours TOPIC=H ... (or --hours H)"
        out.append(Finding("topic-hours-over", message, (*at, "topic_hours"), hint))
    known = _known_topics(rules) if known is None else known
    if not known:
        return out
    seen = set()
    for key, topics in (("topics", list(entry.topics)), ("topic_hours", list(entry.topic_hours))):
        for j, topic in enumerate(topics):
            if rules.topic(topic) in known or topic in seen:
                continue
            seen.add(topic)
            from ceclog.core.ledger.vocabulary import suggest  # rare: imported late

            close = suggest(topic, known)
            message = (
                f"entry {entry.id}'s topic {topic!r} counts toward none of the {rules.name} "
                "rules' topic minimums"
            )
            hint = (close + " " if close else "") + f"topics: {', '.join(known)}"
            path = (*at, key, j) if key == "topics" else (*at, key)
            out.append(Finding("unknown-topic", message, path, hint))
    return out


def check_submission(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    """Dates keep their order: class <= submitted <= posted <= today; completed entries are
    submitted within UNSUBMITTED_DAYS (to a body that takes them as they come: one with a
    submission address)."""
    out: list[Finding] = []
    # a body with no submission address takes certificates with the renewal (Florida, Texas):
    # nothing is late 30 days after a class; `to_submit` says when to send them
    steady = rules.submission_email is not None
    send = ""
    if steady:
        from ceclog.core.schedule.results import send_command

        send = send_command(rules, every_cycle=True)
    # a completed entry dated before `late` is more than UNSUBMITTED_DAYS old
    late = dt.date.min
    if steady and today > dt.date.min + dt.timedelta(days=UNSUBMITTED_DAYS):
        late = today - dt.timedelta(days=UNSUBMITTED_DAYS)
    for i, entry in enumerate(ledger.entries):
        if entry.submitted is None and entry.posted is None:  # not sent (most entries)
            if entry.date < late and not entry.planned:
                days = (today - entry.date).days
                out.append(
                    Finding.later("unsubmitted", ("entries", i), _unsubmitted, entry, days, send)
                )
            continue
        at = ("entries", i)
        for key, day in (("submitted", entry.submitted), ("posted", entry.posted)):
            if day is not None and day > today:
                message = f"entry {entry.id} is {key} {day}, in the future"
                out.append(Finding("date-in-future", message, (*at, key)))
            if day is not None and day < entry.date:
                message = f"entry {entry.id} is {key} {day}, before the class ({entry.date})"
                out.append(Finding("date-order", message, (*at, key)))
        if entry.planned:
            message = f"planned entry {entry.id} is marked submitted"
            hint = f"if you took it: ceclog edit {entry.id} --completed"
            out.append(Finding("planned-submitted", message, (*at, "submitted"), hint))
        if entry.submitted and entry.posted and entry.posted < entry.submitted:
            message = f"entry {entry.id} was posted before it was submitted"
            out.append(Finding("date-order", message, (*at, "posted")))
    return out


def _unsubmitted(entry: Entry, days: int, send: str) -> tuple[str, str]:
    return (
        f"entry {entry.id} ({entry.date}) is not submitted after {days} days",
        f"send it: {send} (or, if already sent: ceclog submit {entry.id} --on DATE)",
    )


def check_evidence(
    ledger: Ledger, hashes: FileFacts | None, report_bare: bool = True
) -> list[Finding]:
    """Completed entries without a certificate (when `report_bare`), and certificates whose
    file is missing, refused (a link out of evidence/, not a file) or whose SHA-256 differs
    from the recorded one (when `hashes` gives what the shell found for each file)."""
    out: list[Finding] = []
    for i, entry in enumerate(ledger.entries):
        if not entry.evidence:
            if report_bare and not entry.planned:
                out.append(Finding.later("no-evidence", ("entries", i), _bare, entry.id))
            continue
        if hashes is None:
            continue
        for j, ev in enumerate(entry.evidence):
            found = evidence_finding(entry, ev, hashes.get(ev.file), ("entries", i, "evidence", j))
            if found is not None:
                out.append(found)
    for i, assertion in enumerate(ledger.assertions if hashes is not None else []):
        for j, ev in enumerate(assertion.evidence):
            actual = (hashes or {}).get(ev.file)
            at = ("assertions", i, "evidence", j)
            if isinstance(actual, Refused):
                message = f"evidence of the assertion of {assertion.date} is refused: {ev.file} "
                hint = "restore the original file inside evidence/, not a link out of it"
                out.append(Finding("evidence-refused", message + actual.why, at, hint))
            elif actual != ev.sha256:
                what = "is missing" if actual is None else "has changed since it was recorded"
                message = f"evidence of the assertion of {assertion.date} {what}: {ev.file}"
                code = "evidence-missing" if actual is None else "evidence-changed"
                out.append(Finding(code, message, at, "restore the original file"))
    return out


def _bare(entry_id: int) -> tuple[str, str]:
    return (
        f"entry {entry_id} has no evidence (certificate) attached",
        f"ceclog attach {entry_id} CERTIFICATE.pdf",
    )


def evidence_finding(
    entry: Entry, ev: Evidence, actual: str | Refused | None, at: DataPath = ()
) -> Finding | None:
    """A certificate of `entry` that is not the one attached: `actual` is what the shell found
    for its file (its SHA-256, a refusal, or None when it is missing)."""
    if isinstance(actual, Refused):
        message = f"evidence of entry {entry.id} is refused: {ev.file} {actual.why}"
        return Finding("evidence-refused", message, at, REFUSED_HINT.format(id=entry.id))
    if actual is None:
        message = f"evidence of entry {entry.id} is missing: {ev.file}"
        hint = "restore the file from a backup, or remove this [[entries.evidence]] table"
        return Finding("evidence-missing", message, at, hint)
    if actual != ev.sha256:
        message = f"evidence of entry {entry.id} has changed since it was attached: {ev.file}"
        hint = (
            "restore the original file; if the new one is right, attach it again and remove the "
            "old record"
        )
        return Finding("evidence-changed", message, at, hint)
    return None


def check_late_entries(
    ledger: Ledger, rules: Rules, today: dt.date, report: Report | None = None
) -> list[Finding]:
    """Entries applied to an earlier cycle (`for_cycle`): planned ones, and dates that name no
    earlier cycle (the schedule changed since), which then count by their own date.  `report`:
    the ledger's evaluation, when the caller has it."""
    late = [(i, e) for i, e in enumerate(ledger.entries) if e.for_cycle is not None]
    if not late:
        return []
    if report is None:
        from ceclog.core.schedule.engine import evaluate

        report = evaluate(ledger, rules, today)
    out: list[Finding] = []
    for i, entry in late:
        at = ("entries", i, "for_cycle")
        placement = report.placements[entry.id]
        assert entry.for_cycle is not None
        if entry.planned:
            message = f"planned entry {entry.id} is applied to the cycle ending {entry.for_cycle}"
            hint = f"once taken: ceclog edit {entry.id} --completed"
            out.append(Finding("late-planned", message, at, hint))
        elif entry.date <= entry.for_cycle:
            message = (
                f"entry {entry.id} is applied to the cycle ending {entry.for_cycle}, but is "
                f"dated {entry.date}, not after it: it counts toward the cycle of its date"
            )
            hint = f"remove for_cycle: ceclog edit {entry.id} --clear for_cycle"
            out.append(Finding("late-entry-inside", message, at, hint))
        elif entry.date > today:
            message = (
                f"entry {entry.id} is applied to the cycle ending {entry.for_cycle} but dated "
                f"{entry.date}, after today: it counts toward no cycle until then"
            )
            hint = "a class makes up for a lapse once taken: give it the day you took it"
            out.append(Finding("late-in-future", message, at, hint))
        elif placement.cycle_due != entry.for_cycle or (
            placement.note and "names no earlier cycle" in placement.note
        ):
            where = f"ending {placement.cycle_due}" if placement.cycle_due else "of its date"
            message = (
                f"entry {entry.id} is applied to the cycle ending {entry.for_cycle}, but no "
                f"earlier cycle ends that day now: it counts toward the cycle {where}"
            )
            hint = (
                f"remove for_cycle (ceclog edit {entry.id} --clear for_cycle), or apply it "
                f"again: ceclog edit {entry.id} --for-cycle previous"
            )
            out.append(Finding("late-entry-moved", message, at, hint))
    return out
