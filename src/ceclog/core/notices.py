"""What shaped a requirement's schedule, and what a change of certifications did to it, in
words: the sentences `status`, `cert add` and `cert end` print.  Pure."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ceclog.core.credits import fmt
from ceclog.core.cycles import DAY, Holding, Timeline
from ceclog.core.models import Certification, Rules, Track

if TYPE_CHECKING:
    from ceclog.core.engine import Report


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
    noted = f"noted {line.noted}" if line.noted_given else f"taken as noted on {line.noted}"
    ended = [h.code for h in holdings if h.ended and cur.start < h.ended <= cur.due + DAY]
    why = f" ({', '.join(ended)} ended)" if ended else ""
    after = (
        f"after that{why}, {fmt(next_track.credits)} {rules.units} every "
        f"{next_track.cycle_months} months"
        if next_track
        else f"after that{why}, no requirement unless you hold a certification that carries one"
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
    noted = f"noted {line.noted}" if line.noted_given else f"taken as noted on {line.noted}"
    if cur.from_notice and cur.stricter is None and not line.notice_far:
        out.append(
            f"your renewal notice gives {line.notice} ({noted}): this cycle runs {cur.start} "
            f"to {cur.due}"
        )
    if line.notice_far and cur.from_notice:
        out.append(
            f"your renewal notice gives {line.notice}, more than one {cur.track.name} cycle "
            f"({cur.track.cycle_months} months) away: this cycle is counted from {cur.start}, "
            "the start of the cycle your certification dates give"
        )
    if cur.start > today:
        out.append(
            f"your first cycle starts on {cur.start}; classes dated before it count toward no cycle"
        )
    for cert in future:
        out.append(
            f"{cert.code} is dated {cert.earned}, after today: it changes nothing until then"
        )
    return tuple(out)


def changes(before: Report, after: Report, units: str) -> list[str]:
    """What a change to the certifications did to the running cycle, in words (for `cert add`
    and `cert end`)."""
    out: list[str] = []
    old = {r.certifications: r for r in before.requirements}
    for req in after.requirements:
        prev = old.get(req.certifications) or (
            before.requirements[0] if len(before.requirements) == 1 else None
        )
        if prev is None:
            continue
        was, now = prev.current.cycle, req.current.cycle
        if (was.due, was.track.name) == (now.due, now.track.name):
            continue
        nxt = req.next_track
        after_that = (
            f"; after that, {fmt(nxt.credits)} {units} every {nxt.cycle_months} months"
            if nxt
            else ""
        )
        out.append(
            f"your cycle now ends {now.due} (was {was.due}) and requires "
            f"{fmt(now.track.credits)} {units}{after_that}"
        )
    return out
