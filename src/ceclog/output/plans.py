"""What `ceclog plan` shows: per requirement the plan in one sentence, the pace, the quarter
table, the planned entries to fix and the suggested classes; and the same as JSON."""

from __future__ import annotations

from typing import Any

from ceclog.core.ledger.models import Ledger, Rules
from ceclog.core.reports.plan import Plan, pace_words, sentence
from ceclog.core.schedule.credits import fmt, num
from ceclog.output.data import day, number
from ceclog.output.terminal import Cell, Column, Out
from ceclog.output.views import who

QUARTER_COLUMNS = [
    Column("Quarter"),
    Column("Planned", "right"),
    Column("Pace needed", "right"),
]
SUGGESTION_COLUMNS = [
    Column("Date"),
    Column("Class"),
    Column("Kind", optional=True),
    Column("Hours", "right", optional=True),
    Column("Counts", "right"),
]


def name(plan: Plan) -> str:
    req = plan.requirement
    return f"{req.track.name} ({', '.join(req.certifications)})"


def show(
    out: Out, plans: list[Plan], ledger: Ledger, rules: Rules, today: str, added: bool = False
) -> None:
    out.print(f"{who(ledger.holder)}; rules {rules.name}; today {today}")
    if not plans:
        out.print("\nno certification with a requirement is held: nothing to plan")
    for plan in plans:
        req = plan.requirement
        out.print()
        if req.lapse is not None and req.exempt is None:
            lapse = req.lapse
            renew = ""
            if req.reinstate_by is not None and req.today < req.reinstate_by:
                renew = f"; renew by email before {req.reinstate_by}"
            elif req.reinstate_by is not None:
                renew = f"; since {req.reinstate_by} the body requires reinstatement"
            out.print(
                f"{req.track.name}: first, the lapsed cycle ending {lapse.cycle.due} is "
                f"{lapse.missing(rules.units)} short: record late classes with "
                f"`ceclog add --for-cycle previous`{renew}",
                style="bold red",
            )
        out.print(f"{name(plan)}: {sentence(plan, rules)}.", style="bold")
        pace = pace_words(plan, rules)
        if pace:
            out.print(f"  {pace}.")
        rows: list[list[Cell]] = [
            [str(q.quarter), fmt(q.planned), "-" if q.needed is None else fmt(q.needed)]
            for q in plan.quarters
        ]
        out.print()
        out.table(QUARTER_COLUMNS, rows)
        if plan.problems:
            out.print()
        for problem in plan.problems:
            out.print(f"fix: {problem.message}")
        if plan.suggestions:
            out.print(f"\nsuggested, in the rhythm of the {rules.name} planning seed:")
            out.table(
                SUGGESTION_COLUMNS,
                [
                    [str(s.date), s.title, s.kind, num(s.hours) if s.hours else "", fmt(s.counts)]
                    for s in plan.suggestions
                ],
            )
            total = sum(s.counts for s in plan.suggestions)
            out.print(f"  together {fmt(total)} {rules.units}")
            if plan.later:
                last = plan.quarters[-1].quarter
                out.print(
                    f"  the other {fmt(plan.later)} {rules.units} of the shortfall are for the "
                    f"quarters after {last}, at the pace needed (`ceclog plan --suggest --year` "
                    "for a later year)"
                )
            if not added:
                out.print("  record them as planned entries: `ceclog plan --suggest --add`")
        if plan.unsuggested:
            out.print(
                f"  {fmt(plan.unsuggested)} {rules.units} of the shortfall could not be placed "
                "in these quarters: plan them with another --year, or add classes by hand"
            )


def requirement(plan: Plan, rules: Rules, suggestions: bool) -> dict[str, Any]:
    req = plan.requirement
    out: dict[str, Any] = {
        "track": req.track.name,
        "certifications": list(req.certifications),
        "due": day(plan.due),
        "needed": number(plan.needed),
        "planned": number(plan.planned),
        "short": number(plan.short),
        "per_year": number(plan.per_year),
        "per_quarter": number(plan.per_quarter),
        "quarters_left": plan.quarters_left,
        "recent": number(plan.recent),
        "at_recent_pace": day(plan.at_recent_pace),
        "take_by": day(plan.take_by) if plan.short else None,
        "sentence": sentence(plan, rules),
        "lapse": None
        if req.lapse is None
        else {
            "due": day(req.lapse.cycle.due),
            "missing": number(req.lapse.remaining),
            "reinstate_by": day(req.reinstate_by),
        },
        "quarters": [
            {"quarter": str(q.quarter), "planned": number(q.planned), "needed": number(q.needed)}
            for q in plan.quarters
        ],
        "problems": [
            {
                "entry": p.entry.id,
                "date": day(p.entry.date),
                "title": p.entry.title,
                "problem": p.kind,
                "message": p.message,
            }
            for p in plan.problems
        ],
    }
    if suggestions:
        out["suggestions"] = [
            {
                "date": day(s.date),
                "title": s.title,
                "kind": s.kind,
                "hours": number(s.hours),
                "credits": number(s.credits),
                "counts": number(s.counts),
                "explanation": s.explanation,
            }
            for s in plan.suggestions
        ]
        out["unsuggested"] = number(plan.unsuggested)
        out["later"] = number(plan.later)
    return out


def as_json(
    plans: list[Plan], rules: Rules, today: str, year: int | None, suggestions: bool
) -> dict[str, Any]:
    return {
        "today": today,
        "year": year,
        "requirements": [requirement(p, rules, suggestions) for p in plans],
    }
