"""Hours and credits as people write them in a sheet: `3.5`, `3,5` (a decimal comma), `14 hrs`,
`3.5 CEC`, `1:30` (a duration: 1.5 hours), `90 min`, `0.4 CEU`.

A unit written in the cell says what the number is, whatever its column: hours (h, hr, hrs,
hours, horas), credits (CEC, CECs, credit(s), CE, créditos) or CEUs.  A bare number is what its
column holds.  A duration (1:30, 90 min, 1h30) is hours, except in a column of credits in hours
("CEC Hours"), where it is the credits it measures.  A CEU (continuing-education unit) is 10
contact hours: 0.4 CEU is read as 4 hours, never as 0.4 credits.  A duration that is not a
whole number of hundredths of an hour (0:50) is rounded down to one (0.83 h), with a note.
A workbook's cell holding a whole number under a time or date format (2 typed into an `h:mm`
column is 2 days: Excel shows 0:00, or 48:00 as `[h]:mm`) is refused, saying so: hours or
days, only the person who typed it knows."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import NamedTuple

from ceclog.core.ledger.fields import parse_amount
from ceclog.core.ledger.vocabulary import plain
from ceclog.errors import InputError

HOURS, CREDITS, CEUS, DURATION = "hours", "credits", "ceus", "duration"
CEU_HOURS = 10  # 1 CEU = 10 contact hours (the IACET definition of the unit)
UNITS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "hora", "horas", "hs"), HOURS),
    **dict.fromkeys(("cec", "cecs", "credit", "credits", "ce", "ces", "cr"), CREDITS),
    **dict.fromkeys(("credito", "creditos", "cec hours", "cec hrs", "ce hours"), CREDITS),
    **dict.fromkeys(("ceu", "ceus"), CEUS),
    **dict.fromkeys(("credit hours", "credit hrs"), CREDITS),
    **dict.fromkeys(("contact hours", "clock hours"), HOURS),
    **dict.fromkeys(("min", "mins", "minute", "minutes", "minuto", "minutos"), "minutes"),
}
EMPTY = ("-", "--", "\u2013", "\u2014", "n/a", "na", "tbd", "?")  # placeholders: no value
NUMBER = r"-?\d+(?:[.,]\d+)?"
WITH_UNIT = re.compile(rf"({NUMBER}|[.,]\d+)\s*([a-z][a-z ]*?)?\.?")
CLOCK = re.compile(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?")
HOURS_MINUTES = re.compile(r"(\d{1,3})\s*h(?:rs?|ours?)?\s*(\d{1,2})\s*(?:m(?:in(?:utes?)?)?)?")


class Formatted(str):
    """A workbook's cell holding a whole number of days under a time or date format: the text
    the import read before (`1900-01-02`, `48:00`), with how Excel shows the cell, what the
    format is ("a time", "a date") and the number it holds."""

    shown: str
    formatted: str
    days: int

    def __new__(cls, text: str, shown: str, formatted: str, days: int) -> Formatted:
        cell = super().__new__(cls, text)
        cell.shown, cell.formatted, cell.days = shown, formatted, days
        return cell


def refuse_formatted(cell: Formatted, what: str) -> InputError:
    day = "day" if cell.days == 1 else "days"
    return InputError(
        f"{what} is formatted as {cell.formatted} ({cell.shown}): Excel holds the number "
        f"{cell.days} there as {cell.days} {day}, not hours",
        hint="give the hours as a number and format the column as Number; if it is "
        f"{cell.days * 24} hours, write {cell.days * 24}",
    )


class Quantity(NamedTuple):
    value: Decimal
    unit: str | None  # hours, credits, ceus, duration (hours), or None: what the column holds
    note: str | None = None  # how it was read, when a reader should know


def number(text: str, what: str, decimal: str) -> Decimal:
    """A plain number with the sheet's decimal mark; a comma followed by one or two digits
    (3,5 or 3,25) is a decimal comma in any sheet (a thousands mark has three)."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if decimal == ",":
        if "." in value and "," in value:
            raise InputError(f"{what} {text!r}: use the decimal comma only, no thousands mark")
        value = value.replace(",", ".")
    elif re.fullmatch(r"\d*,\d{1,2}", value):
        value = value.replace(",", ".")
    elif "," in value:
        raise InputError(
            f"{what} {text!r} has a comma",
            hint='if it is a decimal comma, say so in a mapping file: decimal = ","',
        )
    return parse_amount(value, what)


def hundredths(hours: Fraction, text: str) -> Quantity:
    """Hours from a duration, to the hundredth (rounded down, and said, when it is not one)."""
    exact = Decimal(hours.numerator) / Decimal(hours.denominator)
    value = exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN).normalize()
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    note = None
    if Fraction(value) != hours:
        note = f"{text.strip()!r} is {value} h (rounded down to the hundredth of an hour)"
    return Quantity(value, DURATION, note)


def quantity(text: str, what: str, decimal: str) -> Quantity | None:
    """The number in a cell and the unit it says, or None for an empty cell (or `-`, `n/a`,
    `TBD`); a cell that is no amount is refused, naming the column."""
    if isinstance(text, Formatted):
        raise refuse_formatted(text, what)
    value = " ".join(plain(text).split())
    if value in ("", *EMPTY):
        return None
    clock = CLOCK.fullmatch(value)
    if clock:
        hours, minutes, seconds = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        return hundredths(Fraction(hours) + Fraction(minutes, 60) + Fraction(seconds, 3600), text)
    both = HOURS_MINUTES.fullmatch(value)
    if both:
        return hundredths(Fraction(int(both[1])) + Fraction(int(both[2]), 60), text)
    match = WITH_UNIT.fullmatch(value)
    unit = UNITS.get((match[2] or "").strip()) if match else None
    if match is None or (match[2] and unit is None):
        raise InputError(
            f"{what} {text.strip()!r} is not a number of hours or credits",
            hint="write a number (3.5), with its unit if you like (3.5 h, 2 CECs, 1:30)",
        )
    amount = number(match[1], what, decimal)
    if unit == "minutes":
        return hundredths(Fraction(amount) / 60, text)
    return Quantity(amount, unit)


def from_ceus(ceus: Decimal, what: str) -> Decimal:
    """CEUs as the contact hours they stand for (1 CEU = 10 hours)."""
    hours = ceus * CEU_HOURS
    return parse_amount(str(hours.normalize() if hours == hours.to_integral() else hours), what)
