"""Errors ceclog reports to its user.

Every error carries a message that says what is wrong, optionally where (a file and a line)
and how to fix it.  The CLI is the only place that prints them and turns them into exit codes;
the core only raises them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_ATTENTION = 3  # `--check`: something is behind, due soon or to submit
EXIT_OVERDUE = 4  # `--check`: something is overdue


class Location(NamedTuple):
    """A place in a file: the path as the user named it, and a 1-based line if known."""

    path: Path | str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class CeclogError(Exception):
    """A problem with the user's input or data: one clear message, exit code 1."""

    exit_code = EXIT_DATA

    code = "unreadable"  # the finding code `ceclog check` reports it under (core.findings)

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        where: Location | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where
        if code is not None:
            self.code = code
        # every problem found, when there were several (a file that does not validate)
        self.problems: list[Any] = []
        # the ledger the command was using, named when the message itself does not
        self.ledger: Path | None = None

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        if self.ledger is not None and self.where is None:
            text += f"\n  ledger: {self.ledger}"
        return text


class LedgerError(CeclogError):
    """The ledger file is missing, unreadable, malformed or invalid."""


class NoLedger(LedgerError):
    """There is no ledger at the path: its hint says how to create one (there)."""


class RulesError(CeclogError):
    """A rules file is missing, malformed or invalid."""

    code = "rules-file"


class Declined(CeclogError):
    """The user answered no (or q) to a question: their choice, not an error.  Printed as
    its message alone ("nothing was written", no "error:"), exit 1 all the same, so that a
    script knows the command did not do what it was asked."""

    def __init__(self, message: str = "nothing was written") -> None:
        super().__init__(message)


class InputError(CeclogError):
    """A command-line value is not acceptable (unknown code, negative hours, bad date...)."""


class NotFoundError(CeclogError):
    """An entry or certification named on the command line does not exist."""


class LockError(CeclogError):
    """Another ceclog holds the ledger's lock for too long."""


class UsageError(CeclogError):
    """The command line itself is wrong (options that exclude each other, nothing to do)."""

    exit_code = EXIT_USAGE
