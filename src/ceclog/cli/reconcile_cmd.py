"""The reconcile command: the body's record (its account page, or a transcript CSV) against
the ledger.  Read only, unless `--record` appends the assertion in one undoable write."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, require_valid
from ceclog.core import reconcile_transcript as transcripts
from ceclog.core.credits import fmt
from ceclog.core.engine import Report, evaluate
from ceclog.core.fields import check_text, parse_date
from ceclog.core.import_table import Mapping
from ceclog.core.models import MAX_CREDITS, Assertion, Entry, Ledger, Rules
from ceclog.core.reconcile import Target, cycle_at, find_target, reconcile
from ceclog.core.text import file_label
from ceclog.errors import InputError, UsageError
from ceclog.output import data, reconciles, terminal

if TYPE_CHECKING:
    from ceclog.store.evidence import Incoming


def _portal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise UsageError(
            f"--portal {text!r} is not a number",
            hint="give what the body's account shows as posted, in the rules' unit: --portal 8.5",
        ) from None
    if not value.is_finite():
        raise UsageError(f"--portal must be a finite number, got {text!r}")
    if value < 0:
        raise UsageError(
            f"--portal cannot be negative, got {text}",
            hint="give the credits the body's account shows as posted (0 or more)",
        )
    if value > MAX_CREDITS:
        raise UsageError(f"--portal {text} is more than {MAX_CREDITS}: is it a typo?")
    return value


def _target(
    report: Report, rules: Rules, ledger: Ledger, track: str | None, cert: str | None
) -> tuple[Target, str | None, str | None]:
    """The requirement named (or the only one), and the track and cert to record."""
    if track is None and cert is None:
        reqs = report.requirements
        if len(reqs) != 1:
            names = ", ".join(
                r.track.name if rules.pool == "holder" else r.certifications[0] for r in reqs
            )
            raise UsageError(
                "name the requirement with --track NAME or --cert CODE"
                + (f" (here: {names})" if names else "")
            )
        if rules.pool == "holder":
            track = reqs[0].track.name
        else:
            cert = reqs[0].certifications[0]
    found = find_target(report, rules, ledger, track, cert)
    if isinstance(found, str):
        raise UsageError(found, hint="see your requirements: ceclog status")
    if cert is not None:
        cert = rules.canonical(cert.strip().upper())
    return found, (track.strip() if track else None), cert


@app.command(name="reconcile")
def reconcile_cmd(
    ctx: typer.Context,
    track: Annotated[
        str | None, typer.Option("--track", metavar="NAME", help="The requirement's track.")
    ] = None,
    cert: Annotated[
        str | None,
        typer.Option("--cert", metavar="CODE", help="The requirement, by a certification."),
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
    day = _day(on) if on else today
    if day > today:
        raise UsageError(f"--on {day} is after today ({today}): give the day you looked")
    body = _portal(portal) if portal is not None else None
    if source is not None:
        source = check_text(source, "--source")
    from ceclog.store import evidence

    # the screenshot is read before anything is shown: a missing one is one error, no report
    incoming = [evidence.read_incoming(p) for p in evidence_files or []]
    loaded, rules = c.load()
    require_valid(loaded, rules, today)
    ledger = loaded.ledger
    report = evaluate(ledger, rules.rules, today)
    target, track_name, code = _target(report, rules.rules, ledger, track, cert)
    # one figure per day and requirement: a second, different one would make `check` report
    # one of the two as failed for ever
    earlier = next(
        (a for a in ledger.assertions if (a.date, a.track, a.cert) == (day, track_name, code)),
        None,
    )
    if record and earlier is not None and earlier.posted != body:
        raise InputError(
            f"an assertion of {day} for {track_name or code} already says the body showed "
            f"{fmt(earlier.posted)} {rules.rules.units}; nothing was written",
            hint="if the account changed that day, correct that [[assertions]] table in the "
            "ledger (or `ceclog undo` if you just recorded it)",
        )
    rows: list[transcripts.Row] | None = None
    if transcript is not None:
        from ceclog.store import sheet_map, sheets

        if not transcript.exists():  # exit 2, as a usage error: exit 1 means "they differ"
            raise UsageError(f"--transcript {transcript}: no such file")

        if map_file is not None and not map_file.exists():
            raise UsageError(f"--map {map_file}: no such file")
        mapping = sheet_map.read_mapping(map_file) if map_file is not None else Mapping()
        lines = transcripts.lines_of(sheets.read_table(transcript, mapping), mapping)
        held = cycle_at(target.requirement, day)
        body = Decimal(0)
        entries: list[Entry] = []
        period = None
        if held is not None:
            body = transcripts.body_posted(lines, held.cycle.start, held.cycle.due, day)
            entries = transcripts.ledger_entries(ledger, held.counted_ids, day)
            period = (held.cycle.start, min(day, held.cycle.due))
        rows = transcripts.match(lines, entries, report, rules.rules, period)
        source = file_label(transcript.name)
    assert body is not None
    settled = frozenset(r.entry.id for r in rows or [] if r.status == "agrees" and r.entry)
    result = reconcile(report, target, ledger, rules.rules, day, body, source, settled)
    if as_json:
        print(data.dumps(reconciles.as_json(result, rows)))
    else:
        reconciles.show(terminal.console(), result, rows, ledger, rules.rules, report)
    if record and earlier is not None:  # the same figure: recording it twice makes two of it
        terminal.console(stderr=True).hang(
            f"already recorded: the body's {fmt(body)} on {day}; nothing was written"
        )
    elif record:
        new = Assertion(date=day, track=track_name, cert=code, posted=body, source=source)
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
