"""A date alone on its line, the page's only date: "Certificate of Attendance" / "Dana Reyes" /
"attended the seminar" / "Hydroxyl vs. Ozone" / "February 26, 2026", as a diploma or a booth's
certificate prints the day with no word before it.  Pure."""

from __future__ import annotations

from ceclog.core.certificates.alone import dated, one_piece
from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.dates import ONE_DAY
from ceclog.core.certificates.lines import Line
from ceclog.core.certificates.patterns import Patterns


def lone_date(lines: list[Line], patterns: Patterns, found: list[Candidate]) -> list[Candidate]:
    """The date alone on its line, read as the class's date only on a page whose title is
    read (a cover letter's date names no class), where no label or phrase reads a date and no
    other line holds one (an issue date, an expiry date, a range: which would be the class's
    is not told)."""
    if any(c.field in ("date", "issued", "expires") for c in found):
        return []
    if not any(c.field == "title" and c.kind != "guess" and not c.problem for c in found):
        return []
    alone = []
    for line in lines:
        span = one_piece(line)
        if span is not None and ONE_DAY.fullmatch(span.text.strip().removesuffix(".")):
            alone.append(span)
        elif dated(line.text):
            return []  # another date on the page
    if len(alone) != 1:
        return []
    how = "the page's only date, alone on its line"
    got = candidate("date", alone[0], how, "phrase", patterns)
    return [got] if got is not None and got.problem is None else []
