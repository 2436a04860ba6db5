"""Changing the ledger file: one locked read-modify-write at a time (`editing`), a new ledger
(`create`), and `undo`.

Guarantees: every read-modify-write holds an exclusive lock on `.NAME.lock` beside the ledger;
a write goes to a temporary file in the same folder, is fsynced, and replaces the ledger with
`os.replace` (then the folder is fsynced); the previous version is kept as `NAME.bak`; a ledger
that does not parse or validate is never written over; a ledger whose own path is a symbolic
link is never written through it; and changes are made as textual edits of the changed tables
only, so the user's comments and layout elsewhere survive.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ceclog.core.ledger.models import Ledger
from ceclog.errors import CeclogError, InputError, LedgerError, Location
from ceclog.store import platform
from ceclog.store.backups import guard_backup, records_in
from ceclog.store.files import (
    SHARED_FILE_MODE,
    SHARED_FOLDER_MODE,
    atomic_write,
    backup_path,
    clean_stale_temps,
    locked,
    real_path,
    refuse_read_only,
    write_error,
)
from ceclog.store.journal import Journal, writing
from ceclog.store.parsing import decode
from ceclog.store.reading import Loaded, load, parse_ledger, read_bytes, remember
from ceclog.store.rewrite import edited, new_text_for, render


def refuse_link(path: Path) -> None:
    """Refuse to change a ledger whose own path is a symbolic link (reading through one is
    fine): its lock, temporary files and backup would land beside the link's target, outside
    the folder the user named, and an atomic rename would replace the link by a file."""
    if not path.is_symlink():
        return
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        real = real_path(path)
        message = f"is a symbolic link to {target}, which does not exist; nothing was written"
        hint = f"to start a ledger there: ceclog --ledger {real} init; or remove the link"
    except OSError:
        message = f"is a symbolic link to {target} that leads back to itself; nothing was written"
        hint = "remove the link, and point --ledger at the ledger file itself"
    else:
        from ceclog.store.discover import looks_like_ledger

        message = f"the ledger is a symbolic link to {target}; ceclog never changes a ledger "
        message += "through a link, so nothing was changed"
        hint = f"give the file itself: --ledger {real} (or link its folder instead of the file)"
        if not looks_like_ledger(real):  # never suggest writing /etc/passwd
            hint = "that file is not a ceclog ledger (no [holder] table): give your ledger's path"
    raise LedgerError(message, where=Location(path), hint=hint)


@contextlib.contextmanager
def editing(path: Path, journal: Journal) -> Iterator[Session]:
    """Lock the ledger, load it, and let the caller save a changed version once."""
    try:
        refuse_link(path)
        refuse_read_only(path)
        if not os.path.lexists(path):
            read_bytes(path)  # says there is no ledger there, before a lock file is created
        with locked(path):
            clean_stale_temps(path)
            session = Session(load(path), journal)
            yield session
    except CeclogError as exc:
        exc.ledger = exc.ledger or path
        raise


class Session:
    """One locked read-modify-write of the ledger."""

    def __init__(self, loaded: Loaded, journal: Journal) -> None:
        self.loaded = loaded
        self.journal = journal  # what this run wrote (evidence.placed adds its copies)
        self.warnings: list[str] = []

    @property
    def ledger(self) -> Ledger:
        return self.loaded.ledger

    def save(self, new: Ledger) -> None:
        if new == self.loaded.ledger:
            return
        done, warnings = new_text_for(self.loaded, new)
        self.warnings.extend(warnings)
        target = real_path(self.loaded.path)
        raw = done.text.encode("utf-8")
        try:
            with writing(self.journal, "ledger", target):  # Ctrl-C waits for the whole save
                mode = target.stat().st_mode & 0o777
                self.warnings.extend(guard_backup(target, self.loaded))
                atomic_write(backup_path(target), self.loaded.raw, mode, owner=target.name)
                atomic_write(target, raw, mode)
        except OSError as exc:
            raise write_error(self.loaded.path, exc) from None
        remember(target, raw, new, done.data, done.append)


def create(path: Path, ledger: Ledger, journal: Journal, shared: bool = False) -> None:
    """Write a new ledger; refuses to replace an existing file.  Owner-only (0600), or with
    `shared` readable by the file's group (0640), its evidence folder (0750) too: every later
    write keeps the ledger's mode, and certificates copied beside it follow it."""
    file_mode, folder_mode = (SHARED_FILE_MODE, SHARED_FOLDER_MODE) if shared else (0o600, 0o700)
    exists = LedgerError(
        "a ledger already exists here; ceclog init never replaces one",
        where=Location(path),
        hint="use it as it is, or choose another file with --ledger",
    )
    if path.exists():  # through a link too: said before any lock file is made
        raise exists
    if shared and not platform.POSIX_MODES:
        raise InputError(
            "--shared makes the ledger readable by your group through file modes (640), which "
            "Windows does not have; nothing was created",
            hint="run `ceclog init` without --shared, and share the folder itself (its Properties, "
            "Sharing and Security): whoever may read the folder may read the ledgers in it",
        )
    refuse_link(path)  # a dangling one: never created through it
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=folder_mode)
    except OSError as exc:
        raise write_error(path, exc) from None
    with locked(path):
        if os.path.lexists(path):
            raise exists
        try:
            with writing(journal, "created", path):
                atomic_write(path, render(ledger).encode("utf-8"), file_mode)
            if shared:
                (path.parent / "evidence").mkdir(mode=folder_mode, exist_ok=True)
        except OSError as exc:
            raise write_error(path, exc) from None


class Undone(NamedTuple):
    restored: Ledger
    replaced: Ledger | None  # None: the ledger did not parse (it is kept as `kept`)
    kept: Path | None = None
    given: int | None = None  # the last_entry_id recorded in the restored version, if any
    warnings: tuple[str, ...] = ()
    # a ledger that did not parse: the entry IDs and certification codes its text had
    broken: tuple[frozenset[int], frozenset[str]] | None = None


def undo(path: Path, journal: Journal) -> Undone:
    """Put the backup back as the ledger; the version it replaces becomes the backup, so a
    second undo brings it back.  The entry IDs the replaced version had given stay given: the
    restored version records the highest as `last_entry_id` (an edit of that one line).  A
    backup that does not parse is never restored; a current ledger that does not parse is kept
    under a dated name, never deleted."""
    target = real_path(path)
    bak = backup_path(target)
    refuse_link(path)
    refuse_read_only(path)
    with locked(path):
        clean_stale_temps(path)
        try:
            raw = bak.read_bytes()
        except FileNotFoundError:
            raise LedgerError(
                "there is no backup to restore",
                where=Location(f"{path}.bak"),
                hint="ceclog makes one each time it changes the ledger",
            ) from None
        except OSError as exc:
            raise write_error(path, exc) from None
        try:
            text = decode(raw, bak, LedgerError)
            restored, data = parse_ledger(text, bak)
        except LedgerError as exc:
            exc.message = f"the backup does not parse, so it was not restored: {exc.message}"
            raise
        replaced: Ledger | None = None
        kept: Path | None = None
        try:
            current = read_bytes(target)
            replaced = parse_ledger(decode(current, target, LedgerError), target)[0]
        except LedgerError:
            current = read_bytes(target) if target.exists() else b""
        given: int | None = None
        warnings: tuple[str, ...] = ()
        if replaced is not None:
            raw, given, warnings = _keep_ids(Loaded(bak, text, restored, data, raw), replaced)
        try:
            with writing(journal, "restored", target):  # Ctrl-C waits for the whole swap
                mode = target.stat().st_mode & 0o777 if target.exists() else 0o600
                if replaced is None:
                    stamp = time.strftime("%Y%m%dT%H%M%S")
                    kept = target.with_name(f"{target.name}.broken-{stamp}")
                    atomic_write(kept, current, mode, owner=target.name)
                    atomic_write(target, raw, mode)
                else:
                    swap = target.with_name(target.name + ".undone")
                    atomic_write(swap, current, mode, owner=target.name)
                    atomic_write(target, raw, mode)
                    platform.replace(swap, bak)
                    platform.fsync_dir(target.parent)
        except OSError as exc:
            raise write_error(path, exc) from None
        broken = None if replaced is not None else records_in(current.decode("utf-8", "replace"))
        return Undone(restored, replaced, kept, given, warnings, broken)


def _keep_ids(backup: Loaded, replaced: Ledger) -> tuple[bytes, int | None, tuple[str, ...]]:
    """The bytes to restore: the backup's, with `last_entry_id` raised to the highest entry
    ID `replaced` had given when that is more than the backup knows.  When that one edit
    cannot be made in place, the backup's bytes unchanged and a warning with the fix."""
    from ceclog.core.checks.edits import keep_ids_given  # the engine too: only undo needs it

    carried = keep_ids_given(backup.ledger, replaced)
    given = carried.holder.last_entry_id
    if carried == backup.ledger or given is None:
        return backup.raw, None, ()
    done = edited(backup, carried)
    if done is None:
        return (
            backup.raw,
            None,
            (
                f"entry IDs up to {given} were given since this version, and it could not be "
                f"changed in place to remember them: add `last_entry_id = {given}` to the "
                "holder's table, so that no new entry takes one of them",
            ),
        )
    return done[0].encode("utf-8"), given, ()


def folder_not_shared(path: Path) -> list[str]:
    """A warning when the folder of a shared ledger keeps the group out (it needs r and x)."""
    folder = real_path(path).parent
    try:
        mode = folder.stat().st_mode & 0o777
    except OSError:
        return []
    if mode & 0o050 == 0o050:
        return []
    return [
        f"the folder {folder} is closed to your group (mode {mode:03o}), so the ledger cannot be "
        f"read through it: run `chmod g+rx {folder}`"
    ]
