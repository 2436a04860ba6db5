"""Which ledgers a firm's `ceclog team PATH|GLOB...` means: files named, folders (their ledgers,
and those of their subfolders, one level down), and patterns ceclog expands itself.

Only looks: it opens a candidate to read its first 64 KiB (is there a `[holder]` table?), and
never locks, writes or cleans anything.  Backups, broken copies, temporary and lock files,
hidden files and folders (`.git`), evidence folders and TOML files that are not ledgers (a
rules file, `pyproject.toml`) are passed over in a folder; a file named on its own is always
read, so that a wrong one says why."""

from __future__ import annotations

import errno
import glob
import os
import re
from pathlib import Path
from typing import NamedTuple

from ceclog.errors import InputError

SNIFF_BYTES = 64 * 1024
_HOLDER = re.compile(rb"^[ \t]*(?:\[[ \t]*holder[ \t]*\]|holder[ \t]*=)", re.MULTILINE)
_GLOB = re.compile(r"[*?\[]")
EVIDENCE = "evidence"


class Found(NamedTuple):
    """A file to report on, as the user will read its name (`shown`), and where it really is
    (`real`, to read each file once and never to write a report over one).  `unreadable` is
    set when the file (or its folder) could not be opened: `errno` name."""

    shown: str
    real: Path
    named: bool = False  # named on the command line (then read even if it is not a ledger)
    unreadable: str | None = None
    folder: bool = False  # `unreadable` is about a folder that could not be listed


def looks_like_ledger(path: Path) -> bool | None:
    """Whether the file has a `[holder]` table in its first 64 KiB; None if it cannot be read."""
    from ceclog.store.files import read_regular

    try:
        head = read_regular(path, SNIFF_BYTES)[:SNIFF_BYTES]  # never blocks on a pipe
    except OSError:
        return None
    return _HOLDER.search(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _skipped(name: str) -> bool:
    """A name in a folder that is never a ledger to report: hidden (locks, temporary files,
    `.git`), or not `*.toml` (backups `.bak`, `.bak-STAMP`, `.broken-STAMP`, `.undone`)."""
    return name.startswith(".") or not name.endswith(".toml")


def _unreadable(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, "EIO")


def _join(shown: str, name: str) -> str:
    return name if shown in (".", "./") else os.path.join(shown, name)


def _in_folder(folder: Path, shown: str, depth: int = 1) -> list[Found]:
    """The ledgers of a folder and of its subfolders `depth` levels down, sorted by name."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        return [Found(shown, folder, unreadable=_unreadable(exc), folder=True)]
    out: list[Found] = []
    subfolders: list[str] = []
    for name in names:
        path = folder / name
        if name.startswith(".") or name == EVIDENCE:
            continue
        if path.is_dir():
            subfolders.append(name)
        elif path.is_file() and not _skipped(name):
            out.extend(_candidate(path, _join(shown, name)))
    if depth:
        for name in subfolders:
            out.extend(_in_folder(folder / name, _join(shown, name), depth - 1))
    return out


def _candidate(path: Path, shown: str) -> list[Found]:
    sniff = looks_like_ledger(path)
    if sniff is None:  # unreadable: it may be a ledger, and its row says why it is not read
        return [Found(shown, path, unreadable="EACCES" if not os.access(path, os.R_OK) else "EIO")]
    return [Found(shown, path)] if sniff else []


def _argument(arg: str) -> list[Found]:
    path = Path(arg)
    if path.is_dir():
        found = _in_folder(path, arg)
        if not found:
            raise InputError(
                f"no ceclog ledger in the folder {arg}",
                hint="a ledger is a .toml file with a [holder] table; its subfolders are "
                "read too, one level down",
            )
        return found
    if os.path.lexists(arg):
        return [Found(arg, path, named=True)]
    if _GLOB.search(arg):
        matches = sorted(glob.glob(arg))
        found = [
            f
            for match in matches
            for f in (
                _in_folder(Path(match), match)
                if os.path.isdir(match)
                else ([] if _skipped(os.path.basename(match)) else _candidate(Path(match), match))
            )
        ]
        if not found:
            what = "nothing" if not matches else "no ceclog ledger"
            raise InputError(
                f"the pattern {arg!r} matches {what}",
                hint="check the pattern; or name a folder: its ledgers are all read",
            )
        return found
    raise InputError(
        f"{arg}: no such file or folder",
        hint="name ledger files, folders of ledgers, or a pattern such as 'team/*.toml'",
    )


def find(args: list[str]) -> list[Found]:
    """Every ledger the arguments name (the current folder when there are none), in the order
    given, each file once (two names or a symlink for one file: the first is kept)."""
    found = [f for arg in (args or ["."]) for f in _argument(arg)]
    seen: set[str] = set()
    out = []
    for f in found:
        key = os.path.realpath(f.real)
        if key not in seen:
            seen.add(key)
            out.append(f._replace(real=Path(key)))
    return out
