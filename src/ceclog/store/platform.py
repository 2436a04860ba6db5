"""Every call that differs between Linux, macOS and Windows, and nowhere else (a test greps the
sources for fcntl, msvcrt, os.name and sys.platform outside this module):

- an exclusive lock on an open lock file: `fcntl.flock` on Linux and macOS, `msvcrt.locking`
  of its first byte on Windows (which works on a shared folder of a Windows server or a NAS);
  where neither exists, the lock file's `-held` marker created exclusively (`O_EXCL`), holding
  the owner's process id and host, so that one left by a killed ceclog is taken over;
- a rename over a file, retried for a moment: Windows refuses to replace a file that another
  program (an editor, Excel, a sync or backup tool, an antivirus scan) has open;
- file modes, owners, folder fsync and blocking Ctrl-C (SIGINT) for a moment, which only POSIX
  systems have;
- the user's cache and data folders: on Linux and the BSDs the XDG ones, read here as
  platformdirs reads them (importing it costs 3-4 ms of every start-up), elsewhere its own.

Standard library only (`store.places`, which a TAB's completion imports, asks `user_folder`)."""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

WINDOWS = os.name == "nt"
POSIX_MODES = not WINDOWS  # group/other permission bits (`init --shared`) mean something

REPLACE_TRIES = 5  # waits of 0.1, 0.2, 0.4 and 0.8 s between them: 1.5 s in all
REPLACE_WAIT = 0.1


def try_lock(fd: int, lock_path: Path) -> bool:
    """Take an exclusive lock on the open lock file `fd` (at `lock_path`) without waiting: False
    when another process holds it."""
    if os.name == "nt":
        msvcrt = _module("msvcrt")
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # EACCES or EDEADLOCK: another process has the byte
            return False
        return True
    try:
        fcntl = _module("fcntl")
    except ImportError:
        return _take_marker(_marker(lock_path))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int, lock_path: Path) -> None:
    """Release the lock `try_lock` took (the caller then closes `fd`)."""
    if os.name == "nt":
        msvcrt = _module("msvcrt")
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    try:
        fcntl = _module("fcntl")
    except ImportError:
        with contextlib.suppress(OSError):
            _marker(lock_path).unlink()
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _module(name: str) -> Any:
    """A module of one system only, imported when used (typed loosely: the type checker runs
    on every system, and each lacks the other's)."""
    return importlib.import_module(name)


def _marker(lock_path: Path) -> Path:
    return lock_path.with_name(f"{lock_path.name}-held")


def _owner() -> str:
    import socket

    return f"{os.getpid()} {socket.gethostname()}"


def _take_marker(marker: Path) -> bool:
    """The lock without fcntl or msvcrt: `marker` created exclusively, naming its owner; one
    whose owner on this host has ended (or that names no one) is removed and taken."""
    for _ in range(2):
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if not _stale(marker):
                return False
            with contextlib.suppress(OSError):
                marker.unlink()
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_owner())
        return True
    return False


def _stale(marker: Path) -> bool:
    try:
        pid, host = marker.read_text(encoding="utf-8").split(" ", 1)
        owner = int(pid)
    except (OSError, ValueError):  # being written, or not one of ours
        return time.time() - _mtime(marker) > 10
    import socket

    return host == socket.gethostname() and not _alive(owner)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end it there; this path is not used on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class Busy(PermissionError):
    """A file that could not be replaced after `REPLACE_TRIES` tries (its `strerror` says so
    in words for a message)."""

    hint = (
        "close it in the program that has it open (an editor, Excel, a sync or backup tool), "
        "then run the command again"
    )

    def __init__(self, target: str | os.PathLike[str]) -> None:
        name = Path(target).name
        super().__init__(
            errno.EACCES,
            f"permission denied replacing {name}: another program may have it open, or the "
            "folder may not let you replace it",
            str(target),
        )


def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """`os.replace`, tried again a few times while it is refused: Windows refuses while another
    program has the target open, often for a moment only (a sync tool, an antivirus scan).
    Still refused: `Busy`."""
    wait = REPLACE_WAIT
    for _ in range(REPLACE_TRIES - 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            time.sleep(wait)
            wait *= 2
    try:
        os.replace(source, target)
    except PermissionError:
        raise Busy(target) from None


def set_mode(fd: int, path: Path, mode: int) -> None:
    """Give the open file `fd` at `path` the permission bits `mode` (Windows keeps only
    whether it is read-only, and has `os.fchmod` only from Python 3.13)."""
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk: POSIX only; Windows cannot open a folder
    as a file, and its renames need no such step."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_writable(path: Path) -> str:
    """How to make a read-only file writable again, in a hint."""
    return (
        f"chmod u+w {path}"
        if POSIX_MODES
        else f"attrib -r {path}, or untick Read-only in its Properties"
    )


def user_id() -> int | None:
    """The effective user id; None on Windows, which has no owners to compare this way."""
    geteuid = getattr(os, "geteuid", None)
    return None if geteuid is None else int(geteuid())


def user_name(uid: int) -> str:
    """The login name of a user id (the id itself when the system has no name for it)."""
    try:
        return str(_module("pwd").getpwuid(uid).pw_name)
    except (ImportError, KeyError):
        return str(uid)


@contextlib.contextmanager
def interrupts_blocked() -> Iterator[None]:
    """SIGINT (Ctrl-C) held back during the block, delivered when it ends; on Windows, which
    cannot block a signal, the block runs as it is."""
    signal: Any = _module("signal")
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# The XDG variable of each kind of user folder, and its folder under $HOME when it is not set
XDG_FOLDERS = {"cache": ("XDG_CACHE_HOME", ".cache"), "data": ("XDG_DATA_HOME", ".local/share")}


def user_folder(kind: str, app: str) -> Path:
    """`app`'s folder among the user's `kind` folders ("cache" or "data"): on Linux and the
    BSDs `$XDG_CACHE_HOME/app` ($XDG_DATA_HOME) when the variable holds an absolute path, else
    `~/.cache/app` (`~/.local/share/app`) under an absolute $HOME, as platformdirs says without
    importing it; anywhere else (macOS, Windows, Android, no usable $HOME) platformdirs's."""
    variable, under = XDG_FOLDERS[kind]
    android = hasattr(sys, "getandroidapilevel") or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not android:
        base = os.environ.get(variable, "")
        if os.path.isabs(base):
            return Path(os.path.join(base, app))
        if os.path.isabs(os.environ.get("HOME", "")):
            return Path(os.path.join(os.path.expanduser(f"~/{under}"), app))
    import platformdirs

    found = platformdirs.user_cache_dir if kind == "cache" else platformdirs.user_data_dir
    return Path(found(app, appauthor=False))
