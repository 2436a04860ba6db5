"""`ceclog import FILE --team FOLDER`: a crew sheet's rows, each into its technician's ledger in
the team's folder (`--create` makes one for a name that has none); all or nothing."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from ceclog.cli.context import Context, info, warn
from ceclog.core.crew import (
    Crew,
    Part,
    Placed,
    Share,
    accepted_in,
    errors_of,
    nameless_errors,
    numbers,
    plan_part,
    shares_of,
)
from ceclog.core.fields import holder_fields
from ceclog.core.import_rows import Mapping, RowError, Table
from ceclog.core.models import LEDGER_VERSION, Holder, Ledger, LoadedRules, Rules
from ceclog.core.people import closest, looks_like_id
from ceclog.core.words import plural
from ceclog.errors import CeclogError, InputError, LedgerError, Location
from ceclog.output import crew as crew_out
from ceclog.output import data
from ceclog.output.terminal import console
from ceclog.store import batch
from ceclog.store.crew import Mate, common_rules, free_path, team_ledgers
from ceclog.store.reading import Loaded
from ceclog.store.rules import load_rules, rules_of


@dataclass
class Options:
    folder: Path
    create: bool
    rules: str | None
    accept: list[int]
    yes: bool
    as_json: bool
    command: str  # the command that writes what a dry run shows


@dataclass
class Target:
    """Where one share goes: an existing ledger of the team, or a new one."""

    share: Share
    shown: str
    path: Path
    ledger: Ledger  # as read (unlocked for a dry run), or as `init` makes a new one
    rules: Rules
    new: str | None = None


def import_team(
    c: Context, file: Path, table: Table, used: Mapping, crew: Crew, o: Options
) -> None:
    """Read, match, plan; write every ledger or none (`used`: the mapping settled on the whole
    sheet, `crew`: its rows by person)."""
    if crew.unnamed:
        raise InputError(
            "no column says whose class each row is, so the rows cannot go to their "
            "technicians' ledgers; nothing was written",
            where=Location(file),
            hint="a column headed Technician, Tech, Employee or Name (or name it in a mapping "
            'file: [columns] person = "..."); a sheet of one person\'s classes: '
            'import it into their ledger (--ledger FILE), or say whose: [constants] person = "..."',
        )
    mates = team_ledgers(o.folder)
    holders = [(m.loaded.ledger.holder.name, m.loaded.ledger.holder.registrant_id) for m in mates]
    shares, ambiguous = shares_of(crew, holders)
    if ambiguous:
        group, found = ambiguous[0]
        raise InputError(
            f"{group.name!r} is the holder of several ledgers: "
            f"{' and '.join(mates[i].shown for i in found)}; nothing was written",
            hint="a copy of a ledger? keep one (`ceclog team` flags them), then import again",
        )
    accepts = accepted_in(table, shares, o.accept)
    targets = _targets(c, file, table, shares, mates, o)
    errors = nameless_errors(table, crew)
    if o.yes:
        paths = [t.path for t in targets if t.new is None]
        with batch.editing_all(paths, [t.path for t in targets if t.new is not None]) as now:
            targets = [_relocked(t, now) for t in targets]
            placed = _plan(table, used, targets, accepts, c.today)
            _refuse_errors(file, o, placed, errors)
            changes = [
                _change(t, now, p.part) for t, p in zip(targets, placed, strict=True) if _adds(t, p)
            ]
            warnings = batch.save_all(changes, c.journal)
        warn(warnings)
    else:
        placed = _plan(table, used, targets, accepts, c.today)
        _refuse_errors(file, o, placed, errors)
    _report(file, o, placed)


def _targets(
    c: Context, file: Path, table: Table, shares: list[Share], mates: list[Mate], o: Options
) -> list[Target]:
    """Each share's ledger: the team's, or (--create) a new one; an unmatched name without
    --create is refused, naming it and the ledgers there."""
    unmatched = [s for s in shares if s.ledger is None]
    if unmatched and not o.create:
        _refuse_unmatched(file, table, unmatched, mates, o)
    seen: dict[str, LoadedRules] = {}
    out = []
    for share in shares:
        if share.ledger is not None:
            mate = mates[share.ledger]
            rules = rules_of(mate.loaded, seen).rules
            out.append(Target(share, mate.shown, mate.path, mate.loaded.ledger, rules))
    if not unmatched:
        if o.rules:
            info([f"--rules {o.rules} is not used: every name in the sheet has a ledger"])
        return out
    spec, why = (o.rules, "as --rules says") if o.rules else common_rules(mates, o.folder)
    rules = load_rules(spec, base=o.folder).rules
    taken: set[Path] = set()
    for share in unmatched:
        name = share.names[0]
        rows = numbers(table, share.indices)
        holder = _new_holder(file, name, rows, spec, c.today)
        path = free_path(o.folder, name, taken)
        taken.add(path)
        ledger = Ledger(version=LEDGER_VERSION, holder=holder)
        shown = str(o.folder / path.name)
        out.append(Target(share, shown, path, ledger, rules, f"rules {spec}, {why}"))
    return out


def _new_holder(file: Path, name: str, rows: list[int], spec: str, today: dt.date) -> Holder:
    where = ("row " if len(rows) == 1 else "rows ") + ", ".join(map(str, rows))
    where += " names" if len(rows) == 1 else " name"
    if looks_like_id(name):
        raise InputError(
            f"{where} {name!r}, a registrant ID no ledger in the folder has; --create "
            "needs a name for a new ledger; nothing was written",
            where=Location(file),
            hint="write the technician's name in those rows, or record the ID in their ledger "
            "(ceclog --ledger FILE holder --registrant-id ID)",
        )
    try:
        fields = holder_fields(
            name=name, registrant_id=None, email=None, rules=spec, cec_due=None, today=today
        )
    except CeclogError as exc:
        raise InputError(
            f"{where} {name!r}, which cannot be a ledger's holder: "
            f"{exc.message.replace('--name ', 'the name ')}; nothing was written",
            where=Location(file),
        ) from None
    return Holder(tracking_since=today, **fields)


def _refuse_unmatched(
    file: Path, table: Table, unmatched: list[Share], mates: list[Mate], o: Options
) -> None:
    holders = [(m.loaded.ledger.holder.name, m.loaded.ledger.holder.registrant_id) for m in mates]
    names = []
    for share in unmatched:
        rows = numbers(table, share.indices)
        text = f"{share.names[0]!r} ({plural(len(rows), 'row')}: {', '.join(map(str, rows))}"
        near = closest(share.names[0], holders)
        if near is not None:
            text += f"; did you mean {holders[near][0]} ({mates[near].shown})?"
        names.append(text + ")")
    if o.as_json:
        left = [(s.names[0], numbers(table, s.indices)) for s in unmatched]
        print(data.dumps(crew_out.as_data(str(file), o.folder, [], False, unmatched=left)))
    there = [f"{m.loaded.ledger.holder.name} ({m.shown})" for m in mates[:12]]
    if len(mates) > 12:
        there.append(f"and {len(mates) - 12} more (ceclog team {o.folder} lists them)")
    ledgers = f"the ledgers there: {'; '.join(there)}" if there else "there is no ledger there"
    raise InputError(
        f"{plural(len(unmatched), 'name')} in the sheet {'is' if len(unmatched) == 1 else 'are'}"
        f" no ledger's holder in {o.folder}: {', '.join(names)}; nothing was written",
        where=Location(file),
        hint=f"{ledgers}. Correct the name in the sheet (or the holder's: ceclog --ledger FILE "
        "holder --name NAME), or add --create to make a new ledger for each",
    )


def _relocked(target: Target, now: dict[Path, Loaded]) -> Target:
    """The target as read again under its lock: still the same person's ledger."""
    if target.new is not None:
        return target
    ledger = now[target.path].ledger
    if ledger.holder != target.ledger.holder:
        raise LedgerError(
            "its holder changed while importing; nothing was written",
            where=Location(target.shown),
            hint="run the import again",
        )
    return replace(target, ledger=ledger)


def _plan(
    table: Table, used: Mapping, targets: list[Target], accepts: list[list[int]], today: dt.date
) -> list[Placed]:
    out = []
    for target, accept in zip(targets, accepts, strict=True):
        indices = target.share.indices
        try:
            part = plan_part(table, used, indices, target.ledger, target.rules, today, accept)
        except CeclogError as exc:
            exc.where = exc.where or Location(table.name)
            raise
        rows = numbers(table, indices)
        out.append(Placed(target.share.names, target.shown, rows, part, target.new))
    return out


def _adds(target: Target, placed: Placed) -> bool:
    return target.new is not None or bool(placed.part.plan and placed.part.plan.added)


def _change(target: Target, now: dict[Path, Loaded], part: Part) -> batch.Change:
    assert part.plan is not None  # refused before otherwise
    added = [a.entry for a in part.plan.added]
    new = replace(target.ledger, entries=[*target.ledger.entries, *added])
    if target.new is not None:
        return batch.Change(batch.starting(target.path, target.ledger), new, created=True)
    return batch.Change(now[target.path], new, created=False)


def _refuse_errors(file: Path, o: Options, placed: list[Placed], nameless: list[RowError]) -> None:
    errors = errors_of(placed, nameless)
    if not errors:
        return
    if o.as_json:
        print(data.dumps(crew_out.as_data(str(file), o.folder, placed, False, nameless=nameless)))
    err = console(stderr=True)
    for e in errors:
        err.print(
            f"{file}:{e.row}: {e.message}" if e.row else f"{file}: {e.message}", soft_wrap=True
        )
    raise InputError(
        f"{plural(len(errors), 'row')} cannot be imported; nothing was written to any ledger",
        hint="correct the file (or its mapping) and run the import again",
    )


def _report(file: Path, o: Options, placed: list[Placed]) -> None:
    if o.as_json:
        print(data.dumps(crew_out.as_data(str(file), o.folder, placed, o.yes)))
    else:
        out = console()
        for text in crew_out.render(placed, written=o.yes):
            out.print(text, soft_wrap=True)
    for p in placed:
        if p.new is not None:
            info(
                [
                    f"{p.ledger} {'is' if o.yes else 'would be'} a new ledger for {p.names[0]}: "
                    f"record their certifications before its cycles mean anything: "
                    f"ceclog --ledger {p.ledger} cert add CODE --earned DATE"
                ]
            )
    if not o.yes:
        how = "the default" if sys.stdin.isatty() and sys.stdout.isatty() else "no --yes"
        info([f"dry run ({how}): nothing was written; to import: {o.command}"])
    else:
        info([crew_out.written_line(placed, file)])
