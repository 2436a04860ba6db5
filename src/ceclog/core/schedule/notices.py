"""What shaped a requirement's schedule, in words: the sentences `status` prints under it (a
stricter track, a renewal notice, a first calendar cycle not started yet, a certification dated
after today).  Pure."""

from __future__ import annotations

import datetime as dt

from ceclog.core.ledger.models import Certification, Rules, Track
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.cycles import DAY, Holding, Timeline


def schedule_notices(
    line: Timeline,
    holdings: list[Holding],
    next_track: Track | None,
    rules: Rules,
    future: list[Certification],
    today: dt.date,
) -> tuple[str, ...]:
    """What shaped the current cycle, in words."""
    out: list[str] = []
    cur = line.current
    noted = f"noted {line.noted}" if line.noted_given else "the day it was noted is not recorded"
    ended = [h.code for h in holdings if h.ended and cur.start < h.ended <= cur.due + DAY]
    why = f" ({', '.join(ended)} ended)" if ended else ""
    after = (
        f"after that{why}, {fmt(next_track.credits)} {rules.units} every "
        f"{next_track.cycle_months} months"
        if next_track
        else f"after that{why}, no requirement unless you hold a certification that carries one"
    )
    if line.unanchored:
        named = " or ".join(line.unanchored)
        out.append(
            f"the rules start every cycle from the date you earned {named}, which this ledger "
            "does not record: cycles are counted from your earliest earned date until you "
            f"record it (ceclog cert add {line.unanchored[0]} --earned DATE)"
        )
    if cur.stricter is not None:
        code, earned = cur.stricter
        if cur.from_notice and cur.nominal_due and cur.due < cur.nominal_due:
            out.append(
                f"your renewal notice gives {cur.nominal_due} ({noted}); {code}, "
                f"earned {earned} after that, ends this cycle on {cur.due}; {after}"
            )
        elif cur.nominal_due and cur.due < cur.nominal_due:
            out.append(
                f"{code}, earned {earned}, puts you on the {cur.track.name} track: your cycle "
                f"now ends {cur.due} (it would have ended {cur.nominal_due}); {after}"
            )
        else:
            out.append(
                f"{code}, earned {earned}, puts you on the {cur.track.name} track: this cycle "
                f"requires {fmt(cur.track.credits)} {rules.units} by {cur.due}; {after}"
            )
    elif next_track is not None and next_track.cycle_months != cur.track.cycle_months:
        out.append(f"this cycle keeps its due date {cur.due}; {after}")
    noted = f"noted {line.noted}" if line.noted_given else "the day it was noted is not recorded"
    if cur.from_notice and cur.stricter is None and not line.notice_far:
        out.append(
            f"your renewal notice gives {line.notice} ({noted}): this cycle runs {cur.start} "
            f"to {cur.due}"
        )
    if line.notice_far and cur.from_notice:
        out.append(
            f"your renewal notice gives {line.notice} ({noted}), more than one "
            f"{cur.track.name} cycle ({cur.track.cycle_months} months) after that day: this "
            f"cycle is counted from {cur.start}, the start of the cycle your certification "
            "dates give for the day it was noted"
        )
    if cur.partial_from is not None:
        out.append(_first_period(cur.partial_from, cur.start, cur.due, cur.track, rules))
    if cur.start > today:
        out.append(
            f"your first cycle starts on {cur.start}; classes dated before it count toward no cycle"
        )
    for cert in future:
        out.append(
            f"{cert.code} is dated {cert.earned}, after today: it changes nothing until then"
        )
    return tuple(out)


def _first_period(earned: dt.date, start: dt.date, due: dt.date, track: Track, rules: Rules) -> str:
    """A fixed period entered partway (licensed on `earned`): what the rules ask in it."""
    text = f"you were first certified on {earned}, partway through the period {start} to {due}"
    if rules.first_period == "none":
        return text + ": the rules ask nothing in such a first period"
    asked = f"{fmt(track.credits)} {rules.units}"
    why = rules.unconfirmed.get("first_period")
    if why is None:
        return text + f": the rules ask the full {asked} in it"
    return (
        text + f": the {rules.name} profile does not know what the body asks in such a first "
        f"period (UNCONFIRMED: {why}), so ceclog asks the full {asked}, the earlier deadline; "
        "check your renewal notice"
    )
