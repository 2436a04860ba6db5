"""Entries counted twice (`ledger.duplicates` says what a duplicate is): a later entry of the
same class as an earlier one (`duplicate-entry`), or with a certificate file already attached
to an earlier one (`duplicate-certificate`).  One pass over the entries, by dicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ceclog.core.ledger.duplicates import Duplicate, duplicate_of, duplicates_in
from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import Entry, Ledger, Rules


def looks_like(entry_id: int | None, found: Duplicate) -> str:
    """What is said of a duplicate, wherever it is found: "this looks like entry 9 (why)"."""
    this = "this" if entry_id is None else f"entry {entry_id}"
    return f"{this} looks like entry {found.of.id} ({found.why})"


def rm_hint(entry: Entry, found: Duplicate) -> str:
    """How to deal with it: remove the later entry, or tell the two classes apart."""
    if found.file is not None:
        return (
            f"one certificate proves one class: if it is the same class, `ceclog rm {entry.id}`; "
            f"if the file holds the certificates of both, give each its own title "
            f"(`ceclog edit {entry.id} --title ...`)"
        )
    return (
        f"if it is the same class, `ceclog rm {entry.id}`; if you took it twice that day, "
        f"tell them apart by the title (`ceclog edit {entry.id} --title ...`)"
    )


def check_duplicates(ledger: Ledger, rules: Rules, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for i, entry, found in duplicates_in(ledger.entries):
        code = "duplicate-entry" if found.file is None else "duplicate-certificate"
        message = f"{looks_like(entry.id, found)}: counted twice"
        out.append(Finding(code, message, ("entries", i), rm_hint(entry, found)))
    return out


def attach_warnings(ledger: Ledger, entry: Entry, files: list[str]) -> list[str]:
    """What to say when `files` (their SHA-256) are attached to `entry`: each one another
    entry already has (one certificate proves one class)."""
    others = [e for e in ledger.entries if e.id != entry.id]
    out: list[str] = []
    for sha256 in files:
        found = duplicate_of(others, replace(entry, evidence=[]), [sha256])
        if found is not None and found.file is not None:
            out.append(
                f"{looks_like(entry.id, found)}: one certificate proves one class; "
                "if it is the wrong file, `ceclog undo`"
            )
    return out
