"""The schools ceclog remembers (add --from): a plain TOML file the user can read, edit and
delete, one table per school.  It lives in the user's data folder, beside the default ledger
(`$CECLOG_SCHOOLS` names another file): a school's certificate looks the same whichever ledger
an entry goes to, so one memory serves all of a person's ledgers, and it never leaves this
computer (no ledger that is shared or sent carries it).  Written under a lock, atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ceclog.core.certificates.memory import Clue, School
from ceclog.errors import InputError, Location
from ceclog.store import files

ENV = "CECLOG_SCHOOLS"
LIMIT = 4 * 1024 * 1024
HEADER = """\
# The schools ceclog remembers from certificates you accepted (ceclog add --from): where
# each school's certificate prints each field, to read its next certificate the same way.
# Kept on this computer only. Delete a school's tables (or this file) to forget it, or run
# ceclog add --forget "SCHOOL".

"""


def path() -> Path:
    """`$CECLOG_SCHOOLS`, else schools.toml in the user's data folder."""
    if custom := os.environ.get(ENV):
        return Path(custom)
    from ceclog.store.places import user_data

    return user_data("schools.toml")


def _bad(where: Path, what: str) -> InputError:
    return InputError(
        f"not a valid memory of schools ({what})",
        where=Location(where),
        hint="fix it, or delete the file: ceclog only forgets what it learned",
    )


def _school(name: str, raw: dict[str, Any]) -> School:
    clues = {
        str(field): Clue(
            str(c["label"]),
            bool(c.get("below", False)),
            str(c.get("shape", "")),
            str(c.get("reads", "")),
        )
        for field, c in dict(raw.get("fields", {})).items()
    }
    return School(
        name=name,
        letterhead=raw.get("letterhead"),
        provider=raw.get("provider"),
        approval_shape=raw.get("approval_shape"),
        learned=str(raw["learned"]),
        file=str(raw.get("file", "")),
        confirmed=bool(raw.get("confirmed", False)),
        fields=clues,
    )


def load(where: Path | None = None) -> dict[str, School]:
    """The remembered schools by name (none when there is no file)."""
    import tomllib

    where = where or path()
    try:
        raw = files.read_regular(where, LIMIT)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror or exc}", where=Location(where)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        return {name: _school(name, dict(t)) for name, t in data.get("schools", {}).items()}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        raise _bad(where, str(exc)) from None


def _table(school: School) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("letterhead", "provider", "approval_shape"):
        value = getattr(school, key)
        if value:
            out[key] = value
    out |= {"learned": school.learned, "file": school.file, "confirmed": school.confirmed}
    out["fields"] = {
        field: {"label": c.label, "below": c.below, "shape": c.shape}
        | ({"reads": c.reads} if c.reads else {})
        for field, c in school.fields.items()
    }
    return out


def save(schools: dict[str, School], where: Path | None = None) -> Path:
    import tomli_w

    where = where or path()
    where.parent.mkdir(parents=True, exist_ok=True)
    body = tomli_w.dumps({"schools": {n: _table(s) for n, s in sorted(schools.items())}})
    try:
        with files.locked(where, what="the memory of schools'"):
            files.atomic_write(where, (HEADER + body).encode("utf-8"))
    except OSError as exc:
        raise InputError(
            f"could not write it: {exc.strerror or exc}", where=Location(where)
        ) from None
    return where


def remember(school: School, where: Path | None = None) -> Path:
    """Keep `school` (replacing what was known of it)."""
    where = where or path()
    schools = load(where)
    schools[school.name] = school
    return save(schools, where)


def forget(name: str, where: Path | None = None) -> tuple[School, Path]:
    """Drop the school called `name` (case aside), or say which ones are remembered."""
    where = where or path()
    schools = load(where)
    match = [n for n in schools if n.casefold() == name.strip().casefold()]
    if not match:
        known = "; ".join(sorted(schools)) or "none"
        raise InputError(
            f"no school {name!r} is remembered (remembered: {known})",
            where=Location(where),
            hint="give its name as listed",
        )
    school = schools.pop(match[0])
    save(schools, where)
    return school, where
