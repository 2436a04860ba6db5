"""Commands that report: status, check, rules list/show."""

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, JsonOpt, exit_for_states, problems, require_valid, warn
from ceclog.core.checks import Facts
from ceclog.core.credits import fmt, num
from ceclog.core.engine import Report, evaluate
from ceclog.core.entry_checks import check_evidence
from ceclog.core.findings import CODES, STRICT_CODES, Finding, summary
from ceclog.core.models import LoadedRules
from ceclog.core.words import plural
from ceclog.errors import CeclogError, Location, UsageError
from ceclog.output import data, terminal, views
from ceclog.store.parsing import locate
from ceclog.store.reading import Loaded
from ceclog.store.rules import check_rules_file, load_rules, shipped_names

rules_app = typer.Typer(help="List, show and check rules profiles.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@app.command()
def status(
    ctx: typer.Context,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 0 if every requirement is met or on track, 3 if any is behind or due "
            "soon, 4 if any is overdue (with --rules: under those rules).",
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
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option("--compare", help="With --rules: its own rules and the other side by side."),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Where each requirement stands: counted, remaining, due date and state."""
    c: Context = ctx.obj
    today = c.today
    if compare and what_if is None:
        raise UsageError("--compare needs --rules NAME|PATH: the profile to compare with")
    loaded, rules = c.load()
    warnings = require_valid(loaded, rules, today)
    warnings += _missing_evidence(loaded)
    report = evaluate(loaded.ledger, rules.rules, today)
    if what_if is not None:
        own = (report, rules)
        rules = _other_rules(loaded, what_if, today)
        report = evaluate(loaded.ledger, rules.rules, today)
    if compare:
        _compare(own, (report, rules), loaded, as_json)
    elif as_json:
        located = locate(warnings, loaded.text, loaded.path)
        doc = data.status(report, loaded.ledger, rules, located)
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
        views.status(terminal.console(), report, loaded.ledger, rules)
        warn(_status_warnings(warnings))
        _nudge(loaded, rules, report, today)
    if check:
        exit_for_states({r.state for r in report.requirements})


def _reminders(loaded: Loaded, rules: LoadedRules, report: Report, today: dt.date) -> list[str]:
    """Time to check the ledger against the body's record (`ceclog reconcile`)."""
    from ceclog.core.assertion_checks import nudges

    return nudges(loaded.ledger, rules.rules, report, today)


def _nudge(loaded: Loaded, rules: LoadedRules, report: Report, today: dt.date) -> None:
    for line in _reminders(loaded, rules, report, today):
        terminal.console(stderr=True).print(f"note: {line}", soft_wrap=True)


def _other_rules(loaded: Loaded, spec: str, today: dt.date) -> LoadedRules:
    """The what-if profile (a file relative to the current folder).  What the ledger breaks
    under it (a kind it does not know, a booth visit with no hours where it has no fixed value)
    is said, not refused: such an entry counts there what those rules give it, often 0."""
    other = load_rules(spec, base=Path.cwd())
    errors = [f for f in problems(loaded, other, today) if f.severity == "error"]
    warn(
        [
            f"under the rules {other.rules.name}: {f.where}: {f.message} (it counts what those "
            "rules give it)"
            for f in errors
        ]
    )
    return other


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
    from ceclog.store import evidence

    if not any(e.evidence for e in loaded.ledger.entries):
        return []
    present = evidence.presence(loaded.ledger, evidence.folder_of(loaded.path))
    return check_evidence(loaded.ledger, present, report_bare=False)


def _status_warnings(warnings: list[Finding]) -> list[str]:
    """A few lines for the end of `status`, by code: what needs doing, not every finding.  A
    missing certificate is named, each one: an export refuses until it is back."""
    out = [
        f"{w.message} (run `ceclog check`; export refuses until it is fixed)"
        for w in warnings
        if w.code == "evidence-missing"
    ]
    counts = Counter(w.code for w in warnings if w.code != "evidence-missing")
    order = list(CODES)
    return out + [summary(code, counts[code]) for code in sorted(counts, key=order.index)]


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
    if as_json:
        print(data.dumps([data.finding(f) for f in found]))
    else:
        out = terminal.console()
        for f in found:
            out.print(str(f), soft_wrap=True)
        if not found:
            out.print(f"{c.ledger_path}: ok")
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


@rules_app.command("list")
def rules_list(as_json: JsonOpt = False) -> None:
    """The shipped rules profiles."""
    rows = []
    for name in shipped_names():
        loaded = load_rules(name)
        rows.append(
            {
                "name": name,
                "title": loaded.rules.title,
                "effective": loaded.rules.effective,
                "checked": loaded.rules.checked.isoformat(),
            }
        )
    if as_json:
        print(data.dumps(rows))
        return
    out = terminal.console()
    for row in rows:
        out.print(f"{row['name']:<12} {row['title']}")
        out.print(f"{'':<12} effective: {row['effective']}; checked {row['checked']}")


@rules_app.command("show")
def rules_show(
    spec: Annotated[str, typer.Argument(metavar="NAME|PATH", help="A profile name or a file.")],
    as_json: JsonOpt = False,
) -> None:
    """Show a rules profile as ceclog understands it."""
    loaded = load_rules(spec)
    if as_json:
        print(data.dumps(data.rules(loaded)))
        return
    r = loaded.rules
    out = terminal.console()
    cap = f"{num(r.event_cap)} {r.units} per event" if r.event_cap is not None else "none"
    terminal.key_values(
        out,
        [
            ("name", f"{r.name}: {r.title}"),
            ("file", loaded.path),
            ("source", "; ".join(r.source)),
            ("checked", r.checked),
            ("effective", r.effective),
            (
                "unit",
                f"1 {r.unit} = {num(r.hours_per_credit)} h of education (plural: {r.units})",
            ),
            ("rounding", f"down to steps of {num(r.increment)}"),
            ("event cap", cap),
            (
                "pool",
                "one requirement for all your certifications"
                if r.pool == "holder"
                else "one requirement per certification",
            ),
            (
                "cycles start",
                "on the earned date"
                if r.anchor == "earned"
                else f"on {r.cycle_start} each year (the first on or after the earned date)",
            ),
            ("due soon", f"within {r.due_soon_days} days of the due date"),
            (
                "pace",
                f"behind is judged in whole steps of {r.pace_months} months"
                if r.pace_months
                else "off (nothing is ever behind)",
            ),
            (
                "after a lapse",
                f"renew until {r.reinstatement_months} months after the due date, then reinstate"
                if r.reinstatement_months is not None
                else "-",
            ),
            (
                "carry-over",
                f"a met cycle's surplus, at most {num(r.carry_over)} {r.units}, counts toward "
                "the next cycle"
                if r.carry_over
                else "none (credits count only in their own cycle)",
            ),
            ("submit to", r.submission_email or "-"),
            ("default kind", r.default_kind),
        ],
    )
    out.print("kinds:")
    for name, kind in r.kinds.items():
        extra = []
        if kind.fixed is not None:
            extra.append(f"fixed {num(kind.fixed)} {r.units}, whatever the hours")
        if kind.cap is not None:
            extra.append(f"at most {num(kind.cap)} {r.units} per entry")
        if kind.cycle_cap is not None:
            extra.append(f"at most {num(kind.cycle_cap)} {r.units} per cycle")
        if kind.cycle_min is not None:
            extra.append(f"at least {num(kind.cycle_min)} {r.units} per cycle")
        more = f" [{', '.join(extra)}]" if extra else ""
        out.print(f"  {name:<11} {kind.description or ''}{more}")
    out.print("tracks:")
    for track in r.tracks:
        out.print(
            f"  {track.name}: {fmt(track.credits)} {r.units} every {track.cycle_months} months"
            f" — {', '.join(track.certifications)}"
        )
        if track.anchor_code:
            out.print(f"    cycles start from the date {track.anchor_code} was earned")
        for topic, minimum in track.topics.items():
            out.print(f"    at least {fmt(minimum)} in {topic}")
    untracked = [code for code in r.certifications if r.track_of(code) is None]
    if untracked:
        out.print(f"no requirement: {', '.join(untracked)}")
    if r.aliases:
        out.print(
            "aliases (`cert add` and `add --cert` record the code they stand for; in a ledger "
            "an alias is an error naming the code):"
        )
        for alias, code in r.aliases.items():
            out.print(f"  {alias} = {code}")
    if r.topic_aliases:
        out.print("topic aliases (an entry's topic counts toward the minimum it names):")
        for alias, topic in r.topic_aliases.items():
            out.print(f"  {alias} = {topic}")
    if r.plan:
        out.print("planning seed (`ceclog plan --suggest`):")
        for step in r.plan:
            size = f"{num(step.hours)} h" if step.hours is not None else ""
            size = f"{num(step.credits)} {r.units}" if step.credits is not None else size
            detail = f"{step.kind}, {size}" if size else step.kind
            out.print(f"  Q{step.quarter}: {step.title} ({detail})")


@rules_app.command("check")
def rules_check(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A rules file.")],
    as_json: JsonOpt = False,
) -> None:
    """Validate a rules file: prints FILE:LINE: every problem; exit 1 if there is any."""
    rules, found = check_rules_file(path)
    if as_json:
        print(data.dumps([data.finding(f) for f in found]))
    else:
        out = terminal.console()
        for f in found:
            out.print(str(f), soft_wrap=True)
        if rules is not None:
            out.print(
                f"{path}: valid rules profile {rules.name} ({plural(len(rules.tracks), 'track')}, "
                f"{plural(len(rules.certifications), 'certification')})",
                soft_wrap=True,
            )
        else:
            terminal.console(stderr=True).print(plural(len(found), "error"))
    if rules is None:
        raise typer.Exit(1)
