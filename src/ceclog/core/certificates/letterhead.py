"""The letterhead (a certificate's first line) as its provider: a guess, shown and never
prefilled, unless the page confirms it is the school's name.  Pure.

Confirmed (kind "letterhead", used only when no label or phrase names the provider):
- the line right under it, or beside it, says it is a school: a `confirm` wording of the
  patterns file ("IICRC Approved School #2087", "Approved Mold Training Provider #MT-0093");
- its name appears again on the page (a signature block: "Registrar / CEC Online Academy"),
  in full, or, when it ends in a word that ends a school's name (`name_ends`), without that
  word ("Legend Brands University" as "Trainer, Legend Brands") or as its initials
  ("Restoration Industry Association" as "RIA Director of Education"), or without the year
  an event's name ends in ("Gulf Coast Restoration Expo 2026" as "Gulf Coast Restoration Expo");
- it is initials, and the line under it spells them out ("NADCA" over "National Air Duct
  Cleaners Association"): the name in full is the provider.
Never a name that approves others on the page ("IICRC" over "IICRC Approved School"), and a
one-word letterhead is never confirmed by appearing again ("IICRC" and "14 IICRC CECs").

Not confirmed, a letterhead that reads as an organisation's name (kind "letterhead" too) is
prefilled for the user to confirm, marked `unconfirmed` (--yes never takes it): two words or
more ending in a word that ends a school's or a firm's name (`name_ends`, `org_ends`: "...
Restoration School", "... Supply Co."), or in a `name_ends` word and "of" a name ("Moisture
Academy of Texas"), with no word of a class or a heading (`not_org`: "... Workshop").  Such a
name set on two or three short lines ("Carolina Cleaning &" / "Restoration" / "Association")
is read as one.  A line of a field at the top ("Certificate ID: RE-1"), above the
letterhead, is passed over, and so is a browser's print header ("12/7/26, 8:46 PM")."""

from __future__ import annotations

import re
from dataclasses import replace

from ceclog.core.certificates.candidates import ITEM, Candidate, candidate, first_item
from ceclog.core.certificates.lines import LEGAL_FORM, Line, Span, chunks
from ceclog.core.certificates.patterns import BoundField, Patterns
from ceclog.core.certificates.scan import marked

KIND = "letterhead"
UNCONFIRMED = "the letterhead, not confirmed by the page"
_FIELD = re.compile(r"^[A-Z][\w ]{0,30}:\s*\S")  # "Certificate ID: RE-1": a field, no name
_SMALL = {"of", "and", "the", "for", "&", "in", "on", "at"}
# the day and time a browser printed the page, at its top left ("12/7/26, 8:46 PM", then the
# page's title or nothing): no letterhead
_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s{3,}.*)?$", re.I)


# a dash before the certificate's heading on the letterhead's line ("Acme Academy \u2014
# Certificate of Attendance", "Acme Software \u2013 Webinar Certificate")
_HEADED = re.compile(r"\s+[\u2013\u2014-]\s+(?=.*\bcertificat)", re.IGNORECASE)


_MARK = re.compile(r"^[^\w\s(\"'\u201c]+\s*")  # a logo's mark before a name: "\u25b2 CE Depot"


def _name(line: Line, start: int, text: str) -> Span:
    """The first piece of a column: up to a bullet or a bar ("Acme Academy \u2022 Dallas"), or
    a dash before the certificate's heading; a logo's mark before it ("\u25b2 CE Depot") is
    no part of it."""
    ends = [m.start() for m in (ITEM.search(text), _HEADED.search(text)) if m is not None]
    mark = len(text) - len(_MARK.sub("", text, count=1))
    return Span(line, start + mark, start + min(ends, default=len(text)))


def _resplit(span: Span, page: str) -> Span | None:
    """The letterhead with a word parted in two where letter spacing lost the gap between two
    words ("SUMMITAIR DUCT CLEANERS ASSOCIATION"), when the page's own acronym of the name
    says where ("SADCA": "SUMMIT AIR ..."); as it is when no acronym says so; None when one
    says a word is two but not where ("NATIONALAIR": "NATIONAL AIR" or "NATION ALAIR"), so
    the name is not told."""
    words = span.text.split()
    if not 2 <= len(words) <= 8 or not all(w.isupper() for w in words):
        return span
    acronyms = set(re.findall(r"(?<![\w-])[A-Z]{3,8}(?![\w-])", page)) - set(words)
    parted = [
        [*words[:i], word[:k], word[k:], *words[i + 1 :]]
        for i, word in enumerate(words)
        for k in range(3, len(word) - 2)
    ]
    named = [p for p in parted if _initials(" ".join(p)) in acronyms]
    if len(named) != 1:
        return None if named else span
    text = " ".join(named[0])
    line = replace(span.line, text=text, words=span.line.words_in(span.start, span.end))
    return Span(line, 0, len(text))


def _guesses(fields: list[str], span: Span, patterns: Patterns) -> list[Candidate]:
    """The letterhead as a guess for each field, never prefilled."""
    made = (candidate(f, span, "guess: the letterhead", "guess", patterns) for f in fields)
    return [got for got in made if got is not None]


def _monogram(pieces: list[tuple[int, str]]) -> bool:
    """Whether the line's first piece is a logo: a shape alone, or its letters beside a name of
    two words or more, up to three letters ("QX   Harbor Point School", "DL   Dri-Logic
    Training Center") or four that are the name's initials ("BRSI   BAYSIDE RESTORATION
    SERVICES, INC."; "ACME" may be a name's first word)."""
    if len(pieces) >= 2 and not re.search(r"\w", pieces[0][1]):
        return True  # a logo's shape alone: "\u25cf   C L E A R A I R   T R A I N I N G"
    if len(pieces) < 2 or not re.fullmatch(r"[A-Z&]{1,4}", pieces[0][1]):
        return False
    letters = pieces[0][1].replace("&", "")
    words = [w for w in re.findall(r"[^\W\d_]+", pieces[1][1]) if w.casefold() not in _SMALL]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return len(letters) <= 3 or "".join(w[0] for w in words).upper().startswith(letters)


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
    if re.fullmatch(r"(?:19|20)\d\d", words[-1]) and len(words) > 2 and _fold(cut) in text:
        return f"its name again, without its year, as {cut!r}"  # an event's: "... Expo 2026"
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
    for _ in range(2):  # a field's line above the letterhead ("Certificate ID: RE-7F3A")
        top = section[0].text.strip()
        labelled = len(chunks(top)) == 1 and _FIELD.match(top)
        if len(section) > 1 and (labelled or _STAMP.match(top)):  # or a browser's print header
            section = section[1:]
    first = section[0]
    pieces = chunks(first.text)
    if _monogram(pieces):  # the logo blanked out: the name is what stands beside it
        at, logo = pieces[0]
        rest = first.words_in(at + len(logo), len(first.text))
        first = replace(
            first, text=" " * (at + len(logo)) + first.text[at + len(logo) :], words=rest
        )
        pieces = pieces[1:]
    end = pieces[0][0] + len(pieces[0][1])
    alone = Line(first.page, first.number, first.text[:end], first.words_in(0, end))
    if any(h.search(first.text.strip()) for h in patterns.headings) or marked(alone, patterns):
        return out  # (a field at the right margin beside the letterhead is no matter)
    tracked = _tracked(first)
    span = tracked or _name(first, *pieces[0])
    pieces = [pieces[0]] if tracked else pieces
    below = section[1] if len(section) > 1 else None
    if below is not None and (below.page != first.page or below.row > first.row + 2):
        below = None
    page = "\n".join(ln.text for ln in section)
    told = _resplit(span, page)
    if told is None:  # its words run together, where is not told: only a guess
        return _guesses(fields, span, patterns)
    span = told
    for field in fields:
        other = any(c.text.casefold() == span.text.strip().casefold() for c in found)
        got = (
            None
            if other
            else _confirmed(field, span, pieces[1:], below, section[1:], page, patterns)
        )
        if got is None and not other and not _approving(span.text.strip(), page):
            got = _unconfirmed(field, span, found, patterns)
            stacked = _stacked(section, span, patterns) if got is None and not tracked else None
            if stacked is not None:
                got = _unconfirmed(field, stacked, found, patterns)
        out += [got] if got is not None else _guesses([field], span, patterns)
    return out


# a word in spaced capitals ("R E S T O R A T I O N"), or one in capitals
_LETTERS = re.compile(r"[A-Z&](?: [A-Z&.,])+")
_CAPS = re.compile(r"[A-Z][A-Z&'.-]*,?")


def _tracked(line: Line) -> Span | None:
    """A name set in spaced capitals, its words a column each ("R E S T O R A T I O N   I N D U S
    T R Y", "CLEAN    PROS    ACADEMY"): every column one word in capitals or its letters
    spaced, the words joined (None: any other line; a column of anything else)."""
    pieces = chunks(line.text)
    if len(pieces) < 2:
        return None
    words = []
    for _, text in pieces:
        if _LETTERS.fullmatch(text):
            words.append(text.replace(" ", ""))
        elif _CAPS.fullmatch(text):
            words.append(text)
        else:
            return None
    text = " ".join(words)
    every = tuple(replace(w, start=0) for w in line.words)  # each word's OCR confidence
    return Span(Line(line.page, line.number, text, every, line.row), 0, len(text))


def _approving(name: str, page: str) -> bool:
    return _approves(name, page) or bool(_initials(name) and _approves(_initials(name), page))


def reads_as_name(name: str, bound: BoundField) -> bool:
    """Whether a letterhead reads as an organisation's name: two words or more, capitalised,
    ending in a word that ends a school's or a firm's name ("... Training Center", "... Co."),
    or in a `name_ends` word and "of" a name ("... Academy of Texas"); no word of a class or
    a heading ("... Workshop", "Certificate of ..."), no field ("Issued: 2026"), no comma but
    a firm's (", LLC"; another is a place after the name, or two columns read as one line:
    where the name ends is not told)."""
    words = name.split()
    folded = [w.casefold().strip(".,") for w in words]
    if len(words) < 2 or ":" in name or not words[0][:1].isupper():
        return False
    bare = re.sub(rf",\s*(?:{LEGAL_FORM}|l\.l\.c)\.?$", "", name, flags=re.IGNORECASE)
    if "," in bare or (len(words[0]) == 1 and words[0] != "A"):
        return False  # a place after it, columns run together, a logo's stroke read as "O"
    if any(w in bound.not_org for w in folded):
        return False
    if folded[-1] in bound.name_ends or folded[-1] in bound.org_ends:
        return True
    at = next((i for i, w in enumerate(folded) if w == "of"), 0)
    after = words[at + 1 :]
    return (
        at >= 2
        and folded[at - 1] in bound.name_ends
        and 0 < len(after) <= 6
        and all(w[:1].isupper() or w.casefold() in _SMALL for w in after)
    )


def _unconfirmed(
    field: str, span: Span, found: list[Candidate], patterns: Patterns
) -> Candidate | None:
    """The letterhead as the school's or the firm's name, for the user to confirm."""
    got = candidate(field, span, "the letterhead, read as a name", KIND, patterns)
    if got is None or got.problem is not None:
        return None
    if not reads_as_name(got.value, patterns.fields[field]):
        return None
    if any(c.text.casefold() == got.text.casefold() for c in found):
        return None  # another field's value (a title on the first line)
    return replace(got, weak=True, unconfirmed=UNCONFIRMED)


def _stacked(section: list[Line], span: Span, patterns: Patterns) -> Span | None:
    """A name set on two or three short lines under each other (a blank row between them at
    most), starting in one column ("Carolina Cleaning &" / "Restoration" / "Association"; a
    column beside them aside): the lines' first pieces joined (None: no such lines)."""
    first = span.line
    parts = [(first, span.start, span.end)]
    for nxt in section[1:3]:
        start, piece = chunks(nxt.text)[0]
        alone = Line(
            nxt.page,
            nxt.number,
            nxt.text[: start + len(piece)],
            nxt.words_in(0, start + len(piece)),
        )
        if nxt.page != first.page or nxt.row > parts[-1][0].row + 2 or abs(start - span.start) > 1:
            break
        if marked(alone, patterns) or any(h.search(piece) for h in patterns.headings):
            break
        parts.append((nxt, start, start + len(piece)))
    if len(parts) < 2 or sum(len(ln.text[a:b].split()) for ln, a, b in parts) > 7:
        return None
    text, words = "", []
    for ln, a, b in parts:
        shift = len(text) + (1 if text else 0) - a
        words += [replace(w, start=w.start + shift) for w in ln.words_in(a, b)]
        text = f"{text} {ln.text[a:b]}" if text else ln.text[a:b]
    joined = Line(first.page, first.number, text, tuple(words), first.row)
    return Span(joined, 0, len(text))


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
        how = f"the letterhead, with {first_item(said)!r} next to it"
        return _weak(candidate(field, span, how, KIND, patterns))
    again = _again(name, rest, bound.name_ends)
    if again is not None:
        return _weak(candidate(field, span, f"the letterhead, {again} on the page", KIND, patterns))
    return None


def _weak(got: Candidate | None) -> Candidate | None:
    """A letterhead gives way to a provider a label or a phrase names ("Presented by X")."""
    return None if got is None else replace(got, weak=True)
