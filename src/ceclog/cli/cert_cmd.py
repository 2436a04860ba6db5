"""`ceclog cert`: record, list, end and remove your certifications."""

import datetime as dt
from dataclasses import replace
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.changed import print_changes, say_changes
from ceclog.cli.context import Context, JsonOpt, find_certification, warn
from ceclog.core.checks import edits as operations
from ceclog.core.checks.certifications import (
    add_certification,
    future_certification,
    left_naming,
)
from ceclog.core.ledger.fields import parse_date
from ceclog.core.schedule.credits import fmt
from ceclog.output import data, terminal
from ceclog.store import ledger as storage

cert_app = typer.Typer(help="Record, list and remove your certifications.", no_args_is_help=True)
app.add_typer(cert_app, name="cert")


@cert_app.command("add")
def cert_add(
    ctx: typer.Context,
    code: Annotated[
        str,
        typer.Argument(
            help="The certification code, e.g. WRT.", autocompletion=completion.rules_codes
        ),
    ],
    earned: Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="The date you earned it.")],
    as_json: JsonOpt = False,
) -> None:
    """Record a certification you hold."""
    c: Context = ctx.obj
    code = code.strip().upper()
    day = parse_date(earned, "--earned")
    with storage.editing(c.ledger_path, c.journal) as session:
        loaded_rules = c.rules_for(session.loaded)
        rules = loaded_rules.rules
        new, cert = add_certification(session.ledger, rules, code, day)
        typed, code = code, cert.code
        operations.no_new_errors(session.ledger, new, rules, c.today)
        session.save(new)
    warn(session.warnings)
    if as_json:
        print_changes(c, "cert add", session.ledger, new)
        return
    track = rules.track_of(code)
    out = terminal.console()
    alias = f"; {typed} is another name for it" if typed != code else ""
    out.print(f"Recorded {code} ({rules.certifications[code]}{alias}), earned {day}.")
    if track is None:
        out.print(f"{code} has no continuing-education requirement under the {rules.name} rules.")
        return
    out.print(
        f"It belongs to the {track.name} track: {fmt(track.credits)} {rules.units} "
        f"every {track.cycle_months} months."
    )
    future = future_certification(cert, c.today)
    if future is not None:
        out.print(future.message[0].upper() + future.message[1:] + ".")
    say_changes(session.ledger, new, rules, c.today)


@cert_app.command("list")
def cert_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List your certifications."""
    c: Context = ctx.obj
    loaded, rules = c.load()
    rows = [data.certification(x, rules) for x in loaded.ledger.certifications]
    if as_json:
        print(data.dumps(rows))
        return
    out = terminal.console()
    if not rows:
        out.print("No certifications recorded (ceclog cert add CODE --earned DATE).")
    for row in rows:
        track = f"track {row['track']}" if row["track"] else "no CEC requirement"
        ended = f", ended {row['ended']}" if row["ended"] else ""
        out.print(
            f"{row['code']:<6} earned {row['earned']}  {row['title'] or '?'} ({track}{ended})"
        )


@cert_app.command("rm")
def cert_rm(
    ctx: typer.Context,
    code: Annotated[
        str,
        typer.Argument(
            help="The certification code to remove.", autocompletion=completion.held_codes
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Remove a certification from the ledger."""
    c: Context = ctx.obj
    with storage.editing(c.ledger_path, c.journal) as session:
        ledger = session.ledger
        code = find_certification(ledger, code, c.rules_for(session.loaded).rules).code
        kept = [x for x in ledger.certifications if x.code != code]
        new = replace(ledger, certifications=kept)
        session.save(new)
        rules = c.rules_for(session.loaded).rules
    warn(session.warnings)
    if as_json:
        warn(left_naming(ledger, code))
        print_changes(c, "cert rm", ledger, new)
        return
    terminal.console().print(f"Removed {code}.")
    warn(left_naming(ledger, code))
    say_changes(ledger, new, rules, c.today)


@cert_app.command("end")
def cert_end(
    ctx: typer.Context,
    code: Annotated[
        str,
        typer.Argument(
            help="The certification code, e.g. MWR.", autocompletion=completion.held_codes
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on", metavar="YYYY-MM-DD", help="The first day it is no longer held (default today)."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that you no longer hold a certification (dropped or lapsed); its history stays."""
    c: Context = ctx.obj
    day = parse_date(on, "--on") if on else c.today
    with storage.editing(c.ledger_path, c.journal) as session:
        rules = c.rules_for(session.loaded).rules
        cert = find_certification(session.ledger, code, rules)
        ended = operations.end_certification(cert, day)
        certs = [ended if x.code == cert.code else x for x in session.ledger.certifications]
        new = replace(session.ledger, certifications=certs)
        session.save(new)
    warn(session.warnings)
    if as_json:
        print_changes(c, "cert end", session.ledger, new)
        return
    held_until = day - dt.timedelta(days=1)
    terminal.console().print(
        f"Recorded that {cert.code} ended on {day}: it was held until {held_until}."
    )
    say_changes(session.ledger, new, rules, c.today, quiet=False)
