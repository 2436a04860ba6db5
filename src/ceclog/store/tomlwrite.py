"""TOML text for new values and tables, in the ledger's conventions, rendered by tomli-w.

tomli-w formats the scalars (strings with their escapes, booleans, integers, floats, dates)
and quoted keys; this module lays them out as the ledger is written by hand, where tomli-w
would not: arrays and inline tables on one line (tomli-w writes an array one item a line),
sub-tables as ``[name.key]`` / ``[[name.key]]`` blocks after their table (tomli-w writes a
short array of tables inline), keys in the order given, ``None`` left out.  ``Decimal``
numbers are formatted here, with all their digits: tomli-w writes ``Decimal("1E+1")`` as
``1e+1`` (a person writes ``10.0``), and NaN and infinities, which a ledger must never hold.

tomli-w is imported when something is rendered, never when a ledger is only read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")

# A token is text to write as it is, or a 1-tuple holding a scalar for tomli-w to format.
_Token = str | tuple[object]

# The spelling of the few escapes where tomli-w differs from what ceclog always wrote:
# a tab inside a string as \t (tomli-w leaves it raw, invisible in an editor) and \u001F
# in capitals.  Matching \\ first keeps an escaped backslash followed by "u00.." intact.
_RE_RESPELL = re.compile(r"\\\\|\\u00[0-9a-f]{2}|\t")


def _respell(m: re.Match[str]) -> str:
    s = m.group()
    return "\\t" if s == "\t" else s[:4] + s[4:].upper()


def _join(tokens: list[_Token]) -> str:
    """The text of tokens, the scalars among them formatted by one call of tomli-w."""
    scalars = [t[0] for t in tokens if isinstance(t, tuple)]
    if not scalars:
        return "".join(t for t in tokens if isinstance(t, str))
    import tomli_w

    text = tomli_w.dumps({str(i): v for i, v in enumerate(scalars)})
    # one "i = value" line per scalar: strings are written on one line (newlines escaped)
    lines = iter(_RE_RESPELL.sub(_respell, text).split("\n"))
    return "".join(t if isinstance(t, str) else next(lines).partition(" = ")[2] for t in tokens)


def format_decimal(value: Decimal) -> str:
    """A Decimal as a TOML float with all its digits (1.50 stays 1.50, 21 is 21.0)."""
    if not value.is_finite():
        raise ValueError(f"cannot write non-finite number {value} to TOML")
    if -20 <= value.adjusted() <= 20:
        text = format(value, "f")
        return text if "." in text else text + ".0"
    sign, digits, _ = value.as_tuple()
    mantissa = "".join(map(str, digits))
    mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{value.adjusted()}"


def _key(key: str, out: list[_Token]) -> None:
    if not isinstance(key, str):
        raise TypeError(f"TOML keys must be str, not {type(key).__name__}")
    out.append(key if _BARE.fullmatch(key) else (str(key),))


def _value(value: object, out: list[_Token]) -> None:
    """Append the tokens of one value written on one line (dicts as inline tables)."""
    if isinstance(value, dt.datetime):
        raise ValueError("datetime values are not supported, only dates")
    if isinstance(value, str | bool | dt.date):
        out.append((value,))
    elif isinstance(value, int):
        out.append((int(value),))
    elif isinstance(value, Decimal):
        out.append(format_decimal(value))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write non-finite number {value} to TOML")
        out.append((float(value),))
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            out.append(", " if i else "")
            _value(item, out)
        out.append("]")
    elif isinstance(value, dict):
        items = [(k, v) for k, v in value.items() if v is not None]
        out.append("{ " if items else "{}")
        for i, (k, v) in enumerate(items):
            out.append(", " if i else "")
            _key(k, out)
            out.append(" = ")
            _value(v, out)
        out.append(" }" if items else "")
    else:
        raise TypeError(f"cannot write {type(value).__name__} to TOML")


def format_key(key: str) -> str:
    """One key part: bare when possible, else a basic string."""
    out: list[_Token] = []
    _key(key, out)
    return _join(out)


def format_name(name: tuple[str, ...]) -> str:
    """A dotted table name, as in its header."""
    return ".".join(format_key(part) for part in name)


def format_value(value: object) -> str:
    """TOML text of one value (single line; dicts become inline tables)."""
    out: list[_Token] = []
    _value(value, out)
    return _join(out)


def tableish(value: object) -> bool:
    """True for values written as sub-tables by format_table: dicts and lists of dicts."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, dict) for item in value)
    return isinstance(value, dict)


def _table(header: list[_Token], table: dict[str, Any], array: bool, out: list[_Token]) -> None:
    out += ["[[" if array else "[", *header, "]]\n" if array else "]\n"]
    subs: list[tuple[list[_Token], Any, bool]] = []
    for key, value in table.items():
        if value is None:
            continue
        name = [*header, "."]
        _key(key, name)
        if not tableish(value):
            out += name[len(header) + 1 :]
            out.append(" = ")
            _value(value, out)
            out.append("\n")
        elif isinstance(value, dict):
            subs.append((name, value, False))
        else:
            subs += [(name, item, True) for item in value]
    for name, sub, sub_array in subs:
        out.append("\n")
        _table(name, sub, sub_array, out)


def format_table(header: str, table: dict[str, Any], *, array: bool) -> str:
    """A whole table block: header line, ``key = value`` lines, then sub-tables."""
    out: list[_Token] = []
    _table([header], table, array, out)
    return _join(out)


def clean(value: Any) -> Any:
    """`value` without the None values of its tables (TOML has no null)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if v is not None}
    return [clean(v) for v in value] if isinstance(value, list) else value


def array_tables(name: tuple[str, ...], tables: list[dict[str, Any]], newline: str) -> str:
    """``[[name]]`` blocks for `tables`, one blank line apart, with the file's line endings."""
    header = format_name(name)
    blocks = [format_table(header, clean(t), array=True).replace("\n", newline) for t in tables]
    return newline.join(blocks)
