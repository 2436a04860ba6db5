"""A requirement's figures as JSON-ready data: its current cycle, the previous one, a lapse,
what is to submit, an exemption, how values are divided between topics, every cycle of its
history; and the whole `status --json` document.  Part of the documented, stable `--json`
format (see `data`): add keys, never rename one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ceclog.core.ledger.findings import Finding
from ceclog.core.ledger.models import Ledger, LoadedRules, Rules
from ceclog.core.schedule.engine import (
    CycleResult,
    KindProgress,
    Report,
    Requirement,
    TopicProgress,
)
from ceclog.core.schedule.results import send_command
from ceclog.output.data import certification, day, finding, holder, number, rules_summary


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
        "days_left": None if req.exempt is not None else req.days_left,  # exempt: no deadline
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
