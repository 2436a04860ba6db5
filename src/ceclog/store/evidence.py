"""Evidence files (certificates) kept in `evidence/` beside the ledger: copying them in under a
clear name, and reading back what is there.  Shell code: it touches files; the core only sees
the `Evidence` records and the hashes this module reports."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ceclog.core.checks.entries import Refused
from ceclog.core.ledger.models import MAX_TEXT, Entry, Evidence, Ledger
from ceclog.core.ledger.text import text_problem
from ceclog.errors import InputError, LedgerError, Location
from ceclog.store import files, names, platform
from ceclog.store.journal import Written, interrupts_deferred

if TYPE_CHECKING:
    from ceclog.store.ledger import Session

FOLDER = "evidence"
MAX_BYTES = 20 * 1024 * 1024


def folder_of(ledger_path: Path) -> Path:
    """The ledger's own folder (through a symlink, the real one): evidence paths are relative
    to it."""
    return Path(os.path.realpath(ledger_path)).parent


def slug(text: str, limit: int = 40) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > limit:  # cut at a word boundary when there is one
        cut = words[: limit + 1]
        words = cut[: cut.rindex("-")] if "-" in cut else words[:limit]
    return words or "entry"


def sha256_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Incoming:
    """A file the user asked to attach, read and checked, not yet copied."""

    source: Path
    data: bytes

    @property
    def sha256(self) -> str:
        return sha256_of(self.data)


_ATTACH_HINT = "attach the certificate file itself"


def read_incoming(source: Path) -> Incoming:
    """Read a file to attach: a regular, non-empty file of at most `MAX_BYTES` (a pipe or a
    device is refused before a byte is read, so it never hangs the run)."""
    try:
        data = files.read_regular(source, MAX_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", where=Location(source)) from None
    except IsADirectoryError:
        raise InputError(
            "is a folder, not a file", where=Location(source), hint=_ATTACH_HINT
        ) from None
    except files.NotRegular as exc:
        raise InputError(
            f"is {exc.what}, not a file", where=Location(source), hint=_ATTACH_HINT
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror}", where=Location(source)) from None
    if len(data) > MAX_BYTES:
        try:
            size = source.stat().st_size
        except OSError:
            size = len(data)
        raise InputError(
            f"is {size / 1024 / 1024:.1f} MB; evidence files may be at most "
            f"{MAX_BYTES // 1024 // 1024} MB",
            where=Location(source),
            hint="attach a smaller scan or export of the certificate (a PDF or JPEG)",
        )
    if not data:
        raise InputError("is empty", where=Location(source), hint=_ATTACH_HINT)
    return Incoming(source, data)


def _records(ledger: Ledger) -> list[Evidence]:
    """Every certificate the ledger names: its entries', then its assertions' (screenshots)."""
    return [
        *(ev for e in ledger.entries for ev in e.evidence),
        *(ev for a in ledger.assertions for ev in a.evidence),
    ]


def _taken(ledger: Ledger, base: Path) -> set[str]:
    """The names in use, as Windows and macOS compare them (`names.same`): recorded or there.
    A name differing from one of them only in case is taken too, even where the system tells
    them apart: the folder may be opened from Windows or a Mac one day."""
    taken = {ev.file for ev in _records(ledger)}
    folder = base / FOLDER
    if folder.is_dir():
        taken |= {f"{FOLDER}/{p.name}" for p in folder.iterdir()}
    return {names.same(name) for name in taken}


def extension(source: Path) -> str:
    """The extension a copy of `source` gets: its own, lower case, ASCII letters and digits
    only (at most 9); none when nothing is left (`cert.€`), never a bare dot."""
    kept = "".join(ch for ch in source.suffix.lower() if ch.isascii() and ch.isalnum())[:9]
    return f".{kept}" if kept else ""


def _original_name(item: Incoming, name: str) -> str:
    original = item.source.name
    if not original or text_problem(original, MAX_TEXT):  # undecodable bytes, a line break
        original = name.rsplit("/", 1)[-1]
    return original


def create_new(path: Path, data: bytes, owner: str, mode: int = 0o600) -> bool:
    """Create `path` holding `data`, never replacing a file: False if the name exists.  The
    data goes to a temp file named after `owner` (the ledger), fsynced; then the name is
    reserved with O_CREAT|O_EXCL (atomic even where locks do not work) and the temp file
    renamed over the reservation."""
    tmp = files.write_temp(path, data, mode, owner)
    try:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            return False
        try:
            platform.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(path)  # the empty reservation
            raise
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # left only when it was not renamed
    platform.fsync_dir(path.parent)
    return True


def _copy(session: Session, path: Path, item: Incoming, done: list[Path]) -> bool:
    """Copy `item` to `path` unless the name exists; a copy made is recorded (with Ctrl-C
    deferred, so that a copy is never made without its record)."""
    with interrupts_deferred():
        ledger = session.loaded.path
        mode = files.modes_like(ledger)[0]  # a shared ledger's certificates are shared too
        if not create_new(path, item.data, files.real_path(ledger).name, mode):
            return False
        done.append(path)
        session.journal.append(Written("evidence", path))
    return True


def _copy_all(
    session: Session, entry: Entry | str, incoming: list[Incoming], done: list[Path]
) -> list[Evidence]:
    base = folder_of(session.loaded.path)
    (base / FOLDER).mkdir(mode=files.modes_like(session.loaded.path)[1], exist_ok=True)
    records: list[Evidence] = []
    with files.locked(base / FOLDER, what="the evidence folder's"):
        taken = _taken(session.ledger, base)
        name = entry if isinstance(entry, str) else f"{entry.date}_{entry.id}_{slug(entry.title)}"
        stem = f"{FOLDER}/{names.portable(name, 'certificate')}"
        for item in incoming:
            ext = extension(item.source)
            name, n = f"{stem}{ext}", 1
            while names.same(name) in taken or not _copy(session, base / name, item, done):
                n += 1
                name = f"{stem}-{n}{ext}"
            taken.add(names.same(name))
            records.append(Evidence(file=name, name=_original_name(item, name), sha256=item.sha256))
    return records


@contextlib.contextmanager
def placed(
    session: Session, entry: Entry | str, incoming: list[Incoming]
) -> Iterator[list[Evidence]]:
    """Copy `incoming` into evidence/ as `evidence/DATE_ID_TITLE[-N].EXT` (for an entry; a
    name stem given as text for anything else, an assertion's screenshot) and yield their
    records; if the block fails before the ledger is saved, remove the copies again, so a
    refused or failed ledger write leaves no stray evidence.

    Ledgers kept side by side share one evidence/ folder, so the names are chosen and the files
    created under a lock on the folder (`.evidence.lock` beside the ledgers, taken after the
    ledger's own lock, held only while copying), and each file is created under its final
    name exclusively: no two ledgers ever write the same file, even where locks do not work."""
    done: list[Path] = []
    try:
        try:
            records = _copy_all(session, entry, incoming, done) if incoming else []
        except OSError as exc:
            raise LedgerError(
                f"could not copy the certificate into {FOLDER}/: {exc.strerror or exc}; "
                "nothing was changed",
                where=Location(folder_of(session.loaded.path) / FOLDER),
                hint=exc.hint
                if isinstance(exc, platform.Busy)
                else "free some space or fix the folder's permissions, then try again",
            ) from None
        yield records
    except BaseException:
        saved = Written("ledger", files.real_path(session.loaded.path)) in session.journal
        for path in [] if saved else done:  # once the ledger names them, they stay
            with contextlib.suppress(OSError):
                path.unlink()
                session.journal.remove(Written("evidence", path))
        raise


def _located(base: Path, file: str) -> Path | Refused:
    """Where the recorded `file` really is, when that is inside the ledger's evidence folder
    (the folder itself may be a link the user made); else why it is not read: it names a file
    outside evidence/, or leads out of it through a link."""
    folder = files.real_path(base / FOLDER)
    real = files.real_path(base / file)
    if real != folder and real.is_relative_to(folder):
        return real
    if not file.startswith(f"{FOLDER}/"):
        return Refused(f"is not in the {FOLDER}/ folder")
    return Refused(f"leads outside the {FOLDER}/ folder, to {real}")


def content(base: Path, file: str) -> bytes | Refused | None:
    """The bytes of a recorded evidence file, read only inside the evidence folder and only
    from a regular file (at most `MAX_BYTES` + 1: a larger one is not the file attached); None
    when it is missing or unreadable."""
    where = _located(base, file)
    if isinstance(where, Refused):
        return where
    try:
        return files.read_regular(where, MAX_BYTES, follow=False)
    except files.NotRegular as exc:
        return Refused(f"is {exc.what}, not a file")
    except OSError:
        return None


def presence(ledger: Ledger, base: Path) -> dict[str, str | Refused | None]:
    """For every evidence file the ledger names: its recorded SHA-256 when the file is there,
    None when it is missing, `Refused` when it is out of the folder.  A look at the folder, no
    reading: cheap enough for `status`."""
    out: dict[str, str | Refused | None] = {}
    for ev in _records(ledger):
        where = _located(base, ev.file)
        out[ev.file] = (
            where if isinstance(where, Refused) else ev.sha256 if where.is_file() else None
        )
    return out


def hashes(ledger: Ledger, base: Path) -> dict[str, str | Refused | None]:
    """The SHA-256 of every evidence file the ledger names (None: missing or unreadable;
    `Refused`: not read, see `content`)."""
    out: dict[str, str | Refused | None] = {}
    for ev in _records(ledger):
        if ev.file not in out:
            data = content(base, ev.file)
            out[ev.file] = sha256_of(data) if isinstance(data, bytes) else data
    return out
