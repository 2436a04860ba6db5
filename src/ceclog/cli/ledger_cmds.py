"""Commands about the ledger itself: init, holder, cert add/list/rm."""

import datetime as dt
from dataclasses import replace
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, find_certification, warn
from ceclog.core.checks import edits as operations
from ceclog.core.checks.certifications import (
    add_certification,
    future_certification,
    left_naming,
    notice_passed,
)
from ceclog.core.ledger.fields import check_text, holder_fields, parse_date
from ceclog.core.ledger.models import LEDGER_VERSION, Holder, Ledger, Rules
from ceclog.core.ledger.records import as_dict
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.changes import describe_changes
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import evaluate
from ceclog.errors import CeclogError, InputError, UsageError
from ceclog.output import data, terminal
from ceclog.store import ledger as storage
from ceclog.store import reading
from ceclog.store.rules import DEFAULT_RULES, load_rules

cert_app = typer.Typer(help="Record, list and remove your certifications.", no_args_is_help=True)
app.add_typer(cert_app, name="cert")


@app.command()
def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option(help="Your full name, as on your certification profile.")],
    registrant_id: Annotated[
        str | None, typer.Option(help="Your registrant ID at the certifying body.")
    ] = None,
    email: Annotated[str | None, typer.Option(help="Your email address.")] = None,
    rules: Annotated[
        str, typer.Option(help="A shipped rules profile (ceclog rules list) or a rules file.")
    ] = DEFAULT_RULES,
    cec_due: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="The CEC due date from your renewal notice."),
    ] = None,
    shared: Annotated[
        bool,
        typer.Option(
            "--shared",
            help="Make the ledger and its evidence folder readable by your group (mode 640 and "
            "750), so a firm's owner can run `ceclog team` on a shared folder.",
        ),
    ] = False,
) -> None:
    """Start a new ledger (never replaces an existing one)."""
    c: Context = ctx.obj
    path = c.ledger_path
    today = c.today
    load_rules(rules, base=path.parent)  # refuse an unknown or broken rules file up front
    fields = holder_fields(
        name=name,
        registrant_id=registrant_id,
        email=email,
        rules=None,
        cec_due=cec_due,
        today=today,
    )
    holder = Holder(rules=rules, tracking_since=today, **fields)
    storage.create(path, Ledger(version=LEDGER_VERSION, holder=holder), c.journal, shared)
    out = terminal.console()
    out.print(f"Created {path} for {name} (rules {rules}, tracking from {today}).")
    if shared:
        out.print("It is readable by your group (mode 640); every change keeps that mode.")
        warn(storage.folder_not_shared(path))
    out.print("Next: record a certification, e.g. `ceclog cert add WRT --earned 2022-06-01`.")


@app.command()
def holder(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Change your name.")] = None,
    registrant_id: Annotated[str | None, typer.Option(help="Set your registrant ID.")] = None,
    email: Annotated[str | None, typer.Option(help="Set your email address.")] = None,
    rules: Annotated[str | None, typer.Option(help="Switch to another rules profile.")] = None,
    cec_due: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD|none",
            help="Record the CEC due date from your renewal notice ('none' clears it).",
        ),
    ] = None,
    fee_due: Annotated[
        str | None,
        typer.Option(
            metavar="MM-DD|none",
            help="The day of the year your annual renewal fee is due, for `ceclog calendar` "
            "('none' clears it; 02-29 means the last day of February).",
        ),
    ] = None,
    exempt: Annotated[
        str | None,
        typer.Option(
            metavar="NAME|none",
            help="Record an exemption the rules allow (ceclog rules show), with --fact: while in "
            "force no deadline is owed ('none' removes every exemption).",
        ),
    ] = None,
    fact: Annotated[
        str | None, typer.Option(help="With --exempt: the fact the exemption rests on.")
    ] = None,
    exempt_since: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="With --exempt: from when (default today)."),
    ] = None,
    exempt_cert: Annotated[
        str | None,
        typer.Option(
            metavar="CODE", help="With --exempt, one requirement per certification: which one."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the ledger's holder, or change it (for example the due date on a renewal notice)."""
    c: Context = ctx.obj
    if exempt is not None:
        _exempt(c, exempt, fact, exempt_since, exempt_cert)
        return
    if fact or exempt_since or exempt_cert:
        raise UsageError("--fact, --exempt-since and --exempt-cert go with --exempt NAME")
    changes = holder_fields(
        name=name,
        registrant_id=registrant_id,
        email=email,
        rules=rules,
        cec_due=cec_due,
        today=c.today,
        fee_due=fee_due,
    )
    path = c.ledger_path
    if changes:
        with storage.editing(path, c.journal) as session:
            new_holder = _valid_holder(replace(session.ledger.holder, **changes))
            new = replace(session.ledger, holder=new_holder)
            old_rules = c.rules_for(session.loaded)
            new_rules = old_rules
            if rules is not None:
                new_rules = load_rules(rules, base=session.loaded.path.parent)
            if changes.get("cec_due") is not None:
                operations.check_notice(new, new_rules.rules, changes["cec_due"], c.today)
            try:
                operations.no_new_errors(
                    session.ledger, new, old_rules.rules, c.today, new_rules.rules
                )
            except InputError as exc:
                if rules is not None:
                    exc.message = f"under the rules {rules!r}, {exc.message}"
                    exc.hint = (exc.hint + "; " if exc.hint else "") + "the rules were not changed"
                raise
            session.save(new)
        if "cec_due" in changes or rules is not None:
            _say_changes(session.ledger, new, old_rules.rules, c.today, after_rules=new_rules.rules)
        warn(notice_passed(changes.get("cec_due"), c.today))
        warn(session.warnings)
        result = new_holder
    else:
        result = reading.load(path).ledger.holder
    if as_json:
        print(data.dumps(data.holder(result)))
        return
    terminal.key_values(
        terminal.console(),
        [
            ("name", result.name),
            ("registrant_id", result.registrant_id or "-"),
            ("email", result.email or "-"),
            ("rules", result.rules),
            ("cec_due", result.cec_due or "- (cycles follow your certification dates)"),
            ("cec_due_noted", result.cec_due_noted or "-"),
            ("tracking_since", result.tracking_since),
            ("fee_due", result.fee_due or "-"),
        ],
    )


def _exempt(c: Context, name: str, fact: str | None, since: str | None, cert: str | None) -> None:
    """`holder --exempt NAME --fact TEXT`: record an exemption the rules allow."""
    day = parse_date(since, "--exempt-since") if since else c.today
    code = cert.strip().upper() if cert else None
    with storage.editing(c.ledger_path, c.journal) as session:
        rules = c.rules_for(session.loaded).rules
        text = check_text(fact, "--fact") if fact else None
        new = operations.record_exemption(
            session.ledger, rules, name.strip(), text, day, code, c.today
        )
        session.save(new)
    warn(session.warnings)
    out = terminal.console()
    if not new.exemptions:
        out.print("No exemption is recorded: every requirement owes its deadlines.")
    else:
        out.print(f"Recorded the exemption {name.strip()}, in force from {day}.")
    _say_changes(session.ledger, new, rules, c.today)


def _valid_holder(holder: Holder) -> Holder:
    from pydantic import ValidationError

    from ceclog.store import schema
    from ceclog.store.parsing import friendly

    try:
        return schema.validate(Holder, as_dict(holder))
    except ValidationError as exc:
        raise InputError(friendly(exc, Holder)) from None


@cert_app.command("add")
def cert_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The certification code, e.g. WRT.")],
    earned: Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="The date you earned it.")],
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
    _say_changes(session.ledger, new, rules, c.today)


def _say_changes(
    before: Ledger,
    after: Ledger,
    rules: Rules,
    today: dt.date,
    quiet: bool = True,
    after_rules: Rules | None = None,
) -> None:
    """What a change of certifications, of the renewal notice or of the rules did to the
    figures: the cycles it ended or moved, what is now due, the credits that moved (when
    `quiet`, only when it changed something)."""
    now = after_rules or rules
    report = evaluate(after, now, today)
    lines = describe_changes(evaluate(before, rules, today), report, after, now.units)
    if not lines and not quiet:
        lines = [notice for req in report.requirements for notice in req.notices] or [
            f"the running cycle keeps its due date {req.current.cycle.due}"
            for req in report.requirements
        ]
    out = terminal.console()
    for line in lines:
        out.print(line[0].upper() + line[1:] + ".")


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
    code: Annotated[str, typer.Argument(help="The certification code to remove.")],
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
    terminal.console().print(f"Removed {code}.")
    warn(left_naming(ledger, code))
    _say_changes(ledger, new, rules, c.today)


@cert_app.command("end")
def cert_end(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The certification code, e.g. MWR.")],
    on: Annotated[
        str | None,
        typer.Option(
            "--on", metavar="YYYY-MM-DD", help="The first day it is no longer held (default today)."
        ),
    ] = None,
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
    held_until = day - dt.timedelta(days=1)
    terminal.console().print(
        f"Recorded that {cert.code} ended on {day}: it was held until {held_until}."
    )
    _say_changes(session.ledger, new, rules, c.today, quiet=False)


@app.command()
def undo(ctx: typer.Context) -> None:
    """Restore the previous version of the ledger (from ledger.toml.bak); run it again to
    redo."""
    c: Context = ctx.obj
    path = c.ledger_path
    try:
        result = storage.undo(path, c.journal)
    except CeclogError as exc:
        exc.ledger = exc.ledger or path
        raise

    def size(ledger: Ledger) -> str:
        entries, certs = len(ledger.entries), len(ledger.certifications)
        return f"{plural(entries, 'entry')}, {plural(certs, 'certification')}"

    out = terminal.console()
    out.print(f"Restored the previous version of {path} ({size(result.restored)}).")
    if result.replaced is not None:
        out.print(
            f"The version it replaced ({size(result.replaced)}) is now the backup: "
            "`ceclog undo` again brings it back."
        )
    else:
        warn([f"the ledger did not parse; it is kept as {result.kept}"])
    if result.given is not None:
        out.print(
            f"Entry IDs up to {result.given} stay taken (last_entry_id = {result.given}): "
            f"the next new entry gets {result.given + 1}."
        )
    warn(list(result.warnings))
