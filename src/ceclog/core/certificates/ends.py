"""Where a text read up to the end of its line ends: on that line, on the next one (a PDF maker
wraps a long title), at a clause of its paragraph's sentence ("... Technician (CCT) on February
11, 2026"), or where the page does not say (left for the user).  Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from ceclog.core.certificates.alone import GENERIC, dated
from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.dates import read_date
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.paragraphs import clause_end, ends_sentence, long_line
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import PhraseHit, label_hits, marked, phrase_hits


def runs_on(phrase: PhraseHit, line: Line, nxt: Line | None, patterns: Patterns) -> bool:
    """Whether a text read by a phrase up to the end of its line may go on to the next one (a
    wrapped paragraph: "... completed the course Applied" / "Structural Drying"): the next
    line is right below and holds one piece of text, no label or phrase; or the line is a
    sentence broken off mid-way and the next one goes on with a capitalised word, whatever it
    holds ("... completed the 8-hour Mold Remediator" / "Refresher course on April 29, 2026.";
    a clause, "on April 29, 2026", starts with a small word and ends the title)."""
    if not phrase.at_end or phrase.start == phrase.end:
        return False
    if patterns.fields[phrase.field].reader.shape.name != "text":
        return False
    if _code(line.text[phrase.start : phrase.end]):  # "Approval 26-7703": a number is whole
        return False
    if line.prose:  # a paragraph's lines made one: where its text ends is not told
        return True
    if nxt is None:
        return False
    if nxt.page != line.page or len(chunks(nxt.text)) != 1:
        return False
    if nxt.row == line.row + 1 and not marked(nxt, patterns):
        return True
    sentence = long_line(line) and not ends_sentence(line)  # its lines as a paragraph's apart
    return sentence and nxt.row - line.row <= 2 and nxt.text.strip()[:1].isupper()


RUNS_ON = "may go on to the next line: type it"


def _code(text: str) -> bool:
    """A code, one word with a digit ("26-7703", "MR-C-0388"), not broken off at a hyphen: a
    line's end ends it."""
    words = text.split()
    return len(words) == 1 and any(ch.isdigit() for ch in text) and not text.endswith("-")


def in_sentence(phrase: PhraseHit, line: Line, patterns: Patterns) -> int | None:
    """Where a text read by a phrase to the end of a paragraph ends, when its sentence says
    (None: not a paragraph's text, or it does not say)."""
    if not (line.prose and phrase.at_end and phrase.start < phrase.end):
        return None
    if patterns.fields[phrase.field].reader.shape.name != "text":
        return None
    cut = clause_end(line.text[phrase.start : phrase.end])
    if cut is None or not named(line.text[phrase.start : phrase.start + cut]):
        return None
    return phrase.start + cut


_SMALL = {"with", "from", "into", "over", "under", "upon", "and", "the", "for", "of", "a", "an"}


def named(text: str) -> bool:
    """Whether a text reads as a name or a title: its words capitalised, small ones aside
    ("Carpet Cleaning Technician (CCT)"), not the rest of a sentence ("Applied Structural
    Drying and a practical exercise")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    return bool(words) and all(w[0].isupper() or w.casefold() in _SMALL for w in words)


def _cell_alone(line: Line, patterns: Patterns) -> bool:
    """A line that is one word of a table's cell and nothing else, a word a title may end with
    ("Technician", "Workshop"; never a date's or an amount's, "Date", "Hours")."""
    hits = label_hits(line, patterns)
    return (
        len(chunks(line.text)) == 1
        and len(hits) == 1
        and hits[0].label.cell
        and hits[0].label.field in ("title", "attendee")
        and not line.text[hits[0].end :].strip()
        and not phrase_hits(line, patterns)
    )


def _carries(line: Line, start: int, k: int, lines: list[Line], patterns: Patterns) -> bool:
    """Whether `lines[k]`, right under a title that ends `line` at `start`, carries it on (a
    centred title broken in two: "Fire and Smoke Damage" / "Restoration Technician" / "June
    2, 2026"): in the title's column (the same start or the same middle), its words
    capitalised and one of them a word of a class (never a place, a person or "What
    Changed"; nor only a kind of class, "Online Course"), and a date or a line of labels or
    phrases right under it ends the title."""
    nxt = lines[k]
    (at, more), end = chunks(nxt.text)[0], lines[k + 1] if k + 1 < len(lines) else None
    middle = abs((at + len(more) / 2) - (start + (len(line.text) - start) / 2))
    inside = len(chunks(line.text)) == 1 and start <= at and at + len(more) <= len(line.text)
    if nxt.row != line.row + 1 or (abs(at - start) > 1 and middle > 4 and not inside):
        return False  # (a big title alone on its line spans it: a centred rest lies inside)
    if "," in more:
        return False
    if not (named(more) and classy(more, patterns)):
        return False
    if end is None or end.page != nxt.page or end.row > nxt.row + 8:
        return False  # (a centred page may leave blank rows before its table of labels)
    return marked(end, patterns) or read_date(end.text.strip()).value is not None


def classy(text: str, patterns: Patterns) -> bool:
    """Whether a text holds a word of a class ("Refresher", "Technician", "Course"), not only a
    kind of class ("Online Course", "Live Webinar": what kind of class, or the title's?)."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}
    return bool(words & set(patterns.fields["attendee"].words.not_if)) and not words <= GENERIC


def _goes_on(got: Candidate, line: Line, nxt: Line, patterns: Patterns) -> bool:
    """Whether the row right under a label's value goes on with it, where the value may not end:
    a piece in its column starting with a small letter (a word broken off: "Mold Remediator
    Cont" / "inuing Education"), or a piece in a form's label column, no label, under a value
    beside its label, with nothing under the value ("Course:   Mold Remediation" /
    "Refresher (Part 2)": a cell wrapped back to the line's start)."""
    start = line.text.find(got.text)
    pieces = chunks(nxt.text)
    if got.kind != "label" or got.problem is not None or start < 0 or not pieces:
        return False
    if nxt.page != line.page or not 0 < nxt.row - line.row <= 2:
        return False
    (at, more), end = pieces[0], start + len(got.text)
    if abs(at - start) <= 1 and more[:1].islower():
        return True
    first = chunks(line.text)[0][0]
    if abs(at - first) > 1 or first >= start - 2:
        return False
    if more.endswith(":") or any(hit.start <= at + len(more) for hit in label_hits(nxt, patterns)):
        return False
    if dated(more):  # a date alone under the form ("May 20, 2026") is no title's last words
        return False
    return more[:1].isalpha() and all(s > end for s, _ in pieces[1:])


def wrapped(got: Candidate, lines: list[Line], patterns: Patterns) -> Candidate:
    """A title that ends its line, with a line right below that may carry it on (a PDF maker
    wraps a long title: "Understanding the S500 Standard: What" / "Changed"): joined when the
    title cannot end where its line does (a `not_end` word) or the line below carries it on
    (`_carries`), else left for the user."""
    words = patterns.fields[got.field].words
    at = next((i for i, ln in enumerate(lines) if (ln.page, ln.number) == (got.page, got.line)), 0)
    line, nxt = lines[at], lines[at + 1] if at + 1 < len(lines) else None
    if words.not_end and nxt is not None and _goes_on(got, line, nxt, patterns):
        after = lines[at + 2] if at + 2 < len(lines) else None
        if not _form_wrap(line, nxt, after, patterns):
            return replace(got, problem=RUNS_ON)
        (piece_at, more), start = chunks(nxt.text)[0], line.text.rindex(got.text)
        again = _join(
            got, line, start, nxt, piece_at, more, f"{got.how}, and the line below", patterns
        )
        return again or replace(got, problem=RUNS_ON)
    if not words.not_end or nxt is None or not line.text.rstrip().endswith(got.text):
        return got
    start = line.text.rindex(got.text)
    if all(x > len(line.text) or x + len(t) < start for x, t in chunks(nxt.text)):
        return got  # only another column's text under it ("COURSE" beside the title's end)
    gap = nxt.row - line.row
    if nxt.page != line.page or gap not in (1, 2, 3):
        return got
    if marked(nxt, patterns):  # a table's cell word alone ("Technician") may end a title, too
        alone = got.problem is None and gap <= 2 and _cell_alone(nxt, patterns)
        return replace(got, problem=RUNS_ON) if alone else got
    pieces = chunks(nxt.text)
    more = pieces[0][1] if len(pieces) == 1 else ""
    if not more or re.search(r"\d", more) or len(more.split()) > 4:
        return got
    if gap > 1 and abs(pieces[0][0] - start) > 1:
        return got  # blank rows apart, it carries the title on only right under its start
    if got.problem is None and not _carries(line, start, at + 1, lines, patterns):
        return replace(got, problem=RUNS_ON)
    if got.problem is not None and not got.problem.startswith("looks cut short"):
        return got
    again = _join(
        got, line, start, nxt, pieces[0][0], more, f"{got.how}, and the line below", patterns
    )
    return again or got


def _join(
    got: Candidate,
    line: Line,
    start: int,
    nxt: Line,
    at: int,
    more: str,
    how: str,
    patterns: Patterns,
) -> Candidate | None:
    """`got`, read from `start` to its line's end, carried on by the piece `more` of the line
    below (at column `at`)."""
    base = len(line.text) + 1
    joined = Line(
        line.page,
        line.number,
        f"{line.text} {more}",
        (
            *line.words,
            *(replace(w, start=w.start - at + base) for w in nxt.words_in(at, at + len(more))),
        ),
        line.row,
    )
    again = candidate(got.field, Span(joined, start, len(joined.text)), how, got.kind, patterns)
    return None if again is None else replace(again, weak=got.weak)


def _form_wrap(line: Line, nxt: Line, after: Line | None, patterns: Patterns) -> bool:
    """Whether the piece that `_goes_on` found under a form's value surely carries it on (a
    form's row wrapped back under its label: "Course: Mold Remediation Contractor" /
    "Refresher (Part 2)   Provider ID: 77" / "Course Date: 7/21/2026"): a few capitalised
    words, one of them a word of a class, and the row right under it is the form's next
    labelled row, so the piece is no row of its own.  A piece starting with a small letter (a
    word broken off) is left to the user."""
    more = chunks(nxt.text)[0][1]
    if not more[:1].isupper() or len(more.split()) > 6 or not named(_unbracketed(more)):
        return False
    if not classy(more, patterns):  # "What Changed": a title's words, or a row of its own?
        return False
    if after is None or after.page != nxt.page or not 0 < after.row - nxt.row <= 2:
        return False
    first = chunks(after.text)[0][0]
    return any(hit.start <= first + 1 for hit in label_hits(after, patterns))


def _unbracketed(text: str) -> str:
    """A text without what it says in brackets ("Refresher (NYS Article 32)")."""
    return re.sub(r"\([^()]*\)", " ", text)
