"""Commands that report: status and check."""

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ceclog import completion
from ceclog.cli import app
from ceclog.cli.context import (
    Context,
    JsonOpt,
    exit_for_states,
    problems,
    require_valid,
    show_findings,
    warn,
)
from ceclog.core.checks.entries import check_evidence
from ceclog.core.checks.ledger import Facts, check_ledger
from ceclog.core.ledger.findings import CODES, STRICT_CODES, Finding, summary
from ceclog.core.ledger.models import LoadedRules, Rules
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.engine import Report
from ceclog.core.schedule.results import send_command
from ceclog.errors import CeclogError, Location, UsageError
from ceclog.output import data, status_data, terminal, views
from ceclog.store.parsing import locate
from ceclog.store.reading import Loaded
from ceclog.store.rules import load_rules


@app.command()
def status(
    ctx: typer.Context,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 0 if every requirement is met or on track, 3 if any is behind, due soon "
            "or met but not yet submitted with the due date near, 4 if any is overdue (with "
            "--rules: under those rules).",
        ),
    ] = False,
    what_if: Annotated[
        str | None,
        typer.Option(
            "--rules",
            metavar="NAME|PATH",
            help="What if: judge the ledger under another rules profile (a shipped name, or a "
            "file); the ledger is not changed.",
            show_default=False,
            autocompletion=completion.rules_names,
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option("--compare", help="With --rules: its own rules and the other side by side."),
    ] = False,
    chart: Annotated[
        bool,
        typer.Option(
            "--chart",
            help="Under the table, a one-line chart per requirement: the credits counted over "
            "the current cycle, from its start to its due date.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Where each requirement stands: counted, remaining, due date and state."""
    c: Context = ctx.obj
    today = c.today
    if compare and what_if is None:
        raise UsageError("--compare needs --rules NAME|PATH: the profile to compare with")
    loaded, rules = c.load()
    checked = require_valid(loaded, rules, today)
    warnings = checked.warnings + _missing_evidence(loaded)
    report = checked.report
    if what_if is not None:
        own = (report, rules)
        rules, report = _other_rules(loaded, what_if, today)
    if compare:
        _compare(own, (report, rules), loaded, as_json)
    elif as_json:
        located = locate(warnings, loaded.text, loaded.path)
        doc = status_data.status(report, loaded.ledger, rules, located)
        doc["reminders"] = _reminders(loaded, rules, report, today)
        if what_if is not None:
            doc["what_if"] = {"rules": rules.rules.name, "ledger_rules": loaded.ledger.holder.rules}
        print(data.dumps(doc))
    else:
        if what_if is not None:  # say it first: these are not the ledger's own figures
            terminal.console().print(
                f"what if: judged under the rules {rules.rules.name}; the ledger's own rules are "
                f"{loaded.ledger.holder.rules}, and nothing is changed"
            )
        views.status(terminal.console(), report, loaded.ledger, rules, chart=chart)
        warn(_status_warnings(warnings, rules.rules))
        _nudge(loaded, rules, report, today)
    if check:
        exit_for_states({r.state for r in report.requirements})


def _reminders(loaded: Loaded, rules: LoadedRules, report: Report, today: dt.date) -> list[str]:
    """Time to check the ledger against the body's record (`ceclog reconcile`)."""
    from ceclog.core.checks.assertions import nudges

    return nudges(loaded.ledger, rules.rules, report, today)


def _nudge(loaded: Loaded, rules: LoadedRules, report: Report, today: dt.date) -> None:
    for line in _reminders(loaded, rules, report, today):
        terminal.console(stderr=True).hang(f"note: {line}")


def _other_rules(loaded: Loaded, spec: str, today: dt.date) -> tuple[LoadedRules, Report]:
    """The what-if profile (a file relative to the current folder) and the ledger judged under
    it.  What the ledger breaks under it (a kind it does not know, a booth visit with no hours
    where it has no fixed value) is said, not refused: such an entry counts there what those
    rules give it, often 0."""
    other = load_rules(spec, base=Path.cwd())
    checked = check_ledger(loaded.ledger, other.rules, today)
    errors = locate(checked.errors, loaded.text, loaded.path)
    warn(
        [
            f"under the rules {other.rules.name}: {f.where}: {f.message} (it counts what those "
            "rules give it)"
            for f in errors
        ]
    )
    return other, checked.report


def _compare(
    own: tuple[Report, LoadedRules],
    other: tuple[Report, LoadedRules],
    loaded: Loaded,
    as_json: bool,
) -> None:
    from ceclog.output import compare

    if as_json:
        print(data.dumps(compare.as_json(own, other)))
        return
    compare.show(terminal.console(), own, other, views.who(loaded.ledger.holder))


def _missing_evidence(loaded: Loaded) -> list[Finding]:
    """Certificates whose file is gone: found by a look at the folder, not by hashing every
    file (`check` and `export` also compare their SHA-256)."""
    if not any(e.evidence for e in loaded.ledger.entries):
        return []
    from ceclog.store import evidence

    present = evidence.presence(loaded.ledger, evidence.folder_of(loaded.path))
    return check_evidence(loaded.ledger, present, report_bare=False)


def _status_warnings(warnings: list[Finding], profile: Rules) -> list[str]:
    """A few lines for the end of `status`, by code: what needs doing, not every finding.  A
    missing certificate is named, each one: an export refuses until it is back."""
    named = ("evidence-missing", "evidence-refused")
    out = [
        f"{w.message} (run `ceclog check`; export refuses until it is fixed)"
        for w in warnings
        if w.code in named
    ]
    counts = Counter(w.code for w in warnings if w.code not in named)
    order = list(CODES)
    send = {"unsubmitted": send_command(profile, every_cycle=True)}  # the rules' way to send
    return out + [
        summary(code, counts[code], send.get(code)) for code in sorted(counts, key=order.index)
    ]


@app.command()
def check(
    ctx: typer.Context,
    codes: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[CODE]...",
            help="Only these checks (their codes: ceclog check --list).",
            show_default=False,
            autocompletion=lambda incomplete: [c for c in CODES if c.startswith(incomplete)],
        ),
    ] = None,
    list_codes: Annotated[
        bool, typer.Option("--list", help="List every check's code and what it finds.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="A failing assertion (assertion-failed) is an error.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Validate the ledger and its rules: prints path:line: findings; exit 1 on errors."""
    c: Context = ctx.obj
    if list_codes:
        _list_codes(as_json)
        return
    wanted = _codes(codes)
    found: list[Finding]
    try:
        loaded, rules = c.load()
        from ceclog.store import evidence

        base = evidence.folder_of(loaded.path)
        facts = Facts(evidence.hashes(loaded.ledger, base))
        found = problems(loaded, rules, c.today, facts, wanted)
    except CeclogError as exc:  # a ledger or rules file that does not load: what is wrong
        where = exc.where or Location(c.ledger_path)
        found = exc.problems or [Finding(exc.code, exc.message, (), exc.hint, where)]
    if strict:
        found = [f._replace(strict=f.code in STRICT_CODES) for f in found]
    errors = sum(f.severity == "error" for f in found)
    show_findings(found, as_json)
    if not as_json:
        if not found:
            terminal.console().print(f"{c.ledger_path}: ok")
        else:
            warnings = len(found) - errors
            terminal.console(stderr=True).print(
                f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
            )
    if errors:
        raise typer.Exit(1)


def _codes(codes: list[str] | None) -> set[str] | None:
    if not codes:
        return None
    wanted = {code.strip().lower() for code in codes}
    unknown = sorted(wanted - set(CODES))
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], list(CODES), n=2)
        raise UsageError(
            f"no check has the code {unknown[0]!r}",
            hint=(f"did you mean {' or '.join(close)}? " if close else "")
            + "every code: ceclog check --list",
        )
    return wanted


def _list_codes(as_json: bool) -> None:
    if as_json:
        rows = [{"code": k, "severity": v.severity, "about": v.about} for k, v in CODES.items()]
        print(data.dumps(rows))
        return
    out = terminal.console()
    width = max(map(len, CODES))
    for code, check_ in CODES.items():
        out.print(f"{code.ljust(width)}  {check_.severity:<7}  {check_.about}")
