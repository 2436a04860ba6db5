"""The man page, ceclog(1), in roff, from the command definitions (`reference.commands`), so
that it says what `--help` says.  `python -m ceclog.cli.manpage` (in a source checkout) writes
it to man/ceclog.1, and the completion table to src/ceclog/completion.json; the wheel installs
the page as share/man/man1/ceclog.1."""

from __future__ import annotations

import re
import sys

from ceclog import __version__
from ceclog.cli.reference import MAN_PAGE, Command, commands, completion_json
from ceclog.completion import TABLE

ENVIRONMENT = (
    ("CECLOG_LEDGER", "The ledger file when --ledger is not given."),
    ("CECLOG_TODAY", "The day to compute for when --today is not given (YYYY-MM-DD)."),
    ("CECLOG_DEBUG", "Set: errors show their traceback, as with --debug."),
    ("CECLOG_CACHE_DIR", "Where validated ledgers and rules are cached (else the user cache)."),
    ("CECLOG_NO_CACHE", "Set: no cache is read or written."),
    ("NO_COLOR", "Set and not empty: no colour on a terminal (the layout stays the same)."),
)

EXIT_STATUS = (
    ("0", "Success."),
    ("1", "Bad input or data: the message says what, where, and how to fix it."),
    ("2", "Usage: an unknown command or option, a missing argument."),
    ("3", "status --check: something is due soon (or at risk)."),
    ("4", "status --check: something is overdue."),
    ("70", "An internal error (a bug: please report it)."),
    ("130", "Interrupted (Ctrl-C): the message says what was written."),
)


def text(value: str) -> str:
    """`value` as roff text: backslashes and dashes escaped, no line taken for a request."""
    value = value.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", value, flags=re.MULTILINE)


def _paragraphs(help_text: str) -> list[str]:
    """Help text as roff paragraphs (click's \\b blocks keep their lines)."""
    out: list[str] = []
    for block in help_text.strip().split("\n\n"):
        if block.startswith("\b\n"):
            out.append(".nf\n" + text(block[2:]) + "\n.fi")
        elif block.strip():
            out.append(text(" ".join(line.strip() for line in block.splitlines())))
    return out


def _option(shown: str, help_text: str) -> str:
    names, _, metavar = shown.partition(" ")
    head = f"\\fB{text(names)}\\fR" + (f" \\fI{text(metavar)}\\fR" if metavar else "")
    return f".TP\n{head}\n{text(' '.join(help_text.split()))}"


def _section(command: Command) -> list[str]:
    lines = [f'.SS "{text(" ".join(command.path))}"', f"\\fB{text(command.usage)}\\fR", ".PP"]
    lines += "\n.PP\n".join(_paragraphs(command.help)).splitlines()
    lines += [_option(o.shown, o.help) for o in command.options if "--help" not in o.names]
    for sub in command.commands:
        lines += _section(sub)
    return lines


def roff(root: Command) -> str:
    """ceclog(1): name, synopsis, description, global options, each command, environment,
    exit status."""
    lines = [
        f'.TH CECLOG 1 "" "ceclog {__version__}" "User Commands"',
        ".SH NAME",
        f"ceclog \\- {text(root.short.rstrip('.'))}",
        ".SH SYNOPSIS",
        "\\fBceclog\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        *"\n.PP\n".join(_paragraphs(root.help)).splitlines(),
        ".PP",
        "Every command has \\fB\\-\\-help\\fR; the manual is in docs/ (docs/commands.md).",
        ".SH OPTIONS",
        *(_option(o.shown, o.help) for o in root.options if "--help" not in o.names),
        ".SH COMMANDS",
    ]
    for command in root.commands:
        lines += _section(command)
    lines.append(".SH ENVIRONMENT")
    lines += [f".TP\n\\fB{name}\\fR\n{text(what)}" for name, what in ENVIRONMENT]
    lines.append(".SH EXIT STATUS")
    lines += [f".TP\n\\fB{code}\\fR\n{text(what)}" for code, what in EXIT_STATUS]
    return "\n".join(lines) + "\n"


def main() -> int:
    command = commands()
    TABLE.write_text(completion_json(command), encoding="utf-8")
    MAN_PAGE.parent.mkdir(exist_ok=True)
    MAN_PAGE.write_text(roff(command), encoding="utf-8")
    print(f"wrote {MAN_PAGE} and {TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
