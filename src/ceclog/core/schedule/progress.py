"""Progress toward a requirement, the one way every output shows it: a whole percent rounded
down (so 100% and a full bar only when the requirement is met) and a bar of that many tenths."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal


def percent(counted: Decimal, required: Decimal) -> int:
    """counted / required in whole percent, rounded down and capped at 100."""
    if required <= 0:
        return 100
    value = (counted * 100 / required).to_integral_value(rounding=ROUND_FLOOR)
    return max(0, min(100, int(value)))


def filled(value: int, width: int = 10) -> int:
    """How many of `width` cells a bar for `value` percent fills (rounded down)."""
    return value * width // 100


def text_bar(value: int, width: int = 10) -> str:
    """`[######....]` for 60 (percent); the caller adds the figure."""
    done = filled(value, width)
    return "[" + "#" * done + "." * (width - done) + "]"
