"""The names of the fields an import reads, and the header names (with common synonyms)
that mean each one; matched with case, spaces, punctuation and accents ignored."""

from __future__ import annotations

import re
import unicodedata

ENTRY_FIELDS = (
    "date",
    "title",
    "hours",
    "credits",
    "kind",
    "provider",
    "approval",
    "certifications",
    "topics",
    "notes",
    "submitted",
    "posted",
    "planned",
    "event",
    "topic_hours",
)
# Whose class a row is (a crew sheet's technician): read to choose the ledger, never kept.
PERSON = "person"
FIELDS = (*ENTRY_FIELDS, PERSON)
DATE_FIELDS = ("date", "submitted", "posted")

# Header names (lower case, punctuation as spaces) and the field each means.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "completed",
        "date completed",
        "completion date",
        "completed on",
        "class date",
        "course date",
        "day",
        "date taken",
        "date attended",
    ),
    "title": (
        "title",
        "course",
        "class",
        "course title",
        "course name",
        "class name",
        "class title",
        "session",
        "training",
        "description",
    ),
    "hours": (
        "hours",
        "hrs",
        "hour",
        "class hours",
        "course hours",
        "contact hours",
        "duration",
        "duration hours",
    ),
    "credits": (
        "credits",
        "credit",
        "cec",
        "cecs",
        "credit hours",
        "credits stated",
        "ce credits",
        "ces",
        "cecs earned",
        "cec earned",
        "units",
        "ceus",
        "ceu",
    ),
    "kind": ("kind", "type", "activity", "activity type", "format", "class type"),
    "provider": (
        "provider",
        "school",
        "instructor",
        "trainer",
        "vendor",
        "organization",
        "organisation",
        "sponsor",
        "approved provider",
    ),
    "approval": (
        "approval",
        "approval number",
        "approval no",
        "approval id",
        "course number",
        "course no",
        "course id",
        "course approval",
        "iicrc approval",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certs",
        "cert",
        "designations",
        "designation",
        "for",
    ),
    "topics": ("topics", "topic", "subject", "subjects", "category", "categories"),
    "notes": ("notes", "note", "comments", "comment", "remarks"),
    "submitted": ("submitted", "date submitted", "submitted on"),
    "posted": ("posted", "date posted", "posted on"),
    "planned": ("planned",),
    "event": ("event", "event name"),
    "topic_hours": ("topic hours", "hours per topic"),
    PERSON: (
        "person",
        "technician",
        "technician name",
        "tech",
        "tech name",
        "employee",
        "employee name",
        "name",
        "full name",
        "attendee",
        "participant",
        "nombre",
        "tecnico",
        "empleado",
    ),
}
# Columns of ceclog's own export that are computed, not recorded: read past without a word.
COMPUTED = ("id", "counted", "unit", "explanation", "evidence", "for cycle")
BY_NAME = {name: key for key, names in SYNONYMS.items() for name in names}


def header_key(header: str) -> str:
    text = unicodedata.normalize("NFKD", header)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()  # Técnico: tecnico
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.replace("_", " ")).split())
