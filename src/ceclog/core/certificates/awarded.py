"""A title set over the words that award it: "Water Restoration Technician" / "is hereby
awarded to" / "Jane Smith" / "for completion of the IICRC-approved course held in ...", as a
diploma names what it confers first.  Pure."""

from __future__ import annotations

import re

from ceclog.core.certificates.alone import HEADING, ORG, dated, one_piece
from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.ends import classy, named
from ceclog.core.certificates.lines import Line, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import marked

# the words that award what the line above names: "is hereby awarded to", "is presented to"
_AWARDS = re.compile(
    r"(?:is|are)\s+(?:hereby\s+|proudly\s+)?(?:awarded|presented|granted|conferred)\s+(?:to|upon)\b",
    re.IGNORECASE,
)


def title_over_award(
    lines: list[Line], patterns: Patterns, found: list[Candidate]
) -> list[Candidate]:
    """The title alone on the line right over "is hereby awarded to" (or presented, granted,
    conferred), where that wording starts its line: capitalised words, one of them a word of a
    class, more than a kind of class; never a heading ("Certificate of Completion"), a school's
    name, a date or a line of labels.  Read only on a page whose title no label or phrase
    names."""
    if any(c.field == "title" and c.kind in ("label", "phrase") and not c.problem for c in found):
        return []
    for i in range(1, len(lines)):
        line, over = lines[i], lines[i - 1]
        pieces = chunks(line.text)
        if not pieces or not _AWARDS.match(pieces[0][1]):
            continue
        span = one_piece(over)
        if span is None or over.page != line.page or over.row < line.row - 2:
            continue
        text = span.text.strip()
        if marked(over, patterns) or HEADING.fullmatch(" ".join(text.split())):
            continue
        if ORG.search(text) or dated(text) or not (named(text) and classy(text, patterns)):
            continue
        got = candidate("title", span, f'the line over "{pieces[0][1]}"', "phrase", patterns)
        return [got] if got is not None and got.problem is None else []
    return []
