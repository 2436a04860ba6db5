"""Learning each school once (add --from): where a school's certificate put each field, taken
from a certificate the user accepted at the terminal, and used to read the next certificate
from the same school.  Pure: the store keeps the memory in a file (`store.school_memory`).

A school is known by its letterhead (the first line of its certificate) or by the provider's
name the user accepted; the approval number's format is kept and shown, never used alone to
tell schools apart (many print "C-1234").  For each field the memory holds the text printed
before the value (its label, "Session Closed:") and whether the value stands on the line
below it.  A remembered value fills only a field the reading left empty, and is shown as
"read as on your certificate from SCHOOL of DATE"."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.decided import Certificate, FieldReading
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.registry import ENTRY_FIELDS, REGISTRY

MEMORY = "memory"  # a Candidate's kind: read as the memory of its school says
NOT_CONFIRMED = (
    "remembered from {school}: --yes takes a school's remembered values once you have "
    "accepted one of its certificates read that way at a terminal"
)


@dataclass(frozen=True)
class Clue:
    """Where a field's value stood: after `label` on its line, or under it (`below`)."""

    label: str
    below: bool
    shape: str  # the value's shape as printed: "99/99/9999" (digits 9, letters A)
    reads: str = ""  # a date that reads two ways: "month first" or "day first", as accepted


@dataclass(frozen=True)
class School:
    name: str  # the provider the user accepted, else the letterhead
    letterhead: str | None
    provider: str | None
    approval_shape: str | None
    learned: str  # the date of the certificate it was learned from (YYYY-MM-DD)
    file: str  # that certificate's file name
    confirmed: bool  # a certificate read with this memory was accepted unchanged at a terminal
    fields: dict[str, Clue]

    @property
    def said(self) -> str:
        return f"read as on your certificate from {self.name} of {self.learned}"


def shape_of(text: str) -> str:
    """A value's printed shape: "HPA-2026-07" -> "AAA-9999-99"."""
    return re.sub(r"[^\W\d_]", "A", re.sub(r"\d", "9", text))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _section(cert: Certificate, lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.page in cert.pages and ln.text.strip()]


def letterhead(cert: Certificate, lines: list[Line]) -> str | None:
    section = _section(cert, lines)
    return chunks(section[0].text)[0][1] if section else None


ORDERS = ("month first", "day first")  # a two-way date's readings, in the order dates.py gives


def _reading(field: str, text: str, value: str) -> str | None:
    """How `text` reads as the accepted `value` ("" plainly, or a two-way date's order)."""
    parsed = REGISTRY[field].shape.read(text.strip(" :;,"))
    if parsed.problem is None and _fold(parsed.value) == _fold(value):
        return ""
    if value in parsed.readings[:2]:
        return ORDERS[parsed.readings.index(value)]
    return None


def _clue(field: str, value: str, section: list[Line]) -> Clue | None:
    """Where `value` (accepted for `field`) stands in the section, and what precedes it."""
    for i, line in enumerate(section):
        pieces = chunks(line.text)
        for k, (start, text) in enumerate(pieces):
            head, colon, rest = text.partition(":")
            how = _reading(field, rest, value) if colon and rest.strip() else None
            if how is not None:
                return Clue(head.strip() + ":", False, shape_of(rest.strip()), how)
            how = _reading(field, text, value)
            if how is None:
                continue
            if k > 0:
                return Clue(pieces[k - 1][1], False, shape_of(text), how)
            above = chunks(section[i - 1].text) if i > 0 else []
            if above and section[i - 1].page == line.page:
                nearest = min(above, key=lambda p: abs(p[0] - start))
                return Clue(nearest[1], True, shape_of(text), how)
    return None


def learn(
    cert: Certificate,
    lines: list[Line],
    values: dict[str, str | None],
    file: str,
    before: School | None = None,
    typed: Collection[str] = (),
) -> School | None:
    """What the accepted `values` teach about the certificate's school (None: no name to
    know it by).  What `before` knew of fields not found this time is kept, and so is the
    provider it knew unless the user typed another one (`typed`: the fields changed at the
    prompt): a reading only confirms a name, never respells it."""
    head = letterhead(cert, lines)
    provider = values.get("provider")
    if before is not None and before.provider and "provider" not in typed:
        provider = before.provider
    name = before.name if before is not None else (provider or head)
    if not name or not values.get("date"):
        return None
    section = _section(cert, lines)
    found: dict[str, Clue] = dict(before.fields) if before is not None else {}
    for field in ENTRY_FIELDS:
        value = values.get(field)
        clue = _clue(field, value, section) if value else None
        if clue is not None:
            found[field] = clue
    approval = values.get("approval")
    return School(
        name=name,
        letterhead=head,
        provider=provider,
        approval_shape=shape_of(approval) if approval else None,
        learned=str(values["date"]),
        file=file,
        confirmed=before.confirmed if before is not None else False,
        fields=found,
    )


def identify(schools: list[School], cert: Certificate, lines: list[Line]) -> School | None:
    """The remembered school whose certificate this is: the same letterhead, or a provider
    read on it that is the school's."""
    head = letterhead(cert, lines)
    read = {_fold(c.value) for c in cert.fields["provider"].candidates}
    for school in schools:
        if head and school.letterhead and _fold(head) == _fold(school.letterhead):
            return school
        if {_fold(n) for n in (school.name, school.provider) if n} & read:
            return school
    return None


def _span(clue: Clue, section: list[Line]) -> Span | None:
    label = _fold(clue.label)
    for i, line in enumerate(section):
        pieces = chunks(line.text)
        for k, (start, text) in enumerate(pieces):
            head, colon, rest = text.partition(":")
            if clue.label.endswith(":") and colon and _fold(head + ":") == label and rest.strip():
                at = start + len(head) + 1 + (len(rest) - len(rest.lstrip()))
                return Span(line, at, start + len(text))
            if _fold(text) != label:
                continue
            if not clue.below and k + 1 < len(pieces):
                return Span(line, pieces[k + 1][0], pieces[k + 1][0] + len(pieces[k + 1][1]))
            below = chunks(section[i + 1].text) if clue.below and i + 1 < len(section) else []
            if below and section[i + 1].page == line.page:
                x, piece = min(below, key=lambda p: abs(p[0] - start))
                return Span(section[i + 1], x, x + len(piece))
    return None


def _ordered(got: Candidate | None, clue: Clue) -> Candidate | None:
    """A date that reads two ways, read in the order the school's certificate was accepted."""
    if got is None or clue.reads not in ORDERS or len(got.readings) < 2:
        return got
    value = got.readings[ORDERS.index(clue.reads)]
    return replace(got, value=value, problem=None, notes=(*got.notes, f"read {clue.reads}"))


def _filled(reading: FieldReading, got: Candidate, confirmed: bool, school: School) -> FieldReading:
    if got.problem is None and not confirmed:
        got = replace(got, problem=NOT_CONFIRMED.format(school=school.name))
    cands = (*reading.candidates, got)
    if got.problem is not None:
        return FieldReading(reading.role, cands, None, got.problem)
    return FieldReading(reading.role, cands, got, None)


def _named(school: School, section: list[Line]) -> Candidate:
    """The school's provider as the user accepted it, shown on the letterhead's line."""
    first = section[0]
    return Candidate(
        field="provider",
        value=school.provider or school.name,
        text=first.text.strip(),
        how=f"{school.said} (the provider)",
        kind=MEMORY,
        page=first.page,
        line=first.number,
        words=(),
        confidence=None,
        low=False,
    )


def _renamed(reading: FieldReading, school: School, confirmed: bool) -> bool:
    """The reading took the school's own name (its letterhead, or the name in another
    spelling) where the user accepted it spelled otherwise, or did not confirm it: the
    user's spelling, confirmed, wins."""
    got = reading.prefill
    if got is None or not school.provider or not confirmed:
        return False
    if got.value == school.provider:  # the letterhead as the user confirmed it: now confirmed
        return got.unconfirmed is not None
    known = {_fold(n) for n in (school.name, school.provider, school.letterhead) if n}
    return got.kind == "letterhead" or _fold(got.value) in known


def recall(
    school: School,
    cert: Certificate,
    lines: list[Line],
    patterns: Patterns,
    *,
    yes: bool = False,
) -> tuple[Certificate, tuple[str, ...]]:
    """The certificate with each field the reading left empty read where `school`'s
    certificate had it, and the fields so filled.  `yes` (no person to confirm): a school
    never confirmed fills nothing; its values are shown as not taken, and why."""
    section = _section(cert, lines)
    fields = dict(cert.fields)
    filled: list[str] = []
    confirmed = school.confirmed or not yes
    for field in ENTRY_FIELDS:
        if field == "provider" and section and _renamed(fields[field], school, confirmed):
            fields[field] = _filled(fields[field], _named(school, section), True, school)
            filled.append(field)
            continue
        if fields[field].prefill is not None:
            continue
        clue = school.fields.get(field)
        span = _span(clue, section) if clue is not None else None
        got = None
        if span is not None and clue is not None:
            how = f'{school.said} (label "{clue.label.rstrip(":")}")'
            got = _ordered(candidate(field, span, how, MEMORY, patterns), clue)
        elif field == "provider" and school.provider and section:
            got = _named(school, section)
        if got is not None:
            fields[field] = _filled(fields[field], got, confirmed, school)
            filled += [field] if fields[field].prefill is not None else []
    return replace(cert, fields=fields), tuple(filled)
