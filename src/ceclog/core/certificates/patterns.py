"""The patterns file (`data/cert_patterns.toml`) compiled and bound to the registry's fields:
each `[fields.<name>]` section's labels, phrases and word lists to the `FieldReader` of that
name, and the page-wide rules (other labels, column headings, context words, headings that
start a certificate, the OCR threshold).  Pure: the store reads the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ceclog.core.certificates.registry import REGISTRY, FieldReader, Registry
from ceclog.core.certificates.values import FieldWords
from ceclog.errors import InputError

KEYS = frozenset(
    {
        "labels",
        "weak",
        "yields",
        "cells",
        "phrases",
        "above",
        "not_if",
        "guess",
        "confirm",
        "name_ends",
        "org_ends",
        "not_org",
        "not_signed",
        "unconfirmed",
        "unconfirmed_why",
    }
)  # any field may have them


@dataclass(frozen=True)
class Label:
    field: str  # "": a label of a field ceclog does not keep, which ends the value before it
    text: str
    weak: bool
    yields: bool = False  # its value is not taken when the letterhead names another ("Hosted by")
    cell: bool = False  # a table's cell ("Course"): a column of its own, its value the next
    # why its value is prefilled for the user to confirm, never taken by --yes ("School #" for
    # the approval: a school's number, printed where no course approval is); weak as well
    unconfirmed: str = ""

    @cached_property  # asked at every column start of every line: worked out once
    def words(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.text.rstrip(":").split())

    @cached_property
    def colon(self) -> bool:  # "Date:" needs its colon; "Date of Completion" does not
        return self.text.endswith(":")


@dataclass(frozen=True)
class Phrase:
    field: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class BoundField:
    """A registry field with what the patterns file says of it."""

    reader: FieldReader
    words: FieldWords
    guess: str | None = None  # "letterhead": the first line, shown as a guess, never prefilled
    confirm: tuple[re.Pattern[str], ...] = ()  # a line next to the letterhead that confirms it
    name_ends: tuple[str, ...] = ()  # words a school's name may drop where it is named again
    org_ends: tuple[str, ...] = ()  # other last words of an organisation's name ("Inc.")
    not_org: tuple[str, ...] = ()  # words no organisation's name holds ("Workshop")
    not_signed: tuple[str, ...] = ()  # words of a signature block's line that is no school's


@dataclass(frozen=True)
class Patterns:
    fields: dict[str, BoundField]  # every registry field, in its order
    labels: tuple[Label, ...]  # every field's and the other labels, longest first
    phrases: tuple[Phrase, ...]
    headings: tuple[re.Pattern[str], ...]  # a second one on a page starts another certificate
    min_confidence: float
    not_values: frozenset[str] = frozenset()  # column headings: never a label's value (every
    # label's own words are among them: "Course   Held   Location" is a table's heading row)
    context: tuple[str, ...] = ()  # words of a sentence about something else
    above: tuple[Phrase, ...] = ()  # wordings whose value is the whole line above them

    @property
    def guesses(self) -> dict[str, str]:
        return {name: f.guess for name, f in self.fields.items() if f.guess is not None}


def compile_patterns(raw: dict[str, Any], where: str, registry: Registry | None = None) -> Patterns:
    """The patterns file's data bound to `registry` (by default the fields of `REGISTRY`),
    checked: a field the registry does not declare, a key its section may not have, or a bad
    regular expression names itself."""
    registry = REGISTRY if registry is None else registry
    labels: list[Label] = []
    phrases: list[Phrase] = []
    above: list[Phrase] = []
    try:
        sections = dict(raw["fields"])
        bound: dict[str, BoundField] = {}
        for name, spec in sections.items():
            if name not in registry:
                raise InputError(f"{where}: unknown field {name!r}")
            unknown = sorted(set(spec) - KEYS - set(registry[name].words))
            if unknown:
                raise InputError(f"{where}: [fields.{name}] has no key {unknown[0]!r}")
            labels += _labels(name, spec)
            phrases += [Phrase(name, _regex(s, where)) for s in spec.get("phrases", [])]
            above += [Phrase(name, _regex(s, where)) for s in spec.get("above", [])]
        for reader in registry:
            spec = sections.get(reader.name, {})
            guess = str(spec["guess"]) if "guess" in spec else None
            confirm = tuple(_regex(s, where) for s in spec.get("confirm", []))
            ends, orgs, not_org, not_signed = (
                _folded(spec, k) for k in ("name_ends", "org_ends", "not_org", "not_signed")
            )
            bound[reader.name] = BoundField(
                reader, _words(spec), guess, confirm, ends, orgs, not_org, not_signed
            )
        other = raw.get("other", {})
        labels += [Label("", text, False) for text in other.get("labels", [])]
        labels.sort(key=lambda lab: -len(lab.text.rstrip(":")))
        return Patterns(
            fields=bound,
            labels=tuple(labels),
            phrases=tuple(phrases),
            headings=tuple(re.compile(h, re.IGNORECASE) for h in raw["sections"]["headings"]),
            min_confidence=float(raw["ocr"]["min_confidence"]),
            not_values=_headings(other.get("not_values", []), labels),
            context=tuple(str(w).casefold() for w in raw.get("context", {}).get("never", [])),
            above=tuple(above),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(f"{where}: not a valid patterns file ({exc})") from None


def _headings(given: list[Any], labels: list[Label]) -> frozenset[str]:
    """The texts never taken as a label's value: the patterns file's column headings, and every
    label's own words without their colon or number sign ("Held:", "Course Approval #")."""
    own = (lab.text.rstrip(" :#").casefold() for lab in labels)
    return frozenset([*(str(v).casefold() for v in given), *(t for t in own if t)])


def _labels(name: str, spec: dict[str, Any]) -> list[Label]:
    strong = [Label(name, text, False) for text in spec.get("labels", [])]
    yields = [Label(name, text, False, yields=True) for text in spec.get("yields", [])]
    cells = [Label(name, text, False, cell=True) for text in spec.get("cells", [])]
    weak = [Label(name, text, True) for text in spec.get("weak", [])]
    why = str(spec.get("unconfirmed_why", "read by a label that may name something else"))
    unsure = [Label(name, text, True, unconfirmed=why) for text in spec.get("unconfirmed", [])]
    return strong + yields + cells + weak + unsure


def _regex(source: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"{where}: phrase {source!r}: {exc}") from None


def _folded(spec: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(w).casefold() for w in spec.get(key, []))


def _words(spec: dict[str, Any]) -> FieldWords:
    return FieldWords(
        not_if=_folded(spec, "not_if"),
        not_end=_folded(spec, "not_end"),
        places=_folded(spec, "places"),
        firms=_folded(spec, "firms"),
    )
