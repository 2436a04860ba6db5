"""The import command: entries from an Excel workbook, a spreadsheet's CSV, or ceclog's own
exports."""

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, warn
from ceclog.core import operations
from ceclog.core.import_match import ImportPlan, plan_import
from ceclog.core.import_rows import Mapping, Reading, Table, entries_of_all, one_person
from ceclog.core.models import Ledger, Rules
from ceclog.core.words import plural
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


def info(lines: list[str]) -> None:
    err = console(stderr=True)
    for text in lines:
        err.print(f"note: {text}", soft_wrap=True)


def _plan(
    tables: list[Table],
    mapping: Mapping,
    ledger: Ledger,
    rules: Rules,
    c: Context,
    accept: list[str],
) -> tuple[Reading, ImportPlan | None]:
    try:
        reading = entries_of_all(tables, mapping, rules, c.today)
        if not reading.errors:
            one_person(reading, tables)
    except CeclogError as exc:
        exc.where = exc.where or Location(tables[0].name)
        raise
    if reading.errors:
        return reading, None
    name = tables[0].name
    return reading, plan_import(ledger, reading.candidates, name, accept, repeats=not reading.own)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help="An Excel workbook (.xlsx), a CSV file, or a ceclog export."),
    ],
    map_file: Annotated[
        Path | None,
        typer.Option("--map", metavar="MAP.toml", help="How to read the file (see the README)."),
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
    as_json: JsonOpt = False,
) -> None:
    """Import classes from a workbook, a CSV or a ceclog export: a dry run unless --yes.

    Rows already in the ledger are skipped; repeats, near matches and unknown statuses are
    held back (--accept ROW); totals and cancelled classes are read past."""
    if yes and dry_run:
        raise UsageError("give --yes (write) or --dry-run (only show), not both")
    c: Context = ctx.obj
    mapping, tables, read_map = _read(file, map_file, sheet)
    rows = list(accept or [])
    if yes:
        with storage.editing(c.ledger_path, c.journal) as session:
            rules = c.rules_for(session.loaded).rules
            reading, plan = _plan(tables, mapping, session.ledger, rules, c, rows)
            _save_map(save_map, file, reading, read_map, c)
            if plan is None:
                _refuse(reading, file, as_json)
                return
            added = [a.entry for a in plan.added]
            new = replace(session.ledger, entries=[*session.ledger.entries, *added])
            operations.no_new_errors(session.ledger, new, rules, c.today)
            session.save(new)
        warn(session.warnings)
    else:
        loaded, loaded_rules = c.load()
        reading, plan = _plan(tables, mapping, loaded.ledger, loaded_rules.rules, c, rows)
        _save_map(save_map, file, reading, read_map, c)
        if plan is None:
            _refuse(reading, file, as_json)
            return
    info(reading.notes)
    _future(plan, c)
    if as_json:
        print(data.dumps(imports.as_data(plan, [], yes, str(file), reading.not_classes)))
    else:
        out = console()
        for text in imports.render(plan, yes, reading.not_classes):
            out.print(text, soft_wrap=True)
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


def _command(
    c: Context, file: Path, map_file: Path | None, sheet: str | None, accept: list[str]
) -> str:
    """The command that writes what this dry run showed: the same options, and --yes."""
    import shlex

    words = ["ceclog"]
    if c.ledger_option is not None:
        words += ["--ledger", str(c.ledger_option)]
    if c.today_option is not None:
        words += ["--today", c.today_option]
    words += ["import", str(file)]
    if map_file is not None:
        words += ["--map", str(map_file)]
    if sheet is not None:
        words += ["--sheet", sheet]
    for row in accept:
        words += ["--accept", row]
    return shlex.join([*words, "--yes"])


def _rows(labels: list[str]) -> str:
    return ("row " if len(labels) == 1 else "rows ") + ", ".join(labels)


def _future(plan: ImportPlan, c: Context) -> None:
    ahead = [a.label for a in plan.added if a.entry.planned and a.entry.date > c.today]
    if ahead:
        info(
            [
                f"{_rows(ahead)} dated after today: imported as planned (they count once taken: "
                "`ceclog edit ID --completed`)"
            ]
        )
    late = [a.label for a in plan.added if not a.entry.planned and a.entry.date > c.today]
    if late:
        warn([f"{_rows(late)} dated after today but marked completed: check the dates"])


def _save_map(save: bool, file: Path, reading: Reading, read_map: Path | None, c: Context) -> None:
    if not save:
        return
    target = map_beside(file)
    if target.exists() and target != read_map:
        raise InputError(
            "a mapping file is already there",
            where=Location(target),
            hint=f"read it with --map {target}, or remove it first",
        )
    sheet_map.save_mapping(target, reading.mapping, c.journal)
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
        hint="correct the file (or its mapping) and run the import again",
    )
