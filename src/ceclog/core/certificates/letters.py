"""A letter of attendance addressed to the person who attended: "Dana Whitfield" / "Whitfield
Restoration LLC" / "12 Elm Street" / ... / "Dear Dana," / "... confirms that you attended our
workshop ...".  The name over the salutation that the salutation names is the attendee, when
the letter says that "you" attended or completed the class.  Pure."""

from __future__ import annotations

import re

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns

FIELD = "attendee"
ADDRESS = 8  # an address block's lines over the salutation: name, firm, street, town ...

_WORD = r"[^\W\d_][\w'\u2019.-]*"
_DEAR = re.compile(
    rf"^dear\s+(?P<title>(?:mr|ms|mrs|mx|dr)\.?\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})\s*[,:]$",
    re.IGNORECASE,
)
# the letter says the person it is written to took the class
_YOU = re.compile(
    r"\byou\s+(?:have\s+)?(?:successfully\s+)?(?:attended|completed|participated)\b", re.I
)
# a person's name on a line of its own: two or three capitalised words, an initial between
_NAME = re.compile(r"^[A-Z][\w'\u2019-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019-]+){1,2}$")


def addressee(section: list[Line], patterns: Patterns) -> list[Candidate]:
    """The attendee a letter is written to: the name alone on its line over the salutation
    ("Dear Dana," names its first name; "Dear Ms. Whitfield," its last), within the address
    block; none when the letter does not say "you attended" (or completed), or no name over
    the salutation is the one it names."""
    if FIELD not in patterns.fields or not any(_YOU.search(ln.text) for ln in section):
        return []
    for i, line in enumerate(section):
        m = _DEAR.match(" ".join(line.text.split()))
        if m is None:
            continue
        said = m.group("name").casefold().split()
        for above in reversed(section[max(0, i - ADDRESS) : i]):
            pieces = chunks(above.text)
            if len(pieces) != 1 or not _NAME.match(pieces[0][1]):
                continue
            start, text = pieces[0]
            words = text.casefold().split()
            named = words[-1] == said[-1] if m.group("title") else words[: len(said)] == said
            if not named:
                continue
            how = f'the letter\'s addressee ("{" ".join(line.text.split())}")'
            got = candidate(FIELD, Span(above, start, start + len(text)), how, "phrase", patterns)
            return [got] if got is not None and got.problem is None else []
        return []
    return []
