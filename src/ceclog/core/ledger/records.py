"""The records of `ceclog.core.ledger.models` as plain data and back: what is written to a ledger
file (defaults and empty values left out, whole numbers as integers), a record rebuilt from
validated or cached data, and every field of a record for validating a changed copy.  Pure."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from typing import Any, TypeVar

from ceclog.core.ledger.models import (
    Assertion,
    Certification,
    Entry,
    Evidence,
    Exemption,
    ExemptionRule,
    Holder,
    KindRule,
    Ledger,
    PlanStep,
    Track,
)

R = TypeVar("R")


def ledger_to_toml(ledger: Ledger) -> dict[str, Any]:
    """The plain data written to the ledger file: defaults and empty values left out."""
    data: dict[str, Any] = {"version": ledger.version}
    data["holder"] = plain(ledger.holder)
    data["certifications"] = [plain(c) for c in ledger.certifications]
    data["entries"] = [plain(e) for e in ledger.entries]
    data["assertions"] = [plain(a) for a in ledger.assertions]
    data["exemptions"] = [plain(x) for x in ledger.exemptions]
    return data


def plain(item: Any) -> dict[str, Any]:
    """A record as TOML-ready data: None, empty lists and false flags left out, whole numbers
    written as integers (`hours = 7`, as a person would)."""
    out: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if value is None or value in ([], {}) or (value is False and f.default is False):
            continue
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if isinstance(value, dict):
            value = {k: _whole(v) for k, v in value.items()}
        if isinstance(value, list):
            value = [plain(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        out[f.name] = value
    return out


def _whole(value: Any) -> Any:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def from_data(cls: type[R], data: dict[str, Any], **made: Any) -> R:
    """A record from plain data (as validated, or as cached): nested tables become their own
    records; keys left out take the record's defaults; `made`: fields given as records."""
    values = dict(data)
    for key in NESTED.get(cls.__name__, {}):
        if key in values:
            values[key] = nested_from(cls, key, values[key])
    return cls(**values, **made)


def nested_from(cls: type, key: str, value: Any) -> Any:
    """The records of a nested table (`key` of `cls`) from plain data."""
    shape, inner = NESTED[cls.__name__][key]
    if shape == "one":
        return from_data(inner, value)
    if shape == "list":
        return [from_data(inner, v) for v in value]
    return {k: from_data(inner, v) for k, v in value.items()}


def as_dict(item: Any) -> dict[str, Any]:
    """Every field of a record (nested records as dicts), for validating a changed copy."""
    out: dict[str, Any] = {}
    for f in fields(item):
        out[f.name] = _unpack(getattr(item, f.name))
    return out


def _unpack(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return as_dict(value)
    if isinstance(value, list):
        return [_unpack(v) for v in value]
    if isinstance(value, dict):
        return {k: _unpack(v) for k, v in value.items()}
    return value


# The tables inside each record: key -> (one record, a list of them, or a map of them; which).
NESTED: dict[str, dict[str, tuple[str, Any]]] = {
    "Ledger": {
        "holder": ("one", Holder),
        "certifications": ("list", Certification),
        "entries": ("list", Entry),
        "assertions": ("list", Assertion),
        "exemptions": ("list", Exemption),
    },
    "Entry": {"evidence": ("list", Evidence)},
    "Assertion": {"evidence": ("list", Evidence)},
    "Rules": {
        "kinds": ("map", KindRule),
        "tracks": ("list", Track),
        "plan": ("list", PlanStep),
        "exemptions": ("map", ExemptionRule),
    },
}
