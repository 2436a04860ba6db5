"""What a certificate's candidates come to: each field's reading (what is prefilled, or why
nothing is), decided among its candidates; the person it is for compared with the ledger's
holder; and what `--yes` takes without asking.  Pure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ceclog.core.certificates.candidates import Candidate
from ceclog.core.certificates.registry import FieldReader, Role


@dataclass(frozen=True)
class FieldReading:
    role: Role
    candidates: tuple[Candidate, ...]
    prefill: Candidate | None
    why: str | None  # why nothing is prefilled although something was read


@dataclass(frozen=True)
class Certificate:
    number: int
    pages: tuple[int, ...]
    fields: dict[str, FieldReading]  # every registry field, in its order
    warnings: tuple[str, ...]

    def value(self, field: str) -> str | None:
        chosen = self.fields[field].prefill
        return chosen.value if chosen is not None else None


def decide(reader: FieldReader, found: list[Candidate]) -> FieldReading:
    cands = tuple(_yielded(c, tuple(found)) for c in found)
    if reader.role is Role.SHOWN:
        why = f"shown only: {reader.shown_why}" if cands else None
        return FieldReading(reader.role, cands, None, why)
    sure = [c for c in cands if c.kind != "guess"]
    if not sure:
        return FieldReading(reader.role, cands, None, "only a guess: type it" if cands else None)
    # a value about something else is never a conflict, nor does it push a weak one aside
    deciding = [c for c in sure if not c.elsewhere] or sure
    # nor is one its field's check refuses ("Training" as a name) beside one it takes
    deciding = [c for c in deciding if not c.invalid] or deciding
    deciding = [c for c in deciding if not c.weak] or deciding
    # a line read two ways, one giving a value ("Total instruction time was 14 hours": the
    # label's "time was 14 hours." is no number, the phrase's 14 is): the value
    clean = {(c.page, c.line) for c in deciding if c.problem is None}
    deciding = [c for c in deciding if c.problem is None or (c.page, c.line) not in clean]
    values = list(dict.fromkeys(c.value.casefold() for c in deciding))
    if len(values) > 1:
        shown = "; ".join(dict.fromkeys(c.value for c in deciding))
        return FieldReading(reader.role, cands, None, f"conflicting values ({shown}): say which")
    usable = [c for c in deciding if c.problem is None]
    if not usable:
        return FieldReading(reader.role, cands, None, deciding[0].problem)
    return FieldReading(reader.role, cands, usable[0], None)


_EVENT = re.compile(r"\b(?:expo|exposition|convention|conference|symposium|trade\s+show)\b", re.I)


def _yielded(got: Candidate, cands: tuple[Candidate, ...]) -> Candidate:
    """A value read by a label that yields ("Hosted by: Jon-Don", a distributor hosting a
    manufacturer's class) is left for the user when the letterhead names someone else, and
    gives way to it when the letterhead reads as the school's or the firm's name; an event's
    name on the letterhead ("Gulf States Restoration Expo") gives way to its host."""
    if not got.yields or got.problem is not None:
        return got
    mine = set(_fold(got.value))
    heads = (c for c in cands if c.kind in ("guess", "letterhead") and not _EVENT.search(c.value))
    for head in heads:
        theirs = set(_fold(head.value))
        if not (mine <= theirs or theirs <= mine):
            if head.kind == "letterhead":  # the school's name: the host gives way to it
                why = f"the host; the letterhead names {head.value!r}"
                return replace(got, problem=why, elsewhere=True)
            why = f"the host ({got.value!r}); the letterhead names {head.value!r}: say which"
            return replace(got, problem=why)
    return got


def _fold(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if len(w) > 1]  # initials aside: "Jane Q. Smith" is Jane Smith


def same_person(printed: str, holder: str) -> bool:
    """The holder's name as a certificate prints it: case, accents, punctuation and initials
    aside, in any order ("SMITH, JANE"), designations after it ("Jane Smith, WRT, ASD") too:
    the holder's first and last names are both there (a middle name may be left out)."""
    names = set(_fold(printed))
    mine = _fold(holder)
    return bool(mine) and mine[0] in names and mine[-1] in names


def _bare(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def as_holder(reading: FieldReading, holder: str | None) -> FieldReading:
    """The holder's name as the ledger spells it where the certificate's differs by its
    accents alone (OCR reads "Domínguez" as "Dominguez")."""
    person = reading.prefill
    if person is None or not holder or person.value == holder:
        return reading
    if _bare(person.value) != _bare(holder):
        return reading
    note = f"read as {person.value!r}: the holder's name, as the ledger spells it"
    return replace(reading, prefill=replace(person, value=holder, notes=(*person.notes, note)))


def not_theirs(reading: FieldReading, holder: str | None) -> str | None:
    """A warning when the person a certificate is for is not the ledger's holder."""
    person = reading.prefill
    if person is None or not holder or same_person(person.value, holder):
        return None
    return (
        f"the certificate is for {person.value!r}, not {holder!r}, the ledger's holder: is it "
        "yours?"
    )


def taken_by_yes(cert: Certificate) -> dict[str, str]:
    """What `--yes` writes without asking: each entry field's prefilled value, unless OCR was
    unsure of it (low confidence, or a second reading that disagrees) or it is for the user to
    confirm (`unconfirmed`: a letterhead the page does not confirm, a school's number as the
    approval, a date read month first as nothing said)."""
    return {
        name: got.value
        for name, reading in cert.fields.items()
        if reading.role is Role.ENTRY
        and (got := reading.prefill) is not None
        and not got.low
        and got.unconfirmed is None
    }
