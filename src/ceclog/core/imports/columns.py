"""Which column of a sheet holds which field: the mapping's `[columns]` first, then each header
that means one field (`names.SYNONYMS`), then the headers with two meanings, each taking
the first of its fields no other column holds ("Topic" is the title of a sheet without one).

A column two fields claim, a field two columns claim, or a mapping naming a header the file
lacks, is refused.  So is a column of credits in hours ("Credit hours", "CEC Hours") under
rules where a credit is not one hour: which it is changes the count (see `credit_hours`)."""

from __future__ import annotations

from ceclog.core.imports.names import (
    COMPUTED,
    CREDIT_HOURS,
    FIRST,
    LAST,
    PERSON,
    SHEET_FIELDS,
    meanings,
    says_whose,
)
from ceclog.core.imports.table import Mapping, Table
from ceclog.core.ledger.models import Rules
from ceclog.core.ledger.vocabulary import header_key
from ceclog.core.schedule.credits import num
from ceclog.errors import InputError


def columns_of(table: Table, mapping: Mapping) -> tuple[dict[str, int], list[str]]:
    """field -> column index, and the headers of the columns read past."""
    keys = [header_key(h) for h in table.headers]
    found: dict[str, int] = {}
    for key, header in mapping.columns.items():
        if key not in SHEET_FIELDS:
            raise InputError(
                f"the mapping names {key!r}, which is not a field: {', '.join(SHEET_FIELDS)}"
            )
        matches = [i for i, h in enumerate(table.headers) if h.strip() == header.strip()]
        matches = matches or [i for i, k in enumerate(keys) if k == header_key(header)]
        if not matches:
            raise InputError(
                f"the mapping reads {key} from column {header!r}, which the file does not have",
                hint="its columns: " + ", ".join(repr(h) for h in table.headers),
            )
        found[key] = matches[0]
    taken = set(found.values())
    second: list[tuple[int, tuple[str, ...]]] = []
    for index, header in enumerate(table.headers):
        fields = tuple(f for f in meanings(header) if f not in mapping.columns)
        if index in taken or not fields:
            continue
        if len(meanings(header)) > 1:
            second.append((index, tuple(fields)))
            continue
        name = fields[0]
        if name in found:
            raise InputError(
                f"columns {table.headers[found[name]]!r} and "
                f"{table.headers[index]!r} both read as {name}",
                hint=f'say which in a mapping file: [columns] {name} = "..." (--map FILE)',
            )
        found[name] = index
    for index, fields in second:
        free = [f for f in fields if f not in found]
        if free:
            found[free[0]] = index
    read = set(found.values())
    ignored = [
        table.headers[i]
        for i, key in enumerate(keys)
        if i not in read and key and key not in COMPUTED
    ]
    for key in mapping.constants:
        if key in found:
            raise InputError(
                f"the mapping gives {key} both a column ({table.headers[found[key]]!r}) and a "
                f"constant value: keep one"
            )
    for needed in ("date", "title"):
        if needed not in found and needed not in mapping.constants:
            raise InputError(
                f"no column reads as the {needed}",
                hint=f"its columns: {', '.join(repr(h) for h in table.headers)}; name it in a "
                f'mapping file: [columns] {needed} = "..." (--map FILE)',
            )
    return found, ignored


def credit_hours(header: str, rules: Rules, given: bool) -> str | None:
    """The rule for a column of credits in hours ("Credit hours", "CEC Hours", "CE Hours"):
    it holds credits, what the certificate states.  Where the rules count one credit per hour
    that is also the class's hours, and the note says so; where they do not (iicrc-2012: 7
    hours per CEC) the two readings count differently, and the import is refused until a
    mapping names the column as hours or as credits.  None: not such a column."""
    if given or header_key(header) not in CREDIT_HOURS:
        return None
    unit, rate = rules.unit, rules.hours_per_credit
    if rate != 1:
        raise InputError(
            f"column {header!r} names credits in hours: the {rules.name} rules count "
            f"{num(rate)} hours per {unit}, so reading it as hours or as {rules.units} changes "
            "the count; nothing was written",
            hint=f'say which in a mapping file (--map MAP.toml): [columns] credits = "{header}" '
            f'(the {rules.units} a certificate states) or hours = "{header}" (hours of class)',
        )
    return (
        f"column {header!r} is read as credits ({rules.units} as stated): a header naming "
        f"both credits and hours holds credits; these rules count 1 {unit} per hour, so it "
        "counts the same as hours"
    )


def person_columns(columns: dict[str, int], headers: list[str]) -> tuple[int, ...]:
    """The columns whose cells, read together in this order, are whose class a row is: the
    person column; or the first name and the last name ("Carlos" and "Rivera": Carlos
    Rivera), also when a mapping names one of them as the person, or a "Name" column (Nombre)
    sits beside a last name (Apellido).  () when nothing says (a lone last name cannot)."""
    first, last, person = columns.get(FIRST), columns.get(LAST), columns.get(PERSON)
    if person is not None:
        means = meanings(headers[person])[:1]
        if means == (LAST,) and first is not None:
            return (first, person)
        if means == (FIRST,) and last is not None:
            return (person, last)
        if means == (PERSON,) and last is not None and first is None:
            return (person, last)
        return (person,)
    if first is not None and last is not None:
        return (first, last)
    return ()


def whose_unread(table: Table, read: tuple[int, ...]) -> list[str]:
    """The headers of the columns that say whose each row is (a name, part of one, or an
    employee's number: "Last Name", "Employee ID") but are not read as the person, and hold
    something: a sheet with one and no person read could be several people's."""
    return [
        header
        for index, header in enumerate(table.headers)
        if index not in read
        and says_whose(header)
        and any(index < len(cells) and cells[index].strip() for _, cells in table.rows)
    ]
