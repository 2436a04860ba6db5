"""The files of a merge (`ceclog merge`, the git merge driver): the other versions read (never
written), the certificates OTHER's entries name brought into the ledger's evidence folder
(never over a different file of the same name), and the driver's result written over git's
file of this side."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ceclog.core.ledger.models import Evidence, Ledger
from ceclog.errors import CeclogError, InputError, LedgerError, Location
from ceclog.store import evidence, files
from ceclog.store.journal import Written, interrupts_deferred
from ceclog.store.reading import Loaded, load


def read_version(path: Path, what: str, for_edit: bool = False) -> Loaded:
    """Another version of the ledger, read only: one that does not parse is refused with its
    file and line, like the ledger itself."""
    try:
        return load(path, for_edit=for_edit)
    except CeclogError as exc:
        exc.where = exc.where or Location(path)
        exc.message = f"{what} does not read as a ledger: {exc.message}"
        raise


def refuse_same(ledger: Path, other: Path) -> None:
    with contextlib.suppress(OSError):
        if os.path.samefile(ledger, other):
            raise InputError(
                "OTHER is the ledger itself: there is nothing to merge",
                where=Location(other),
                hint="give the other copy (the conflicted copy beside it, another clone's file)",
            )


@dataclass(frozen=True)
class Bring:
    """What becomes of one of OTHER's certificates: "here" (the same file is in the ledger's
    evidence folder), "copy" (copied from OTHER's), "renamed" (copied under `record.file`: a
    different file has the name here) or "missing" (in neither folder: the record is kept,
    `ceclog check` names it)."""

    what: str
    given: Evidence
    record: Evidence
    source: Path | None = None


def plan_evidence(ledger: Path, other: Path, records: list[Evidence]) -> list[Bring]:
    """For each of OTHER's certificate records: what merging does with its file (read only)."""
    here, there = evidence.folder_of(ledger), evidence.folder_of(other)
    taken: set[str] = set()
    out: list[Bring] = []
    for ev in dict.fromkeys(records):
        mine = evidence.content(here, ev.file)
        if isinstance(mine, bytes) and evidence.sha256_of(mine) == ev.sha256:
            out.append(Bring("here", ev, ev))
            continue
        theirs = evidence.content(there, ev.file) if here != there else None
        if not isinstance(theirs, bytes) or evidence.sha256_of(theirs) != ev.sha256:
            out.append(Bring("missing", ev, ev))
            continue
        source = files.real_path(there / ev.file)
        if mine is None and ev.file not in taken:
            out.append(Bring("copy", ev, ev, source))
        else:
            stem, dot, ext = ev.file.rpartition(".")
            stem, ext = (stem, dot + ext) if dot and "/" not in ext else (ev.file, "")
            n = 2
            while (here / f"{stem}-{n}{ext}").exists() or f"{stem}-{n}{ext}" in taken:
                n += 1
            out.append(Bring("renamed", ev, replace(ev, file=f"{stem}-{n}{ext}"), source))
        taken.add(out[-1].record.file)
    return out


def renamed(ledger: Ledger, plan: list[Bring]) -> Ledger:
    """`ledger` naming each renamed certificate by its new file."""
    names = {b.given: b.record for b in plan if b.what == "renamed"}
    if not names:
        return ledger
    entries = [
        replace(e, evidence=[names.get(ev, ev) for ev in e.evidence]) if e.evidence else e
        for e in ledger.entries
    ]
    return replace(ledger, entries=entries)


@contextlib.contextmanager
def brought(ledger: Path, plan: list[Bring], journal: list[Written]) -> Iterator[None]:
    """Copy the certificates `plan` brings (each created under its name exclusively, never
    over a file); if the block fails before the ledger is saved, they are removed again."""
    done: list[Path] = []
    here = evidence.folder_of(ledger)
    try:
        wanted = [b for b in plan if b.source is not None]
        if wanted:
            folder = here / evidence.FOLDER
            folder.mkdir(mode=files.modes_like(ledger)[1], exist_ok=True)
            with files.locked(folder, what="the evidence folder's"):
                for b in wanted:
                    _copy(ledger, b, done, journal)
        yield
    except OSError as exc:
        _undo_copies(ledger, done, journal)
        raise LedgerError(
            f"could not copy a certificate: {exc.strerror or exc}; nothing was changed",
            where=Location(here / evidence.FOLDER),
        ) from None
    except BaseException:
        _undo_copies(ledger, done, journal)
        raise


def _copy(ledger: Path, b: Bring, done: list[Path], journal: list[Written]) -> None:
    assert b.source is not None
    data = b.source.read_bytes()
    target = evidence.folder_of(ledger) / b.record.file
    with interrupts_deferred():
        mode = files.modes_like(ledger)[0]
        if not evidence.create_new(target, data, files.real_path(ledger).name, mode):
            raise LedgerError(
                "a file of that name appeared while merging; nothing was changed",
                where=Location(target),
                hint="run the merge again",
            )
        done.append(target)
        journal.append(Written("evidence", target))


def _undo_copies(ledger: Path, done: list[Path], journal: list[Written]) -> None:
    if Written("ledger", files.real_path(ledger)) in journal:
        return  # once the ledger names them, they stay
    for path in done:
        with contextlib.suppress(OSError, ValueError):
            path.unlink()
            journal.remove(Written("evidence", path))


def write_result(ours: Loaded, merged: Ledger, journal: list[Written]) -> list[str]:
    """The git driver's result over git's file of this side (%A): edited in place from it, so
    its comments and layout are kept, and verified to read back as `merged`; warnings."""
    from ceclog.store.journal import writing
    from ceclog.store.rewrite import new_text_for

    done, warnings = new_text_for(ours, merged)
    text = done.text
    target = ours.path
    try:
        mode = target.stat().st_mode & 0o777
        with writing(journal, "ledger", target):
            files.atomic_write(target, text.encode("utf-8"), mode)
    except OSError as exc:
        raise files.write_error(target, exc) from None
    return warnings
