"""Reading the ledger file: its bytes (bounded), its text, its parsed and validated records,
rebuilt from the validated-parse cache when the bytes were seen before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ceclog.core.ledger.models import Ledger, first_repeat
from ceclog.errors import LedgerError, Location, NoLedger
from ceclog.store import cache
from ceclog.store.migrations import upgrade
from ceclog.store.parsing import decode, parse_toml, read_limited, validate

MAX_LEDGER_BYTES = 64 * 1024 * 1024


class Loaded:
    """A ledger as read from disk: its path, exact text and validated model; `data`, the raw
    parsed TOML that only an edit needs, is read (from the cache, else the text) when asked."""

    __slots__ = ("_data", "append", "ledger", "path", "raw", "text")

    def __init__(
        self,
        path: Path,
        text: str,
        ledger: Ledger,
        data: dict[str, Any] | None,
        raw: bytes,
        append: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.ledger = ledger
        self.raw = raw  # the file's bytes, kept byte for byte in the backup
        self._data = data
        self.append = append  # where new [[entries]] go, when known (`rewrite._appended`)

    @property
    def data(self) -> dict[str, Any]:
        """The parsed TOML: cached, else parsed again (the records were validated from these
        very bytes, so the parse alone: after an append ceclog does not cache it)."""
        if self._data is None:
            hit = cache.get("toml", self.path, self.raw)
            self._data = (
                hit["data"] if hit is not None else parse_toml(self.text, self.path, LedgerError)
            )
        return self._data


# where the path was named, the CLI says `ceclog --ledger PATH init` (`Context.create_hint`)
CREATE_HINT = (
    "create one with `ceclog init --name 'Your Name'`, or point --ledger / CECLOG_LEDGER at an "
    "existing ledger"
)


def read_bytes(path: Path) -> bytes:
    return read_limited(
        path,
        MAX_LEDGER_BYTES,
        NoLedger,
        what="ledger file",
        missing="no ledger here",
        hint=CREATE_HINT,
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


def load(path: Path, *, for_edit: bool = True, raw: bytes | None = None) -> Loaded:
    """The ledger at `path`, from the cache when its bytes were validated before.  Without
    `for_edit` (a read-only reader of many ledgers) the raw TOML is not cached for an edit;
    `raw`: its bytes, when the caller has read them already."""
    raw = read_bytes(path) if raw is None else raw
    text = decode(raw, path, LedgerError)
    hit = cache.get("ledger", path, raw)
    if hit is not None:
        try:
            ledger = cache.ledger_from(hit["ledger"])
            return Loaded(path, text, ledger, None, raw, hit.get("append"))
        except (KeyError, TypeError, ValueError):
            pass  # a cache from another layout: validate afresh
    try:
        ledger, data = parse_ledger(text, path)
    except LedgerError as exc:
        if exc.code == "toml-syntax" and path.with_name(path.name + ".bak").is_file():
            exc.hint = (
                f"{exc.hint}; or run `ceclog undo`: it restores the version before the last "
                f"change ceclog made (that change is taken back too) and keeps this broken text "
                f"as {path.name}.broken-TIME"
            )
        raise
    remember(path, raw, ledger, data if for_edit else None)
    return Loaded(path, text, ledger, data, raw)


def remember(
    path: Path,
    raw: bytes,
    ledger: Ledger,
    data: dict[str, Any] | None,
    append: dict[str, Any] | None = None,
) -> None:
    """Cache the records (what every read needs) apart from the raw TOML (what edits need);
    `append`: where the next entries go in the file (`rewrite._appended`)."""
    cache.put("ledger", path, raw, ledger=cache.pack_ledger(ledger), append=append)
    if data is not None:
        cache.put("toml", path, raw, data=data)
