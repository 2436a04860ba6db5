"""The commands, each with the module that defines it and the first paragraph of its help:
`ceclog --help` lists them all from here, without importing the command modules (a run
imports only the module of the command it runs).  tests/test_interface.py checks that this
table says what the commands themselves say."""

from __future__ import annotations

from typing import Any

import typer.core

# name: (module, summary), in the order --help lists them (commands, then groups)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("ledger_cmds", "Start a new ledger (never replaces an existing one)."),
    "holder": (
        "ledger_cmds",
        "Show the ledger's holder, or change it (for example the due date on a renewal notice).",
    ),
    "undo": (
        "ledger_cmds",
        "Restore the previous version of the ledger (from ledger.toml.bak); run it again to redo.",
    ),
    "add": (
        "entries",
        "Record a class (or a booth visit, webinar...): prints what it counts and why.",
    ),
    "list": ("entries", "List entries with what each counts and why."),
    "edit": (
        "entries",
        "Change an entry; only the options given change (--cert/--topic replace the list).",
    ),
    "rm": ("entries", "Remove an entry (asks first unless --yes)."),
    "status": (
        "reports",
        "Where each requirement stands: counted, remaining, due date and state.",
    ),
    "check": (
        "reports",
        "Validate the ledger and its rules: prints path:line: findings; exit 1 on errors.",
    ),
    "attach": (
        "submission",
        "Keep a certificate with an entry: copied into evidence/ beside the ledger.",
    ),
    "submit": ("submission", "Record that entries were sent to the certifying body."),
    "posted": ("submission", "Record that the certifying body has credited (posted) entries."),
    "export": (
        "export_cmd",
        "Export entries and the requirement summary: the record for your submission email.",
    ),
    "plan": (
        "plan_cmd",
        "Plan what is still needed by each due date: pace per quarter and per year, the quarter "
        "table, planned entries to fix, and suggested classes.",
    ),
    "team": (
        "team_cmd",
        "The team's CEC status over many ledgers: one row per technician and requirement.",
    ),
    "calendar": (
        "calendar_cmd",
        "Your due dates, reminders, planned classes and renewal fee as a calendar (.ics).",
    ),
    "team-calendar": (
        "calendar_cmd",
        "One calendar for the firm over the ledgers `ceclog team` reads, each event naming the "
        "technician.",
    ),
    "import": (
        "import_cmd",
        "Import classes from a workbook, a CSV or a ceclog export: a dry run unless --yes.",
    ),
    "reconcile": (
        "reconcile_cmd",
        "Check the ledger against the body's record; exit 0 if they agree, 1 if not.",
    ),
    "merge": ("merge_cmd", "Merge another version of the ledger into it: a dry run unless --yes."),
    "merge-driver": (
        "merge_cmd",
        "A git merge driver for ledgers: merges by meaning, the result into OURS; exit 0 when "
        "merged, 1 when a field changed on both sides needs a person (OURS is then a valid "
        "ledger holding this side's values of those fields).  See docs/firms.md.",
    ),
    "cert": ("cert_cmd", "Record, list and remove your certifications."),
    "rules": ("rules_cmd", "List, show and check rules profiles."),
}


def _not_loaded(*args: Any, **kwargs: Any) -> None:
    raise RuntimeError("a command listed for help was run before its module was imported")


class Listing(typer.core.TyperGroup):
    """The top-level group: every command of `COMMANDS` is listed, in that order, whether or
    not its module was imported (one that was not is listed from its summary here)."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            summary = COMMANDS[cmd_name][1]
            return typer.core.TyperCommand(cmd_name, help=summary, callback=_not_loaded)
        return command
