"""Where the patterns are found in a line: its labels ("Course Title:") and its phrases ("has
successfully completed …"), each with the field it names and where its value is.  Pure."""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass

from ceclog.core.certificates.lines import Line, chunks, sentence_bounds
from ceclog.core.certificates.patterns import Label, Patterns

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets


@dataclass(frozen=True)
class Hit:
    """A label found in a line: where it starts and where its value starts."""

    label: Label
    start: int
    end: int


@dataclass(frozen=True)
class PhraseHit:
    """A phrase found in a line: its field, the phrase as shown ("has … completed"), and its
    value's place in the line (empty at the column's end: the value is on the next line)."""

    field: str
    shown: str
    start: int
    end: int
    at_end: bool


def label_hits(line: Line, patterns: Patterns) -> list[Hit]:
    """The labels in a line, left to right: each at the start of the line or of a column (after
    three spaces or more), the longest where two start at one place.  Plain string matching, no
    regular expression: compiling one for every label cost more than reading a certificate."""
    low = misread(line.text.translate(_ASCII_LOWER))
    hits: list[Hit] = []
    told = _told(line.text) if line.prose else set()
    for start in sorted({*_column_starts(low), *told}):
        if hits and start < hits[-1].end:
            continue
        hit = label_at(low, start, patterns)
        if hit is None and low[start] == "(" and ")" in low[start:]:
            hit = label_at(low, start + 1, patterns)  # a column in brackets: "(Course # 26-14)"
        if hit is not None and start in told and low[hit.end - 1] != ":":
            hit = None  # in a paragraph, only "Hours: 8." after a sentence's end is a label
        at = start
        for _ in range(2):  # "TDLR Course Approval #", a state's and its department's: "NYS DOL"
            agency = AGENCY.match(line.text, at)
            if hit is not None or agency is None:
                break
            at = agency.end()
            hit = label_at(low, at, patterns)
        if hit is not None:
            hits.append(hit)
    return hits


# OCR's readings of "IICRC" with an l or a 1 for one I ("liCRC CECs", "1ICRC"), as long
_IICRC = re.compile(r"(?<![a-z0-9])[il1][il1]crc(?![a-z])")


def misread(low: str) -> str:
    """A lower-cased line with OCR's misreadings of "iicrc" read as it, offsets kept: a label
    or a column heading is found through them ("liCRC CECs:   2")."""
    return _IICRC.sub("iicrc", low)


def heading(text: str, patterns: Patterns) -> bool:
    """A column heading: a label's words, or one of the patterns file's `not_values`, never a
    label's value ("Course      Held" is a table's heading row, not a course named Held)."""
    said = misread(" ".join(text.split()).rstrip(" :#").casefold())
    return said in patterns.not_values


# a middle dot or a bullet parting a line's items, or a dash (OCR reads a middle dot as one)
DOTS = ("\u00b7", "\u2022", "-", "\u2013", "\u2014")
AGENCY = re.compile(r"[A-Z]{2,6} (?=\S)")  # an agency's initials before a label


def label_at(low: str, start: int, patterns: Patterns) -> Hit | None:
    for label in patterns.labels:
        end = _label_end(low, start, label)
        if end is not None:
            return Hit(label, start, end)
    return None


def phrase_hits(line: Line, patterns: Patterns) -> list[PhraseHit]:
    """Every phrase in each column of a line: "up to 14 CECs ... earned 7 CECs" gives two."""
    out = []
    for start, chunk in chunks(line.text):
        for phrase in patterns.phrases:
            for m in phrase.pattern.finditer(chunk):
                a, b = m.span("value")
                lead, tail = chunk[m.start() : a], chunk[b : m.end()]
                if len(tail) > 40:  # a sentence of a paragraph after a name
                    tail = " ".join(tail[:40].split()[:-1]) + " …"
                shown = f"{lead}…{tail}".strip()
                out.append(PhraseHit(phrase.field, shown, start + a, start + b, b >= len(chunk)))
    return out + _beside(line, patterns) + _across(line, patterns, {h.field for h in out})


def _across(line: Line, patterns: Patterns, found: set[str]) -> list[PhraseHit]:
    """A phrase whose words are a form's caption and whose value is the column beside it ("on
    Feb 6 2026" as "on      Feb 6 2026"): on a line of two pieces, the phrase read over
    both, its value the second piece whole; only for a field no phrase found in a piece."""
    pieces = chunks(line.text)
    if len(pieces) != 2:
        return []
    (_, first), (x, second) = pieces
    joined = f"{first} {second}"
    out = []
    for phrase in patterns.phrases:
        if phrase.field in found:
            continue
        for m in phrase.pattern.finditer(joined):
            a, b = m.span("value")
            if m.start() < len(first) and a == len(first) + 1 and b == len(joined):
                shown = f"{joined[m.start() : a]}…".strip()
                out.append(PhraseHit(phrase.field, shown, x, x + len(second), True))
    return out


AMOUNTS = ("hours", "credits")
# two counts a bar parts ("14 Hours | 14 CECs"): OCR drops the bar, a PDF's layout reads it
# as a gap, so the counts stand in two columns
_PARTED = " | "
# a mark alone in its column, no letter or digit: a dash, a dot, a bullet, or a glyph the PDF
# gives no letter for (a control character)
_SEPARATOR = re.compile(r"[^\w\s]{1,2}")


def _beside(line: Line, patterns: Patterns) -> list[PhraseHit]:
    """The amounts' phrases that need the column after their value's ("14 Hours" with "14
    CECs" beside it): each column read with the next one after a bar, a hit kept only when its
    value is in the first column and its phrase runs on into the second."""
    out = []
    # a mark alone between them parts them as a bar does ("14 Hours   -   14 CECs")
    pieces = [(s, c) for s, c in chunks(line.text) if not _SEPARATOR.fullmatch(c)]
    for (start, chunk), (_, after) in itertools.pairwise(pieces):
        joined = chunk + _PARTED + after
        for phrase in patterns.phrases:
            if phrase.field not in AMOUNTS:
                continue
            for m in phrase.pattern.finditer(joined):
                a, b = m.span("value")
                if b <= len(chunk) < m.end() - len(_PARTED):
                    shown = f"{joined[m.start() : a]}…{joined[b : m.end()]}".strip()
                    out.append(PhraseHit(phrase.field, shown, start + a, start + b, False))
    return out


def marked(line: Line, patterns: Patterns) -> bool:
    """Whether a line holds a label or a phrase: no other line's value."""
    return bool(label_hits(line, patterns) or phrase_hits(line, patterns))


def _told(text: str) -> set[int]:
    """Where a paragraph's sentences start (after the first): "... on June 2, 2026. Hours: 8."."""
    out, at = set(), 0
    while at < len(text):
        _, end = sentence_bounds(text, at, at)
        if end >= len(text):
            break
        at = len(text) - len(text[end:].lstrip())
        out.add(at)
    return out


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
        elif run and text[i - run - 1 : i - run] in DOTS and text[i - run - 2 : i - run - 1] == " ":
            out.append(i)  # after a dot between two spaces: "4 CECs · CEC Approval # 26-0301"
        run = 0
    return out


# a label's initials in brackets after its words, one space before them: "(CEH)", "(CECs)"
_SHORT = re.compile(r" ?\([a-z]{2,5}\)")


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
    short = None if label.cell else _SHORT.match(text, i)
    if short is not None:  # its initials after it: "Continuing Education Hours (CEH): 8"
        i = short.end()
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if label.cell:  # the value in the next column (three spaces or more, then text), or
        # alone at the line's end: the value below it ("Course" / "Water Damage Restoration")
        return i if text.startswith("   ", i) or not text[i:].strip() else None
    if label.colon:
        return j + 1 if j < len(text) and text[j] == ":" else None
    if i < len(text) and text[i].isalnum() and not text[i].isdecimal() and text[i] != "_":
        return None
    if j < len(text) and text[j] in ":#.-\u2013":
        return j + 2 if text[j] in ".#" and text[j + 1 : j + 2] == ":" else j + 1  # "No.:"
    return i
