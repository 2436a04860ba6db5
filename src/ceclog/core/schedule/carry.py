"""Carry-over (the rules' `carry_over`): a met cycle's surplus counts toward the next cycle.
`docs/numbers.md` describes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Protocol, TypeVar

from ceclog.core.schedule.cycles import DAY, Cycle


class Tally(Protocol):
    """What carry-over reads of a cycle's result."""

    @property
    def cycle(self) -> Cycle: ...
    @property
    def counted(self) -> Decimal: ...
    @property
    def required(self) -> Decimal: ...
    @property
    def met(self) -> bool: ...


T = TypeVar("T", bound=Tally)


def carry(
    history: Sequence[T], limit: Decimal | None, put: Callable[[T, Decimal], T]
) -> tuple[T, ...]:
    """`history` (a requirement's cycles in order) with what each one carries in, set by `put`:
    the surplus of the cycle before it (what that cycle's own entries count beyond its required
    credits, at most `limit`), when that cycle is met and ends the day before it starts.  Never
    from an unmet cycle; carried credits do not carry again.  Nothing without a limit."""
    out = list(history)
    if not limit:
        return tuple(out)
    for i in range(1, len(out)):
        prev = out[i - 1]
        if prev.met and prev.cycle.due + DAY == out[i].cycle.start:
            surplus = min(limit, prev.counted - prev.required)
            if surplus > 0:
                out[i] = put(out[i], surplus)
    return tuple(out)
