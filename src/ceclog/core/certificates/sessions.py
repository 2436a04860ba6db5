"""A transcript's table of sessions: "Session   Date   CECs   IICRC Course #" over a row per
session, as a convention prints the classes a person attended.  Each session approved by its
own number is a class of its own, so the page gives one certificate per row: its title, date,
hours, credits and approval from its row alone (never the transcript's total or the event's
dates), the attendee and the provider from the page.  A transcript whose sessions have no
numbers of their own (one approval for the event) stays one class: the event's.  Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate, labelled
from ceclog.core.certificates.headers import OCR_NOTE, heading_label
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import marked

# what a row of a session's table gives; the rest (the attendee, the provider) is the page's
SESSION_FIELDS = frozenset({"title", "date", "hours", "credits", "approval"})


def session_table(
    section: list[Line], patterns: Patterns, numbered: bool = True
) -> tuple[int, list[int]] | None:
    """The row of headings and the rows of a table of sessions (None: no such table): three
    headings or more, one of them a title's ("Session", "Course"), one an amount's ("CECs",
    "Hours") and one a course number's ("IICRC Course #"), with two rows or more right under
    them, cell for cell in the headings' columns.  (A class's agenda, or an event's sessions
    under one approval, has no course number per row: it is no list of classes; not
    `numbered`: any such table, a course number's heading or not.)"""
    for i, line in enumerate(section):
        heads = chunks(line.text)
        if len(heads) < 3 or any(ch.isdigit() for ch in line.text):
            continue
        fields = {lab.field for _, text in heads if (lab := heading_label(text, patterns))}
        if "title" not in fields or not fields & {"credits", "hours"}:
            continue
        if numbered and "approval" not in fields:
            continue
        rows: list[int] = []
        above = line
        for k in range(i + 1, len(section)):
            row = section[k]
            if row.page != line.page or not 0 < row.row - above.row <= 2:
                break
            if not _aligned(heads, chunks(row.text)):
                break
            rows.append(k)
            above = row
        if len(rows) >= 2:
            return i, rows
    return None


def _aligned(heads: list[tuple[int, str]], cells: list[tuple[int, str]]) -> bool:
    """Whether a row has a cell under each heading, each starting between the heading before
    its own's end and the next heading's start."""
    if len(cells) != len(heads):
        return False
    ends = [0] + [x + len(t) for x, t in heads[:-1]]
    starts = [x for x, _ in heads[1:]] + [10**6]
    return all(a <= cx < b for a, (cx, _), b in zip(ends, cells, starts, strict=True))


def row_values(heads: Line, row: Line, patterns: Patterns) -> list[Candidate]:
    """What one session's row gives: each heading that is a field's label takes its cell."""
    out: list[Candidate] = []
    for (_, head), (x, text) in zip(chunks(heads.text), chunks(row.text), strict=True):
        lab = heading_label(head, patterns)
        if lab is None or lab.field not in SESSION_FIELDS:
            continue
        how = f'label "{lab.text.rstrip(":")}", a session\'s row of a transcript'
        got = candidate(lab.field, Span(row, x, x + len(text)), how, "label", patterns)
        if got is not None and got.confidence is not None:  # a photo's rows may slip
            got = replace(got, low=True, notes=(*got.notes, OCR_NOTE))
        if got is not None:
            out.append(labelled(got, lab))
    return out


# an event's name: what a convention's transcript of sessions under one approval is for
_EVENT = re.compile(r"\b(?:convention|expo|conference|summit|symposium|trade\s+show)\b", re.I)


def event_title(section: list[Line], patterns: Patterns, found: list[Candidate]) -> list[Candidate]:
    """The event as the title of a transcript whose sessions have no numbers of their own (one
    approval for the event): "Cleaning & Restoration Convention 2026" alone on one of the
    page's first four lines, over a table of sessions.  Read only where no label or phrase
    names the title."""
    if any(c.field == "title" and c.kind in ("label", "phrase") and not c.problem for c in found):
        return []
    table = session_table(section, patterns, numbered=False)
    if table is None:
        return []
    for line in section[: min(4, table[0])]:
        pieces = chunks(line.text)
        if len(pieces) != 1 or not _EVENT.search(pieces[0][1]) or marked(line, patterns):
            continue
        if any(h.search(pieces[0][1]) for h in patterns.headings):
            continue
        x, text = pieces[0]
        how = "the event over its table of sessions"
        got = candidate("title", Span(line, x, x + len(text)), how, "phrase", patterns)
        return [got] if got is not None and got.problem is None else []
    return []
