"""One cycle's figures and its standing: what the entries placed in a cycle count (in all, per
topic minimum, per kind minimum, submitted and posted), and the state of a requirement's
current cycle (`docs/numbers.md`, "State").  Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter, itemgetter
from typing import Literal, NamedTuple

from ceclog.core.ledger.models import Entry, Rules
from ceclog.core.schedule.credits import Credit, fmt
from ceclog.core.schedule.cycles import DAY, Cycle, add_months
from ceclog.core.schedule.topics import TopicShare, divide

State = Literal["exempt", "met", "to_submit", "on_track", "behind", "due_soon", "overdue"]
# the states that need doing something: overdue first, then these (status and team --check)
ATTENTION: frozenset[str] = frozenset({"behind", "due_soon", "to_submit"})


def urgency(states: Collection[str]) -> Literal["overdue", "attention"] | None:
    """What the requirements' `states` call for, most urgent first: one overdue, else one
    behind, due soon or met but not submitted with the due date near; else nothing."""
    if "overdue" in states:
        return "overdue"
    return "attention" if ATTENTION & set(states) else None


class TopicProgress(NamedTuple):
    topic: str
    required: Decimal
    counted: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.counted)


class KindProgress(NamedTuple):
    """A kind's minimum in a cycle (`cycle_min` in the rules) and what its entries count."""

    kind: str
    required: Decimal
    counted: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.counted)


class CourseProgress(NamedTuple):
    """A track's minimum class length (`min_course_hours`: one class of at least N hours in
    the cycle, not several shorter ones) and the longest completed class counted."""

    required_hours: Decimal
    longest_hours: Decimal

    @property
    def met(self) -> bool:
        return self.longest_hours >= self.required_hours


class CycleResult(NamedTuple):
    cycle: Cycle
    required: Decimal
    counted: Decimal
    planned: Decimal
    topics: tuple[TopicProgress, ...]
    entry_ids: tuple[int, ...]  # entries dated in its window, planned ones included
    submitted: Decimal = Decimal(0)  # of `counted`, the credits of entries submitted
    posted: Decimal = Decimal(0)  # of `counted`, the credits the body has posted
    counted_ids: tuple[int, ...] = ()  # completed entries that count toward it (late ones too)
    excluded: tuple[tuple[int, str], ...] = ()  # dated in its window, counting elsewhere: why
    kinds: tuple[KindProgress, ...] = ()  # the rules' minimums per kind
    carried_in: Decimal = Decimal(0)  # the previous, met cycle's surplus (rules' carry_over)
    shares: tuple[TopicShare, ...] = ()  # how each entry's value is divided between topics
    carried_sent: Decimal = Decimal(0)  # of `carried_in`, what the body received (submitted)
    unsent_ids: tuple[int, ...] = ()  # of `counted_ids`, those neither submitted nor posted
    course: CourseProgress | None = None  # the track's minimum class length, if it has one
    # what each entry placed here counts toward it (planned ones too), limits applied
    worth: tuple[tuple[int, Decimal], ...] = ()

    @property
    def met(self) -> bool:
        return (
            self.counted + self.carried_in >= self.required
            and all(t.remaining == 0 for t in self.topics)
            and all(k.remaining == 0 for k in self.kinds)
            and (self.course is None or self.course.met)
        )

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.counted - self.carried_in)

    def missing(self, units: str) -> str:
        """What the cycle still lacks, in words: `2.5 CECs`, `1.0 in report-writing` (the
        total is there, a minimum is not), `2.5 CECs (1.0 in water)`."""
        parts = [f"{fmt(t.remaining)} in {t.topic}" for t in self.topics if t.remaining > 0]
        parts += [f"{fmt(k.remaining)} from {k.kind} entries" for k in self.kinds if k.remaining]
        if self.course is not None and not self.course.met:
            parts.append(f"one class of {fmt(self.course.required_hours)} hours")
        if self.remaining > 0:
            total = f"{fmt(self.remaining)} {units}"
            return f"{total} ({', '.join(parts)})" if parts else total
        return ", ".join(parts) or "nothing"

    @property
    def sent(self) -> Decimal:
        """What the body has received toward the required credits: the credits of submitted
        (or posted) entries, and carried-over credits that were submitted."""
        return self.submitted + self.carried_sent

    @property
    def to_send(self) -> Decimal:
        """How many more credits must reach the body before it counts the cycle as met."""
        return max(Decimal(0), self.required - self.sent)


def tally(
    cycle: Cycle,
    placed: list[Entry],
    dated: list[Entry],
    credits: dict[int, Credit],
    why: dict[int, str],
    minimums: dict[str, Decimal],
    rules: Rules,
) -> CycleResult:
    """`placed`: the entries that count toward `cycle`; `dated`: those dated in its window (of
    which those in `why` count elsewhere or nowhere, unless placed here)."""
    track = cycle.track
    # a fixed period entered partway, under rules that ask nothing in it, asks nothing
    owed = not (cycle.partial_from is not None and rules.first_period == "none")
    planned = Decimal(0)
    kind_counted = dict.fromkeys(minimums, Decimal(0))
    worth = [(e.id, credits[e.id].value) for e in placed]
    ids: list[int] = []
    unsent: list[int] = []
    done: list[tuple[Entry, Decimal]] = []
    sent: list[Decimal] = []  # the values of the completed entries submitted (or posted)
    posted_values: list[Decimal] = []
    for entry, (entry_id, value) in zip(placed, worth, strict=True):
        if entry.planned:
            planned += value
            continue
        ids.append(entry_id)
        done.append((entry, value))
        if entry.submitted is None and entry.posted is None:
            unsent.append(entry_id)
        else:
            sent.append(value)
            if entry.posted is not None:
                posted_values.append(value)
        if kind_counted and entry.kind in kind_counted:
            kind_counted[entry.kind] += value
    counted = sum(map(itemgetter(1), done), Decimal(0))  # in the same order: the same sums
    submitted, posted = sum(sent, Decimal(0)), sum(posted_values, Decimal(0))
    division = divide(done, track.topics, rules) if track.topics else None
    excluded: tuple[tuple[int, str], ...] = ()
    if why:  # most cycles' entries all simply count where they are dated
        here = {e.id for e in placed if e.id in why}
        excluded = tuple(
            (e.id, why[e.id]) for e in dated if e.id in why and e.id not in here and not e.planned
        )
    topics = tuple(
        TopicProgress(
            t,
            track.topics[t] if owed else Decimal(0),
            division.counted[t] if division else Decimal(0),
        )
        for t in track.topics
    )
    course = None
    if track.min_course_hours is not None and owed:
        lengths = [_hours(entry, rules) for entry, _value in done]
        course = CourseProgress(track.min_course_hours, max(lengths, default=Decimal(0)))
    return CycleResult(
        cycle,
        track.credits if owed else Decimal(0),
        counted,
        planned,
        topics,
        tuple(map(attrgetter("id"), dated)),
        submitted,
        posted,
        tuple(ids),
        excluded,
        tuple(
            KindProgress(k, minimums[k] if owed else Decimal(0), kind_counted[k]) for k in minimums
        ),
        shares=division.shares if division else (),
        unsent_ids=tuple(unsent),
        course=course,
        worth=tuple(worth),
    )


def _hours(entry: Entry, rules: Rules) -> Decimal:
    """How long a class was: its hours, else the hours its stated credits stand for."""
    if entry.hours is not None:
        return entry.hours
    return rules.hours_for(entry.credits) if entry.credits is not None else Decimal(0)


def expected_by(result: CycleResult, today: dt.date, pace_months: int) -> Fraction:
    """The pace expected by `today`: after k full steps of `pace_months` since the cycle's
    start, required x min(1, k x pace_months / cycle months).  0 with pace_months = 0."""
    cycle = result.cycle
    if pace_months <= 0:
        return Fraction(0)
    steps = 0
    while steps * pace_months < cycle.months and add_months(
        cycle.start, (steps + 1) * pace_months
    ) <= min(today, cycle.due + DAY):
        steps += 1
    share = min(Fraction(1), Fraction(steps * pace_months, cycle.months))
    return Fraction(result.required) * share


def cycle_state(result: CycleResult, today: dt.date, rules: Rules) -> State:
    """The current cycle's own standing (a lapse aside), the first that applies: met but not yet
    sent while the due date is near (`to_submit`: the body counts only what it received), met,
    due soon, behind the pace, on track."""
    near = (result.cycle.due - today).days <= rules.due_soon_days
    if result.met:
        return "to_submit" if near and result.sent < result.required else "met"
    if near:
        return "due_soon"
    if Fraction(result.counted + result.carried_in) < expected_by(result, today, rules.pace_months):
        return "behind"
    return "on_track"


def send_command(rules: Rules, every_cycle: bool = False) -> str:
    """The command that sends what is not submitted yet (of the current cycle, or of
    `every_cycle`): an email draft to the rules' submission address, or, for a body that
    publishes none, a transcript to send its way.  Always to a file: an export printed on a
    screen sends nothing."""
    cycle = " --cycle all" if every_cycle else ""
    if rules.submission_email:
        return (
            f"ceclog export --format eml{cycle} --unsubmitted --mark-submitted --output "
            "submission.eml, then send that draft"
        )
    return (
        f"ceclog export --format pdf{cycle} --unsubmitted --mark-submitted --output FILE.pdf, "
        "then send it as the body asks"
    )


def ended_unsent_words(result: CycleResult, rules: Rules) -> str:
    """A cycle that ended met, its credits not all sent to the body, in words."""
    months = rules.reinstatement_months
    by = f" before {add_months(result.cycle.due, months)}" if months else " now"
    return (
        f"the cycle {result.cycle.start} to {result.cycle.due} ended met, but only "
        f"{fmt(result.sent)} of its {fmt(result.required)} {rules.units} are marked submitted: "
        f"the body may count it as lapsed; send {fmt(result.to_send)}{by} "
        f"({send_command(rules, every_cycle=True)}), or, if you sent them, record it: ceclog "
        "submit ID... --on DATE"
    )


def to_submit_words(result: CycleResult, rules: Rules) -> str:
    """What a met cycle whose credits have not all reached the body still needs, in words."""
    return (
        f"met, but only {fmt(result.sent)} of the {fmt(result.required)} {rules.units} are "
        f"marked submitted, and the body counts only what it received: send "
        f"{fmt(result.to_send)} more before {result.cycle.due} ({send_command(rules)})"
    )
