"""How a certificate's text becomes a field's value: the value shapes (a date, a plain
number, a text) and the checks a field adds to its shape (a title's, a person's name, an
approval code).  `registry` binds each field to one shape and at most one check."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ceclog.core.certificates.dates import FORMATS, read_date
from ceclog.core.certificates.lines import LEGAL_FORM, LEGAL_FORMS, sentence_bounds

MAX_VALUE = 200


@dataclass(frozen=True)
class Parsed:
    """What a text gives as a field's value, or why it cannot be taken as it is."""

    value: str  # as an entry takes it: a YYYY-MM-DD date, a number, a text
    problem: str | None = None
    notes: tuple[str, ...] = ()  # how it was read ("a range ...: its last day")
    readings: tuple[str, ...] = ()  # a date that reads two ways: both


@dataclass(frozen=True)
class FieldWords:
    """A field's word lists from the patterns file (casefolded)."""

    not_if: tuple[str, ...] = ()  # a value with one of them is not this field's ("Pending")
    not_end: tuple[str, ...] = ()  # a value ending in one of them was cut short ("for")
    places: tuple[str, ...] = ()  # states and provinces: ", City, State" after a name
    firms: tuple[str, ...] = ()  # a firm's words, never in a person's name ("Supply", "Inc")


def date_value(text: str) -> Parsed:
    read = read_date(text)
    if read.value is not None:
        return Parsed(str(read.value), read.problem, read.notes)
    return Parsed(text, read.problem, read.notes, tuple(str(d) for d in read.readings))


# one number, and at most the unit it is in: "14", "7.5", "7,5", "14 hours", "2 CECs"
PLAIN_NUMBER = re.compile(
    r"(?P<n>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:(?:iicrc\s+)?(?:cec|ce|contact|clock|credit)?\s*"
    r"(?:hours?|hrs?\.?|h|cecs?|credits?))?",
    re.IGNORECASE,
)


# a remark in parentheses after the number: words, no number ("4.0 (Laws & Rules)"), or an
# approval number ("1 (Approval # 26-0714)"); never a state of the number ("(pending)") or
# another unit ("(days)")
_NOT_REMARK = (
    "pending|tbd|approx|approximately|estimated|max|maximum|min|minimum|per|each|up|days?"
    "|minutes?|mins?|weeks?|months?|years?|ceus?|sessions?|modules?|units?|points?"
)
_REMARK = re.compile(
    rf"\s*\((?:(?![^)]*\b(?:{_NOT_REMARK})\b)[^\d()]*[^\W\d_][^\d()]*"
    r"|(?:iicrc\s+|course\s+|cec\s+)?approval\b[^()]*)\)$",
    re.IGNORECASE,
)


def number_value(text: str) -> Parsed:
    """A plain number of hours or credits; anything more ("90 minutes", "1:30", "3 1/2",
    "7-14", "7 hours 30 minutes") is for the user to read, never guessed at."""
    # a sentence's full stop after it is no part of it: "CECs awarded: 7.", "Length: 2 hours."
    m = PLAIN_NUMBER.fullmatch(re.sub(r"(?<=[\dA-Za-z])\.$", "", _REMARK.sub("", text.strip())))
    if m is None:
        has = re.search(r"\d", text)
        return Parsed(text, "not one plain number: type it" if has else "no number in it")
    value = m.group("n").replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return Parsed(value)


def text_value(text: str) -> Parsed:
    if len(text) > MAX_VALUE:
        return Parsed(text, f"longer than {MAX_VALUE} characters")
    return Parsed(text)


def _quoted(text: str) -> str:
    """A title as printed in quotes ("“Mold Remediation Basics”") without them."""
    m = re.fullmatch(r"[\u201c\"](.+?)[\u201d\"]\.?", text.strip())
    return m.group(1).strip() if m and not re.search(r"[\u201c\u201d\"]", m.group(1)) else text


# a sentence's words about the class's length, before its title: "three-day course of ...",
# "2-day class in ...", "eight-hour course" (never a title's capitalised "Two-Day Drying Lab")
_LENGTH_FIRST = re.compile(r"(?:[a-z]+|\d{1,3})[- ](?:day|hour|hr|week)s?\s+[a-z]")
_TRADEMARK = re.compile(r"\s*[\u2122\u00ae\u2120](?=\s|$)|[\u2122\u00ae\u2120]")

# a caption of a number ends here: what a label took is the rest of a longer caption
# ("Training Provider Accreditation No.", "Course Approval #"), whose value stands beyond it
_CAPTION_END = re.compile(r"(?:\bno\.?|#|\bnumber|\bid)\s*:?$", re.I)


def title_check(value: str, raw: str, words: FieldWords) -> Parsed:
    """A title as a sentence gives it: without "on <date>" after it; refused when it starts
    with a date, ends in a word that says it was cut short ("all requirements for"), or its
    `raw` text runs on to the next line (ends in a colon, a comma or a dash)."""
    if value[:1] in "/\\|:;,":  # "Course Name/Title: ...": the label's rest, not a value
        return Parsed(value, "begins with a label's rest: type it")
    if _CAPTION_END.search(value):  # "Course  Approval No.   MCRW1142"
        return Parsed(value, "a caption's rest, not a title: type it")
    if _LENGTH_FIRST.match(value):  # "completed the three-day course of study entitled X"
        return Parsed(value, "begins with the class's length: not its title")
    value = _TRADEMARK.sub("", value)  # "Odor Pro\u00ae Basics": as a person types it
    stopped = re.sub(r"(?:(?<=\))|(?<=[^\W\d_]{4}))\.$", "", _quoted(value))  # a full stop
    parsed = _title(stopped, words)
    if raw.rstrip().endswith((":", ",", "-", "\u2013")):
        return Parsed(parsed.value, "continues on the next line: type it")
    return parsed


def _title(text: str, words: FieldWords) -> Parsed:
    lead = re.match(r"on\s+(.+?)(?:\s+(?:the|a|an)\b.*)?$", text, re.IGNORECASE)
    if lead is not None and read_date(lead.group(1)).value is not None:
        return Parsed(text, "begins with a date: not a title")
    tail = re.match(r"(.+?)\s+on\s+(.+)$", text, re.IGNORECASE)
    if tail is not None and any(p.fullmatch(tail.group(2).strip(" .")) for _, p in FORMATS):
        text = tail.group(1)
    if not re.search(r"[^\W\d_]{3}", text):  # "2026-01-18" under a "Completed" column
        return Parsed(text, "no words in it: not a title")
    if len(text.split()) == 1 and re.search(r"\d", text):  # "RX-26-114" under "Course"
        return Parsed(text, "one word with digits, a code: not a title")
    if not any(ch.isupper() for ch in text):  # "Session: live online": how it was given
        return Parsed(text, "no capital letter in it: not a title")
    last = text.rstrip(" .:,;").split()[-1].casefold() if text.split() else ""
    # a compound ends it by its last word too ("State DOL-approved"), never by a small one
    # ("Hands-On")
    part = last.rsplit("-", 1)[-1]
    if last in words.not_end or (len(part) > 4 and part in words.not_end):
        return Parsed(text, "looks cut short: type it")
    return Parsed(text)


def name_check(value: str, raw: str, words: FieldWords) -> Parsed:
    """A person's name: no digits, and at least two words that start with a capital, no firm's
    word ("Supply", "Inc.") and no word in small letters but a surname's ("de la"); the
    credentials after it ("Ana Ruiz, CR, WLS"), a licence's number in brackets ("(MRSR 3127)")
    and the sentence going on after it ("... for completing") are no part of it, a generation
    ("Jr.", "III") is."""
    value = _SAID_OF.sub("", value)  # "Pat Holder for completing": the sentence goes on
    value = _NUMBERED.sub("", value)  # "Pat Holder (MRSR 3127)": a licence's number after it
    name, *rest = [p.strip() for p in value.split(",")]
    notes: tuple[str, ...] = ()
    if rest and all(_CREDENTIAL.fullmatch(p) and not _GENERATION.fullmatch(p) for p in rest):
        notes = (f"{', '.join(rest)}: credentials, left out",)
        value = name
    elif rest and _about(rest[0], words):
        notes = (f"{', '.join(rest)}: about the person, left out",)
        value = name
    parts = [w.strip(".,") for w in value.split()]
    capital = [w for w in parts if w[:1].isupper()]
    if re.search(r"\d", value) or len(capital) < 2:
        return Parsed(value, "does not look like a person's name")
    firm = next((w for w in parts if w.casefold() in words.firms), None)
    if firm is not None:  # "Northgate Drying Supply, Inc." over "for attending"
        return Parsed(value, f"{firm!r}: a firm's name, not a person's")
    small = [w for w in parts if w[:1].islower() and w.casefold() not in PARTICLES]
    if small:  # "Awarded to Jane Smith for completing": the sentence goes on after the name
        return Parsed(value, f"{' '.join(small)!r}: a sentence's words, not a name")
    return Parsed(value, notes=notes)


# the small words of a surname ("Ana de la Cruz", "Pieter van Dijk", "Maria do Carmo"), never
# a sentence's
PARTICLES = frozenset(
    {"de", "la", "le", "du", "da", "di", "do", "dos", "das", "del", "della", "van", "von"}
    | {"der", "den", "ter", "ten", "bin", "ibn", "al", "el", "y", "e"}
)


def _about(text: str, words: FieldWords) -> bool:
    """What a sentence says of the person after their name and a comma, never a part of it: a
    licence or a number ("Ana Ruiz, Florida Mold Remediator License MRSR2871, attended ..."),
    where a surname's given names ("Ruiz, Ana M.") hold neither."""
    mine = " " + " ".join(re.findall(r"[^\W\d_]+", text.casefold())) + " "
    return bool(re.search(r"\d", text)) or any(f" {w} " in mine for w in (*words.not_if, *_ABOUT))


# a sentence going on after a label's name: "Presented to: Pat Holder for completing"
_SAID_OF = re.compile(r"\s+(?:for|who|has|have|had|is|was|in\s+recognition\s+of)(?:\s.*)?$")

_NUMBERED = re.compile(r"\s*\([^()]*\d[^()]*\)$")

_ABOUT = ("license", "licence", "licensed", "registrant", "certified", "number", "no", "id")

_GENERATION = re.compile(r"(?:Jr|Sr|I{1,3}|IV|V|VI{1,3})\.?", re.IGNORECASE)


# what follows a person's name, never a school's: "Cheryl Vance, CR, WLS", "Ann Lee, MSc"
_CREDENTIAL = re.compile(r"(?:[A-Z][A-Za-z]{0,4}[A-Z][a-z]?|Dr|Jr|Sr)\.?")
_COMPANY = frozenset(LEGAL_FORMS)


def provider_check(value: str, raw: str, words: FieldWords) -> Parsed:
    """A school's name: a person's name with credentials after it ("Cheryl Vance, CR, WLS": the
    speaker after "Presented by") is none; a place after it (", Denver, Colorado", ", Austin,
    TX": a state or province of `places`) is no part of it; words of a sentence (starting in
    lower case, or ending one) are none, nor is one word holding a number of three digits or
    more (a licence's or a school's number)."""
    value = _TRADEMARK.sub("", value)  # "DryTrack\u2122 Pro": a name as a person types it
    if not re.search(r"[^\W\d_]{2}", value):  # "-d": a logo's strokes, read by OCR
        return Parsed(value, "no word in it: not a name")
    if _CAPTION_END.search(value):  # "Training Provider  Accreditation No.   MTP0088"
        return Parsed(value, "a caption's rest, not a name: type it")
    if len(value.split()) == 1 and len(re.findall(r"\d", value)) >= 3:
        # "Training Provider MTP0417" on a wallet card: the provider's licence number
        return Parsed(value, "a number, not a name: type the provider")
    notes: tuple[str, ...] = ()
    end = sentence_bounds(value, 0, 0)[1]  # "X Association. Keep this for your records."
    # "X, Inc. Keep this card.": a legal form ends the name ("Co." may go on: "Smith & Co. X")
    firm = re.search(rf"\b(?!co\.)(?:{LEGAL_FORM})\.(?=\s+(?-i:[A-Z]))", value, re.I)
    end = min(end, firm.end()) if firm else end
    dash = re.search(r"\s[-\u2013\u2014]\s", value)  # "X Supply \u2014 Technical Services"
    cut = min(end, dash.start() if dash and len(value[: dash.start()].split()) >= 2 else end)
    if cut < len(value):
        after = value[cut:].strip(" .-\u2013\u2014")
        value, notes = value[:cut].rstrip(), (f"{after!r}: after the name, left out",)
        value = value[:-1] if value.endswith(".") and not _ABBREVIATED.search(value) else value
    if value[:1].islower() or re.search(r"\b[a-z]+\.$", value) or _VERB_FIRST.match(value):
        # "Presented by the Restoration Expo education committee.": a sentence's words
        return Parsed(value, "part of a sentence, not a name: type it")
    parts = [p.strip() for p in value.split(",")]
    rest = parts[1:]
    person = parts[0].split()
    if (
        rest
        and 2 <= len(person) <= 4
        and all(w[:1].isupper() and not w.isupper() for w in person if len(w.rstrip(".")) > 1)
        and all(_CREDENTIAL.fullmatch(p) for p in rest)
        and not {p.rstrip(".").casefold() for p in rest} & _COMPANY
    ):
        return Parsed(value, "a person's name and credentials, not a school: type it")
    if len(parts) >= 3 and parts[-1].casefold() in words.places and parts[-2][:1].isupper():
        place = f"{', '.join(parts[-2:])}: a place, left out"
        return Parsed(", ".join(parts[:-2]), notes=(*notes, place))
    return Parsed(value, notes=notes)


# a sentence's verb and a small word: "Presented at the booth of X", "Hosted by X"
_VERB_FIRST = re.compile(r"[A-Z][a-z]+ed\s+(?:at|by|for|in|on|to|the|with)\b")
_ABBREVIATED = re.compile(rf"\b(?:{LEGAL_FORM}|jr|sr)\.$", re.I)


# an amount after a code, a dash or a dot between them: the line's next item, no second code
_AMOUNT_AFTER = re.compile(
    r"^\s+[-\u2013\u2014\u00b7\u2022|]\s+\d{1,3}(?:\.\d{1,2})?\s+(?:iicrc\s+)?"
    r"(?:cecs?|ceus?|hours?|hrs|credits?)\b\D*$",
    re.I,
)
_LEAD = re.compile(r"^(?:(?:course|class|approval|number|no\.?|#)\s*[:#]?\s*)+(?=\S*\d)", re.I)


def code_check(value: str, raw: str, words: FieldWords) -> Parsed:
    """An approval code has a number in it ("C-5521"; "Pending" is none) and ends at the first
    space or parenthesis: what follows ("45-7702 (24 CEC hours)", "21-0045. This course meets
    ...") is no part of it; another number after it ("45-7702 / 45-7703") or one ending in a
    dash ("2026-", broken off at the line's end) is for the user."""
    value = _LEAD.sub("", value)  # "Course 22640", "No. 22640": a caption's rest
    m = re.match(r"(?P<code>[^\s(\[;]*\d[^\s(\[;]*)(?P<rest>.*)$", value)
    if m is None:  # a code with a word first ("WRT 2211"), or none ("Pending")
        return Parsed(value, None if re.search(r"\d", value) else "no number in it")
    code, rest = m.group("code").rstrip(".,:"), m.group("rest")
    if code.endswith(")") and "(" not in code:  # "(Course # 30551)": the bracket is the line's
        code = code.rstrip(")").rstrip(".,:")
    if code.endswith(("-", "/")):  # "2026-" at a line's end: the rest is on the next line
        return Parsed(code, "cut short at a dash: type it")
    if re.search(r"[A-Z]l|l[A-Z]", code):  # "26-0104-CCl": OCR reads a capital I as an l
        return Parsed(code, "an 'l' among capitals (OCR may misread an I): type it")
    if re.search(r"(?<![\w-])\d[/|]\d", code):  # "2/7718": OCR reads a digit as a stroke
        return Parsed(code, "a stroke after a lone digit (OCR may misread a digit): type it")
    rest = _AMOUNT_AFTER.sub("", rest)  # "2764 - 14 CECs": the line's next item, an amount
    if re.search(r"\d", re.sub(r"\([^)]*\)?|\[[^\]]*\]?", "", rest)):
        return Parsed(value, "more than one number: type it")
    return Parsed(code)
