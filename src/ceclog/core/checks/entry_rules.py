"""What an entry may be, said once: for a certification you hold, a completed class dated by
today, a planned one dated from today on.  `ceclog check` reports these findings for every
entry (`entries.check_entries`); `add` and `edit` warn with the same words about the entry
they just wrote (`written_warnings`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from ceclog.core.ledger.findings import DataPath, Finding
from ceclog.core.ledger.models import Entry, Ledger


def not_held(
    entry: Entry, held: Collection[str], known: Collection[str], at: DataPath = ()
) -> list[Finding]:
    """A certification the entry is for, known to the rules, that the ledger does not record
    (`held`): it counts toward nothing of it.  Codes the rules do not know are another finding
    (`unknown-code`)."""
    return [
        Finding(
            "not-held",
            f"entry {entry.id} is for {code}, a certification you do not hold",
            (*at, "certifications", j) if at else (),
            f"record it with `ceclog cert add {code} --earned DATE`",
        )
        for j, code in enumerate(entry.certifications)
        if code in known and code not in held
    ]


def future_entry(entry: Entry, today: dt.date, at: DataPath = ()) -> Finding | None:
    """A completed class dated after today: a typo in the date, or a class not taken yet."""
    if entry.planned or entry.date <= today:
        return None
    return Finding(
        "future-entry",
        f"entry {entry.id} is completed but dated {entry.date}, in the future",
        (*at, "date") if at else (),
        f"fix the date, or mark it planned: ceclog edit {entry.id} --planned",
    )


def planned_past(entry: Entry, today: dt.date, at: DataPath = ()) -> Finding | None:
    """A planned class whose day has passed: it counts only once marked completed."""
    if not entry.planned or entry.date >= today:
        return None
    return Finding(
        "planned-past",
        f"planned entry {entry.id} was due on {entry.date}: it does not count yet",
        (*at, "planned") if at else (),
        f"taken? ceclog edit {entry.id} --completed; else ceclog rm {entry.id}",
    )


def written_warnings(
    ledger: Ledger, entry: Entry, known: Collection[str], today: dt.date
) -> list[str]:
    """What `add` and `edit` say about the entry they just wrote into `ledger`, in the words of
    `ceclog check` (`known`: the codes the rules know)."""
    found = [
        *not_held(entry, ledger.held_codes(), known),
        future_entry(entry, today),
        planned_past(entry, today),
    ]
    return [f"{f.message} ({f.hint})" for f in found if f is not None]
