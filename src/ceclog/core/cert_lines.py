"""A certificate as lines of text (what `store.certificate` reads), and the patterns that find
its fields in them (from `data/cert_patterns.toml`, compiled here).  Pure: no files."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from ceclog.errors import InputError

FIELDS = ("title", "date", "hours", "credits", "provider", "approval", "attendee")
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
    weak: bool


@dataclass(frozen=True)
class Phrase:
    field: str
    source: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    labels: tuple[Label, ...]  # longest first
    label_regex: re.Pattern[str]  # all of them: group l<N> is labels[N]
    phrases: tuple[Phrase, ...]
    headings: tuple[re.Pattern[str], ...]
    guesses: dict[str, str]
    min_confidence: float


def _label_regex(labels: list[Label]) -> re.Pattern[str]:
    """One expression for every label (one compile, one scan of a line), longest first, each
    a named group: at the start of a line or a column, with its separator."""
    parts = []
    for n, label in enumerate(labels):
        words = r"\s+".join(re.escape(w.lower()) for w in label.text.rstrip(":").split())
        tail = r"\s*:" if label.text.endswith(":") else r"(?![^\W\d_])(?:\s*[:#.\-\u2013])?"
        parts.append(f"(?P<l{n}>{words}{tail})")
    start = r"(?:^|(?<=\s{3})|(?<=^\s)|(?<=^\s\s))"
    return re.compile(start + "(?:" + "|".join(parts) + ")")  # on lower-cased text: faster


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
                phrases.append(Phrase(field, source, pattern))
        for text in raw.get("other", {}).get("labels", []):
            labels.append(Label("", text, False))
        headings = tuple(re.compile(h, re.IGNORECASE) for h in raw["sections"]["headings"])
        guesses = {f: str(s["guess"]) for f, s in fields.items() if "guess" in s}
        minimum = float(raw["ocr"]["min_confidence"])
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(f"{where}: not a valid patterns file ({exc})") from None
    labels.sort(key=lambda lab: -len(lab.text.rstrip(":")))
    regex = _label_regex(labels)
    return Patterns(tuple(labels), regex, tuple(phrases), headings, guesses, minimum)


@dataclass(frozen=True)
class Hit:
    """A label found in a line: where it starts and where its value starts."""

    label: Label
    start: int
    end: int


def label_hits(line: Line, patterns: Patterns) -> list[Hit]:
    """The labels in a line, left to right (the longest where two start at one place)."""
    hits: list[Hit] = []
    for m in patterns.label_regex.finditer(line.text.translate(_ASCII_LOWER)):
        assert m.lastgroup is not None
        hits.append(Hit(patterns.labels[int(m.lastgroup[1:])], m.start(), m.end()))
    return hits


def chunks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The column pieces of `text[start:end]` (split at runs of 3 spaces), with offsets."""
    end = len(text) if end is None else end
    out = []
    for m in re.finditer(r"\S+(?: {1,2}\S+)*", text[start:end]):
        out.append((start + m.start(), m.group(0)))
    return out
