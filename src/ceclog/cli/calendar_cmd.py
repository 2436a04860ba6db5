"""`ceclog calendar` and `ceclog team-calendar`: due dates, reminders, planned classes, the
reinstatement cutoff and the renewal fee as an iCalendar (.ics) file, read only."""

from pathlib import Path
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, emit, require_valid
from ceclog.core.ledger.models import LoadedRules
from ceclog.core.ledger.words import plural
from ceclog.core.reports import calendar
from ceclog.core.schedule.engine import evaluate
from ceclog.output import terminal
from ceclog.store import discover, files

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE.ics",
        help="Write the calendar to this file, atomically (default stdout).",
    ),
]


@app.command("calendar")
def calendar_cmd(ctx: typer.Context, output: OutputOpt = None) -> None:
    """Your due dates, reminders, planned classes and renewal fee as a calendar (.ics)."""
    from ceclog.output import ics

    c: Context = ctx.obj
    today = c.today
    loaded, rules = c.load()
    report = require_valid(loaded, rules, today).report  # no figures from one with errors
    ledger = loaded.ledger
    events = calendar.events(ledger, rules.rules, report)
    data = ics.render(events, name=f"ceclog: {ledger.holder.name}", today=today)
    _emit(data, output, c, {files.real_path(loaded.path)})


@app.command("team-calendar")
def team_calendar(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH|GLOB]...",
            help="Ledger files, folders of ledgers or patterns, as for `ceclog team`. "
            "Default: the current folder.",
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """One calendar for the firm over the ledgers `ceclog team` reads, each event naming the
    technician."""
    from ceclog.output import ics
    from ceclog.store.team import read_member

    c: Context = ctx.obj
    today = c.today
    found = discover.find(list(paths or []))
    seen: dict[str, LoadedRules] = {}  # rules files, loaded once for the ledgers sharing them
    members = [read_member(f, today, seen) for f in found]
    good = [(m.ledger, m.rules, m.file) for m in members if m.ledger and m.rules]
    idents = calendar.team_identities([(ledger, file) for ledger, _, file in good])
    events: list[calendar.Event] = []
    for (ledger, rules, _), ident in zip(good, idents, strict=True):
        report = evaluate(ledger, rules, today)
        events += calendar.events(ledger, rules, report, ident=ident, team=True)
    events.sort(key=lambda e: (e.day, e.uid))
    data = ics.render(events, name="ceclog: team", today=today)
    _emit(data, output, c, {f.real for f in found})
    err = terminal.console(stderr=True)
    for m in members:
        if m.error is not None:
            err.hang(f"warning: left out {m.error}")
            if m.remedy:
                err.hang(f"  hint: {m.remedy}")
    if not good:
        err.hang(
            f"warning: no ledger could be read ({plural(len(found), 'file')} found): "
            "the calendar is empty"
        )


def _emit(data: bytes, output: Path | None, c: Context, ledgers: set[Path]) -> None:
    # for a calendar app to read (0644), never over a ledger it read
    emit(data, output, c.journal, ledgers, 0o644)
    if output is None:
        return
    events = data.count(b"BEGIN:VEVENT")
    terminal.console(stderr=True).hang(
        f"wrote {output}: {plural(events, 'event')} (the same UIDs each time: a calendar that "
        "imports or subscribes to it again updates them)"
    )
