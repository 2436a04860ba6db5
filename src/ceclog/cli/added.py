"""What `add` and `edit` say once an entry is written: its warnings (on stderr), what it
counts and why, and where each requirement stands (or the same as `--json`)."""

import datetime as dt

from ceclog.cli.context import warn
from ceclog.core.checks.entries import entry_warnings
from ceclog.core.checks.entry_rules import written_warnings
from ceclog.core.ledger.models import Entry, Ledger, Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.engine import evaluate
from ceclog.output import data, status_data, terminal, views


def print_result(ledger: Ledger, rules: Rules, today: dt.date, entry: Entry, as_json: bool) -> None:
    report = evaluate(ledger, rules, today)
    if as_json:
        print(
            data.dumps(
                {
                    "entry": data.report_entry(entry, report),
                    "requirements": [status_data.requirement(r) for r in report.requirements],
                }
            )
        )
        return
    out = terminal.console()
    out.print(
        f"Entry {entry.id}: {entry.date} {entry.title}" + (" (planned)" if entry.planned else "")
    )
    how = report.explanation(entry.id)
    counted = report.credits[entry.id].value if entry.planned else report.counted(entry.id)
    out.print(
        f"  counts {fmt(counted)} {rules.units}: {how}"
        + ("; planned, so it counts once completed" if entry.planned else "")
    )
    for req in report.requirements:
        placed = report.placements[entry.id].cycle_due
        late = next((r for r in req.history[:-1] if r.cycle.due == placed), None)
        late = None if entry.planned else late
        for line in views.requirement_lines(req, report, rules.units):
            out.print(line)
        if late is not None and late is not req.lapse:  # else the LAPSED line has its figures
            verdict = "met" if late.met else f"{fmt(late.remaining)} {rules.units} still short"
            if not late.met and not late.cycle.judged:
                verdict = f"not judged ({late.cycle.unjudged})"
            out.print(
                f"  {late.cycle.track.name}: the cycle ending {late.cycle.due} now has "
                f"{fmt(late.counted)} of {fmt(late.required)} {rules.units}: {verdict}"
            )


def warn_written(ledger: Ledger, entry: Entry, rules: Rules, today: dt.date) -> None:
    warn(written_warnings(ledger, entry, rules.certifications, today))
    warn(entry_warnings(entry, rules))
