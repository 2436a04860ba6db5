"""An Excel workbook (.xlsx, .xlsm) as text cells, sheet by sheet: the one module that imports
openpyxl (when `ceclog import` reads a workbook, never at start-up).

Cells become the text a person sees, in the forms the import reads: a date cell its date
(`2026-03-05`), a time or duration cell hours and minutes (`1:30`), a number as it is shown
(its number format's decimals, else at most 15 significant digits: 3.5 stays 3.5, never
3.4999999999999996), TRUE / FALSE.  A whole number under a time or date format (2 in an `h:mm`
cell: 1900-01-02 to openpyxl, 0:00 in Excel) is an `amounts.Formatted` cell, which an amount
column refuses saying how Excel shows it.  A merged cell's value is in each cell it covers, as
people see it.  Hidden sheets are read only when named (`--sheet`)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ceclog.core.imports.amounts import Formatted
from ceclog.errors import InputError, Location

MAX_UNPACKED = 500 * 1024 * 1024  # a workbook of 50 MB that unpacks beyond this is no log
Rows = list[tuple[int, list[str]]]
ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def check_zip(raw: bytes, path: Path) -> None:
    """A ZIP that is an Excel workbook, or a message saying what it is instead."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            unpacked = sum(i.file_size for i in archive.infolist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError) as exc:
        raise InputError(
            f"is a damaged ZIP file or workbook: {exc}",
            where=Location(path),
            hint="open it in Excel and save it again as .xlsx",
        ) from None
    if mimetype.startswith(ODS):
        raise InputError(
            "is an OpenDocument spreadsheet (.ods), which ceclog does not read",
            where=Location(path),
            hint="save it as an Excel workbook (.xlsx) or as CSV UTF-8, and import that",
        )
    if "xl/workbook.xml" not in names:
        raise InputError(
            "is a ZIP archive, not an Excel workbook",
            where=Location(path),
            hint="give the .xlsx workbook or a CSV file",
        )
    if unpacked > MAX_UNPACKED:
        raise InputError(
            "unpacks to more than 500 MB: is it the right workbook?", where=Location(path)
        )


def read_workbook(raw: bytes, path: Path, sheet: str | None) -> list[tuple[str, Rows]]:
    """Each sheet's name and its non-empty rows (numbered as Excel shows them); with `sheet`,
    only that one."""
    check_zip(raw, path)
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():  # "Data Validation extension is not supported"...
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise InputError(
            f"is not a workbook ceclog can read: {exc}",
            where=Location(path),
            hint="open it in Excel and save it again as .xlsx (or as CSV UTF-8)",
        ) from None
    sheets = book.worksheets
    if sheet is not None:
        named = [s for s in sheets if s.title == sheet] or [
            s for s in sheets if s.title.casefold() == sheet.strip().casefold()
        ]
        if not named:
            raise InputError(
                f"has no sheet named {sheet!r}",
                where=Location(path),
                hint="its sheets: " + ", ".join(repr(s.title) for s in sheets),
            )
        sheets = named[:1]
    else:
        sheets = [s for s in sheets if s.sheet_state == "visible"]
    return [(s.title, rows_of(s)) for s in sheets]


def rows_of(sheet: Any) -> Rows:
    merged: dict[tuple[int, int], Any] = {}
    for area in sheet.merged_cells.ranges:
        top = sheet.cell(area.min_row, area.min_col)
        value = text(top.value, top.number_format)
        for r in range(area.min_row, area.max_row + 1):
            for c in range(area.min_col, area.max_col + 1):
                merged[(r, c)] = value
    out: Rows = []
    for cells in sheet.iter_rows():
        values = [merged.get((c.row, c.column)) or text(c.value, c.number_format) for c in cells]
        if cells and any(v.strip() for v in values):
            out.append((cells[0].row, values))
    return out


def text(value: Any, number_format: str) -> str:
    """A cell's value as the import reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.date() < LEAP_DAY:  # a serial below 60: a duration, or a number of days
            span = value - dt.datetime(1899, 12, 31)
            if span.seconds or span.microseconds or not span.days:
                return duration(span)
            return days_cell(value.date().isoformat(), span.days, number_format)
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return duration(dt.timedelta(hours=value.hour, minutes=value.minute, seconds=value.second))
    if isinstance(value, dt.timedelta):
        if value.days and not (value.seconds or value.microseconds):
            return days_cell(duration(value), value.days, number_format)
        return duration(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return shown(value, number_format)
    return str(value)


LEAP_DAY = dt.date(1900, 3, 1)  # serials before Excel's 1900-02-29 (openpyxl shifts them)


def days_cell(read: str, days: int, number_format: str) -> Formatted:
    """A whole number of days under a time or date format, and how Excel shows it."""
    fmt = re.sub(r'"[^"]*"|\\.|\[(?!h\]|hh\])[^\]]*\]', "", number_format.casefold())
    time = "h" in fmt or "s" in fmt
    parts = []
    if "y" in fmt or "d" in fmt:
        first = min((fmt.find(c), c) for c in "ymd" if c in fmt)[1]
        date = dt.date(1899, 12, 31) + dt.timedelta(days=days)  # as openpyxl reads a serial
        parts.append(
            date.isoformat()
            if first == "y"
            else f"{date.day}/{date.month}/{date.year}"
            if first == "d"
            else f"{date.month}/{date.day}/{date.year}"
        )
    if time:
        if "[h" in fmt:
            parts.append(f"{days * 24}:00")
        elif "am/pm" in fmt:
            parts.append("12:00 AM")
        else:
            parts.append("00:00" if "hh" in fmt else "0:00")
    shown = " ".join(parts) or read
    return Formatted(read, shown, "a time" if time else "a date", days)


def duration(span: dt.timedelta) -> str:
    minutes, seconds = divmod(round(span.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def shown(value: float, number_format: str) -> str:
    """A number without float noise (15 significant digits, what Excel keeps; never an
    exponent).  One with more than two decimals is taken as its cell shows it, when its
    format shows fewer (1.6666... as 0.00 is 1.67)."""
    number = Decimal(format(value, ".15g"))
    decimals = re.search(r"\.(0+)", number_format.split(";")[0])
    if number.as_tuple().exponent < -2 and decimals and abs(number) < 10**12:  # type: ignore[operator]
        number = number.quantize(Decimal(1).scaleb(-len(decimals[1])), rounding=ROUND_HALF_UP)
    return format(number.normalize(), "f")
