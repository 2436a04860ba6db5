"""The firm's timeline, as data: every technician's due dates and lapses on one date axis, with
today, so that an owner sees who is due when.  Pure: built from the team's rows
(`team.rows`); output/svg_chart.py draws it on the team page."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ceclog.core.firm.team import Row, RowState


class Mark(NamedTuple):
    """One technician x requirement on the axis."""

    name: str  # the technician (the file, when the ledger names nobody)
    certifications: tuple[str, ...]
    due: dt.date  # the current cycle's due date
    lapsed: dt.date | None  # the due date of the cycle that ended unmet, if one did
    state: RowState
    file: str = ""  # the ledger's file, as the table names it


class Timeline(NamedTuple):
    today: dt.date
    first: dt.date  # the axis: from the earliest lapse (or today) ...
    last: dt.date  # ... to the latest due date (or today)
    marks: tuple[Mark, ...]  # in the rows' order: most urgent first


def timeline(rows: list[Row], today: dt.date) -> Timeline:
    """The rows that have a due date (a ledger that could not be read, or with no
    requirement, has none: the table says why), in their order."""
    marks = []
    for row in rows:
        if row.due is None:
            continue
        marks.append(
            Mark(
                row.name or row.file,
                row.certifications,
                row.due,
                row.lapse.due if row.lapse is not None else None,
                row.state,
                row.file,
            )
        )
    days = [today, *(m.due for m in marks), *(m.lapsed for m in marks if m.lapsed)]
    return Timeline(today, min(days), max(days), tuple(marks))
