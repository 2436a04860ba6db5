"""One value read for a field at one place on a certificate: the text cleaned, made a value by
the field's shape and check (`registry`), refused when its sentence is about something
else, marked when OCR was unsure of it; with where it came from and how it was found."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ceclog.core.certificates.lines import LEGAL_FORMS, Span, chunks, sentence_of
from ceclog.core.certificates.patterns import Label, Patterns
from ceclog.core.certificates.scan import heading
from ceclog.core.certificates.values import Parsed


@dataclass(frozen=True)
class Candidate:
    field: str
    value: str  # as an entry takes it: a YYYY-MM-DD date, a number, a text
    text: str  # as read
    how: str  # 'label "Course Title"', 'phrase "..."', "guess: the letterhead"
    kind: str  # "label", "phrase", "letterhead" (the school's name) or "guess"
    page: int
    line: int
    words: tuple[str, ...]
    confidence: float | None  # the lowest OCR confidence of its words; None: a text layer
    low: bool  # below the threshold: marked, never accepted by --yes alone
    notes: tuple[str, ...] = ()
    problem: str | None = None  # why it cannot be taken as it is
    readings: tuple[str, ...] = ()  # a date that reads two ways: both
    weak: bool = False  # a generic label ("Date:"): used only when nothing better was read
    elsewhere: bool = False  # read in a sentence about something else: never a conflict
    yields: bool = False  # read by a label whose value yields to a letterhead naming another
    invalid: bool = False  # its field's check refused it ("Training" is no person's name)
    # why --yes never takes it although it is prefilled: the user confirms it ("the
    # letterhead, not confirmed by the page"); None: nothing to confirm (OCR aside: `low`)
    unconfirmed: str | None = None


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = text.strip(" \"'\u201c\u201d\u2018\u2019\u00ab\u00bb")  # quotes of all kinds
    return text.rstrip(" ,;:\u00b7\u2022").strip()


# an item ends at a middle dot, bullet or bar between spaces ("Acme Academy \u00b7 Keep this
# certificate ..."), and at a dash between spaces after a firm's legal form, which ends its
# name (a photo's middle dot as OCR reads it: "Acme Restoration LLC - Form HR-04 rev. 2024")
_FORM = "|".join(rf"(?<=\b(?i:{form}))" for f in LEGAL_FORMS for form in (f, rf"{f}\."))
ITEM = re.compile(rf"\s+[\u00b7\u2022|]\s+|(?:{_FORM})\s+[-\u2013\u2014]\s+")


def first_item(text: str) -> str:
    """A text's first item, up to a middle dot, bullet or bar between spaces: what follows is
    another ("Presented by Expo Group \u00b7 Keep this certificate for your records.")."""
    m = ITEM.search(text)
    return text[: m.start()].rstrip() if m else text


# a number's item ends at a dash between spaces too, as OCR reads a middle dot, when a
# capitalised word starts the next item ("3 - Approval CE-25-2291"); never a range ("7 - 14")
_AMOUNT_END = re.compile(r"\s+[-\u2013\u2014]\s+(?=[A-Z])")


def _first_amount(text: str) -> str:
    """A number's item: "3 \u00b7 Approval ...", "3 - Approval ..." is 3, and so is "3 hours -",
    the dash before the next label."""
    text = re.sub(r"\s+[-\u2013\u2014]$", "", first_item(text))
    m = _AMOUNT_END.search(text)
    return text[: m.start()].rstrip() if m else text


def labelled(got: Candidate, label: Label) -> Candidate:
    """A label's value as its label says to take it, on a line or heading a table's column:
    weak ("Date:"), yielding to a letterhead that names another ("Hosted by"), or only to
    confirm ("School #": --yes never takes it)."""
    got = replace(got, weak=label.weak, yields=label.yields)
    if label.unconfirmed and got.unconfirmed is None:
        got = replace(got, unconfirmed=label.unconfirmed)
    return got


def candidate(field: str, span: Span, how: str, kind: str, patterns: Patterns) -> Candidate | None:
    """The value of `field` read at `span` (None: nothing there, or a column heading after a
    label)."""
    text = _clean(span.text)
    if not text or (kind == "label" and heading(text, patterns)):
        return None
    bound = patterns.fields[field]
    if bound.reader.shape.name == "text" and kind != "guess":
        text = first_item(text)
    elif bound.reader.shape.name == "number":
        text = _first_amount(text)
    parsed = bound.reader.shape.read(text)
    invalid = False
    if parsed.problem is None and bound.reader.check is not None:
        parsed = bound.reader.check(parsed.value, span.text, bound.words)
        invalid = parsed.problem is not None
    else_why = None
    if parsed.problem is None or parsed.readings:  # a date read two ways may be read one way
        context = _context(span, kind, text)
        if kind == "phrase" and bound.reader.shape.name == "date":
            # a date's sentence says before it what the date is ("expires on", "next class
            # on"); what follows it is another clause ("held on April 14, 2026 in Dayton, 7
            # hours including a lab")
            at = context.find(span.text)
            context = context[: at + len(span.text)] if at >= 0 else context
        else_why = _about_else(field, context, parsed.value, bound.words.not_if, patterns)
        problem = parsed.problem or else_why
        parsed = Parsed(parsed.value, problem, parsed.notes, parsed.readings)
    words = span.line.words_in(span.start, span.end)
    confs = [w.conf for w in words if w.conf is not None]
    conf = min(confs) if confs else None
    low = conf is not None and conf < patterns.min_confidence
    notes = parsed.notes
    if low:
        notes = (*notes, f"OCR confidence {conf:.0f} (below {patterns.min_confidence:.0f})")
    return Candidate(
        field=field,
        value=parsed.value,
        text=text,
        how=how,
        kind=kind,
        page=span.line.page,
        line=span.line.number,
        words=tuple(w.text for w in words),
        confidence=conf,
        low=low,
        notes=notes,
        problem=parsed.problem,
        readings=parsed.readings,
        elsewhere=else_why is not None,
        invalid=invalid,
    )


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w/]+", text.casefold())) + " "


def _about_else(
    field: str, context: str, value: str, not_if: tuple[str, ...], patterns: Patterns
) -> str | None:
    """Why a value read in `context` is about something else: a word of the rules' `context`
    list in its sentence ("must earn 14 CECs every four years"), or one of its field's
    `not_if` words in the value ("Pending", "Lead Instructor")."""
    around = _words(context)
    word = next((w for w in patterns.context if f" {w} " in around), None)
    if word is not None:
        return f"read in a sentence about something else ({word!r}): check it"
    mine = _words(value)
    word = next((w for w in not_if if f" {w} " in mine), None)
    if word is not None:
        return f"{word!r}: not the class's {field}"
    return None


def _context(span: Span, kind: str, text: str) -> str:
    """The text a value was read in, within its own sentence: a phrase's column of the line, a
    label's value itself ("26-0915. One CEC per session": the next sentence is about something
    else, not the number; "28 hours (includes a hands-on lab)": its note in brackets is about
    the class)."""
    if kind != "phrase":  # a note in brackets after it says what the class held, not else
        return re.sub(r"(?<=\S)\s*\([^()]*\)", " ", sentence_of(text, 0, 0))
    if span.line.prose:  # a paragraph: the words around the value, not all its sentences
        whole = sentence_of(span.line.text, span.start, span.end)
        start = span.line.text.find(whole)
        before = span.line.text[start : span.start].split()[-3:]
        after = span.line.text[span.end : start + len(whole)].split()[:2]
        return " ".join([*before, span.text, *after])
    where = next(((s, c) for s, c in chunks(span.line.text) if s <= span.start < s + len(c)), None)
    if where is None:
        return text
    s, column = where
    column = sentence_of(column, span.start - s, span.end - s)
    # a parenthesis after the value restates it ("14 contact hours (1.4 CEUs)"): not its sentence
    at = column.find(span.text)
    tail = re.sub(r"\([^()]*\)", " ", column[at + len(span.text) :])
    return column[: at + len(span.text)] + tail
