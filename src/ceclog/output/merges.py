"""What `ceclog merge` would do, or did: entries alike, added (with their new IDs), matched by
content, changed, removed, kept; certifications; fields both sides changed; certificates
brought; as text and as the documented `--json` data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from ceclog.core.imports.merge import REMOVED, Conflict, Merge, entry_label
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.credits import num
from ceclog.output.data import entry_fields, number
from ceclog.output.imports import line


class Brought(Protocol):
    """A certificate's fate (`store.merging.Bring`: output never imports store)."""

    @property
    def what(self) -> str: ...

    @property
    def given(self) -> Any: ...

    @property
    def record(self) -> Any: ...


def shown(value: Any) -> str:
    """A field's value in words."""
    if value is None or value == [] or value == {}:
        return "(none)"
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={shown(v)}" for k, v in value.items())
    if dataclasses.is_dataclass(value) and hasattr(value, "file"):
        return str(value.file)
    return str(value)


def plain_value(value: Any) -> Any:
    """A field's value as JSON: numbers, ISO dates, lists and objects of them."""
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain_value(v) for k, v in dataclasses.asdict(value).items()}
    return value


def conflict_line(c: Conflict) -> str:
    if c.key.endswith(": removed"):
        mine = "removed here" if c.mine == REMOVED else "changed here"
        theirs = "removed in OTHER" if c.theirs == REMOVED else "changed in OTHER"
        said = f"{c.label}: {mine}, {theirs}"
    else:
        said = f"{c.label}: {c.field}: mine {shown(c.mine)}, theirs {shown(c.theirs)}"
    if c.chosen is not None:
        said += f" -> {'kept mine' if c.chosen == 'mine' else 'took theirs'}"
    return said


def disagreeing(count: int, three_way: bool) -> str:
    """`count` conflicts in words: with a base each side's change is known ("changed on both
    sides"); without one only that the two values differ."""
    fields_ = plural(count, "field")
    if three_way:
        return f"{fields_} changed on both sides"
    return f"{fields_} {'differs' if count == 1 else 'differ'}"


def render(m: Merge, other: str, written: bool, brought: Sequence[Brought]) -> list[str]:
    """The merge in lines: what came in, what was matched, what both sides changed."""

    def verb(done: str, todo: str) -> str:
        return done if written else todo

    how = "three-way, from the base given" if m.three_way else "two-way: no base given"
    out = [f"Merging {other} ({how}):"]
    out.append(f"  already in the ledger: {plural(m.same, 'entry', 'entries')} of {other}")
    if m.added:
        out.append(f"  {verb('added', 'to add')} {plural(len(m.added), 'entry', 'entries')}:")
        for theirs, new in m.added:
            moved = f" (entry {theirs.id} there)" if theirs.id != new.id else ""
            out.append(f"    {new.id}  {line(new)}{moved}")
            if new.id in m.returning:
                out.append(
                    f"      the ledger gave ID {theirs.id} and no longer has it: if this class "
                    f"was removed here, give --base FILE (or `ceclog rm {new.id}` afterwards)"
                )
    for theirs, mine in m.matched:
        out.append(f"  the same class: entry {theirs.id} there is {entry_label(mine)} here")
    for entry, names in m.taken:
        out.append(
            f"  {verb('took', 'to take')} from {other}: {entry_label(entry)}: " + ", ".join(names)
        )
    if m.removed:
        out.append(
            f"  {verb('removed', 'to remove')} (removed in {other}): "
            + "; ".join(entry_label(e) for e in m.removed)
        )
    if m.only_mine:
        out.append(
            f"  only in the ledger, kept: {'; '.join(entry_label(e) for e in m.only_mine)} "
            f"(without --base a removal in {other} cannot be told from a class added here: "
            "give --base FILE, the version both started from, to remove what it removed)"
        )
    if m.certifications:
        out.append(f"  certifications from {other}: {', '.join(m.certifications)}")
    if m.holder:
        out.append(f"  the holder's {', '.join(m.holder)} from {other}")
    if m.others:
        out.append(f"  {plural(m.others, 'record')} of the body's figures or exemptions added")
    for b in brought:
        out.append("  " + _brought_line(b, verb))
    if m.conflicts and m.three_way:
        out.append(f"  changed on both sides ({len(m.conflicts)}):")
    elif m.conflicts:
        out.append(
            f"  differs ({len(m.conflicts)}; without --base ceclog cannot tell which side "
            "changed it):"
        )
    out += [f"    {conflict_line(c)}" for c in m.conflicts]
    return out


def _brought_line(b: Brought, verb: Callable[[str, str], str]) -> str:
    file = b.record.file
    if b.what == "here":
        return f"certificate {file}: already here"
    if b.what == "copy":
        return f"certificate {file}: {verb('copied', 'to copy')} from OTHER's folder"
    if b.what == "renamed":
        return (
            f"certificate {b.given.file}: another file has that name here, "
            f"{verb('copied', 'to copy')} as {file}"
        )
    return f"certificate {file}: in neither folder (the record is kept; `ceclog check` names it)"


def as_data(m: Merge, other: str, written: bool, brought: Sequence[Brought]) -> dict[str, Any]:
    return {
        "other": other,
        "three_way": m.three_way,
        "written": written,
        "same": m.same,
        "added": [{"from_id": t.id, **entry_fields(new)} for t, new in m.added],
        "matched": [{"from_id": t.id, "id": o.id} for t, o in m.matched],
        "taken": [{"id": e.id, "fields": names} for e, names in m.taken],
        "removed": [e.id for e in m.removed],
        "only_mine": [e.id for e in m.only_mine],
        "returning": m.returning,
        "certifications": m.certifications,
        "conflicts": [
            {
                "key": c.key,
                "what": c.label,
                "field": c.field,
                "mine": plain_value(c.mine),
                "theirs": plain_value(c.theirs),
                "chosen": c.chosen,
            }
            for c in m.conflicts
        ],
        "certificates": [
            {"file": b.record.file, "from": b.given.file, "action": b.what} for b in brought
        ],
    }
