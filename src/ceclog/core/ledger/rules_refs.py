"""What a rules file's tables must agree on (a track's codes are certifications, a plan step's
kind is a kind, an alias names a certification ...), checked on plain data: the data of a
`Rules` record, or a file's data as read, even when other parts of it are invalid, so that
`ceclog rules check` can list every problem with its place.  Pure; the standard library only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ceclog.core.ledger import unconfirmed
from ceclog.core.ledger.unconfirmed import Fields, did_you_mean

DataPath = tuple[str | int, ...]
Problem = tuple[DataPath, str, str]  # where, what, how to fix it

ADD_KIND = "name one of [kinds], or add the kind"


def _table(data: dict[str, Any], key: str) -> dict[Any, Any] | None:
    value = data.get(key)
    return value if isinstance(value, dict) else None


def _rows(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def rules_problems(data: dict[str, Any], fields: Fields | None = None) -> list[Problem]:
    """Every disagreement between the tables of a rules file, each at its data path.  Parts of
    the wrong type are skipped (the schema reports their type).  `fields`: the keys of the
    rules format, for `[unconfirmed]` (without them, the keys `data` has)."""
    out: list[Problem] = []
    kinds = _table(data, "kinds")
    certs = _table(data, "certifications")
    default = data.get("default_kind", "course")
    if kinds is not None and isinstance(default, str) and default not in kinds:
        out.append((("default_kind",), f"default_kind {default!r} is not one of [kinds]", ADD_KIND))
    if data.get("anchor") == "calendar" and data.get("cycle_start") is None:
        out.append(
            (
                ("anchor",),
                'anchor = "calendar" needs cycle_start = "MM-DD"',
                'add cycle_start = "07-01" (the day each cycle starts), or use anchor = "earned"',
            )
        )
    out += _track_problems(data, certs)
    out += _period_problems(data)
    out += _kind_topic_problems(data)
    for name, kind in (kinds or {}).items():
        low = kind.get("cycle_min") if isinstance(kind, dict) else None
        high = kind.get("cycle_cap") if isinstance(kind, dict) else None
        numbers = (int, float, Decimal)
        if isinstance(low, numbers) and isinstance(high, numbers) and low > high:
            out.append(
                (
                    ("kinds", name, "cycle_min"),
                    f"kind {name!r} has cycle_min = {low}, more than its cycle_cap = {high}: "
                    "no cycle could be met",
                    "lower cycle_min, or raise cycle_cap",
                )
            )
    for i, step in enumerate(_rows(data, "plan")):
        kind = step.get("kind") if isinstance(step, dict) else None
        if kinds is not None and isinstance(kind, str) and kind not in kinds:
            title = step.get("title")
            message = f"plan step {title!r} has kind {kind!r}, not one of [kinds]"
            out.append((("plan", i, "kind"), message, ADD_KIND))
    for alias, code in (_table(data, "aliases") or {}).items():
        if certs is None or not isinstance(code, str):
            continue
        if alias in certs:
            out.append(
                (
                    ("aliases", alias),
                    f"alias {alias} is itself a code in [certifications]",
                    "remove the alias, or the code from [certifications]",
                )
            )
        elif code not in certs:
            out.append(
                (
                    ("aliases", alias),
                    f"alias {alias} names {code}, which is not in [certifications]",
                    "an alias names the code it stands for, one of [certifications]",
                )
            )
    out += _topic_alias_problems(data)
    out += unconfirmed.problems(data, fields)
    return out


def _period_problems(data: dict[str, Any]) -> list[Problem]:
    """Fixed calendar periods need a calendar anchor and cycles of whole years; one
    certification per entry needs one requirement per certification."""
    out: list[Problem] = []
    year = data.get("reference_year")
    if isinstance(year, int) and data.get("anchor", "earned") != "calendar":
        out.append(
            (
                ("reference_year",),
                f'reference_year = {year} needs anchor = "calendar" and cycle_start: fixed '
                "periods start on a day of the year",
                f'add anchor = "calendar" and cycle_start = "MM-DD" (the day each period '
                f'starts, "08-01" for periods from 1 August {year}), or remove reference_year',
            )
        )
    for i, track in enumerate(_rows(data, "tracks") if isinstance(year, int) else []):
        months = track.get("cycle_months") if isinstance(track, dict) else None
        if isinstance(months, int) and months % 12:
            out.append(
                (
                    ("tracks", i, "cycle_months"),
                    f"track {track.get('name')!r} has cycle_months = {months}, not a whole "
                    f"number of years: fixed periods from reference_year = {year} need whole "
                    "years",
                    "use a multiple of 12 (24: a period every 2 years), or remove "
                    "reference_year (cycles then follow each holder's own dates)",
                )
            )
    if data.get("entries_per_certification") is True and data.get("pool") == "holder":
        out.append(
            (
                ("entries_per_certification",),
                'entries_per_certification = true needs pool = "certification": with one '
                "requirement for all certifications there is no certification to choose",
                'set pool = "certification" (one requirement per certification), or remove '
                "entries_per_certification",
            )
        )
    return out


def _track_topics(data: dict[str, Any]) -> set[str]:
    topics: set[str] = set()
    for track in _rows(data, "tracks"):
        minimums = track.get("topics") if isinstance(track, dict) else None
        topics.update(k for k in (minimums if isinstance(minimums, dict) else {}) if k)
    return topics


def _kind_topic_problems(data: dict[str, Any]) -> list[Problem]:
    """A kind's `topic` must be a topic minimum of a track (an alias names one: write that)."""
    topics = _track_topics(data)
    aliases = _table(data, "topic_aliases") or {}
    out: list[Problem] = []
    for name, kind in (_table(data, "kinds") or {}).items():
        topic = kind.get("topic") if isinstance(kind, dict) else None
        if not isinstance(topic, str) or topic in topics:
            continue
        message = f"kind {name!r} has topic = {topic!r}, which no track has a minimum for"
        if aliases.get(topic) in topics:
            hint = f"write the topic {topic!r} stands for: topic = {aliases[topic]!r}"
        elif topics:
            hint = did_you_mean(topic, sorted(topics)) + (
                f"the tracks' topics: {', '.join(sorted(topics))}"
            )
        else:
            hint = "add the minimum to a track (topics = { NAME = N }), or remove topic"
        out.append((("kinds", name, "topic"), message, hint))
    return out


def _topic_alias_problems(data: dict[str, Any]) -> list[Problem]:
    """A topic alias must not be a track's topic itself, and must name one."""
    topics = _track_topics(data)
    out: list[Problem] = []
    for alias, topic in (_table(data, "topic_aliases") or {}).items():
        if alias in topics:
            out.append(
                (
                    ("topic_aliases", alias),
                    f"topic alias {alias!r} is itself a topic of a track",
                    "remove the alias, or rename the track's topic",
                )
            )
        elif isinstance(topic, str) and topic not in topics:
            out.append(
                (
                    ("topic_aliases", alias),
                    f"topic alias {alias!r} names {topic!r}, which no track has a minimum for",
                    "a topic alias names a topic of a track's `topics`",
                )
            )
    return out


def _track_problems(data: dict[str, Any], certs: dict[Any, Any] | None) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, str] = {}
    names: set[str] = set()
    for i, track in enumerate(_rows(data, "tracks")):
        if not isinstance(track, dict):
            continue
        name = track.get("name")
        if isinstance(name, str):
            if name in names:
                out.append(
                    (
                        ("tracks", i, "name"),
                        f"track {name!r} is defined twice",
                        "give each [[tracks]] its own name",
                    )
                )
            names.add(name)
        codes = track.get("certifications")
        for j, code in enumerate(codes if isinstance(codes, list) else []):
            if not isinstance(code, str):
                continue
            where = ("tracks", i, "certifications", j)
            if certs is not None and code not in certs:
                out.append(
                    (
                        where,
                        f"track {name!r} covers {code}, which is not in [certifications]",
                        f'add {code} = "its name" to [certifications], or correct the code',
                    )
                )
            if code in seen:
                out.append(
                    (
                        where,
                        f"{code} is covered by both track {seen[code]!r} and {name!r}",
                        "a code belongs to at most one track: remove it from one of them",
                    )
                )
            seen[code] = str(name)
        anchor = track.get("anchor_code")
        if isinstance(anchor, str) and isinstance(codes, list) and anchor not in codes:
            out.append(
                (
                    ("tracks", i, "anchor_code"),
                    f"track {name!r} has anchor_code = {anchor!r}, not one of its certifications",
                    "name one of the track's certifications, or remove anchor_code",
                )
            )
    return out
