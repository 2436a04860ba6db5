"""When a change to the ledger is allowed: the rules the commands apply before they write, as
pure functions that raise `InputError` with the reason and the remedy.  The command line only
calls them, so each rule can be tested without it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from ceclog.core.checks.ledger import earliest_held, run_checks
from ceclog.core.ledger.fields import check_dates
from ceclog.core.ledger.models import Certification, Entry, Ledger, Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import Report, evaluate
from ceclog.errors import InputError


def no_new_errors(
    old: Ledger, new: Ledger, rules: Rules, today: dt.date, new_rules: Rules | None = None
) -> None:
    """A change must not introduce an error (an unknown code, kind...), under the rules the
    ledger will have (`new_rules`, when the change switches them); errors it already had do not
    block it (the user may be fixing one at a time).  The old ledger is checked only when the
    new one has an error: most changes leave none, and a check reads every entry."""
    before: set[str] | None = None
    for finding in run_checks(new, new_rules or rules, today):
        if finding.severity != "error":
            continue
        if before is None:
            before = {f.message for f in run_checks(old, rules, today) if f.severity == "error"}
        if finding.message not in before:
            raise InputError(finding.message, hint=finding.hint)


def check_notice(ledger: Ledger, rules: Rules, due: dt.date, today: dt.date) -> None:
    """A renewal notice's due date cannot come before the first certification it renews."""
    first = earliest_held(ledger, rules, today)
    if first is not None and due <= first.earned:
        raise InputError(
            f"the renewal notice's due date {due} is not after {first.code} was earned "
            f"({first.earned})",
            hint="check the date on the notice (YYYY-MM-DD), or the earned date (ceclog cert list)",
        )


def end_certification(cert: Certification, on: dt.date) -> Certification:
    if on <= cert.earned:
        raise InputError(
            f"{cert.code} was earned on {cert.earned}: it cannot end on {on}",
            hint="the end date is the first day it is no longer held, after the earned date",
        )
    if cert.ended is not None:
        raise InputError(
            f"{cert.code} already ended on {cert.ended}",
            hint="to change it, edit ended = ... in the ledger, or `ceclog undo`",
        )
    from dataclasses import replace

    return replace(cert, ended=on)


def late_target(report: Report, entry: Entry) -> dt.date:
    """The due date of the lapsed cycle a late entry is applied to (`--for-cycle previous`):
    the earliest judged cycle that ended unmet, of the requirements the entry concerns."""
    if entry.planned:
        raise InputError(
            "--for-cycle applies a class you took late; this one is planned",
            hint="record it when you have taken it",
        )
    _not_after_today(entry, report.today)
    lapses = [
        r.lapse
        for r in report.requirements
        if r.lapse is not None
        and (not entry.certifications or set(entry.certifications) & set(r.certifications))
    ]
    if not lapses:
        raise InputError(
            "there is no lapsed cycle to apply it to: no judged cycle ended unmet",
            hint="leave out --for-cycle: the class counts toward the cycle of its date",
        )
    lapse = min(lapses, key=lambda r: r.cycle.due)
    if entry.date <= lapse.cycle.due:
        raise InputError(
            f"entry {entry.id} ({entry.date}) is dated inside the cycle ending "
            f"{lapse.cycle.due}: it counts toward it anyway",
            hint="leave out --for-cycle",
        )
    return lapse.cycle.due


def _not_after_today(entry: Entry, today: dt.date) -> None:
    if entry.date > today:
        raise InputError(
            f"entry {entry.id} is dated {entry.date}, after today: a class not taken yet cannot "
            "make up for a lapsed cycle",
            hint="record it once you have taken it, with the day you took it",
        )


def keep_late_target(entry: Entry, today: dt.date) -> tuple[Entry, list[str]]:
    """An edited entry applied to a lapsed cycle (`for_cycle`), checked again: a date after
    today or a planned class is refused; a date on or before the end of that cycle counts by
    itself, so `for_cycle` is removed, and said (the messages returned)."""
    if entry.for_cycle is None:
        return entry, []
    if entry.planned:
        raise InputError(
            f"entry {entry.id} is applied to the cycle ending {entry.for_cycle} (taken late): "
            "it cannot be planned",
            hint=f"first: ceclog edit {entry.id} --clear for_cycle",
        )
    if entry.date <= entry.for_cycle:
        from dataclasses import replace

        note = (
            f"entry {entry.id} is now dated {entry.date}, not after the cycle ending "
            f"{entry.for_cycle} it was applied to: it counts toward the cycle of its date, and "
            "for_cycle is removed"
        )
        return replace(entry, for_cycle=None), [note]
    _not_after_today(entry, today)
    return entry, []


def edited(
    ledger: Ledger,
    rules: Rules,
    today: dt.date,
    entry: Entry,
    changed: Collection[str],
    late: bool,
) -> tuple[Entry, list[str]]:
    """An entry as `edit` leaves it (`changed`: the fields given), with what to tell the user:
    applied to the lapse (`late`, --for-cycle previous), or its late target checked again when
    its date or planned flag changed; the dates still in order."""
    notes: list[str] = []
    if late:
        entry = with_late_target(ledger, rules, today, entry)
    elif {"date", "planned"} & set(changed):
        entry, notes = keep_late_target(entry, today)
    if {"date", "planned"} & set(changed):
        check_dates(entry, today)
    return entry, notes


def with_late_target(ledger: Ledger, rules: Rules, today: dt.date, entry: Entry) -> Entry:
    """`entry` applied to the lapse the ledger shows without it."""
    from dataclasses import replace

    others = [e for e in ledger.entries if e.id != entry.id]
    report = evaluate(replace(ledger, entries=others), rules, today)
    return replace(entry, for_cycle=late_target(report, entry))


def schedule_changes(before: Report, after: Report, units: str) -> list[str]:
    """What a change to the certifications did to the running cycle, in words (for `cert add`
    and `cert end`)."""
    out: list[str] = []
    old = {r.certifications: r for r in before.requirements}
    for req in after.requirements:
        prev = old.get(req.certifications) or (
            before.requirements[0] if len(before.requirements) == 1 else None
        )
        if prev is None:
            continue
        was, now = prev.current.cycle, req.current.cycle
        if (was.due, was.track.name) == (now.due, now.track.name):
            continue
        nxt = req.next_track
        after_that = (
            f"; after that, {fmt(nxt.credits)} {units} every {nxt.cycle_months} months"
            if nxt
            else ""
        )
        out.append(
            f"your cycle now ends {now.due} (was {was.due}) and requires "
            f"{fmt(now.track.credits)} {units}{after_that}"
        )
    return out


def not_after_today(day: dt.date, today: dt.date, what: str) -> dt.date:
    """A day something happened: today or before."""
    if day > today:
        raise InputError(f"--on {day} is in the future: an entry cannot be {what} yet")
    return day


def not_submitted(ledger: Ledger) -> list[Entry]:
    """The entries `submit --all` marks: every completed one not marked submitted."""
    return [e for e in ledger.entries if not e.planned and e.submitted is None]


def mark_submitted(
    ledger: Ledger, chosen: list[Entry], day: dt.date, today: dt.date
) -> tuple[Ledger, list[Entry], list[Entry]]:
    """Entries sent to the body on `day`: (the new ledger, those marked, those already
    submitted, which keep their date).  Planned entries and dates out of order are refused."""
    from dataclasses import replace

    done, skipped = [], []
    for entry in chosen:
        if entry.submitted is not None and not entry.planned:
            skipped.append(entry)
            continue
        marked = replace(entry, submitted=day)
        check_dates(marked, today)
        ledger = ledger.with_entry(marked)
        done.append(marked)
    return ledger, done, skipped


def mark_posted(
    ledger: Ledger, chosen: list[Entry], day: dt.date, today: dt.date
) -> tuple[Ledger, list[str]]:
    """Entries the body credited on `day` (one not marked submitted is submitted that day too,
    and said so).  Planned entries and dates out of order are refused."""
    from dataclasses import replace

    notes = []
    for entry in chosen:
        submitted = entry.submitted
        if submitted is None:
            submitted = day
            notes.append(f"entry {entry.id} was not marked submitted; recorded as {day}")
        if entry.posted is not None and entry.posted != day:
            notes.append(f"entry {entry.id} was marked posted {entry.posted}; now {day}")
        marked = replace(entry, posted=day, submitted=submitted)
        check_dates(marked, today)
        ledger = ledger.with_entry(marked)
    return ledger, notes


def remove_entry(ledger: Ledger, entry_id: int) -> Ledger:
    """The ledger without entry `entry_id`.  Removing the entry with the highest ID records that
    ID as `holder.last_entry_id`, so the next new entry gets a new ID: an ID (and the calendar
    UID made from it) never passes to another class."""
    from dataclasses import replace

    kept = [e for e in ledger.entries if e.id != entry_id]
    holder = ledger.holder
    if entry_id > max((e.id for e in kept), default=0) and entry_id > (holder.last_entry_id or 0):
        holder = replace(holder, last_entry_id=entry_id)
    return replace(ledger, holder=holder, entries=kept)


def keep_ids_given(restored: Ledger, replaced: Ledger) -> Ledger:
    """`restored` (the older version `undo` puts back) still knowing every entry ID `replaced`
    had given: `holder.last_entry_id` is raised to the highest, so an entry added and then
    undone leaves its ID used (a calendar's UID or a certificate's file name may carry it)."""
    from dataclasses import replace

    given = replaced.next_id() - 1
    if given < restored.next_id():
        return restored
    return replace(restored, holder=replace(restored.holder, last_entry_id=given))


def records_lost(before: Ledger, after: Ledger) -> str | None:
    """What `before` records that `after` does not, in words ("2 entries (4, 7), the
    certification WRT"), or None: the entries (by ID), certifications (by code) and assertions
    of the body's record that a later version of the ledger lacks."""
    from ceclog.core.ledger.words import plural

    ids = sorted({e.id for e in before.entries} - {e.id for e in after.entries})
    codes = sorted({c.code for c in before.certifications} - {c.code for c in after.certifications})
    assertions = len(before.assertions) - len(after.assertions)
    parts = []
    if ids:
        parts.append(f"{plural(len(ids), 'entry')} ({', '.join(map(str, ids))})")
    if codes:
        parts.append(f"{plural(len(codes), 'certification')} ({', '.join(codes)})")
    if assertions > 0:
        parts.append(plural(assertions, "assertion") + " of the body's record")
    return ", ".join(parts) or None


def record_exemption(
    ledger: Ledger,
    rules: Rules,
    name: str,
    fact: str | None,
    since: dt.date,
    cert: str | None,
    today: dt.date,
) -> Ledger:
    """The ledger with the exemption `name` recorded (in place of one of that name and
    certification), or, for `none`, with none.  Refused: an exemption the rules do not allow,
    no fact it rests on, a day after today, a certification not held, and one not in force by
    `since` (10 years not reached: the day it will be is named)."""
    from dataclasses import replace

    from ceclog.core.ledger.models import Exemption
    from ceclog.core.schedule.cycles import holdings_of
    from ceclog.core.schedule.exemptions import in_force_from

    if name.strip().lower() == "none":
        return replace(ledger, exemptions=[])
    allowed = ", ".join(rules.exemptions) or "none"
    if name not in rules.exemptions:
        raise InputError(
            f"the {rules.name} rules allow no exemption {name!r}",
            hint=f"they allow: {allowed} (ceclog rules show {rules.name})",
        )
    if not fact:
        raise InputError(
            f"an exemption rests on a fact: give it with --fact (what makes you {name})",
            hint=f'for example --fact "{rules.exemptions[name].description}"',
        )
    if since > today:
        raise InputError(f"--exempt-since {since} is after today: record it once it applies")
    if cert is not None and cert not in ledger.held_codes():
        raise InputError(f"{cert} is not recorded in this ledger", hint="ceclog cert list")
    record = Exemption(name=name, fact=fact, since=since, cert=cert)
    codes = [cert] if cert else ledger.held_codes()
    holdings = [h for h in holdings_of(ledger.certifications, rules, today) if h.code in codes]
    start, why = in_force_from(record, rules, holdings)
    if why is not None:
        raise InputError(f"exemption {name}: {why}")
    if start is not None and start > today:
        rule = rules.exemptions[name]
        latest = max((h for h in holdings if h.ended is None), key=lambda h: h.earned)
        why = f"({rule.description})"
        if rule.held_years and len(holdings) > 1:  # each licence the requirement covers
            why = (
                f"({latest.code}, earned {latest.earned}, is held {rule.held_years} years then: "
                "every certification the requirement covers must be)"
            )
        raise InputError(
            f"exemption {name} applies only from {start} {why}",
            hint="record it on or after that day",
        )
    kept = [x for x in ledger.exemptions if (x.name, x.cert) != (name, cert)]
    return replace(ledger, exemptions=[*kept, record])
