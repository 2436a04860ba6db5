"""The RIA profile (rules/ria.toml): 48 contact hours per 3 years, 1 July to 30 June, every
cycle set by the date CR was earned (a track's `anchor_code`); and the rules' `carry_over`,
which RIA does not allow.  Every figure is worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, make_ledger

ROOT = Path(__file__).parent.parent / "rules"


def _entry(i: int, date: str, title: str, extra: str) -> str:
    return f'\n[[entries]]\nid = {i}\ndate = {date}\ntitle = "{title}"\n{extra}\n'


def _status(ceclog: Ceclog, today: str) -> list[dict[str, object]]:
    r = ceclog("status", "--json", today=today)
    assert r.code in (0, 3), r.err
    requirements: list[dict[str, object]] = json.loads(r.out)["requirements"]
    return requirements


def test_ria_cycles_start_from_the_cr_date_and_a_3_day_course_is_19_5_hours(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WLS earned 2021-08-01, CR earned 2023-03-15.  The cycle is set by CR, not by the earlier
    WLS: the first 1 July on or after 2023-03-15 is 2023-07-01, so the cycle runs 2023-07-01
    to 2026-06-30 (36 months).  A class of 2022-10-10 (7 h) counts toward none.  A 3-day
    course (19.5 h) and an 8 h online course: 27.5 of 48, 20.5 to go.  On 2025-11-30: 212
    days left (31+31+28+31+30+31+30); two full years have passed: 48 x 24/36 = 32 > 27.5,
    behind.  No carry-over: `carried_in` is 0."""
    body = (
        _entry(1, "2022-10-10", "Before the CR cycle", "hours = 7")
        + _entry(2, "2024-05-22", "Applied structural drying, 3 days", "hours = 19.5")
        + _entry(3, "2025-03-01", "Mould webinar series", 'hours = 8\nkind = "online"')
    )
    make_ledger(ledger_path, ("WLS", "2021-08-01"), ("CR", "2023-03-15"), rules="ria", body=body)
    (req,) = _status(ceclog, "2025-11-30")
    assert (req["track"], req["certifications"]) == ("advanced", ["WLS", "CR"])
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2023-07-01", "2026-06-30", 212)
    assert (req["required"], req["counted"], req["remaining"], req["carried_in"]) == (
        48.0,
        27.5,
        20.5,
        0.0,
    )
    assert (req["state"], req["previous"], req["notices"]) == ("behind", None, [])
    first = json.loads(ceclog("list", "--json", today="2025-11-30").out)[0]
    assert first["counted"] == 0.0 and "counts toward no cycle" in first["explanation"]
    out = ceclog("status", today="2025-11-30").out
    assert "contact hours" in out and "20.5 contact hours still needed by 2026-06-30" in out


def test_ria_without_a_cr_says_so_and_counts_from_the_earliest_date(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Only WLS, earned 2021-08-01: no CR to set the cycle, so today's rule applies (the first
    1 July on or after the earliest earned date, 2022-07-01: cycles 2022-07-01 to 2025-06-30,
    then 2025-07-01 to 2028-06-30), and status says why."""
    make_ledger(ledger_path, ("WLS", "2021-08-01"), rules="ria", since="2025-07-01")
    (req,) = _status(ceclog, "2025-11-30")
    assert (req["cycle_start"], req["due"], req["state"]) == (
        "2025-07-01",
        "2028-06-30",
        "on_track",
    )
    notices = req["notices"]
    assert isinstance(notices, list) and len(notices) == 1
    assert "the date you earned CR" in notices[0] and "earliest earned date" in notices[0]
    assert "cert add CR --earned DATE" in ceclog("status", today="2025-11-30").out


def test_anchor_code_must_be_one_of_the_tracks_certifications(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    path = tmp_path / "my-ria.toml"
    text = (ROOT / "ria.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('anchor_code = "CR"', 'anchor_code = "MWR"'), encoding="utf-8")
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.code != 0
    assert "track 'advanced' has anchor_code = 'MWR', not one of its certifications" in r.out


# --- carry-over (a rules setting; not RIA's) ---------------------------------------------------


def _carry_rules(tmp: Path, limit: int) -> None:
    text = (ROOT / "iicrc.toml").read_text(encoding="utf-8")
    text = text.replace("pace_months = 12", f"pace_months = 12\ncarry_over = {limit}", 1)
    assert f"carry_over = {limit}" in text
    (tmp / "my-rules.toml").write_text(text, encoding="utf-8")


def test_a_met_cycles_surplus_carries_into_the_next_up_to_the_limit(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """iicrc rules with carry_over = 4; WRT earned 2018-06-01: cycles 2018-06-01 to 2022-05-31,
    2022-06-01 to 2026-05-31, 2026-06-01 to 2030-05-31 (14 CECs each).  20 h in the first:
    met, surplus 6, of which 4 carry.  8 h in the second by 2024-01-01: 8 + 4 = 12 of 14, 2.0
    to go.  A further 7 h on 2025-02-01: 15 of its own, met (19 with the carry); only its own
    surplus, 15 - 14 = 1, carries on (carried credits do not carry again)."""
    _carry_rules(tmp_path, 4)
    shown = ceclog("rules", "show", str(tmp_path / "my-rules.toml"), ledger=None).out
    assert "a met cycle's surplus, at most 4 CECs, counts toward the next cycle" in shown
    body = _entry(1, "2019-03-01", "Big course", "hours = 20\nsubmitted = 2019-03-10") + _entry(
        2, "2023-01-10", "Class", "hours = 8\nsubmitted = 2023-01-20"
    )
    make_ledger(ledger_path, ("WRT", "2018-06-01"), rules="my-rules.toml", body=body)
    (req,) = _status(ceclog, "2024-01-01")
    assert (req["cycle_start"], req["counted"], req["carried_in"], req["remaining"]) == (
        "2022-06-01",
        8.0,
        4.0,
        2.0,
    )
    assert req["state"] == "on_track" and not req["met"]  # pace 3.5 after one year
    out = ceclog("status", today="2024-01-01").out
    assert (
        "4.0 CECs carried over from the previous cycle (met, with a surplus) and 8.0 counted "
        "in this one: 12.0 of 14.0" in out
    )
    ceclog("add", "More", "--date", "2025-02-01", "--hours", "7", today="2025-02-02")
    assert ceclog("submit", "3", today="2025-02-02").code == 0
    (req,) = _status(ceclog, "2025-02-02")
    assert (req["counted"], req["carried_in"], req["met"], req["state"]) == (15.0, 4.0, True, "met")
    (req,) = _status(ceclog, "2026-07-01")
    assert (req["cycle_start"], req["counted"], req["carried_in"], req["remaining"]) == (
        "2026-06-01",
        0.0,
        1.0,
        13.0,
    )
    # the previous cycle (2022-06-01 to 2026-05-31) says what carried into it: 15 + 4
    prev = req["previous"]
    assert (prev["counted"], prev["carried_in"], prev["met"]) == (15.0, 4.0, True)


def test_no_carry_from_an_unmet_cycle_nor_without_the_setting(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """10 h in 2018-06-01 to 2022-05-31 (unmet): nothing carries, even with carry_over = 4.
    20 h under the shipped iicrc rules (no carry_over): met, nothing carries either."""
    _carry_rules(tmp_path, 4)
    body = _entry(1, "2019-03-01", "Course", "hours = 10")
    make_ledger(
        ledger_path, ("WRT", "2018-06-01"), rules="my-rules.toml", body=body, since="2022-06-01"
    )
    (req,) = _status(ceclog, "2024-01-01")
    assert (req["counted"], req["carried_in"], req["remaining"]) == (0.0, 0.0, 14.0)
    make_ledger(ledger_path, ("WRT", "2018-06-01"), body=body.replace("10", "20"))
    (req,) = _status(ceclog, "2024-01-01")
    assert (req["carried_in"], req["remaining"]) == (0.0, 14.0)
