"""Values printed alone on their lines, told by the lines around them.  A caption alone in its
column, no colon ("Course", "STUDENT", "Licensee"): whether it heads the value printed under
it ("Learner" / "Jane Smith" / "Course" / "Water Damage Restoration") or captions the one
printed over it, as a signature line's caption does ("Jane Smith" / "Student").  A page that
stacks the heading, the holder's name and the title with no wording between them.  A value
alone on the line over a wording that says so ("Jane Smith" / "has successfully completed").
Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.dates import read_date
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import label_hits, marked, phrase_hits
from ceclog.core.certificates.values import PARTICLES


def _over(line: Line, a: int, b: int) -> tuple[int, str] | None:
    """The piece of `line` in the column a..b, if one."""
    pieces = [(s, c) for s, c in chunks(line.text) if s <= b and s + len(c) >= a]
    return pieces[0] if len(pieces) == 1 else None


def _lone_caption(line: Line, a: int, b: int, patterns: Patterns) -> bool:
    """Whether the piece of `line` in the column a..b is a label and nothing else."""
    piece = _over(line, a, b)
    if piece is None:
        return False
    s, text = piece
    return any(
        h.start == s and not chunks(line.text, h.end, s + len(text))
        for h in label_hits(line, patterns)
    )


def heads_below(lines: list[Line], i: int, a: int, b: int, patterns: Patterns) -> bool:
    """Whether the caption alone at columns a..b of `lines[i]` heads the value below it: the
    line over it is far (two blank rows or more), on another page, a heading, a line of labels
    or phrases, has nothing in its column, or is itself the value under a caption alone (a
    stack of captions, each over its value).  Else (a line of text right over it) the caption
    may be that text's: neither way is taken."""
    line = lines[i]
    above = lines[i - 1] if i else None
    if above is None or above.page != line.page or above.row < line.row - 2:
        return True
    if marked(above, patterns) or any(h.search(above.text.strip()) for h in patterns.headings):
        return True
    if _over(above, a, b) is None:
        return True
    up = lines[i - 2] if i > 1 else None
    return (
        up is not None
        and up.page == line.page
        and up.row >= above.row - 3
        and _lone_caption(up, a, b, patterns)
    )


# a school's or a firm's name, never a class's title: "Pro Floor Care Institute", "Acme LLC"
ORG = re.compile(
    r"\b(?:academy|institute|school|university|college|association|society|council|"
    r"llc|inc|ltd|corp|corporation|company|co)\b",
    re.IGNORECASE,
)
# a certificate's heading, with up to three words before it and after its "of": "Certificate",
# "Continuing Education Certificate of Completion", "Certificate of Course Completion"
_WORD = r"[^\W\d_][\w'\u2019-]*"
HEADING = re.compile(rf"(?:{_WORD}\s+){{0,3}}certificate(?:\s+of(?:\s+{_WORD}){{1,3}})?", re.I)
_SHORT = re.compile(r"\(?[A-Z]{2,6}\)?")  # a title's initials on a line of their own: "OCT"


def _near(line: Line, nxt: Line) -> bool:
    return nxt.page == line.page and nxt.row <= line.row + 3


def _heading_end(lines: list[Line], i: int) -> int | None:
    """Where a heading that starts at `lines[i]` ends: "Certificate of Completion" on one line
    or on two ("CERTIFICATE" / "of Course Completion"); None: no heading starts there."""
    text = " ".join(lines[i].text.split())
    if not HEADING.fullmatch(text):
        return None
    if i + 1 < len(lines) and _near(lines[i], lines[i + 1]):
        two = f"{text} {' '.join(lines[i + 1].text.split())}"
        if two.casefold().startswith(f"{text.casefold()} of ") and HEADING.fullmatch(two):
            return i + 1
    return i


def dated(text: str) -> bool:
    """Whether `text` holds a date, one that reads two ways or has no day too."""
    when = read_date(text)
    if when.value is not None or when.readings:
        return True
    return when.problem not in (None, "no date in it")


def one_piece(line: Line) -> Span | None:
    pieces = chunks(line.text)
    if len(pieces) != 1:
        return None
    start, text = pieces[0]
    return Span(line, start, start + len(text))


def _named(span: Span | None) -> Span | None:
    """`span` up to the first small word of a sentence after a name ("Jane Smith attended the",
    a completion sentence's verb going on under it): a name's particles stay ("de la")."""
    if span is None:
        return None
    for m in re.finditer(r"\S+", span.text):
        word = m.group(0)
        if m.start() and word[:1].islower() and word.strip(",.") not in PARTICLES:
            cut = span.text[: m.start()].rstrip()
            return Span(span.line, span.start, span.start + len(cut))
    return span


def held_stack(
    lines: list[Line], patterns: Patterns, is_holder: Callable[[str], bool]
) -> list[Candidate]:
    """A page that stacks, each alone on its line, the heading, the holder's name and the
    class's title ("Certificate of Achievement" / "Jane Smith" / "Odor Control Technician" /
    "May 4, 2026"): the name is read as the attendee when it is the ledger's holder's, and the
    line under it as the title when a date or a line of labels or phrases ends the stack right
    under it (a title's initials alone between them aside: "OCT"); a school's or a firm's name,
    a date, a number, a heading or a sentence's words ("completed the ...") is never a title."""
    out: list[Candidate] = []
    for i in range(len(lines)):
        end = _heading_end(lines, i)
        if end is None or end + 2 >= len(lines) or not _near(*lines[end : end + 2]):
            continue
        name = lines[end + 1]
        span = _named(one_piece(name))
        if span is None or _marked_else(name, patterns) or not is_holder(span.text):
            continue
        if ":" in span.text:
            continue  # a caption glued to the name, one the wordings lack ("Employee: ...")
        said = " ".join(" ".join(ln.text.split()) for ln in lines[i : end + 1])
        how = f'the holder\'s name, under "{said}"'
        got = candidate("attendee", span, how, "phrase", patterns)
        if got is None or got.problem is not None:
            continue
        out.append(got)
        title = _title_under(lines, end + 2, patterns)
        if title is not None:
            out.append(title)
    return out


def _marked_else(line: Line, patterns: Patterns) -> bool:
    """Whether a line holds a label, or a phrase of another field than the attendee's (the
    name's own sentence, "Dana Reyes attended the", names the same person)."""
    hits = phrase_hits(line, patterns)
    return bool(label_hits(line, patterns)) or any(h.field != "attendee" for h in hits)


def _title_under(lines: list[Line], k: int, patterns: Patterns) -> Candidate | None:
    """The title alone on `lines[k]`, right under the holder's name, when the stack ends right
    under it."""
    line = lines[k]
    span = one_piece(line)
    if span is None or not _near(lines[k - 1], line) or marked(line, patterns):
        return None
    text = span.text.strip()
    if any(h.search(text) for h in patterns.headings) or ORG.search(text):
        return None
    if text[:1].islower():
        return None  # a sentence ("attended the sessions and is awarded 2", "completed the ...")
    if dated(text):
        return None
    k += 1
    if k < len(lines) and _SHORT.fullmatch(lines[k].text.strip()) and _near(line, lines[k]):
        line, k = lines[k], k + 1
    if k >= len(lines) or not _near(line, lines[k]):
        return None
    if not (marked(lines[k], patterns) or dated(lines[k].text)):
        return None
    how = "the line under the holder's name"
    got = candidate("title", span, how, "phrase", patterns)
    return got if got is not None and got.problem is None else None


def _caption_alone(line: Line, field: str, patterns: Patterns) -> bool:
    """Whether a line is one label of `field` and nothing else ("Participant")."""
    hits = label_hits(line, patterns)
    text = line.text.strip().rstrip(":")
    return (
        len(hits) == 1
        and hits[0].label.field == field
        and " ".join(hits[0].label.words) == " ".join(text.casefold().split())
    )


# a place on a line of its own: "Tampa, FL", "Mesa, Arizona"
_PLACE = re.compile(r",\s*(?:[A-Z]{2}\.?|(?:[A-Z][a-z]+\s?){1,2})(?:\s+\d{5})?$")


def title_under_name(
    lines: list[Line], patterns: Patterns, found: list[Candidate]
) -> list[Candidate]:
    """The title alone on the line right under the holder's name, the name alone on its line
    under the wording that named it ("awarded to" / "Jane Smith" / "Odor Control Technician" /
    "May 4, 2026"), when a date or a line of labels or phrases ends the stack right under it.
    Read only on a page whose title no label or phrase names."""
    sure = [c for c in found if c.kind in ("label", "phrase")]
    if any(c.field == "title" for c in sure):
        return []
    for person in (c for c in sure if c.field == "attendee" and c.problem is None):
        at = [k for k, ln in enumerate(lines) if (ln.page, ln.number) == (person.page, person.line)]
        if not at or at[0] + 2 >= len(lines):
            continue
        span = one_piece(lines[at[0]])
        if span is None or span.text.strip() != person.text.strip():
            continue  # the name shares its line: a form's row, not a stack
        k = at[0] + 1
        if _caption_alone(lines[k], "attendee", patterns) and k + 2 < len(lines):
            k += 1  # the name's caption under it ("Jane Smith" / "Participant" / the title)
        got = _title_under(lines, k, patterns)
        if got is not None and not _PLACE.search(got.text.strip()):
            return [replace(got, how="the line under the holder's name, alone on its line")]
    return []


# the kind of class or the designation a title ends in ("... Refresher Course", "Mold
# Assessment Technician"); never "Training" or "Program", which end a school's name too
_KIND_END = re.compile(r"\b(?:course|class|seminar|workshop|webinar|technician|refresher)$", re.I)
# words that name no class of their own: "IICRC Approved Continuing Education Course"
GENERIC = frozenset(
    {
        "iicrc",
        "approved",
        "continuing",
        "education",
        "ce",
        "cec",
        "cecs",
        "course",
        "class",
        "seminar",
        "workshop",
        "webinar",
        "training",
        "online",
        "live",
        "in-person",
        "technician",
        "refresher",
        "certified",
        "the",
        "of",
        "a",
        "an",
        "and",
        "in",
        "for",
    }
)


def title_under_heading(
    lines: list[Line], patterns: Patterns, found: list[Candidate]
) -> list[Candidate]:
    """A title alone right under the heading, its lines of labels right under it (a subtitle
    line between them or not): "CERTIFICATE OF COMPLETION" / "Mold Remediation Worker
    Refresher Course" / "Student: Jane Smith".  Read only on a page that names its attendee
    by a label or a phrase (the line is not the name) and its title by none, when the line
    ends in a kind of class or a designation and names more than a kind of class."""
    sure = [c for c in found if c.kind in ("label", "phrase")]
    names = {c.value.casefold() for c in sure if c.field == "attendee"}
    if not names or any(c.field == "title" for c in sure):
        return []
    for i in range(len(lines)):
        end = _heading_end(lines, i)
        if end is None or end + 2 >= len(lines) or not _near(*lines[end : end + 2]):
            continue
        line = lines[end + 1]
        span = one_piece(line)
        if span is None or marked(line, patterns):
            continue
        text = span.text.strip().rstrip(".")
        words = {w.casefold() for w in text.split()}
        if not _KIND_END.search(text) or words <= GENERIC or ORG.search(text):
            continue
        if text.casefold() in names or dated(text):
            continue
        nxt = lines[end + 2]
        if nxt.page != line.page or nxt.row > line.row + 5:
            continue  # the labels may stand a few blank rows lower, a subtitle line never
        if not marked(nxt, patterns) and not _near(line, nxt):
            continue
        if not marked(nxt, patterns):  # a subtitle line, then the labels
            then = lines[end + 3] if end + 3 < len(lines) else None
            if then is None or then.page != nxt.page or then.row > nxt.row + 5:
                continue  # the table of labels may stand a few blank rows lower
            if not marked(then, patterns):
                continue
        said = " ".join(" ".join(ln.text.split()) for ln in lines[i : end + 1])
        got = candidate("title", span, f'the line under "{said}"', "phrase", patterns)
        return [got] if got is not None and got.problem is None else []
    return []


def read_above(lines: list[Line], i: int, patterns: Patterns, found: list[Candidate]) -> None:
    """The values the wordings of `lines[i]` say stand on the line above (shown once: a value
    read there already by another wording is not read again)."""
    line = lines[i]
    for wording in patterns.above:
        m = wording.pattern.search(line.text.strip())
        over = _line_over(lines, i) if m else None
        got = _line_above(wording.field, m.group(0), line, over, patterns) if m and over else None
        if got is not None and not any(
            (c.field, c.page, c.line) == (got.field, got.page, got.line) for c in found
        ):
            found.append(got)
            title = _title_under_verb(lines, i, patterns) if got.problem is None else None
            if got.field == "attendee" and title is not None:
                found.append(title)


_VERB = re.compile(r"(?:successfully\s+|satisfactorily\s+)?completed", re.IGNORECASE)


def _title_under_verb(lines: list[Line], i: int, patterns: Patterns) -> Candidate | None:
    """The title under "completed" alone on its line with a name over it ("Jane Smith" /
    "completed" / "Odor Control Technician" / "Completed on May 4, 2026"): one piece, ended by
    a date or a line of labels or phrases right under it.  ("Completed" alone with no name
    over it is a date's caption.)"""
    if not _VERB.fullmatch(" ".join(lines[i].text.split())) or i + 2 >= len(lines):
        return None
    line, end = lines[i + 1], lines[i + 2]
    span = one_piece(line)
    if span is None or not _near(lines[i], line) or marked(line, patterns):
        return None
    if dated(span.text) or ORG.search(span.text) or not _near(line, end):
        return None
    if not (marked(end, patterns) or dated(end.text)):
        return None
    got = candidate("title", span, "the line under the name and its verb", "phrase", patterns)
    return got if got is not None and got.problem is None else None


def _line_over(lines: list[Line], i: int) -> Line | None:
    """The line right over `lines[i]`; on a text layer, whose columns keep their places, the
    nearest one with text over it (a page in two columns: "Jane Smith" beside "Expo Hall",
    "Denver, CO" under that, then "attended" under the name)."""
    line = lines[i]
    (at, mine), text_layer = chunks(line.text)[0], all(w.conf is None for w in line.words)
    for k in range(i - 1, max(i - 3, -1), -1):
        over = lines[k]
        if over.page != line.page or over.row < line.row - 3:
            return None
        if not text_layer or _over(over, at, at + len(mine)) is not None:
            return over
        if k == i - 1 and len(chunks(over.text)) == 1:
            continue  # another column's line under the name
        return None
    return None


def _line_above(
    field: str, said: str, line: Line, above: Line, patterns: Patterns
) -> Candidate | None:
    """The value a line's wording says stands alone on the line right above it: a name
    centred over "has successfully completed"."""
    if marked(above, patterns):
        return None
    if any(h.search(above.text.strip()) for h in patterns.headings):  # "Certificate of ..."
        return None
    at, mine = chunks(line.text)[0]
    pieces = chunks(above.text)
    if len(pieces) != 1 and any(w.conf is not None for w in above.words):
        return None  # OCR: a line's pieces are not where the page prints them
    piece = _over(above, at, at + len(mine))
    if piece is None:
        return None  # not over the wording: another column's ("Charlotte, NC" / "attended")
    start, text = piece
    how = f'the line above "{said}"'
    return candidate(field, Span(above, start, start + len(text)), how, "phrase", patterns)
