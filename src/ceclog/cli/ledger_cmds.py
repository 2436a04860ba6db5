"""Commands about the ledger itself: init, holder, undo (`ceclog cert` is in cert_cmd)."""

from dataclasses import replace
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.changed import print_changes, say_changes
from ceclog.cli.context import Context, JsonOpt, warn
from ceclog.core.checks import edits as operations
from ceclog.core.checks.certifications import (
    notice_passed,
)
from ceclog.core.ledger.fields import check_text, holder_fields, parse_date
from ceclog.core.ledger.models import LEDGER_VERSION, Holder, Ledger
from ceclog.core.ledger.records import as_dict
from ceclog.core.ledger.words import plural
from ceclog.errors import CeclogError, InputError, UsageError
from ceclog.output import data, terminal
from ceclog.store import ledger as storage
from ceclog.store import reading
from ceclog.store.rules import DEFAULT_RULES, load_rules


@app.command()
def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option(help="Your full name, as on your certification profile.")],
    registrant_id: Annotated[
        str | None, typer.Option(help="Your registrant ID at the certifying body.")
    ] = None,
    email: Annotated[str | None, typer.Option(help="Your email address.")] = None,
    rules: Annotated[
        str,
        typer.Option(
            help="A shipped rules profile (ceclog rules list) or a rules file.",
            autocompletion=completion.rules_names,
        ),
    ] = DEFAULT_RULES,
    cec_due: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="The CEC due date from your renewal notice."),
    ] = None,
    tracking_since: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The first day from which this ledger holds every class you took (default "
            "today): cycles that ended before it are not judged.",
        ),
    ] = None,
    dates: Annotated[
        str | None,
        typer.Option(
            metavar="month-first|day-first|none",
            help="How your certificates write a numeric date such as 03/04/2026, for add --from "
            "when the page does not say (month-first: March 4).",
        ),
    ] = None,
    shared: Annotated[
        bool,
        typer.Option(
            "--shared",
            help="Make the ledger and its evidence folder readable by your group (mode 640 and "
            "750), so a firm's owner can run `ceclog team` on a shared folder.",
        ),
    ] = False,
    as_json: JsonOpt = False,
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
        tracking_since=tracking_since,
        dates=dates,
    )
    holder = Holder(**{"rules": rules, "tracking_since": today, **fields})
    created = Ledger(version=LEDGER_VERSION, holder=holder)
    storage.create(path, created, c.journal, shared)
    if as_json:
        if shared:
            warn(storage.folder_not_shared(path))
        print_changes(c, "init", None, created)
        return
    out = terminal.console()
    out.print(f"Created {path} for {name} (rules {rules}, tracking from {holder.tracking_since}).")
    if shared:
        out.print("It is readable by your group (mode 640); every change keeps that mode.")
        warn(storage.folder_not_shared(path))
    import shlex

    # a ledger named by --ledger alone: the next command must name it too ($CECLOG_LEDGER stays)
    place = f"--ledger {shlex.quote(str(path))} " if c.ledger_option is not None else ""
    out.print(
        f"Next: record a certification, e.g. `ceclog {place}cert add WRT --earned 2022-06-01`.",
        soft_wrap=True,
    )


@app.command()
def holder(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Change your name.")] = None,
    registrant_id: Annotated[str | None, typer.Option(help="Set your registrant ID.")] = None,
    email: Annotated[str | None, typer.Option(help="Set your email address.")] = None,
    rules: Annotated[
        str | None,
        typer.Option(
            help="Switch to another rules profile.", autocompletion=completion.rules_names
        ),
    ] = None,
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
    tracking_since: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="Move the day from which this ledger holds every class you took: cycles that "
            "ended before it are not judged, later ones are.",
        ),
    ] = None,
    dates: Annotated[
        str | None,
        typer.Option(
            metavar="month-first|day-first|none",
            help="How your certificates write a numeric date such as 03/04/2026, for add --from "
            "when the page does not say (month-first: March 4; 'none' asks each time).",
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
            metavar="CODE",
            help="With --exempt, one requirement per certification: which one.",
            autocompletion=completion.held_codes,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the ledger's holder, or change it (for example the due date on a renewal notice)."""
    c: Context = ctx.obj
    if exempt is not None:
        _exempt(c, exempt, fact, exempt_since, exempt_cert, as_json)
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
        tracking_since=tracking_since,
        dates=dates,
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
        if as_json:
            warn(notice_passed(changes.get("cec_due"), c.today))
            warn(session.warnings)
            print_changes(c, "holder", session.ledger, new)
            return
        if "cec_due" in changes or "tracking_since" in changes or rules is not None:
            say_changes(session.ledger, new, old_rules.rules, c.today, after_rules=new_rules.rules)
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
            ("dates", result.dates or "- (a date like 03/04/2026 is read month first, to confirm)"),
        ],
    )


def _exempt(
    c: Context, name: str, fact: str | None, since: str | None, cert: str | None, as_json: bool
) -> None:
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
    if as_json:
        print_changes(c, "holder", session.ledger, new)
        return
    out = terminal.console()
    if not new.exemptions:
        out.print("No exemption is recorded: every requirement owes its deadlines.")
    else:
        out.print(f"Recorded the exemption {name.strip()}, in force from {day}.")
    say_changes(session.ledger, new, rules, c.today)


def _valid_holder(holder: Holder) -> Holder:
    from pydantic import ValidationError

    from ceclog.store import schema
    from ceclog.store.parsing import friendly

    try:
        return schema.validate(Holder, as_dict(holder))
    except ValidationError as exc:
        raise InputError(friendly(exc, Holder)) from None


@app.command()
def undo(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Restore the previous version of the ledger (from ledger.toml.bak); run it again to
    redo."""
    c: Context = ctx.obj
    path = c.ledger_path
    try:
        result = storage.undo(path, c.journal)
    except CeclogError as exc:
        exc.ledger = exc.ledger or path
        raise
    broken = [f"the ledger did not parse; it is kept as {result.kept}"]
    if result.broken is not None:
        from ceclog.core.ledger.undone import taken_back

        broken.append(taken_back(result.restored, *result.broken))
    if as_json:
        if result.replaced is None:
            warn(broken)
        warn(list(result.warnings))
        print_changes(c, "undo", result.replaced, result.restored)
        return

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
        warn(broken)
    if result.given is not None:
        out.print(
            f"Entry IDs up to {result.given} stay taken (last_entry_id = {result.given}): "
            f"the next new entry gets {result.given + 1}."
        )
    warn(list(result.warnings))
