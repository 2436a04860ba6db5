"""One kind of finding, for every check and every file problem: a stable `code`, a message, the
place in the ledger's data it is about (located once, as `file:line`, by the shell), and a hint
that says how to fix it.  `CODES` lists every code with its severity and what it finds: the
registry `ceclog check CODE...` selects from, `status` summarises by, and docs/commands.md lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple

from ceclog.core.ledger.words import plural
from ceclog.errors import Location

Severity = Literal["error", "warning"]
DataPath = tuple[str | int, ...]


class Check(NamedTuple):
    severity: Severity
    about: str  # what it finds, in a few words
    summary: tuple[str, str] | None = None  # "{n} entry ...", "{n} entries ...": for `status`
    action: str | None = None  # the command that deals with them all, for `status`


CODES: dict[str, Check] = {
    # the file itself (found while reading it; nothing else is checked until they are fixed)
    "unreadable": Check("error", "the file is missing, unreadable, empty, too large or not UTF-8"),
    "toml-syntax": Check("error", "the file is not valid TOML"),
    "unknown-key": Check("error", "a key the format does not have (often a typo)"),
    "missing-key": Check("error", "a required key is missing"),
    "invalid-value": Check("error", "a value of the wrong type or out of range"),
    "duplicate": Check("error", "an entry id or certification code used twice"),
    "version": Check("error", "a ledger format version this ceclog cannot read"),
    "rules-file": Check("error", "the rules profile the ledger names is missing or broken"),
    # the ledger read against its rules
    "unknown-code": Check("error", "a certification code the rules do not know"),
    "unknown-kind": Check("error", "an entry kind the rules do not know"),
    "no-amount": Check("error", "an entry with neither hours nor credits"),
    "ended-before-earned": Check("error", "a certification that ends before it was earned"),
    "notice-before-earned": Check(
        "error", "a renewal notice due before the first certification was earned"
    ),
    "evidence-missing": Check("error", "a certificate file that is gone"),
    "evidence-changed": Check("error", "a certificate file changed since it was attached"),
    "evidence-refused": Check(
        "error", "a certificate path that leads out of evidence/ (a link) or is not a file"
    ),
    "future-certification": Check("warning", "a certification dated after today"),
    "not-held": Check("warning", "an entry for a certification you do not hold"),
    "unknown-exemption": Check("error", "an exemption the rules do not allow"),
    "exemption-not-yet": Check("warning", "a recorded exemption not in force yet"),
    "which-certification": Check(
        "warning", "an entry the rules count for one certification that names none or several"
    ),
    "future-entry": Check("warning", "a completed entry dated after today"),
    "planned-past": Check(
        "warning",
        "a planned entry whose date has passed",
        ("{n} planned entry's date has passed", "{n} planned entries' dates have passed"),
        "ceclog plan names them (ceclog edit ID --completed if taken)",
    ),
    "tracking-in-future": Check("warning", "tracking_since after today"),
    "notice-not-noted": Check("warning", "a renewal notice without the day it was noted"),
    "noted-in-future": Check("warning", "a renewal notice noted after today"),
    "unused-cec-due": Check("warning", "a certification's cec_due the rules do not use"),
    "no-requirement": Check("warning", "no certification that carries a requirement"),
    "date-in-future": Check("warning", "a submitted or posted date after today"),
    "date-order": Check(
        "warning", "submitted or posted before the class, or posted before submitted"
    ),
    "planned-submitted": Check("warning", "a planned entry marked submitted or posted"),
    "late-planned": Check("warning", "a planned entry applied to an earlier cycle"),
    "late-entry-moved": Check("warning", "a late entry whose cycle no longer ends that day"),
    "late-entry-inside": Check(
        "warning", "a late entry dated inside (or before) the cycle it is applied to"
    ),
    "late-in-future": Check("warning", "a late entry dated after today"),
    "topic-hours-over": Check(
        "warning", "an entry whose hours per topic add up to more than its hours"
    ),
    "unknown-topic": Check("warning", "a topic that counts toward none of the rules' minimums"),
    "unsubmitted": Check(
        "warning",
        "a completed entry not submitted 30 days after its date",
        (
            "{n} completed entry is not submitted after 30 days",
            "{n} completed entries are not submitted after 30 days",
        ),
        "ceclog export --format eml --cycle all --unsubmitted --mark-submitted",
    ),
    "assertion-failed": Check(
        "warning",
        "what the body's account showed (an assertion) differs from the ledger",
        (
            "{n} assertion of the body's record no longer agrees with the ledger",
            "{n} assertions of the body's record no longer agree with the ledger",
        ),
        "ceclog check assertion-failed",
    ),
    "duplicate-entry": Check(
        "warning",
        "an entry of the same date, title and amount as an earlier one: counted twice",
        (
            "{n} entry repeats an earlier one (same date, title and amount)",
            "{n} entries repeat earlier ones (same date, title and amount)",
        ),
        "ceclog check duplicate-entry",
    ),
    "duplicate-certificate": Check(
        "warning",
        "a certificate file attached to two entries: one class counted twice",
        (
            "{n} entry has the certificate file of an earlier one",
            "{n} entries have the certificate file of an earlier one",
        ),
        "ceclog check duplicate-certificate",
    ),
    "no-evidence": Check(
        "warning",
        "a completed entry without a certificate attached",
        (
            "{n} completed entry has no certificate attached",
            "{n} completed entries have no certificate attached",
        ),
        "ceclog attach ID FILE",
    ),
}


STRICT_CODES = frozenset({"assertion-failed"})  # warnings `check --strict` counts as errors
ERROR_CODES = frozenset(code for code, check in CODES.items() if check.severity == "error")


Words = Callable[..., tuple[str, str | None]]  # what a finding says: its message and its hint


class Finding:
    """One finding: `Finding(code, message, path, hint, where, strict)`, or `Finding.later`,
    whose words are made only when read.  Equal when every field is."""

    __slots__ = ("_args", "_hint", "_message", "_words", "code", "path", "strict", "where")

    code: str  # a key of CODES
    path: DataPath  # where in the ledger's data: ("entries", 3, "kind")
    where: Location | None  # the file and line, once the shell has located it
    strict: bool  # `check --strict`: a warning that counts as an error

    def __init__(
        self,
        code: str,
        message: str,
        path: DataPath = (),
        hint: str | None = None,
        where: Location | None = None,
        strict: bool = False,
    ) -> None:
        self.code = code
        self._message = message
        self.path = path
        self._hint = hint
        self.where = where
        self.strict = strict
        self._words: Words | None = None
        self._args: tuple[Any, ...] = ()

    @classmethod
    def later(cls, code: str, path: DataPath, words: Words, *args: Any) -> Finding:
        """A finding whose message and hint are `words(*args)`, made when first read: a check
        that may find something on every entry (no certificate, not submitted) formats nothing
        for `status`, which only counts them."""
        made = cls(code, "", path)
        made._words, made._args = words, args
        return made

    def _say(self) -> None:
        if self._words is not None:
            self._message, self._hint = self._words(*self._args)
            self._words, self._args = None, ()

    @property
    def message(self) -> str:
        self._say()
        return self._message

    @property
    def hint(self) -> str | None:
        self._say()
        return self._hint

    @property
    def severity(self) -> Severity:
        return "error" if self.strict or self.code in ERROR_CODES else "warning"

    def _fields(self) -> tuple[Any, ...]:
        return (self.code, self.message, self.path, self.hint, self.where, self.strict)

    def _replace(self, **changes: Any) -> Finding:
        """A copy with `changes` (of `code`, `message`, `path`, `hint`, `where`, `strict`); its
        words, when not made yet, still made only when read."""
        if "message" in changes or "hint" in changes:
            self._say()
        made = Finding.__new__(Finding)
        for name in Finding.__slots__:
            if hasattr(self, name):
                setattr(made, name, getattr(self, name))
        for name, value in changes.items():
            setattr(made, f"_{name}" if name in ("message", "hint") else name, value)
        return made

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = ("code", "message", "path", "hint", "where", "strict")
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"Finding({shown})"

    def __str__(self) -> str:
        text = f"{self.where}: {self.severity}: {self.message}" if self.where else self.message
        return f"{text}\n  hint: {self.hint}" if self.hint else text


def summary(code: str, count: int, action: str | None = None) -> str:
    """One line for `status`: how many findings of a code, and what to do about them (the
    check's own `action`, unless the caller knows a better one)."""
    check = CODES[code]
    if check.summary is not None:
        text = check.summary[0 if count == 1 else 1].format(n=count)
    else:
        text = f"{plural(count, 'finding')} of {code} ({check.about})"
    action = action or check.action or f"ceclog check {code}"
    return f"{text}: {action}"
