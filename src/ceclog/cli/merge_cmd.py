"""The merge commands: `merge` joins another version of the ledger into it (a sync tool's
conflicted copy, another clone's file), and `merge-driver` is the same logic as git's merge
driver for a ledger (docs/firms.md, "Two copies of one ledger")."""

from __future__ import annotations

import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, info, warn
from ceclog.core.imports.merge import Conflict, Merge, Side, merge
from ceclog.core.ledger.models import Ledger
from ceclog.errors import Declined, InputError, UsageError
from ceclog.output import data, merges
from ceclog.output.terminal import console
from ceclog.store import ledger as storage
from ceclog.store import merging


class Prefer(StrEnum):
    mine = "mine"
    theirs = "theirs"


PreferOpt = Annotated[
    Prefer | None,
    typer.Option(
        "--prefer",
        case_sensitive=False,
        help="For every field both sides changed (without --base: every field that differs): "
        "keep mine, or take theirs.",
    ),
]


def _paths(c: Context, given: list[Path]) -> Path:
    """OTHER; `merge LEDGER OTHER` names the ledger too (as --ledger does)."""
    if len(given) == 1:
        return given[0]
    if len(given) != 2:
        raise UsageError("give OTHER, or LEDGER OTHER: the ledger and the copy to merge into it")
    if c.ledger_option is not None and c.ledger_option != given[0]:
        raise UsageError(f"give the ledger once: --ledger {c.ledger_option} or {given[0]}")
    c.ledger_option = given[0]
    return given[1]


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(c: Conflict) -> Side:
    err = console(stderr=True)
    err.print(merges.conflict_line(c), soft_wrap=True)
    while True:
        sys.stderr.write("  keep mine (m) or take theirs (t)? ")
        sys.stderr.flush()
        answer = sys.stdin.readline()
        if not answer:
            raise Declined()
        if answer.strip().lower() in ("m", "mine"):
            return "mine"
        if answer.strip().lower() in ("t", "theirs"):
            return "theirs"


def _decided(
    ours: Ledger, theirs: Ledger, base: Ledger | None, prefer: Prefer | None, ask: bool
) -> Merge:
    """The merge with every conflict decided by --prefer, or asked (on a terminal with --yes);
    else with the undecided conflicts listed."""
    m = merge(ours, theirs, base)
    if not m.conflicts:
        return m
    if prefer is not None:
        side: Side = "mine" if prefer is Prefer.mine else "theirs"
        return merge(ours, theirs, base, {c.key: side for c in m.conflicts})
    if ask:
        console(stderr=True).print(f"{merges.disagreeing(len(m.conflicts), m.three_way)}:")
        return merge(ours, theirs, base, {c.key: _ask(c) for c in m.conflicts})
    return m


def _again(c: Context, other: Path, base: Path | None, prefer: str) -> str:
    words = ["ceclog", "--ledger", str(c.ledger_path)]
    if c.today_option is not None:
        words += ["--today", c.today_option]
    words += ["merge", str(other), *(["--base", str(base)] if base else [])]
    return shlex.join([*words, *(["--prefer", prefer] if prefer else []), "--yes"])


def _next_steps(
    c: Context, m: Merge, other: Path, base: Path | None, prefer: Prefer | None
) -> list[str]:
    """The dry run's closing notes: commands that work as given (a bare --yes with fields
    undecided is refused without a terminal: each --prefer is offered instead)."""
    how = "the default" if sys.stdin.isatty() and sys.stdout.isatty() else "no --yes"
    done = f"dry run ({how}): nothing was written"
    if not m.undecided:
        return [f"{done}; to merge: {_again(c, other, base, prefer.value if prefer else '')}"]
    said = merges.disagreeing(len(m.undecided), m.three_way)
    if m.three_way:
        notes = [f"{said}: --prefer mine|theirs decides them all"]
    else:
        notes = [
            f"{said}: without --base ceclog cannot tell which side changed it; give --base FILE "
            "(the version both started from) for a three-way merge, which takes a field "
            "changed on one side only"
        ]
    if _interactive():
        notes[0] += "; with --yes in a terminal you are asked for each"
    return [
        *notes,
        f"{done}; to merge keeping mine: {_again(c, other, base, 'mine')}",
        f"  or taking theirs: {_again(c, other, base, 'theirs')}",
    ]


def _show(lines: list[str], doc: dict[str, object], as_json: bool) -> None:
    if as_json:
        print(data.dumps(doc))
        return
    out = console()
    for text in lines:
        out.print(text, soft_wrap=True)


@app.command("merge")
def merge_cmd(
    ctx: typer.Context,
    given: Annotated[
        list[Path],
        typer.Argument(
            metavar="[LEDGER] OTHER",
            help="The other version of the ledger (a conflicted copy, another clone's file); "
            "LEDGER defaults to --ledger.",
            show_default=False,
        ),
    ],
    base: Annotated[
        Path | None,
        typer.Option(
            "--base",
            metavar="FILE",
            help="The version both started from: a three-way merge (removals are seen).",
        ),
    ] = None,
    prefer: PreferOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help="Write: merge OTHER into the ledger.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show what would change (the default).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Merge another version of the ledger into it: a dry run unless --yes.

    Entries are matched by ID and content (as import matches them); OTHER's new ones are added
    with fresh IDs; a field changed on both sides is asked (--prefer mine|theirs decides them
    all); certificates are copied beside the ledger; OTHER is never changed; `ceclog undo`
    reverts the merge."""
    if yes and dry_run:
        raise UsageError("give --yes (write) or --dry-run (only show), not both")
    c: Context = ctx.obj
    other = _paths(c, given)
    merging.refuse_same(c.ledger_path, other)
    theirs = merging.read_version(other, str(other)).ledger
    old = merging.read_version(base, str(base)).ledger if base is not None else None
    if yes:
        with storage.editing(c.ledger_path, c.journal) as session:
            m = _decided(session.ledger, theirs, old, prefer, _interactive())
            if m.undecided:
                _refuse(m, str(other), as_json)
            plan = merging.plan_evidence(c.ledger_path, other, m.evidence)
            new = merging.renamed(m.ledger, plan)
            from ceclog.core.checks import edits

            rules = c.rules_for(session.loaded).rules
            edits.no_new_errors(session.ledger, new, rules, c.today)
            with merging.brought(c.ledger_path, plan, c.journal):
                session.save(new)
        warn(session.warnings)
    else:
        loaded = c.load_ledger()
        m = _decided(loaded.ledger, theirs, old, prefer, False)
        plan = merging.plan_evidence(c.ledger_path, other, m.evidence)
    lines = merges.render(m, str(other), yes, plan)
    _show(lines, merges.as_data(m, str(other), yes, plan), as_json)
    if not yes:
        info(_next_steps(c, m, other, base, prefer))
    elif new != session.ledger:
        info([f"{other} was merged into the ledger; `ceclog undo` reverts the merge"])
    else:
        info(["nothing to merge: the ledger was not changed"])


def _refuse(m: Merge, other: str, as_json: bool) -> None:
    if as_json:
        print(data.dumps(merges.as_data(m, other, False, [])))
    err = console(stderr=True)
    for c in m.undecided:
        err.print(merges.conflict_line(c), soft_wrap=True)
    hint = "choose field by field in a terminal, or for all: --prefer mine or --prefer theirs"
    if not m.three_way:
        hint += "; or give --base FILE (the version both started from) for a three-way merge"
    raise InputError(
        f"{merges.disagreeing(len(m.undecided), m.three_way)} (above); nothing was written",
        hint=hint,
    )


@app.command("merge-driver")
def merge_driver(
    ctx: typer.Context,
    base: Annotated[Path, typer.Argument(metavar="BASE", help="git's %O: the common ancestor.")],
    ours: Annotated[
        Path, typer.Argument(metavar="OURS", help="git's %A: this side; the result goes here.")
    ],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="git's %B: the other side.")],
    name: Annotated[
        Path | None,
        typer.Argument(metavar="[PATH]", help="git's %P: the ledger's path in the repository."),
    ] = None,
    prefer: PreferOpt = None,
) -> None:
    """A git merge driver for ledgers: merges by meaning, the result into OURS; exit 0 when
    merged, 1 when a field changed on both sides needs a person (OURS is then a valid ledger
    holding this side's values of those fields).  See docs/firms.md."""
    c: Context = ctx.obj
    from ceclog.cli.merge_driver import drive

    drive(c, base, ours, theirs, name, prefer.value if prefer else None)
