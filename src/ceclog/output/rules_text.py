"""A rules profile in words, for `ceclog rules show`: every setting, each kind, track,
certification, exemption, alias and planning step as ceclog understands them, and next to each
fact the profile marks UNCONFIRMED (its `[unconfirmed]` table), the reason no source states it."""

from __future__ import annotations

from typing import Any

from ceclog.core.ledger.models import LoadedRules, Rules, Track
from ceclog.core.ledger.unconfirmed import reasons
from ceclog.core.schedule.credits import fmt, num
from ceclog.output import terminal
from ceclog.output.terminal import Out

# The line of `rules show` that says each top-level key of the format.
ROW_OF = {
    "name": "name",
    "title": "name",
    "source": "source",
    "checked": "checked",
    "effective": "effective",
    "unit": "unit",
    "unit_plural": "unit",
    "hours_per_credit": "unit",
    "increment": "rounding",
    "event_cap": "event cap",
    "pool": "pool",
    "entries_per_certification": "entries",
    "anchor": "cycles start",
    "cycle_start": "cycles start",
    "reference_year": "cycles start",
    "first_period": "first period",
    "due": "due date",
    "due_soon_days": "due soon",
    "pace_months": "pace",
    "reinstatement_months": "after a lapse",
    "carry_over": "carry-over",
    "submission_email": "submit to",
    "default_kind": "default kind",
}


class Marks:
    """The profile's UNCONFIRMED facts, taken as they are shown: what is left at the end was
    shown nowhere else, and is listed on its own."""

    def __init__(self, table: dict[str, str]) -> None:
        self.left = dict(table)

    def take(self, *path: str, inside: bool = True) -> list[str]:
        """The lines that mark what `path` holds ("kinds", "booth"): "UNCONFIRMED: why", or
        "UNCONFIRMED (fixed): why" for a key inside it (`inside`: those too)."""
        out = []
        for key, why in reasons(self.left, *path):
            if not inside and key != ".".join(path):
                continue
            del self.left[key]
            within = key[len(".".join(path)) + 1 :]
            out.append(f"UNCONFIRMED{f' ({within})' if within else ''}: {why}")
        return out


def _years(months: int) -> str:
    if months == 12:
        return "year"
    return f"{months // 12} years" if months % 12 == 0 else f"{months} months"


def _cycles(r: Rules) -> str:
    """When cycles start: on the earned date; or on cycle_start, every so many years (the
    tracks' cycle lengths), from the earned date or in fixed periods from reference_year."""
    if r.anchor == "earned":
        return "on the earned date"
    lengths: dict[int, list[str]] = {}
    for track in r.tracks:
        lengths.setdefault(track.cycle_months, []).append(track.name)
    parts = []
    for months, names in lengths.items():
        which = f" ({', '.join(names)})" if len(lengths) > 1 else ""
        if r.reference_year is not None:
            step = months // 12
            years = ", ".join(str(r.reference_year + k * step) for k in range(2))
            parts.append(f"every {_years(months)} from {r.cycle_start} in {years}, ...{which}")
        else:
            parts.append(f"every {_years(months)} from {r.cycle_start}{which}")
    if r.reference_year is not None:
        return "; ".join(parts) + " (fixed periods)"
    return "; ".join(parts) + " (the first on or after the earned date)"


def _rows(r: Rules, loaded: LoadedRules) -> list[tuple[str, Any]]:
    cap = f"{num(r.event_cap)} {r.units} per event" if r.event_cap is not None else "none"
    rows: list[tuple[str, Any]] = [
        ("name", f"{r.name}: {r.title}"),
        ("file", loaded.path),
        ("source", "; ".join(r.source)),
        ("checked", r.checked),
        ("effective", r.effective),
        ("unit", f"1 {r.unit} = {num(r.hours_per_credit)} h of education (plural: {r.units})"),
        ("rounding", f"down to steps of {num(r.increment)}"),
        ("event cap", cap),
        (
            "pool",
            "one requirement for all your certifications"
            if r.pool == "holder"
            else "one requirement per certification",
        ),
    ]
    if r.entries_per_certification:
        rows.append(("entries", "an entry counts for one certification only, the one it names"))
    elif r.pool == "certification":
        rows.append(("entries", "an entry counts for each certification it names (all, if none)"))
    rows.append(("cycles start", _cycles(r)))
    if r.reference_year is not None or r.first_period != "full":
        rows.append(
            (
                "first period",
                "a holder first certified partway through a period owes the full requirement in it"
                if r.first_period == "full"
                else "a holder first certified partway through a period owes nothing in it (the "
                "first requirement is the next full period)",
            )
        )
    rows.append(
        (
            "due date",
            "the anniversary of the licence's effective date, itself the last valid day (the "
            "next cycle starts the day after)"
            if r.due == "anniversary"
            else "the day before the next cycle starts",
        )
    )
    rows += [
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
            f"a met cycle's surplus, at most {num(r.carry_over)} {r.units}, counts toward the "
            "next cycle"
            if r.carry_over
            else "none (credits count only in their own cycle)",
        ),
        ("submit to", r.submission_email or "-"),
        ("default kind", r.default_kind),
    ]
    return rows


def show(out: Out, loaded: LoadedRules) -> None:
    r = loaded.rules
    marks = Marks(r.unconfirmed)
    rows = _rows(r, loaded)
    width = max(len(label) for label, _ in rows)
    marked = []
    for label, value in rows:
        lines = [line for key, row in ROW_OF.items() if row == label for line in marks.take(key)]
        marked.append((label, "\n".join([str(value), *(" " * (width + 2) + x for x in lines)])))
    terminal.key_values(out, marked)
    _kinds(out, r, marks)
    _certifications(out, r, marks)
    _tracks(out, r, marks)
    _exemptions(out, r, marks)
    _aliases(out, r, marks)
    if r.plan:
        out.print("planning seed (`ceclog plan --suggest`):")
        _marked(out, marks.take("plan", inside=False), "  ")
        for step in r.plan:
            size = f"{num(step.hours)} h" if step.hours is not None else ""
            size = f"{num(step.credits)} {r.units}" if step.credits is not None else size
            detail = f"{step.kind}, {size}" if size else step.kind
            out.print(f"  Q{step.quarter}: {step.title} ({detail})")
    if marks.left:
        out.print("unconfirmed (no published source states these):")
        for key, why in marks.left.items():
            out.print(f"  {key}: UNCONFIRMED: {why}")


def _marked(out: Out, lines: list[str], indent: str) -> None:
    for line in lines:
        out.print(f"{indent}{line}")


Item = tuple[str, list[str], list[str]]  # what it is, [its details], lines under it


def _section(out: Out, marks: Marks, table: str, heading: str, items: dict[str, Item]) -> None:
    """A table of the profile: its heading, then each item by name with its details, the lines
    about it, and what is UNCONFIRMED about it."""
    out.print(heading)
    _marked(out, marks.take(table, inside=False), "  ")
    width = max((len(name) for name in items), default=0)
    for name, (text, details, below) in items.items():
        more = f" [{', '.join(details)}]" if details else ""
        out.print(f"  {name:<{width}}  {text}{more}".rstrip())
        _marked(out, below, "    ")
        _marked(out, marks.take(table, name), "    ")


def _kinds(out: Out, r: Rules, marks: Marks) -> None:
    items: dict[str, Item] = {}
    for name, kind in r.kinds.items():
        details = []
        if kind.fixed is not None:
            details.append(f"fixed {num(kind.fixed)} {r.units}, whatever the hours")
        if kind.cap is not None:
            details.append(f"at most {num(kind.cap)} {r.units} per entry")
        if kind.cycle_cap is not None:
            details.append(f"at most {num(kind.cycle_cap)} {r.units} per cycle")
        if kind.cycle_min is not None:
            details.append(f"at least {num(kind.cycle_min)} {r.units} per cycle")
        if kind.topic is not None:
            details.append(f"counts toward {kind.topic}")
        items[name] = (kind.description or "", details, [])
    _section(out, marks, "kinds", "kinds:", items)


def _certifications(out: Out, r: Rules, marks: Marks) -> None:
    items: dict[str, Item] = {code: (title, [], []) for code, title in r.certifications.items()}
    _section(out, marks, "certifications", "certifications:", items)
    untracked = [code for code in r.certifications if r.track_of(code) is None]
    if untracked:
        out.print(f"no requirement: {', '.join(untracked)}")


def _track(out: Out, r: Rules, track: Track, marks: Marks) -> None:
    out.print(
        f"  {track.name}: {fmt(track.credits)} {r.units} every {track.cycle_months} months"
        f" — {', '.join(track.certifications)}"
    )
    if track.anchor_code:
        out.print(f"    cycles start from the date {track.anchor_code} was earned")
    for topic, minimum in track.topics.items():
        out.print(f"    at least {fmt(minimum)} in {topic}")
    if track.min_course_hours is not None:
        out.print(
            f"    at least one completed class of {num(track.min_course_hours)} h or more per "
            "cycle (shorter classes do not add up to it)"
        )
    _marked(out, marks.take("tracks", track.name), "    ")


def _tracks(out: Out, r: Rules, marks: Marks) -> None:
    out.print("tracks:")
    _marked(out, marks.take("tracks", inside=False), "  ")
    for track in r.tracks:
        _track(out, r, track, marks)


def _exemptions(out: Out, r: Rules, marks: Marks) -> None:
    if not r.exemptions:
        return
    items: dict[str, Item] = {}
    for name, rule in r.exemptions.items():
        details = []
        if rule.held_years is not None:
            details.append(f"held {rule.held_years} years without a break")
        if rule.since is not None:
            details.append(f"in force from {rule.since}")
        below = [f"source: {rule.source}"] if rule.source else []
        items[name] = (rule.description, details, below)
    heading = "exemptions (recorded by a holder, with the fact they rest on: no deadline is owed):"
    _section(out, marks, "exemptions", heading, items)


def _aliases(out: Out, r: Rules, marks: Marks) -> None:
    if r.aliases:
        out.print(
            "aliases (`cert add` and `add --cert` record the code they stand for; in a ledger "
            "an alias is an error naming the code):"
        )
        _marked(out, marks.take("aliases", inside=False), "  ")
        for alias, code in r.aliases.items():
            out.print(f"  {alias} = {code}")
    if r.topic_aliases:
        out.print("topic aliases (an entry's topic counts toward the minimum it names):")
        _marked(out, marks.take("topic_aliases", inside=False), "  ")
        for alias, topic in r.topic_aliases.items():
            out.print(f"  {alias} = {topic}")
