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
import json
import os
import sys
from dataclasses import fields
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from ceclog import __version__
from ceclog.core.ledger import models, records

DISABLE_ENV = "CECLOG_NO_CACHE"


def folder() -> Path:
    """`$CECLOG_CACHE_DIR`, else the user's cache folder (`~/.cache/ceclog` on Linux, or under
    `$XDG_CACHE_HOME`; `~/Library/Caches/ceclog` on macOS)."""
    if custom := os.environ.get("CECLOG_CACHE_DIR"):
        return Path(custom)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ceclog", appauthor=False))


@functools.cache  # the same for the whole run: stat the two files once, not per ledger
def _salt() -> str:
    """What else the cached records depend on: this ceclog and its record definitions."""
    here, core = Path(__file__).parent, Path(models.__file__).parent
    sources = (core / "models.py", core / "records.py", core / "text.py", here / "schema.py")
    stamps = [str(path.stat().st_mtime_ns) for path in sources]
    return f"{__version__}:{sys.version_info[0]}.{sys.version_info[1]}:{':'.join(stamps)}"


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


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


def ledger_from(data: dict[str, Any]) -> models.Ledger:
    return records.from_data(models.Ledger, data)


def rules_from(data: dict[str, Any]) -> models.Rules:
    return records.from_data(models.Rules, data)
