"""The moments people use ceclog most, driven through the CLI on real files: the day after a
renewal, a master designation earned mid-cycle, a certification dated after today, a renewal
notice, a lapse and the late class that cures it, the export sent right after a cycle ends.

Every expected figure is worked out by hand from rules/iicrc.toml (14 CECs; technician cycles
48 months, master 24; 1 h = 1 CEC; pace in whole steps of 12 months; reinstatement after 24
months) and the rules of docs/numbers.md, in the comment beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Ceclog, make_ledger


def status(ceclog: Ceclog, today: str) -> dict[str, Any]:
    r = ceclog("status", "--json", today=today)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    return dict(req)


def entry_block(n: int, day: str, hours: str, extra: str = "") -> str:
    return f"""
[[entries]]
id = {n}
date = {day}
title = "Class {n}"
hours = {hours}
{extra}
"""


# --- the schedule never drifts ------------------------------------------------------------------


def test_schedule_never_drifts_from_a_29_february(ceclog: Ceclog, ledger_path: Path) -> None:
    # docs/numbers.md: earned 2020-02-29, 24 months: due 2022-02-27, 2024-02-28, 2026-02-27
    # (cycle k starts on 2020-02-29 + 24k months, clamped: 2022-02-28, 2024-02-29, 2026-02-28)
    make_ledger(ledger_path, ("MWR", "2020-02-29"), since="2020-02-29")
    cycles = [
        (status(ceclog, day)["cycle_start"], status(ceclog, day)["due"])
        for day in ("2021-01-01", "2023-01-01", "2025-01-01", "2027-01-01")
    ]
    assert cycles == [
        ("2020-02-29", "2022-02-27"),
        ("2022-02-28", "2024-02-28"),
        ("2024-02-29", "2026-02-27"),
        ("2026-02-28", "2028-02-28"),
    ]


# --- the day after a renewal, a new ledger: nobody is behind in the first year -----------------


def test_the_day_after_a_renewal_is_not_behind(ceclog: Ceclog, ledger_path: Path) -> None:
    # WRT 2022-06-01: cycle 2022-06-01 to 2026-05-31, met with 14 h in 2023; the next cycle
    # starts 2026-06-01.  The day after, 0 counted is on track: the expected pace is 14 x 0/48
    # until a full year has passed (2027-06-01: 14 x 12/48 = 3.5).
    make_ledger(
        ledger_path,
        ("WRT", "2022-06-01"),
        since="2022-06-01",
        body=entry_block(1, "2023-01-01", "14", "submitted = 2023-01-10"),
    )
    req = status(ceclog, "2026-06-02")
    assert (req["cycle_start"], req["due"], req["counted"], req["state"]) == (
        "2026-06-01",
        "2030-05-31",
        0.0,
        "on_track",
    )
    assert req["previous"]["met"] is True
    assert ceclog("status", "--check", today="2026-06-02").code == 0
    assert ceclog("status", "--check", today="2027-05-31").code == 0  # 11 full months
    r = ceclog("status", "--check", today="2027-06-01")  # one full year: 0 < 3.5
    assert r.code == 3
    assert "behind" in r.out


def test_a_new_ledger_for_a_holder_certified_last_month(ceclog: Ceclog, ledger_path: Path) -> None:
    assert ceclog("init", "--name", "New Tech").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2026-10-15").code == 0
    r = ceclog("status", "--check")  # today 2026-11-22
    assert r.code == 0, r.out
    assert "on track" in r.out


def test_a_ledger_started_late_in_a_cycle_is_judged_and_told_to_record_earlier_classes(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2023-09-15, ledger started 2026-11-22: three full years -> expected 14 x 36/48 = 10.5
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2026-11-22")
    r = ceclog("status", "--check")
    assert r.code == 3
    assert "record the classes you took before then" in r.out


def test_pace_months_zero_turns_behind_off(ceclog: Ceclog, ledger_path: Path) -> None:
    rules = Path(__file__).parents[1] / "rules" / "iicrc.toml"
    text = rules.read_text().replace("pace_months = 12", "pace_months = 0")
    (ledger_path.parent / "mine.toml").write_text(text.replace('name = "iicrc"', 'name = "mine"'))
    make_ledger(ledger_path, ("WRT", "2020-06-01"), rules="mine.toml", since="2020-06-01")
    assert status(ceclog, "2023-06-01")["state"] == "on_track"  # 36 months, nothing counted


# --- a stricter track mid-cycle -----------------------------------------------------------------


def test_master_designation_mid_cycle_ends_the_cycle_earlier_and_keeps_the_credits(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2023-09-15: cycle 2023-09-15 to 2027-09-14 with 11.5 counted.  MWR earned
    # 2025-05-10 puts the holder on the 24-month master track: the cycle ends on the earlier of
    # 2027-09-14 and 2025-05-10 + 24 months - 1 day = 2027-05-09; the 11.5 keep counting.
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        since="2023-09-15",
        body=entry_block(1, "2024-02-09", "4") + entry_block(2, "2025-04-17", "7.5"),
    )
    before = status(ceclog, "2026-11-22")
    assert (before["due"], before["counted"]) == ("2027-09-14", 11.5)
    r = ceclog("cert", "add", "MWR", "--earned", "2025-05-10")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2:] == [
        "Your cycle 2023-09-15 to 2027-09-14 now ends earlier, on 2027-05-09, and requires 14.0 "
        "CECs: 11.5 counted, 2.5 to go; after that, 14.0 CECs every 24 months."
    ]
    req = status(ceclog, "2026-11-22")
    assert (req["track"], req["cycle_start"], req["due"]) == ("master", "2023-09-15", "2027-05-09")
    assert (req["required"], req["counted"], req["remaining"]) == (14.0, 11.5, 2.5)
    assert req["days_left"] == 168  # 2026-11-22 to 2027-05-09
    assert req["state"] == "on_track"  # not within 90 days; 3 full years: 14 x 36/44 = 11.45
    assert req["notices"] == [
        "MWR, earned 2025-05-10, puts you on the master track: your cycle now ends 2027-05-09 "
        "(it would have ended 2027-09-14); after that, 14.0 CECs every 24 months"
    ]
    text = ceclog("status").out
    assert "your cycle now ends 2027-05-09" in text
    # the next cycle is a master one: 2027-05-10 to 2029-05-09
    later = status(ceclog, "2027-06-01")
    assert (later["cycle_start"], later["due"]) == ("2027-05-10", "2029-05-09")


def test_a_track_that_ends_mid_cycle_changes_nothing_until_the_due_date(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2018-06-01, MWR 2019-01-01 ended 2021-03-01.  Cycle 1: 2018-06-01, due the earlier of
    # 2022-05-31 and 2019-01-01 + 24 months - 1 = 2020-12-31.  Cycle 2 (MWR still held on
    # 2021-01-01): 24 months, 2021-01-01 to 2022-12-31; MWR's end changes nothing until then.
    # Cycle 3: WRT alone, 48 months: 2023-01-01 to 2026-12-31.
    make_ledger(ledger_path, ("WRT", "2018-06-01"), ("MWR", "2019-01-01"), since="2024-01-01")
    text = ledger_path.read_text().replace(
        'code = "MWR"\nearned = 2019-01-01\n',
        'code = "MWR"\nearned = 2019-01-01\nended = 2021-03-01\n',
    )
    ledger_path.write_text(text)
    mid = status(ceclog, "2021-06-01")
    # the requirement carries the name of the track governing today (technician: MWR has
    # ended); the running cycle keeps the master cycle's dates and requires its credits
    assert (mid["track"], mid["cycle_track"], mid["cycle_start"], mid["due"]) == (
        "technician",
        "master",
        "2021-01-01",
        "2022-12-31",
    )
    assert mid["certifications"] == ["WRT"]  # MWR is not held any more
    assert mid["notices"] == [
        "this cycle keeps its due date 2022-12-31; after that (MWR ended), 14.0 CECs every 48 "
        "months"
    ]
    late = status(ceclog, "2024-01-01")
    assert (late["track"], late["cycle_start"], late["due"]) == (
        "technician",
        "2023-01-01",
        "2026-12-31",
    )


def test_cert_end_records_the_end_and_refuses_impossible_dates(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), ("MWR", "2019-01-01"))
    before = ledger_path.read_bytes()
    r = ceclog("cert", "end", "MWR", "--on", "2018-12-31")
    assert r.code == 1
    assert "MWR was earned on 2019-01-01: it cannot end on 2018-12-31" in r.err
    assert ledger_path.read_bytes() == before
    assert ceclog("cert", "end", "ASD").code == 1  # not recorded
    r = ceclog("cert", "end", "MWR", "--on", "2021-03-01")
    assert r.code == 0, r.err
    assert "ended = 2021-03-01" in ledger_path.read_text()
    rows = json.loads(ceclog("cert", "list", "--json").out)
    assert [(c["code"], c["ended"]) for c in rows] == [("WRT", None), ("MWR", "2021-03-01")]
    assert "already ended on 2021-03-01" in ceclog("cert", "end", "MWR").err


# --- a certification earned after today ----------------------------------------------------------


def test_a_certification_dated_after_today_changes_nothing_yet(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")
    r = ceclog("cert", "add", "MWR", "--earned", "2027-03-01")
    assert r.code == 0, r.err
    assert (
        "Certification MWR is dated 2027-03-01, in the future: it is not held yet and changes "
        "nothing until then." in r.out
    )
    assert "now ends" not in r.out
    req = status(ceclog, "2026-11-22")
    assert (req["track"], req["certifications"], req["due"]) == (
        "technician",
        ["WRT"],
        "2027-09-14",
    )
    assert req["notices"] == ["MWR is dated 2027-03-01, after today: it changes nothing until then"]
    # once earned: inside the running cycle, whose due date 2027-09-14 is earlier than
    # 2027-03-01 + 24 months - 1 day: the date stays, the master track's credits are required
    req = status(ceclog, "2027-03-02")
    assert (req["track"], req["due"]) == ("master", "2027-09-14")


def test_only_a_future_certification_is_no_requirement_yet(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2027-01-05"))
    r = ceclog("status")
    assert r.code == 0
    assert "No requirement applies yet: WRT is dated 2027-01-05, after today" in r.out


# --- the renewal notice -------------------------------------------------------------------------


def test_a_renewal_notice_more_than_one_cycle_away_is_kept(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2023-09-15; the notice says 2031-01-31: one cycle earlier would start 2027-02-01,
    # after today, so the cycle is counted from the computed cycle holding today, 2023-09-15.
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")
    r = ceclog("holder", "--cec-due", "2031-01-31", today="2026-11-30")
    assert r.code == 0, r.err
    text = ledger_path.read_text()
    assert "cec_due = 2031-01-31" in text
    assert "cec_due_noted = 2026-11-30" in text
    req = status(ceclog, "2026-11-30")
    assert (req["cycle_start"], req["due"], req["days_left"]) == ("2023-09-15", "2031-01-31", 1523)
    assert req["notices"] == [
        "your renewal notice gives 2031-01-31 (noted 2026-11-30), more than one technician "
        "cycle (48 months) after that day: this cycle is counted from 2023-09-15, the start of "
        "the cycle your certification dates give for the day it was noted"
    ]


def test_a_renewal_notice_before_the_first_certification_is_refused(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"))
    before = ledger_path.read_bytes()
    r = ceclog("holder", "--cec-due", "2023-01-31")
    assert r.code == 1
    assert (
        "the renewal notice's due date 2023-01-31 is not after WRT was earned (2023-09-15)" in r.err
    )
    assert ledger_path.read_bytes() == before
    # written by hand: `check` reports it at its line, and status refuses to compute
    ledger_path.write_text(
        before.decode().replace("tracking_since", "cec_due = 2023-01-31\ntracking_since")
    )
    r = ceclog("check")
    assert r.code == 1
    assert (
        "ledger.toml:7: error: the renewal notice's due date 2023-01-31 is not after WRT" in r.out
    )
    assert (
        "ledger.toml:7: warning: cec_due = 2023-01-31 does not say when the notice was noted"
        in r.out
    )
    assert ceclog("status").code == 1


def test_a_notice_and_a_designation_earned_after_it_was_noted(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # The notice (noted 2025-01-10) gives 2027-09-14: a technician cycle from 2023-09-15.  MWR,
    # earned 2025-06-01 after the notice was noted, ends that cycle on the earlier of
    # 2027-09-14 and 2025-06-01 + 24 months - 1 day = 2027-05-31.
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        ("MWR", "2025-06-01"),
        since="2023-09-15",
        cec_due="2027-09-14",
    )
    text = ledger_path.read_text().replace(
        "cec_due = 2027-09-14", "cec_due = 2027-09-14\ncec_due_noted = 2025-01-10"
    )
    ledger_path.write_text(text)
    req = status(ceclog, "2025-07-01")
    assert (req["track"], req["cycle_start"], req["due"]) == ("master", "2023-09-15", "2027-05-31")
    assert req["notices"] == [
        "your renewal notice gives 2027-09-14 (noted 2025-01-10); MWR, earned 2025-06-01 after "
        "that, ends this cycle on 2027-05-31; after that, 14.0 CECs every 24 months"
    ]
    # noted after MWR was earned: the notice already reflects it, and its date stands.  One
    # master cycle before it would start 2025-09-15, after the noted day 2025-08-01: the notice
    # gives more than one cycle of time, so its cycle starts where the cycle the earned dates
    # give (2023-09-15 to 2027-05-31, shortened by MWR) holding the noted day starts, whatever
    # today is (docs/numbers.md: the start never depends on today).
    ledger_path.write_text(text.replace("cec_due_noted = 2025-01-10", "cec_due_noted = 2025-08-01"))
    for today in ("2025-08-01", "2025-10-01", "2027-01-01"):
        req = status(ceclog, today)
        assert (req["track"], req["cycle_start"], req["due"]) == (
            "master",
            "2023-09-15",
            "2027-09-14",
        ), today


def test_a_renewal_notice_after_reinstatement_clears_the_lapse(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2018-06-01: the cycle to 2022-05-31 ended with 9 of 14: overdue.  After reinstatement
    # the body's notice gives 2027-01-31 (noted 2023-02-01): that cycle starts 48 months
    # earlier, 2023-02-01; the cycles before it are not judged.
    make_ledger(
        ledger_path,
        ("WRT", "2018-06-01"),
        since="2018-06-01",
        body=entry_block(1, "2019-01-10", "9"),
    )
    assert status(ceclog, "2023-02-01")["state"] == "overdue"
    assert ceclog("holder", "--cec-due", "2027-01-31", today="2023-02-01").code == 0
    req = status(ceclog, "2024-01-01")
    assert (req["cycle_start"], req["due"], req["state"], req["lapse"]) == (
        "2023-02-01",
        "2027-01-31",
        "on_track",
        None,
    )
    assert req["previous"]["judged"] is False


# --- a lapse, and the late class that cures it ---------------------------------------------------


LAPSED = entry_block(1, "2019-01-10", "9")


def test_a_lapse_shows_the_lapsed_cycle_and_outlives_the_next_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2018-06-01: 9 of 14 by 2022-05-31 -> overdue from 2022-06-01.  On 2022-11-30 the
    # lapsed cycle is 183 days behind us, 5 short; reinstatement from 2022-05-31 + 24 months.
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=LAPSED)
    req = status(ceclog, "2022-11-30")
    assert req["state"] == "overdue"
    # the requirement's own fields are the current cycle's
    assert (req["cycle_start"], req["due"], req["days_left"], req["remaining"]) == (
        "2022-06-01",
        "2026-05-31",
        1278,
        14.0,
    )
    assert req["lapse"] == {
        "cycle_start": "2018-06-01",
        "due": "2022-05-31",
        "required": 14.0,
        "counted": 9.0,
        "remaining": 5.0,
        "days_overdue": 183,
        "reinstate_by": "2024-05-31",
    }
    r = ceclog("status", "--check", today="2022-11-30")
    assert r.code == 4
    lines = r.out.splitlines()
    lapse_row = next(i for i, line in enumerate(lines) if "LAPSED" in line)
    current_row = next(i for i, line in enumerate(lines) if line.startswith("technician (WRT)"))
    assert lapse_row < current_row  # the lapsed cycle first
    assert "2018-06-01 to 2022-05-31" in lines[lapse_row] and "OVERDUE" in lines[lapse_row]
    assert (
        "technician: OVERDUE: the cycle 2018-06-01 to 2022-05-31 ended 183 days ago, 5.0 CECs "
        "short; renew by email before 2024-05-31, after that the body requires reinstatement."
        in r.out
    )
    # the next cycle starting does not cure it: still the same lapse, 1463 days on
    req = status(ceclog, "2026-06-02")
    assert req["state"] == "overdue"
    assert (req["lapse"]["due"], req["lapse"]["days_overdue"]) == ("2022-05-31", 1463)
    assert (req["cycle_start"], req["due"]) == ("2026-06-01", "2030-05-31")


def test_a_late_class_applied_to_the_lapsed_cycle_cures_it(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=LAPSED)
    r = ceclog(
        "add",
        "Catch-up class",
        "--date",
        "2022-11-15",
        "--hours",
        "5",
        "--for-cycle",
        "previous",
        today="2022-11-30",
    )
    assert r.code == 0, r.err
    assert r.out.splitlines()[1] == (
        "  counts 5.0 CECs: 5 h ÷ 1 h per CEC = 5.0; applied to the cycle ending 2022-05-31 "
        "(taken late)"
    )
    assert "  technician: the cycle ending 2022-05-31 now has 14.0 of 14.0 CECs: met" in r.out
    assert "for_cycle = 2022-05-31" in ledger_path.read_text()
    req = status(ceclog, "2022-11-30")
    # cured, but the body has none of the 14.0 yet: to submit, for the cycle ending 2022-05-31
    assert (req["state"], req["lapse"], req["counted"]) == ("to_submit", None, 0.0)
    assert (req["to_submit"]["cycle_due"], req["to_submit"]["to_send"]) == ("2022-05-31", 14.0)
    assert req["previous"] == {
        "cycle_start": "2018-06-01",
        "due": "2022-05-31",
        "required": 14.0,
        "counted": 14.0,  # 9 + the late 5
        "met": True,
        "judged": True,
        "topics": [],
    }
    # dated in the current cycle's window, but counting toward the lapsed one: said so
    assert req["entries"] == [2]
    assert req["excluded"] == [
        {"id": 2, "reason": "applied to the cycle ending 2022-05-31 (taken late)"}
    ]
    rows = json.loads(ceclog("list", "--json", today="2022-11-30").out)
    assert [(e["id"], e["for_cycle"], e["counted"]) for e in rows] == [
        (1, None, 9.0),
        (2, "2022-05-31", 5.0),
    ]
    # no lapse left: applying another one is refused, and nothing is written
    before = ledger_path.read_bytes()
    r = ceclog(
        "add",
        "More",
        "--date",
        "2022-11-16",
        "--hours",
        "1",
        "--for-cycle",
        "previous",
        today="2022-11-30",
    )
    assert r.code == 1
    assert "there is no lapsed cycle to apply it to" in r.err
    assert ledger_path.read_bytes() == before


def test_for_cycle_refuses_a_class_dated_inside_the_lapsed_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=LAPSED)
    r = ceclog(
        "add",
        "X",
        "--date",
        "2022-05-01",
        "--hours",
        "5",
        "--for-cycle",
        "previous",
        today="2022-11-30",
    )
    assert r.code == 1
    assert "is dated inside the cycle ending 2022-05-31: it counts toward it anyway" in r.err
    assert ceclog("add", "X", "--hours", "1", "--for-cycle", "last").code == 2


def test_edit_applies_a_late_class_and_clears_it(ceclog: Ceclog, ledger_path: Path) -> None:
    body = LAPSED + entry_block(2, "2022-11-15", "5")
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=body)
    assert status(ceclog, "2022-11-30")["counted"] == 5.0
    assert ceclog("edit", "2", "--for-cycle", "previous", today="2022-11-30").code == 0
    assert status(ceclog, "2022-11-30")["lapse"] is None
    assert ceclog("edit", "2", "--clear", "for_cycle", today="2022-11-30").code == 0
    req = status(ceclog, "2022-11-30")
    assert (req["state"], req["counted"]) == ("overdue", 5.0)


# --- entries that count toward no cycle ---------------------------------------------------------


def test_entries_taken_only_for_certifications_not_held_count_zero_with_the_reason(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    body = entry_block(1, "2024-01-10", "7", 'certifications = ["ASD"]') + entry_block(
        2, "2024-02-10", "3", 'certifications = ["WRT", "ASD"]'
    )
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15", body=body)
    req = status(ceclog, "2024-03-01")
    assert req["counted"] == 3.0
    assert req["excluded"] == [
        {"id": 1, "reason": "taken only for ASD, which you did not hold then"}
    ]
    rows = json.loads(ceclog("list", "--json", today="2024-03-01").out)
    assert (rows[0]["counted"], rows[0]["explanation"]) == (
        0.0,
        "counts toward no cycle: taken only for ASD, which you did not hold then (as a class: "
        "7 h ÷ 1 h per CEC = 7.0)",
    )
    text = ceclog("status", today="2024-03-01").out
    assert (
        "technician: entry 1 (2024-01-10) counts toward no cycle: taken only for ASD, which you "
        "did not hold then." in text
    )


def test_first_calendar_cycle_and_classes_before_it(ceclog: Ceclog, ledger_path: Path) -> None:
    # A calendar profile (cycle_start 07-01): WRT earned 2024-06-30 owes nothing for the year
    # ending that day; the first cycle starts 2024-07-01 and runs 48 months, to 2028-06-30.
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    rules = rules.replace('name = "iicrc"', 'name = "cal"').replace(
        'anchor = "earned"', 'anchor = "calendar"\ncycle_start = "07-01"'
    )
    (ledger_path.parent / "cal.toml").write_text(rules)
    make_ledger(
        ledger_path,
        ("WRT", "2024-06-30"),
        rules="cal.toml",
        since="2024-06-01",
        body=entry_block(1, "2024-06-15", "6"),
    )
    req = status(ceclog, "2024-06-30")
    assert (req["cycle_start"], req["due"], req["counted"], req["state"]) == (
        "2024-07-01",
        "2028-06-30",
        0.0,
        "on_track",
    )
    assert req["notices"] == [
        "your first cycle starts on 2024-07-01; classes dated before it count toward no cycle"
    ]
    (row,) = json.loads(ceclog("list", "--json", today="2024-06-30").out)
    assert row["counted"] == 0.0
    assert row["explanation"].startswith(
        "counts toward no cycle: dated before your first cycle, which starts 2024-07-01"
    )


def test_a_calendar_day_that_does_not_exist_is_refused(ceclog: Ceclog, ledger_path: Path) -> None:
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    rules = rules.replace('anchor = "earned"', 'anchor = "calendar"\ncycle_start = "02-30"')
    path = ledger_path.parent / "bad.toml"
    path.write_text(rules)
    r = ceclog("rules", "show", str(path))
    assert r.code == 1
    line = rules.splitlines().index('cycle_start = "02-30"') + 1
    assert (
        f"bad.toml:{line}: cycle_start: '02-30' is not a day of the year: February has 29 days"
        in r.err
    )


# --- the export sent right after a cycle ends ---------------------------------------------------


def test_export_of_the_previous_cycle_describes_that_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2022-06-01: 9 + 5 = 14 in the cycle to 2026-05-31 (met); a class of 2 in the new one.
    body = (
        entry_block(1, "2023-01-10", "9")
        + entry_block(2, "2026-05-20", "5")
        + entry_block(3, "2026-06-05", "2")
    )
    make_ledger(ledger_path, ("WRT", "2022-06-01"), since="2022-06-01", body=body)
    r = ceclog("export", "--format", "json", "--cycle", "previous", today="2026-06-10")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    (req,) = doc["requirements"]
    assert {k: req[k] for k in ("cycle_start", "due", "required", "counted", "remaining")} == {
        "cycle_start": "2022-06-01",
        "due": "2026-05-31",
        "required": 14.0,
        "counted": 14.0,
        "remaining": 0.0,
    }
    assert (req["state"], req["met"], req["days_left"]) == ("met", True, -10)
    assert [e["id"] for e in doc["entries"]] == [1, 2]
    assert doc["period"] == "previous cycle, 2022-06-01 to 2026-05-31"
    md = ceclog("export", "--format", "md", "--cycle", "previous", today="2026-06-10").out
    assert "| Technician certifications | WRT | 2022-06-01 | 2026-05-31 | 14.0 | 14.0 | 0.0 |" in md
    assert "| met |" in md
    import email
    from email.policy import default

    raw = ceclog(
        "export", "--format", "eml", "--cycle", "previous", "--attach", "csv", today="2026-06-10"
    )
    assert raw.code == 0, raw.err
    msg = email.message_from_string(raw.out, policy=default)
    body = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Technician certifications (2022-06-01 to 2026-05-31): 14.0 of 14.0 CECs: met" in body


def test_documents_sent_to_the_body_carry_no_pace_judgement_nor_web_pages(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    # the day after a renewal on a ledger that would be `behind` a year later
    make_ledger(
        ledger_path,
        ("WRT", "2022-06-01"),
        since="2022-06-01",
        body=entry_block(1, "2023-06-01", "1"),
    )
    assert status(ceclog, "2023-06-02")["state"] == "behind"  # 1 < 14 x 12/48 = 3.5
    texts = [ceclog("export", "--format", f, today="2023-06-02").out for f in ("md", "html")]
    pdf = tmp_path / "t.pdf"
    assert ceclog("export", "--format", "pdf", "--output", str(pdf), today="2023-06-02").code == 0
    from pypdf import PdfReader

    texts.append("\n".join(page.extract_text() for page in PdfReader(pdf).pages))
    for text in texts:
        assert "behind" not in text.lower()
        assert "on track" not in text.lower()
        assert "in progress" in text
        assert "https://" not in text and "learntorestore" not in text
        assert "iicrc" in text  # the profile is cited by name
        assert "2026-12-07" in text  # and by the date it was checked


# --- dates keep their order; switching rules --------------------------------------------------


def test_posted_before_the_class_is_refused(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"), body=entry_block(1, "2026-03-12", "3"))
    before = ledger_path.read_bytes()
    r = ceclog("posted", "1", "--on", "2026-03-01")
    assert r.code == 1
    assert "entry 1 would be posted on 2026-03-01, before the class (2026-03-12)" in r.err
    assert ceclog("submit", "1", "--on", "2026-03-11").code == 1
    assert ledger_path.read_bytes() == before
    assert ceclog("posted", "1", "--on", "2026-03-20").code == 0
    r = ceclog("edit", "1", "--date", "2026-04-01")  # after it was submitted and posted
    assert r.code == 1
    assert "entry 1 would be posted on 2026-03-20, before the class (2026-04-01)" in r.err


def test_holder_rules_refuses_a_switch_that_makes_the_ledger_invalid(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    rules = rules[: rules.index("\n[[plan]]")]  # its planning seed has a booth visit
    narrow = rules.replace('name = "iicrc"', 'name = "narrow"').replace(
        "[kinds.booth]", "[kinds.boothless]"
    )
    (ledger_path.parent / "narrow.toml").write_text(narrow)
    body = '\n[[entries]]\nid = 1\ndate = 2024-10-02\ntitle = "Booth"\nkind = "booth"\n'
    make_ledger(ledger_path, ("WRT", "2023-09-15"), body=body)
    before = ledger_path.read_bytes()
    r = ceclog("holder", "--rules", "narrow.toml")
    assert r.code == 1
    assert "entry 1 has kind 'booth', unknown to the narrow rules" in r.err
    assert ledger_path.read_bytes() == before
    r = ceclog("holder", "--rules", "iicrc-2012")  # no fixed value for a booth visit there
    assert r.code == 1
    assert "entry 1 records neither hours nor credits" in r.err
    assert ledger_path.read_bytes() == before
    (ledger_path.parent / "same.toml").write_text(rules.replace('name = "iicrc"', 'name = "same"'))
    assert ceclog("holder", "--rules", "same.toml").code == 0
    assert 'rules = "same.toml"' in ledger_path.read_text()


def test_export_of_the_previous_cycle_names_only_what_was_held_then(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT and AMRT 2021-01-10: the cycle to 2025-01-09.  MWR, earned 2025-02-01 after it ended,
    # governs the current cycle only; the record of the previous one must not claim it.
    make_ledger(
        ledger_path,
        ("WRT", "2021-01-10"),
        ("AMRT", "2021-01-10"),
        ("MWR", "2025-02-01"),
        since="2021-01-10",
        body=entry_block(1, "2023-05-05", "14"),
    )
    doc = json.loads(
        ceclog("export", "--format", "json", "--cycle", "previous", today="2025-03-01").out
    )
    (req,) = doc["requirements"]
    assert (req["track"], req["certifications"], req["cycle_start"], req["due"]) == (
        "technician",
        ["WRT", "AMRT"],
        "2021-01-10",
        "2025-01-09",
    )
    assert (req["previous"], req["notices"], req["state"]) == (None, [], "met")
    md = ceclog("export", "--format", "md", "--cycle", "previous", today="2025-03-01").out
    assert "| Technician certifications | WRT, AMRT | 2021-01-10 | 2025-01-09 |" in md
    held = md.split("## Certifications held")[1].split("##")[0]
    assert "WRT" in held and "AMRT" in held and "MWR" not in held


def test_a_ledger_started_late_is_asked_for_earlier_classes_even_when_due_soon(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # WRT 2023-01-10: the cycle ends 2027-01-09, 48 days after the ledger starts on 2026-11-22
    assert ceclog("init", "--name", "Late Starter").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2023-01-10").code == 0
    r = ceclog("status")
    assert "due soon" in r.out
    assert "this ledger starts on 2026-11-22, inside the cycle that began 2023-01-10" in r.out
    ceclog("add", "Old class", "--date", "2024-03-01", "--hours", "3")  # one recorded: enough
    assert "this ledger starts on" not in ceclog("status").out


def test_renewal_notice_checks_and_words(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01")
    r = ceclog("holder", "--cec-due", "2018-06-01", today="2024-01-01")  # a one-day cycle
    assert r.code == 1 and "is not after WRT was earned (2018-06-01)" in r.err
    r = ceclog("holder", "--cec-due", "2019-06-05", today="2024-01-01")
    assert r.code == 0
    assert "the notice's due date 2019-06-05 has passed" in r.err
    r = ceclog("holder", "--cec-due", "2026-06-05", today="2024-01-01")
    req = status(ceclog, "2024-01-01")
    assert req["notices"] == [
        "your renewal notice gives 2026-06-05 (noted 2024-01-01): this cycle runs 2022-06-06 "
        "to 2026-06-05"
    ]


def test_cert_end_says_what_it_changes(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"), ("MWR", "2025-05-10"), since="2023-09-15")
    r = ceclog("cert", "end", "MWR", "--on", "2026-06-01")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "Recorded that MWR ended on 2026-06-01: it was held until 2026-05-31.",
        "Your cycle 2023-09-15 to 2027-05-09 keeps its due date; after it, 14.0 CECs every 48 "
        "months (was 14.0 every 24 months).",
    ]


def test_one_progress_bar_everywhere(ceclog: Ceclog, ledger_path: Path) -> None:
    # 13.5 of 14 is 96.4%: rounded down to 96%, nine tenths of the bar; a full bar only when met
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        since="2023-09-15",
        body=entry_block(1, "2024-01-10", "13.5"),
    )
    assert "[#########.]  96%" in ceclog("status").out
    assert "`[#########.]` 96%" in ceclog("export", "--format", "md").out


def test_a_certifications_own_cec_due_is_reported_when_the_rules_ignore_it(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"))
    text = ledger_path.read_text().replace(
        "earned = 2023-09-15", "earned = 2023-09-15\ncec_due = 2027-01-01"
    )
    ledger_path.write_text(text)
    r = ceclog("check")
    assert "warning: certification WRT has a cec_due, which the iicrc rules do not use" in r.out
