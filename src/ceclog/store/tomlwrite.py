"""TOML text for new values and tables, in the ledger's conventions: arrays and inline tables
on one line, sub-tables as ``[name.key]`` / ``[[name.key]]`` blocks after their table, keys in
the order given, ``None`` left out, ``Decimal`` numbers with all their digits.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)} | {
    ord(c): "\\" + e for c, e in zip('\b\t\n\f\r"\\', 'btnfr"\\', strict=True)
}


def format_key(key: str) -> str:
    """One key part: bare when possible, else a basic string."""
    if not isinstance(key, str):
        raise TypeError(f"TOML keys must be str, not {type(key).__name__}")
    return key if _BARE.fullmatch(key) else '"' + key.translate(_ESCAPES) + '"'


def format_name(name: tuple[str, ...]) -> str:
    """A dotted table name, as in its header."""
    return ".".join(format_key(part) for part in name)


def format_decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write non-finite number {value} to TOML")
    if -20 <= value.adjusted() <= 20:
        text = format(value, "f")
        return text if "." in text else text + ".0"
    sign, digits, _ = value.as_tuple()
    mantissa = "".join(map(str, digits))
    mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{value.adjusted()}"


def format_value(value: object) -> str:
    """TOML text of one value (single line; dicts become inline tables)."""
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPES) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write non-finite number {value} to TOML")
        return repr(float(value))
    if isinstance(value, dt.datetime):
        raise ValueError("datetime values are not supported, only dates")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = [f"{format_key(k)} = {format_value(v)}" for k, v in value.items() if v is not None]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def tableish(value: object) -> bool:
    """True for values written as sub-tables by format_table: dicts and lists of dicts."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, dict) for item in value)
    return isinstance(value, dict)


def format_table(header: str, table: dict[str, Any], *, array: bool) -> str:
    """A whole table block: header line, ``key = value`` lines, then sub-tables."""
    out = [f"[[{header}]]\n" if array else f"[{header}]\n"]
    subs: list[str] = []
    for key, value in table.items():
        if value is None:
            continue
        if not tableish(value):
            out.append(f"{format_key(key)} = {format_value(value)}\n")
        elif isinstance(value, dict):
            subs.append("\n" + format_table(f"{header}.{format_key(key)}", value, array=False))
        else:
            name = f"{header}.{format_key(key)}"
            subs.extend("\n" + format_table(name, item, array=True) for item in value)
    return "".join(out + subs)
