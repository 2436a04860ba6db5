"""Reports as JSON-ready data.  This is the documented, stable `--json` format: dates are ISO
strings, credits and hours are numbers, absent values are null.  Add keys; never rename one."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ceclog.core.engine import CycleResult, KindProgress, Report, Requirement, TopicProgress
from ceclog.core.findings import Finding
from ceclog.core.models import Certification, Entry, Holder, Ledger, LoadedRules, Rules
from ceclog.core.results import send_command


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
        "reference_year": r.reference_year,
        "first_period": r.first_period,
        "due": r.due,
        "entries_per_certification": r.entries_per_certification,
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
        "unconfirmed": dict(r.unconfirmed),
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
    }


def _minimums(rows: Iterable[TopicProgress | KindProgress], key: str) -> list[dict[str, Any]]:
    """A cycle's minimums (per topic, or per kind: `cycle_min`), each with what counts."""
    return [
        {
            key: row[0],
            "required": number(row.required),
            "counted": number(row.counted),
            "remaining": number(row.remaining),
        }
        for row in rows
    ]


def _topics(result: CycleResult) -> list[dict[str, Any]]:
    return _minimums(result.topics, "topic")


def _kinds(result: CycleResult) -> list[dict[str, Any]]:
    """The rules' minimums per kind (`cycle_min`), like `topics`."""
    return _minimums(result.kinds, "kind")


def requirement(req: Requirement, profile: Rules | None = None) -> dict[str, Any]:
    """A requirement, with the figures of its current cycle (`profile`: the rules, for the
    command that sends what is not submitted yet)."""
    cur, prev = req.current, req.previous
    return {
        "track": req.track.name,
        "track_title": req.track.title,
        "certifications": list(req.certifications),
        "cycle_start": day(cur.cycle.start),
        "due": day(cur.cycle.due),
        "days_left": req.days_left,
        "required": number(req.required),
        "counted": number(req.counted),
        "remaining": number(req.remaining),
        "carried_in": number(cur.carried_in),
        "planned": number(cur.planned),
        "projected": number(req.projected),
        "submitted": number(cur.submitted),
        "posted": number(cur.posted),
        "state": req.state,
        "met": cur.met,
        "topics": _topics(cur),
        "kinds": _kinds(cur),
        "entries": list(cur.entry_ids),
        "excluded": [{"id": i, "reason": why} for i, why in cur.excluded],
        "previous": _previous(prev),
        "lapse": lapse(req),
        "notices": list(req.notices),
        "cycle_track": cur.cycle.track.name,
        "to_submit": _to_submit(req, profile),
        "topic_shares": _shares(cur),
        "uncounted": [{"id": i, "reason": why} for i, why in req.uncounted],
        "cycles": [_cycle(r) for r in req.history],
        "course": _course(cur),
        "exempt": _exempt(req),
    }


def _to_submit(req: Requirement, profile: Rules | None) -> dict[str, Any] | None:
    """With the state `to_submit` (met, but not all sent to the body: the current cycle with its
    due date near, or a cycle that ended so): which cycle, how much the body has, how much
    more it needs, the entries not sent, and the command that sends them; else None."""
    cycle = req.sending
    if cycle is None:
        return None
    past = cycle is not req.current
    return {
        "cycle_due": day(cycle.cycle.due),
        "sent": number(cycle.sent),
        "to_send": number(cycle.to_send),
        "entries": list(cycle.unsent_ids),
        "command": send_command(profile, every_cycle=past) if profile is not None else None,
    }


def _exempt(req: Requirement) -> dict[str, Any] | None:
    """An exemption in force (the state `exempt`: no deadline is owed), or None."""
    if req.exempt is None:
        return None
    x = req.exempt
    return {
        "name": x.name,
        "description": x.description,
        "source": x.source,
        "fact": x.fact,
        "since": day(x.since),
    }


def _course(result: CycleResult) -> dict[str, Any] | None:
    """The track's minimum class length (`min_course_hours`), or None without one."""
    if result.course is None:
        return None
    return {
        "required_hours": number(result.course.required_hours),
        "longest_hours": number(result.course.longest_hours),
        "met": result.course.met,
    }


def _shares(result: CycleResult) -> list[dict[str, Any]]:
    """How each entry's value is divided between the topic minimums: `split` when the entry's
    own `topic_hours` say so, else divided by ceclog (each credit counts toward one topic)."""
    return [
        {"id": s.entry_id, "topic": s.topic, "credits": number(s.credits), "split": s.split}
        for s in result.shares
    ]


def _cycle(result: CycleResult) -> dict[str, Any]:
    """One cycle of a requirement's history: its window, its figures, the entries counted."""
    return {
        "cycle_start": day(result.cycle.start),
        "due": day(result.cycle.due),
        "track": result.cycle.track.name,
        "required": number(result.required),
        "counted": number(result.counted),
        "carried_in": number(result.carried_in),
        "met": result.met,
        "judged": result.cycle.judged,
        "counted_entries": list(result.counted_ids),
    }


def _previous(prev: CycleResult | None) -> dict[str, Any] | None:
    if prev is None:
        return None
    out = {
        "cycle_start": day(prev.cycle.start),
        "due": day(prev.cycle.due),
        "required": number(prev.required),
        "counted": number(prev.counted),
        "met": prev.met,
        "judged": prev.cycle.judged,
        "topics": _topics(prev),
    }
    if prev.kinds:  # only with minimums per kind: older readers compare this object whole
        out["kinds"] = _kinds(prev)
    if prev.carried_in:  # only with a carry-over into it: `met` counts it
        out["carried_in"] = number(prev.carried_in)
    return out


def past_requirement(
    req: Requirement, past: CycleResult, covers: tuple[str, ...], before: CycleResult | None
) -> dict[str, Any]:
    """The requirement as it stood in an ended cycle (an export of that cycle): its own
    figures, the certifications held then, whether it was met; no notices about today's."""
    state = "met" if past.met else ("overdue" if past.cycle.judged else "not_judged")
    return {
        **requirement(req),
        "certifications": list(covers),
        "previous": _previous(before),
        "notices": [],
        "cycle_start": day(past.cycle.start),
        "due": day(past.cycle.due),
        "days_left": (past.cycle.due - req.today).days,
        "required": number(past.required),
        "counted": number(past.counted),
        "remaining": number(past.remaining),
        "carried_in": number(past.carried_in),
        "planned": number(past.planned),
        "projected": number(past.counted + past.planned),
        "submitted": number(past.submitted),
        "posted": number(past.posted),
        "state": state,
        "met": past.met,
        "topics": _topics(past),
        "kinds": _kinds(past),
        "entries": list(past.entry_ids),
        "excluded": [{"id": i, "reason": why} for i, why in past.excluded],
        "track": past.cycle.track.name,
        "track_title": past.cycle.track.title,
    }


def lapse(req: Requirement) -> dict[str, Any] | None:
    if req.lapse is None:
        return None
    return {
        "cycle_start": day(req.lapse.cycle.start),
        "due": day(req.lapse.cycle.due),
        "required": number(req.lapse.required),
        "counted": number(req.lapse.counted),
        "remaining": number(req.lapse.remaining),
        "days_overdue": req.days_overdue,
        "reinstate_by": day(req.reinstate_by),
    }


def status(
    report: Report, ledger: Ledger, loaded: LoadedRules, warnings: list[Finding]
) -> dict[str, Any]:
    return {
        "today": day(report.today),
        "holder": holder(ledger.holder),
        "certifications": [certification(c, loaded) for c in ledger.certifications],
        "rules": rules_summary(loaded),
        "requirements": [requirement(r, loaded.rules) for r in report.requirements],
        "warnings": [finding(w) for w in warnings],
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


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
