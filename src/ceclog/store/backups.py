"""The backup's guard (the Watson lesson: an emptied or truncated ledger must never wipe out
the good backup).  Every change keeps the version it replaces as `NAME.bak`; before that backup
is itself replaced, a ledger that lost records since ceclog last wrote it (a truncated file, an
editor or a sync gone wrong, a hand edit) has its backup kept under a dated name
(`NAME.bak-TIME`), and the user is told.  A removal made by ceclog (`rm`, `cert rm`, `undo`)
was shown when it ran: it keeps nothing and says nothing."""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from ceclog.core.checks.edits import records_lost
from ceclog.errors import LedgerError
from ceclog.store.files import atomic_write, backup_path, read_regular
from ceclog.store.parsing import decode
from ceclog.store.reading import MAX_LEDGER_BYTES, Loaded, parse_ledger

KEEP_DATED_BACKUPS = 5
SAVED_TOGETHER = 10.0  # seconds: a save writes the backup, then the ledger, at once


def _saved_together(bak: Path, target: Path) -> bool:
    """Whether the ledger and its backup were last written by the same ceclog save (or undo):
    their modification times are seconds apart.  A ledger changed later, by anything else,
    is newer than that."""
    try:
        return abs(target.stat().st_mtime - bak.stat().st_mtime) <= SAVED_TOGETHER
    except OSError:
        return False


def _keep_dated(bak: Path, raw: bytes, owner: str) -> Path:
    """A copy of the backup as `NAME.bak-TIME[-N]`; the newest `KEEP_DATED_BACKUPS` are kept.
    A copy, not a hard link (some shared file systems have none)."""
    pattern = re.compile(re.escape(bak.name) + r"-(\d{8}T\d{6})(?:-(\d+))?")
    matches = filter(None, map(pattern.fullmatch, os.listdir(bak.parent)))
    dated = [(m[1], int(m[2] or 1), m[0]) for m in matches]  # (stamp, number, name)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    # after every one of the same second: a freed lower number would sort as older
    n = max((n for s, n, _ in dated if s == stamp), default=0) + 1
    kept = bak.with_name(f"{bak.name}-{stamp}" + (f"-{n}" if n > 1 else ""))
    atomic_write(kept, raw, bak.stat().st_mode & 0o777, owner=owner)
    for *_, name in sorted([*dated, (stamp, n, kept.name)])[:-KEEP_DATED_BACKUPS]:
        with contextlib.suppress(OSError):
            (bak.parent / name).unlink()
    return kept


def guard_backup(target: Path, current: Loaded) -> list[str]:
    """Before the backup of `target` is replaced by `current` (the version being changed): when
    the ledger was changed since ceclog wrote both, and the backup records what `current` lacks
    (entries, certifications, assertions), keep a dated copy of it and say so.  A backup that
    does not read as a ledger is kept too.  Cheap tests first: only a larger backup of a
    ledger changed since is read."""
    bak = backup_path(target)
    try:
        raw = read_regular(bak, MAX_LEDGER_BYTES)
    except OSError:
        return []
    if len(raw) <= len(current.raw) or _saved_together(bak, target):
        return []
    try:
        text = decode(raw, bak, LedgerError)
        lost = records_lost(parse_ledger(text, bak)[0], current.ledger)
    except LedgerError as exc:
        kept = _keep_dated(bak, raw, target.name)
        return [
            f"the backup {bak.name} does not read as a ledger ({exc.message}) and is larger than "
            f"the version replacing it: it is kept as {kept}"
        ]
    if lost is None:
        return []
    kept = _keep_dated(bak, raw, target.name)
    return [
        f"{current.path} lacks {lost} that its backup has, removed since ceclog last wrote it: "
        f"the backup is kept as {kept} (delete that copy if the removal was yours)"
    ]


_HEADER = re.compile(r"\s*\[\[?\s*([A-Za-z_.-]+)\s*\]")
_ID = re.compile(r"\s*id\s*=\s*(\d+)\s*(?:#.*)?$")
_CODE = re.compile(r"""\s*code\s*=\s*["']([^"']+)["']""")


def records_in(text: str) -> tuple[frozenset[int], frozenset[str]]:
    """The entry IDs and certification codes a ledger's text has, read line by line: for a
    text that does not parse as TOML (`ceclog undo` says what restoring the backup brings
    back).  A line the scan cannot follow counts for nothing."""
    ids: set[int] = set()
    codes: set[str] = set()
    table = ""
    for line in text.splitlines():
        if header := _HEADER.match(line):
            table = header[1]
        elif table == "entries" and (m := _ID.match(line)):
            ids.add(int(m[1]))
        elif table == "certifications" and (m := _CODE.match(line)):
            codes.add(m[1])
    return frozenset(ids), frozenset(codes)
