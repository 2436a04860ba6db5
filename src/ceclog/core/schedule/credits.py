"""What one entry counts, and why: the base (a fixed value for its kind, the credits stated on
its certificate, or hours / hours_per_credit), the caps, the rounding, each step recorded.
Pure; `docs/numbers.md` describes it."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import NamedTuple

from ceclog.core.ledger.models import Entry, Rules


def fmt(value: Decimal | Fraction | int) -> str:
    """A credit or hour figure for people: at least one decimal, at most two (1.43, 2.0)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    value = Decimal(value).quantize(Decimal("0.01"))
    text = f"{value:f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def num(value: Decimal | Fraction) -> str:
    """An input figure as written, without trailing zeros (21, 3.5, 0.25)."""
    if isinstance(value, Fraction):  # an exact hours_per_credit (rules.py: "50/60")
        return f"{value.numerator}/{value.denominator}"
    text = f"{value.normalize():f}"
    return text


class Credit(NamedTuple):
    """What one entry counts, and every step that made the figure."""

    value: Decimal
    steps: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(self.steps)


def entry_credit(entry: Entry, rules: Rules) -> Credit:
    """Base (fixed for the kind, else stated credits, else hours / hours_per_credit), then the
    kind's cap and the per-event cap (the lower applies), then rounding down to the increment."""
    kind = rules.kinds.get(entry.kind)
    unit, units = rules.unit, rules.units
    steps: list[str] = []
    value: Fraction
    if kind is not None and kind.fixed is not None:
        value = Fraction(kind.fixed)
        steps.append(f"{entry.kind}: fixed {num(kind.fixed)} {unit if kind.fixed == 1 else units}")
    elif entry.credits is not None:
        value = Fraction(entry.credits)
        said = unit if entry.credits == 1 else units  # "1 CEC", "0.5 CECs", "2 CECs"
        steps.append(f"{num(entry.credits)} {said} as stated on the certificate")
    elif entry.hours is not None:
        value = Fraction(entry.hours) / Fraction(rules.hours_per_credit)
        if unit.casefold() == "hour" and rules.hours_per_credit == 1:  # nothing to divide
            steps.append(f"{num(entry.hours)} h = {fmt(value)} {units}")
        else:
            rate = num(rules.hours_per_credit)
            steps.append(f"{num(entry.hours)} h ÷ {rate} h per {unit} = {fmt(value)}")
    else:
        value = Fraction(0)
        steps.append("no hours or credits recorded = 0.0")

    caps: list[tuple[Decimal, str]] = []
    if kind is not None and kind.cap == 0:  # a kind the body does not credit: say what it is
        what = f": {kind.description}" if kind.description else ""
        caps.append((kind.cap, f"{entry.kind} counts nothing under these rules{what}"))
    elif kind is not None and kind.cap is not None:
        caps.append((kind.cap, f"capped at {num(kind.cap)} per {entry.kind}"))
    if rules.event_cap is not None:
        caps.append((rules.event_cap, f"capped at {num(rules.event_cap)} per event"))
    if caps:
        cap, why = min(caps, key=lambda c: c[0])
        if value > cap:
            value = Fraction(cap)
            steps.append(why)

    increment = Fraction(rules.increment)
    rounded = (value // increment) * increment
    if rounded != value:
        unsure = ", UNCONFIRMED: no source states it" if "increment" in rules.unconfirmed else ""
        steps.append(f"rounded down to {fmt(rounded)} (steps of {num(rules.increment)}{unsure})")
    result = Decimal(rounded.numerator) / Decimal(rounded.denominator)
    return Credit(result, tuple(steps))


def amount_counts(entry: Entry, rules: Rules) -> Fraction | None:
    """What the entry's amount is worth in credits before any cap or rounding: the credits
    stated, else hours / hours_per_credit (None: neither recorded).  14 credits stated and
    14 h at 1 h per CEC are worth the same."""
    if entry.credits is not None:
        return Fraction(entry.credits)
    if entry.hours is not None:
        return Fraction(entry.hours) / Fraction(rules.hours_per_credit)
    return None


def _down(value: Fraction, rules: Rules) -> Fraction:
    increment = Fraction(rules.increment)
    return max(Fraction(0), (value // increment) * increment)


def cycle_limits(
    entries: list[Entry], credits: dict[int, Credit], rules: Rules
) -> dict[int, Credit]:
    """The entries counting toward one cycle whose figure the cycle-wide limits lower, with
    their new figure and why.  Completed entries first, then planned ones (a projection never
    takes a completed entry's place), each group in date order:

    - entries that share an `event` name count as one event: together at most the per-event
      cap, and the entries of a kind with a per-entry `cap` together at most that cap;
    - a kind's `cycle_cap`: its entries count until the cap is reached, the rest what is left.

    What is left is rounded down to the increment, like any figure."""
    capped = {name for name, kind in rules.kinds.items() if kind.cycle_cap is not None}
    if {None}.issuperset(map(attrgetter("event"), entries)) and (
        not capped or capped.isdisjoint(map(attrgetter("kind"), entries))
    ):
        return {}  # no event, no kind with a cycle cap: nothing to limit
    used: dict[tuple[str, str | None], Fraction] = {}  # (event, kind or None for all): counted
    kind_used: dict[str, Fraction] = {}
    out: dict[int, Credit] = {}
    for entry in sorted(entries, key=lambda e: (e.planned, e.date, e.id)):
        credit = credits[entry.id]
        value = Fraction(credit.value)
        steps = list(credit.steps)
        kind = rules.kinds.get(entry.kind)
        if entry.event is not None:
            caps: list[tuple[Fraction, tuple[str, str | None], str]] = []
            key: tuple[str, str | None]
            if kind is not None and kind.cap is not None:
                key = (_event_key(entry.event), entry.kind)
                caps.append(
                    (Fraction(kind.cap), key, f"capped at {num(kind.cap)} per {entry.kind}")
                )
            if rules.event_cap is not None:
                key = (_event_key(entry.event), None)
                caps.append(
                    (Fraction(rules.event_cap), key, f"capped at {num(rules.event_cap)} per event")
                )
            for cap, key, why in caps:
                left = _down(cap - used.get(key, Fraction(0)), rules)
                if value > left:
                    value = left
                    steps.append(f"event {entry.event}: {why}, {fmt(left)} left for this day")
            for _cap, key, _why in caps:
                used[key] = used.get(key, Fraction(0)) + value
        if kind is not None and kind.cycle_cap is not None:
            left = _down(Fraction(kind.cycle_cap) - kind_used.get(entry.kind, Fraction(0)), rules)
            if value > left:
                steps.append(
                    f"{entry.kind} credits capped at {num(kind.cycle_cap)} per cycle: "
                    f"{fmt(left)} of {fmt(value)} counted"
                )
                value = left
            kind_used[entry.kind] = kind_used.get(entry.kind, Fraction(0)) + value
        if value != credit.value:
            out[entry.id] = Credit(
                Decimal(value.numerator) / Decimal(value.denominator), tuple(steps)
            )
    return out


def topic_credits(entry: Entry, value: Decimal, rules: Rules) -> dict[str, Decimal]:
    """What `entry`, counting `value`, counts toward each topic minimum (topics through the
    rules' `topic_aliases`).  Without `topic_hours`, the whole value toward every topic it
    lists; with them, each topic the credit of its own hours (hours / hours_per_credit, rounded
    down to the increment), taken in the order written until `value` is used up, so the parts
    never add up to more than the entry counts."""
    out: dict[str, Decimal] = {}
    if not entry.topic_hours:
        for topic in entry.topics:
            out[rules.topic(topic)] = value
        return out
    left = Fraction(value)
    for topic, hours in entry.topic_hours.items():
        part = min(left, _down(Fraction(hours) / Fraction(rules.hours_per_credit), rules))
        left -= part
        name = rules.topic(topic)
        out[name] = out.get(name, Decimal(0)) + Decimal(part.numerator) / Decimal(part.denominator)
    return out


def _event_key(name: str) -> str:
    """Event names as a person means them: case and spacing aside ("Expo" and "expo " are one)."""
    return " ".join(name.split()).casefold()
