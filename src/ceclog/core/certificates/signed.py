"""The school named under a signature, when the page has no letterhead: a certificate whose
first line is its heading ("Certificate of Completion") often names its school only in the
signature block ("Dana Pratt, Owner" / "Clearwater Carpet Academy", "Owner, FiberCare
Training Center").  One organisation's name there, and only one, is prefilled for the user to
confirm, as an unconfirmed letterhead is (--yes never takes it).  Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.letterhead import KIND, reads_as_name
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import label_hits, marked, phrase_hits

UNCONFIRMED = "the school under a signature, not confirmed by the page"


_BY = re.compile(r"(?:produced|presented|hosted|sponsored|organi[sz]ed|offered)\s+by\s+", re.I)


def _names(line: Line) -> list[Span]:
    """The columns of a signature line that may be a school's name: a column's whole text, or
    what follows a role and a comma ("Owner, FiberCare Training Center")."""
    out = []
    for start, text in chunks(line.text):
        by = _BY.match(text)  # "Produced by X, Inc.": X, Inc.
        start, text = (start + by.end(), text[by.end() :]) if by else (start, text)
        head, comma, rest = text.partition(", ")
        if comma and len(head.split()) <= 3 and rest:
            start, text = start + len(head) + 2, rest
        out.append(Span(line, start, start + len(text)))
    return out


# the small words a school's name holds in lower case ("Academy of Texas", "Hale and Sons")
_JOINING = frozenset({"of", "and", "the", "for", "&", "in", "on", "at", "de", "du"})


def _capitalised(name: str) -> bool:
    """Whether each word of `name` starts with a capital, a digit or a mark, the small joining
    words aside: a school's name does, a sentence of the card's small print ("Carry this card
    as proof of training") does not."""
    return all(not w[:1].islower() or w.casefold() in _JOINING for w in name.split())


def signed(section: list[Line], patterns: Patterns, found: list[Candidate]) -> list[Candidate]:
    """The provider a signature block names (none: the letterhead reads as a name or is
    confirmed, a label or a phrase names the provider, or the block names none or two)."""
    field = next((f for f, b in patterns.fields.items() if b.guess == "letterhead"), None)
    if field is None or any(c.field == field and c.kind != "guess" for c in found):
        return []
    last = max((i for i, ln in enumerate(section) if marked(ln, patterns)), default=0)
    got: dict[str, Candidate] = {}
    for line in section[last + 1 - _numbered(section[last], patterns) :]:
        for span in _names(line):
            if any(h.start < span.end and span.start < h.end for h in label_hits(line, patterns)):
                continue  # the school's number beside its name: "X, Mobile, AL   School ID 1906"
            c = candidate(field, span, "a signature block's school, read as a name", KIND, patterns)
            if c is None or c.problem is not None:
                continue
            bound = patterns.fields[field]
            words = {w.casefold() for w in c.value.split()}
            if words & set(bound.not_signed) or not reads_as_name(c.value, bound):
                continue
            if not _capitalised(c.value):  # "Carry this card as proof of training."
                continue
            if any(o.text.casefold() == c.text.casefold() for o in found):
                continue  # another field's value
            got.setdefault(c.value.casefold(), c)
    if len(got) != 1:
        return []
    (only,) = got.values()
    return [replace(only, weak=True, unconfirmed=UNCONFIRMED)]


def _numbered(line: Line, patterns: Patterns) -> bool:
    """Whether a line's only labels are a school's number's, no phrase in it (a footer's
    "Gulf Shore Drying School  ·  Mobile, AL      IICRC School ID 1906"): its other columns
    may be the signature block's school."""
    hits = label_hits(line, patterns)
    return bool(hits) and all(h.label.unconfirmed for h in hits) and not phrase_hits(line, patterns)
