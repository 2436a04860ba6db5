"""What a sheet's words mean: a row's status (Completed, Planned, Cancelled...) and a kind
written the way people write it (Classroom, Seminar, Online, Trade show...); the rows that are
not classes are `totals`.

Status, the rule: Completed, Done, Attended, Taken, Passed, Yes, x (and their Spanish words)
are classes taken; Planned, Scheduled, Registered, Enrolled, Booked, Upcoming are planned
classes; Cancelled, Canceled, No-show, Did not attend, Missed are skipped (not classes); an
empty cell says nothing (a class dated after today is planned); any other word is asked
about: the row is held back until `--accept ROW` brings it in."""

from __future__ import annotations

from typing import Literal

from ceclog.core.ledger.vocabulary import header_key

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


def status_of(text: str) -> Status | None:
    """What a status cell says; None when it is empty."""
    value = text.strip()
    if value in ("", "-", "\u2013", "\u2014"):
        return None
    return STATUS.get(value) or STATUS.get(header_key(value), "ask")
