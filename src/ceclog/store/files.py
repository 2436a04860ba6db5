"""Safe file operations: an exclusive lock beside a file, atomic writes (a temp file in the
same folder, fsynced, renamed over the target, the folder fsynced), temp files named after the
ledger they are written for (so each ledger cleans up only its own), reading only regular files
(never blocking on a pipe or a device), and ledgers this user may not change refused
(read-only, or someone else's).  What differs between Linux, macOS and Windows is in
`ceclog.store.platform`, and nowhere else."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from ceclog.errors import InputError, LedgerError, Location, LockError
from ceclog.store import platform
from ceclog.store.journal import Journal, writing
from ceclog.store.platform import fsync_dir, user_name

LOCK_TIMEOUT = 10.0


def real_path(path: Path) -> Path:
    """The path with every symbolic link resolved (a ledger is never written through a link
    of its own, see `ledger.refuse_link`; its folder may be reached through one)."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def locked(
    path: Path, timeout: float = LOCK_TIMEOUT, what: str = "the ledger's", new: bool = False
) -> Iterator[None]:
    """An exclusive lock on `.NAME.lock` beside `path` as given (a ledger, or the evidence
    folder): never beside where a symbolic link leads.  `new`: `path` is a file about to be
    created; when it still does not exist on leaving, the lock file is removed (under the lock),
    so a run that wrote nothing leaves nothing for a ledger that is not there.  A lock file
    removed so while another process waited on it is taken afresh by that process."""
    lock_path = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_lock(path, lock_path)
        try:
            while not platform.try_lock(fd, lock_path):
                if time.monotonic() > deadline:
                    raise LockError(
                        f"another ceclog has held {what} lock for {timeout:.0f} s",
                        where=Location(path),
                        hint="wait for it to finish and try again",
                    )
                time.sleep(0.02)
            if not _still_there(fd, lock_path):  # removed while we waited: not a lock any more
                platform.unlock(fd, lock_path)
                continue
            try:
                yield
            finally:
                if new and not os.path.lexists(path):
                    with contextlib.suppress(OSError):  # Windows keeps an open file: left
                        os.unlink(lock_path)
                platform.unlock(fd, lock_path)
            return
        finally:
            os.close(fd)


def _open_lock(path: Path, lock_path: Path) -> int:
    no_follow = getattr(os, "O_NOFOLLOW", 0)  # a lock planted as a link creates nothing elsewhere
    try:
        return os.open(lock_path, os.O_RDWR | os.O_CREAT | no_follow, 0o600)
    except OSError as exc:
        hint = "check that the ledger's folder exists and is writable"
        if lock_path.is_symlink():
            hint = f"{lock_path.name} is a symbolic link, not ceclog's: remove it"
        raise LedgerError(
            f"cannot create the lock file {lock_path.name}: {exc.strerror}",
            where=Location(path),
            hint=hint,
        ) from None


def _still_there(fd: int, lock_path: Path) -> bool:
    """Whether `lock_path` is still the file open as `fd` (not removed since it was opened)."""
    try:
        now = os.stat(lock_path, follow_symlinks=False)
    except OSError:
        return False
    return os.path.samestat(os.fstat(fd), now)


TEMP_RANDOM = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix


def open_temp(path: Path, owner: str | None = None) -> tuple[int, Path]:
    """A new owner-only (0600) temp file beside `path`, `.OWNER.RANDOM.tmp` (tempfile.mkstemp):
    OWNER names the ledger it is written for (default: `path`'s name), whose
    `clean_stale_temps`, and no other, removes it."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{owner or path.name}.", suffix=".tmp", dir=path.parent)
    return fd, Path(name)


def write_temp(path: Path, data: bytes, mode: int, owner: str | None = None) -> Path:
    """`data` in a new temp file beside `path` (see `open_temp`), flushed to disk."""
    fd, tmp = open_temp(path, owner)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            platform.set_mode(handle.fileno(), tmp, mode)
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
        platform.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


SHARED_FILE_MODE = 0o640  # `init --shared`: the group may read the ledger
SHARED_FOLDER_MODE = 0o750


def modes_like(ledger: Path) -> tuple[int, int]:
    """The modes for a file and a folder created beside a ledger (its certificates): readable
    by the group when the ledger is (0640, 0750: `init --shared`), else owner-only (0600,
    0700); never writable by the group, never readable by others (certificates are personal)."""
    try:
        mode = real_path(ledger).stat().st_mode
    except OSError:
        mode = 0o600
    return (0o640, 0o750) if mode & 0o040 else (0o600, 0o700)


def write_error(path: Path, exc: OSError) -> LedgerError:
    if isinstance(exc, platform.Busy):  # Windows: a file open elsewhere cannot be replaced
        return LedgerError(
            f"could not save the ledger: {exc.strerror}; nothing was changed",
            where=Location(path),
            hint=exc.hint,
        )
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
    """Remove temporary files a killed ceclog left behind for this ledger: `.NAME.RANDOM.tmp`
    beside it and in evidence/, and nothing else: other ledgers of the folder,
    and exports, name theirs after themselves.  Called with this ledger's lock held: every
    writer for it holds the lock while its temp files exist, so any found now are stale."""
    import re

    target = real_path(path)
    own = re.compile(rf"\.{re.escape(target.name)}\.{TEMP_RANDOM}\.tmp")
    for folder in (target.parent, target.parent / "evidence"):
        with contextlib.suppress(OSError):
            for name in filter(own.fullmatch, os.listdir(folder)):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()


def read_only_error(
    path: Path, mode: int, owner: str | None, user: str | None, writable: bool
) -> LedgerError | None:
    """Why the ledger at `path` must not be changed, or None when it may be: `mode` its
    permission bits, `owner` the name of the user it belongs to when that is not the one
    running ceclog (`user`), `writable` whether the system lets this process write it."""
    if mode & 0o200 and writable:
        return None
    if owner is not None:  # someone else's: only they, or an administrator, can change that
        return LedgerError(
            f"the ledger belongs to {owner} (mode {mode:03o}) and you ({user}) may not change "
            "it; nothing was changed",
            where=Location(path),
            hint=f"ask {owner} or an administrator to let you write it, or work on a copy of "
            "it (copy the file, then use --ledger COPY)",
        )
    if not mode & 0o200:
        return LedgerError(
            f"the ledger is read-only (mode {mode:03o}); nothing was changed",
            where=Location(path),
            hint=f"make it writable ({platform.make_writable(path)}) or work on a copy",
        )
    return LedgerError(
        f"the system does not let you write the ledger (mode {mode:03o}: an access list, or a "
        "read-only disk); nothing was changed",
        where=Location(path),
        hint="ask an administrator, or work on a copy of it (copy the file, then use --ledger)",
    )


def refuse_read_only(path: Path) -> None:
    """Refuse to change a ledger this user may not write: made read-only (`chmod 444`; a
    rename would ignore its mode), or another user's.  The mode bits decide (as root too, whom
    `os.access` always allows), then `os.access`."""
    target = real_path(path)
    try:
        st = target.stat()
    except OSError:
        return  # missing or unreadable: loading it says so
    me = platform.user_id()  # None on Windows: no owners to compare
    theirs = me is not None and st.st_uid != me
    owner = user_name(st.st_uid) if theirs else None
    user = user_name(me) if me is not None else None
    error = read_only_error(path, st.st_mode & 0o777, owner, user, os.access(target, os.W_OK))
    if error is not None:
        raise error


class NotRegular(OSError):
    """A path that is not a regular file: `what` it is ("a named pipe (FIFO)")."""

    def __init__(self, what: str) -> None:
        super().__init__(errno.EINVAL, f"is {what}, not a file")
        self.what = what


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_regular(path: Path, limit: int, follow: bool = True) -> bytes:
    """Up to `limit` + 1 bytes of the regular file at `path` (the caller judges the size).
    Opened without blocking and checked before a byte is read, so a pipe, a device
    (/dev/null, a terminal) or a socket never hangs a run or passes for an empty file: it
    raises `NotRegular`; a folder `IsADirectoryError`; else what `open` raises.  Without
    `follow`, a symbolic link as the last part of the path is refused too."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegular(next((w for test, w in _KINDS if test(mode)), "not a regular file"))
        return handle.read(limit + 1)


def backup_path(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def write_output(
    output: Path, data: bytes, journal: Journal, ledgers: set[Path], mode: int = 0o600
) -> None:
    """An export or report at `output`, written atomically; never over one of `ledgers` (real
    paths) or its backup, never over a folder."""
    target = real_path(output)
    if target in ledgers | {backup_path(ledger) for ledger in ledgers}:
        what = "the ledger itself" if target in ledgers else "the ledger's backup"
        raise InputError(
            f"--output names {what} ({output})",
            hint="choose another file: ceclog never writes a report over a ledger or its backup",
        )
    if target.is_dir():
        raise InputError("is a folder", where=Location(output), hint="give a file name")
    try:
        with writing(journal, "export", target):
            atomic_write(target, data, mode)
    except OSError as exc:
        raise LedgerError(f"could not write it: {exc.strerror}", where=Location(output)) from None
