"""`ceclog merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for a ledger.

git gives three files (%O the common ancestor, %A this side, %B the other side); the driver
joins them three ways (`core.imports.merge`) and writes the result over %A, edited in place
from it (comments and layout kept) and verified to read back.  Exit 0: merged.  A field
changed differently on both sides cannot be decided without a person: %A is still written as a
valid ledger (this side's value of each such field), the fields are listed with the commands
that choose, and the exit is 1, so git stops with the file marked as conflicted.  Never git's
conflict markers: a ledger holding them does not parse, so no ceclog command could read it
(nor resolve it) until it was hand-edited.  A version that does not parse is refused with its
file and line; %A is then left as it was."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer

from ceclog.cli.context import Context, info, warn
from ceclog.core.imports.merge import Side, merge
from ceclog.core.ledger.models import Ledger
from ceclog.errors import CeclogError
from ceclog.output import merges
from ceclog.output.terminal import console
from ceclog.store import merging
from ceclog.store.reading import Loaded


def drive(
    c: Context, base: Path, ours: Path, theirs: Path, name: Path | None, prefer: Side | None
) -> None:
    shown = str(name or ours)
    mine = merging.read_version(ours, f"{shown} (this side, %A)", for_edit=True)
    other = merging.read_version(theirs, f"{shown} (the other side, %B)").ledger
    old = merging.read_version(base, f"{shown} (the common ancestor, %O)").ledger
    m = merge(mine.ledger, other, old)
    if m.conflicts and prefer is not None:
        m = merge(mine.ledger, other, old, {x.key: prefer for x in m.conflicts})
    _validate(c, mine, m.ledger, name)
    warn(merging.write_result(mine, m.ledger, c.journal))
    err = console(stderr=True)
    err.print(f"ceclog: {shown}:", soft_wrap=True)
    for text in merges.render(m, "the other branch", True, []):
        err.print(text, soft_wrap=True)
    if not m.undecided:
        return
    file = shlex.quote(shown)
    info(
        [
            f"{shown}: {len(m.undecided)} of the merged fields changed on both sides: the file "
            "holds this side's values and is a valid ledger; to choose field by field:",
            f"  git show :1:{file} > base.toml && git show :3:{file} > theirs.toml",
            f"  ceclog --ledger {file} merge theirs.toml --base base.toml --yes",
            f"  rm base.toml theirs.toml && git add {file} && git commit",
            f"to keep this side's values of those fields: git add {file} && git commit",
        ]
    )
    raise typer.Exit(1)


def _validate(c: Context, mine: Loaded, merged: Ledger, name: Path | None) -> None:
    """The merged ledger must not add an error (the rules the ledger names, found from its
    path in the repository when git gives it)."""
    from ceclog.core.checks import edits
    from ceclog.store.rules import rules_of

    where = Loaded(name or mine.path, mine.text, mine.ledger, None, mine.raw)
    try:
        rules = rules_of(where).rules
    except CeclogError as exc:
        warn([f"the merged ledger was not checked against its rules: {exc}"])
        return
    edits.no_new_errors(mine.ledger, merged, rules, c.today)
