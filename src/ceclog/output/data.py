"""Reports as JSON-ready data.  This is the documented, stable `--json` format: dates are ISO
strings, credits and hours are numbers, absent values are null.  Add keys; never rename one."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import Certification, Entry, Holder, LoadedRules
from ceclog.core.ledger.records import as_dict
from ceclog.core.schedule.engine import Report

if TYPE_CHECKING:  # the change document's type: a write's --json alone builds one
    from ceclog.core.ledger.diff import Change


def number(value: Decimal | Fraction | None) -> float | None:
    return None if value is None else float(value)


def day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def holder(h: Holder) -> dict[str, Any]:
    return {
        "name": h.name,
        "registrant_id": h.registrant_id,
        "email": h.email,
        "rules": h.rules,
        "cec_due": day(h.cec_due),
        "cec_due_noted": day(h.cec_due_noted),
        "tracking_since": day(h.tracking_since),
        "fee_due": h.fee_due,
        "dates": h.dates,
    }


def certification(c: Certification, loaded: LoadedRules) -> dict[str, Any]:
    track = loaded.rules.track_of(c.code)
    return {
        "code": c.code,
        "title": loaded.rules.certifications.get(c.code),
        "earned": day(c.earned),
        "ended": day(c.ended),
        "cec_due": day(c.cec_due),
        "track": track.name if track else None,
    }


def entry_fields(e: Entry) -> dict[str, Any]:
    """An entry's own fields as a person writes them (the part every entry document shares)."""
    return {
        "id": e.id,
        "date": day(e.date),
        "title": e.title,
        "kind": e.kind,
        "hours": number(e.hours),
        "credits": number(e.credits),
        "provider": e.provider,
        "approval": e.approval,
        "topics": list(e.topics),
        "certifications": list(e.certifications),
        "notes": e.notes,
        "planned": e.planned,
        "submitted": day(e.submitted),
        "posted": day(e.posted),
    }


def entry(e: Entry, counted: Decimal, explanation: str) -> dict[str, Any]:
    """An entry with what it counts (0 when it counts toward no cycle) and why; `event`,
    `topic_hours` and `imported` only when the entry has them (keys are added, never changed:
    older readers compare whole rows)."""
    out = {
        **entry_fields(e),
        "for_cycle": day(e.for_cycle),
        "evidence": [{"file": ev.file, "name": ev.name, "sha256": ev.sha256} for ev in e.evidence],
        "counted": number(counted),
        "explanation": explanation,
    }
    if e.event is not None:
        out["event"] = e.event
    if e.topic_hours:
        out["topic_hours"] = {topic: number(h) for topic, h in e.topic_hours.items()}
    if e.imported is not None:
        out["imported"] = e.imported
    return out


def report_entry(e: Entry, report: Report) -> dict[str, Any]:
    return entry(e, report.counted(e.id), report.explanation(e.id))


def rules(loaded: LoadedRules) -> dict[str, Any]:
    """The whole profile (`ceclog rules show --json`)."""
    r = loaded.rules
    return {
        **rules_summary(loaded),
        "default_kind": r.default_kind,
        "kinds": {
            name: {
                "description": k.description,
                "fixed": number(k.fixed),
                "cap": number(k.cap),
                "cycle_cap": number(k.cycle_cap),
                "cycle_min": number(k.cycle_min),
                "topic": k.topic,
            }
            for name, k in r.kinds.items()
        },
        "certifications": dict(r.certifications),
        "aliases": dict(r.aliases),
        "topic_aliases": dict(r.topic_aliases),
        "tracks": [
            {
                "name": t.name,
                "title": t.title,
                "certifications": list(t.certifications),
                "credits": number(t.credits),
                "cycle_months": t.cycle_months,
                "topics": {k: number(v) for k, v in t.topics.items()},
                "min_course_hours": number(t.min_course_hours),
            }
            for t in r.tracks
        ],
        "exemptions": {
            name: {
                "description": x.description,
                "source": x.source,
                "since": day(x.since),
                "held_years": x.held_years,
            }
            for name, x in r.exemptions.items()
        },
        "plan": [
            {
                "quarter": step.quarter,
                "title": step.title,
                "kind": step.kind,
                "hours": number(step.hours),
                "credits": number(step.credits),
            }
            for step in r.plan
        ],
    }


def rules_summary(loaded: LoadedRules) -> dict[str, Any]:
    """The profile's identity, provenance and constants (in `status --json`)."""
    r = loaded.rules
    return {
        "name": r.name,
        "title": r.title,
        "path": str(loaded.path),
        "shipped": loaded.shipped,
        "source": list(r.source),
        "checked": day(r.checked),
        "effective": r.effective,
        "unit": r.unit,
        "unit_plural": r.units,
        "hours_per_credit": number(r.hours_per_credit),
        "increment": number(r.increment),
        "event_cap": number(r.event_cap),
        "pool": r.pool,
        "anchor": r.anchor,
        "cycle_start": r.cycle_start,
        "due_soon_days": r.due_soon_days,
        "pace_months": r.pace_months,
        "reinstatement_months": r.reinstatement_months,
        "carry_over": None if r.carry_over is None else number(r.carry_over),
        "submission_email": r.submission_email,
        "reference_year": r.reference_year,
        "first_period": r.first_period,
        "due": r.due,
        "entries_per_certification": r.entries_per_certification,
        "unconfirmed": dict(r.unconfirmed),
    }


def finding(f: Finding) -> dict[str, Any]:
    """A finding of `check` (and a warning of `status`): its code is stable."""
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "file": str(f.where.path) if f.where else None,
        "line": f.where.line if f.where else None,
        "hint": f.hint,
    }


def record(item: Any) -> dict[str, Any] | None:
    """A ledger record with every field the ledger file can hold, as it names them (null when
    unset; nested records, such as an entry's evidence, as objects)."""
    return None if item is None else {k: _value(v) for k, v in as_dict(item).items()}


def _value(value: Any) -> Any:
    if isinstance(value, Decimal | Fraction):
        return number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def changed(
    command: str,
    ledger: str,
    changes: list[Change],
    written: list[tuple[str, str]],
    backup: str | None,
) -> dict[str, Any]:
    """What a write did (`--json` of init, holder, cert, rm, attach, submit, posted, undo):
    each record it changed, before and after; the files it wrote; and the backup `ceclog
    undo` puts back (null when there is nothing to undo, as after `init`)."""
    return {
        "command": command,
        "ledger": ledger,
        "changes": [
            {
                "record": c.record,
                "key": c.key,
                "action": c.action,
                "fields": list(c.fields),
                "before": record(c.before),
                "after": record(c.after),
            }
            for c in changes
        ],
        "written": [{"what": what, "path": path} for what, path in written],
        "undo": None if backup is None else {"command": "ceclog undo", "restores": backup},
    }


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
