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

from ceclog.errors import InputError, Location
from ceclog.models import MAX_TEXT, Entry, Evidence, Ledger, text_problem

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


def read_incoming(source: Path) -> Incoming:
    """Read a file to attach, refusing a missing file, a folder, or one over the limit."""
    try:
        if source.is_dir():
            raise InputError(
                "is a folder, not a file",
                where=Location(source),
                hint="attach the certificate file itself",
            )
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"is {size / 1024 / 1024:.1f} MB; evidence files may be at most "
                f"{MAX_BYTES // 1024 // 1024} MB",
                where=Location(source),
                hint="attach a smaller scan or export of the certificate (a PDF or JPEG)",
            )
        with source.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", where=Location(source)) from None
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror}", where=Location(source)) from None
    if len(data) > MAX_BYTES:
        raise InputError("grew past the size limit while being read", where=Location(source))
    return Incoming(source, data)


def _taken(ledger: Ledger, base: Path) -> set[str]:
    names = {ev.file for e in ledger.entries for ev in e.evidence}
    folder = base / FOLDER
    if folder.is_dir():
        names |= {f"{FOLDER}/{p.name}" for p in folder.iterdir()}
    return names


def plan(ledger: Ledger, entry: Entry, incoming: list[Incoming], base: Path) -> list[Evidence]:
    """Evidence records for `incoming`, named `evidence/DATE_ID_TITLE[-N].EXT`, unique."""
    taken = _taken(ledger, base)
    out: list[Evidence] = []
    stem = f"{entry.date}_{entry.id}_{slug(entry.title)}"
    for item in incoming:
        ext = "".join(ch for ch in item.source.suffix.lower() if ch.isalnum() or ch == ".")[:10]
        n = 1
        while True:
            name = f"{FOLDER}/{stem}{'' if n == 1 else f'-{n}'}{ext}"
            if name not in taken:
                break
            n += 1
        taken.add(name)
        original = item.source.name
        if not original or text_problem(original, MAX_TEXT):  # e.g. undecodable bytes
            original = name.rsplit("/", 1)[-1]
        out.append(Evidence(file=name, name=original, sha256=item.sha256))
    return out


@contextlib.contextmanager
def copied(base: Path, records: list[Evidence], incoming: list[Incoming]) -> Iterator[None]:
    """Copy the files in (atomically, owner-only); remove them again if the block fails, so a
    refused or failed ledger write leaves no stray evidence behind."""
    from ceclog.storage import atomic_write

    done: list[Path] = []
    try:
        if records:
            (base / FOLDER).mkdir(mode=0o700, exist_ok=True)
        for record, item in zip(records, incoming, strict=True):
            target = base / record.file
            atomic_write(target, item.data)
            done.append(target)
        yield
    except BaseException:
        for path in done:
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def presence(ledger: Ledger, base: Path) -> dict[str, str | None]:
    """For every evidence file the ledger names: its recorded SHA-256 when the file is there,
    None when it is missing.  A look at the folder, no reading: cheap enough for `status`."""
    out: dict[str, str | None] = {}
    for entry in ledger.entries:
        for ev in entry.evidence:
            out[ev.file] = ev.sha256 if (base / ev.file).is_file() else None
    return out


def hashes(ledger: Ledger, base: Path) -> dict[str, str | None]:
    """The SHA-256 of every evidence file the ledger names (None: missing or unreadable)."""
    out: dict[str, str | None] = {}
    for entry in ledger.entries:
        for ev in entry.evidence:
            if ev.file in out:
                continue
            try:
                out[ev.file] = sha256_of((base / ev.file).read_bytes())
            except OSError:
                out[ev.file] = None
    return out
