"""A wall of text: a paragraph whose sentences wrap their fields across lines ("... on Saturday,
the 7th of" / "February, 2026 ..."; "IICRC CEC Approval Number:" / "26-0119-MRB.").  Its lines
are read as one line, their words single-spaced (a justified line's wide gaps are no columns).
Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ceclog.core.certificates.dates import ONE_DAY
from ceclog.core.certificates.lines import Line, Word, chunks

MIN_WORDS = 8  # a paragraph's lines, its last aside, are as long as a sentence's

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
# where a paragraph's sentence goes on past a title: a date ("... Technician (CCT) on February
# 11, 2026", "... held 03/05/2026", "... on 2026-05-15"), where it was given ("... presented in
# Tacoma", "conducted at our ..."), what it earned (", earning 15 CECs"), what the class was
# after a comma (", a course of ..."), the sentence's end
_CLAUSE = re.compile(
    rf"\s+(?:on|held|conducted|dated|from)\s+(?={_MONTH}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d|\d{{4}}-\d\d-\d)"
    r"|,?\s+(?:earning|for\s+a\s+total\s+of)\s+(?=\d)"
    # what the class was, after a comma: "..., a course of sixteen (16) contact hours"
    r"|,\s+(?-i:an?)\s+(?:[\w-]+\s+){0,2}?(?-i:course|class|seminar|workshop|program)\b"
    # its length after the kind of class: "... Technician course consisting of 28 classroom
    # hours" (a kind in small letters is no part of the title: "Odor Control Course" keeps it)
    r"|(?:\s+(?-i:course|class|seminar|workshop|program|training))?,?\s+"
    r"(?:consisting|comprised|comprising|totaling|totalling)\s+(?:of\s+)?(?=\d|[a-z-]+\s+\(\d)"
    r"|,\s+(?:and\s+(?:is|was|has)|held|conducted|presented|offered)\b"
    # what the class held, after a comma: "..., consisting of eight (8) hours of instruction"
    r"|,\s+(?:consisting|comprising|comprised)\s+of\b"
    r"|\s+(?:held|conducted|presented|offered|given|taught)\s+(?:at|in|by|online)\s"
    r"|(?<=[\w)]{3})\.(?=\s+[A-Z]|\s*$)",
    re.IGNORECASE,
)


def _prose(line: Line) -> bool:
    """One column of text, or a justified line: a sentence's words spaced as columns."""
    pieces = chunks(line.text)
    if len(pieces) == 1:
        return True
    return len(pieces) >= MIN_WORDS and all(" " not in text for _, text in pieces)


def long_line(line: Line) -> bool:
    return _prose(line) and len(line.words) >= MIN_WORDS


def clause_end(text: str) -> int | None:
    """Where a value read to the end of a paragraph's text ends: before the first clause that
    follows a title in a sentence (None: no such clause, where the value ends is not told)."""
    m = _CLAUSE.search(text)
    return m.start() if m is not None and m.start() > 0 else None


def ends_sentence(line: Line) -> bool:
    """Whether a line ends a sentence, or a clause a value may end with."""
    return line.text.rstrip().endswith((".", ":", ";", "!", "?"))


def _ends_as_sentence(line: Line) -> bool:
    """Whether a line is the rest of a sentence: one column, a word in small letters, a full
    stop at its end (a title alone under its sentence has none)."""
    text = line.text.strip()
    words = re.findall(r"[^\W\d_]+", text)
    return len(chunks(line.text)) == 1 and text.endswith(".") and any(w.islower() for w in words)


def _ends_on_date(line: Line) -> bool:
    """Whether a line is only a sentence's date and its full stop: "2026-05-15."."""
    pieces = chunks(line.text)
    if len(pieces) != 1 or not pieces[0][1].endswith("."):
        return False
    return ONE_DAY.fullmatch(pieces[0][1][:-1]) is not None


def _last_of_two(line: Line) -> bool:
    return long_line(line) or _ends_as_sentence(line) or _ends_on_date(line)


def _rest_of(last: Line, line: Line) -> bool:
    """Whether a line goes on with the sentence the line above broke off: that line ends with no
    stop, this one starts with a word in small letters and has no colon (a label's words in
    small letters at its start, "classroom hours of instruction", are the sentence's)."""
    text = line.text.strip()
    return not ends_sentence(last) and text[:1].islower() and ":" not in text


def joined(lines: list[Line]) -> Line:
    """The lines as one: their words single-spaced, each with its OCR confidence."""
    words: list[Word] = []
    text = ""
    for word in (w for ln in lines for w in ln.words):
        text += " " if text else ""
        words.append(Word(word.text, len(text), word.conf))
        text += word.text
    first = lines[0]
    return replace(first, text=text, words=tuple(words), row=lines[-1].row, prose=True)


def paragraphs(lines: list[Line], labelled: Callable[[Line], bool]) -> list[Line]:
    """The lines with each paragraph made one line: three lines or more, each right below the
    last (single or one-and-a-half spaced), each but the last a long line of prose, none
    `labelled` (a label's line is read as it is)."""
    out: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        # two long lines at least: a sentence and a title below it is none; two lines are one
        # when both are long and the first breaks off mid-sentence ("... has completed Carpet
        # Cleaning" / "Technician (CCT) on February 11, 2026, earning 15 CECs."), or the second
        # ends it with a full stop after words in small letters ("... you attended our
        # Commercial" / "Drying Workshop on May 6-7, 2026."), or only its date ("... Essentials
        # on" / "2026-05-15.")
        two = len(run) == 2 and not ends_sentence(run[0])
        if len(run) >= 3 or (two and _last_of_two(run[1])):
            out.append(joined(run))
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        below = bool(run) and line.page == run[-1].page and line.row <= run[-1].row + 2
        if below and long_line(run[-1]) and _prose(line) and not labelled(line):
            run.append(line)
            continue
        if below and long_line(run[-1]) and _prose(line) and _rest_of(run[-1], line):
            run.append(line)  # "... consisting of 28" / "classroom hours of instruction ..."
            continue
        flush()
        run.append(line)
        if labelled(line):
            flush()
    flush()
    return out
