"""The only code that reads or writes the ledger file.

Guarantees: every read-modify-write holds an exclusive lock on `.NAME.lock` beside the ledger;
a write goes to a temporary file in the same folder, is fsynced, and replaces the ledger with
`os.replace` (then the folder is fsynced); the previous version is kept as `NAME.bak`; a ledger
that does not parse or validate is never written over; and changes are made as textual edits
of the changed tables only, so the user's comments and layout elsewhere survive.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ceclog import cache
from ceclog.errors import CeclogError, LedgerError, Location, LockError
from ceclog.journal import Journal, writing
from ceclog.models import LEDGER_VERSION, Ledger, as_dict, first_repeat
from ceclog.parsing import decode, parse_toml, read_limited, validate
from ceclog.rewrite import new_text_for, render

MAX_LEDGER_BYTES = 64 * 1024 * 1024
LOCK_TIMEOUT = 10.0


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
    from ceclog import tomltext

    if not text.strip():
        raise LedgerError(
            "the ledger file is empty",
            where=Location(path, 1),
            hint=f"restore {path.name}.bak, or remove the empty file and run `ceclog init`",
        )
    data = parse_toml(text, path, LedgerError)
    version = data.get("version")
    if type(version) is int and version > LEDGER_VERSION:
        raise LedgerError(
            f"this ledger has version = {version}, written by a newer ceclog; this ceclog "
            f"reads version {LEDGER_VERSION}",
            where=Location(path, tomltext.line_of(text, ("version",))),
            hint="upgrade ceclog (pip install --upgrade ceclog)",
        )
    if type(version) is int and version < LEDGER_VERSION:
        raise LedgerError(
            f"version must be {LEDGER_VERSION}, not {version}",
            where=Location(path, tomltext.line_of(text, ("version",))),
        )
    repeated = first_repeat(data)
    if repeated is not None:  # located here: the model's own check does not know the line
        loc, message = repeated
        raise LedgerError(message, where=Location(path, tomltext.line_of(text, loc)))
    return validate(Ledger, data, text, path, LedgerError), data


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


# --- writing --------------------------------------------------------------------------------


def real_path(path: Path) -> Path:
    """Writes go to the file a symlink points at, so the link itself survives."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT, what: str = "the ledger's") -> Iterator[None]:
    """An exclusive lock on `.NAME.lock` beside `path` (a ledger, or the evidence folder)."""
    target = real_path(path)
    lock_path = target.with_name(f".{target.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise LedgerError(
            f"cannot create the lock file {lock_path.name}: {exc.strerror}",
            where=Location(path),
            hint="check that the ledger's folder exists and is writable",
        ) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockError(
                        f"another ceclog has held {what} lock for {timeout:.0f} s",
                        where=Location(path),
                        hint="wait for it to finish and try again",
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def open_temp(path: Path, owner: str | None = None) -> tuple[int, Path]:
    """A new owner-only temp file beside `path`, `.OWNER.HEX.tmp`: OWNER names the ledger it is
    written for (default: `path`'s name), whose `clean_stale_temps`, and no other, removes it."""
    while True:
        tmp = path.with_name(f".{owner or path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue


def write_temp(path: Path, data: bytes, mode: int, owner: str | None = None) -> Path:
    """`data` in a new temp file beside `path` (see `open_temp`), flushed to disk."""
    fd, tmp = open_temp(path, owner)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes, mode: int = 0o600, owner: str | None = None) -> None:
    """Write `data` to a temp file beside `path`, fsync it, and rename it over `path`."""
    tmp = write_temp(path, data, mode, owner)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def _write_error(path: Path, exc: OSError) -> LedgerError:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exhausted",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    return LedgerError(
        f"could not save the ledger: {reason}; nothing was changed",
        where=Location(path),
        hint="free some space or fix the folder's permissions, then run the command again",
    )


def clean_stale_temps(path: Path) -> None:
    """Remove temporary files a killed ceclog left behind for this ledger: `.NAME.HEX.tmp`
    (12 hex digits) beside it and in evidence/, and nothing else: other ledgers of the folder,
    and exports, name theirs after themselves.  Called with this ledger's lock held: every
    writer for it holds the lock while its temp files exist, so any found now are stale."""
    import re

    target = real_path(path)
    own = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{12}}\.tmp")
    for folder in (target.parent, target.parent / "evidence"):
        with contextlib.suppress(OSError):
            for name in filter(own.fullmatch, os.listdir(folder)):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()


def refuse_read_only(path: Path) -> None:
    """Refuse to change a ledger made read-only (`chmod 444`): a rename would ignore its mode.
    The mode bits decide (as root too, whom `os.access` always allows), then `os.access`."""
    target = real_path(path)
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        return  # missing or unreadable: loading it says so
    if not mode & 0o200 or not os.access(target, os.W_OK):
        raise LedgerError(
            f"the ledger is read-only (mode {mode:03o}); nothing was changed",
            where=Location(path),
            hint=f"make it writable (chmod u+w {path}) or work on a copy",
        )


@contextlib.contextmanager
def editing(path: Path, journal: Journal) -> Iterator[Session]:
    """Lock the ledger, load it, and let the caller save a changed version once."""
    try:
        refuse_read_only(path)
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
        text, data, warnings = new_text_for(self.loaded, new)
        self.warnings.extend(warnings)
        target = real_path(self.loaded.path)
        raw = text.encode("utf-8")
        try:
            with writing(self.journal, "ledger", target):  # Ctrl-C waits for the whole save
                mode = target.stat().st_mode & 0o777
                self.warnings.extend(keep_larger_backup(target, self.loaded.raw))
                atomic_write(backup_path(target), self.loaded.raw, mode, owner=target.name)
                atomic_write(target, raw, mode)
        except OSError as exc:
            raise _write_error(self.loaded.path, exc) from None
        cache.put("ledger", target, raw, ledger=as_dict(new), data=data)


def backup_path(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


KEEP_DATED_BACKUPS = 5


def keep_larger_backup(target: Path, current: bytes) -> list[str]:
    """Before the backup is replaced by `current`: if the backup is larger, keep a copy of it
    under a dated name (the Watson lesson: an emptied or truncated ledger must never wipe out
    the good backup); sizes are compared, not parsed.  A copy, not a hard link (some shared
    file systems have none); the newest `KEEP_DATED_BACKUPS` copies are kept."""
    import re

    bak = backup_path(target)
    try:
        old_size = bak.stat().st_size
    except OSError:
        return []
    if old_size <= len(current):
        return []
    pattern = re.compile(re.escape(bak.name) + r"-(\d{8}T\d{6})(?:-(\d+))?")
    matches = filter(None, map(pattern.fullmatch, os.listdir(bak.parent)))
    dated = [(m[1], int(m[2] or 1), m[0]) for m in matches]  # (stamp, number, name)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    # after every one of the same second: a freed lower number would sort as older
    n = max((n for s, n, _ in dated if s == stamp), default=0) + 1
    kept = bak.with_name(f"{bak.name}-{stamp}" + (f"-{n}" if n > 1 else ""))
    atomic_write(kept, bak.read_bytes(), bak.stat().st_mode & 0o777, owner=target.name)
    for *_, name in sorted([*dated, (stamp, n, kept.name)])[:-KEEP_DATED_BACKUPS]:
        with contextlib.suppress(OSError):
            (bak.parent / name).unlink()
    return [
        f"the backup ({old_size:,} bytes) is larger than the version replacing it "
        f"({len(current):,} bytes): it is kept as {kept}"
    ]


def create(path: Path, ledger: Ledger, journal: Journal) -> None:
    """Write a new ledger; refuses to replace an existing file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise _write_error(path, exc) from None
    with locked(path):
        if path.exists() or path.is_symlink():
            raise LedgerError(
                "a ledger already exists here; ceclog init never replaces one",
                where=Location(path),
                hint="use it as it is, or choose another file with --ledger",
            )
        try:
            with writing(journal, "created", path):
                atomic_write(path, render(ledger).encode("utf-8"))
        except OSError as exc:
            raise _write_error(path, exc) from None


class Undone(NamedTuple):
    restored: Ledger
    replaced: Ledger | None  # None: the ledger did not parse (it is kept as `kept`)
    kept: Path | None = None


def undo(path: Path, journal: Journal) -> Undone:
    """Put the backup back as the ledger; the version it replaces becomes the backup, so a
    second undo brings it back.  A backup that does not parse is never restored; a current
    ledger that does not parse is kept under a dated name, never deleted."""
    target = real_path(path)
    bak = backup_path(target)
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
            raise _write_error(path, exc) from None
        try:
            restored = parse_ledger(decode(raw, bak, LedgerError), bak)[0]
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
                    os.replace(swap, bak)
                    fsync_dir(target.parent)
        except OSError as exc:
            raise _write_error(path, exc) from None
        return Undone(restored, replaced, kept)
