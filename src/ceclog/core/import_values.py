"""What a sheet's words mean: a row's status (Completed, Planned, Cancelled...), a kind written
the way people write it (Classroom, In person, Online...), and the rows that are not classes
(totals and subtotals, headings between groups of rows, the header printed again).

Status, the rule: Completed, Done, Attended, Taken, Passed, Yes, x (and their Spanish words)
are classes taken; Planned, Scheduled, Registered, Enrolled, Booked, Upcoming are planned
classes; Cancelled, Canceled, No-show, Did not attend, Missed are skipped (not classes); an
empty cell says nothing (a class dated after today is planned); any other word is asked
about: the row is held back until `--accept ROW` brings it in."""

from __future__ import annotations

import re
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
# Kinds as people write them, for the rules' own kinds: used only when the rules have the kind.
KINDS = {
    **dict.fromkeys(("classroom", "in person", "class", "live class", "presencial"), "course"),
    **dict.fromkeys(("curso", "instructor led", "on site", "onsite"), "course"),
    **dict.fromkeys(("on line", "e learning", "elearning", "self paced", "en linea"), "online"),
    **dict.fromkeys(("online course", "distance", "a distancia", "virtual course"), "online"),
    **dict.fromkeys(("live webinar", "web seminar", "seminario web"), "webinar"),
    **dict.fromkeys(("hands on", "taller", "lab", "practical"), "workshop"),
    **dict.fromkeys(("convention", "conferencia", "congreso", "trade show"), "conference"),
}
TOTALS = ("total", "totals", "subtotal", "sub total", "grand total", "sum", "totales", "suma")
# what may follow "Total" in a total's label: "Total CECs 2025", "Subtotal for the year"
AFTER_TOTAL = {
    *("hours", "hrs", "h", "cec", "cecs", "ces", "credits", "ceus", "ceu", "horas", "creditos"),
    *("for", "the", "year", "ytd", "to", "date", "so", "far", "cycle", "of", "all", "this"),
    *("del", "de", "ano", "general", "q1", "q2", "q3", "q4", "earned", "taken", "classes"),
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
}


def status_of(text: str) -> Status | None:
    """What a status cell says; None when it is empty."""
    value = text.strip()
    if value in ("", "-", "\u2013", "\u2014"):
        return None
    return STATUS.get(value) or STATUS.get(header_key(value), "ask")


def kind_of(text: str, kinds: tuple[str, ...]) -> str | None:
    """The rules' kind a cell names (its own name, or a common way of writing one of them)."""
    key = header_key(text)
    if key.replace(" ", "-") in kinds or key in kinds:
        return key.replace(" ", "-") if key.replace(" ", "-") in kinds else key
    found = KINDS.get(key)
    return found if found in kinds else None


def says_total(cells: list[str]) -> bool:
    """A row labelled as a total: a cell "Total", "Subtotal", "Grand total", "Total CECs
    2025", "Q1 total"... (a class named "Total Drying Solutions" is not one)."""
    for cell in cells:
        text = f" {header_key(cell)} "
        for total in TOTALS:
            if f" {total} " in text:
                rest = text.replace(f" {total} ", " ", 1).split()
                if all(w in AFTER_TOTAL or w.isdigit() for w in rest):
                    return True
    return False


def is_heading(cells: list[str]) -> bool:
    """A heading between groups of rows: one cell of text and nothing else ("Spring 2025",
    "Online classes"), too little to be a class (which needs a date and hours)."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) == 1 and not re.fullmatch(r"[\d\s.,:/-]+", filled[0])
