"""The ledger and a rules file, as plain frozen dataclasses (`record`: see `frozen`).

These are the objects the whole program works with.  They import nothing heavy, so a command
that reads a cached ledger starts fast.  How each field is validated when a file is read (strict
types, `extra="forbid"`, ranges, lengths) lives in `ceclog.store.schema`, which gives the annotation
names used here (`Text`, `Hours`, `Code`...) their Pydantic rules.  Numbers are `Decimal`, so
3.5 hours stay exactly 3.5 hours.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import suppress
from dataclasses import field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ceclog.core.ledger.frozen import Record, record

if TYPE_CHECKING:  # at run time ceclog.store.schema defines these names with their validation rules
    Int = int
    Bool = bool
    Date = dt.date
    Text = str
    LongText = str
    Email = str
    Code = str
    Name = str
    RelPath = str
    Sha256 = str
    MonthDay = str
    Hours = Decimal
    Credits = Decimal
    Positive = Decimal
    Rate = Decimal | Fraction  # hours_per_credit: a number, or an exact fraction ("50/60")
    TrackCredits = Decimal
    EntryId = int
    Months = int
    PaceMonths = int
    Days = int
    Sources = list[str]
    TrackCodes = list[str]
    KindMap = dict[str, "KindRule"]
    ExemptionMap = dict[str, "ExemptionRule"]
    Year = int
    Years = int
    CertMap = dict[str, str]
    TrackList = list["Track"]
    Quarter = int

CODE_RE = re.compile(r"^[A-Z][A-Z0-9-]{0,15}$")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# what a Text, LongText or Email may hold: ceclog.core.ledger.text (for the schema and the
# command line)

LEDGER_VERSION = 8  # see ceclog.store.migrations
MAX_HOURS = Decimal(1000)
MAX_CREDITS = Decimal(1000)
MAX_TEXT = 2_000
MAX_NOTES = 20_000

# The last day ceclog accepts as a date (in a ledger, on the command line): a cycle counted
# from a later day could run past 9999-12-31, the last day a date can have.
LAST_DAY = dt.date(9989, 12, 31)


# --- the ledger -------------------------------------------------------------------------------


@record
class Holder(Record):
    """The person the ledger is for, and what applies to all their records."""

    name: Text
    registrant_id: Text | None = None
    email: Email | None = None
    rules: Text = "iicrc"
    cec_due: Date | None = None  # the due date printed on the body's renewal notice
    cec_due_noted: Date | None = None  # the day that notice was recorded
    tracking_since: Date
    fee_due: MonthDay | None = None  # the annual renewal fee's day, "MM-DD" (calendar)
    last_entry_id: EntryId | None = None  # the highest entry ID ever given: never reused
    # how your certificates write a numeric date when the page does not say ("03/04/2026"):
    # add --from reads such a date this way (the page's own evidence first)
    dates: Literal["month-first", "day-first"] | None = None


@record
class Certification(Record):
    """A certification the holder earned (and, once dropped or lapsed, ended)."""

    code: Code
    earned: Date
    ended: Date | None = None  # dropped or lapsed: held up to the day before
    cec_due: Date | None = None
    cec_due_noted: Date | None = None

    def held_on(self, day: dt.date) -> bool:
        return self.earned <= day and (self.ended is None or day < self.ended)


@record
class Evidence(Record):
    """A file that proves an entry (a certificate), copied beside the ledger."""

    file: RelPath
    name: Text
    sha256: Sha256


@record
class Entry(Record):
    """A class, booth visit, webinar...: what was taken, when, and how much it counts."""

    id: EntryId
    date: Date
    title: Text
    kind: Name = "course"
    hours: Hours | None = None
    credits: Credits | None = None
    provider: Text | None = None
    approval: Text | None = None
    topics: list[Name] = field(default_factory=list)
    certifications: list[Code] = field(default_factory=list)
    notes: LongText | None = None
    planned: Bool = False
    submitted: Date | None = None
    posted: Date | None = None
    for_cycle: Date | None = None  # a late entry applied to the cycle ending on this date
    imported: Text | None = None  # where an imported entry came from: "FILE:ROW"
    event: Text | None = None  # entries with one event name share the per-event cap
    # hours per topic (version 5): each topic gets the credit of its own hours, not the whole
    topic_hours: dict[Name, Hours] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@record
class Assertion(Record):
    """What the body's account showed as posted at the end of `date`, for one requirement
    (named by its track or by a certification): `ceclog reconcile --record` (version 6)."""

    date: Date
    track: Name | None = None
    cert: Code | None = None
    posted: Credits
    source: Text | None = None
    evidence: list[Evidence] = field(default_factory=list)


@record
class Exemption(Record):
    """An exemption the holder records (`ceclog holder --exempt NAME --fact TEXT`): one of the
    rules' `[exemptions]`, the fact it rests on, from when (version 7)."""

    name: Name
    fact: Text  # what it rests on, in the holder's words ("licensed since 2014, no discipline")
    since: Date  # in force from this day
    cert: Code | None = None  # one requirement per certification: the one it exempts


@record
class Ledger(Record):
    """One holder's whole record: certifications, entries, assertions, exemptions."""

    version: Int
    holder: Holder
    certifications: list[Certification] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    exemptions: list[Exemption] = field(default_factory=list)

    def __post_init__(self) -> None:
        for table, key, message in REPEATS:
            values = list(map(attrgetter(key), getattr(self, table)))
            with suppress(TypeError):  # an unhashable value: see repeat_at
                if len(set(values)) == len(values):
                    continue  # no value twice (the usual case: found in one C loop)
            index = repeat_at(values)
            if index is not None:
                raise ValueError(message.format(values[index]))

    def held_codes(self) -> list[str]:
        return [c.code for c in self.certifications]

    def entry(self, entry_id: int) -> Entry | None:
        return self._by_id.get(entry_id)

    @cached_property  # a ledger is never changed in place (replace() makes a new one)
    def _by_id(self) -> dict[int, Entry]:
        return {e.id: e for e in self.entries}

    def next_id(self) -> int:
        """The ID for a new entry: after every ID ever given (`holder.last_entry_id` remembers
        the highest after an `rm` or an `undo`), so an ID never passes to another class."""
        return max([self.holder.last_entry_id or 0, *(e.id for e in self.entries)]) + 1

    def with_entry(self, entry: Entry) -> Ledger:
        """This ledger with `entry` in place of the entry of the same id."""
        from dataclasses import replace

        return replace(self, entries=[entry if e.id == entry.id else e for e in self.entries])


REPEATS = (
    ("entries", "id", "two entries have id = {}: give one of them a new id"),
    ("certifications", "code", "certification {} is listed twice: remove one"),
)


def repeat_at(values: list[Any]) -> int | None:
    """The index of the first value seen before (None and unhashable values are skipped)."""
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value is None or isinstance(value, dict | list):
            continue
        if value in seen:
            return index
        seen.add(value)
    return None


def first_repeat(data: dict[str, Any]) -> tuple[tuple[str, int, str], str] | None:
    """In raw ledger data: the first entry id or certification code used twice, where its
    second use is, and what to say (the check `Ledger` itself makes, with a location)."""
    for table, key, message in REPEATS:
        rows = data.get(table)
        rows = rows if isinstance(rows, list) else []
        values = [row.get(key) if isinstance(row, dict) else None for row in rows]
        index = repeat_at(values)
        if index is not None:
            return (table, index, key), message.format(values[index])
    return None


# --- a rules file ---------------------------------------------------------------------------


@record
class KindRule(Record):
    """What the rules credit for one kind of entry (a fixed value, caps, a minimum)."""

    description: Text | None = None
    fixed: Credits | None = None
    cap: Credits | None = None
    cycle_cap: Credits | None = None  # the most entries of this kind count in one cycle
    cycle_min: Credits | None = None  # the least they must count in one cycle
    topic: Name | None = None  # the topic minimum every entry of this kind counts toward


@record
class PlanStep(Record):
    """One activity of the rules' planning seed: a class of a kind, in a quarter of the year."""

    quarter: Quarter
    title: Text
    kind: Name
    hours: Hours | None = None
    credits: Credits | None = None


@record
class Track(Record):
    """One requirement of the rules: credits owed per cycle for some certifications."""

    name: Name
    title: Text
    certifications: TrackCodes
    credits: TrackCredits
    cycle_months: Months
    topics: dict[Name, Credits] = field(default_factory=dict)
    anchor_code: Code | None = None  # the track's cycles start from this code's earned date
    min_course_hours: Hours | None = None  # one completed class of at least this long a cycle


@record
class ExemptionRule(Record):
    """An exemption the rules allow (Florida's 10 years of licensure, ACAC's emeritus): a holder
    records it, with the fact it rests on, and owes no deadline while it is in force."""

    description: Text
    source: Text | None = None
    since: Date | None = None  # in force from this day (a law's effective date), if any
    held_years: Years | None = None  # the certification held this long, continuously


@record
class Rules(Record):
    """A rules profile: what a certifying body requires, and how it counts it."""

    name: Name
    title: Text
    source: Sources
    checked: Date
    effective: Text
    unit: Text = "CEC"
    unit_plural: Text | None = None
    hours_per_credit: Rate
    increment: Positive
    event_cap: Credits | None = None
    pool: Literal["holder", "certification"]
    anchor: Literal["earned", "calendar"] = "earned"
    cycle_start: MonthDay | None = None
    due_soon_days: Days = 90
    pace_months: PaceMonths = 12  # `behind` is judged in whole steps of this; 0 turns it off
    reinstatement_months: Months | None = None  # after a lapse: renew until, then reinstate
    carry_over: Credits | None = None  # the most a met cycle's surplus adds to the next one
    # fixed calendar periods: cycles start on cycle_start only in years a whole number of
    # cycles away from this one (Florida: every even year), the first holding the earned date
    reference_year: Year | None = None
    first_period: Literal["full", "none"] = "full"  # owed in a first period begun partway
    due: Literal["day-before", "anniversary"] = "day-before"  # the last day of a cycle
    entries_per_certification: Bool = False  # an entry counts for one certification only
    submission_email: Text | None = None
    default_kind: Name = "course"
    kinds: KindMap
    certifications: CertMap
    tracks: TrackList
    plan: list[PlanStep] = field(default_factory=list)  # a year in the body's rhythm
    aliases: dict[Code, Code] = field(default_factory=dict)  # another name -> its code
    topic_aliases: dict[Name, Name] = field(default_factory=dict)  # an entry's topic -> a track's
    exemptions: ExemptionMap = field(default_factory=dict)  # name -> what the rules allow
    unconfirmed: dict[Text, Text] = field(default_factory=dict)  # a key -> why no source states it

    def topic(self, name: str) -> str:
        """The topic minimum an entry's topic `name` counts toward: itself, or what it aliases."""
        return self.topic_aliases.get(name, name)

    def __post_init__(self) -> None:
        from dataclasses import asdict

        from ceclog.core.ledger.rules_refs import rules_problems

        problems = rules_problems(asdict(self))
        if problems:
            raise ValueError(problems[0][1])

    @property
    def units(self) -> str:
        return self.unit_plural or f"{self.unit}s"

    def hours_for(self, credits: Decimal) -> Decimal:
        """The hours of education `credits` stand for; with a fractional hours_per_credit,
        rounded up to a hundredth of an hour (enough to count them)."""
        if isinstance(self.hours_per_credit, Decimal):
            return credits * self.hours_per_credit
        hundredths = -(-(Fraction(credits) * self.hours_per_credit * 100) // 1)
        return Decimal(int(hundredths)) / 100

    def canonical(self, code: str) -> str:
        """The code `code` stands for: itself, or the code it is an alias of."""
        return self.aliases.get(code, code)

    def track_of(self, code: str) -> Track | None:
        return next((t for t in self.tracks if code in t.certifications), None)


class LoadedRules(NamedTuple):
    """A rules profile as found: the rules, the file they came from, and whether it is one of
    the profiles ceclog ships."""

    rules: Rules
    path: Path
    shipped: bool
