"""Two versions of one ledger joined by meaning (`ceclog merge`, the git merge driver).

Entries are matched by ID when both copies have that ID for the same class (same date and
title, or the same content), else by content as import matches rows (date, title, hours,
credits, kind): a class both copies added under different IDs is one class.  An entry only in
OTHER is added with a fresh ID.  Without a base a removal cannot be told from an add: an entry
only in LEDGER is kept.  With a base (three-way, as git merges) each side's change is known: a
field changed on one side is taken, one removed on one side and unchanged on the other is
removed, and only a field changed differently on both sides is a conflict.

A conflict is decided by `choices` (its key -> "mine" or "theirs"); undecided, the LEDGER's
value stays and the conflict is listed, so the caller asks, refuses or applies `--prefer`.
Certificates are never dropped: when both sides changed an entry's evidence, the records of
both are kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, TypeVar

from ceclog.core.ledger.duplicates import key_of, title_key
from ceclog.core.ledger.models import Certification, Entry, Evidence, Holder, Ledger

Side = Literal["mine", "theirs"]
REMOVED = "removed"  # a conflict's value when that side removed the entry or certification
T = TypeVar("T", Entry, Certification, Holder)


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed differently: `key` names it for `choices` ("entry 4:
    hours", "holder: email", "certification WRT: earned", "entry 4: removed")."""

    key: str
    label: str  # what it is in words: "entry 4 (2026-05-04 Water damage basics)"
    field: str
    mine: Any
    theirs: Any
    chosen: Side | None = None


@dataclass
class Merge:
    """What joining OTHER into LEDGER does, and the `ledger` it gives."""

    ledger: Ledger
    three_way: bool
    same: int = 0  # OTHER's entries matched, nothing to take from them
    added: list[tuple[Entry, Entry]] = field(default_factory=list)  # OTHER's, as added
    matched: list[tuple[Entry, Entry]] = field(default_factory=list)  # theirs, ours: IDs differ
    taken: list[tuple[Entry, list[str]]] = field(default_factory=list)  # fields from OTHER
    removed: list[Entry] = field(default_factory=list)  # removed in OTHER (three-way only)
    only_mine: list[Entry] = field(default_factory=list)  # two-way: kept, maybe removed there
    # two-way: added entries whose ID there the ledger gave and no longer has (removed here?)
    returning: list[int] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)  # codes added or changed
    holder: list[str] = field(default_factory=list)  # the holder's fields taken from OTHER
    others: int = 0  # assertions and exemptions added from OTHER
    conflicts: list[Conflict] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # OTHER's certificates now named

    @property
    def undecided(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.chosen is None]


def entry_label(entry: Entry) -> str:
    return f"entry {entry.id} ({entry.date} {entry.title})"


class _Joiner:
    def __init__(self, base: Ledger | None, choices: Mapping[str, Side]) -> None:
        self.base = base
        self.choices = choices
        self.conflicts: list[Conflict] = []

    def ask(self, key: str, label: str, name: str, mine: Any, theirs: Any) -> Side:
        """A conflict recorded; the side its choice names (undecided: mine)."""
        chosen = self.choices.get(key)
        self.conflicts.append(Conflict(key, label, name, mine, theirs, chosen))
        return chosen or "mine"

    def fields(
        self, mine: T, theirs: T, old: T | None, key: str, label: str, skip: tuple[str, ...] = ()
    ) -> tuple[T, list[str]]:
        """`mine` with the fields taken from `theirs`: those only they changed (with a base),
        those chosen; the names of the fields taken."""
        values: dict[str, Any] = {}
        for f in fields(mine):
            name = f.name
            a: Any = getattr(mine, name)
            b: Any = getattr(theirs, name)
            if a == b or name in skip or name == "id":
                continue
            before = None if old is None else getattr(old, name)
            if old is not None and before == b:
                continue  # changed here only
            if name == "evidence":  # certificates are kept: both sides' records
                values[name] = [*a, *(ev for ev in b if ev not in a)]
                continue
            if name == "imported" and a is None:
                values[name] = b
                continue
            if name == "imported":
                continue
            if (old is not None and before == a) or self.ask(
                f"{key}: {name}", label, name, a, b
            ) == "theirs":
                values[name] = b
        return (replace(mine, **values) if values else mine), sorted(values)


def _same_class(a: Entry, b: Entry) -> bool:
    return key_of(a) == key_of(b) or (a.date, title_key(a.title)) == (b.date, title_key(b.title))


def merge(
    ours: Ledger, theirs: Ledger, base: Ledger | None = None, choices: Mapping[str, Side] = {}
) -> Merge:
    """OTHER (`theirs`) joined into LEDGER (`ours`); with `base`, their common ancestor."""
    j = _Joiner(base, choices)
    out = Merge(ours, base is not None)
    entries = _entries(ours, theirs, base, j, out)
    certs = _certifications(ours, theirs, base, j, out)
    old_holder = base.holder if base is not None else None
    holder, taken = j.fields(
        ours.holder, theirs.holder, old_holder, "holder", "holder", ("last_entry_id",)
    )
    out.holder = taken
    holder = replace(holder, last_entry_id=_last_given(ours, entries, holder.last_entry_id))
    assertions = _listed(
        ours.assertions, theirs.assertions, None if base is None else base.assertions, out
    )
    exemptions = _listed(
        ours.exemptions, theirs.exemptions, None if base is None else base.exemptions, out
    )
    out.evidence += [ev for a in assertions if a not in ours.assertions for ev in a.evidence]
    out.ledger = replace(
        ours,
        version=max(ours.version, theirs.version),
        holder=holder,
        certifications=certs,
        entries=entries,
        assertions=assertions,
        exemptions=exemptions,
    )
    out.conflicts = j.conflicts
    return out


def _last_given(ours: Ledger, entries: list[Entry], recorded: int | None) -> int | None:
    """Every ID LEDGER ever gave stays given: recorded when the merge removed the highest."""
    given = ours.next_id() - 1
    highest = max((e.id for e in entries), default=0)
    return given if given > highest and given > (recorded or 0) else recorded


def _entries(
    ours: Ledger, theirs: Ledger, base: Ledger | None, j: _Joiner, out: Merge
) -> list[Entry]:
    result: dict[int, Entry | None] = {e.id: e for e in ours.entries}  # None: removed
    claimed: set[int] = set()
    known = {e.id: e for e in base.entries} if base is not None else {}
    for b in known.values():
        o, t = ours.entry(b.id), theirs.entry(b.id)
        if o is None:  # removed here: unless changed there, it stays removed
            if t is not None and t != b:
                side = j.ask(f"entry {b.id}: removed", entry_label(t), "entry", REMOVED, "changed")
                if side == "theirs":
                    result[t.id] = t
            continue
        claimed.add(o.id)
        if t is None:
            if o == b:
                result[o.id] = None
                out.removed.append(o)
            elif j.ask(f"entry {o.id}: removed", entry_label(o), "entry", "changed", REMOVED) == (
                "theirs"
            ):
                result[o.id] = None
            continue
        _join_entry(o, t, b, j, out, result)
    fresh = [t for t in theirs.entries if t.id not in known]
    pending: list[Entry] = []
    for t in fresh:
        o = ours.entry(t.id)
        if o is not None and o.id not in known and o.id not in claimed and _same_class(o, t):
            claimed.add(o.id)
            _join_entry(o, t, None, j, out, result)
        else:
            pending.append(t)
    free: dict[tuple[Any, ...], list[Entry]] = {}
    for e in ours.entries:
        if e.id not in claimed and e.id not in known:
            free.setdefault(key_of(e), []).append(e)
    next_id = ours.next_id()
    for t in pending:
        alike = free.get(key_of(t))
        if alike:
            o = alike.pop(0)
            claimed.add(o.id)
            out.matched.append((t, o))
            _join_entry(o, t, None, j, out, result)
            continue
        new = replace(t, id=next_id)
        next_id += 1
        result[new.id] = new
        out.added.append((t, new))
        if base is None and t.id < ours.next_id() and ours.entry(t.id) is None:
            out.returning.append(new.id)
        out.evidence += new.evidence
    if base is None:
        out.only_mine = [e for e in ours.entries if e.id not in claimed]
    return [e for e in result.values() if e is not None]


def _join_entry(
    o: Entry, t: Entry, b: Entry | None, j: _Joiner, out: Merge, result: dict[int, Entry | None]
) -> None:
    asked = len(j.conflicts)
    joined, taken = j.fields(o, t, b, f"entry {o.id}", entry_label(o))
    result[o.id] = joined
    if taken:
        out.taken.append((joined, taken))
        out.evidence += [ev for ev in joined.evidence if ev not in o.evidence]
    elif len(j.conflicts) == asked:
        out.same += 1


def _certifications(
    ours: Ledger, theirs: Ledger, base: Ledger | None, j: _Joiner, out: Merge
) -> list[Certification]:
    mine = {c.code: c for c in ours.certifications}
    other = {c.code: c for c in theirs.certifications}
    old = {c.code: c for c in base.certifications} if base is not None else {}
    result: dict[str, Certification | None] = dict(mine)
    for code, t in other.items():
        o, b = mine.get(code), old.get(code)
        label = f"certification {code}"
        if o is None:
            wanted = b is None or (
                t != b and j.ask(f"{label}: removed", label, code, REMOVED, "changed") == "theirs"
            )
            if wanted:
                result[code] = t
                out.certifications.append(code)
            continue
        joined, taken = j.fields(o, t, b, label, label)
        result[code] = joined
        if taken:
            out.certifications.append(code)
    for code, b in old.items():
        o = mine.get(code)
        if o is None or code in other:
            continue
        if o == b or j.ask(f"certification {code}: removed", code, code, "changed", REMOVED) == (
            "theirs"
        ):
            result[code] = None
            out.certifications.append(code)
    return [c for c in result.values() if c is not None]


def _listed(mine: list[Any], theirs: list[Any], old: list[Any] | None, out: Merge) -> list[Any]:
    """Assertions and exemptions, which have no key: theirs not here added (unless here removed
    it, with a base), ours that they removed (with a base) removed."""

    def gone(item: Any) -> bool:
        return old is not None and item in old

    kept = [item for item in mine if not (gone(item) and item not in theirs)]
    added = [item for item in theirs if item not in mine and not gone(item)]
    out.others += len(added)
    return kept + added
