"""Several ledgers changed as one (`ceclog import --team`): all of them or none.

Each ledger is locked as a single change locks it (`.NAME.lock` beside it), all of them in
one order (their real paths sorted), so two such imports never wait for each other.  Nothing is
written until every ledger's new text is made and verified to read back as exactly the
intended ledger; then each is written as `editing` writes one (its backup `NAME.bak` first,
then the ledger, atomically), so `ceclog --ledger FILE undo` reverts that ledger's part alone.
A new ledger is written with its backup holding the ledger as `init` makes it (so `undo`
leaves that).  When a write fails, the ledgers already written get their previous bytes back,
their backups too, and the new ones are removed: the error then says nothing was changed."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger
from ceclog.errors import CeclogError, LedgerError, Location
from ceclog.store.backups import guard_backup
from ceclog.store.files import (
    atomic_write,
    backup_path,
    clean_stale_temps,
    locked,
    real_path,
    refuse_read_only,
    write_error,
)
from ceclog.store.journal import Journal, Written, interrupts_deferred
from ceclog.store.ledger import refuse_link
from ceclog.store.reading import Loaded, load, parse_ledger, remember
from ceclog.store.rewrite import new_text_for, render

NEW_MODE = 0o600  # as `init` makes a ledger


class Change(NamedTuple):
    """A ledger to write: `loaded` as it was read under its lock (a new ledger: as `init`
    would write it, never on disk), and the ledger it becomes."""

    loaded: Loaded
    new: Ledger
    created: bool


def starting(path: Path, ledger: Ledger) -> Loaded:
    """A new ledger as `init` writes it, read back (so its text is verified)."""
    text = render(ledger)
    parsed, data = parse_ledger(text, path)
    if parsed != ledger:  # pragma: no cover - a bug, never a silent write
        raise LedgerError("internal error: a new ledger would not read back; nothing was written")
    return Loaded(path, text, parsed, data, text.encode("utf-8"))


@contextlib.contextmanager
def editing_all(existing: list[Path], new: list[Path]) -> Iterator[dict[Path, Loaded]]:
    """Lock every ledger (`existing`, and the files `new` ledgers will be), load the existing
    ones under their locks, and refuse a new one whose file (or backup) appeared meanwhile.
    The lock of a new ledger that is not written is removed on leaving: a refused import leaves
    no file for a ledger that does not exist."""
    for path in existing:
        try:
            refuse_link(path)
            refuse_read_only(path)
        except CeclogError as exc:
            exc.ledger = exc.ledger or path
            raise
    with contextlib.ExitStack() as stack:
        for path in sorted([*existing, *new], key=real_path):
            stack.enter_context(locked(path, new=path in new))
        loaded = {}
        for path in existing:
            clean_stale_temps(path)
            loaded[path] = load(path)
        for path in new:
            if os.path.lexists(path) or os.path.lexists(backup_path(path)):
                raise LedgerError(
                    "a file appeared there while importing; ceclog never replaces one, so "
                    "nothing was written",
                    where=Location(path),
                    hint="run the import again: it chooses another name",
                )
        yield loaded


class _Undo(NamedTuple):
    """How to put one written ledger back: its bytes and its backup's before (None: none)."""

    target: Path
    raw: bytes | None  # None: the ledger is new (remove it)
    backup: bytes | None


def _previous_backup(target: Path) -> bytes | None:
    try:
        return backup_path(target).read_bytes()
    except FileNotFoundError:
        return None


def _write(change: Change, text: str, warnings: list[str]) -> _Undo:
    target = real_path(change.loaded.path)
    mode = NEW_MODE if change.created else target.stat().st_mode & 0o777
    undo = _Undo(target, None if change.created else change.loaded.raw, _previous_backup(target))
    if not change.created:
        warnings.extend(guard_backup(target, change.loaded))
    try:
        atomic_write(backup_path(target), change.loaded.raw, mode, owner=target.name)
        atomic_write(target, text.encode("utf-8"), mode)
    except BaseException:
        _put_back(undo)
        raise
    return undo


def _put_back(undo: _Undo) -> None:
    """One ledger as it was before this import (never raises: the caller reports)."""
    bak = backup_path(undo.target)
    with contextlib.suppress(OSError):
        if undo.raw is None:
            undo.target.unlink(missing_ok=True)
        else:
            atomic_write(undo.target, undo.raw, undo.target.stat().st_mode & 0o777)
    with contextlib.suppress(OSError):
        if undo.backup is None:
            bak.unlink(missing_ok=True)
        else:
            atomic_write(bak, undo.backup, bak.stat().st_mode & 0o777, owner=undo.target.name)


def _intact(undo: _Undo) -> bool:
    """Whether the ledger reads as it did before (a new one: is gone)."""
    try:
        now = undo.target.read_bytes()
    except FileNotFoundError:
        return undo.raw is None
    except OSError:
        return False
    return now == undo.raw


def save_all(changes: list[Change], journal: Journal) -> list[str]:
    """Write every change, or none: see the module's text.  Returns the warnings."""
    texts = []
    warnings: list[str] = []
    for change in changes:  # every text made and verified before anything is written
        done_text, more = new_text_for(change.loaded, change.new)
        texts.append(done_text)
        warnings.extend(more)
    done: list[_Undo] = []
    with interrupts_deferred():  # Ctrl-C waits: a team is never left half imported by it
        try:
            for change, made in zip(changes, texts, strict=True):
                done.append(_write(change, made.text, warnings))
        except BaseException as exc:
            for undo in reversed(done):
                _put_back(undo)
            left = [u.target for u in done if not _intact(u)]
            journal.extend(Written("ledger", target) for target in left)
            if isinstance(exc, OSError):
                raise _failed(change.loaded.path, exc, left) from None
            raise
        for change, undo in zip(changes, done, strict=True):
            journal.append(Written("created" if change.created else "ledger", undo.target))
    for change, made, undo in zip(changes, texts, done, strict=True):
        remember(undo.target, made.text.encode("utf-8"), change.new, made.data, made.append)
    return warnings


def _failed(path: Path, exc: OSError, left: list[Path]) -> LedgerError:
    error = write_error(path, exc)
    if left:  # could not be put back: say exactly which
        error.message = error.message.replace(
            "nothing was changed",
            f"the ledgers written before it could not all be put back: "
            f"{', '.join(map(str, left))} hold the import (`ceclog --ledger FILE undo` reverts "
            "each)",
        )
    else:
        error.message = error.message.replace(
            "nothing was changed",
            "the ledgers written before it were put back, so nothing was changed",
        )
    return error
