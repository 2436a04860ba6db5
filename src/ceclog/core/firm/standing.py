"""What a team row says beyond its current cycle: the lapsed cycle an overdue technician still
owes, the credits a `to_submit` one has earned but not sent, the exemption of an exempt one;
the figures the tables show for the row (the lapse's, when one is owed), and the row's line of
its own for `team --check`.  Pure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from ceclog.core.ledger.models import Rules
from ceclog.core.schedule.credits import fmt
from ceclog.core.schedule.cycles import add_months
from ceclog.core.schedule.engine import Requirement
from ceclog.core.schedule.exemptions import Exempt
from ceclog.core.schedule.results import send_command


class Lapsed(NamedTuple):
    """The earliest cycle that ended unmet (the row is `overdue`): the keys of `status`'s."""

    cycle_start: dt.date
    due: dt.date
    required: Decimal
    counted: Decimal
    remaining: Decimal  # the credits missing
    days_overdue: int
    reinstate_by: dt.date | None  # renew by email before this day; reinstatement after

    @property
    def renewable(self) -> bool:
        """Renewal by email is still open (today, the day the figures are for, is before
        `reinstate_by`)."""
        today = self.due + dt.timedelta(days=self.days_overdue)
        return self.reinstate_by is not None and today < self.reinstate_by


class ToSend(NamedTuple):
    """Earned, not all sent (the row is `to_submit`): the cycle, what the body has, what it
    still needs, the entries not sent, the command that sends them, and the day to send by
    (the cycle's due date; for a cycle that ended so, the renewal deadline, if the rules
    have one)."""

    cycle_due: dt.date
    sent: Decimal
    to_send: Decimal
    entries: tuple[int, ...]
    command: str
    send_by: dt.date | None
    ended: bool  # a cycle that ended met, not the current one
    required: Decimal  # that cycle's (for the tables)
    counted: Decimal


class Figures(NamedTuple):
    """The figures a table shows for a row (None: an empty cell)."""

    due: dt.date | None
    days_left: int | None
    required: Decimal | None
    counted: Decimal | None
    remaining: Decimal | None
    planned: Decimal | None
    projected: Decimal | None
    unsubmitted: Decimal | None


def lapsed(req: Requirement) -> Lapsed | None:
    if req.lapse is None or req.exempt is not None:
        return None
    lapse = req.lapse
    return Lapsed(
        lapse.cycle.start,
        lapse.cycle.due,
        lapse.required,
        lapse.counted,
        lapse.remaining,
        req.days_overdue or 0,
        req.reinstate_by,
    )


def to_send(req: Requirement, rules: Rules) -> ToSend | None:
    cycle = req.sending
    if cycle is None or req.exempt is not None:
        return None
    ended = cycle is not req.current
    send_by: dt.date | None = cycle.cycle.due
    if ended:
        months = rules.reinstatement_months
        send_by = add_months(cycle.cycle.due, months) if months else None
    return ToSend(
        cycle.cycle.due,
        cycle.sent,
        cycle.to_send,
        tuple(cycle.unsent_ids),
        send_command(rules, every_cycle=ended),
        send_by,
        ended,
        cycle.required,
        cycle.counted,
    )


def exempt_words(x: Exempt) -> str:
    """An exemption in force, as a team row says it: since when, which, what the rules say of
    it and the fact recorded (the rules' source is in `status` and the JSON: a long address
    would keep a table from fitting a terminal)."""
    return f"exempt since {x.since} ({x.name}: {x.description}); you recorded: {x.fact}"


def alert(
    state: str,
    due: dt.date | None,
    lapse: Lapsed | None,
    sending: ToSend | None,
    units: str,
    today: dt.date,
) -> str:
    """The row's state in a line of its own (`team --check`, after the technician): the lapse
    an overdue row owes, what a `to_submit` row must send and how."""
    if lapse is not None:
        days = "1 day" if lapse.days_overdue == 1 else f"{lapse.days_overdue} days"
        line = (
            f"overdue since {lapse.due} ({days}), {fmt(lapse.remaining)} {units} short for the "
            f"cycle {lapse.cycle_start} to {lapse.due}"
        )
        if lapse.reinstate_by is not None and today < lapse.reinstate_by:
            line += f"; renew by email before {lapse.reinstate_by}"
        elif lapse.reinstate_by is not None:
            line += f"; reinstatement required since {lapse.reinstate_by}"
        return line
    if sending is not None:
        amount = f"{fmt(sending.to_send)} {units}"
        if sending.ended:
            by = f" before {sending.send_by}" if sending.send_by else " now"
            what = f"the cycle ending {sending.cycle_due} ended met but not sent: send {amount}{by}"
        else:
            what = f"{amount} earned but not sent, due {sending.cycle_due}"
        return f"to submit: {what} ({sending.command})"
    return f"{state.replace('_', ' ')}, due {due}"
