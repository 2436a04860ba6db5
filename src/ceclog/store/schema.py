"""How the records of `ceclog.core.models` are validated when a file or a command gives them.

Importing this module imports Pydantic (tens of milliseconds): only code that validates new
data does, never a command that reads a cached ledger.  It gives the annotation names of
`ceclog.core.models` their rules (strict types: a quoted number or date is an error; ranges;
lengths; formats), forbids unknown keys, and offers `validate(Model, data)`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, Strict, TypeAdapter

from ceclog.core import models
from ceclog.core.models import (
    CODE_RE,
    MAX_CREDITS,
    MAX_HOURS,
    MAX_NOTES,
    MAX_TEXT,
    NAME_RE,
    text_problem,
)

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


def _text(value: str) -> str:
    problem = text_problem(value, MAX_NOTES)  # lengths are checked by max_length
    if problem:
        raise ValueError(problem)
    return value


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


Text = Annotated[str, Strict(), Field(max_length=MAX_TEXT), AfterValidator(_text)]
Code = Annotated[str, Strict(), AfterValidator(_code)]
Name = Annotated[str, Strict(), AfterValidator(_name)]
NAMES: dict[str, Any] = {
    "Int": Annotated[int, Strict()],
    "Bool": Annotated[bool, Strict()],
    "Date": Annotated[dt.date, Strict()],
    "Text": Text,
    "LongText": Annotated[str, Strict(), Field(max_length=MAX_NOTES), AfterValidator(_text)],
    "Code": Code,
    "Name": Name,
    "RelPath": Annotated[str, Strict(), AfterValidator(_relative)],
    "Sha256": Annotated[str, Strict(), AfterValidator(_sha256)],
    "MonthDay": Annotated[str, Strict(), AfterValidator(_month_day)],
    "Hours": _decimal(ge=0, le=MAX_HOURS),
    "Credits": _decimal(ge=0, le=MAX_CREDITS),
    "Positive": _decimal(gt=0, le=100),
    "TrackCredits": _decimal(gt=0, le=MAX_CREDITS),
    "EntryId": Annotated[int, Strict(), Field(ge=1, le=10**9)],
    "Months": Annotated[int, Strict(), Field(ge=1, le=240)],
    "PaceMonths": Annotated[int, Strict(), Field(ge=0, le=240)],
    "Days": Annotated[int, Strict(), Field(ge=0, le=3650)],
    "Sources": Annotated[list[Text], Field(min_length=1)],
    "TrackCodes": Annotated[list[Code], Field(min_length=1)],
    "KindMap": Annotated[dict[Name, models.KindRule], Field(min_length=1)],
    "CertMap": Annotated[dict[Code, Text], Field(min_length=1)],
    "TrackList": Annotated[list[models.Track], Field(min_length=1)],
}
for _name_, _type in NAMES.items():
    setattr(models, _name_, _type)
for _record in (
    models.Holder, models.Certification, models.Evidence, models.Entry, models.Ledger,
    models.KindRule, models.Track, models.Rules,
):  # fmt: skip
    setattr(_record, "__pydantic_config__", ConfigDict(extra="forbid"))  # noqa: B010


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[T]) -> TypeAdapter[T]:
    """One TypeAdapter per record type, built on first use (building costs milliseconds)."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validate(model: type[T], data: Any) -> T:
    """`data` as a `model` record, or a pydantic ValidationError listing every problem."""
    return adapter(model).validate_python(data)
