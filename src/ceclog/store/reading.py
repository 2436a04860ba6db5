"""Reading the ledger file: its bytes (bounded), its text, its parsed and validated records,
rebuilt from the validated-parse cache when the bytes were seen before."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ceclog.core.models import Ledger, as_dict, first_repeat
from ceclog.errors import LedgerError, Location
from ceclog.store import cache
from ceclog.store.migrations import upgrade
from ceclog.store.parsing import decode, parse_toml, read_limited, validate

MAX_LEDGER_BYTES = 64 * 1024 * 1024


class Loaded(NamedTuple):
    """A ledger as read from disk: its path, exact text and validated model."""

    path: Path
    text: str
    ledger: Ledger
    data: dict[str, Any]  # the raw parsed TOML
    raw: bytes  # the file's bytes, kept byte for byte in the backup


def read_bytes(path: Path) -> bytes:
    return read_limited(
        path,
        MAX_LEDGER_BYTES,
        LedgerError,
        what="ledger file",
        missing="no ledger here",
        hint="create one with `ceclog init --name 'Your Name'`, or point --ledger / "
        "CECLOG_LEDGER at an existing ledger",
    )


def parse_ledger(text: str, path: Path) -> tuple[Ledger, dict[str, Any]]:
    from ceclog.store import tomlscan

    if not text.strip():
        raise LedgerError(
            "the ledger file is empty",
            where=Location(path, 1),
            hint=f"restore {path.name}.bak, or remove the empty file and run `ceclog init`",
        )
    data = parse_toml(text, path, LedgerError)
    repeated = first_repeat(data)
    if repeated is not None:  # located here: the model's own check does not know the line
        loc, message = repeated
        where = Location(path, tomlscan.line_of(text, loc))
        raise LedgerError(message, where=where, code="duplicate")
    return validate(Ledger, upgrade(data, text, path), text, path, LedgerError), data


def load(path: Path) -> Loaded:
    raw = read_bytes(path)
    text = decode(raw, path, LedgerError)
    hit = cache.get("ledger", path, raw)
    if hit is not None:
        try:
            return Loaded(path, text, cache.ledger_from(hit["ledger"]), hit["data"], raw)
        except (KeyError, TypeError, ValueError):
            pass  # a cache from another layout: validate afresh
    ledger, data = parse_ledger(text, path)
    cache.put("ledger", path, raw, ledger=as_dict(ledger), data=data)
    return Loaded(path, text, ledger, data, raw)
