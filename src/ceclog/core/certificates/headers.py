"""A table of one row under a row of headings: "Attendee   Session   Date   CEC" over
"Jane Smith   Odor Control   March 25, 2026   1.5".  Each heading that is a field's label
takes the cell right under it, column for column; a table of more rows (a schedule, a list of
sessions) gives no value: which row is the class is not told."""

from __future__ import annotations

from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate, labelled
from ceclog.core.certificates.ends import RUNS_ON
from ceclog.core.certificates.lines import Line, Span, Word, chunks
from ceclog.core.certificates.patterns import Label, Patterns
from ceclog.core.certificates.scan import misread

OCR_NOTE = "OCR: a value on the line below its label may be another's"


def heading_label(text: str, patterns: Patterns) -> Label | None:
    """The label a whole heading is ("Date", "IICRC CECs", "Completion Date:"); one with its
    number sign first ("Course #" is the approval's, "Course" the title's), or its
    abbreviation's full stop ("IICRC Course No." is "IICRC Course No")."""
    low = misread(text.casefold())
    for said in (low.rstrip(":"), low.rstrip(":#"), low.rstrip(":.")):
        said = " ".join(said.split())
        lab = next((lab for lab in patterns.labels if " ".join(lab.words) == said), None)
        if lab is not None:
            return lab
    return None


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
    labels = [heading_label(text, patterns) for _, text in heads]
    if sum(lab is not None for lab in labels) < 2:
        return None
    wraps = _wraps(cells, nxt, after)
    if (
        not wraps
        and after is not None
        and after.page == nxt.page
        and after.row - nxt.row <= 2
        and len(chunks(after.text)) > 1
        and sum(heading_label(text, patterns) is not None for _, text in chunks(after.text)) < 2
    ):
        return None  # a table of rows (none is the class's alone): read as any other line
    out = []
    for lab, (x, text) in zip(labels, cells, strict=True):
        if lab is None or not lab.field:
            continue
        how = f'label "{lab.text.rstrip(":")}", value on the next line (a table\'s heading)'
        span = Span(nxt, x, x + len(text))
        k = cells.index((x, text))
        if k in wraps:
            how += ", and the line below"
            span = _joined(span, Span(after, *wraps[k])) if after is not None else span
        got = candidate(lab.field, span, how, "label", patterns)
        if got is not None and k not in wraps and _broken(x, nxt, after):
            got = replace(got, problem=RUNS_ON)
        if got is not None and got.confidence is not None:  # a photo's rows may slip
            got = replace(got, low=True, notes=(*got.notes, OCR_NOTE))
        if got is not None:  # a heading is its label, as on a line
            out.append(labelled(got, lab))
    return out


def _broken(x: int, nxt: Line, after: Line | None) -> bool:
    """Whether the cell at `x` goes on right under it with a small letter, a word broken off at
    the cell's edge ("Mold Remediator Cont" / "inuing Education"): where it ends is not told."""
    if after is None or after.page != nxt.page or not 0 < after.row - nxt.row <= 2:
        return False
    return any(abs(a - x) <= 1 and text[:1].islower() for a, text in chunks(after.text))


def heads_row(line: Line, patterns: Patterns) -> bool:
    """Whether `line` is a row of column headings, none of them a value: no digit in it, and
    more of its cells are whole labels than not ("Date   Session   Presenter   Hours"), so
    the odd one is a heading too; "Course   Odor Control   Instructor   Lee" pairs each label
    with its value."""
    cells = chunks(line.text)
    if len(cells) < 3 or any(ch.isdigit() for ch in line.text):
        return False
    labels = sum(heading_label(text, patterns) is not None for _, text in cells)
    return labels * 2 > len(cells)


def _wraps(
    cells: list[tuple[int, str]], nxt: Line, after: Line | None
) -> dict[int, tuple[int, int]]:
    """The cells of a table's one row that wrap onto the line right under it ("07/14/2026 -" /
    "07/15/2026", "Carpet Cleaning Technician" / "(CCT)"): that line's pieces each under one
    cell, its first and last columns empty (another row fills them: a name, a number); which
    cell each piece continues ({}: none, or the line is no wrap)."""
    if after is None or after.page != nxt.page or not 0 < after.row - nxt.row <= 2:
        return {}
    if len(cells) < 3:
        return {}
    pieces = chunks(after.text)
    out: dict[int, tuple[int, int]] = {}
    for a, text in pieces:
        b = a + len(text)
        under = [k for k, (x, cell) in enumerate(cells) if a < x + len(cell) and b > x]
        if len(under) != 1 or under[0] in out or under[0] in (0, len(cells) - 1):
            return {}
        out[under[0]] = (a, b)
    return out


def _joined(first: Span, second: Span) -> Span:
    """Two pieces of two lines as one, their words single-spaced."""
    words: list[Word] = []
    text = ""
    for word in (
        *first.line.words_in(first.start, first.end),
        *second.line.words_in(second.start, second.end),
    ):
        text += " " if text else ""
        words.append(Word(word.text, len(text), word.conf))
        text += word.text
    line = replace(first.line, text=text, words=tuple(words), row=second.line.row)
    return Span(line, 0, len(text))
