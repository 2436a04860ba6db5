"""What a write did.  For people (`say_changes`): what it did to the figures.  `--json` of
the commands that write (`print_changes`): what the run changed in the ledger, record by record
(`ceclog.core.ledger.diff`), the files it wrote (the run's journal) and the backup `ceclog
undo` restores; one shape for every write command (docs/json.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # each function imports what it uses: a write without --json needs none of it
    import datetime as dt

    from ceclog.cli.context import Context
    from ceclog.core.ledger.models import Ledger, Rules


def print_changes(c: Context, command: str, before: Ledger | None, after: Ledger | None) -> None:
    """Print the change document of `command` on stdout."""
    from ceclog.core.ledger.diff import diff
    from ceclog.output import data
    from ceclog.store.files import backup_path, real_path

    written = [(w.what, str(w.path)) for w in c.journal]
    saved = any(w.what in ("ledger", "restored") for w in c.journal)
    path = real_path(c.ledger_path)
    backup = str(backup_path(path)) if saved else None
    doc = data.changed(command, str(path), diff(before, after), written, backup)
    print(data.dumps(doc))


def say_changes(
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
    from ceclog.core.schedule.changes import describe_changes
    from ceclog.core.schedule.engine import evaluate
    from ceclog.output import terminal

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
