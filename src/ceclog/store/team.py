"""Reading the ledgers of a firm for `ceclog team`: each one through the parse cache, with its own
rules (relative to its own folder) and validated as `status` would, without a lock and without
any write beside it. A ledger that cannot be read, or is invalid, becomes a
`core.firm.team.Member` carrying its first located error and the remedy: it never stops the
others."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shlex
from pathlib import Path
from typing import Any

from ceclog.core.checks.ledger import check_ledger
from ceclog.core.firm.horizon import moved, valid_until
from ceclog.core.firm.standing import Lapsed, ToSend
from ceclog.core.firm.team import Member, Row, member_rows
from ceclog.core.ledger.models import LoadedRules
from ceclog.core.ledger.words import plural
from ceclog.core.schedule.engine import evaluate
from ceclog.core.schedule.exemptions import Exempt
from ceclog.errors import CeclogError
from ceclog.store import cache, reading
from ceclog.store.discover import Found, looks_like_ledger
from ceclog.store.parsing import locate
from ceclog.store.reading import Loaded
from ceclog.store.rules import rules_named, rules_of

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
    return _read(found, today, seen_rules)[0]


def _read(
    found: Found,
    today: dt.date,
    seen_rules: dict[str, LoadedRules] | None,
    raw: bytes | None = None,
) -> tuple[Member, Loaded | None, LoadedRules | None]:
    if found.unreadable is not None:
        if found.unreadable in _DENIED:
            return denied(found), None, None
        reason = os.strerror(getattr(errno, found.unreadable, errno.EIO)).lower()
        remedy = f"check the file, then run {check_command(found.shown)}"
        error = f"{found.shown}: cannot read it: {reason}"
        return Member(found.shown, error=error, remedy=remedy), None, None
    path = Path(found.shown)
    if found.named and looks_like_ledger(path) is False:
        return (
            Member(
                found.shown,
                error=f"{found.shown}: not a ceclog ledger: no [holder] table",
                remedy="name ledger files only, or their folder",
            ),
            None,
            None,
        )
    try:
        loaded = reading.load(path, for_edit=False, raw=raw)
        rules = rules_of(loaded, seen_rules)
    except CeclogError as exc:
        if not os.access(path, os.R_OK) and os.path.exists(path):
            return denied(found), None, None
        where = f"{exc.where}: " if exc.where else f"{found.shown}: "
        remedy = exc.hint or f"run {check_command(found.shown)}"
        return Member(found.shown, error=where + exc.message, remedy=remedy), None, None
    checked = check_ledger(loaded.ledger, rules.rules, today)
    found_errors = checked.errors
    if found_errors:
        first = locate(found_errors, loaded.text, loaded.path)[0]
        more = len(found_errors) - 1
        error = f"{first.where}: {first.message}" if first.where else first.message
        remedy = first.hint or ""
        if more or not remedy:
            remedy += ("; " if remedy else "") + f"{check_command(found.shown)} lists every problem"
        return (
            Member(
                found.shown,
                error=error + (f" (and {plural(more, 'more error')})" if more else ""),
                remedy=remedy,
            ),
            None,
            None,
        )
    return Member(found.shown, loaded.ledger, rules.rules, report=checked.made), loaded, rules


# --- the rows of a ledger, remembered ---------------------------------------------------------
# A firm's ledgers change rarely, and `team` runs often (a cron job, the owner's morning): the
# rows of a valid ledger are kept in the cache with what they were computed from (the ledger's
# exact bytes, the rules' content, this ceclog) and the days they hold for (from the day they
# were computed to `core.firm.horizon.valid_until`, the first day a date may change them), so
# a run over unchanged ledgers, that day or a later one, reads each file, hashes it and reads
# its rows back, their counts of days worked out for the day.  Anything else is computed afresh.


class Reader:
    """One `team` run's reading: the rules files loaded so far (most ledgers of a firm name
    the same rules) and the fingerprint of each."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.rules: dict[str, LoadedRules] = {}
        self._prints: dict[int, str] = {}

    def rows(self, found: Found, plan_year: int | None = None) -> list[Row]:
        """The rows of one ledger: from the cache when nothing they depend on changed, else
        computed and remembered (rows with a plan, which keep their requirement, are always
        computed)."""
        remember = plan_year is None
        raw = None
        if remember and found.unreadable is None:
            try:  # read once: for the rows' cache key, then (on a miss) for the ledger itself
                raw = reading.read_bytes(Path(found.shown))
            except CeclogError:
                raw = None  # _read says what is wrong with it
            hit = None if raw is None else self._remembered(found, raw)
            if hit is not None:
                return hit
        member, loaded, rules = _read(found, self.today, self.rules, raw)
        if member.ledger is not None and member.rules is not None and member.report is None:
            # the evaluation the rows and their `valid_until` both read (one that fails:
            # member_rows makes it the row's error)
            with contextlib.suppress(CeclogError):
                member = member._replace(report=evaluate(member.ledger, member.rules, self.today))
        rows = member_rows(member, self.today, plan_year)
        if remember and loaded is not None and rules is not None:
            plain = [_plain(row) for row in rows]
            until = self.today + dt.timedelta(days=1)
            if member.report is not None:  # the rows' evaluation: until a date may change them
                until = valid_until(loaded.ledger, rules.rules, member.report)
            cache.put(
                "team",
                loaded.path,
                loaded.raw,
                today=self.today.isoformat(),
                until=until.isoformat(),
                units=rules.rules.units,
                rules=loaded.ledger.holder.rules,
                fingerprint=self._fingerprint(rules),
                rows=plain,
            )
        return rows

    def _fingerprint(self, rules: LoadedRules) -> str:
        """A digest of the rules' content (not their file: a copy counts the same)."""
        key = id(rules.rules)
        if key not in self._prints:
            import hashlib
            import json

            text = json.dumps(cache.compact(rules.rules), sort_keys=True, default=str)
            self._prints[key] = hashlib.sha256(text.encode()).hexdigest()
        return self._prints[key]

    def _remembered(self, found: Found, raw: bytes) -> list[Row] | None:
        path = Path(found.shown)
        doc = cache.get("team", path, raw)
        if doc is None:
            return None
        try:
            since, until = (dt.date.fromisoformat(doc[k]) for k in ("today", "until"))
            if not since <= self.today < until:
                return None
            rules = rules_named(doc["rules"], path.parent, self.rules)
            if doc["fingerprint"] != self._fingerprint(rules):
                return None
            if any(set(row) != _KEPT for row in doc["rows"]):
                return None  # remembered by a ceclog whose rows had other fields
            rows = [_row_from(found.shown, row) for row in doc["rows"]]
            if since == self.today:
                return rows
            return [moved(row, self.today, doc["units"]) for row in rows]
        except (CeclogError, KeyError, TypeError, ValueError):
            return None


_KEPT = frozenset(Row._fields) - {"file", "error", "duplicates", "requirement", "plan"}


def _plain(row: Row) -> dict[str, Any]:
    """A row as the cache keeps it: its fields, each part (the lapse, what to send, the
    exemption) as a mapping."""
    out: dict[str, Any] = {}
    for key, value in row._asdict().items():
        if key in _KEPT:
            out[key] = value._asdict() if key in _PARTS and value is not None else value
    return out


def _row_from(file: str, plain: dict[str, Any]) -> Row:
    values = {**plain, "certifications": tuple(plain["certifications"])}
    for key, kind in _PARTS.items():
        part = plain.get(key)
        if isinstance(part, dict):
            if "entries" in part:
                part = {**part, "entries": tuple(part["entries"])}
            values[key] = kind(**part)
    return Row(file=file, **values)


_PARTS = {"lapse": Lapsed, "to_submit": ToSend, "exempt": Exempt}
