"""Dates in an imported column: one format per column (tokens YYYY, YY, MM, DD, or `excel`
serial numbers), never guessed row by row.  A column whose values read two ways under the
formats that fit all of them is refused, showing both readings and the mapping line that
settles it."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ceclog.errors import InputError

FORMATS = (  # the formats tried on a column when the mapping gives none, in this order
    "YYYY-MM-DD",
    "YYYY/MM/DD",
    "MM/DD/YYYY",
    "DD/MM/YYYY",
    "DD.MM.YYYY",
    "MM-DD-YYYY",
    "DD-MM-YYYY",
    "MM/DD/YY",
    "DD/MM/YY",
    "DD.MM.YY",
)
EXCEL = "excel"
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's 1900 leap day
TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


@functools.cache  # one pattern per format, not one per cell
def format_regex(fmt: str) -> re.Pattern[str]:
    parts = re.split(r"(YYYY|YY|MM|DD)", fmt)
    groups = {
        "YYYY": r"(?P<y>\d{4})",
        "YY": r"(?P<yy>\d{2})",
        "MM": r"(?P<m>\d{1,2})",
        "DD": r"(?P<d>\d{1,2})",
    }
    return re.compile("^" + "".join(groups.get(p, re.escape(p)) for p in parts) + "$")


def read_date(text: str, fmt: str) -> dt.date | None:
    """`text` in the format `fmt` (tokens YYYY, YY, MM, DD; or `excel` serials), or None."""
    value = TIME_TAIL.sub("", text.strip())
    if fmt == EXCEL:
        try:
            serial = float(value.replace(",", "."))
        except ValueError:
            return None
        if not 1 <= serial < 2958466 or (serial != int(serial) and serial % 1 > 0.99999):
            return None
        return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    match = format_regex(fmt).match(value)
    if match is None:
        return None
    parts = match.groupdict()
    year = int(parts["y"]) if parts.get("y") else 2000 + int(parts["yy"])
    try:
        return dt.date(year, int(parts["m"]), int(parts["d"]))
    except ValueError:
        return None


def check_format(fmt: str) -> str:
    if fmt.strip().lower() == EXCEL:
        return EXCEL
    if not re.fullmatch(r"[YMD./ -]+", fmt) or not all(t in fmt for t in ("MM", "DD")):
        raise InputError(
            f"date format {fmt!r}: write it with YYYY (or YY), MM and DD, or `excel`",
            hint='for example "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"',
        )
    return fmt


def column_format(name: str, header: str, values: list[str], given: str | None) -> str:
    """The one format of a date column: the mapping's, else the only reading every value
    allows.  Two formats that read a value differently are refused, showing both readings."""
    if given is not None:
        return check_format(given)
    filled = [v for v in values if v.strip()]
    counts = {f: sum(1 for v in filled if read_date(v, f)) for f in FORMATS}
    best = max(counts.values(), default=0)
    fitting = [f for f in FORMATS if counts[f] == best]  # each other row then is an error
    filled = [v for v in filled if read_date(v, fitting[0])]
    first = fitting[0]
    for other in fitting[1:]:
        for value in filled:
            a, b = read_date(value, first), read_date(value, other)
            if b is not None and a != b:
                raise InputError(
                    f"column {header!r} has dates that read two ways: {value.strip()!r} is "
                    f"{a} as {first} and {b} as {other}; nothing was written",
                    hint=f"say which with a mapping file (--map MAP.toml) holding the line  "
                    f'{name} = "{first}"  (or "{other}") under [dates]',
                )
    return first
