"""The `[unconfirmed]` table of a rules file: the facts no published source states, each named
by a key of the file (a dotted path in quotes: "kinds.booth.fixed", "tracks.worker.credits",
"tracks.advanced.certifications.CMP", "certifications.CMR", "exemptions.emeritus") with the
reason.  Here: whether each key names something of the file, checked on plain data like
`ceclog.core.ledger.rules_refs`, and the reasons that concern one part of the rules, for the words
that show them.  Pure; the standard library only."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

Problem = tuple[tuple[str | int, ...], str, str]  # where, what, how to fix it (rules_refs)
# The keys of the rules format: "" for the top level, else the keys of a record of a table
# (kinds, tracks, exemptions).  Without them, the keys the data has (a Rules record's data,
# which has every key).
Fields = Mapping[str, Collection[str]]
Wrong = tuple[str, str] | None  # what is wrong with a key, and how to fix it; None: nothing

RECORDS = {"kinds": "kind", "tracks": "track", "exemptions": "exemption"}
MAPS = {"certifications": "certification", "aliases": "alias", "topic_aliases": "topic alias"}
WITHIN_TRACK = {"topics": "has no topic minimum", "certifications": "does not cover"}
EXAMPLES = (
    'a top-level key (increment), or a dotted path in quotes: "kinds.booth.fixed", '
    '"tracks.worker.credits", "certifications.CMR", "exemptions.emeritus"'
)


def problems(data: dict[str, Any], fields: Fields | None = None) -> list[Problem]:
    """Each key of `[unconfirmed]` that names nothing of the file, or is not in quotes."""
    table = data.get("unconfirmed")
    out: list[Problem] = []
    for key, why in (table if isinstance(table, dict) else {}).items():
        where = ("unconfirmed", key)
        if isinstance(why, dict):  # kinds.booth.fixed = "..." without quotes: nested tables
            dotted = _dotted(key, why)
            out.append(
                (
                    where,
                    f"[unconfirmed] {key}: a dotted key must be written in quotes",
                    f'write "{dotted}" = "why no source states it"',
                )
            )
        elif isinstance(key, str):
            wrong = _unresolved(data, key.split("."), fields)
            if wrong is not None:
                what, hint = wrong
                out.append(
                    (where, f"[unconfirmed] {key!r} names no key of this file: {what}", hint)
                )
    return out


def reasons(table: Mapping[str, str], *path: str) -> list[tuple[str, str]]:
    """The entries of an `[unconfirmed]` table about `path` ("kinds", "booth"): that key itself
    and the keys inside it, in the table's order."""
    prefix = ".".join(path)
    return [(k, v) for k, v in table.items() if k == prefix or k.startswith(prefix + ".")]


def _dotted(key: str, value: Any) -> str:
    parts = [key]
    while isinstance(value, dict) and value:
        name, value = next(iter(value.items()))
        parts.append(str(name))
    return ".".join(parts)


def did_you_mean(name: str, known: Collection[str]) -> str:
    """ "did you mean 'water'? " when a known name is close to `name`, else nothing."""
    import difflib  # only when there is a problem to explain (start-up time)

    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def _close(name: str, known: Collection[str], what: str) -> str:
    if not known:
        return f"the file has no {what}"
    return did_you_mean(name, known) + f"{what}: {', '.join(sorted(known))}"


def _named(data: dict[str, Any], table: str) -> dict[str, Any]:
    """The records of a table by name: kinds and exemptions by key, tracks by `name`."""
    value = data.get(table)
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    rows = value if isinstance(value, list) else []
    return {r["name"]: r for r in rows if isinstance(r, dict) and isinstance(r.get("name"), str)}


def _unresolved(data: dict[str, Any], parts: list[str], fields: Fields | None) -> Wrong:
    """None when the path resolves in `data`; else (what is wrong, how to fix it)."""
    top, rest = parts[0], parts[1:]
    keys = [k for k in (fields[""] if fields else data) if k != "unconfirmed"]
    if top not in keys:
        return f"a rules file has no key {top!r}", did_you_mean(top, keys) + "name " + EXAMPLES
    if not rest:
        return None
    if top in MAPS:
        table = data.get(top)
        names = [str(k) for k in table] if isinstance(table, dict) else []
        if rest[0] not in names:
            return f"{rest[0]!r} is not in [{top}]", _close(rest[0], names, f"[{top}]")
        return _too_deep(parts, 2)
    if top not in RECORDS:
        return _too_deep(parts, 1)
    named = _named(data, top)
    if rest[0] not in named:
        what = RECORDS[top]
        return f"there is no {what} {rest[0]!r}", _close(rest[0], named, f"{top} by name")
    if len(rest) == 1:
        return None
    record = named[rest[0]]
    known = fields[top] if fields else (record if isinstance(record, dict) else [])
    if rest[1] not in known:
        one = ("an " if RECORDS[top][0] in "aeiou" else "a ") + RECORDS[top]
        return f"{one} has no key {rest[1]!r}", _close(rest[1], known, f"{one}'s keys")
    if len(rest) == 2:
        return None
    if top != "tracks" or rest[1] not in WITHIN_TRACK:
        return _too_deep(parts, 3)
    inside = record.get(rest[1]) if isinstance(record, dict) else None
    members = [str(m) for m in inside] if isinstance(inside, dict | list) else []
    if rest[2] not in members:
        said = f"track {rest[0]!r} {WITHIN_TRACK[rest[1]]} {rest[2]!r}"
        return said, _close(rest[2], members, f"its {rest[1]}")
    return _too_deep(parts, 4)


def _too_deep(parts: list[str], depth: int) -> Wrong:
    if len(parts) <= depth:
        return None
    name = ".".join(parts[:depth])
    return f"{name!r} holds a value, not a table of keys", f'name it as "{name}"'
