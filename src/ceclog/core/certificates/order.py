"""Which way a page writes its numeric dates, from where the page says it is: "05/09/2026"
reads month first on a certificate from the United States (a US address with its ZIP code, a
city and its state, a US phone number, a state's agency by name, OSHA, "U.S." named) and day
first on one from a country that writes the day first (a UK postcode, an Australian state and
postcode, the country named).  A Canadian address (dates written both ways there), or
evidence both ways, decides nothing: the user says.  Before all that, the page's own dates:
another numeric date on it that reads one way only ("Issued 03/25/2026") says how the page
writes them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ceclog.core.certificates.candidates import Candidate
from ceclog.core.certificates.dates import read_date

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    "|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
# a city and its state alone ("Albany, NY"); not WA (Western Australia: "Albany, WA") nor CA
# (Canada, to some), which need their ZIP code
_CITY_STATES = "|".join(s for s in _US_STATES.split("|") if s not in ("WA", "CA"))
# a state's agency by the state's whole name: "New York State Department of Labor", "Texas
# Department of Licensing and Regulation", "Florida Board of Professional Engineers"
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
    "|Washington|West Virginia|Wisconsin|Wyoming"
)
_AGENCY = r"\s+(?:Department|Dept\.|Board|Division|Commission)\s+of\b"
# area codes of the phone plan the US shares that are not the US's: Canada's and the
# Caribbean's (where the day is written first)
_NOT_US_AREAS = frozenset(
    re.findall(
        r"\d{3}",
        "204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438"
        " 450 460 468 474 506 514 519 548 579 581 584 587 600 604 613 622 639 647 672 683 705 709"
        " 742 753 778 780 782 807 819 825 867 873 879 902 905 242 246 264 268 284 345 441 473 649"
        " 658 664 721 758 767 784 809 829 849 868 869 876",
    )
)
_US = (
    ("a US address", re.compile(rf"\b(?:{_US_STATES})\s+\d{{5}}(?:-\d{{4}})?(?![\d-])")),
    (
        "a US city and state",
        re.compile(
            rf"\b[A-Z][a-z]+,\s(?:{_CITY_STATES})(?=\s*$|\s*[\u00b7\u2022|;]|\s\s)", re.MULTILINE
        ),
    ),
    ("a US phone number", re.compile(r"(?<![\d+])(?:\+?1[\s.-])?\((\d{3})\)\s?\d{3}-\d{4}(?!\d)")),
    ("a US phone number", re.compile(r"(?<![\d+])(?:\+?1[\s.-])?(\d{3})[.-]\d{3}[.-]\d{4}(?!\d)")),
    (
        "a US address",
        re.compile(rf"\b(?:{_STATE_NAMES})\s+\d{{5}}(?:-\d{{4}})?(?![\d-])"),
    ),
    (
        "a US city and state",
        re.compile(
            rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s(?:{_STATE_NAMES})\b(?!\s+(?:State|Department))"
        ),
    ),
    ("the United States named", re.compile(r"\b(?:USA|U\.S\.A\.|United States)\b|\bU\.S\.(?=\s)")),
    # a federal agency of the United States that no other country has: "OSHA 10-Hour ..."
    (
        "a US agency named",
        re.compile(r"\b(?:OSHA|Occupational Safety and Health Administration)\b"),
    ),
    ("a US state's agency named", re.compile(rf"\b(?:{_STATE_NAMES})(?:\s+State)?{_AGENCY}")),
)
_DAY_FIRST = (
    ("a UK postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}\b")),
    ("an Australian address", re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b")),
    ("a phone number abroad", re.compile(r"\+(?:44|61|64|353|27|91)[\s(]")),
    (
        "a country that writes the day first",
        re.compile(
            r"\b(?:United Kingdom|U\.K\.|UK|(?<!New )England|Scotland|Wales|Ireland|Australia"
            r"|New Zealand|South Africa|India)\b"
        ),
    ),
)
_BOTH_WAYS = (
    ("a Canadian address", re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")),
    ("Canada named", re.compile(r"\bCanada\b")),
)


def _said(text: str, evidence: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    for what, pattern in evidence:
        for m in pattern.finditer(text):
            if what == "a US phone number" and m.group(1) in _NOT_US_AREAS:
                continue
            return f"{what} on the page ({m.group(0).strip()})"
    return None


# a numeric date that reads one way only: its first number over 12 (day first) or its second
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def _written(text: str) -> tuple[str | None, str | None]:
    """Which ways the page's own numeric dates say it writes dates (a date that reads one way:
    "03/25/2026" month first, "25/03/2026" day first)."""
    md = dm = None
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a <= 12 < b <= 31:
            md = md or f"a date that reads month first only on the page ({m.group(0)})"
        elif b <= 12 < a <= 31:
            dm = dm or f"a date that reads day first only on the page ({m.group(0)})"
    return md, dm


def date_order(texts: list[str]) -> tuple[str, str] | None:
    """How the page's lines `texts` say a numeric date reads: ("md", why) month first,
    ("dm", why) day first, or None (nothing says, or the page says both)."""
    return _settled("\n".join(texts))[0]


def _settled(text: str) -> tuple[tuple[str, str] | None, bool]:
    """How the page says its numeric dates read (`date_order`), and whether it is silent: no
    evidence either way, no Canadian address or area code, no "City, WA" (Washington or
    Western Australia), no dates of its own."""
    md, dm = _written(text)
    if md is not None or dm is not None:
        return (None if md and dm else ("md", md) if md else ("dm", dm or "")), False
    if _said(text, _BOTH_WAYS) is not None:
        return None, False
    us, abroad = _said(text, _US), _said(text, _DAY_FIRST)
    if us is not None and abroad is None:
        return ("md", us), False
    if abroad is not None and us is None:
        return ("dm", abroad), False
    return None, us is None and abroad is None and not _hints_abroad(text)


def ordered(
    found: list[Candidate], texts: list[str], today: dt.date | None, dates: str | None = None
) -> list[Candidate]:
    """Each date that reads two ways read as the page says (`date_order`), or, when it says
    nothing, the one way that is not after `today` (a class not yet held is none), or else as
    the holder said their certificates write dates (`dates`: "month-first", "day-first"), or
    else month first, the way most certificates are written, marked `unconfirmed` (--yes never
    takes it); the rest as they were.  What decided is said in the candidate's notes."""
    if not any(len(c.readings) == 2 and c.problem for c in found):
        return found
    said, silent = _settled("\n".join(texts))
    out = []
    for c in found:
        if len(c.readings) == 2 and c.problem:
            c = _read_as(c, said, today, dates, silent)
        out.append(c)
    return out


_HOLDER = {"month-first": "md", "day-first": "dm"}  # `ceclog holder --dates`


def _hints_abroad(text: str) -> bool:
    """A place that may be outside the US, though it says nothing either way: "City, WA"
    (Washington or Western Australia), a Canadian or Caribbean area code."""
    if re.search(r"\b[A-Z][a-z]+,\s(?:WA|CA)\b", text):
        return True
    phones = (p for what, p in _US if what == "a US phone number")
    return any(m.group(1) in _NOT_US_AREAS for p in phones for m in p.finditer(text))


def _read_as(
    c: Candidate,
    said: tuple[str, str] | None,
    today: dt.date | None,
    dates: str | None,
    silent: bool = False,
) -> Candidate:
    if said is None and today is not None:
        late = [dt.date.fromisoformat(r) > today for r in c.readings]
        if late.count(True) == 1:
            order = "dm" if late[0] else "md"
            said = order, f"the other way, {c.readings[late.index(True)]}, is after today"
    if said is None and dates in _HOLDER:
        said = _HOLDER[dates], f"your ledger's holder dates = {dates!r}"
    unsure = None
    if said is None and not silent:  # the page says both ways, or a place that writes both
        return c
    if said is None:  # the way most certificates are written, for the user to confirm
        other = c.readings[1]
        why = f"the US way, as nothing on the page says (day first it is {other})"
        unsure = f"read month first, {why}"
        said = "md", f"{why}; `ceclog holder --dates` says how yours are written"
    order, why = said
    read = read_date(c.text, order)
    if read.value is None:
        return c
    way = "month first" if order == "md" else "day first"
    problem = "read in a sentence about something else: check it" if c.elsewhere else None
    notes = (*c.notes, *read.notes, f"{way}: {why}")
    if unsure is not None:  # both readings stay shown: the user's answer is remembered
        return replace(c, value=str(read.value), problem=problem, notes=notes, unconfirmed=unsure)
    return replace(c, value=str(read.value), problem=problem, notes=notes, readings=())
