"""The import command: entries from an Excel workbook, a spreadsheet's CSV, or ceclog's own
exports; into one ledger (its holder's rows), or into each technician's ledger of a team's
folder (`--team`, in `cli.import_team`)."""

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, info, warn
from ceclog.core.checks import edits as operations
from ceclog.core.imports.crew import Own, crew_of, read_own
from ceclog.core.imports.match import ImportPlan, plan_import
from ceclog.core.imports.rows import Mapping, Reading, Table
from ceclog.core.imports.table import refusal_hint
from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.ledger.words import plural
from ceclog.errors import CeclogError, InputError, Location, UsageError
from ceclog.output import data, imports
from ceclog.output.terminal import console
from ceclog.store import ledger as storage
from ceclog.store import sheet_map, sheets


def map_beside(file: Path) -> Path:
    """Where --save-map writes the mapping of FILE.csv: FILE.map.toml beside it."""
    return file.with_name(file.stem + ".map.toml")


def _read(
    file: Path, map_file: Path | None, sheet: str | None
) -> tuple[Mapping, list[Table], Path | None]:
    notes: list[str] = []
    if map_file is None and map_beside(file).is_file():
        map_file = map_beside(file)
        notes.append(f"read the mapping {map_file} (saved beside the file)")
    mapping = sheet_map.read_mapping(map_file) if map_file is not None else Mapping()
    if sheet is not None:
        mapping = replace(mapping, sheet=sheet)
    tables, said = sheets.read_tables(file, mapping)
    info(notes + said)
    return mapping, tables, map_file


def _plan(
    tables: list[Table],
    mapping: Mapping,
    ledger: Ledger,
    rules: Rules,
    c: Context,
    accept: list[str],
) -> tuple[Own, ImportPlan | None]:
    """The holder's rows read and planned; the rows naming other people are only counted."""
    try:
        own = read_own(tables, mapping, ledger.holder, rules, c.today)
    except CeclogError as exc:
        exc.where = exc.where or Location(tables[0].name)
        raise
    reading = own.reading
    if reading.errors:
        return own, None
    name = tables[0].name
    return own, plan_import(
        ledger, reading.candidates, name, accept, repeats=not reading.own, rules=rules
    )


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help="An Excel workbook (.xlsx), a CSV file, or a ceclog export."),
    ],
    map_file: Annotated[
        Path | None,
        typer.Option(
            "--map", metavar="MAP.toml", help="How to read the file (see docs/spreadsheet.md)."
        ),
    ] = None,
    save_map: Annotated[
        bool, typer.Option("--save-map", help="Write the mapping used beside the file.")
    ] = False,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", help="Read only this sheet of a workbook."),
    ] = None,
    accept: Annotated[
        list[str] | None,
        typer.Option("--accept", metavar="ROW", help="Add a held-back row (repeat the option)."),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Write: add the new entries.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show what would change (the default).")
    ] = False,
    team: Annotated[
        Path | None,
        typer.Option(
            "--team",
            metavar="FOLDER",
            help="A crew sheet: each technician's rows into their own ledger in FOLDER (the "
            "ledgers `ceclog team FOLDER` reads); all or nothing.",
        ),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="With --team: a new ledger for a name with none.")
    ] = False,
    new_rules: Annotated[
        str | None,
        typer.Option(
            "--rules",
            metavar="NAME|PATH",
            help="With --create: the new ledgers' rules (default: those the team's ledgers name).",
            autocompletion=completion.rules_names,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import classes from a workbook, a CSV or a ceclog export: a dry run unless --yes.

    Rows already in the ledger are skipped; repeats, near matches and unknown statuses are
    held back (--accept ROW); totals and cancelled classes are read past; rows naming another
    technician are not imported (--team FOLDER brings each into their own ledger)."""
    if yes and dry_run:
        raise UsageError("give --yes (write) or --dry-run (only show), not both")
    c: Context = ctx.obj
    _check_team_options(c, team, create, new_rules)
    mapping, tables, read_map = _read(file, map_file, sheet)
    rows = list(accept or [])
    if team is not None:
        extra = ["--team", str(team), *(["--create"] if create else [])]
        extra += ["--rules", new_rules] if new_rules is not None else []
        try:
            people = crew_of(tables, mapping)
        except CeclogError as exc:
            exc.where = exc.where or Location(tables[0].name)
            raise
        info(people.notes)
        from ceclog.cli.import_team import Options, import_team

        def save(used: Mapping) -> None:
            _save_map(save_map, file, used, read_map, c)

        command = _command(c, file, map_file, sheet, rows, extra)
        options = Options(team, create, new_rules, rows, yes, as_json, command, save)
        import_team(c, file, tables, mapping, people, options)
        return
    if yes:
        with storage.editing(c.ledger_path, c.journal) as session:
            rules = c.rules_for(session.loaded).rules
            own, plan = _plan(tables, mapping, session.ledger, rules, c, rows)
            _save_map(save_map, file, own.reading.mapping, read_map, c)
            if plan is None:
                _refuse(own.reading, file, as_json)
                return
            added = [a.entry for a in plan.added]
            new = replace(session.ledger, entries=[*session.ledger.entries, *added])
            operations.no_new_errors(session.ledger, new, rules, c.today)
            session.save(new)
        warn(session.warnings)
        holder = session.ledger.holder.name
    else:
        loaded, loaded_rules = c.load()
        own, plan = _plan(tables, mapping, loaded.ledger, loaded_rules.rules, c, rows)
        _save_map(save_map, file, own.reading.mapping, read_map, c)
        if plan is None:
            _refuse(own.reading, file, as_json)
            return
        holder = loaded.ledger.holder.name
    reading = own.reading
    info(reading.notes)
    notes, warnings = imports.dated_after(plan.added, c.today)
    info(notes)
    warn(warnings)
    if as_json:
        doc = imports.as_data(plan, [], yes, str(file), reading.not_classes, own.others)
        print(data.dumps(doc))
    else:
        out = console()
        for text in imports.render(plan, yes, reading.not_classes, own.others, holder):
            out.print(text, soft_wrap=True)
    if own.others:
        team_line = _team_command(c, file, map_file, sheet)
        info([f"to bring each person's rows into their own ledger: {team_line}"])
    if not yes:
        how = "the default" if sys.stdin.isatty() and sys.stdout.isatty() else "no --yes"
        again = _command(c, file, map_file, sheet, rows)
        info([f"dry run ({how}): nothing was written; to import: {again}"])
    elif plan.added:
        info(
            [
                f"{plural(len(plan.added), 'entry', 'entries')} imported from {file}; "
                "`ceclog undo` reverts the whole import"
            ]
        )
    else:
        info(["nothing to add: the ledger was not changed"])


def _check_team_options(c: Context, team: Path | None, create: bool, rules: str | None) -> None:
    if team is None and (create or rules is not None):
        raise UsageError(f"{'--create' if create else '--rules'} goes with --team FOLDER")
    if rules is not None and not create:
        raise UsageError("--rules goes with --create: it is the rules of the new ledgers")
    if team is not None and c.ledger_option is not None:
        raise UsageError(
            "give --ledger FILE (one technician's ledger) or --team FOLDER (each technician's), "
            "not both"
        )


def _words(
    c: Context, file: Path, map_file: Path | None, sheet: str | None, ledger: bool = True
) -> list[str]:
    """`ceclog import FILE` with the options that say how this file was read."""
    words = ["ceclog"]
    if ledger and c.ledger_option is not None:
        words += ["--ledger", str(c.ledger_option)]
    if c.today_option is not None:
        words += ["--today", c.today_option]
    words += ["import", str(file)]
    if map_file is not None:
        words += ["--map", str(map_file)]
    if sheet is not None:
        words += ["--sheet", sheet]
    return words


def _command(
    c: Context,
    file: Path,
    map_file: Path | None,
    sheet: str | None,
    accept: list[str],
    extra: Sequence[str] = (),
) -> str:
    """The command that writes what this dry run showed: the same options, and --yes."""
    import shlex

    words = _words(c, file, map_file, sheet)
    for row in accept:
        words += ["--accept", row]
    return shlex.join([*words, *extra, "--yes"])


def _team_command(c: Context, file: Path, map_file: Path | None, sheet: str | None) -> str:
    """How to bring each person's rows into their own ledger: this import with --team (the
    mapping and sheet as given, not the one ledger)."""
    import shlex

    words = _words(c, file, map_file, sheet, ledger=False)
    return (
        f"{shlex.join([*words, '--team'])} FOLDER (the folder of the team's ledgers; --create "
        "makes a ledger for a name that has none)"
    )


def _save_map(save: bool, file: Path, used: Mapping, read_map: Path | None, c: Context) -> None:
    if not save:
        return
    target = map_beside(file)
    if target.exists() and target != read_map:
        raise InputError(
            "a mapping file is already there",
            where=Location(target),
            hint=f"read it with --map {target}, or remove it first",
        )
    sheet_map.save_mapping(target, used, c.journal)
    info([f"the mapping was saved as {target}: ceclog import {file} reads it from now on"])


def _refuse(reading: Reading, file: Path, as_json: bool) -> None:
    if as_json:
        print(data.dumps(imports.as_data(None, reading.errors, False, str(file))))
    err = console(stderr=True)
    for e in reading.errors:
        err.print(f"{file}:{e.label}: {e.message}", soft_wrap=True)
    n = len(reading.errors)
    raise InputError(
        f"{plural(n, 'row')} cannot be imported; nothing was written",
        hint=refusal_hint(reading.errors),
    )
