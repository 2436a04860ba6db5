"""Which cycle an entry counts toward: the cycle whose window holds its date; a late entry
applied to an earlier, unmet cycle (`for_cycle`); or none, with the reason (dated before the
first cycle, between cycles, or taken only for certifications not held).  Pure."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ceclog.core.ledger.models import Certification, Entry, Rules
from ceclog.core.schedule.cycles import Cycle, Timeline


class Placement(NamedTuple):
    """Where an entry counts: toward a cycle (`counts`), with a note when that is not simply
    the cycle of its date, or toward none, with the reason."""

    counts: bool
    note: str | None = None
    cycle_due: dt.date | None = None  # the due date of the cycle it counts toward


# --- which cycle an entry counts toward ------------------------------------------------------


def held_for(entry: Entry, certs: dict[str, Certification], today: dt.date) -> list[str]:
    """The certifications an entry names that were held for it: earned by today and not ended
    before the entry's date."""
    out = []
    for code in entry.certifications:
        cert = certs.get(code)
        if (
            cert is not None
            and cert.earned <= today
            and (cert.ended is None or entry.date < cert.ended)
        ):
            out.append(code)
    return out


def place(
    entry: Entry, line: Timeline, rules: Rules, today: dt.date
) -> tuple[Cycle | None, str | None]:
    """The cycle an entry counts toward, and a note: why none, or why not the cycle of its
    date (a late entry applied to an earlier cycle).  (None, None) only for a planned entry
    of a cycle not computed yet."""
    if entry.for_cycle is not None and entry.date > today and not entry.planned:
        return None, (
            f"dated {entry.date}, after today: a class not taken yet cannot make up for the "
            f"cycle ending {entry.for_cycle}"
        )
    if entry.date > today and not entry.planned:  # earned is what was taken
        return None, (
            f"dated {entry.date}, after today: it counts once taken (still to come? ceclog edit "
            f"{entry.id} --planned)"
        )
    if entry.for_cycle is not None:
        target = line.cycle_at(entry.for_cycle)
        if target is not None and entry.date >= target.start and target.due < line.current.start:
            if entry.date > target.due:
                return target, f"applied to the cycle ending {target.due} (taken late)"
            return target, None
    cycle = line.cycle_at(entry.date)
    if cycle is not None:
        note = None
        if entry.for_cycle is not None:
            note = f"for_cycle = {entry.for_cycle} names no earlier cycle: counted by its date"
        return cycle, note
    if entry.date < line.cycles[0].start:
        note = f"dated before your first cycle, which starts {line.cycles[0].start}"
        if rules.anchor == "calendar":
            note += " (credits count in the cycle year in which they were earned)"
        return None, note
    if entry.date > line.current.due:
        if entry.planned:
            return None, None  # a later cycle's: not computed yet, and no reason to explain
        return None, (
            f"dated {entry.date}, after the current cycle ends ({line.current.due}): it counts "
            "once the cycle that holds it starts"
        )
    return None, f"no certification with a requirement was held on {entry.date}"


def one_certification(
    entry: Entry, certs: list[Certification], rules: Rules, today: dt.date
) -> tuple[str | None, str | None]:
    """Under rules that count a class for one certification only (`entries_per_certification`:
    Texas, "in the subject area for which the renewal is sought"), the certification an entry
    counts for, or None and why: it names several, or none while several are held (on its
    date, else today)."""
    named = [code for code in entry.certifications if code in rules.certifications]
    if len(named) == 1:
        return named[0], None
    fix = f"ceclog edit {entry.id} --cert CODE"
    if named:
        return None, (
            f"it names {', '.join(named)}, and the {rules.name} rules count a class for one "
            f"certification only: keep the one it was for ({fix})"
        )
    tracked = [c for c in certs if rules.track_of(c.code) and c.earned <= today]
    held = [c.code for c in tracked if c.held_on(entry.date)] or [c.code for c in tracked]
    if len(held) == 1:
        return held[0], None
    if not held:
        return None, None  # nothing held: the usual reasons apply
    return None, (
        f"it names no certification, and you hold {', '.join(held)}: the {rules.name} rules "
        f"count a class for one only: name it ({fix})"
    )


def not_held(codes: list[str]) -> str:
    return f"taken only for {', '.join(codes)}, which you did not hold then"


def merge(a: Placement, b: Placement) -> Placement:
    """Where an entry counts, over two requirements: toward a cycle if toward either."""
    if a.counts != b.counts:
        return a if a.counts else b
    notes = "; ".join(dict.fromkeys(n for n in (a.note, b.note) if n)) or None
    return Placement(a.counts, notes, a.cycle_due or b.cycle_due)


def combine(
    ledger_entries: list[Entry],
    found: dict[int, Placement],
    any_requirement: bool,
    reasons: dict[int, str] | None = None,
) -> dict[int, Placement]:
    """One placement per entry; one that concerns no requirement counts toward no cycle (for
    the reason in `reasons`, when there is one)."""
    if len(found) == len(ledger_entries):
        return found
    if reasons:
        found = {**{i: Placement(False, why) for i, why in reasons.items()}, **found}
    why = (
        "it names no certification with a requirement"
        if any_requirement
        else "no certification with a continuing-education requirement is held"
    )
    missing = Placement(False, why)
    return {e.id: found.get(e.id, missing) for e in ledger_entries}
