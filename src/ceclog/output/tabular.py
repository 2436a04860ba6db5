"""CSV and JSON exports: the entries of a Transcript as data, every field included."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ceclog.core.ledger.models import LoadedRules
from ceclog.core.reports.transcript import Row, Transcript
from ceclog.core.schedule.credits import fmt, num
from ceclog.output import bidi, data, status_data

# A cell a spreadsheet would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "id",
    "date",
    "title",
    "kind",
    "hours",
    "credits_stated",
    "counted",
    "unit",
    "explanation",
    "provider",
    "approval",
    "certifications",
    "topics",
    "notes",
    "submitted",
    "posted",
    "evidence",
    "event",
    "topic_hours",
)


def neutralise(cell: str) -> str:
    """Make a cell inert in a spreadsheet: a leading formula character gets a `'` before it
    (the convention spreadsheets show as plain text); direction controls show as marks."""
    cell = bidi.shown(cell)
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cells(row: Row, units: str) -> list[str]:
    e = row.entry
    return [
        str(e.id),
        e.date.isoformat(),
        e.title,
        e.kind,
        num(e.hours) if e.hours is not None else "",
        num(e.credits) if e.credits is not None else "",
        fmt(row.counted),
        units,
        row.explanation,
        e.provider or "",
        e.approval or "",
        "; ".join(e.certifications),
        "; ".join(e.topics),
        e.notes or "",
        e.submitted.isoformat() if e.submitted else "",
        e.posted.isoformat() if e.posted else "",
        "; ".join(ev.file.rsplit("/", 1)[-1] for ev in e.evidence),
        e.event or "",
        "; ".join(f"{topic}={num(hours)}" for topic, hours in e.topic_hours.items()),
    ]


def render_csv(t: Transcript) -> str:
    """RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheets read the accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in t.rows:
        writer.writerow([neutralise(cell) for cell in _cells(row, t.rules.units)])
    return "\ufeff" + out.getvalue()


def export_data(t: Transcript) -> dict[str, Any]:
    """The `--format json` document (documented in docs/export.md)."""
    loaded = LoadedRules(t.rules, Path(t.rules_path), shipped=False)
    summary = data.rules_summary(loaded)
    summary.pop("shipped")
    return {
        "format": "ceclog-export",
        "version": 1,
        "generated": t.today.isoformat(),
        "period": t.period,
        "holder": data.holder(t.ledger.holder),
        "certifications": [data.certification(c, loaded) for c in t.ledger.certifications],
        "rules": summary,
        "requirements": [
            status_data.past_requirement(s.requirement, s.result, s.covers, s.before)
            if s.ended
            else status_data.requirement(s.requirement)
            for s in t.summaries
        ],
        "entries": [data.entry(row.entry, row.counted, row.explanation) for row in t.rows],
        "total": float(t.total),
    }


def render_json(t: Transcript) -> str:
    return data.dumps(export_data(t)) + "\n"
