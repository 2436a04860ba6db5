"""A certificate's fields, read from its lines by label ("Course Title:") and by phrase
("has successfully completed Y"), each value with where it came from and how it was found;
and which of them may be prefilled.  Pure: the lines and the patterns come from the store.

The rules (README, "Adding from a certificate"): a guess (the letterhead) is shown, never
prefilled; values of one field that disagree prefill nothing; a date that reads two ways or
has no day is no date until the user says; the completion date wins over issue and expiry
dates (which are shown, never used); an OCR value below the confidence threshold is marked."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from itertools import compress

from ceclog.core.cert_dates import FORMATS, read_date
from ceclog.core.cert_lines import FIELDS, SHOWN, Line, Patterns, chunks, label_hits

MAX_VALUE = 200
CLASS = ("title", "date", "hours", "credits")  # what makes a page a class's certificate


@dataclass(frozen=True)
class Candidate:
    field: str
    value: str  # as an entry takes it: a YYYY-MM-DD date, a number, a text
    text: str  # as read
    how: str  # 'label "Course Title"', 'phrase "..."', "guess: the letterhead"
    kind: str  # "label", "phrase" or "guess"
    page: int
    line: int
    words: tuple[str, ...]
    confidence: float | None  # the lowest OCR confidence of its words; None: a text layer
    low: bool  # below the threshold: marked, never accepted by --yes alone
    notes: tuple[str, ...] = ()
    problem: str | None = None  # why it cannot be taken as it is
    readings: tuple[str, ...] = ()  # a date that reads two ways: both
    weak: bool = False  # a generic label ("Date:"): used only when nothing better was read


@dataclass(frozen=True)
class FieldReading:
    candidates: tuple[Candidate, ...]
    prefill: Candidate | None
    why: str | None  # why nothing is prefilled although something was read


@dataclass(frozen=True)
class Certificate:
    number: int
    pages: tuple[int, ...]
    fields: dict[str, FieldReading]
    warnings: tuple[str, ...]

    def value(self, field: str) -> str | None:
        chosen = self.fields[field].prefill
        return chosen.value if chosen is not None else None


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = text.strip(" \"'\u201c\u201d\u2018\u2019\u00ab\u00bb")  # quotes of all kinds
    return text.rstrip(" ,;:").strip()


# one number, and at most the unit it is in: "14", "7.5", "7,5", "14 hours", "2 CECs"
PLAIN_NUMBER = re.compile(
    r"(?P<n>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:(?:iicrc\s+)?(?:cec|ce|contact|clock|credit)?\s*"
    r"(?:hours?|hrs?\.?|h|cecs?|credits?))?",
    re.IGNORECASE,
)


def _number(text: str) -> tuple[str, str | None]:
    """A plain number of hours or credits; anything more ("90 minutes", "1:30", "3 1/2",
    "7-14", "7 hours 30 minutes") is for the user to read, never guessed at."""
    m = PLAIN_NUMBER.fullmatch(text.strip())
    if m is None:
        has = re.search(r"\d", text)
        return text, ("not one plain number: type it" if has else "no number in it")
    value = m.group("n").replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value, None


def _candidate(
    field: str, line: Line, start: int, end: int, how: str, kind: str, patterns: Patterns
) -> Candidate | None:
    text = _clean(line.text[start:end])
    if not text or (kind == "label" and text.casefold() in patterns.not_values):
        return None
    words = line.words_in(start, end)
    confs = [w.conf for w in words if w.conf is not None]
    conf = min(confs) if confs else None
    low = conf is not None and conf < patterns.min_confidence
    value, problem = text, None
    notes: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    if field in ("date", *SHOWN):
        read = read_date(text)
        value = str(read.value) if read.value else text
        problem, notes = read.problem, read.notes
        readings = tuple(str(d) for d in read.readings) if read.value is None else ()
    elif field in ("hours", "credits"):
        value, problem = _number(text)
    elif len(text) > MAX_VALUE:
        problem = f"longer than {MAX_VALUE} characters"
    elif field == "approval" and not re.search(r"\d", text):
        problem = "no number in it"
    elif field == "title":
        value, problem = _title(text, patterns)
        if line.text[start:end].rstrip().endswith((":", ",", "-", "\u2013")):
            problem = "continues on the next line: type it"
    elif field == "attendee" and not _name_like(text):
        problem = "does not look like a person's name"
    if problem is None:
        problem = _about_else(field, _context(line, start, end, kind, text), value, patterns)
    if low:
        notes = (*notes, f"OCR confidence {conf:.0f} (below {patterns.min_confidence:.0f})")
    return Candidate(
        field,
        value,
        text,
        how,
        kind,
        line.page,
        line.number,
        tuple(w.text for w in words),
        conf,
        low,
        notes,
        problem,
        readings,
    )


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w/]+", text.casefold())) + " "


def _about_else(field: str, context: str, value: str, patterns: Patterns) -> str | None:
    """Why a value read in `context` is about something else: a word of the rules' `context`
    list in its sentence ("must earn 14 CECs every four years"), or one of its field's
    `not_if` words in the value ("Pending", "Lead Instructor")."""
    around = _words(context)
    word = next((w for w in patterns.context if f" {w} " in around), None)
    if word is not None:
        return f"read in a sentence about something else ({word!r}): check it"
    mine = _words(value)
    word = next((w for w in patterns.not_if.get(field, ()) if f" {w} " in mine), None)
    if word is not None:
        return f"{word!r}: not the class's {field}"
    return None


def _context(line: Line, start: int, end: int, kind: str, text: str) -> str:
    """The text a value was read in: a phrase's column of the line, a label's value itself."""
    if kind != "phrase":
        return text
    return next((c for s, c in chunks(line.text) if s <= start < s + len(c)), text)


def _title(text: str, patterns: Patterns) -> tuple[str, str | None]:
    """A title as a sentence gives it: without "on <date>" after it; refused when it starts
    with a date or ends in a word that says it was cut short ("all requirements for")."""
    lead = re.match(r"on\s+(.+?)(?:\s+(?:the|a|an)\b.*)?$", text, re.IGNORECASE)
    if lead is not None and read_date(lead.group(1)).value is not None:
        return text, "begins with a date: not a title"
    tail = re.match(r"(.+?)\s+on\s+(.+)$", text, re.IGNORECASE)
    if tail is not None and any(p.fullmatch(tail.group(2).strip(" .")) for _, p in FORMATS):
        text = tail.group(1)
    last = text.rstrip(" .:,;").split()[-1].casefold() if text.split() else ""
    if last in patterns.not_end.get("title", ()):
        return text, "looks cut short: type it"
    return text, None


def _name_like(text: str) -> bool:
    """A person's name: no digits, and at least two words that start with a capital."""
    words = [w.strip(".,") for w in text.split()]
    capital = [w for w in words if w[:1].isupper()]
    return not re.search(r"\d", text) and len(capital) >= 2


def _phrase_spans(line: Line, patterns: Patterns) -> list[tuple[str, str, int, int, bool]]:
    """(field, pattern, value start, value end, value at the chunk's end) of each phrase."""
    out = []
    for start, chunk in chunks(line.text):
        for phrase in patterns.phrases:  # every match: "up to 14 CECs ... earned 7 CECs"
            for m in phrase.pattern.finditer(chunk):
                a, b = m.span("value")
                shown = f"{chunk[m.start() : a]}…{chunk[b : m.end()]}".strip()
                out.append((phrase.field, shown, start + a, start + b, b >= len(chunk)))
    return out


def _below(
    line: Line, nxt: Line | None, patterns: Patterns, a: int, b: int, after: Line | None = None
) -> tuple[int, int]:
    """The piece of the next line under columns a..b: a label's or a phrase's value printed
    below it ((0, 0): none, or that line holds labels or phrases of its own, or it is the first
    row of a table, whose rows would each be a value).  The next line's columns pair with this
    line's when both have as many; else they must overlap a..b."""
    if nxt is None or nxt.page != line.page or nxt.row > line.row + 3:
        return (0, 0)
    if label_hits(nxt, patterns) or _phrase_spans(nxt, patterns):
        return (0, 0)
    pieces, mine = chunks(nxt.text), chunks(line.text)
    if len(pieces) > 1 and len(pieces) == len(mine):
        pieces = [p for p, m in zip(pieces, mine, strict=True) if m[0] <= a < m[0] + len(m[1])]
    elif len(pieces) > 1:
        pieces = [p for p in pieces if p[0] <= b and p[0] + len(p[1]) >= a]
    if len(pieces) != 1:
        return (0, 0)
    x, y = pieces[0][0], pieces[0][0] + len(pieces[0][1])
    if _table_row(after, nxt, patterns, x, y):
        return (0, 0)
    return (x, y)


def _table_row(after: Line | None, nxt: Line, patterns: Patterns, x: int, y: int) -> bool:
    """Whether `after` is another row of a table that `nxt` starts: columns of its own, no
    labels, text under the value's column x..y."""
    if after is None or after.page != nxt.page or after.row > nxt.row + 2:
        return False
    if len(chunks(nxt.text)) < 2 or label_hits(after, patterns):
        return False
    return any(s <= y and s + len(c) >= x for s, c in chunks(after.text))


def _read_line(lines: list[Line], i: int, patterns: Patterns, found: list[Candidate]) -> None:
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    after = lines[i + 2] if i + 2 < len(lines) else None
    hits = label_hits(line, patterns)
    for k, hit in enumerate(hits):
        if not hit.label.field:
            continue
        stop = hits[k + 1].start if k + 1 < len(hits) else len(line.text)
        pieces = chunks(line.text, hit.end, stop)
        how = f'label "{hit.label.text.rstrip(":")}"'
        if pieces:
            start, text = pieces[0]
            got = _candidate(
                hit.label.field, line, start, start + len(text), how, "label", patterns
            )
        else:
            a, b = _below(line, nxt, patterns, hit.start, hit.end, after)
            got = None
            if b and nxt is not None:
                how += ", value on the next line"
                got = _candidate(hit.label.field, nxt, a, b, how, "label", patterns)
        if got is not None:
            found.append(replace(got, weak=hit.label.weak))
    for field, source, a, b, at_end in _phrase_spans(line, patterns):
        how = f'phrase "{source}"'
        if a == b and at_end:
            start = next(s for s, c in chunks(line.text) if s <= a <= s + len(c))
            a2, b2 = _below(line, nxt, patterns, start, a, after)
            if b2 and nxt is not None:
                got = _candidate(
                    field, nxt, a2, b2, how + ", value on the next line", "phrase", patterns
                )
                if got is not None:
                    found.append(got)
            continue
        got = _candidate(field, line, a, b, how, "phrase", patterns)
        if got is not None:
            found.append(got)


def _decide(field: str, found: list[Candidate]) -> FieldReading:
    cands = tuple(found)
    if field in SHOWN:
        why = "shown only: the class's date is its completion date" if cands else None
        return FieldReading(cands, None, why)
    sure = [c for c in cands if c.kind != "guess"]
    if not sure:
        return FieldReading(cands, None, "only a guess: type it" if cands else None)
    deciding = [c for c in sure if not c.weak] or sure
    values = list(dict.fromkeys(c.value.casefold() for c in deciding))
    if len(values) > 1:
        shown = "; ".join(dict.fromkeys(c.value for c in deciding))
        return FieldReading(cands, None, f"conflicting values ({shown}): say which")
    usable = [c for c in deciding if c.problem is None]
    if not usable:
        return FieldReading(cands, None, deciding[0].problem)
    return FieldReading(cands, usable[0], None)


def _fold(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.findall(r"[^\W\d_]+", text)
    return [w for w in words if len(w) > 1]  # initials aside: "Jane Q. Smith" is Jane Smith


def same_person(printed: str, holder: str) -> bool:
    """The holder's name as a certificate prints it: case, accents, punctuation and initials
    aside, in any order ("SMITH, JANE"), designations after it ("Jane Smith, WRT, ASD") too:
    the holder's first and last names are both there (a middle name may be left out)."""
    names = set(_fold(printed))
    mine = _fold(holder)
    return bool(mine) and mine[0] in names and mine[-1] in names


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


def _guesses(section: list[Line], patterns: Patterns) -> list[Candidate]:
    out = []
    if "letterhead" in patterns.guesses.values() and section:
        first = section[0]
        heading = any(h.search(first.text.strip()) for h in patterns.headings)
        if not heading and not label_hits(first, patterns) and not _phrase_spans(first, patterns):
            start, text = chunks(first.text)[0]
            for field, how in patterns.guesses.items():
                got = _candidate(
                    field, first, start, start + len(text), f"guess: the {how}", "guess", patterns
                )
                out += [got] if got is not None else []
    return out


def _not_after(found: list[Candidate], today: dt.date | None) -> list[Candidate]:
    """A completion date after today is no class taken (the next refresher, a renewal)."""
    out = []
    for c in found:
        if today is not None and c.field == "date" and c.problem is None:
            try:
                late = dt.date.fromisoformat(c.value) > today
            except ValueError:
                late = False
            if late:
                c = replace(c, problem=f"after today ({today}): not a class taken")
        out.append(c)
    return out


def read_certificates(
    lines: list[Line], patterns: Patterns, holder: str | None, today: dt.date | None = None
) -> list[Certificate]:
    """Each certificate in the lines (a page, or a repeated heading, starts one) that shows
    at least one field, with its candidates and what is prefilled."""
    out: list[Certificate] = []
    classes: list[bool] = []  # whether each names a class (a cover letter names none)
    for section in _sections([ln for ln in lines if ln.text.strip()], patterns):
        found: list[Candidate] = []
        for i in range(len(section)):
            _read_line(section, i, patterns, found)
        if not found:
            continue
        found = _guesses(section, patterns) + _not_after(found, today)
        fields = {f: _decide(f, [c for c in found if c.field == f]) for f in FIELDS + SHOWN}
        warnings = []
        attendee = fields["attendee"].prefill
        if attendee is not None and holder and not same_person(attendee.value, holder):
            warnings.append(
                f"the certificate is for {attendee.value!r}, not {holder!r}, the ledger's "
                "holder: is it yours?"
            )
        pages = tuple(dict.fromkeys(ln.page for ln in section))
        out.append(Certificate(len(out) + 1, pages, fields, tuple(warnings)))
        classes.append(any(c.kind != "guess" and c.field in CLASS for c in found))
    if any(classes):  # pages that name no class are no certificate when another page does
        out = [replace(c, number=n) for n, c in enumerate(compress(out, classes), 1)]
    return out
