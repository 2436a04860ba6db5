"""The base of the record classes of `ceclog.core.ledger.models`: equality, hash and repr by their
fields, in order, as `dataclass` would write them.  Written once here: dataclass writes and
compiles those three for each class (`eq=False, repr=False` leaves them to this base), which
was a third of the time `models` took to import, and every command imports it."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any


class Record:
    """Equality (same class, equal fields), hash and repr of a frozen dataclass record."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)
        return values(self) == values(other)

    def __hash__(self) -> int:
        return hash(_values(self.__class__)(self))

    def __repr__(self) -> str:
        names = _names(self.__class__)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"


_NAMES: dict[type, tuple[str, ...]] = {}
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """A record class's field names, in order."""
    if cls not in _NAMES:
        from dataclasses import fields

        _NAMES[cls] = tuple(f.name for f in fields(cls))
    return _NAMES[cls]


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """What gives a record's field values as a tuple."""
    if cls not in _VALUES:
        _VALUES[cls] = attrgetter(*_names(cls))  # a tuple: every record has several fields
    return _VALUES[cls]
