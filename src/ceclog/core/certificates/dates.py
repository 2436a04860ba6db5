"""Dates as certificates print them, read with explicit formats and never guessed from today:
2026-03-14, 03/14/2026 (month first) or 14/03/2026 (day first, when the first number is over
12), 14.03.2026, March 14, 2026, 14 March 2026, the 14th day of March, 2026; a range
(March 12-14, 2026; 03/12/2026 - 03/14/2026) gives its last day.  What reads two ways
(03/04/2026), or has no day (March 2026), is no date until the user says which."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?P<mon>{_MONTHS})\.?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# a text that is one day and nothing else, as a line alone gives it: "February 26, 2026",
# "Thursday, Feb. 26, 2026", "26 February 2026", "02/26/2026", "5/15/26", "2026-02-26"
ONE_DAY = re.compile(
    rf"{_WEEKDAY}(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
# -, en dash, em dash, words; "&" or "and" joins two days of one class ("March 11 & 12, 2026")
_DASH = r"\s*(?:-|\u2013|\u2014|&|and|to|through|thru)\s*"
_D, _D2, _Y = rf"(?P<d>\d{{1,2}}){_ORD}", rf"(?P<d2>\d{{1,2}}){_ORD}", r"(?P<y>\d{4})"
_NO_NUM_BEFORE, _NO_NUM_AFTER = r"(?<![\d/.-])", r"(?![\d/.-])"
_NUMERIC = {
    "YYYY-MM-DD": r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})",
    "DD.MM.YYYY": r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})",
    "MM/DD/YYYY": r"(?P<a>\d{1,2})(?P<s>[/-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})",
}
# the formats, each one regular expression; tried in this order, a span read once
FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("Month D-D, YYYY", rf"\b{_MONTH}\s+{_D}{_DASH}{_D2},?\s+{_Y}\b"),
        ("D-D Month YYYY", rf"\b{_D}{_DASH}{_D2}\s+{_MONTH},?\s+{_Y}\b"),
        ("Month D, YYYY", rf"\b{_MONTH}\s+{_D},?\s+{_Y}\b"),
        ("D Month YYYY", rf"\b{_D}\s+(?:day\s+)?(?:of\s+)?{_MONTH},?\s+{_Y}\b"),
        ("D-Mon-YYYY", rf"\b{_D}-{_MONTH}-{_Y}\b"),
        *((name, _NO_NUM_BEFORE + p + _NO_NUM_AFTER) for name, p in _NUMERIC.items()),
        ("Month YYYY", rf"\b{_MONTH},?\s+{_Y}\b"),
        ("MM/YYYY", rf"{_NO_NUM_BEFORE}(?P<m>\d{{1,2}})/{_Y}{_NO_NUM_AFTER}"),
    )
)
NO_DAY = {"Month YYYY", "MM/YYYY"}


@dataclass(frozen=True)
class DateReading:
    """What a text says as a date: `value` when it reads one way; else the readings it allows
    (two: the user must say which; none: it has no day).  `notes` say how it was read."""

    value: dt.date | None
    readings: tuple[dt.date, ...]
    notes: tuple[str, ...]
    problem: str | None = None


def _month(name: str) -> int:
    return [m[:3] for m in _MONTHS.split("|")].index(name[:3].lower()) + 1


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dates(name: str, m: re.Match[str]) -> tuple[list[dt.date | None], str | None]:
    """The dates one match names (two readings for MM/DD vs DD/MM), and a note."""
    g = m.groupdict()
    year = _year(g["y"])
    if "mon" in g and g["mon"] is not None:
        month = _month(g["mon"])
        if name in NO_DAY:
            return [], None
        days = [int(g["d"])] + ([int(g["d2"])] if g.get("d2") else [])
        return [_day(year, month, d) for d in days], None
    if name == "MM/YYYY":
        return [], None
    if name == "MM/DD/YYYY":
        a, b = int(g["a"]), int(g["b"])
        month_first, day_first = _day(year, a, b), _day(year, b, a)
        if month_first and day_first and month_first != day_first:
            return [month_first, day_first], "two"
        if day_first and not month_first:
            return [day_first], "dm"
        return [month_first], "md" if a != b else None
    return [_day(year, int(g["m"]), int(g["d"]))], None


class Found(NamedTuple):
    """One date format's match in a text."""

    start: int
    name: str  # the format
    dates: list[dt.date | None]  # what it names (two readings: MM/DD or DD/MM)
    order: str | None  # "two" (reads both ways), "md", "dm", or None
    text: str


def _day_first(text: str) -> str:
    return f"{text!r} read day first (there is no month {text[:2].strip('/-')})"


# (a time of day after a date is no stray digit: "2026-05-14 16:22" as an LMS prints it)
_STRAY_BEFORE = re.compile(r"[\d/.-]*\d {1,2}$")
_STRAY_AFTER = re.compile(r"^ {1,2}(?!\d{1,2}:\d{2}(?::\d{2})?(?![\d/.:-]))\d[\d/.-]*")


def _split(text: str, found: list[Found]) -> str | None:
    """Why a date with a number a space apart is no date: OCR splits digits ("11/19/2026"
    read as "1 1/19/2026" is no January 19), so what the date is cannot be told."""
    for f in found:
        end = f.start + len(f.text)
        before = _STRAY_BEFORE.search(text[: f.start])
        after = _STRAY_AFTER.search(text[end:])
        if before or after:
            shown = text[
                before.start() if before else f.start : end + (after.end() if after else 0)
            ]
            return f"{shown!r} has a digit apart from the date (OCR may split one): type the date"
    return None


_UNREAD = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d+")


def _unread(text: str, found: list[Found]) -> str | None:
    """Why a date joined by a dash, `to` or `through` to a date-like number that reads as no
    date gives none: a range's other end run into the next column ("06/10/2025 -
    06/12/202521") is no one-day class."""
    spans = [(f.start, f.start + len(f.text)) for f in found]
    for m in _UNREAD.finditer(text):
        if any(s <= m.start() and m.end() <= e for s, e in spans):
            continue  # a date read
        for s, e in spans:
            gap = text[e : m.start()] if e <= m.start() else text[m.end() : s]
            if re.fullmatch(_DASH, gap, re.IGNORECASE):
                return f"{m.group(0)!r} reads as no date: type the date"
    return None


def _one_month(text: str, found: list[Found]) -> list[Found]:
    """A range of two dates that each read two ways, sharing one number: the shared number is
    the month when that makes a class of days and the other reading spans a month or more
    ("06/01/26 - 06/02/26" is June 1 to 2, not January 6 to February 6)."""
    if len(found) != 2 or any(f.order != "two" or len(f.dates) != 2 for f in found):
        return found
    one, other = found
    if not re.fullmatch(_DASH, text[one.start + len(one.text) : other.start], re.IGNORECASE):
        return found
    for keep in (0, 1):
        a, b = one.dates[keep], other.dates[keep]
        c, d = one.dates[1 - keep], other.dates[1 - keep]
        if a and b and c and d and 0 < (b - a).days <= 14 and (d - c).days >= 28:
            return [f._replace(dates=[f.dates[keep]], order=None) for f in found]
    return found


# a dash run into the numeric dates on both sides of it
_JOINED = re.compile(r"(?<=/)(\d{4}|\d{2})([-\u2013\u2014])(?=\d{1,2}/\d{1,2}/\d)")


def read_date(text: str, order: str | None = None) -> DateReading:
    """The date `text` gives, or why it gives none; `order` ("md" month first, "dm" day
    first): how a date that reads two ways is read (the page says where it is from)."""
    text = _JOINED.sub(r"\1 \2 ", text)  # "03/23/2026-03/25/2026": two dates, a range
    taken = [False] * len(text)
    found: list[Found] = []
    for name, pattern in FORMATS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            dates, note = _dates(name, m)
            found.append(Found(m.start(), name, dates, note, m.group(0)))
    found.sort(key=lambda f: f.start)
    if not found:
        return DateReading(None, (), (), "no date in it")
    split = _split(text, found) or _unread(text, found)
    if split is not None:
        return DateReading(None, (), (), split)
    if any(None in f.dates for f in found):
        bad = next(f.text for f in found if None in f.dates)
        return DateReading(None, (), (), f"{bad!r} is no date (no such day)")
    if all(f.name in NO_DAY for f in found):
        return DateReading(None, (), (), f"{found[0].text!r} has no day: type the day it ended")
    found = [f for f in found if f.name not in NO_DAY]
    orders = {f.order for f in found if f.order in ("md", "dm")}
    if len(orders) == 1:  # a range whose other end settles the order: 03/12 - 03/14/2026
        keep = slice(0, 1) if orders.pop() == "md" else slice(1, None)
        found = [f._replace(dates=f.dates[keep]) if f.order == "two" else f for f in found]
    found = _one_month(text, found)
    two = [f for f in found if f.order == "two" and len(f.dates) == 2]
    if two and order is not None:
        keep = slice(0, 1) if order == "md" else slice(1, None)
        found = [f._replace(dates=f.dates[keep]) if f in two else f for f in found]
    elif two:
        month_first, day_first = read_date(text, "md"), read_date(text, "dm")
        if month_first.value is not None and day_first.value is not None:
            a, b = month_first.value, day_first.value  # a range's last day, each way
        else:
            a, b = two[0].dates  # type: ignore[assignment]
        shown = two[0].text if len(found) == 1 else text.strip()
        return DateReading(
            None,
            (a, b),
            (),
            f"{shown!r} reads two ways: {a} (month first) or {b} (day first): say which",
        )
    notes = [_day_first(f.text) for f in found if f.order == "dm"]
    # dates joined by a dash, "to" or "through" are a range; any others are several dates
    for one, other in itertools.pairwise(found):
        if not re.fullmatch(_DASH, text[one.start + len(one.text) : other.start], re.IGNORECASE):
            shown = ", ".join(repr(f.text) for f in found)
            return DateReading(None, (), (), f"several dates ({shown}): say which")
    in_order = [d for f in found for d in f.dates if d is not None]
    if in_order != sorted(in_order):
        return DateReading(None, (), (), f"{text.strip()!r} ends before it starts: say which")
    days = sorted(in_order)
    if len(days) > 1 and days[0] != days[-1]:
        notes.append(f"a range, {days[0]} to {days[-1]}: its last day")
    return DateReading(days[-1], (days[-1],), tuple(notes))
