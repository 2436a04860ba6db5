"""The words people write for what the rules name: a header or a cell as a key (case,
accents and punctuation ignored), the rules' kind a common word means ("Seminar" is a course),
and what to suggest for a kind or a certification code the rules do not know."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ceclog.core.ledger.models import Rules


def plain(text: str) -> str:
    """Lower case without accents: "Créditos" -> "creditos", "Técnico" -> "tecnico"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def header_key(header: str) -> str:
    text = plain(header).replace("_", " ")
    text = text.replace("#", " number ").replace("n°", "no")  # "Course #", "Curso N°"
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


# Words for an activity, for the rules' own kinds: the first kind of each that the rules have
# (a conference is the rules' `conference`, else their `event`); none: the word is refused.
KINDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("classroom", "in person", "class", "live class", "presencial"), ("course",)),
    **dict.fromkeys(("curso", "clase", "instructor led", "on site", "onsite"), ("course",)),
    **dict.fromkeys(("seminar", "seminario", "training", "lecture", "capacitacion"), ("course",)),
    **dict.fromkeys(("schulung", "kurs", "lehrgang", "classroom course"), ("course",)),
    **dict.fromkeys(("on line", "e learning", "elearning", "self paced", "en linea"), ("online",)),
    **dict.fromkeys(("online course", "distance", "a distancia", "virtual course"), ("online",)),
    **dict.fromkeys(
        ("online class", "online training", "web based", "curso en linea"), ("online",)
    ),
    **dict.fromkeys(
        ("live webinar", "web seminar", "seminario web", "online seminar"), ("webinar",)
    ),
    **dict.fromkeys(("hands on", "taller", "lab", "practical", "work shop"), ("workshop",)),
    **dict.fromkeys(
        ("conference", "convention", "conferencia", "congreso", "convencion"),
        ("conference", "event"),
    ),
    **dict.fromkeys(
        ("trade show", "tradeshow", "expo", "exposition", "feria", "messe"), ("conference", "event")
    ),
    **dict.fromkeys(("kongress", "tagung", "symposium", "summit"), ("conference", "event")),
}


def kind_of(text: str, kinds: tuple[str, ...]) -> str | None:
    """The rules' kind a cell names: its own name, or a common word for an activity that
    means one the rules have ("Seminar" is a course; a "Trade show" the rules' conference,
    else their event); None for any other word (never guessed from its spelling)."""
    key = header_key(text)
    if key.replace(" ", "-") in kinds or key in kinds:
        return key.replace(" ", "-") if key.replace(" ", "-") in kinds else key
    return next((k for k in KINDS.get(key, ()) if k in kinds), None)


def one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped, changed, or two swapped: a typo."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        short, long = (a, b) if len(a) < len(b) else (b, a)
        return short[i:] == long[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    )


def kind_hint(value: str, kinds: tuple[str, ...]) -> str:
    """What to suggest for a kind the rules do not have: the kind the word means ("seminar":
    course), else the kind it misspells by one letter ("webnar": webinar), never one it is
    only spelt like (a seminar is no webinar); "" for none."""
    found = kind_of(value, kinds)
    if found is None:
        key = value.strip().lower()
        found = next((k for k in kinds if one_edit(key, k)), None)
    return f"did you mean {found}?" if found else ""


def suggest(value: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.upper(), [k.upper() for k in known], n=3, cutoff=0.5)
    close = [k for k in known if k.upper() in close]
    return f"did you mean {' or '.join(close)}?" if close else ""


def unknown_code_hint(code: str, rules: Rules) -> str:
    """How to fix a code the rules do not know: the code it is an alias of, or the closest."""
    if code in rules.aliases:
        real = rules.aliases[code]
        return f"{code} is another name for {real} in the {rules.name} rules: write {real}"
    close = suggest(code, list(rules.certifications))
    return (close + " " if close else "") + f"every code: ceclog rules show {rules.name}"
