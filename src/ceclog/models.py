"""Pydantic models of the ledger and of a rules file.

Both are strict (`extra="forbid"`, no type coercion) so that a typo in a hand-edited file is a
clear error rather than a silently ignored key.  Numbers are `Decimal` (files are parsed with
`parse_float=Decimal`), so that 3.5 hours stay exactly 3.5 hours.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

LEDGER_VERSION = 1
MAX_HOURS = Decimal(1000)
MAX_CREDITS = Decimal(1000)

_CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{0,15}$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


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
    if not value.strip():
        raise ValueError("must not be empty")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise ValueError("contains characters that are not valid text (lone surrogates)")
    return value


def _code(value: str) -> str:
    if not _CODE_RE.match(value):
        raise ValueError(
            f"{value!r} is not a certification code: use upper-case letters, digits and '-' "
            '(for example "WRT")'
        )
    return value


def _name(value: str) -> str:
    if not _NAME_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid name: use lower-case letters, digits, '-' and '_' "
            '(for example "course")'
        )
    return value


Num = Annotated[Decimal, BeforeValidator(_number)]
MAX_TEXT = 2_000
MAX_NOTES = 20_000
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_text)]
LongText = Annotated[str, Field(max_length=MAX_NOTES), AfterValidator(_text)]
Code = Annotated[str, AfterValidator(_code)]
Name = Annotated[str, AfterValidator(_name)]
Hours = Annotated[Decimal, BeforeValidator(_number), Field(ge=0, le=MAX_HOURS)]
Credits = Annotated[Decimal, BeforeValidator(_number), Field(ge=0, le=MAX_CREDITS)]
MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- the ledger -------------------------------------------------------------------------------


class Holder(Strict):
    name: Text
    registrant_id: Text | None = None
    email: Text | None = None
    rules: Text = "iicrc"
    cec_due: dt.date | None = None
    tracking_since: dt.date


class Certification(Strict):
    code: Code
    earned: dt.date
    cec_due: dt.date | None = None


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


class Evidence(Strict):
    """A file that proves an entry (a certificate), copied beside the ledger."""

    file: Annotated[Text, AfterValidator(_relative)]
    name: Text
    sha256: Annotated[str, AfterValidator(_sha256)]


class Entry(Strict):
    id: Annotated[int, Field(ge=1, le=10**9)]
    date: dt.date
    title: Text
    kind: Name = "course"
    hours: Hours | None = None
    credits: Credits | None = None
    provider: Text | None = None
    approval: Text | None = None
    topics: list[Name] = []
    certifications: list[Code] = []
    notes: LongText | None = None
    planned: bool = False
    submitted: dt.date | None = None
    posted: dt.date | None = None
    evidence: list[Evidence] = []


class Ledger(Strict):
    version: int
    holder: Holder
    certifications: list[Certification] = []
    entries: list[Entry] = []

    @model_validator(mode="before")
    @classmethod
    def _known_version(cls, data: Any) -> Any:
        if isinstance(data, dict):
            version = data.get("version")
            if isinstance(version, int) and not isinstance(version, bool):
                if version > LEDGER_VERSION:
                    raise ValueError(
                        f"this ledger has version = {version}, written by a newer ceclog; "
                        f"this ceclog reads version {LEDGER_VERSION}: upgrade ceclog"
                    )
                if version < 1:
                    raise ValueError(f"version must be {LEDGER_VERSION}")
        return data

    @model_validator(mode="after")
    def _unique(self) -> Ledger:
        seen_ids: set[int] = set()
        for entry in self.entries:
            if entry.id in seen_ids:
                raise ValueError(f"two entries have id = {entry.id}: give one of them a new id")
            seen_ids.add(entry.id)
        codes: set[str] = set()
        for cert in self.certifications:
            if cert.code in codes:
                raise ValueError(f"certification {cert.code} is listed twice: remove one")
            codes.add(cert.code)
        return self

    def held_codes(self) -> list[str]:
        return [c.code for c in self.certifications]

    def entry(self, entry_id: int) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def next_id(self) -> int:
        return max((e.id for e in self.entries), default=0) + 1


def ledger_to_toml(ledger: Ledger) -> dict[str, Any]:
    """The plain data written to the ledger file: defaults and empty values left out."""
    data: dict[str, Any] = {"version": ledger.version}
    data["holder"] = _plain(ledger.holder)
    data["certifications"] = [_plain(c) for c in ledger.certifications]
    data["entries"] = [_plain(e) for e in ledger.entries]
    return data


def _plain(model: BaseModel) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or value == [] or (value is False and field.default is False):
            continue
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)  # written as `hours = 7`, as a person would
        if isinstance(value, list):
            value = [_plain(v) if isinstance(v, BaseModel) else v for v in value]
        out[name] = value
    return out


# --- a rules file ---------------------------------------------------------------------------


class KindRule(Strict):
    description: Text | None = None
    fixed: Credits | None = None
    cap: Credits | None = None


class Track(Strict):
    name: Name
    title: Text
    certifications: list[Code] = Field(min_length=1)
    credits: Annotated[Decimal, BeforeValidator(_number), Field(gt=0, le=MAX_CREDITS)]
    cycle_months: Annotated[int, Field(ge=1, le=240)]
    topics: dict[Name, Credits] = {}


class Rules(Strict):
    name: Name
    title: Text
    source: list[Text] = Field(min_length=1)
    checked: dt.date
    effective: Text
    unit: Text = "CEC"
    unit_plural: Text | None = None
    hours_per_credit: Annotated[Decimal, BeforeValidator(_number), Field(gt=0, le=100)]
    increment: Annotated[Decimal, BeforeValidator(_number), Field(gt=0, le=100)]
    event_cap: Credits | None = None
    pool: Literal["holder", "certification"]
    anchor: Literal["earned", "calendar"] = "earned"
    cycle_start: MonthDay | None = None
    due_soon_days: Annotated[int, Field(ge=0, le=3650)] = 90
    submission_email: Text | None = None
    default_kind: Name = "course"
    kinds: dict[Name, KindRule] = Field(min_length=1)
    certifications: dict[Code, Text] = Field(min_length=1)
    tracks: list[Track] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Rules:
        if self.default_kind not in self.kinds:
            raise ValueError(f"default_kind {self.default_kind!r} is not one of [kinds]")
        if self.anchor == "calendar" and self.cycle_start is None:
            raise ValueError('anchor = "calendar" needs cycle_start = "MM-DD"')
        seen: dict[str, str] = {}
        names: set[str] = set()
        for track in self.tracks:
            if track.name in names:
                raise ValueError(f"track {track.name!r} is defined twice")
            names.add(track.name)
            for code in track.certifications:
                if code not in self.certifications:
                    raise ValueError(
                        f"track {track.name!r} covers {code}, which is not in [certifications]"
                    )
                if code in seen:
                    raise ValueError(
                        f"{code} is covered by both track {seen[code]!r} and {track.name!r}"
                    )
                seen[code] = track.name
        return self

    @property
    def units(self) -> str:
        return self.unit_plural or f"{self.unit}s"

    def track_of(self, code: str) -> Track | None:
        return next((t for t in self.tracks if code in t.certifications), None)
