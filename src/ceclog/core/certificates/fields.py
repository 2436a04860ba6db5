"""A certificate's fields, read from its lines by label ("Course Title:") and by phrase
("has successfully completed Y"), each value with where it came from and how it was found;
and which of them may be prefilled.  Pure: the lines and the patterns come from the store;
what each field is (its shape, its check, what is done with it) comes from `registry`.

The rules (docs/adding.md, "Adding from a certificate"): a guess (a letterhead that neither
reads as an organisation's name nor is confirmed by the page: `letterhead`) is shown, never
prefilled; one that reads as a name is prefilled `unconfirmed` (--yes never takes it); values
of one field that disagree prefill nothing (`decided`); a date that reads two ways is read as
the page, today or the holder says (`order`), else month first for the user to confirm; one
with no day is no date; the completion date wins over issue and expiry dates (which are
shown, never used); an OCR value below the confidence threshold is marked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from itertools import compress

from ceclog.core.certificates.alone import (
    heads_below,
    held_stack,
    read_above,
    title_under_heading,
    title_under_name,
)
from ceclog.core.certificates.awarded import title_over_award
from ceclog.core.certificates.candidates import Candidate, candidate, labelled
from ceclog.core.certificates.captions import captions
from ceclog.core.certificates.decided import (
    Certificate,
    FieldReading,
    as_holder,
    decide,
    not_theirs,
    same_person,
)
from ceclog.core.certificates.ends import RUNS_ON, in_sentence, runs_on, wrapped
from ceclog.core.certificates.glued import unglued
from ceclog.core.certificates.headers import OCR_NOTE, header_values, heads_row
from ceclog.core.certificates.letterhead import letterhead
from ceclog.core.certificates.letters import addressee
from ceclog.core.certificates.lines import Line, Span, chunks, sentence_bounds
from ceclog.core.certificates.lone_date import lone_date
from ceclog.core.certificates.order import ordered
from ceclog.core.certificates.paragraphs import paragraphs
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import heading, label_hits, marked, phrase_hits
from ceclog.core.certificates.sessions import (
    SESSION_FIELDS,
    event_title,
    row_values,
    session_table,
)
from ceclog.core.certificates.signed import signed


def _below(
    line: Line, nxt: Line | None, patterns: Patterns, a: int, b: int, after: Line | None = None
) -> tuple[int, int]:
    """The piece of the next line under columns a..b: a label's or a phrase's value printed
    below it ((0, 0): none, or that line holds labels or phrases of its own, or it is the first
    row of a table, whose rows would each be a value).  The next line's columns pair with this
    line's when both have as many; else they must overlap a..b."""
    if nxt is None or nxt.page != line.page or nxt.row > line.row + 3:
        return (0, 0)
    pieces, mine = chunks(nxt.text), chunks(line.text)
    paired = len(pieces) > 1 and len(pieces) == len(mine)
    if label_hits(nxt, patterns) or (not paired and marked(nxt, patterns)):
        return (0, 0)
    if paired:
        pieces = [p for p, m in zip(pieces, mine, strict=True) if m[0] <= a < m[0] + len(m[1])]
    elif len(pieces) > 1 or len(mine) > 1:  # (a piece alone in another column is not under)
        pieces = [p for p in pieces if p[0] <= b and p[0] + len(p[1]) >= a]
    if len(pieces) != 1:
        return (0, 0)
    x, y = pieces[0][0], pieces[0][0] + len(pieces[0][1])
    if paired and any(x <= h.start < y for h in phrase_hits(nxt, patterns)):
        return (0, 0)  # a row of a table under its headings: a phrase in another cell is its own
    if _table_row(after, nxt, patterns, x, y):
        return (0, 0)
    return (x, y)


def _beside_value(line: Line, end: int, patterns: Patterns) -> tuple[int, int] | None:
    """The value in the column beside a phrase that ends its column with none ("This
    certifies that      Dana Reyes", "completed the in-house training      Ladder Safety"): the
    line's one other piece, after it, holding no label or phrase of its own."""
    pieces = chunks(line.text)
    if len(pieces) != 2 or end != pieces[0][0] + len(pieces[0][1]):
        return None
    x, text = pieces[1]
    alone = Line(line.page, line.number, " " * x + text, line.words_in(x, x + len(text)), line.row)
    if marked(alone, patterns):
        return None
    return x, x + len(text)


def _blank_under(nxt: Line, a: int, b: int) -> bool:
    """Whether the next line holds text, none of it under columns a..b."""
    pieces = chunks(nxt.text)
    return bool(pieces) and all(x > b or x + len(t) < a for x, t in pieces)


def _table_row(after: Line | None, nxt: Line, patterns: Patterns, x: int, y: int) -> bool:
    """Whether `after` is another row of a table that `nxt` starts: columns of its own, no
    labels, text under the value's column x..y."""
    if after is None or after.page != nxt.page or after.row > nxt.row + 2:
        return False
    if len(chunks(nxt.text)) < 2 or label_hits(after, patterns):
        return False
    return any(s <= y and s + len(c) >= x for s, c in chunks(after.text))


def _read_line(
    lines: list[Line], i: int, patterns: Patterns, found: list[Candidate], below: bool = True
) -> None:
    """The values a line's labels and phrases give (not `below`: a line of captions under their
    values, read by `captions`, whose labels and phrases take nothing below them)."""
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    after = lines[i + 2] if i + 2 < len(lines) else None
    header = header_values(line, nxt, after, patterns) if below else None
    found += header or []
    hits = label_hits(line, patterns) if below and header is None else []
    headings = bool(hits) and heads_row(line, patterns)
    for k, hit in enumerate(hits):
        if not hit.label.field:
            continue
        stop = hits[k + 1].start if k + 1 < len(hits) else len(line.text)
        if line.prose:  # a paragraph: the value ends with its sentence ("Hours: 8.")
            stop = min(stop, _sentence_end(line.text, hit.end))
        pieces = chunks(line.text, hit.end, stop)
        if pieces and (headings or heading(pieces[0][1], patterns)):
            pieces = []  # a column heading beside it: "Course  Held", "Session  Presenter"
        if pieces and _runs_as_sentence(line.text, hit.end, pieces[0]):
            continue  # "Hours have been reported to ...": a sentence's first word, no label
        how = f'label "{hit.label.text.rstrip(":")}"'
        if pieces:
            start, text = pieces[0]
            span = Span(line, start, start + len(text))
            got = candidate(hit.label.field, span, how, "label", patterns)
            shape = patterns.fields[hit.label.field].reader.shape.name
            if got and got.problem and start - hit.end >= 8 and nxt and shape != "text":
                # another column's value far off on the label's line ("DATE COMPLETED   MRSR
                # 2871"): the label's own may stand under it in its column; a date's or a
                # number's, whose kind tells it (under "School:" a signer's name may stand)
                a, b = _below(line, nxt, patterns, hit.start, hit.end, after)
                under = candidate(hit.label.field, Span(nxt, a, b), how, "label", patterns)
                if b and under is not None and under.problem is None:
                    got = replace(under, how=how + ", value on the next line")
        else:
            a, b = _below(line, nxt, patterns, hit.start, hit.end, after)
            if hit.label.cell and not heads_below(lines, i, hit.start, hit.end, patterns):
                a, b = 0, 0  # a caption alone under a line of text: maybe that text's
            got = None
            if b and nxt is not None:
                how += ", value on the next line"
                got = candidate(hit.label.field, Span(nxt, a, b), how, "label", patterns)
                if got is not None and got.confidence is not None:  # a photo's rows may slip
                    got = replace(got, low=True, notes=(*got.notes, OCR_NOTE))
        if got is not None:
            label = hit.label
            got = labelled(wrapped(got, lines, patterns), label)
            if not (label.cell and not pieces and got.problem):  # a caption alone over no value
                found.append(got)
    for phrase in phrase_hits(line, patterns):
        how = f'phrase "{phrase.shown}"'
        span = Span(line, phrase.start, phrase.end)
        beside = _beside_value(line, phrase.start, patterns) if phrase.start == phrase.end else None
        if beside is not None:  # a form whose captions are a sentence's words, values beside
            span, how = Span(line, *beside), how + ", value in the next column"
        elif phrase.start == phrase.end and phrase.at_end:
            start = next(s for s, c in chunks(line.text) if s <= span.start <= s + len(c))
            a, b = _below(line, nxt, patterns, start, span.start, after) if below else (0, 0)
            if below and not b and nxt is not None and _blank_under(nxt, start, span.start):
                # the next line holds only another column's text ("NO. 1045" beside the
                # sentence): the value is on the line after it, in the phrase's column
                nxt, after = after, lines[i + 3] if i + 3 < len(lines) else None
                a, b = _below(line, nxt, patterns, start, span.start, after)
            if not (b and nxt is not None):  # (a caption's value is above it, never below)
                continue
            span, how = Span(nxt, a, b), how + ", value on the next line"
        told = in_sentence(phrase, line, patterns)
        if told is not None:
            span = Span(line, phrase.start, told)
        got = candidate(phrase.field, span, how, "phrase", patterns)
        if told is not None:
            pass
        elif got is not None and got.problem is None and runs_on(phrase, line, nxt, patterns):
            got = replace(got, problem=RUNS_ON)
        elif got is not None and span.line is nxt:
            got = wrapped(got, lines, patterns)
        if got is not None:
            found.append(got)
    if i:
        read_above(lines, i, patterns, found)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence from `start` ends, before its full stop when a number ends it."""
    end = sentence_bounds(text, start, start)[1]
    return end - 1 if re.search(r"\d[.!?]$", text[:end]) else end


_ARTICLES = ("a", "an", "the")


def _runs_as_sentence(text: str, end: int, piece: tuple[int, str]) -> bool:
    """Whether a label's words start a sentence rather than label a value: no colon, number
    sign or column gap after them, and the words that follow begin in lower case ("Hours have
    been reported ...", "Continuing Education Hours (CEHs) may be applied ...")."""
    start, value = piece
    between = text[end - 1 : start] if end else text[:start]
    if any(ch in between for ch in ":#.-\u2013") or "   " in between:
        return False
    words = re.sub(r"^\([^()]*\)\s*", "", value).split()
    return bool(words) and words[0].isalpha() and words[0].islower() and words[0] not in _ARTICLES


def _sections(lines: list[Line], patterns: Patterns) -> list[list[Line]]:
    out: list[list[Line]] = []
    headed = False
    for line in lines:
        heading = any(h.search(line.text.strip()) for h in patterns.headings)
        if not out or out[-1][-1].page != line.page or (heading and headed):
            out.append([])
            headed = False
        headed = headed or heading
        out[-1].append(line)
    return out


def _not_after(
    found: list[Candidate], patterns: Patterns, today: dt.date | None
) -> list[Candidate]:
    """A completion date after today is no class taken (the next refresher, a renewal)."""
    out = []
    for c in found:
        if today is not None and patterns.fields[c.field].reader.completion and c.problem is None:
            try:
                late = dt.date.fromisoformat(c.value) > today
            except ValueError:
                late = False
            if late:
                c = replace(c, problem=f"after today ({today}): not a class taken")
        out.append(c)
    return out


SECOND = "OCR: a second reading differs"


def _agreed(found: list[Candidate], second: list[Line] | None) -> list[Candidate]:
    """An OCR value that a second reading of the page (`second`) does not hold word for word
    is marked: --yes never takes it."""
    if second is None:
        return found
    read = " ".join(" ".join(ln.text.split()) for ln in second).casefold()  # a paragraph's too
    out = []
    for c in found:
        if c.confidence is not None and " ".join(c.text.split()).casefold() not in read:
            c = replace(c, low=True, notes=(*c.notes, SECOND))
        out.append(c)
    return out


def read_certificates(
    lines: list[Line],
    patterns: Patterns,
    holder: str | None,
    today: dt.date | None = None,
    second: list[Line] | None = None,
    dates: str | None = None,
) -> list[Certificate]:
    """Each certificate in the lines (a page, or a repeated heading, starts one) that shows
    at least one field, with its candidates and what is prefilled; `second`: a second OCR
    reading of the pages read by OCR, which their values must agree with; `dates`: how the
    holder's certificates write a numeric date the page does not settle ("month-first")."""
    out: list[Certificate] = []
    classes: list[bool] = []  # whether each names a class (a cover letter names none)
    lines = [unglued(ln, patterns) for ln in lines if ln.text.strip()]
    for section in _sections(lines, patterns):
        section = paragraphs(section, lambda ln: _labelled(ln, patterns))
        found, captioned = captions(section, patterns)
        for i in range(len(section)):
            _read_line(section, i, patterns, found, below=i not in captioned)
        if holder:
            found += held_stack(section, patterns, lambda text: same_person(text, holder))
        found += title_under_heading(section, patterns, found)
        found += title_under_name(section, patterns, found)
        found += title_over_award(section, patterns, found)
        found += event_title(section, patterns, found)
        found += addressee(section, patterns)
        found += lone_date(section, patterns, found)
        if not found:
            continue
        table = session_table(section, patterns)
        if table is None:
            each = [found]
        else:  # a transcript: one certificate per session, its class's fields from its row
            heads, rows = table
            page = [c for c in found if c.field not in SESSION_FIELDS]
            each = [page + row_values(section[heads], section[k], patterns) for k in rows]
        pages = tuple(dict.fromkeys(ln.page for ln in section))
        for got in each:
            fields, warnings, names = _decided(section, got, patterns, holder, today, second, dates)
            out.append(Certificate(len(out) + 1, pages, fields, warnings))
            classes.append(names)
    if any(classes):  # pages that name no class are no certificate when another page does
        out = [replace(c, number=n) for n, c in enumerate(compress(out, classes), 1)]
    return out


def _decided(
    section: list[Line],
    found: list[Candidate],
    patterns: Patterns,
    holder: str | None,
    today: dt.date | None,
    second: list[Line] | None,
    dates: str | None,
) -> tuple[dict[str, FieldReading], tuple[str, ...], bool]:
    """What a certificate's candidates come to: each field's reading, the warnings, and
    whether it names a class (a cover letter names none)."""
    found = ordered(found, [ln.text for ln in section], today, dates)
    found = letterhead(section, patterns, found) + _agreed(
        _not_after(found, patterns, today), second
    )
    found += signed(section, patterns, found)
    readers = [f.reader for f in patterns.fields.values()]
    fields = {r.name: decide(r, [c for c in found if c.field == r.name]) for r in readers}
    fields |= {r.name: as_holder(fields[r.name], holder) for r in readers if r.holder}
    warnings = tuple(w for r in readers if r.holder if (w := not_theirs(fields[r.name], holder)))
    names = any(c.kind != "guess" and patterns.fields[c.field].reader.names_class for c in found)
    return fields, warnings, names


def _labelled(line: Line, patterns: Patterns) -> bool:
    """Whether a line holds a label (a table's cell aside: a justified line's words are
    columns, "CEC    Approval")."""
    return any(not hit.label.cell for hit in label_hits(line, patterns))
