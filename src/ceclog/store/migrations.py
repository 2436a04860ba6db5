"""The ledger format's versions, and how a file of an older one is read: upgraded on read, one
version at a time, in memory.  A file is written with the lowest version that holds its data
(`version_needed`): it gets a newer number only with its first use of a newer key, so an older
ceclog keeps reading a ledger that does not need more.  A file of a newer version than this
ceclog knows is refused with a clear message: it may hold keys this ceclog would not
understand.

Version history:
- 1: the first format.
- 2: adds `ended` on certifications, `cec_due_noted` on the holder and on certifications, and
  `for_cycle` on entries.  A version 1 file is a valid version 2 file; the version number tells
  an older ceclog that a file may hold the new keys.
- 3: adds `fee_due` and `last_entry_id` on the holder, and `imported` on entries (optional).
- 4: adds `event` on entries (optional): entries with one event name share the per-event cap.
- 5: adds `topic_hours` on entries (optional): an entry's hours split between its topics.
- 6: adds `[[assertions]]` (optional): what the body's account showed as posted on a day
  (`ceclog reconcile --record`), checked against the ledger by `check`.
- 7: adds `[[exemptions]]` (optional): an exemption the rules allow, recorded by the holder
  with the fact it rests on (`ceclog holder --exempt NAME --fact TEXT`).
- 8: adds `dates` on the holder (optional): how the holder's certificates write a numeric date
  the page does not settle (`ceclog holder --dates month-first`).

To change the format: raise `LEDGER_VERSION` (core.ledger.models), add a step `N -> N+1` below that
turns version-N data into version-N+1 data, and a test that loads a version-N file through it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ceclog.core.ledger.models import LEDGER_VERSION
from ceclog.errors import LedgerError, Location

Data = dict[str, Any]


def _v1_to_v2(data: Data) -> Data:
    return {**data, "version": 2}  # nothing else changes: the new keys are optional


def _v2_to_v3(data: Data) -> Data:
    return {**data, "version": 3}  # nothing else changes: the new keys are optional


def _v3_to_v4(data: Data) -> Data:
    return {**data, "version": 4}  # nothing else changes: the new key is optional


def _v4_to_v5(data: Data) -> Data:
    return {**data, "version": 5}  # nothing else changes: the new key is optional


def _v5_to_v6(data: Data) -> Data:
    return {**data, "version": 6}  # nothing else changes: the new table is optional


def _v6_to_v7(data: Data) -> Data:
    return {**data, "version": 7}  # nothing else changes: the new table is optional


def _v7_to_v8(data: Data) -> Data:
    return {**data, "version": 8}  # nothing else changes: the new key is optional


STEPS: dict[int, Callable[[Data], Data]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
    7: _v7_to_v8,
}

# The keys each version added: a file is written with the lowest version that holds its data,
# so a ledger that uses none of them stays readable by an older ceclog.
ADDED: dict[int, tuple[tuple[str, str], ...]] = {
    2: (
        ("holder", "cec_due_noted"),
        ("certifications", "ended"),
        ("certifications", "cec_due_noted"),
        ("entries", "for_cycle"),
    ),
    3: (
        ("holder", "fee_due"),
        ("holder", "last_entry_id"),
        ("entries", "imported"),
    ),
    4: (("entries", "event"),),
    5: (("entries", "topic_hours"),),
    6: (("assertions", "date"),),
    7: (("exemptions", "name"),),
    8: (("holder", "dates"),),
}


def version_needed(data: Data) -> int:
    """The lowest format version that holds `data` (a ledger as TOML-ready data)."""
    needed = 1
    for version, keys in ADDED.items():
        for table, key in keys:
            rows = data.get(table)
            rows = [rows] if isinstance(rows, dict) else rows or []
            if any(isinstance(row, dict) and key in row for row in rows):
                needed = max(needed, version)
    return needed


def upgrade(data: Data, text: str, path: Path) -> Data:
    """`data` (parsed from `text`) as the current version's data.  A version that is not a
    whole number is left for validation to report."""
    version = data.get("version")
    if type(version) is not int:
        return data
    if version > LEDGER_VERSION or version < 1:
        from ceclog.store import tomlscan

        where = Location(path, tomlscan.line_of(text, ("version",)))
        if version < 1:
            raise LedgerError(
                f"version = {version} is not a ledger format version",
                where=where,
                hint=f"versions run from 1 to {LEDGER_VERSION}",
                code="version",
            )
        raise LedgerError(
            f"this ledger has version = {version}, written by a newer ceclog; this ceclog "
            f"reads versions up to {LEDGER_VERSION}",
            where=where,
            hint="upgrade ceclog (pip install --upgrade ceclog)",
            code="version",
        )
    while version < LEDGER_VERSION:
        data = STEPS[version](data)
        version += 1
    return data
