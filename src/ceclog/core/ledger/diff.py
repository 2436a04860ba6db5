"""What a write changed in the ledger, record by record: the holder, each certification (by
code), entry (by ID), exemption (by name, and certification when it names one) and posted
total the body confirmed (assertion, by its fields), added, changed or removed, with the
fields that differ.  `ceclog <write> --json` reports it (docs/json.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from ceclog.core.ledger.models import Ledger


@dataclass(frozen=True)
class Change:
    record: str  # "holder", "certification", "entry", "exemption" or "assertion"
    key: str | int | None  # the entry's ID, the certification's code...; None: the holder
    action: str  # "added", "changed" or "removed"
    before: Any  # the record before the change (None when added)
    after: Any  # the record after it (None when removed)
    fields: tuple[str, ...]  # the fields whose value differs (added, removed: those with one)


def _exemption_key(x: Any) -> str:
    return f"{x.name}:{x.cert}" if x.cert else str(x.name)


def _assertion_key(x: Any) -> str:
    return ":".join(str(v) for v in (x.date, x.track or x.cert or "", x.posted))


# each list of records in a ledger: its name in a change, and what tells its records apart
_LISTS: tuple[tuple[str, str, Callable[[Any], str | int]], ...] = (
    ("certification", "certifications", lambda c: str(c.code)),
    ("entry", "entries", lambda e: int(e.id)),
    ("exemption", "exemptions", _exemption_key),
    ("assertion", "assertions", _assertion_key),
)


def _differing(before: Any, after: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(after) if getattr(before, f.name) != getattr(after, f.name))


def _set(record: Any) -> tuple[str, ...]:
    """The fields of `record` that hold a value (not None, empty or false)."""
    return tuple(
        f.name for f in fields(record) if getattr(record, f.name) not in (None, [], {}, False)
    )


def diff(before: Ledger | None, after: Ledger | None) -> list[Change]:
    """The changes from `before` to `after` (None: no ledger, before `init`), the holder
    first, then each list in the ledger's order: records in the order of `after`, then those
    removed in the order of `before`."""
    out: list[Change] = []
    old_holder = before.holder if before else None
    new_holder = after.holder if after else None
    if old_holder != new_holder:
        if old_holder is None or new_holder is None:
            action = "added" if old_holder is None else "removed"
            shown = _set(new_holder or old_holder)
        else:
            action, shown = "changed", _differing(old_holder, new_holder)
        out.append(Change("holder", None, action, old_holder, new_holder, shown))
    for record, name, key in _LISTS:
        old = {key(x): x for x in (getattr(before, name) if before else [])}
        new = {key(x): x for x in (getattr(after, name) if after else [])}
        for k, item in new.items():
            if k not in old:
                out.append(Change(record, k, "added", None, item, _set(item)))
            elif old[k] != item:
                out.append(Change(record, k, "changed", old[k], item, _differing(old[k], item)))
        for k, item in old.items():
            if k not in new:
                out.append(Change(record, k, "removed", item, None, _set(item)))
    return out
