"""A team's folder as `ceclog import --team FOLDER` needs it: the ledgers `ceclog team FOLDER`
reads (each loaded, to know whose it is), the rules most of them name (for a new ledger), and a
free file name for a new ledger.  Reads only; `store.batch` writes."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from ceclog.core.imports.people import file_stem
from ceclog.core.ledger.words import plural
from ceclog.errors import CeclogError, InputError, Location
from ceclog.store import discover, names, reading
from ceclog.store.files import backup_path
from ceclog.store.reading import Loaded
from ceclog.store.rules import DEFAULT_RULES, is_path


class Mate(NamedTuple):
    """A ledger of the team: its path as the user reads it, and the ledger as read now."""

    shown: str
    path: Path
    loaded: Loaded


def team_ledgers(folder: Path) -> list[Mate]:
    """Every ledger of the folder (and of its subfolders, one level down), loaded.  One that
    cannot be read stops the import: whose it is cannot be known, and a new ledger made for
    its holder would split their history in two."""
    if not folder.is_dir():
        raise InputError(
            f"{folder}: no such folder" if not folder.exists() else f"{folder}: not a folder",
            hint="name the folder of the team's ledgers (the one `ceclog team FOLDER` reads); "
            "for a new team, create it first",
        )
    try:
        found = discover.find([str(folder)])
    except InputError:  # no ledger in it yet: every technician is new
        return []
    mates = []
    for item in found:
        path = Path(item.shown)
        try:
            loaded = reading.load(path, for_edit=False)
        except CeclogError as exc:
            where = f"{exc.where}: " if exc.where else f"{item.shown}: "
            raise InputError(
                f"cannot tell whose ledger {item.shown} is: {where}{exc.message}; nothing was "
                "written",
                hint=f"fix it (ceclog --ledger {item.shown} check) or move it out of {folder}, "
                "then import again",
            ) from None
        mates.append(Mate(item.shown, path, loaded))
    return mates


def _rules_key(spec: str, base: Path) -> str:
    return os.path.realpath(base / Path(spec).expanduser()) if is_path(spec) else spec


def common_rules(mates: list[Mate], folder: Path) -> tuple[str, str]:
    """The rules a new ledger in `folder` takes: those most of the team's ledgers name (a
    file: written relative to `folder`), and why, in words.  A tie is refused."""
    if not mates:
        return DEFAULT_RULES, f"ceclog's default: no ledger in {folder} names rules yet"
    keys = [_rules_key(m.loaded.ledger.holder.rules, m.path.parent) for m in mates]
    counts = Counter(keys).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        named = ", ".join(f"{key} ({n})" for key, n in counts)
        raise InputError(
            f"the ledgers in {folder} name different rules, none of them most often: {named}",
            hint="say which rules the new ledgers take: --rules NAME|PATH",
        )
    key, n = counts[0]
    spec = os.path.relpath(key, folder) if os.path.isabs(key) else key
    why = (
        f"as every ledger in {folder} names"
        if n == len(mates)
        else f"as {n} of the {plural(len(mates), 'ledger')} in {folder} name"
    )
    return spec, why


def free_path(folder: Path, name: str, taken: set[Path]) -> Path:
    """`folder/NAME.toml` for a new ledger of `name` (`jane-smith.toml`), or `-2`, `-3`...:
    never a file that exists, nor one whose backup is there, nor one of `taken`.  A lock
    (`.NAME.lock`) takes no name: it is left where a ledger once was locked, and two imports
    choosing one name wait for each other on it (the second then refuses, see `batch`)."""
    stem = names.portable(file_stem(name), "technician")  # "Con" is a device on Windows
    for n in range(1, 1000):
        path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
        if path not in taken and not any(os.path.lexists(p) for p in (path, backup_path(path))):
            return path
    raise InputError(f"no free file name for {name!r}", where=Location(folder))
