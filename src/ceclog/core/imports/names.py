"""The names of the fields an import reads, and the header names (with common synonyms, in
English and Spanish) that mean each one; matched with case, accents, spaces and punctuation
ignored ("Créditos" is "creditos", "Course #" is "course number").

Besides an entry's own fields a sheet may hold `status` (Completed, Planned, Cancelled...),
`ceus` (continuing-education units: 1 CEU = 10 contact hours) and `person` (the technician a
row is about, in a crew sheet; or `first_name` and `last_name`, read together as the person):
read, never stored as such.  A header of parts ("Provider/School") means the field its parts
name, when they name one."""

from __future__ import annotations

from ceclog.core.ledger.vocabulary import header_key

FIELDS = (
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
FIRST, LAST = "first_name", "last_name"  # a person's name in two columns, read together
SHEET_FIELDS = (*FIELDS, "status", "ceus", PERSON, FIRST, LAST)  # what a sheet's column may hold
DATE_FIELDS = ("date", "submitted", "posted")

# Header names (lower case, no accents, punctuation as spaces) and the field each means.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "date completed",
        "completion date",
        "completed on",
        "completed date",
        "class date",
        "course date",
        "day",
        "date taken",
        "date attended",
        "date of class",
        "date of course",
        "date earned",
        "fecha",
        "fecha del curso",
        "fecha de finalizacion",
        "fecha completado",
        "fecha de realizacion",
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
        "training name",
        "curso",
        "nombre del curso",
        "clase",
        "titulo",
        "capacitacion",
    ),
    "hours": (
        "hours",
        "hrs",
        "hour",
        "class hours",
        "course hours",
        "contact hours",
        "clock hours",
        "total hours",
        "number of hours",
        "no of hours",
        "duration",
        "duration hours",
        "length",
        "horas",
        "duracion",
        "horas de clase",
    ),
    "credits": (
        "credits",
        "credit",
        "cec",
        "cecs",
        "cec s",
        "credits stated",
        "ce credits",
        "cec credits",
        "ces",
        "cecs earned",
        "cec earned",
        "credits earned",
        "cecs awarded",
        "creditos",
        "credito",
        "creditos cec",
    ),
    "ceus": ("ceu", "ceus", "ceu s", "ceus earned", "continuing education units"),
    "kind": (
        "kind",
        "type",
        "activity",
        "activity type",
        "format",
        "class type",
        "course type",
        "delivery",
        "delivery method",
        "tipo",
        "modalidad",
        "formato",
    ),
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
        "training provider",
        "provided by",
        "taught by",
        "school provider",
        "proveedor",
        "escuela",
        "instructor a",
        "institucion",
    ),
    "approval": (
        "approval",
        "approval number",
        "approval no",
        "approval id",
        "course number",
        "course no",
        "course id",
        "course code",
        "course approval",
        "iicrc approval",
        "iicrc course number",
        "aprobacion",
        "numero de aprobacion",
        "no de aprobacion",
        "curso no",
        "curso number",
        "codigo del curso",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certs",
        "cert",
        "designations",
        "designation",
        "for",
        "certificacion",
        "certificaciones",
    ),
    "topics": ("topics", "categories", "temas"),
    "notes": (
        "notes",
        "note",
        "comments",
        "comment",
        "remarks",
        "notas",
        "nota",
        "observaciones",
        "comentarios",
    ),
    "submitted": ("submitted", "date submitted", "submitted on", "fecha de envio"),
    "posted": ("posted", "date posted", "posted on"),
    "planned": ("planned",),
    "event": ("event", "event name", "evento"),
    "topic_hours": ("topic hours", "hours per topic"),
    "status": ("status", "state of class", "class status", "estado", "estatus"),
    PERSON: (
        "person",
        "technician",
        "tech",
        "technician name",
        "tech name",
        "employee",
        "employee name",
        "name",
        "full name",
        "staff",
        "staff member",
        "team member",
        "crew member",
        "worker",
        "attendee",
        "participant",
        "student",
        "nombre",
        "tecnico",
        "nombre del tecnico",
        "empleado",
    ),
    FIRST: (
        "first name",
        "first",
        "firstname",
        "given name",
        "given names",
        "forename",
        "nombre de pila",
        "primer nombre",
        "vorname",
        "prenom",
    ),
    LAST: (
        "last name",
        "last",
        "lastname",
        "surname",
        "family name",
        "apellido",
        "apellidos",
        "primer apellido",
        "nachname",
        "nom de famille",
    ),
}
# Headers of a column that says whose each row is, but that ceclog cannot match to a ledger's
# holder (an employee's number): a sheet with such a column and no person read is no one's.
PERSON_IDS = (
    "employee id",
    "employee number",
    "employee no",
    "emp id",
    "emp no",
    "emp number",
    "staff id",
    "staff number",
    "staff no",
    "worker id",
    "badge",
    "badge number",
    "badge no",
    "badge id",
    "personnel number",
    "personnel no",
    "id empleado",
    "numero de empleado",
    "no de empleado",
    "personalnummer",
    "mitarbeiter",
    "mitarbeiter id",
    "mitarbeiternummer",
)
# Headers with two meanings: the first of the fields that no other column of the sheet reads
# as.  "Topic" is the class's title in a sheet with no title column, else its topics;
# "Completed" is the date unless a column says the date, then the status (Yes, Done...).
SECOND_CHOICE: dict[str, tuple[str, ...]] = {
    "topic": ("title", "topics"),
    "subject": ("title", "topics"),
    "category": ("topics", "title"),
    "tema": ("title", "topics"),
    "materia": ("title", "topics"),
    "description": ("title", "notes"),
    "descripcion": ("title", "notes"),
    "completed": ("date", "status"),
    "completado": ("date", "status"),
    "taken": ("date", "status"),
    "attended": ("date", "status"),
    "done": ("date", "status"),
}
# Headers that name credits in hours.  The rule: they hold credits, the CECs a certificate
# states (measured in hours); under rules where one credit is not one hour, they are refused
# until a mapping says which (see `rows.columns_of`).
CREDIT_HOURS = (
    "credit hours",
    "cec hours",
    "ce hours",
    "cec hrs",
    "ce hrs",
    "credit hrs",
    "continuing education hours",
    "horas cec",
    "horas de credito",
    "horas ce",
)
# A certifying body's name before a header says whose the value is: the header is the rest.
BODIES = ("iicrc", "ria", "nadca", "acac", "ihmc")
# Columns of ceclog's own export that are computed, not recorded: read past without a word.
COMPUTED = ("id", "counted", "unit", "explanation", "evidence", "for cycle")
BY_NAME = {name: key for key, names in SYNONYMS.items() for name in names} | {
    name: "credits" for name in CREDIT_HOURS
}


def meanings(header: str) -> tuple[str, ...]:
    """The fields a header may mean, the first preferred; () when it means none.  A part of a
    person's name says whose it is ("Employee First Name" is the first name).  A header of
    parts ("Provider/School", "Date / Time") means the field its parts name, when every part
    that names one names the same ("Hours/CECs" names two: none)."""
    key = header_key(header)
    if key in BY_NAME:
        return (BY_NAME[key],)
    if key in SECOND_CHOICE:
        return SECOND_CHOICE[key]
    first, _, rest = key.partition(" ")  # "Employee First Name", "Tech Last Name"
    if first in BODIES and rest in BY_NAME:  # "IICRC Approval #", "RIA Course Number"
        return (BY_NAME[rest],)
    if (first == "emp" or BY_NAME.get(first) == PERSON) and BY_NAME.get(rest) in (FIRST, LAST):
        return (BY_NAME[rest],)
    parts = [p for p in header.split("/") if p.strip()]
    if len(parts) < 2:
        return ()
    named = {found[0] for p in parts if (found := meanings(p))}
    return (named.pop(),) if len(named) == 1 else ()


def says_whose(header: str) -> bool:
    """A header of a column saying whose each row is: a person's name, part of it, or an
    employee's number ("Last Name", "Employee ID")."""
    key = header_key(header)
    return key in PERSON_IDS or meanings(header)[:1] in ((PERSON,), (FIRST,), (LAST,))


def column_letter(index: int) -> str:
    """A column as a spreadsheet names it: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
