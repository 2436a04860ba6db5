"""Topic minimums count each credit once (docs/numbers.md, "Topic minimums count each
credit once"): an entry's counted value is divided between the topics it lists, never copied
to each.

- With a split recorded on the entry (`topic_hours`), each topic gets the credit of its own
  hours, in the order written, until the entry's value is used up (`credits.topic_credits`).
- Without one, ceclog divides the value itself, so that the total still missing across the
  minimums is as small as possible: a maximum flow from the entries to the topics' unmet
  minimums (entries with the same topics form one source; the graph has a handful of nodes, so
  a plain augmenting-path search in exact fractions is enough).  What is left over once the
  minimums are covered goes to the first topic the entry lists that has a minimum.

Every share is returned, so `status` and `list` can show how a value was divided.  Pure.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ceclog.core.ledger.models import Entry, Rules
from ceclog.core.schedule.credits import fmt, topic_credits


class TopicShare(NamedTuple):
    """What one entry counts toward one topic minimum."""

    entry_id: int
    topic: str
    credits: Decimal
    split: bool  # from the entry's own `topic_hours`; else divided by ceclog


class Division(NamedTuple):
    counted: dict[str, Decimal]  # per topic minimum, what the entries count toward it
    shares: tuple[TopicShare, ...]

    def of(self, entry_id: int) -> tuple[TopicShare, ...]:
        return tuple(s for s in self.shares if s.entry_id == entry_id)


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def eligible(entry: Entry, minimums: Sequence[str], rules: Rules) -> list[str]:
    """The topic minimums an entry's topics count toward, in the order the entry lists them,
    then its kind's own topic (`topic` on a kind: ACAC's attestation is field experience)."""
    out: list[str] = []
    kind = rules.kinds.get(entry.kind)
    for topic in [*entry.topics, *([kind.topic] if kind and kind.topic else [])]:
        name = rules.topic(topic)
        if name in minimums and name not in out:
            out.append(name)
    return out


def describe(shares: Sequence[TopicShare], unit: str) -> str:
    """How one entry's value went to the topic minimums, in words:
    `topics: water 2.0, mold-safety 4.0 (divided by ceclog, each hour counted once)`."""
    parts = ", ".join(f"{s.topic} {fmt(s.credits)}" for s in shares) or "none"
    if all(s.split for s in shares):
        return f"topics: {parts} (as split on the entry)"
    return f"topics: {parts} (divided by ceclog, each {unit} counted once)"


def divide(
    entries: Sequence[tuple[Entry, Decimal]], minimums: dict[str, Decimal], rules: Rules
) -> Division:
    """What `entries` (each with the value it counts) count toward each of `minimums`."""
    counted = dict.fromkeys(minimums, Fraction(0))
    shares: list[TopicShare] = []
    free: list[tuple[Entry, Fraction, list[str]]] = []  # entries ceclog divides
    for entry, value in entries:
        if entry.topic_hours:
            for topic, own in topic_credits(entry, value, rules).items():
                if topic in counted and own > 0:
                    counted[topic] += Fraction(own)
                    shares.append(TopicShare(entry.id, topic, own, True))
            continue
        topics = eligible(entry, list(minimums), rules)
        if topics and value > 0:
            free.append((entry, Fraction(value), topics))
    need = {t: max(Fraction(0), Fraction(minimums[t]) - counted[t]) for t in minimums}
    flows = _max_flow(free, need, list(minimums))
    for (entry, whole, topics), given in zip(free, flows, strict=True):
        left = whole - sum(given.values(), Fraction(0))
        if left > 0:
            given[topics[0]] = given.get(topics[0], Fraction(0)) + left
        for topic in topics:
            part = given.get(topic, Fraction(0))
            if part > 0:
                counted[topic] += part
                shares.append(TopicShare(entry.id, topic, _decimal(part), False))
    return Division({t: _decimal(v) for t, v in counted.items()}, tuple(shares))


def _max_flow(
    free: list[tuple[Entry, Fraction, list[str]]], need: dict[str, Fraction], order: list[str]
) -> list[dict[str, Fraction]]:
    """Each entry's part of a maximum flow from the entries (capacity: their value) to the
    topics they list (capacity: what each topic still needs).  Entries listing the same topics
    are one source node; its flow to each topic is handed out to them in date order."""
    groups: dict[tuple[str, ...], Fraction] = {}
    for _entry, value, topics in free:
        key = tuple(t for t in order if t in topics)
        groups[key] = groups.get(key, Fraction(0)) + value
    # entries with fewer topics to choose from first: a flexible entry fills what they cannot
    keys = sorted(groups, key=lambda k: (len(k), [order.index(t) for t in k]))
    # nodes: 0 the source, then the groups, then the topics, last the sink
    n = len(keys) + len(order) + 2
    sink = n - 1
    cap = [[Fraction(0)] * n for _ in range(n)]
    for g, key in enumerate(keys, 1):
        cap[0][g] = groups[key]
        for topic in key:
            cap[g][1 + len(keys) + order.index(topic)] = groups[key]
    for t, topic in enumerate(order):
        cap[1 + len(keys) + t][sink] = need[topic]
    left = [row[:] for row in cap]
    while (path := _shortest_path(left, sink)) is not None:
        amount = min(left[u][v] for u, v in path)
        for u, v in path:
            left[u][v] -= amount
            left[v][u] += amount
    given = {
        key: {
            t: cap[g][1 + len(keys) + order.index(t)] - left[g][1 + len(keys) + order.index(t)]
            for t in key
        }
        for g, key in enumerate(keys, 1)
    }
    parts: dict[int, dict[str, Fraction]] = {}
    for index in sorted(range(len(free)), key=lambda i: (free[i][0].date, free[i][0].id)):
        _entry, value, topics = free[index]
        key = tuple(t for t in order if t in topics)
        mine: dict[str, Fraction] = {}
        for topic in key:
            part = min(value, given[key][topic])
            if part > 0:
                mine[topic] = part
                given[key][topic] -= part
                value -= part
        parts[index] = mine
    return [parts[i] for i in range(len(free))]


def _shortest_path(left: list[list[Fraction]], sink: int) -> list[tuple[int, int]] | None:
    """The edges of a shortest path from node 0 to `sink` with capacity left on each."""
    came: dict[int, int] = {0: 0}
    queue = deque([0])
    while queue:
        u = queue.popleft()
        for v, room in enumerate(left[u]):
            if room > 0 and v not in came:
                came[v] = u
                if v == sink:
                    path = []
                    while v != 0:
                        path.append((came[v], v))
                        v = came[v]
                    return path[::-1]
                queue.append(v)
    return None
