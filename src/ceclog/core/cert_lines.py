"""A certificate as lines of text (what `store.certificate` reads), and the patterns that find
its fields in them (from `data/cert_patterns.toml`, compiled here).  Pure: no files."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ceclog.errors import InputError

ENTRY_FIELDS = ("title", "date", "hours", "credits", "provider", "approval")  # what add writes
FIELDS = (*ENTRY_FIELDS, "attendee")  # the attendee is compared with the holder, not kept
SHOWN = ("issued", "expires")  # read and shown, never an entry's field
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets
GAP = "   "  # three spaces or more: a column ends (pypdf's layout mode keeps the spacing)


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # where it starts in the line's text
    conf: float | None  # tesseract's confidence, 0-100; None for a PDF's text layer


@dataclass(frozen=True)
class Line:
    page: int
    number: int  # 1-based on its page, as a person counts lines of text (blank ones aside)
    text: str
    words: tuple[Word, ...]
    row: int = 0  # the layout's row (blank rows counted): how far apart two lines are printed

    def words_in(self, start: int, end: int) -> tuple[Word, ...]:
        return tuple(w for w in self.words if w.start < end and w.start + len(w.text) > start)


def text_line(page: int, number: int, text: str, row: int | None = None) -> Line:
    """A line of a PDF's text layer: its words, with no confidence."""
    words = tuple(Word(m.group(0), m.start(), None) for m in re.finditer(r"\S+", text))
    return Line(page, number, text.rstrip(), words, number if row is None else row)


def ocr_line(page: int, number: int, words: list[tuple[str, float, bool]]) -> Line:
    """A line from OCR words (text, confidence, whether a wide gap precedes it)."""
    parts: list[Word] = []
    text = ""
    for word, conf, gap in words:
        if text:
            text += GAP if gap else " "
        parts.append(Word(word, len(text), conf))
        text += word
    return Line(page, number, text, tuple(parts), number)


@dataclass(frozen=True)
class Label:
    field: str
    text: str
    weak: bool

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
class Patterns:
    labels: tuple[Label, ...]  # longest first
    phrases: tuple[Phrase, ...]
    headings: tuple[re.Pattern[str], ...]
    guesses: dict[str, str]
    min_confidence: float
    not_values: frozenset[str] = frozenset()  # column headings: never a label's value
    context: tuple[str, ...] = ()  # words of a sentence about something else
    not_if: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> its stop words
    not_end: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> cut-short ends


def compile_patterns(raw: dict[str, Any], where: str) -> Patterns:
    """The patterns file's data, checked: a bad regular expression names itself."""
    labels: list[Label] = []
    phrases: list[Phrase] = []
    try:
        fields = dict(raw["fields"])
        for field, spec in fields.items():
            if field not in FIELDS + SHOWN:
                raise InputError(f"{where}: unknown field {field!r}")
            for text in spec.get("labels", []):
                labels.append(Label(field, text, False))
            for text in spec.get("weak", []):
                labels.append(Label(field, text, True))
            for source in spec.get("phrases", []):
                try:
                    pattern = re.compile(source, re.IGNORECASE)
                except re.error as exc:
                    raise InputError(f"{where}: phrase {source!r}: {exc}") from None
                phrases.append(Phrase(field, pattern))
        for text in raw.get("other", {}).get("labels", []):
            labels.append(Label("", text, False))
        not_values = frozenset(
            str(v).casefold() for v in raw.get("other", {}).get("not_values", [])
        )
        context = tuple(str(w).casefold() for w in raw.get("context", {}).get("never", []))
        not_if = {
            f: tuple(str(w).casefold() for w in spec.get("not_if", []))
            for f, spec in fields.items()
        }
        not_end = {
            f: tuple(str(w).casefold() for w in spec.get("not_end", []))
            for f, spec in fields.items()
        }
        headings = tuple(re.compile(h, re.IGNORECASE) for h in raw["sections"]["headings"])
        guesses = {f: str(s["guess"]) for f, s in fields.items() if "guess" in s}
        minimum = float(raw["ocr"]["min_confidence"])
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(f"{where}: not a valid patterns file ({exc})") from None
    labels.sort(key=lambda lab: -len(lab.text.rstrip(":")))
    return Patterns(
        tuple(labels),
        tuple(phrases),
        headings,
        guesses,
        minimum,
        not_values,
        context,
        not_if,
        not_end,
    )


@dataclass(frozen=True)
class Hit:
    """A label found in a line: where it starts and where its value starts."""

    label: Label
    start: int
    end: int


def label_hits(line: Line, patterns: Patterns) -> list[Hit]:
    """The labels in a line, left to right: each at the start of the line or of a column (after
    three spaces or more), the longest where two start at one place.  Plain string matching, no
    regular expression: compiling one for every label cost more than reading a certificate."""
    low = line.text.translate(_ASCII_LOWER)
    hits: list[Hit] = []
    for start in _column_starts(low):
        if hits and start < hits[-1].end:
            continue
        for label in patterns.labels:
            end = _label_end(low, start, label)
            if end is not None:
                hits.append(Hit(label, start, end))
                break
    return hits


def _column_starts(text: str) -> list[int]:
    """Where a label may start: the line's first word when at most 2 spaces precede it, and
    the first character after every run of 3 or more spaces."""
    out: list[int] = []
    run = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            run += 1
            continue
        if run >= 3 or run == i:  # after a column gap, or the first word of the line
            out.append(i)
        run = 0
    return out


def _label_end(text: str, start: int, label: Label) -> int | None:
    """Where `label` (its words with any spaces between) and its separator end, if it is at
    `start`: "Label:" needs the colon; another label must not run on into a letter and may
    take a colon, `#`, `.`, a hyphen or an en dash after it."""
    i = start
    for n, word in enumerate(label.words):
        if n:  # one or two spaces between a label's words: a wider gap is another column
            gap = i
            while i < len(text) and text[i].isspace():
                i += 1
            if not 1 <= i - gap <= 2:
                return None
        if not text.startswith(word, i):
            return None
        i += len(word)
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if label.colon:
        return j + 1 if j < len(text) and text[j] == ":" else None
    if i < len(text) and text[i].isalnum() and not text[i].isdecimal() and text[i] != "_":
        return None
    return j + 1 if j < len(text) and text[j] in ":#.-\u2013" else i


def chunks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The column pieces of `text[start:end]` (split at runs of 3 spaces), with offsets."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"\S+(?: {1,2}\S+)*", text[start:end]):
        out.append((start + m.start(), m.group(0)))
    return out
