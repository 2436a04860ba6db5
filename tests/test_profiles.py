"""The shipped profiles of other bodies, each with a worked example from its source computed
by hand (rules/*.toml say where each fact comes from, with its source)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, make_ledger


def _status(ceclog: Ceclog, today: str) -> list[dict[str, object]]:
    r = ceclog("status", "--json", today=today)
    assert r.code == 0, r.err
    requirements: list[dict[str, object]] = json.loads(r.out)["requirements"]
    return requirements


def _entry(i: int, date: str, title: str, extra: str) -> str:
    return f'\n[[entries]]\nid = {i}\ndate = {date}\ntitle = "{title}"\n{extra}\n'


def test_nadca_ascs_six_per_certification_year_from_the_first_july(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """ASCS earned 2025-03-10: the first certification year starts on the first 1 July on or
    after it, 2025-07-01, and ends 2026-06-30; a class of 2025-05-01 counts toward none.
    2025-09-10 4 h + 2026-02-01 2.5 h online = 6.5 >= 6: met.  On 2026-11-30 the current year
    2026-07-01 to 2027-06-30 has 2 h of 6 (4.0 to go, 212 days left); pace in 6-month steps:
    none passed yet, on track.  On 2027-02-15 one step: 6 x 6/12 = 3.0 > 2.0: behind."""
    body = (
        _entry(1, "2025-05-01", "Before the first year", "hours = 3")
        + _entry(2, "2025-09-10", "Duct cleaning", "hours = 4\nsubmitted = 2025-09-20")
        + _entry(3, "2026-02-01", "Webinar", 'hours = 2.5\nkind = "online"\nposted = 2026-03-01')
        + _entry(4, "2026-08-01", "Annual meeting", 'hours = 2\nkind = "conference"')
    )
    make_ledger(ledger_path, ("ASCS", "2025-03-10"), rules="nadca-ascs", body=body)
    (req,) = _status(ceclog, "2026-11-30")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2026-07-01", "2027-06-30", 212)
    assert (req["required"], req["counted"], req["remaining"], req["state"]) == (
        6.0,
        2.0,
        4.0,
        "on_track",
    )
    previous = req["previous"]
    assert isinstance(previous, dict)
    assert (previous["cycle_start"], previous["due"], previous["counted"], previous["met"]) == (
        "2025-07-01",
        "2026-06-30",
        6.5,
        True,
    )
    r = ceclog("list", "--json", today="2026-11-30")
    first = json.loads(r.out)[0]
    assert first["counted"] == 0.0 and "counts toward no cycle" in first["explanation"]
    (req,) = _status(ceclog, "2027-02-15")
    assert (req["counted"], req["state"]) == (2.0, "behind")


def test_texas_mold_a_requirement_per_licence(ceclog: Ceclog, ledger_path: Path) -> None:
    """MAC earned 2024-04-01 (8 h per 2 years) and MRW earned 2025-01-15 (one course of 4 h
    per 2 years).  A course counts for the licence it names only (16 TAC §78.25(b)): a 4 h
    remediation course for MRW, a 3.5 h online course and a 4 h course for MAC.  On
    2025-12-01: MAC 7.5 of 8.0, 0.5 to go, one 12-month step passed: 8 x 12/24 = 4.0 <= 7.5,
    on track; MRW 4.0 of 4.0: met.  (The due dates, on the anniversary under `due =
    "anniversary"`, are the engine's to compute: not asserted here.)"""
    body = (
        _entry(1, "2025-06-01", "Mold remediation refresher", 'hours = 4\ncertifications = ["MRW"]')
        + _entry(
            2,
            "2025-10-10",
            "Assessment protocols",
            'hours = 3.5\nkind = "online"\ncertifications = ["MAC"]',
        )
        + _entry(3, "2025-11-01", "Sampling", 'hours = 4\ncertifications = ["MAC"]')
    )
    make_ledger(
        ledger_path, ("MAC", "2024-04-01"), ("MRW", "2025-01-15"), rules="texas-mold", body=body
    )
    mac, mrw = _status(ceclog, "2025-12-01")
    assert (mac["track"], mac["certifications"]) == ("licence", ["MAC"])
    assert (mac["required"], mac["counted"], mac["remaining"], mac["state"]) == (
        8.0,
        7.5,
        0.5,
        "on_track",
    )
    assert (mrw["track"], mrw["required"], mrw["counted"], mrw["state"]) == (
        "worker",
        4.0,
        4.0,
        "met",
    )
    r = ceclog("status", today="2025-12-01")
    assert "hours" in r.out and "CEC" not in r.out.split("\n", 1)[1]
