"""The reconcile command: the body's record (its account page, or a transcript CSV) against
the ledger.  Read only, unless `--record` appends the assertion in one undoable write."""

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, require_valid
from ceclog.core.imports.table import Mapping
from ceclog.core.ledger.fields import check_text, parse_amount, parse_date
from ceclog.core.ledger.models import Assertion, Rules
from ceclog.core.ledger.text import file_label
from ceclog.core.reconcile import transcript as transcripts
from ceclog.core.reconcile.compare import day_looked, named_requirement, reconcile, recorded_figure
from ceclog.core.schedule.credits import fmt
from ceclog.errors import InputError, UsageError
from ceclog.output import data, reconciles, terminal

if TYPE_CHECKING:
    from ceclog.store.evidence import Incoming


def _portal(text: str) -> Decimal:
    """--portal's figure; a bad one is a usage error (exit 2): exit 1 means the figures differ."""
    try:
        return parse_amount(text, "--portal", places=None)
    except InputError as exc:
        raise UsageError(exc.message, hint=exc.hint) from None


@app.command(name="reconcile")
def reconcile_cmd(
    ctx: typer.Context,
    track: Annotated[
        str | None, typer.Option("--track", metavar="NAME", help="The requirement's track.")
    ] = None,
    cert: Annotated[
        str | None,
        typer.Option(
            "--cert",
            metavar="CODE",
            help="The requirement, by a certification.",
            autocompletion=completion.held_codes,
        ),
    ] = None,
    portal: Annotated[
        str | None,
        typer.Option(
            "--portal",
            metavar="N",
            help="What the body's account shows as posted, in the rules' unit.",
        ),
    ] = None,
    transcript: Annotated[
        Path | None,
        typer.Option(
            "--transcript",
            metavar="FILE.csv",
            help="The body's transcript: date, title, credits, optional approval.",
        ),
    ] = None,
    map_file: Annotated[
        Path | None,
        typer.Option("--map", metavar="MAP.toml", help="How to read the transcript (as import)."),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="YYYY-MM-DD", help="The day you looked (default: today)."),
    ] = None,
    record: Annotated[
        bool, typer.Option("--record", help="Keep the body's figure as an assertion (undoable).")
    ] = False,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="TEXT", help="With --record: where the figure is from."),
    ] = None,
    evidence_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--evidence", metavar="FILE", help="With --record: a screenshot or PDF of the page."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the ledger against the body's record; exit 0 if they agree, 1 if not."""
    c: Context = ctx.obj
    if portal is None and transcript is None:
        raise UsageError("give the body's figure with --portal N, or its --transcript FILE.csv")
    if portal is not None and transcript is not None:
        raise UsageError("give --portal N or --transcript FILE.csv, not both")
    if (source is not None or evidence_files) and not record:
        raise UsageError("--source and --evidence go with --record")
    if map_file is not None and transcript is None:
        raise UsageError("--map says how to read a --transcript FILE.csv")
    if record and portal is None:
        raise UsageError("--record keeps a --portal figure; a transcript is not recorded")
    today = c.today
    day = day_looked(_day(on) if on else None, today)
    body = _portal(portal) if portal is not None else None
    if source is not None:
        source = check_text(source, "--source")
    from ceclog.store import evidence

    # the screenshot is read before anything is shown: a missing one is one error, no report
    incoming = [evidence.read_incoming(p) for p in evidence_files or []]
    loaded, rules = c.load()
    report = require_valid(loaded, rules, today).report
    ledger = loaded.ledger
    named = named_requirement(report, rules.rules, ledger, track, cert)
    earlier = None
    if record and body is not None:
        earlier = recorded_figure(ledger, day, named, body, rules.rules.units)
    rows: list[transcripts.Row] | None = None
    if transcript is not None:
        from ceclog.store import sheet_map, sheets

        if not transcript.exists():  # exit 2, as a usage error: exit 1 means "they differ"
            raise UsageError(f"--transcript {transcript}: no such file")

        if map_file is not None and not map_file.exists():
            raise UsageError(f"--map {map_file}: no such file")
        mapping = sheet_map.read_mapping(map_file) if map_file is not None else Mapping()
        lines = transcripts.lines_of(sheets.read_table(transcript, mapping), mapping)
        window = transcripts.window(lines, ledger, named.target.requirement, day)
        body = window.posted
        rows = transcripts.match(lines, window.entries, report, rules.rules, window.period)
        source = file_label(transcript.name)
    assert body is not None
    settled = frozenset(r.entry.id for r in rows or [] if r.status == "agrees" and r.entry)
    result = reconcile(report, named.target, ledger, rules.rules, day, body, source, settled)
    if as_json:
        print(data.dumps(reconciles.as_json(result, rows)))
    else:
        reconciles.show(terminal.console(), result, rows, ledger, rules.rules, report)
    if record and earlier is not None:  # the same figure: recording it twice makes two of it
        terminal.console(stderr=True).hang(
            f"already recorded: the body's {fmt(body)} on {day}; nothing was written"
        )
    elif record:
        new = Assertion(date=day, track=named.track, cert=named.cert, posted=body, source=source)
        _record(c, new, incoming, rules.rules)
    differs = any(r.status in transcripts.DIFFERENCES for r in rows or [])
    if not result.agrees or differs:
        raise typer.Exit(1)


def _day(text: str) -> dt.date:
    """--on's date; a bad one is a usage error (exit 2): exit 1 means the figures differ."""
    try:
        return parse_date(text, "--on")
    except InputError as exc:
        raise UsageError(exc.message, hint=exc.hint) from None


def _record(c: Context, assertion: Assertion, incoming: "list[Incoming]", rules: Rules) -> None:
    """Append the assertion (and copy its evidence) in one locked, undoable write."""
    from dataclasses import replace

    from ceclog.cli.context import warn
    from ceclog.store import evidence
    from ceclog.store import ledger as storage

    name = assertion.track or assertion.cert or "requirement"
    stem = f"{assertion.date}_assertion_{evidence.slug(name)}"
    with (
        storage.editing(c.ledger_path, c.journal) as session,
        evidence.placed(session, stem, incoming) as records,
    ):
        new = replace(assertion, evidence=records)
        ledger = session.ledger
        session.save(replace(ledger, assertions=[*ledger.assertions, new]))
    warn(session.warnings)
    terminal.console(stderr=True).hang(
        f"Recorded: on {assertion.date} the body showed {fmt(assertion.posted)} {rules.units} "
        f"posted ({name}); `ceclog check` compares it from now on, `ceclog undo` removes it"
    )
