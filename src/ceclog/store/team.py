"""Reading the ledgers of a firm for `ceclog team`: each one through the parse cache, with its
own rules (relative to its own folder) and validated as `status` would, without a lock and
without any write beside it.  A ledger that cannot be read, or is invalid, becomes a
`core.team.Member` carrying its first located error and the remedy: it never stops the others."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shlex
from pathlib import Path

from ceclog.core.checks import run_checks
from ceclog.core.models import LoadedRules
from ceclog.core.team import Member
from ceclog.core.words import plural
from ceclog.errors import CeclogError
from ceclog.store import reading
from ceclog.store.discover import Found, looks_like_ledger
from ceclog.store.parsing import locate
from ceclog.store.rules import rules_of

_DENIED = {errno.errorcode[errno.EACCES], errno.errorcode[errno.EPERM]}


def denied(found: Found) -> Member:
    """A file (or folder) the owner may not read: what to ask its owner."""
    mode = "g+rx" if found.folder else "g+r"
    return Member(
        found.shown,
        error=f"{found.shown}: permission denied",
        remedy=f"ask its owner to run `chmod {mode} {shlex.quote(found.shown)}`, or create "
        "shared ledgers with `ceclog init --shared`",
    )


def check_command(shown: str) -> str:
    return f"`ceclog --ledger {shlex.quote(shown)} check`"


def read_member(
    found: Found, today: dt.date, seen_rules: dict[str, LoadedRules] | None = None
) -> Member:
    """One ledger, read and validated, or the reason it is not.  `seen_rules`: the rules files
    this run has loaded already (see `store.rules.rules_of`)."""
    if found.unreadable is not None:
        if found.unreadable in _DENIED:
            return denied(found)
        reason = os.strerror(getattr(errno, found.unreadable, errno.EIO)).lower()
        return Member(found.shown, error=f"{found.shown}: cannot read it: {reason}",
                      remedy=f"check the file, then run {check_command(found.shown)}")  # fmt: skip
    path = Path(found.shown)
    if found.named and looks_like_ledger(path) is False:
        return Member(
            found.shown,
            error=f"{found.shown}: not a ceclog ledger: no [holder] table",
            remedy="name ledger files only, or their folder",
        )
    try:
        loaded = reading.load(path)
        rules = rules_of(loaded, seen_rules)
    except CeclogError as exc:
        if not os.access(path, os.R_OK) and os.path.exists(path):
            return denied(found)
        where = f"{exc.where}: " if exc.where else f"{found.shown}: "
        return Member(found.shown, error=where + exc.message,
                      remedy=exc.hint or f"run {check_command(found.shown)}")  # fmt: skip
    found_errors = [
        f for f in run_checks(loaded.ledger, rules.rules, today) if f.severity == "error"
    ]
    if found_errors:
        first = locate(found_errors, loaded.text, loaded.path)[0]
        more = len(found_errors) - 1
        error = f"{first.where}: {first.message}" if first.where else first.message
        remedy = first.hint or ""
        if more or not remedy:
            remedy += ("; " if remedy else "") + f"{check_command(found.shown)} lists every problem"
        return Member(
            found.shown,
            error=error + (f" (and {plural(more, 'more error')})" if more else ""),
            remedy=remedy,
        )
    return Member(found.shown, loaded.ledger, rules.rules)
