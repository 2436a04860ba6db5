"""The letterhead (a certificate's first line) as its provider: a guess, shown and never
prefilled, unless the page confirms it is the school's name.  Pure.

Confirmed (kind "letterhead", used only when no label or phrase names the provider):
- the line right under it, or beside it, says it is a school: a `confirm` wording of the
  patterns file ("IICRC Approved School #2087", "Approved Mold Training Provider #MT-0093");
- its name appears again on the page (a signature block: "Registrar / CEC Online Academy"),
  in full, or, when it ends in a word that ends a school's name (`name_ends`), without that
  word ("Legend Brands University" as "Trainer, Legend Brands") or as its initials
  ("Restoration Industry Association" as "RIA Director of Education");
- it is initials, and the line under it spells them out ("NADCA" over "National Air Duct
  Cleaners Association"): the name in full is the provider.
Never a name that approves others on the page ("IICRC" over "IICRC Approved School"), and a
one-word letterhead is never confirmed by appearing again ("IICRC" and "14 IICRC CECs")."""

from __future__ import annotations

import re
from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate, candidate
from ceclog.core.certificates.lines import Line, Span, chunks
from ceclog.core.certificates.patterns import Patterns
from ceclog.core.certificates.scan import marked

KIND = "letterhead"
_SEPARATOR = re.compile(r"\s+[\u2022\u00b7|]\s+")  # "Dri-Eaz \u2022 Burlington, WA": pieces
_SMALL = {"of", "and", "the", "for", "&", "in", "on", "at"}


def _name(line: Line, start: int, text: str) -> Span:
    """The first piece of a column: up to a bullet or a bar ("Acme Academy \u2022 Dallas")."""
    m = _SEPARATOR.search(text)
    return Span(line, start, start + (m.start() if m else len(text)))


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in _SMALL]
    return "".join(w[0] for w in words).upper() if all(w[0].isupper() for w in words) else ""


def _fold(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w&]+", text.casefold())) + " "


def _approves(name: str, page: str) -> bool:
    """Whether the page shows `name` approving ("IICRC Approved School", "IICRC Approval #"),
    on one line: a letterhead over a line that starts "Approved by ..." approves nothing."""
    found = re.search(rf"\b{re.escape(name)}[ \t]+(?:course[ \t]+)?approv", page, re.IGNORECASE)
    return found is not None


def _again(name: str, rest: list[Line], ends: tuple[str, ...]) -> str | None:
    """How `name` appears again in `rest` (None: it does not)."""
    words = name.split()
    if len(words) < 2:
        return None
    text = _fold(" ".join(ln.text for ln in rest))
    if _fold(name) in text:
        return "its name again"
    cut = " ".join(words[:-1])
    if words[-1].casefold().strip(".,") in ends and len(words) > 2 and _fold(cut) in text:
        return f"its name again, as {cut!r}"
    short = _initials(name) if words[-1].casefold() in ends else ""
    if len(short) >= 3 and re.search(
        rf"(?<![\w-]){short}(?![\w-])", " ".join(ln.text for ln in rest)
    ):
        return f"its initials {short!r}"
    return None


def letterhead(section: list[Line], patterns: Patterns, found: list[Candidate]) -> list[Candidate]:
    """The letterhead as each field that the patterns file guesses from it: confirmed, or a
    guess (always when it is another field's value: the attendee's name, the title)."""
    out: list[Candidate] = []
    fields = [f for f, b in patterns.fields.items() if b.guess == "letterhead"]
    if not fields or not section:
        return out
    first = section[0]
    pieces = chunks(first.text)
    end = pieces[0][0] + len(pieces[0][1])
    alone = Line(first.page, first.number, first.text[:end], first.words_in(0, end))
    if any(h.search(first.text.strip()) for h in patterns.headings) or marked(alone, patterns):
        return out  # (a field at the right margin beside the letterhead is no matter)
    span = _name(first, *pieces[0])
    below = section[1] if len(section) > 1 else None
    if below is not None and (below.page != first.page or below.row > first.row + 2):
        below = None
    page = "\n".join(ln.text for ln in section)
    for field in fields:
        other = any(c.text.casefold() == span.text.strip().casefold() for c in found)
        got = (
            None
            if other
            else _confirmed(field, span, pieces[1:], below, section[1:], page, patterns)
        )
        if got is None:
            got = candidate(field, span, "guess: the letterhead", "guess", patterns)
        out += [got] if got is not None else []
    return out


def _confirmed(
    field: str,
    span: Span,
    beside: list[tuple[int, str]],
    below: Line | None,
    rest: list[Line],
    page: str,
    patterns: Patterns,
) -> Candidate | None:
    bound = patterns.fields[field]
    name = span.text.strip()
    if below is not None and name.isupper() and name.isalpha() and len(name) >= 3:
        start, text = chunks(below.text)[0]
        full = _name(below, start, text)
        if _initials(full.text) == name and not _approves(name, page):
            how = f"the letterhead {name!r} spelled out on the line below"
            got = candidate(field, full, how, KIND, patterns)
            return _weak(got)
    if _approves(name, page) or (_initials(name) and _approves(_initials(name), page)):
        return None
    next_to = [t for _, t in beside] + ([t for _, t in chunks(below.text)] if below else [])
    said = next((t for t in next_to if any(p.search(t) for p in bound.confirm)), None)
    if said is not None:
        how = f"the letterhead, with {_name_of(said)!r} next to it"
        return _weak(candidate(field, span, how, KIND, patterns))
    again = _again(name, rest, bound.name_ends)
    if again is not None:
        return _weak(candidate(field, span, f"the letterhead, {again} on the page", KIND, patterns))
    return None


def _name_of(text: str) -> str:
    m = _SEPARATOR.search(text)
    return text[: m.start()] if m else text


def _weak(got: Candidate | None) -> Candidate | None:
    """A letterhead gives way to a provider a label or a phrase names ("Presented by X")."""
    return None if got is None else replace(got, weak=True)
