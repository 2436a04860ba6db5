"""A rules profile in words, for `ceclog rules show`: every setting, each kind, track, alias
and planning step as ceclog understands them."""

from __future__ import annotations

from ceclog.core.credits import fmt, num
from ceclog.core.models import LoadedRules
from ceclog.output import terminal
from ceclog.output.terminal import Out


def show(out: Out, loaded: LoadedRules) -> None:
    r = loaded.rules
    cap = f"{num(r.event_cap)} {r.units} per event" if r.event_cap is not None else "none"
    terminal.key_values(
        out,
        [
            ("name", f"{r.name}: {r.title}"),
            ("file", loaded.path),
            ("source", "; ".join(r.source)),
            ("checked", r.checked),
            ("effective", r.effective),
            (
                "unit",
                f"1 {r.unit} = {num(r.hours_per_credit)} h of education (plural: {r.units})",
            ),
            ("rounding", f"down to steps of {num(r.increment)}"),
            ("event cap", cap),
            (
                "pool",
                "one requirement for all your certifications"
                if r.pool == "holder"
                else "one requirement per certification",
            ),
            (
                "cycles start",
                "on the earned date"
                if r.anchor == "earned"
                else f"on {r.cycle_start} each year (the first on or after the earned date)",
            ),
            ("due soon", f"within {r.due_soon_days} days of the due date"),
            (
                "pace",
                f"behind is judged in whole steps of {r.pace_months} months"
                if r.pace_months
                else "off (nothing is ever behind)",
            ),
            (
                "after a lapse",
                f"renew until {r.reinstatement_months} months after the due date, then reinstate"
                if r.reinstatement_months is not None
                else "-",
            ),
            (
                "carry-over",
                f"a met cycle's surplus, at most {num(r.carry_over)} {r.units}, counts toward "
                "the next cycle"
                if r.carry_over
                else "none (credits count only in their own cycle)",
            ),
            ("submit to", r.submission_email or "-"),
            ("default kind", r.default_kind),
        ],
    )
    out.print("kinds:")
    for name, kind in r.kinds.items():
        extra = []
        if kind.fixed is not None:
            extra.append(f"fixed {num(kind.fixed)} {r.units}, whatever the hours")
        if kind.cap is not None:
            extra.append(f"at most {num(kind.cap)} {r.units} per entry")
        if kind.cycle_cap is not None:
            extra.append(f"at most {num(kind.cycle_cap)} {r.units} per cycle")
        if kind.cycle_min is not None:
            extra.append(f"at least {num(kind.cycle_min)} {r.units} per cycle")
        more = f" [{', '.join(extra)}]" if extra else ""
        out.print(f"  {name:<11} {kind.description or ''}{more}")
    out.print("tracks:")
    for track in r.tracks:
        out.print(
            f"  {track.name}: {fmt(track.credits)} {r.units} every {track.cycle_months} months"
            f" — {', '.join(track.certifications)}"
        )
        if track.anchor_code:
            out.print(f"    cycles start from the date {track.anchor_code} was earned")
        for topic, minimum in track.topics.items():
            out.print(f"    at least {fmt(minimum)} in {topic}")
    untracked = [code for code in r.certifications if r.track_of(code) is None]
    if untracked:
        out.print(f"no requirement: {', '.join(untracked)}")
    if r.aliases:
        out.print(
            "aliases (`cert add` and `add --cert` record the code they stand for; in a ledger "
            "an alias is an error naming the code):"
        )
        for alias, code in r.aliases.items():
            out.print(f"  {alias} = {code}")
    if r.topic_aliases:
        out.print("topic aliases (an entry's topic counts toward the minimum it names):")
        for alias, topic in r.topic_aliases.items():
            out.print(f"  {alias} = {topic}")
    if r.plan:
        out.print("planning seed (`ceclog plan --suggest`):")
        for step in r.plan:
            size = f"{num(step.hours)} h" if step.hours is not None else ""
            size = f"{num(step.credits)} {r.units}" if step.credits is not None else size
            detail = f"{step.kind}, {size}" if size else step.kind
            out.print(f"  Q{step.quarter}: {step.title} ({detail})")
