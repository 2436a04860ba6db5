"""The base of the record classes of `ceclog.core.ledger.models`, and `record`, the decorator
that makes each one a frozen, keyword-only dataclass without having `dataclass` write code.

`dataclass` writes the source of an `__init__` (and, frozen, of `__setattr__` and `__delattr__`)
for each class and compiles it as the module is imported: 12 records, two thirds of the time
`models` took to import, and every command imports it.  Here those are written once: one
`__init__` made per class from its fields (no compiling), refusing changes, and equality, hash
and repr by the fields in order, as `dataclass` would write them.  `dataclasses.fields`,
`replace` and `asdict` work on them as on any dataclass; type checkers see a frozen dataclass
(`dataclass_transform`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class Record:
    """Equality (same class, equal fields), hash and repr of a frozen dataclass record; no field
    can be set or deleted once made."""

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

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """`cls` (a subclass of Record) as a frozen, keyword-only dataclass with Record's equality,
    hash and repr; its `__init__` takes every field by name, fills in the defaults (a new list
    or dict from each `default_factory`) and calls `__post_init__` when the class has one."""
    made = dataclass(init=False, eq=False, repr=False, kw_only=True)(cls)
    setattr(made, "__init__", _init_of(made))  # noqa: B010 (mypy: no assigning to a method)
    return made


def _init_of(cls: type) -> Callable[..., None]:
    template: dict[str, Any] = {}  # every field, in order, at its default (None when required)
    required: list[str] = []
    factories: list[tuple[str, Callable[[], Any]]] = []
    for f in fields(cls):
        template[f.name] = None if f.default is MISSING else f.default
        if f.default_factory is not MISSING:
            factories.append((f.name, f.default_factory))
        elif f.default is MISSING:
            required.append(f.name)
    names, needed = frozenset(template), frozenset(required)
    post_init = getattr(cls, "__post_init__", None)
    set_dict = object.__setattr__

    def __init__(self: Any, **values: Any) -> None:
        if not values.keys() <= names or not values.keys() >= needed:
            _refuse(cls, values, names, required)
        data = template.copy()  # in field order, as `dataclass` sets them
        data.update(values)
        for name, factory in factories:
            if name not in values:
                data[name] = factory()
        set_dict(self, "__dict__", data)
        if post_init is not None:
            post_init(self)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _refuse(cls: type, values: dict[str, Any], names: frozenset[str], required: list[str]) -> None:
    """The TypeError the `__init__` that `dataclass` writes raises for these arguments."""
    where = f"{cls.__qualname__}.__init__()"
    unknown = [name for name in values if name not in names]
    if unknown:
        raise TypeError(f"{where} got an unexpected keyword argument {unknown[0]!r}")
    missing = [repr(name) for name in required if name not in values]
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    noun = "argument" if len(missing) == 1 else "arguments"
    raise TypeError(f"{where} missing {len(missing)} required keyword-only {noun}: {listed}")


_NAMES: dict[type, tuple[str, ...]] = {}
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """A record class's field names, in order."""
    if cls not in _NAMES:
        _NAMES[cls] = tuple(f.name for f in fields(cls))
    return _NAMES[cls]


def _values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """What gives a record's field values as a tuple."""
    if cls not in _VALUES:
        _VALUES[cls] = attrgetter(*_names(cls))  # a tuple: every record has several fields
    return _VALUES[cls]
