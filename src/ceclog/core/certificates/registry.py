"""The certificate reader's fields, each declared once: its value shape (how the text read
becomes a value, and how a value the user types at the prompt is checked), the check it adds
to that shape, and what the reader does with it (written to the entry, compared with the
ledger's holder, or only shown).  The words that find a field on a page (its labels, phrases
and word lists) are data: `data/cert_patterns.toml`, under `[fields.<name>]`, which
`patterns` binds to the field declared here.

Adding a wording to a field is a change to the patterns file alone; adding a field is one
`FieldReader` below plus its `[fields.<name>]` section; the reader, the table shown and the
`--json` document take every field from here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from ceclog.core.certificates.dates import read_date
from ceclog.core.certificates.values import (
    FieldWords,
    Parsed,
    code_check,
    date_value,
    name_check,
    number_value,
    provider_check,
    text_value,
    title_check,
)
from ceclog.core.ledger.fields import parse_amount, parse_date
from ceclog.errors import InputError


class Role(Enum):
    ENTRY = "entry"  # prefilled, and written to the entry by `add`
    READ = "read"  # prefilled for the reader's own use, never written (the attendee)
    SHOWN = "shown"  # read and shown, never prefilled (an issue or expiry date)


class Check(Protocol):
    """A field's own rule on top of its shape: the value as read (`raw`: the text before it
    was cleaned) and the field's word lists, to the value taken or why it cannot be."""

    def __call__(self, value: str, raw: str, words: FieldWords) -> Parsed: ...


@dataclass(frozen=True)
class Shape:
    """A kind of value: how certificate text becomes one, how a value typed at the prompt is
    checked (as the command line checks it), and whether the prompt offers what was read as
    numbered choices (a number typed is the value itself, not a choice)."""

    name: str
    read: Callable[[str], Parsed]
    typed: Callable[[str, str], str]  # (value, field) -> the value, or an InputError
    choices: bool


ISO_HINT = "write it as YYYY-MM-DD, e.g. 2026-11-19"


def _typed_date(value: str, field: str) -> str:
    """YYYY-MM-DD as the command line takes it, or a date as a certificate prints it when it
    reads one way only ("11/19/2026", "November 19, 2026"), read as the reader reads it
    (a range is refused: the prompt takes one day)."""
    try:
        return str(parse_date(value, f"the {field}"))
    except InputError as exc:
        if "is not a date" not in exc.message:  # a real date's rule: "2026-02-30"
            raise
        read = read_date(value)
    if read.value is not None and not any(n.startswith("a range") for n in read.notes):
        return str(parse_date(str(read.value), f"the {field}"))
    if len(read.readings) == 2:
        first, second = read.readings
        raise InputError(
            f"the {field} {value!r} reads two ways: {first} (month first) or {second} (day first)",
            hint=f"write it as YYYY-MM-DD: {first} or {second}",
        )
    if read.value is None and read.problem and read.problem != "no date in it":
        raise InputError(f"the {field}: {read.problem}", hint=ISO_HINT)  # "no such day"
    raise InputError(f"the {field} {value!r} is not a date", hint=ISO_HINT)


def _typed_amount(value: str, field: str) -> str:
    return str(parse_amount(value, field))


def _typed_text(value: str, field: str) -> str:
    return value


DATE = Shape("date", date_value, _typed_date, choices=True)
NUMBER = Shape("number", number_value, _typed_amount, choices=False)
TEXT = Shape("text", text_value, _typed_text, choices=True)


@dataclass(frozen=True)
class FieldReader:
    """One field of a certificate, as the reader knows it."""

    name: str  # its name in the entry, the table shown and --json, and [fields.<name>]
    shape: Shape
    role: Role = Role.ENTRY
    check: Check | None = None  # run when the shape found no problem
    words: tuple[str, ...] = ()  # the word lists its check reads, beyond not_if ("not_end")
    names_class: bool = False  # read by a label or a phrase, it makes a page a class's
    completion: bool = False  # the class's date: one after today is no class taken
    holder: bool = False  # the person the certificate is for: compared with the holder
    shown_why: str = ""  # Role.SHOWN: why it is never prefilled

    def __post_init__(self) -> None:
        if (self.role is Role.SHOWN) != bool(self.shown_why):
            raise ValueError(f"field {self.name!r}: shown_why goes with Role.SHOWN, and only")


class Registry:
    """The fields, in the order they are shown; each name once."""

    def __init__(self, readers: tuple[FieldReader, ...]) -> None:
        names = [r.name for r in readers]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"fields declared twice: {', '.join(twice)}")
        self._readers = {r.name: r for r in readers}

    def __iter__(self) -> Iterator[FieldReader]:
        return iter(self._readers.values())

    def __getitem__(self, name: str) -> FieldReader:
        return self._readers[name]

    def __contains__(self, name: object) -> bool:
        return name in self._readers

    def names(self, *roles: Role) -> tuple[str, ...]:
        return tuple(r.name for r in self if not roles or r.role in roles)

    def plus(self, *readers: FieldReader) -> Registry:
        """This registry with more fields after its own (a field declared twice is refused)."""
        return Registry((*self, *readers))


COMPLETION_WINS = "the class's date is its completion date"
REGISTRY = Registry(
    (
        FieldReader("title", TEXT, check=title_check, words=("not_end",), names_class=True),
        FieldReader("date", DATE, names_class=True, completion=True),
        FieldReader("hours", NUMBER, names_class=True),
        FieldReader("credits", NUMBER, names_class=True),
        FieldReader("provider", TEXT, check=provider_check, words=("places",)),
        FieldReader("approval", TEXT, check=code_check),
        FieldReader("attendee", TEXT, Role.READ, check=name_check, holder=True, words=("firms",)),
        FieldReader("issued", DATE, Role.SHOWN, shown_why=COMPLETION_WINS),
        FieldReader("expires", DATE, Role.SHOWN, shown_why=COMPLETION_WINS),
    )
)
ENTRY_FIELDS = REGISTRY.names(Role.ENTRY)  # what `add --from` prefills and writes
