"""TOML text -> validated model, with every problem located at `file:line`.

Shared by the ledger (storage) and by rules files: both are TOML documents validated by
strict Pydantic models, and both must report a problem as one clear, located message.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.words import plural
from ceclog.errors import CeclogError, Location

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ceclog.store.tomlscan import Layout

M = TypeVar("M")
E = TypeVar("E", bound=CeclogError)

_TOML_POS = r"\s*\(at line (\d+), column (\d+)\)$"
_TOML_EOF = r"\s*\(at end of document\)$"


def read_limited(
    path: Path, limit: int, error: type[CeclogError], what: str, missing: str, hint: str
) -> bytes:
    """A file's bytes, or `error` naming it: missing (`missing`, `hint`; a symbolic link to
    nothing says so), a folder, a pipe or a device, unreadable, or larger than `limit` bytes
    (then it is hardly the right file)."""
    import os

    from ceclog.store.files import NotRegular, read_regular

    try:
        raw = read_regular(path, limit)
    except FileNotFoundError:
        if path.is_symlink():
            target = os.readlink(path)
            raise error(
                f"is a symbolic link to {target}, which does not exist",
                where=Location(path),
                hint=f"restore {target}, or point at the {what} itself",
            ) from None
        raise error(missing, where=Location(path), hint=hint) from None
    except IsADirectoryError:
        raise error(f"is a folder, not a {what}", where=Location(path)) from None
    except NotRegular as exc:
        raise error(f"is {exc.what}, not a {what}", where=Location(path)) from None
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", where=Location(path)) from None
    if len(raw) > limit:
        size = f"{limit / 2**20:.0f} MB"
        raise error(f"larger than {size}: is it the right file?", where=Location(path))
    return raw


def decode(raw: bytes, path: Path | str, error: type[CeclogError]) -> str:
    """File bytes -> text, refusing anything that is not UTF-8 text."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(
            f"not UTF-8 text (byte {exc.start + 1} cannot be decoded)",
            where=Location(path, line),
            hint="is this the right file? A ledger or rules file is UTF-8 TOML text",
        ) from None
    return text.removeprefix("\ufeff")


def toml_reader() -> Any:
    """The TOML parser: tomli (the project tomllib was taken from, the same parser and the same
    messages) where its compiled build is installed, about 3x faster on a ledger; else tomllib."""
    try:
        import tomli

        return tomli
    except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the fallback
        import tomllib

        return tomllib


_NEWLINE = "Illegal character '\\n'"  # tomllib's word for a line that ends inside a string


def _unclosed(message: str, text: str, line: int) -> bool:
    """The line ends inside a string: tomllib says only that a newline is not allowed there."""
    if not message.startswith(_NEWLINE):
        return False
    lines = text.splitlines()
    here = lines[line - 1].replace('\\"', "") if line <= len(lines) else ""
    return here.count('"') % 2 == 1 or here.count("'") % 2 == 1


def parse_toml(text: str, path: Path | str, error: type[CeclogError]) -> dict[str, Any]:
    reader = toml_reader()
    try:
        result: dict[str, Any] = reader.loads(text, parse_float=Decimal)
        return result
    except RecursionError:
        raise error(
            "not valid for ceclog: values are nested too deeply",
            where=Location(path, None),
            hint="a ledger or rules file has no nested arrays or tables",
        ) from None
    except reader.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = None
        pos = re.search(_TOML_POS, message)
        if pos:
            line = int(pos.group(1))
            message = message[: pos.start()] + f" (column {pos.group(2)})"
        elif re.search(_TOML_EOF, message):
            line = text.count("\n") + 1
            message = re.sub(_TOML_EOF, " (at the end of the file)", message)
        hint = "fix the TOML syntax on that line"
        if line is not None and _unclosed(message, text, line):
            message = "a string is not closed (a quote is missing)"  # at the line's end
            hint = 'end the value with the quote it starts with, on the same line: "Drying 101"'
        elif "date" in message.lower():
            hint = "dates are written YYYY-MM-DD without quotes, and the day must exist"
        raise error(
            f"not valid TOML: {message}", where=Location(path, line), hint=hint, code="toml-syntax"
        ) from None


def _describe_loc(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _got(value: Any) -> str:
    """A value as the file's author wrote it (TOML), not as Python shows it: 1E+400, not
    Decimal('1E+400'); 2022-06-01T08:00:00, not datetime.datetime(2022, 6, 1, 8, 0)."""
    import datetime as dt
    import json
    from decimal import Decimal

    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, Decimal | int | float):
        text = str(value)
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# What a whole number of the rules format means, for a value out of its range or not whole.
_WHOLE = {
    "held_years": "the whole years the certification must have been held without a break, "
    "1 to 100, without quotes (Florida's exemption: held_years = 10)",
    "reference_year": "a year in which a fixed period starts, without quotes, like "
    "reference_year = 2024 (Florida: periods from 1 August of even years)",
}

_EXPECTED = {
    "decimal_type": ("a number", "write numbers without quotes, like hours = 3.5"),
    "int_type": ("a whole number", "write it without quotes, like id = 7"),
    "float_type": ("a number", "write numbers without quotes, like 3.5"),
    "string_type": ("text in quotes", 'for example title = "Water restoration"'),
    "bool_type": ("true or false", "write planned = true without quotes"),
    "list_type": ("a list", 'for example certifications = ["WRT", "ASD"]'),
    "dict_type": ("a table", None),
    "model_type": ("a table", None),
    "dataclass_type": ("a table", None),
}


def _no_such_day(value: Any) -> str | None:
    """The hint for a quoted YYYY-MM-DD whose day does not exist ("2026-11-31"): that it does
    not, and an existing date to write without quotes; None for any other value."""
    import calendar
    import datetime as dt

    found = (
        re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip()) if isinstance(value, str) else None
    )
    if found is None:
        return None
    year, month, day = (int(g) for g in found.groups())
    try:
        dt.date(year, month, day)
        return None
    except ValueError:
        pass
    if not 1 <= month <= 12:
        why, like = f"there is no month {month}", "2024-03-15"
    else:
        last = calendar.monthrange(year, month)[1]
        why = f"{calendar.month_name[month]} {year} has {last} days"
        like = f"{year:04d}-{month:02d}-{min(max(day, 1), last):02d}"
    return (
        f"{found.group(0)} does not exist ({why}): write a date that does, without quotes, "
        f"like {like}"
    )


def _friendly(err: dict[str, Any], model: type[Any]) -> tuple[str, str | None]:
    """A Pydantic error as (message, hint) in the words of the file's author."""
    kind = err["type"]
    loc = tuple(err["loc"])
    name = str(loc[-1]) if loc else ""
    where = _describe_loc(loc)
    parent = _describe_loc(loc[:-1])
    given = err.get("input")
    if kind == "missing":
        return (
            f"{parent + ': ' if parent else ''}required key '{name}' is missing",
            f"add {name} = ... to this table",
        )
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        known = _fields_at(model, loc[:-1])
        import difflib

        close = difflib.get_close_matches(name, known, n=1)
        hint: str | None = (
            f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        )
        return f"{parent + ': ' if parent else ''}unknown key '{name}'", hint
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        hint = _no_such_day(given) or "write a TOML date without quotes, like 2024-03-15"
        return f"{where}: must be a date, got {_got(given)}", hint
    bounds = {
        "greater_than_equal": "at least",
        "greater_than": "more than",
        "less_than_equal": "at most",
        "less_than": "less than",
    }
    if kind in bounds:
        bound = str(next(iter(err.get("ctx", {}).values()), ""))
        bound = re.sub(r"Decimal\('([^']*)'\)", r"\1", bound)  # Pydantic gives a repr
        return f"{where}: must be {bounds[kind]} {bound}, got {_got(given)}", _WHOLE.get(name)
    if kind in ("string_too_long", "too_long"):
        limit = err.get("ctx", {}).get("max_length", "?")
        size = len(given) if isinstance(given, str | list) else "?"
        return f"{where}: too long: at most {limit} characters, it has {size}", None
    if kind == "value_error":
        reason = str(err["ctx"]["error"])
        return (f"{where}: {reason}" if where else reason), None
    if kind == "is_instance_of" and "Decimal" in str(err.get("ctx", {}).get("class", "")):
        kind = "decimal_type"
    expected = _EXPECTED.get(kind)
    if expected:
        hint = expected[1]
        if kind == "int_type" and name and not name.isdigit():
            hint = _WHOLE.get(name, f"write it without quotes, like {name} = 7")
        return f"{where}: must be {expected[0]}, got {_got(given)}", hint
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{where}: wrong type: {err['msg'].lower()}, got {_got(given)}", None
    return f"{where}: {err['msg'].lower()}", None


def _fields_at(model: type[Any], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the (sub)record at `loc`, for suggestions."""
    from ceclog.core.ledger.records import NESTED

    current: Any = model
    skip = False  # after a map of records (kinds), the next part is a key of the map
    for part in loc:
        if isinstance(part, int) or skip:
            skip = False
            continue
        shape, inner = NESTED.get(current.__name__, {}).get(str(part), ("", None))
        if inner is None:
            return []
        current, skip = inner, shape == "map"
    return [f.name for f in dataclasses.fields(current)]


def friendly(exc: ValidationError, model: type[Any]) -> str:
    """The first problem of a validation error, in words, without a location."""
    message, _ = _friendly(dict(exc.errors()[0]), model)
    return message


_CODES = {"missing": "missing-key", "extra_forbidden": "unknown-key"}


def _by_id(message: str, loc: tuple[str | int, ...], data: Any) -> str:
    """`entries[0].hours: …` as `entry 7: hours: …` when the entry has an ID: the ID is what
    `list` and every command show."""
    if len(loc) < 3 or loc[0] != "entries" or not isinstance(loc[1], int):
        return message
    prefix = f"entries[{loc[1]}]."
    try:
        entry_id = data["entries"][loc[1]]["id"]
    except (KeyError, IndexError, TypeError):
        return message
    if type(entry_id) is not int or not message.startswith(prefix):
        return message
    return f"entry {entry_id}: {message[len(prefix) :]}"


def problems_of(
    exc: ValidationError, model: type[Any], text: str, path: Path | str, data: Any = None
) -> list[Finding]:
    out: list[Finding] = []
    # an unknown key first: it is usually a typo that also makes a required key "missing"
    errors = sorted(
        exc.errors(),
        key=lambda e: e["type"] not in ("extra_forbidden", "unexpected_keyword_argument"),
    )
    from ceclog.store import tomlscan

    try:  # one scan of the file for every problem's line
        layout: Layout | None = tomlscan.scan(text)
    except ValueError:  # a layout the scanner does not understand: no lines, still messages
        layout = None
    for err in errors:
        loc = tuple(err["loc"])
        message, hint = _friendly(dict(err), model)
        message = _by_id(message, loc, data)
        line = _safe_line(layout, loc) if loc and layout is not None else None
        code = _CODES.get(err["type"], "invalid-value")
        if err["type"] == "unexpected_keyword_argument":
            code = "unknown-key"
        out.append(Finding(code, message, loc, hint, Location(path, line)))
    return out


def locate(findings: list[Finding], text: str, path: Path | str) -> list[Finding]:
    """The findings with their `file:line` (found from each one's data path), by line."""
    if not findings:
        return []
    from ceclog.store import tomlscan

    layout = tomlscan.scan(text)
    located = [f._replace(where=Location(path, tomlscan.line_of(layout, f.path))) for f in findings]
    return sorted(located, key=lambda f: (f.where.line if f.where else 0) or 0)


def _safe_line(layout: Layout, loc: tuple[str | int, ...]) -> int | None:
    from ceclog.store.tomlscan import line_of

    try:
        return line_of(layout, loc)
    except ValueError:  # a layout the scanner does not understand: no line, still a message
        return None


def validate(
    model: type[M], data: dict[str, Any], text: str, path: Path | str, error: type[CeclogError]
) -> M:
    """Validate `data` (parsed from `text`) or raise `error` describing the first problem."""
    from pydantic import ValidationError

    from ceclog.store import schema

    try:
        return schema.validate(model, data)
    except ValidationError as exc:
        problems = problems_of(exc, model, text, path, data)
        raised = several(error, problems[0], problems)
        raised.problems = sorted(problems, key=lambda p: (p.where.line if p.where else 0) or 0)
        raise raised from None


def several(error: type[E], first: Finding, problems: list[Finding]) -> E:
    """The error for a file with `problems`, told by `first`: when there are more, the message
    counts them and the hint points to `ceclog check`, which lists them all."""
    more = len(problems) - 1
    if not more:
        return error(first.message, where=first.where, hint=first.hint, code=first.code)
    message = f"{first.message} (and {plural(more, 'more problem')})"
    see = f"run `ceclog check` to see all {len(problems)} problems"
    hint = f"{first.hint}; {see}" if first.hint else see
    return error(message, where=first.where, hint=hint, code=first.code)
