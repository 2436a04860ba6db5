"""What every command shares: the global options, loading the ledger and its rules, and
turning findings into located problems.  `ceclog.cli` imports this module for `Context` before
it knows the command (`--help` needs no ledger): what the functions use is imported in them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ceclog.errors import (
    CeclogError,
    LedgerError,
    NotFoundError,
)

if TYPE_CHECKING:
    from ceclog.core.checks.ledger import Checked, Facts
    from ceclog.core.ledger.findings import Finding
    from ceclog.core.ledger.models import Certification, Entry, Ledger, LoadedRules, Rules
    from ceclog.store.journal import Journal
    from ceclog.store.reading import Loaded

LEDGER_ENV = "CECLOG_LEDGER"
TODAY_ENV = "CECLOG_TODAY"


def default_ledger_path() -> Path:
    from ceclog.store.places import default_ledger

    return default_ledger()


class Context:
    """One run: its global options, and the journal of the files it wrote (filled by storage,
    read by `run()` to say what an error or an interrupt left written)."""

    def __init__(
        self,
        ledger_option: Path | None = None,
        today_option: str | None = None,
        debug: bool = False,
    ) -> None:
        self.ledger_option = ledger_option
        self.today_option = today_option
        self.debug = debug
        self.journal: Journal = []

    @property
    def ledger_path(self) -> Path:
        if self.ledger_option is not None:
            return self.ledger_option
        env = os.environ.get(LEDGER_ENV)
        return Path(env).expanduser() if env else default_ledger_path()

    @property
    def ledger_named(self) -> bool:
        """The ledger's path was given (--ledger or $CECLOG_LEDGER), not the default one."""
        return self.ledger_option is not None or bool(os.environ.get(LEDGER_ENV))

    def create_hint(self, path: Path, hint: str | None) -> str | None:
        """How to create the ledger missing at `path` (`hint`: the store's, which says
        `ceclog init`): there, when the user named it.  Any other hint is kept."""
        import shlex

        from ceclog.store.reading import CREATE_HINT

        if hint != CREATE_HINT or not self.ledger_named:
            return hint
        return hint.replace("ceclog init", f"ceclog --ledger {shlex.quote(str(path))} init")

    @property
    def today(self) -> dt.date:
        text = self.today_option or os.environ.get(TODAY_ENV)
        if text:
            from ceclog.core.ledger.fields import parse_date

            return parse_date(text, "--today" if self.today_option else TODAY_ENV)
        return dt.date.today()

    def load(self) -> tuple[Loaded, LoadedRules]:
        from ceclog.store import reading

        try:
            loaded = reading.load(self.ledger_path)
            return loaded, self.rules_for(loaded)
        except CeclogError as exc:
            exc.ledger = exc.ledger or self.ledger_path
            raise

    def load_ledger(self) -> Loaded:
        """The ledger alone, when its rules are not needed yet."""
        from ceclog.store import reading

        try:
            return reading.load(self.ledger_path)
        except CeclogError as exc:
            exc.ledger = exc.ledger or self.ledger_path
            raise

    def rules_for(self, loaded: Loaded) -> LoadedRules:
        """The rules the ledger names (see `store.rules.rules_of`)."""
        from ceclog.store.rules import rules_of

        return rules_of(loaded)


def problems(
    loaded: Loaded,
    rules: LoadedRules,
    today: dt.date,
    facts: Facts | None = None,
    codes: set[str] | None = None,
) -> list[Finding]:
    from ceclog.core.checks.ledger import run_checks
    from ceclog.store.parsing import locate

    findings = run_checks(loaded.ledger, rules.rules, today, facts, codes)
    return locate(findings, loaded.text, loaded.path)


def require_valid(loaded: Loaded, rules: LoadedRules, today: dt.date) -> Checked:
    """Refuse to compute figures from a ledger with errors; return its findings, warnings only
    (not yet located: finding their lines costs a scan of the file, which only some outputs
    need), and its evaluation (`.report`, made once: the checks may have made it already)."""
    from ceclog.core.checks.ledger import check_ledger
    from ceclog.core.ledger.words import plural
    from ceclog.store.parsing import locate

    checked = check_ledger(loaded.ledger, rules.rules, today)
    errors = locate(checked.errors, loaded.text, loaded.path)
    if errors:
        first = errors[0]
        more = len(errors) - 1
        raise LedgerError(
            first.message + (f" (and {plural(more, 'more error')})" if more else ""),
            where=first.where,
            hint=(first.hint + "; " if first.hint else "") + "`ceclog check` lists every problem",
        )
    return checked


def require_evidence(loaded: Loaded) -> None:
    """Refuse to export a record whose certificates are missing or changed since they were
    attached (each file is read and hashed)."""
    from ceclog.core.checks.entries import check_evidence
    from ceclog.store import evidence
    from ceclog.store.parsing import locate

    if not any(e.evidence for e in loaded.ledger.entries):
        return
    hashes = evidence.hashes(loaded.ledger, evidence.folder_of(loaded.path))
    found = check_evidence(loaded.ledger, hashes, report_bare=False)
    errors = locate([f for f in found if f.severity == "error"], loaded.text, loaded.path)
    if errors:
        first, more = errors[0], len(errors) - 1
        raise LedgerError(
            first.message + (f" (and {more} more)" if more else ""),
            where=first.where,
            hint=(first.hint + "; " if first.hint else "")
            + "a submission must carry the original certificates; `ceclog check` lists them",
        )


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (documented in docs/json.md).")]


def exit_for_states(states: Collection[str]) -> None:
    """`--check`'s exit code (status and team): 4 if anything is overdue, else 3 if anything
    is behind, due soon, or met but not yet submitted with the due date near; otherwise the
    command goes on."""
    from ceclog.core.schedule.results import urgency
    from ceclog.errors import EXIT_ATTENTION, EXIT_OVERDUE

    level = urgency(states)
    if level is not None:
        raise typer.Exit(EXIT_OVERDUE if level == "overdue" else EXIT_ATTENTION)


def emit(
    data: bytes, output: Path | None, journal: Journal, ledgers: set[Path], mode: int = 0o600
) -> None:
    """A command's data: on stdout, or written atomically to `output` with `mode` (never over
    one of `ledgers`, real paths, or their backups)."""
    import sys

    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ceclog.store import files

    files.write_output(output, data, journal, ledgers, mode)


def show_findings(found: list[Finding], as_json: bool) -> None:
    """Findings on stdout: one `file:line: severity: message` (and hint) each, or as JSON."""
    from ceclog.output import data
    from ceclog.output.terminal import console

    if as_json:
        print(data.dumps([data.finding(f) for f in found]))
        return
    out = console()
    for f in found:
        out.print(str(f), soft_wrap=True)


def info(lines: list[str]) -> None:
    """Notes on stderr, one line each: `note: ...`."""
    from ceclog.output.terminal import console

    err = console(stderr=True)
    for text in lines:
        err.print(f"note: {text}", soft_wrap=True)


def warn(messages: list[str]) -> None:
    """Warnings on stderr, one line each."""
    if messages:
        from ceclog.output.terminal import console

        err = console(stderr=True)
        for message in messages:
            err.print(f"warning: {message}")


def find_certification(ledger: Ledger, code: str, rules: Rules | None = None) -> Certification:
    """The ledger's certification `code` names (an alias of the rules: the code it stands for)."""
    code = code.strip().upper()
    if rules is not None:
        code = rules.canonical(code)
    for cert in ledger.certifications:
        if cert.code == code:
            return cert
    raise NotFoundError(
        f"{code} is not recorded in this ledger",
        hint="recorded: " + (", ".join(ledger.held_codes()) or "none"),
    )


def find_entry(ledger: Ledger, entry_id: int) -> Entry:
    entry = ledger.entry(entry_id)
    if entry is None:
        ids = [e.id for e in ledger.entries]
        raise NotFoundError(
            f"there is no entry {entry_id}",
            hint=f"entries are numbered {min(ids)} to {max(ids)}; see `ceclog list`"
            if ids
            else "the ledger has no entries yet",
        )
    return entry
