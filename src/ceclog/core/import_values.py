"""What a sheet's words mean: a row's status (Completed, Planned, Cancelled...) and a kind
written the way people write it (Classroom, Seminar, Online, Trade show...); the rows that are
not classes are `import_totals`.

Status, the rule: Completed, Done, Attended, Taken, Passed, Yes, x (and their Spanish words)
are classes taken; Planned, Scheduled, Registered, Enrolled, Booked, Upcoming are planned
classes; Cancelled, Canceled, No-show, Did not attend, Missed are skipped (not classes); an
empty cell says nothing (a class dated after today is planned); any other word is asked
about: the row is held back until `--accept ROW` brings it in."""

from __future__ import annotations

from typing import Literal

from ceclog.core.import_names import header_key

Status = Literal["completed", "planned", "skipped", "ask"]
STATUS: dict[str, Status] = {
    **dict.fromkeys(
        ("completed", "complete", "done", "attended", "taken", "passed", "finished"),
        "completed",
    ),
    **dict.fromkeys(("yes", "y", "x", "true", "ok", "\u2713", "\u2714"), "completed"),
    **dict.fromkeys(
        ("completado", "completada", "terminado", "hecho", "asistio", "aprobado", "si"),
        "completed",
    ),
    **dict.fromkeys(
        ("planned", "scheduled", "registered", "enrolled", "booked", "upcoming", "signed up"),
        "planned",
    ),
    **dict.fromkeys(("programado", "programada", "planeado", "inscrito", "inscrita"), "planned"),
    **dict.fromkeys(
        ("cancelled", "canceled", "no show", "noshow", "did not attend", "didn t attend"),
        "skipped",
    ),
    **dict.fromkeys(("missed", "cancelado", "cancelada", "no asistio"), "skipped"),
}
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


def status_of(text: str) -> Status | None:
    """What a status cell says; None when it is empty."""
    value = text.strip()
    if value in ("", "-", "\u2013", "\u2014"):
        return None
    return STATUS.get(value) or STATUS.get(header_key(value), "ask")


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
