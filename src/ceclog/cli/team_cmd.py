"""`ceclog team`: the firm's view over many ledgers, read only (no lock, no write beside them)."""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ceclog.cli import app
from ceclog.cli.context import Context, emit, exit_for_states
from ceclog.core.firm import team
from ceclog.core.ledger.fields import parse_year
from ceclog.core.ledger.words import plural
from ceclog.errors import (
    EXIT_DATA,
    UsageError,
)
from ceclog.output import terminal
from ceclog.store import discover
from ceclog.store.team import Reader


class TeamFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"


@app.command("team")
def team_cmd(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH|GLOB]...",
            help="Ledger files, folders of ledgers (and their subfolders, one level down), or "
            "patterns such as 'shared/*.toml'. Default: the current folder.",
            show_default=False,
        ),
    ] = None,
    at_risk: Annotated[
        bool, typer.Option("--at-risk", help="Only overdue, due soon, to submit and behind rows.")
    ] = False,
    due_within: Annotated[
        int | None,
        typer.Option("--due-within", metavar="DAYS", min=0, help="Only rows due within DAYS."),
    ] = None,
    cert: Annotated[
        str | None, typer.Option("--cert", metavar="CODE", help="Only rows covering this code.")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 4 if a row is overdue, 3 if one is behind, due soon or to submit (names "
            "on stderr).",
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="With --check: exit 1 if a ledger is an error row.")
    ] = False,
    fmt: Annotated[
        TeamFormat, typer.Option("--format", case_sensitive=False, help="The output format.")
    ] = TeamFormat.table,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default stdout).")
    ] = None,
    plan_year_text: Annotated[
        str | None,
        typer.Option(
            "--plan",
            metavar="YYYY",
            help="Add each row's shortfall and that year's quarters: planned / pace needed "
            "(as `ceclog plan --year`).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The team's CEC status over many ledgers: one row per technician and requirement."""
    c: Context = ctx.obj
    if as_json:
        if fmt not in (TeamFormat.table, TeamFormat.json):
            raise UsageError("--json and --format csv|md|html exclude each other")
        fmt = TeamFormat.json
    if strict and not check:
        raise UsageError("--strict only has a meaning with --check")
    plan_year = parse_year(plan_year_text, "--plan")
    today = c.today
    found = discover.find(list(paths or []))
    reader = Reader(today)
    read = [row for f in found for row in reader.rows(f, plan_year)]
    code = cert.strip().upper() if cert else None
    if code is not None:
        _known_code(code, reader)
    rows = team.select(team.arrange(read), at_risk=at_risk, due_within=due_within, cert=code)
    counts = team.counts(rows)
    _show(fmt, rows, counts, len(found), today, output, found, c, plan_year)
    errors = [r for r in rows if r.state == "error"]
    if errors and not (check and strict):  # with --check --strict, each is named below
        verb = "is" if len(errors) == 1 else "are"
        terminal.console(stderr=True).print(
            f"warning: {len(errors)} of {plural(len(found), 'ledger')} could not be read or "
            f"{verb} invalid (state error; their next action says what to do)"
        )
    if check:
        _check(rows, strict)


def _known_code(code: str, reader: Reader) -> None:
    """Refuse a --cert code none of the ledgers' rules know (a typo would show a quiet team)."""
    known = {c for loaded in reader.rules.values() for c in loaded.rules.certifications}
    if known and code not in known:
        import difflib

        close = difflib.get_close_matches(code, sorted(known), n=2)
        raise UsageError(
            f"--cert {code} is not a certification the ledgers' rules know",
            hint=(f"did you mean {' or '.join(close)}? " if close else "")
            + "codes: ceclog rules show iicrc",
        )


def _show(
    fmt: TeamFormat,
    rows: list[team.Row],
    counts: dict[str, int],
    read: int,
    today: dt.date,
    output: Path | None,
    found: list[discover.Found],
    c: Context,
    plan_year: int | None,
) -> None:
    from ceclog.output import team as view

    if fmt is TeamFormat.table and output is None:
        view.table(terminal.console(), rows, counts, read, today)
        return
    if fmt is TeamFormat.json:
        text = view.render_json(rows, counts, today, plan_year)
    elif fmt is TeamFormat.csv:
        text = view.render_csv(rows)
    elif fmt is TeamFormat.md:
        text = view.render_md(rows, counts, read, today)
    elif fmt is TeamFormat.html:
        from ceclog.output import team_html

        text = team_html.render(rows, counts, read, today)
    else:
        import io

        buffer = io.StringIO()
        view.table(terminal.Out(buffer, rich=False), rows, counts, read, today)
        text = buffer.getvalue()
    # a report for others to read (0644), never over a ledger it read
    emit(text.encode("utf-8"), output, c.journal, {f.real for f in found}, 0o644)


def _check(rows: list[team.Row], strict: bool) -> None:
    """The exit code of `--check`, and on stderr the rows that made it."""
    err = terminal.console(stderr=True)
    flagged = [r for r in rows if r.at_risk or (strict and r.state == "error")]
    for row in flagged:
        if row.state == "error":
            err.print(f"error: {row.error}", soft_wrap=True)
        else:
            err.print(f"at risk: {row.name} ({row.file}): {row.alert}", soft_wrap=True)
    states = {r.state for r in rows}
    exit_for_states(states)
    if strict and "error" in states:
        raise typer.Exit(EXIT_DATA)
