"""Dates in an imported column, as people write them, never guessed row by row.

A value reads one way when it says its order: `2026-03-05` (year first), `Mar 5, 2026`,
`5-Mar-26`, `March 5 2026`, `5 de marzo de 2026` (a month's name), `05.03.2026` (dots: day
first, as every country writing them does), or an Excel serial number (`46086`, between 2000
and 2100).  A numeric `03/05/2026` reads two ways, month or day first: the column settles it.
One value whose first number is above 12 (`25/03/2026`) settles day first for the whole
column, one whose second is (`03/25/2026`) month first; a column holding both is refused
(naming the two rows); a column where no value settles it and some value reads two ways is
refused with the line that settles it.  A two-digit year is 20YY up to 29, else 19YY (Excel's
rule).  A mapping's format (`[dates] date = "DD/MM/YYYY"`, or `excel`) settles the order."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ceclog.core.ledger.vocabulary import plain
from ceclog.errors import InputError

EXCEL = "excel"
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's 1900 leap day
SERIALS = (36526, 73051)  # 2000-01-01 up to 2100-01-01: what a class date can be
TIME_TAIL = re.compile(r"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(\s*[ap]\.?m\.?)?$", re.I)
ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
MONTHS = {
    **dict.fromkeys(("jan", "january", "ene", "enero"), 1),
    **dict.fromkeys(("feb", "february", "febrero"), 2),
    **dict.fromkeys(("mar", "march", "marzo"), 3),
    **dict.fromkeys(("apr", "april", "abr", "abril"), 4),
    **dict.fromkeys(("may", "mayo"), 5),
    **dict.fromkeys(("jun", "june", "junio"), 6),
    **dict.fromkeys(("jul", "july", "julio"), 7),
    **dict.fromkeys(("aug", "august", "ago", "agosto"), 8),
    **dict.fromkeys(("sep", "sept", "september", "septiembre", "setiembre"), 9),
    **dict.fromkeys(("oct", "october", "octubre"), 10),
    **dict.fromkeys(("nov", "november", "noviembre"), 11),
    **dict.fromkeys(("dec", "december", "dic", "diciembre"), 12),
}
SKIPPED_WORDS = {  # weekdays and fillers around a month's name
    *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"),
    *("de", "del", "of", "the"),
}


@dataclass(frozen=True)
class Numeric:
    """A date such as 03/05/2026: its two first numbers, the year, and how it is written."""

    first: int
    second: int
    year: int
    sep: str
    year_digits: int

    def reading(self, order: str) -> dt.date | None:
        month, day = (self.first, self.second) if order == "MD" else (self.second, self.first)
        return make(self.year, month, day)

    def format(self, order: str) -> str:
        """The mapping format of this value in an order: "MM/DD/YYYY", "DD-MM-YY"."""
        a, b = ("MM", "DD") if order == "MD" else ("DD", "MM")
        return f"{a}{self.sep}{b}{self.sep}{'Y' * self.year_digits}"


def year_of(digits: str) -> int:
    value = int(digits)
    if len(digits) == 4:
        return value
    return 2000 + value if value < 30 else 1900 + value


def make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def serial_date(text: str, anything: bool = False) -> dt.date | None:
    """An Excel serial number as a date: 45292 -> 2024-01-01 (a fraction is the time of day).
    Without `anything`, only serials between 2000 and 2100 (a class date, not a count)."""
    if not re.fullmatch(r"\d{1,7}([.,]\d+)?", text):
        return None
    serial = float(text.replace(",", "."))
    low, high = (1, 2958466) if anything else SERIALS
    if not low <= serial < high:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def named_month(text: str) -> dt.date | None:
    """A date with a month's name: "Mar 5, 2026", "5-Mar-26", "March 5th 2026",
    "jueves, 5 de marzo de 2026", "2026 Mar 05"."""
    words = [w for w in re.split(r"[\s,./-]+", plain(text)) if w and w not in SKIPPED_WORDS]
    words = [re.sub(r"^(\d{1,2})(st|nd|rd|th|o|a)$", r"\1", w) for w in words]
    months = [w for w in words if w in MONTHS]
    numbers = [w for w in words if w.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(words) != 3:
        return None
    month = MONTHS[months[0]]
    if len(numbers[0]) == 4 and words[0] == numbers[0]:  # 2026 Mar 05
        year, day = numbers
    else:
        day, year = numbers
    if len(day) > 2 or len(year) not in (2, 4):
        return None
    return make(year_of(year), month, int(day))


def parse(text: str) -> dt.date | Numeric | None:
    """A date that reads one way, a `Numeric` that may read two, or None (not a date)."""
    value = TIME_TAIL.sub("", text.strip()) or text.strip()
    iso = ISO.fullmatch(value)
    if iso:
        return make(int(iso[1]), int(iso[3]), int(iso[4]))
    numeric = NUMERIC.fullmatch(value)
    if numeric:
        first, sep, second, year = int(numeric[1]), numeric[2], int(numeric[3]), numeric[4]
        found = Numeric(first, second, year_of(year), sep, len(year))
        if sep == ".":  # 05.03.2026: day first, wherever dots are written
            return found.reading("DM")
        return found
    return serial_date(value) or named_month(value)


def order_of(fmt: str) -> str:
    return "MD" if fmt.index("MM") < fmt.index("DD") else "DM"


def check_format(fmt: str) -> str:
    if fmt.strip().lower() == EXCEL:
        return EXCEL
    if not re.fullmatch(r"[YMD./ -]+", fmt) or not all(t in fmt for t in ("MM", "DD")):
        raise InputError(
            f"date format {fmt!r}: write it with YYYY (or YY), MM and DD, or `excel`",
            hint='for example "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"',
        )
    return fmt


@dataclass(frozen=True)
class DateColumn:
    """How one column's dates read: the order of its numeric dates ("MD", "DM", or None when
    none needs one), the mapping's format if it gave one, and a note on how it was settled."""

    order: str | None = None
    given: str | None = None
    note: str | None = None

    def read(self, text: str) -> dt.date | None:
        value = text.strip()
        if self.given == EXCEL:
            return serial_date(TIME_TAIL.sub("", value), anything=True) or iso_only(value)
        found = parse(value)
        if isinstance(found, Numeric):
            return found.reading(self.order) if self.order else None
        return found

    @property
    def fmt(self) -> str | None:
        """The mapping line `--save-map` writes: the format given, or the order settled."""
        if self.given:
            return self.given
        return {"MD": "MM/DD/YYYY", "DM": "DD/MM/YYYY"}.get(self.order or "")


def iso_only(value: str) -> dt.date | None:
    found = parse(value)
    return found if isinstance(found, dt.date) else None


def date_column(
    name: str, header: str, values: list[tuple[str, str]], given: str | None
) -> DateColumn:
    """How the column `header` (field `name`) reads; `values` are (row, cell).  Refused when
    it truly reads two ways, with the one line that settles it."""
    if given is not None:
        given = check_format(given)
        return DateColumn(order_of(given) if given != EXCEL else None, given)
    numeric = [(row, v, p) for row, v in values if isinstance(p := parse(v), Numeric)]
    month_first = [(row, v) for row, v, p in numeric if p.reading("DM") is None and p.reading("MD")]
    day_first = [(row, v) for row, v, p in numeric if p.reading("MD") is None and p.reading("DM")]
    if month_first and day_first:
        (row_m, m), (row_d, d) = month_first[0], day_first[0]
        raise InputError(
            f"column {header!r} has dates written month first ({m.strip()!r}, row {row_m}) "
            f"and day first ({d.strip()!r}, row {row_d}); nothing was written",
            hint="correct the one that is wrong in the sheet, or write it with the month's "
            "name (Mar 25, 2026)",
        )
    if month_first or day_first:
        order = "MD" if month_first else "DM"
        row, value = (month_first or day_first)[0]
        said = "month first" if order == "MD" else "day first"
        return DateColumn(
            order, note=f"column {header!r}: dates read {said} ({value.strip()!r}, row {row})"
        )
    for _, value, found in numeric:
        md, dm = found.reading("MD"), found.reading("DM")
        if md is not None and dm is not None and md != dm:
            a, b = found.format("MD"), found.format("DM")
            raise InputError(
                f"column {header!r} has dates that read two ways: {value.strip()!r} is {md} "
                f"as {a} and {dm} as {b}, and no date in the column settles it; nothing was "
                "written",
                hint=f"write one date with the month's name ({md:%b} {md.day}, {md.year}), or "
                f'give the order in a mapping file (--map MAP.toml): [dates] {name} = "{a}" '
                f'(or "{b}")',
            )
    return DateColumn("MD" if numeric else None)


def serial_note(header: str, values: list[str]) -> str | None:
    """A note when a column holds Excel serial numbers (a sheet saved as CSV with its date
    cells formatted as numbers)."""
    for value in values:
        day = serial_date(value.strip())
        if day is not None:
            return f"column {header!r} holds Excel serial numbers: read as dates ({value} = {day})"
    return None
