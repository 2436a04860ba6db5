"""A cache of validated ledgers and rules files, keyed by their exact content.

Reading a ledger means parsing TOML (3-5 MB/s) and validating every field (Pydantic, which
also costs tens of milliseconds to import).  When a file's bytes are the ones this ceclog
validated before, the records are rebuilt from a JSON copy in the user's cache folder instead.
The key is the SHA-256 of the file's bytes plus the version of ceclog and of its record
definitions, so an edited file, or a new ceclog, is always validated afresh.  JSON (not
pickle) so that a cache file can never run code; it lives in the user's own cache folder, not
beside a ledger that others may share.  Every failure to read or write the cache is ignored:
the cache can only save time, never change an answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import json
import os
import sys
from dataclasses import fields
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from ceclog import __version__
from ceclog.core.ledger import models, records

DISABLE_ENV = "CECLOG_NO_CACHE"
R = TypeVar("R")


def folder() -> Path:
    """`$CECLOG_CACHE_DIR`, else the user's cache folder (`~/.cache/ceclog` on Linux, or under
    `$XDG_CACHE_HOME`; `~/Library/Caches/ceclog` on macOS)."""
    if custom := os.environ.get("CECLOG_CACHE_DIR"):
        return Path(custom)
    from ceclog.store.platform import user_folder

    return user_folder("cache", "ceclog")


@functools.cache  # the same for the whole run: stat the two files once, not per ledger
def _salt() -> str:
    """What else the cached records depend on: this ceclog and its record definitions."""
    here, core = Path(__file__).parent, Path(models.__file__).parent
    sources = (core / "models.py", core / "records.py", core / "text.py", here / "schema.py")
    stamps = [str(path.stat().st_mtime_ns) for path in sources]
    return f"{__version__}:{sys.version_info[0]}.{sys.version_info[1]}:{':'.join(stamps)}"


def _sha256(data: bytes) -> str:
    return str(_sha256_type()(data).hexdigest())


@functools.cache
def _sha256_type() -> Any:
    """CPython's own SHA-256, the one `hashlib` falls back on (`_sha2` since Python 3.12,
    `_sha256` before): importing `hashlib` loads OpenSSL, 2-3 ms of every start-up, for the
    same digest.  `hashlib`'s where neither is built in."""
    for name in ("_sha2", "_sha256"):
        with contextlib.suppress(ImportError):
            return importlib.import_module(name).sha256
    import hashlib

    return hashlib.sha256


def _key(raw: bytes) -> str:
    return _sha256(raw) + ":" + _salt()


def _file(kind: str, path: Path) -> Path:
    where = _sha256(os.path.realpath(path).encode())[:24]
    return folder() / f"{kind}-{where}.json"


def _encode(value: Any) -> Any:
    """json's `default`: called only for the values JSON has no type for."""
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, Fraction):
        return {"$q": str(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "$d" in obj:
            return Decimal(obj["$d"])
        if "$q" in obj:
            return Fraction(obj["$q"])
        if "$t" in obj:
            return dt.date.fromisoformat(obj["$t"])
    return obj


def get(kind: str, path: Path, raw: bytes) -> dict[str, Any] | None:
    """The cached document for this exact content, or None."""
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        with _file(kind, path).open("rb") as handle:
            doc = json.loads(handle.read(), object_hook=_decode)
        if isinstance(doc, dict) and doc.get("key") == _key(raw):
            return doc
    except (OSError, ValueError, TypeError, KeyError):
        pass
    return None


def put(kind: str, path: Path, raw: bytes, **values: Any) -> None:
    """Remember `values` (records as plain data) for this exact content; best effort."""
    if os.environ.get(DISABLE_ENV):
        return
    try:
        target = _file(kind, path)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        doc = {"key": _key(raw), **values}
        data = json.dumps(doc, separators=(",", ":"), default=_encode).encode()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:  # a failed write or a Ctrl-C leaves no temp file
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, TypeError, ValueError):
        pass


# --- records as plain data and back (already validated when they were cached) ---------------


def compact(item: Any) -> Any:
    """A record as plain data without the fields at their default (None, [], false), which
    `models.from_data` restores: a third of the JSON to read back."""
    if hasattr(item, "__dataclass_fields__"):
        out: dict[str, Any] = {}
        for f in fields(item):
            value = getattr(item, f.name)
            if (value is None or value is False) and f.default is value:
                continue
            if value == [] and f.default_factory is list:
                continue
            out[f.name] = compact(value)
        return out
    if isinstance(item, list):
        return [compact(v) for v in item]
    if isinstance(item, dict):
        return {k: compact(v) for k, v in item.items()}
    return item


def pack_ledger(ledger: models.Ledger) -> dict[str, Any]:
    """A ledger as plain data for the cache: its entries column by column (`columns`), the
    rest as `compact` gives it."""
    out = {f.name: compact(getattr(ledger, f.name)) for f in fields(ledger) if f.name != "entries"}
    out["entries"] = columns(ledger.entries, models.Entry)
    return out


def ledger_from(data: dict[str, Any]) -> models.Ledger:
    rest = {k: v for k, v in data.items() if k != "entries"}
    return records.from_data(models.Ledger, rest, entries=rows(data["entries"], models.Entry))


# --- many records of one class, column by column ----------------------------------------------
# A ledger of 10,000 entries is read on every `status`: a column of dates is written as ISO
# strings once tagged, a column of strings as it is, so reading it back is one C loop per
# column instead of a Python call per value (only a column of nested records, or of mixed
# values, is rebuilt value by value).  A column whose values are all one string, number, flag
# or None is written once, and one of empty lists or tables as the empty value: most fields of
# most entries are at their default.

_NATIVE = (str, int, bool)
_ONE = (str, int, bool, type(None))  # a value every record of a column may share


def _plain_column(values: tuple[Any, ...]) -> bool:
    """Whether JSON keeps every value of a column exactly: strings, numbers, flags and None,
    or lists and tables of them (the topics, the certifications, no topic_hours)."""
    for value in values:
        kind = type(value)
        if value is None or kind in _NATIVE:
            continue
        if kind is list and all(type(v) in _NATIVE for v in value):
            continue
        if kind is dict and all(type(v) in _NATIVE for v in value.values()):
            continue
        return False
    return True


def _pack_column(values: tuple[Any, ...]) -> list[Any]:
    """[tag, values]: "" as they are, "t" dates, "d" decimals, "x" each as `compact` gives it;
    "=" one value for all, "0" an empty list or table for each."""
    kinds = {type(v) for v in values}
    if len(kinds) == 1 and values:
        first = values[0]
        if first in ([], {}) and not any(values):
            return ["0", type(first)()]
        if type(first) in _ONE and values.count(first) == len(values):
            return ["=", first]
    kinds.discard(type(None))
    if kinds == {dt.date}:
        return ["t", [None if v is None else v.isoformat() for v in values]]
    if kinds == {Decimal}:
        return ["d", [None if v is None else str(v) for v in values]]
    if _plain_column(values):
        return ["", list(values)]
    return ["x", [compact(v) for v in values]]


def columns(items: list[Any], cls: type) -> dict[str, Any]:
    """Records of `cls` as {"n": how many, "columns": {field: [tag, values]}}."""
    from operator import attrgetter

    names = [f.name for f in fields(cls)]
    get = attrgetter(*names) if len(names) > 1 else lambda item: (getattr(item, names[0]),)
    table = list(zip(*map(get, items), strict=True)) or [()] * len(names)
    packed = {name: _pack_column(values) for name, values in zip(names, table, strict=True)}
    return {"n": len(items), "columns": packed}


def _unpack_column(name: str, tag: str, values: list[Any], cls: type) -> list[Any]:
    if tag in ("t", "d"):  # one date or decimal for each text (they are immutable)
        make = dt.date.fromisoformat if tag == "t" else Decimal
        made: dict[Any, Any] = {v: make(v) for v in set(values) if v is not None}
        made[None] = None
        return list(map(made.__getitem__, values))
    if tag == "x" and name in records.NESTED.get(cls.__name__, {}):
        return [records.nested_from(cls, name, v) for v in values]
    if tag in ("", "x"):
        return values
    raise ValueError(f"unknown column tag {tag!r}")


def rows(table: dict[str, Any], cls: type[R]) -> list[R]:
    """The records `columns` wrote.  They were validated when cached: each is made as its
    `__init__` would make it (every field given), without calling it, unless it has checks
    of its own (`__post_init__`)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    given = table["columns"]
    if set(given) != set(names):
        raise ValueError("the cached columns are not this record's fields")
    n = table["n"]
    same = dict.fromkeys(names)  # every record's value of the "=" columns (the others: None)
    own: dict[str, list[Any]] = {}  # the other columns: a value for each record
    for name in names:
        tag, values = given[name]
        if tag == "=":
            if type(values) not in _ONE:
                raise ValueError(f"a cached {name} shared by every record is not a plain value")
            same[name] = values
        elif tag == "0":
            if values not in ([], {}):
                raise ValueError(f"a cached empty {name} is not empty")
            # each record its own (they are mutable), made by the literal: no call each
            own[name] = [[] for _ in range(n)] if values == [] else [{} for _ in range(n)]
        else:
            own[name] = _unpack_column(name, tag, values, cls)
    if any(len(c) != n for c in own.values()):
        raise ValueError("cached columns of different lengths")
    from itertools import repeat

    if hasattr(cls, "__post_init__"):
        return [cls(**{**same, **dict(zip(own, row, strict=True))}) for row in _each(own, n)]
    dicts = list(map(dict.copy, repeat(same, n)))  # C loops, each dict in the fields' order
    list(map(dict.update, dicts, map(zip, repeat(list(own)), zip(*own.values(), strict=True))))
    items = list(map(object.__new__, repeat(cls, n)))
    list(map(object.__setattr__, items, repeat("__dict__"), dicts))
    return items


def _each(own: dict[str, list[Any]], n: int) -> Any:
    """The rows of `own` (n empty rows when every column is shared)."""
    return zip(*own.values(), strict=True) if own else ((),) * n


def rules_from(data: dict[str, Any]) -> models.Rules:
    return records.from_data(models.Rules, data)
