"""Which calendar events a ledger makes (`ceclog calendar`, `ceclog team-calendar`): their
days, words, alarms and stable UIDs.  Rendering them as iCalendar is `ceclog.output.ics`.

Every event is all-day.  A UID is `MEANING@IDENTITY.ceclog`: the meaning says which deadline or
class it is (`due-technician-2027-09-14`, `planned-entry-12`), the identity whose ledger it is
(the registrant ID, else `name-` and the holder's name), so the same ledger gives the same UIDs
on every run, and two technicians never share one.  Nothing here depends on the clock: only
on the ledger, the rules and the day given."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.cycles import calendar_start_on_or_after
from ceclog.core.schedule.engine import Report, Requirement
from ceclog.core.schedule.results import to_submit_words

ALARM_DAYS = (90, 30, 7)  # the alarms of every deadline: days before it
MONTHS = "January February March April May June July August September October November December"


class Event(NamedTuple):
    uid: str
    day: dt.date
    summary: str
    description: str
    alarms: tuple[int, ...] = ()  # days before `day`


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and single dashes (accents dropped)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def identity(ledger: Ledger) -> str:
    """Whose events these are, for UIDs: the registrant ID, else `name-` and the name."""
    holder = ledger.holder
    if holder.registrant_id:
        return slug(holder.registrant_id) or f"id-{_digest(holder.registrant_id)}"
    return "name-" + (slug(holder.name) or _digest(holder.name))


def team_identities(ledgers: list[tuple[Ledger, str]]) -> list[str]:
    """The identity of each (ledger, file) of a firm: two ledgers with the same registrant ID or
    name (and none) get their file's digest added, so their UIDs never collide."""
    plain = [identity(ledger) for ledger, _ in ledgers]
    return [
        ident if plain.count(ident) == 1 else f"{ident}-{_digest(file)}"
        for ident, (_, file) in zip(plain, ledgers, strict=True)
    ]


def _key(req: Requirement, rules: Rules) -> str:
    """The requirement in a UID: its track (one pool per holder), else its certification."""
    if rules.pool == "holder":
        return slug(req.track.name)
    return slug(req.certifications[0]) if req.certifications else slug(req.track.name)


def _label(req: Requirement) -> str:
    codes = ", ".join(req.certifications)
    return f"{req.track.name} ({codes})" if codes else req.track.name


def _requirement_events(
    req: Requirement, rules: Rules, ident: str, prefix: str, who: str
) -> list[Event]:
    units, unit = rules.units, rules.unit
    key, label = _key(req, rules), _label(req)
    cur = req.current
    due = cur.cycle.due
    if req.cycle_state == "to_submit" or (cur.met and cur.sent < cur.required):
        left = f"requirement {to_submit_words(cur, rules)}"
    elif cur.met:
        left = "requirement met"
    elif cur.remaining > 0:
        left = f"{fmt(cur.remaining)} still needed"
    else:
        left = "topic minimums still to meet"
    where = (
        f"{who}: {fmt(cur.required)} {units} required for the cycle {cur.cycle.start} to {due}; "
        f"{fmt(cur.counted)} counted, {left}."
    )
    out = [
        Event(
            f"due-{key}-{due}@{ident}.ceclog",
            due,
            f"{prefix}{unit} due date: {label}",
            where + " Submit every certificate before then.",
            ALARM_DAYS,
        )
    ]
    if rules.due_soon_days > 0:
        out.append(
            Event(
                f"due-soon-{key}-{due}@{ident}.ceclog",
                due - dt.timedelta(days=rules.due_soon_days),
                f"{prefix}{units} due in {rules.due_soon_days} days: {label}",
                f"Due {due}. " + where,
            )
        )
    lapse = req.lapse
    if lapse is not None and req.reinstate_by is not None:
        out.append(
            Event(
                f"reinstate-{key}-{lapse.cycle.due}@{ident}.ceclog",
                req.reinstate_by,
                f"{prefix}Last day to renew, else reinstatement: {label}",
                f"{who}: the cycle due {lapse.cycle.due} ended with {lapse.missing(units)} "
                f"missing; after {req.reinstate_by} the certifying body requires "
                "reinstatement instead of renewal.",
                ALARM_DAYS,
            )
        )
    return out


def events(
    ledger: Ledger,
    rules: Rules,
    report: Report,
    *,
    ident: str | None = None,
    team: bool = False,
) -> list[Event]:
    """The events of one ledger, by day then UID.  `team`: each summary names the technician."""
    ident = ident or identity(ledger)
    who = ledger.holder.name
    prefix = f"{who}: " if team else ""
    out: list[Event] = []
    for req in report.requirements:
        if req.exempt is None:  # an exempt holder owes no deadline: none in the calendar
            out += _requirement_events(req, rules, ident, prefix, who)
    for entry in ledger.entries:
        if not entry.planned:
            continue
        value = report.credits[entry.id].value
        by = f" with {entry.provider}" if entry.provider else ""
        out.append(
            Event(
                f"planned-entry-{entry.id}@{ident}.ceclog",
                entry.date,
                f"{prefix}Planned class: {entry.title}",
                f"{who}: entry {entry.id}, {entry.title}{by}: {fmt(value)} {rules.units} "
                f"planned. Once taken: ceclog edit {entry.id} --completed",
            )
        )
    if ledger.holder.fee_due:
        on = calendar_start_on_or_after(report.today, ledger.holder.fee_due)
        out.append(
            Event(
                f"fee-{on.year}@{ident}.ceclog",
                on,
                f"{prefix}Annual renewal fee due",
                f"{who}: the annual renewal fee is due on {MONTHS.split()[on.month - 1]} {on.day} "
                f"(recorded as {ledger.holder.fee_due} with ceclog holder --fee-due).",
                ALARM_DAYS,
            )
        )
    return sorted(out, key=lambda e: (e.day, e.uid))
