"""Topic minimums count each credit once (docs/numbers.md): an entry's value is divided between the
topics it lists, never copied to each; with its own split (`topic_hours`) each topic gets its
share, without one ceclog divides it so that the least is missing across the minimums, and says
how.  The profile below has Florida's minimums (14 h per 24 months: water 6, mold-safety 4,
report-writing 2, standards-of-practice 2), anchored on the earned date so the figures do not
depend on Florida's calendar."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Ceclog, make_ledger

RULES = """\
name = "minimums"
title = "Florida's topic minimums on a 24-month cycle from the licence date"
source = ["tests"]
checked = 2026-12-07
effective = "tests"
unit = "hour"
hours_per_credit = 1
increment = 0.5
pool = "holder"
[kinds.course]
[certifications]
MRSA = "Mold Assessor"
[topic_aliases]
mold = "mold-safety"
report = "report-writing"
standards = "standards-of-practice"
[[tracks]]
name = "licence"
title = "Mold licences"
certifications = ["MRSA"]
credits = 14
cycle_months = 24
topics = { water = 6, mold-safety = 4, report-writing = 2, standards-of-practice = 2 }
"""
TODAY = "2025-12-01"  # the cycle 2025-01-10 to 2027-01-09, 404 days left


def _entry(n: int, date: str, hours: str, extra: str) -> str:
    return (
        f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "Class {n}"\nhours = {hours}\n{extra}\n'
    )


def _ledger(path: Path, body: str) -> Path:
    (path.parent / "minimums.toml").write_text(RULES)
    return make_ledger(
        path, ("MRSA", "2025-01-10"), rules="minimums.toml", since="2025-01-10", body=body
    )


def _status(ceclog: Ceclog) -> dict[str, Any]:
    r = ceclog("status", "--json", today=TODAY)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    return req  # type: ignore[no-any-return]


def _topics(req: dict[str, Any]) -> dict[str, tuple[float, float]]:
    return {t["topic"]: (t["counted"], t["remaining"]) for t in req["topics"]}


def test_six_hours_tagged_water_and_mold_count_once(ceclog: Ceclog, ledger_path: Path) -> None:
    """6 h tagged water and mold meet water 6 or mold-safety 4, not both: 6 of the 10 hours of
    those two minimums (before the fix: water 6 and mold-safety 6, both met)."""
    _ledger(ledger_path, _entry(1, "2025-03-01", "6", 'topics = ["water", "mold"]'))
    req = _status(ceclog)
    topics = _topics(req)
    assert sum(counted for counted, _ in topics.values()) == 6.0
    assert topics == {
        "water": (6.0, 0.0),
        "mold-safety": (0.0, 4.0),
        "report-writing": (0.0, 2.0),
        "standards-of-practice": (0.0, 2.0),
    }
    assert req["topic_shares"] == [{"id": 1, "topic": "water", "credits": 6.0, "split": False}]


def test_ten_hours_tagged_water_and_mold_meet_both(ceclog: Ceclog, ledger_path: Path) -> None:
    """10 h tagged water and mold: water 6 and mold-safety 4 (docs/numbers.md's example)."""
    _ledger(ledger_path, _entry(1, "2025-03-01", "10", 'topics = ["water", "mold"]'))
    topics = _topics(_status(ceclog))
    assert (topics["water"], topics["mold-safety"]) == ((6.0, 0.0), (4.0, 0.0))


def test_the_division_leaves_the_least_missing_and_is_shown(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """6 h tagged water and mold (2025-03-01), then 4 h of water alone (2025-04-01).  Giving the
    first class's 6 h to water, in date order, would leave mold-safety 4 short; the second class
    can only go to water, so ceclog gives it water 4 and divides the first: water 2, mold-safety
    4.  Both minimums met, 10 h counted of 14, and status, list and JSON say how."""
    body = _entry(1, "2025-03-01", "6", 'topics = ["water", "mold"]') + _entry(
        2, "2025-04-01", "4", 'topics = ["water"]'
    )
    _ledger(ledger_path, body)
    req = _status(ceclog)
    assert (req["counted"], req["remaining"]) == (10.0, 4.0)
    assert _topics(req) == {
        "water": (6.0, 0.0),
        "mold-safety": (4.0, 0.0),
        "report-writing": (0.0, 2.0),
        "standards-of-practice": (0.0, 2.0),
    }
    assert req["topic_shares"] == [
        {"id": 1, "topic": "water", "credits": 2.0, "split": False},
        {"id": 1, "topic": "mold-safety", "credits": 4.0, "split": False},
        {"id": 2, "topic": "water", "credits": 4.0, "split": False},
    ]
    text = ceclog("status", today=TODAY).out
    assert (
        "licence: entry 1 (Class 1): topics: water 2.0, mold-safety 4.0 (divided by ceclog, each "
        "hour counted once)." in text
    )
    assert "ceclog edit ID --topic-hours TOPIC=HOURS" in text
    assert "entry 2 (Class 2)" not in text  # one topic: nothing to divide
    listed = {e["id"]: e for e in json.loads(ceclog("list", "--json", today=TODAY).out)}
    assert listed[1]["explanation"] == (
        "6 h = 6.0 hours; topics: water 2.0, mold-safety 4.0 (divided by ceclog, each hour "
        "counted once)"
    )
    assert listed[2]["explanation"] == "4 h = 4.0 hours"


def test_the_entrys_own_split_wins(ceclog: Ceclog, ledger_path: Path) -> None:
    """The same classes, the first split by its holder: water 6.  ceclog does not second-guess
    it: water 6 + 4 = 10, mold-safety 0 of 4, and status says the split is the entry's."""
    body = _entry(1, "2025-03-01", "6", "topic_hours = { water = 6 }") + _entry(
        2, "2025-04-01", "4", 'topics = ["water"]'
    )
    _ledger(ledger_path, body)
    req = _status(ceclog)
    assert _topics(req)["water"] == (10.0, 0.0)
    assert _topics(req)["mold-safety"] == (0.0, 4.0)
    assert req["topic_shares"][0] == {"id": 1, "topic": "water", "credits": 6.0, "split": True}
    text = ceclog("status", today=TODAY).out
    assert "licence: entry 1 (Class 1): topics: water 6.0 (as split on the entry)." in text
