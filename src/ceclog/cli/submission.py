"""Commands about proof and submission: attach, submit, posted."""

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.changed import print_changes
from ceclog.cli.context import Context, JsonOpt, find_entry, warn
from ceclog.core.checks import edits as operations
from ceclog.core.checks.duplicates import attach_warnings
from ceclog.core.ledger.fields import parse_date
from ceclog.core.ledger.words import plural
from ceclog.errors import InputError, UsageError
from ceclog.output import terminal
from ceclog.store import evidence
from ceclog.store import ledger as storage

IdsArg = Annotated[
    list[int] | None,
    typer.Argument(
        metavar="ID...", help="Entry IDs (ceclog list).", autocompletion=completion.entry_ids
    ),
]
OnOpt = Annotated[
    str | None, typer.Option("--on", metavar="YYYY-MM-DD", help="The date (default: today).")
]


@app.command()
def attach(
    ctx: typer.Context,
    entry_id: Annotated[
        int,
        typer.Argument(metavar="ID", help="The entry's ID.", autocompletion=completion.entry_ids),
    ],
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Certificate files to keep.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Keep a certificate with an entry: copied into evidence/ beside the ledger."""
    c: Context = ctx.obj
    incoming = [evidence.read_incoming(p) for p in files]
    with storage.editing(c.ledger_path, c.journal) as session:
        entry = find_entry(session.ledger, entry_id)
        known = {ev.sha256: ev for ev in entry.evidence}
        for item in incoming:
            if item.sha256 in known:
                raise InputError(
                    f"entry {entry_id} already has this file, as {known[item.sha256].file}",
                    where=None,
                )
        with evidence.placed(session, entry, incoming) as records:
            new_entry = replace(entry, evidence=[*entry.evidence, *records])
            session.save(session.ledger.with_entry(new_entry))
    warn(session.warnings)
    warn(attach_warnings(session.ledger, entry, [item.sha256 for item in incoming]))
    if as_json:
        print_changes(c, "attach", session.ledger, session.ledger.with_entry(new_entry))
        return
    out = terminal.console()
    for record in records:
        out.print(f"Attached {record.name} to entry {entry_id} as {record.file}")


def _on(on: str | None, today: dt.date, what: str) -> dt.date:
    return operations.not_after_today(parse_date(on, "--on") if on else today, today, what)


@app.command()
def submit(
    ctx: typer.Context,
    ids: IdsArg = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Every completed entry not yet submitted.")
    ] = False,
    on: OnOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that entries were sent to the certifying body."""
    c: Context = ctx.obj
    if bool(ids) == all_:
        raise UsageError("give entry IDs or --all" + (", not both" if all_ else ""))
    day = _on(on, c.today, "submitted")
    with storage.editing(c.ledger_path, c.journal) as session:
        ledger = session.ledger
        if all_:
            chosen = operations.not_submitted(ledger)
        else:
            chosen = [find_entry(ledger, i) for i in dict.fromkeys(ids or [])]
        new, done, skipped = operations.mark_submitted(ledger, chosen, day, c.today)
        session.save(new)
    warn(session.warnings)
    warn([f"entry {e.id} was already submitted on {e.submitted}; unchanged" for e in skipped])
    if as_json:
        print_changes(c, "submit", ledger, new)
        return
    terminal.console().print(
        f"Marked {plural(len(done), 'entry')} submitted on {day}"
        + (f": {', '.join(str(e.id) for e in done)}." if done else ".")
    )


@app.command()
def posted(
    ctx: typer.Context,
    ids: Annotated[
        list[int],
        typer.Argument(
            metavar="ID...", help="Entry IDs (ceclog list).", autocompletion=completion.entry_ids
        ),
    ],
    on: OnOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that the certifying body has credited (posted) entries."""
    c: Context = ctx.obj
    day = _on(on, c.today, "posted")
    with storage.editing(c.ledger_path, c.journal) as session:
        chosen = [find_entry(session.ledger, i) for i in dict.fromkeys(ids)]
        new, notes = operations.mark_posted(session.ledger, chosen, day, c.today)
        session.save(new)
    warn(session.warnings + notes)
    if as_json:
        print_changes(c, "posted", session.ledger, new)
        return
    terminal.console().print(f"Marked {plural(len(chosen), 'entry')} posted on {day}.")
