"""A certificate as lines of text (what `store.certificate` reads), and the patterns that find
its fields in them (from `data/cert_patterns.toml`, compiled here).  Pure: no files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ceclog.errors import InputError

FIELDS = ("title", "date", "hours", "credits", "provider", "approval", "attendee")
SHOWN = ("issued", "expires")  # read and shown, never an entry's field
GAP = "   "  # three spaces or more: a column ends (pypdf's layout mode keeps the spacing)


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # where it starts in the line's text
    conf: float | None  # tesseract's confidence, 0-100; None for a PDF's text layer


@dataclass(frozen=True)
class Line:
    page: int
    number: int  # 1-based on its page
    text: str
    words: tuple[Word, ...]

    def words_in(self, start: int, end: int) -> tuple[Word, ...]:
        return tuple(w for w in self.words if w.start < end and w.start + len(w.text) > start)


def text_line(page: int, number: int, text: str) -> Line:
    """A line of a PDF's text layer: its words, with no confidence."""
    words = tuple(Word(m.group(0), m.start(), None) for m in re.finditer(r"\S+", text))
    return Line(page, number, text.rstrip(), words)


def ocr_line(page: int, number: int, words: list[tuple[str, float, bool]]) -> Line:
    """A line from OCR words (text, confidence, whether a wide gap precedes it)."""
    parts: list[Word] = []
    text = ""
    for word, conf, gap in words:
        if text:
            text += GAP if gap else " "
        parts.append(Word(word, len(text), conf))
        text += word
    return Line(page, number, text, tuple(parts))


@dataclass(frozen=True)
class Label:
    field: str
    text: str
    pattern: re.Pattern[str]
    weak: bool


@dataclass(frozen=True)
class Phrase:
    field: str
    source: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    labels: tuple[Label, ...]  # longest first
    phrases: tuple[Phrase, ...]
    headings: tuple[re.Pattern[str], ...]
    guesses: dict[str, str]
    min_confidence: float


def _label_regex(label: str) -> re.Pattern[str]:
    colon = label.endswith(":")
    words = r"\s+".join(re.escape(w) for w in label.rstrip(":").split())
    tail = r"\s*:" if colon else r"(?![^\W\d_])(?:\s*[:#.\-\u2013])?"
    start = r"(?:^|(?<=\s{3})|(?<=^\s)|(?<=^\s\s))"
    return re.compile(rf"{start}{words}{tail}", re.IGNORECASE)


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
                labels.append(Label(field, text, _label_regex(text), False))
            for text in spec.get("weak", []):
                labels.append(Label(field, text, _label_regex(text), True))
            for source in spec.get("phrases", []):
                try:
                    pattern = re.compile(source, re.IGNORECASE)
                except re.error as exc:
                    raise InputError(f"{where}: phrase {source!r}: {exc}") from None
                phrases.append(Phrase(field, source, pattern))
        for text in raw.get("other", {}).get("labels", []):
            labels.append(Label("", text, _label_regex(text), False))
        headings = tuple(re.compile(h, re.IGNORECASE) for h in raw["sections"]["headings"])
        guesses = {f: str(s["guess"]) for f, s in fields.items() if "guess" in s}
        minimum = float(raw["ocr"]["min_confidence"])
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(f"{where}: not a valid patterns file ({exc})") from None
    labels.sort(key=lambda lab: -len(lab.text.rstrip(":")))
    return Patterns(tuple(labels), tuple(phrases), headings, guesses, minimum)


@dataclass(frozen=True)
class Hit:
    """A label found in a line: where it starts and where its value starts."""

    label: Label
    start: int
    end: int


def label_hits(line: Line, patterns: Patterns) -> list[Hit]:
    """The labels in a line, left to right, longest first where two overlap."""
    hits: list[Hit] = []
    for label in patterns.labels:
        for m in label.pattern.finditer(line.text):
            if any(h.start < m.end() and m.start() < h.end for h in hits):
                continue
            hits.append(Hit(label, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def chunks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The column pieces of `text[start:end]` (split at runs of 3 spaces), with offsets."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"\S+(?: {1,2}\S+)*", text[start:end]):
        out.append((start + m.start(), m.group(0)))
    return out
