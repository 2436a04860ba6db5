"""A table of one row under a row of headings: "Attendee   Session   Date   CEC" over
"Jane Smith   Odor Control   March 25, 2026   1.5".  Each heading that is a field's label
takes the cell right under it, column for column; a table of more rows (a schedule, a list of
sessions) gives no value: which row is the class is not told."""

from __future__ import annotations

from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Label, Patterns

OCR_NOTE = "OCR: a value on the line below its label may be another's"


def heading(text: str, patterns: Patterns) -> bool:
    """A column heading: a label's words, or one of the patterns file's `not_values`, never a
    label's value ("Course      Held" is a table's heading row, not a course named Held)."""
    return " ".join(text.split()).rstrip(" :#").casefold() in patterns.not_values


def _label(text: str, patterns: Patterns) -> Label | None:
    """The label a whole heading is ("Date", "IICRC CECs", "Completion Date:")."""
    said = " ".join(text.casefold().rstrip(":#").split())
    return next((lab for lab in patterns.labels if " ".join(lab.words) == said), None)


def header_values(
    line: Line, nxt: Line | None, after: Line | None, patterns: Patterns
) -> list[Candidate] | None:
    """The values under `line` when it is a row of headings (None: it is not one): no digit in
    it, two of its headings or more are labels, and the next line, right under it, has as
    many columns, with no row of columns right under that (a table of rows; another row of
    headings may follow)."""
    heads = chunks(line.text)
    if len(heads) < 2 or any(ch.isdigit() for ch in line.text) or nxt is None:
        return None
    cells = chunks(nxt.text)
    if nxt.page != line.page or not 0 < nxt.row - line.row <= 2 or len(cells) != len(heads):
        return None
    labels = [_label(text, patterns) for _, text in heads]
    if sum(lab is not None for lab in labels) < 2:
        return None
    if (
        after is not None
        and after.page == nxt.page
        and after.row - nxt.row <= 2
        and len(chunks(after.text)) > 1
        and sum(_label(text, patterns) is not None for _, text in chunks(after.text)) < 2
    ):
        return None  # a table of rows (none is the class's alone): read as any other line
    out = []
    for lab, (x, text) in zip(labels, cells, strict=True):
        if lab is None or not lab.field:
            continue
        how = f'label "{lab.text.rstrip(":")}", value on the next line (a table\'s heading)'
        got = candidate(lab.field, Span(nxt, x, x + len(text)), how, "label", patterns)
        if got is not None and got.confidence is not None:  # a photo's rows may slip
            got = replace(got, low=True, notes=(*got.notes, OCR_NOTE))
        if got is not None:
            out.append(got)
    return out
