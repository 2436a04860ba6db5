"""A page laid out as signature lines: each value printed over a rule, its caption under it
("Priya Ramanathan" / "Student", "21" / "Classroom Hours").  A caption's value is the line
above it, never the line below (the next value, whose own caption follows it).  Pure."""

from __future__ import annotations

import re

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import label_hits


def _caption(text: str, patterns: Patterns) -> str | None:
    """The field a column's whole text names as a caption ("Course Title", "Student",
    "Dates"); "" for a caption of no field kept ("Instructor", "Approved Instructor"); None for
    text that is no caption (a value, or a label with a colon: its value follows it)."""
    if text.rstrip().endswith(":"):
        return None
    exact = " ".join(text.casefold().split())
    for label in patterns.labels:  # "Course" is the title's, "Course #" the approval's
        if " ".join(label.words) == exact:
            return label.field
    bare = exact.rstrip(" .#").rstrip()
    for label in patterns.labels:
        if " ".join(label.words).rstrip(" :#.") == bare:
            return label.field
    if re.search(r"\d", text) or len(text.split()) > 3:
        return None
    return ""


def _fields(line: Line, above: Line | None, patterns: Patterns) -> list[str] | None:
    """The fields a line's columns caption, one a column of the line above, if it is a line of
    captions under a line of values."""
    if above is None or above.page != line.page or above.row < line.row - 3:
        return None
    mine, theirs = chunks(line.text), chunks(above.text)
    if len(mine) != len(theirs) or label_hits(above, patterns):
        return None
    if any(h.search(above.text.strip()) for h in patterns.headings):  # "Certificate of ..."
        return None
    fields = [_caption(text, patterns) for _, text in mine]
    if None in fields or not any(fields):
        return None
    return [f or "" for f in fields]


def captions(section: list[Line], patterns: Patterns) -> tuple[list[Candidate], set[int]]:
    """The values read over their captions, and the caption lines (by their place in
    `section`), when the page holds two such lines or more, one with a signature's caption
    ("Date" / "Signature"), or one whose captions of fields, two or more and a date's among
    them, each stand under a value that reads as theirs ("January 9, 2026   30" / "Date of
    Completion   Contact Hours"): else none."""
    rows: dict[int, list[str]] = {}
    for i, line in enumerate(section):
        fields = _fields(line, section[i - 1] if i else None, patterns)
        if fields is not None and i - 1 not in rows:
            rows[i] = fields
    if not rows or _value_below(section, max(rows), patterns):
        return [], set()
    out: list[Candidate] = []
    whole = True  # each caption of a field over a value that reads as that field's
    for i, fields in rows.items():
        line, above = section[i], section[i - 1]
        for field, (_, cap), (start, text) in zip(
            fields, chunks(line.text), chunks(above.text), strict=True
        ):
            if not field:
                continue
            how = f'caption "{cap.strip()}", the value above it'
            got = candidate(field, Span(above, start, start + len(text)), how, "label", patterns)
            if got is not None and got.problem is None:  # else no caption of this field
                out.append(got)
            else:
                whole = False
    told = whole and len(out) >= 2 and any(c.field == "date" for c in out)
    if len(rows) < 2 and not _signed(section[max(rows)].text) and not told:
        return [], set()
    return out, set(rows)


def _signed(text: str) -> bool:
    """Whether a line of captions is a page's signature line ("Date" / "Signature", "Instructor
    Signature", "Director's Signature"): one such line is enough, a signature's caption says
    the line above it holds values."""
    return any(
        re.fullmatch(r"(?:[\w.\u2019']+\s+){0,2}signature|signed", cap.strip(), re.I)
        for _, cap in chunks(text)
    )


def _value_below(section: list[Line], last: int, patterns: Patterns) -> bool:
    """Whether the last caption line has a line of values right under it, as a label's value
    is printed ("Course Title" / "Water Damage Restoration" / "Date of Completion" / "May 4,
    2026"): the layout reads both ways, and the usual way (the value below) wins."""
    if last + 1 >= len(section):
        return False
    line, below = section[last], section[last + 1]
    return (
        below.page == line.page
        and below.row <= line.row + 2
        and len(chunks(below.text)) == len(chunks(line.text))
        and not label_hits(below, patterns)
    )
