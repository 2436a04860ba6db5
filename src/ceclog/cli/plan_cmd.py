"""The `plan` command: what is still needed by each due date, at what pace, and a year of
classes in the rules' rhythm (recorded as planned entries with --suggest --add)."""

from dataclasses import replace
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, require_valid, warn
from ceclog.core.checks import edits as operations
from ceclog.core.ledger.fields import parse_year
from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.ledger.words import plural
from ceclog.core.reports.plan import Plan, plan_report
from ceclog.core.reports.suggest import suggest, suggested_entries
from ceclog.core.schedule.engine import Report, evaluate
from ceclog.errors import UsageError
from ceclog.output import data, plans, terminal
from ceclog.store import ledger as storage


@app.command()
def plan(
    ctx: typer.Context,
    year_text: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="The calendar year of the quarter table (default: the four quarters from now).",
            show_default=False,
        ),
    ] = None,
    suggesting: Annotated[
        bool,
        typer.Option(
            "--suggest",
            help="Propose classes in the rhythm of the rules' planning seed, sized to what is "
            "short.",
        ),
    ] = False,
    add: Annotated[
        bool,
        typer.Option(
            "--add", help="With --suggest: record the suggestions as planned entries (undoable)."
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Plan what is still needed by each due date: pace per quarter and per year, the quarter
    table, planned entries to fix, and suggested classes."""
    c: Context = ctx.obj
    year = parse_year(year_text, "--year")
    today = c.today
    if add and not suggesting:
        raise UsageError("--add records the suggestions: use it with --suggest")
    if add:
        with storage.editing(c.ledger_path, c.journal) as session:
            loaded_rules = c.rules_for(session.loaded)
            report = require_valid(session.loaded, loaded_rules, today).report
            rules = loaded_rules.rules
            found = _plans(report, session.ledger, rules, year, True)
            entries = suggested_entries(found, session.ledger, today)
            new = replace(session.ledger, entries=[*session.ledger.entries, *entries])
            if entries:
                operations.no_new_errors(session.ledger, new, rules, today)
                session.save(new)
        warn(session.warnings)
        after = _plans(evaluate(new, rules, today), new, rules, year, False)
        if as_json:
            doc = plans.as_json(after, rules, str(today), year, False)
            doc["added"] = [e.id for e in entries]
            print(data.dumps(doc))
            return
        plans.show(terminal.console(), after, new, rules, str(today), added=True)
        err = terminal.console(stderr=True)
        if entries:
            ids = f"{entries[0].id}" if len(entries) == 1 else f"{entries[0].id}-{entries[-1].id}"
            err.print(
                f"recorded {plural(len(entries), 'suggested class', 'suggested classes')} as "
                f"planned (entries {ids}); `ceclog undo` takes them back"
            )
        elif not rules.plan:
            err.print(f"the {rules.name} rules have no planning seed ([[plan]]): nothing added")
        else:
            err.print("nothing to suggest: the planned classes cover what is needed")
        return
    loaded, loaded_rules = c.load()
    report = require_valid(loaded, loaded_rules, today).report
    rules = loaded_rules.rules
    found = _plans(report, loaded.ledger, rules, year, suggesting)
    if as_json:
        print(data.dumps(plans.as_json(found, rules, str(today), year, suggesting)))
        return
    plans.show(terminal.console(), found, loaded.ledger, rules, str(today))
    if suggesting and not rules.plan:
        warn([f"the {rules.name} rules have no planning seed ([[plan]]): nothing to suggest"])


def _plans(
    report: Report, ledger: Ledger, rules: Rules, year: int | None, with_suggestions: bool
) -> list[Plan]:
    found = plan_report(report, ledger, rules, year)
    return [suggest(p, rules, year) for p in found] if with_suggestions else found
