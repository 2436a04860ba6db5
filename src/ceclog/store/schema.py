"""How the records of `ceclog.core.ledger.models` are validated when a file or a command gives them.

Importing this module imports Pydantic (tens of milliseconds): only code that validates new
data does, never a command that reads a cached ledger.  The core's records name their field
types (`Text`, `Hours`, `Code`...) without saying what they allow; NAMES says it here (strict
types: a quoted number or date is an error; ranges; lengths; formats).  From each record and
NAMES this module builds a TypedDict that Pydantic validates (unknown keys forbidden), and
`validate(Model, data)` turns the validated data into the record: the core's modules are never
changed by it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, NotRequired, Required, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
    with_config,
)
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from ceclog.core.ledger import models, records
from ceclog.core.ledger.models import (
    CODE_RE,
    LAST_DAY,
    MAX_CREDITS,
    MAX_HOURS,
    MAX_NOTES,
    MAX_TEXT,
    NAME_RE,
)
from ceclog.core.ledger.text import email_problem, text_problem
from ceclog.core.schedule.credits import num

T = TypeVar("T")


def _number(value: Any) -> Any:
    """Accept TOML integers and floats for decimal fields; refuse booleans, NaN and infinity."""
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError("must be a finite number (not nan or inf)")
    return value


def _not_too_far(value: dt.date) -> dt.date:
    if value > LAST_DAY:
        raise ValueError(
            f"{value} is after {LAST_DAY}, the last date ceclog computes with (a cycle "
            "from it would run past the year 9999)"
        )
    return value


def _rate(value: Any) -> Any:
    """hours_per_credit: a number (as `Positive`), or an exact fraction in quotes, "50/60" (a
    50-minute contact hour), kept as a Fraction so that no figure is rounded."""
    if not isinstance(value, str):
        value = _number(value)
        if not isinstance(value, Decimal):
            raise ValueError('must be a number, or a fraction in quotes like "50/60"')
        if not 0 < value <= 100:
            raise ValueError(f"must be more than 0 and at most 100, got {num(value)}")
        return value
    import re

    match = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", value)
    if not match or int(match.group(2)) == 0:
        raise ValueError(
            f'{value!r} is not a number or a fraction: write 1, 0.5 or "50/60" (hours per credit)'
        )
    rate = Fraction(int(match.group(1)), int(match.group(2)))
    if not 0 < rate <= 100:
        raise ValueError(f"must be more than 0 and at most 100, got {value!r}")
    return Decimal(rate.numerator) if rate.denominator == 1 else rate


def _refusing(problem: Callable[[str], str | None]) -> AfterValidator:
    """A validator that refuses a text for the reason `problem` gives (`core.text`: the rules
    the command line applies too)."""

    def check(value: str) -> str:
        found = problem(value)
        if found:
            raise ValueError(found)
        return value

    return AfterValidator(check)


def _code(value: str) -> str:
    if not CODE_RE.match(value):
        raise ValueError(
            f"{value!r} is not a certification code: use upper-case letters, digits and '-' "
            '(for example "WRT")'
        )
    return value


def _name(value: str) -> str:
    if not NAME_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid name: use lower-case letters, digits, '-' and '_' "
            '(for example "course")'
        )
    return value


def _relative(value: str) -> str:
    parts = value.split("/")
    if value.startswith("/") or "\\" in value or any(p in ("", ".", "..") for p in parts):
        raise ValueError(
            f"{value!r} must be a relative path inside the ledger's folder, like "
            '"evidence/2024-03-14_7_drying.pdf"'
        )
    return value


def _sha256(value: str) -> str:
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("must be 64 lower-case hexadecimal digits (a SHA-256)")
    return value


def _month_day(value: str) -> str:
    """A day of the year as "MM-DD" that exists (02-29 is allowed: in other years it is the
    last day of February)."""
    import calendar
    import re

    match = re.fullmatch(r"(\d\d)-(\d\d)", value)
    month, day = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not 1 <= month <= 12:
        raise ValueError(f'{value!r} is not a day of the year: write "MM-DD", like "07-01"')
    days = calendar.monthrange(2024, month)[1]  # a leap year: 02-29 exists
    if not 1 <= day <= days:
        raise ValueError(
            f"{value!r} is not a day of the year: {calendar.month_name[month]} has {days} days"
        )
    return value


def _decimal(**bounds: Any) -> Any:
    return Annotated[Decimal, BeforeValidator(_number), Strict(), Field(**bounds)]


# lengths are checked by max_length (its message names the limit)
_TEXT = _refusing(lambda value: text_problem(value, MAX_NOTES))
_LINES = _refusing(lambda value: text_problem(value, MAX_NOTES, lines=True))
Text = Annotated[str, Strict(), Field(max_length=MAX_TEXT), _TEXT]
Code = Annotated[str, Strict(), AfterValidator(_code)]
Name = Annotated[str, Strict(), AfterValidator(_name)]
NAMES: dict[str, Any] = {
    "Int": Annotated[int, Strict()],
    "Bool": Annotated[bool, Strict()],
    "Date": Annotated[dt.date, Strict(), AfterValidator(_not_too_far)],
    "Text": Text,
    "LongText": Annotated[str, Strict(), Field(max_length=MAX_NOTES), _LINES],
    "Email": Annotated[Text, _refusing(email_problem)],
    "Code": Code,
    "Name": Name,
    "RelPath": Annotated[str, Strict(), AfterValidator(_relative)],
    "Sha256": Annotated[str, Strict(), AfterValidator(_sha256)],
    "MonthDay": Annotated[str, Strict(), AfterValidator(_month_day)],
    "Hours": _decimal(ge=0, le=MAX_HOURS),
    "Credits": _decimal(ge=0, le=MAX_CREDITS),
    "Positive": _decimal(gt=0, le=100),
    "TrackCredits": _decimal(gt=0, le=MAX_CREDITS),
    "Rate": Annotated[Any, BeforeValidator(_rate)],
    "EntryId": Annotated[int, Strict(), Field(ge=1, le=10**9)],
    "Months": Annotated[int, Strict(), Field(ge=1, le=240)],
    "PaceMonths": Annotated[int, Strict(), Field(ge=0, le=240)],
    "Quarter": Annotated[int, Strict(), Field(ge=1, le=4)],
    "Days": Annotated[int, Strict(), Field(ge=0, le=3650)],
    "Year": Annotated[int, Strict(), Field(ge=1900, le=9989)],
    "Years": Annotated[int, Strict(), Field(ge=1, le=100)],
    "Sources": Annotated[list[Text], Field(min_length=1)],
    "TrackCodes": Annotated[list[Code], Field(min_length=1)],
    "CertMap": Annotated[dict[Code, Text], Field(min_length=1)],
}
# The records, in an order in which each one's tables come before it.
RECORDS: tuple[type[Any], ...] = (
    models.Evidence,
    models.Holder,
    models.Certification,
    models.Entry,
    models.Assertion,
    models.Exemption,
    models.Ledger,
    models.KindRule,
    models.ExemptionRule,
    models.Track,
    models.PlanStep,
    models.Rules,
)
_FORBID = ConfigDict(extra="forbid")


def _typed_dicts() -> dict[type[Any], Any]:
    """A TypedDict for each record: its fields with the types NAMES gives their names, those
    with a default not required."""
    names: dict[str, Any] = dict(NAMES)
    out: dict[type[Any], Any] = {}
    for record in RECORDS:
        hints = typing.get_type_hints(
            record, globalns=vars(models), localns=names, include_extras=True
        )
        fields = {}
        for f in dataclasses.fields(record):
            optional = (
                f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            )
            fields[f.name] = NotRequired[hints[f.name]] if optional else Required[hints[f.name]]
        typed = with_config(_FORBID)(TypedDict(record.__name__, fields))  # type: ignore[operator]
        out[record] = names[record.__name__] = typed
        if record is models.KindRule:  # the names that hold records, once those exist
            kind_map: Any = dict[NAMES["Name"], typed]  # type: ignore[valid-type]
            names["KindMap"] = Annotated[kind_map, Field(min_length=1)]
        if record is models.ExemptionRule:
            exemption_map: Any = dict[NAMES["Name"], typed]  # type: ignore[valid-type]
            names["ExemptionMap"] = exemption_map
        if record is models.Track:
            track_list: Any = list[typed]  # type: ignore[valid-type]
            names["TrackList"] = Annotated[track_list, Field(min_length=1)]
    return out


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}
_TYPED: dict[type[Any], Any] = {}


def adapter(model: type[Any]) -> TypeAdapter[Any]:
    """One TypeAdapter per record type, built on first use (building costs milliseconds)."""
    if not _TYPED:
        _TYPED.update(_typed_dicts())
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(_TYPED[model])
    return _ADAPTERS[model]


def validate(model: type[T], data: Any) -> T:
    """`data` as a `model` record, or a pydantic ValidationError listing every problem (a
    record's own check, such as two tracks with one name, as a `value_error` of the whole)."""
    valid = adapter(model).validate_python(data)
    try:
        return records.from_data(model, valid)
    except ValueError as exc:
        error = {"type": "value_error", "loc": (), "input": data, "ctx": {"error": exc}}
        raise ValidationError.from_exception_data(model.__name__, [error]) from None  # type: ignore[list-item]
