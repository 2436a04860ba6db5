"""`ceclog import FILE --team FOLDER`: a crew sheet's rows, each into its technician's ledger in
the team's folder (`--create` makes one for a name that has none); all or nothing."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ceclog.cli.context import Context, info, warn
from ceclog.core.checks.edits import no_new_errors
from ceclog.core.imports.crew import (
    Crew,
    Part,
    Placed,
    Share,
    accepted_in,
    errors_of,
    nameless_errors,
    plan_part,
    shares_of,
    whose_said,
)
from ceclog.core.imports.people import closest, looks_like_id
from ceclog.core.imports.rows import Mapping, Reading, RowError, Table, entries_of_all
from ceclog.core.imports.table import NotClass, refusal_hint
from ceclog.core.ledger.fields import holder_fields
from ceclog.core.ledger.models import LEDGER_VERSION, Holder, Ledger, LoadedRules, Rules
from ceclog.core.ledger.words import plural
from ceclog.errors import CeclogError, InputError, LedgerError, Location
from ceclog.output import crew as crew_out
from ceclog.output import data, imports
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
    accept: list[str]
    yes: bool
    as_json: bool
    command: str  # the command that writes what a dry run shows
    save_map: Callable[[Mapping], None]  # --save-map: writes the mapping in effect, if asked


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
    c: Context, file: Path, tables: list[Table], mapping: Mapping, crew: Crew, o: Options
) -> None:
    """Read, match, plan; write every ledger or none (`crew`: the file's rows by person)."""
    if crew.unnamed:
        _refuse_unnamed(file, crew)
    mates = team_ledgers(o.folder)
    holders = [(m.loaded.ledger.holder.name, m.loaded.ledger.holder.registrant_id) for m in mates]
    read = Readings(tables, mapping, c.today)
    crew = crew.without_totals(read.under(_first_rules(mates, o)))
    shares, ambiguous = shares_of(crew, holders)
    if ambiguous:
        group, found = ambiguous[0]
        raise InputError(
            f"{group.name!r} is the holder of several ledgers: "
            f"{' and '.join(mates[i].shown for i in found)}; nothing was written",
            hint="a copy of a ledger? keep one (`ceclog team` flags them), then import again",
        )
    targets = _targets(c, file, shares, mates, o)
    first = read.under(targets[0].rules) if targets else None
    if first is not None:
        o.save_map(first.mapping)
        info(first.notes)
    errors = nameless_errors(crew, first) if first is not None else crew.nameless
    mine = {label for t in targets for label in t.share.labels}
    passed = [n for n in first.not_classes if n.label not in mine] if first else []
    if o.yes:
        paths = [t.path for t in targets if t.new is None]
        with batch.editing_all(paths, [t.path for t in targets if t.new is not None]) as now:
            targets = [_relocked(t, now) for t in targets]
            placed = _plan(read, targets, o.accept, c.today)
            _refuse_errors(file, o, placed, errors_of(placed, errors, crew))
            changes = [
                _change(t, now, p.part) for t, p in zip(targets, placed, strict=True) if _adds(t, p)
            ]
            warnings = batch.save_all(changes, c.journal)
        warn(warnings)
    else:
        placed = _plan(read, targets, o.accept, c.today)
        _refuse_errors(file, o, placed, errors_of(placed, errors, crew))
    notes, warnings = imports.dated_after(
        [a for p in placed if p.part.plan for a in p.part.plan.added], c.today
    )
    info(notes)
    warn(warnings)
    _report(file, o, placed, passed)


class Readings:
    """The file read whole under each ledger's rules (most teams have one set: read once)."""

    def __init__(self, tables: list[Table], mapping: Mapping, today: dt.date) -> None:
        self.tables, self.mapping, self.today = tables, mapping, today
        self.done: list[tuple[Rules, Reading]] = []

    def under(self, rules: Rules) -> Reading:
        for seen, reading in self.done:
            if seen == rules:
                return reading
        try:
            reading = entries_of_all(self.tables, self.mapping, rules, self.today)
        except CeclogError as exc:
            exc.where = exc.where or Location(self.tables[0].name)
            raise
        self.done.append((rules, reading))
        return reading


def _first_rules(mates: list[Mate], o: Options) -> Rules:
    """The rules the file is first read under (to tell its totals): the team's first
    ledger's, or those a new ledger would take."""
    if mates:
        return rules_of(mates[0].loaded, {}).rules
    return load_rules(o.rules or common_rules(mates, o.folder)[0], base=o.folder).rules


def _refuse_unnamed(file: Path, crew: Crew) -> None:
    """A row whose person nothing says cannot go to anyone's ledger."""
    sheets = [s for s in crew.unnamed_sheets if s is not None]
    which = (
        f"the sheet{'s' if len(sheets) > 1 else ''} {', '.join(repr(s) for s in sheets)} "
        f"{'have' if len(sheets) > 1 else 'has'} no column saying whose class each row is, and "
        f"{'their names are' if len(sheets) > 1 else 'its name is'} no person's"
        if sheets
        else "no column says whose class each row is"
    )
    if crew.whose:
        which = f"{whose_said(crew.whose)}, but not by a name or registrant ID ceclog reads"
    raise InputError(
        f"{which}, so the rows cannot go to their technicians' ledgers; nothing was written",
        where=Location(file),
        hint="a column headed Technician, Tech, Employee or Name, or First Name and Last Name "
        '(or name it in a mapping file: [columns] person = "..."), or a sheet per technician '
        "named after them; a sheet of one person's classes: import it into their ledger "
        "(--ledger FILE), or say whose: "
        '[constants] person = "..."'
        + (
            "; a sheet that is no one's classes: hide it (a hidden sheet is not read)"
            if sheets
            else ""
        ),
    )


def _targets(
    c: Context, file: Path, shares: list[Share], mates: list[Mate], o: Options
) -> list[Target]:
    """Each share's ledger: the team's, or (--create) a new one; an unmatched name without
    --create is refused, naming it and the ledgers there."""
    unmatched = [s for s in shares if s.ledger is None]
    if unmatched and not o.create:
        _refuse_unmatched(file, unmatched, mates, o)
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
        holder = _new_holder(file, name, share.labels, spec, c.today)
        path = free_path(o.folder, name, taken)
        taken.add(path)
        ledger = Ledger(version=LEDGER_VERSION, holder=holder)
        shown = str(o.folder / path.name)
        out.append(Target(share, shown, path, ledger, rules, f"rules {spec}, {why}"))
    return out


def _new_holder(file: Path, name: str, rows: list[str], spec: str, today: dt.date) -> Holder:
    where = ("row " if len(rows) == 1 else "rows ") + ", ".join(rows)
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


def _refuse_unmatched(file: Path, unmatched: list[Share], mates: list[Mate], o: Options) -> None:
    holders = [(m.loaded.ledger.holder.name, m.loaded.ledger.holder.registrant_id) for m in mates]
    names = []
    for share in unmatched:
        rows = share.labels
        text = f"{share.names[0]!r} ({plural(len(rows), 'row')}: {', '.join(rows)}"
        near = closest(share.names[0], holders)
        if near is not None:
            text += f"; did you mean {holders[near][0]} ({mates[near].shown})?"
        names.append(text + ")")
    if o.as_json:
        left = [(s.names[0], s.labels) for s in unmatched]
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


def _plan(read: Readings, targets: list[Target], accept: list[str], today: dt.date) -> list[Placed]:
    """Each share's rows read under its ledger's rules and planned; `--accept` rows (labels
    held back anywhere in the file) go to their share's plan."""
    source = read.tables[0].name

    def planned(target: Target, wanted: list[str] | None = None) -> Part:
        reading = read.under(target.rules)

        def validate(old: Ledger, new: Ledger) -> None:
            no_new_errors(old, new, target.rules, today)

        return plan_part(
            reading,
            target.share,
            target.ledger,
            target.rules,
            today,
            source,
            wanted,
            validate=validate,
        )

    parts = [planned(t) for t in targets]
    if accept and all(p.plan is not None for p in parts):
        split = accepted_in(parts, accept)
        parts = [planned(t, w) if w else p for t, p, w in zip(targets, parts, split, strict=True)]
    return [
        Placed(t.share.names, t.shown, t.share.labels, p, t.new)
        for t, p in zip(targets, parts, strict=True)
    ]


def _adds(target: Target, placed: Placed) -> bool:
    return target.new is not None or bool(placed.part.plan and placed.part.plan.added)


def _change(target: Target, now: dict[Path, Loaded], part: Part) -> batch.Change:
    assert part.plan is not None  # refused before otherwise
    added = [a.entry for a in part.plan.added]
    new = replace(target.ledger, entries=[*target.ledger.entries, *added])
    if target.new is not None:
        return batch.Change(batch.starting(target.path, target.ledger), new, created=True)
    return batch.Change(now[target.path], new, created=False)


def _refuse_errors(file: Path, o: Options, placed: list[Placed], errors: list[RowError]) -> None:
    if not errors:
        return
    if o.as_json:
        print(data.dumps(crew_out.as_data(str(file), o.folder, placed, False, errors=errors)))
    err = console(stderr=True)
    for e in errors:
        err.print(
            f"{file}:{e.label}: {e.message}" if e.label else f"{file}: {e.message}", soft_wrap=True
        )
    raise InputError(
        f"{plural(len(errors), 'row')} cannot be imported; nothing was written to any ledger",
        hint=refusal_hint(errors),
    )


def _report(file: Path, o: Options, placed: list[Placed], passed: list[NotClass]) -> None:
    if o.as_json:
        print(data.dumps(crew_out.as_data(str(file), o.folder, placed, o.yes, passed=passed)))
    else:
        out = console()
        for text in crew_out.render(placed, o.yes, passed):
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
