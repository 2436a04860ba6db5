"""Deadlines that never move on their own, and every change to them said out loud (issue 18,
docs/numbers.md as revised): a renewal notice's cycle does not move as time passes, the track that
governs today names the requirement, a track of the same length with more credits raises the
running cycle's requirement, and `cert add`, `cert end`, `cert rm` and `holder --cec-due` say
which cycle ended when, met or not, what is now due, and which credits moved.  Every figure is
worked out by hand in the comments; the CLI is driven as a user would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Ceclog, make_ledger


def status(ceclog: Ceclog, today: str, ledger: Path | None = None) -> dict[str, Any]:
    kw: dict[str, Any] = {"today": today}
    if ledger is not None:
        kw["ledger"] = ledger
    r = ceclog("status", "--json", **kw)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    return req  # type: ignore[no-any-return]


def entry(n: int, date: str, hours: str) -> str:
    return f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "Class {n}"\nhours = {hours}\n'


def test_a_renewal_notice_cycle_never_moves_with_time(ceclog: Ceclog) -> None:
    """The issue's case: WRT earned 2018-06-01; on 2023-02-01 the notice's due date 2028-03-31
    is recorded; a 10 h class on 2023-03-01.  One technician cycle (48 months) before the day
    after 2028-03-31 is 2024-04-01, after the noted day 2023-02-01: the notice gives more than
    one cycle of time, so its cycle starts where the cycle of the earned dates holding the noted
    day starts: 2018-06-01 + 48 months = 2022-06-01.  The cycle is 2022-06-01 to 2028-03-31
    with 10.0 counted on every day (it moved to 2024-04-01 with 0 counted before the fix)."""
    assert ceclog("init", "--name", "Dana Reyes", today="2023-02-01").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2018-06-01", today="2023-02-01").code == 0
    assert ceclog("holder", "--cec-due", "2028-03-31", today="2023-02-01").code == 0
    r = ceclog("add", "Drying", "--date", "2023-03-01", "--hours", "10", today="2023-03-01")
    assert r.code == 0, r.err
    for today, days_left in (
        ("2023-03-01", 1857),
        ("2024-03-31", 1461),
        ("2024-04-01", 1460),
        ("2027-01-01", 455),
    ):
        req = status(ceclog, today)
        assert (req["cycle_start"], req["due"], req["counted"], req["days_left"]) == (
            "2022-06-01",
            "2028-03-31",
            10.0,
            days_left,
        ), today
    text = ceclog("status", today="2024-04-01").out
    assert "technician (WRT)  2022-06-01 to 2028-03-31" in text
    assert (
        "your renewal notice gives 2028-03-31 (noted 2023-02-01), more than one technician "
        "cycle (48 months) after that day: this cycle is counted from 2022-06-01" in text
    )


def test_a_designation_earned_before_the_noted_day_is_said_with_the_credits_it_moves(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT 2023-09-15, classes of 4 h (2024-02-09) and 6 h (2025-04-17); the notice 2027-09-14
    noted 2026-01-10.  Recording MWR earned 2025-01-01, before the noted day: the notice
    reflects it, so its cycle is one master cycle (24 months) long: 2025-09-15 to 2027-09-14,
    and the cycle before it, 2023-09-15 to 2025-09-14, is not judged.  The 10.0 counted become
    0.0 in the running cycle, and `cert add` says so, naming both entries."""
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        since="2023-09-15",
        body=entry(1, "2024-02-09", "4") + entry(2, "2025-04-17", "6"),
    )
    text = ledger_path.read_text().replace(
        "tracking_since = 2023-09-15",
        "tracking_since = 2023-09-15\ncec_due = 2027-09-14\ncec_due_noted = 2026-01-10",
    )
    ledger_path.write_text(text)
    before = status(ceclog, "2026-02-01")
    assert (before["cycle_start"], before["due"], before["counted"]) == (
        "2023-09-15",
        "2027-09-14",
        10.0,
    )
    r = ceclog("cert", "add", "MWR", "--earned", "2025-01-01", today="2026-02-01")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2:] == [
        "Your cycle 2023-09-15 to 2027-09-14 now ends on 2025-09-14, which has passed: 10.0 of "
        "14.0 CECs, not judged (it lies before the cycle of your renewal notice), so entries 1 "
        "and 2 in it count toward no deadline.",
        "Now due: 14.0 CECs by 2027-09-14 (the cycle 2025-09-15 to 2027-09-14): 0.0 counted, "
        "14.0 to go; after that, 14.0 CECs every 24 months.",
    ]
    after = status(ceclog, "2026-02-01")
    assert (after["track"], after["cycle_start"], after["due"], after["counted"]) == (
        "master",
        "2025-09-15",
        "2027-09-14",
        0.0,
    )


def test_cert_add_says_which_cycle_ended_met_or_not_and_what_is_now_due(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    """The sample ledger (WRT 2023-09-15, 11.5 CECs counted, a planned class on 2027-03-10):
    MWR earned 2024-06-30 ends the running cycle on the earlier of 2027-09-14 and 2024-06-30 +
    24 months - 1 day = 2026-06-29, which has passed with 11.5 of 14.0: overdue, 2.5 short,
    renewal by email before 2026-06-29 + 24 months = 2028-06-29.  The next cycle, 2026-06-30 to
    2028-06-29, is now due; the planned class falls in it.  Before the fix this printed
    "Your cycle now ends 2028-06-29 (was 2027-09-14)"."""
    import shutil

    examples = Path(__file__).parent.parent / "examples"
    shutil.copytree(examples, tmp_path / "examples")
    ledger = tmp_path / "examples" / "ledger.toml"
    r = ceclog("cert", "add", "MWR", "--earned", "2024-06-30", ledger=ledger, today="2026-12-07")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2:] == [
        "Your cycle 2023-09-15 to 2027-09-14 now ends on 2026-06-29, which has passed: 11.5 of "
        "14.0 CECs, not met.",
        "Now due: 14.0 CECs by 2028-06-29 (the cycle 2026-06-30 to 2028-06-29): 0.0 counted, "
        "14.0 to go; after that, 14.0 CECs every 24 months.",
        "You are now OVERDUE: the cycle 2023-09-15 to 2026-06-29 ended 2.5 CECs short; renew "
        "by email before 2028-06-29 (record a class taken since with ceclog add TITLE --date "
        "DATE --hours H --for-cycle previous).",
        "Planned entry 5 now falls in the cycle 2026-06-30 to 2028-06-29, not 2023-09-15 to "
        "2027-09-14.",
    ]
    # and `cert rm` says what undoing it did
    r = ceclog("cert", "rm", "MWR", ledger=ledger, today="2026-12-07")
    assert r.code == 0, r.err
    assert r.out.splitlines()[1:] == [
        "Your cycle 2023-09-15 to 2026-06-29 now ends later, on 2027-09-14, and requires 14.0 "
        "CECs: 11.5 counted, 2.5 to go; after that, 14.0 CECs every 48 months.",
        "The lapse of the cycle ending 2026-06-29 is no longer shown: the schedule changed, and "
        "that cycle no longer ends then.",
        "The requirement was OVERDUE; it is now on track.",
        "Planned entry 5 now falls in the cycle 2023-09-15 to 2027-09-14, not 2026-06-30 to "
        "2028-06-29.",
    ]


def test_holder_cec_due_says_what_the_notice_changed(ceclog: Ceclog, ledger_path: Path) -> None:
    """WRT 2023-09-15, 11.5 h counted: a notice due 2027-08-31 (noted today, 2026-11-22) ends the
    running cycle on 2027-08-31 instead of 2027-09-14 (one technician cycle before it starts
    2023-09-01, before WRT was earned: the cycle starts 2023-09-15)."""
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        since="2023-09-15",
        body=entry(1, "2024-02-09", "4") + entry(2, "2025-04-17", "7.5"),
    )
    r = ceclog("holder", "--cec-due", "2027-08-31")
    assert r.code == 0, r.err
    assert (
        "Your cycle 2023-09-15 to 2027-09-14 now ends earlier, on 2027-08-31, and requires 14.0 "
        "CECs: 11.5 counted, 2.5 to go; after that, 14.0 CECs every 48 months." in r.out
    )
    req = status(ceclog, "2026-11-22")
    assert (req["cycle_start"], req["due"]) == ("2023-09-15", "2027-08-31")


RULES_MORE_CREDITS = """\
name = "more-credits"
title = "A test profile: inspectors need 20 CECs every 24 months, masters 14"
source = ["tests"]
checked = 2026-12-07
effective = "tests"
hours_per_credit = 1
increment = 0.5
pool = "holder"
[kinds.course]
[certifications]
MWR = "Master Water Restorer"
CTI = "Carpet Inspector"
[[tracks]]
name = "master"
title = "Masters"
certifications = ["MWR"]
credits = 14
cycle_months = 24
[[tracks]]
name = "inspector"
title = "Inspectors"
certifications = ["CTI"]
credits = 20
cycle_months = 24
"""


def test_a_track_of_the_same_length_with_more_credits_raises_the_running_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """MWR earned 2024-01-01: master cycle 2024-01-01 to 2025-12-31, 14 required; 15 h taken in
    2024.  CTI earned 2025-01-01 puts the holder on the inspector track (24 months too, 20
    credits): from that day it governs, and the running cycle keeps its dates and requires 20:
    15 of 20, 5 to go.  On 2025-06-01: 213 days left; one full pace step of 12 months done,
    so the pace is 20 x 12/24 = 10 <= 15: on track.  The requirement is named inspector."""
    (ledger_path.parent / "more-credits.toml").write_text(RULES_MORE_CREDITS)
    make_ledger(
        ledger_path,
        ("MWR", "2024-01-01"),
        rules="more-credits.toml",
        since="2024-01-01",
        body=entry(1, "2024-03-01", "15"),
    )
    before = status(ceclog, "2025-06-01")
    assert (before["track"], before["required"], before["state"]) == ("master", 14.0, "met")
    r = ceclog("cert", "add", "CTI", "--earned", "2025-01-01", today="2025-06-01")
    assert r.code == 0, r.err
    assert r.out.splitlines()[2:] == [
        "Your cycle 2024-01-01 to 2025-12-31 keeps its dates and now requires 20.0 CECs (was "
        "14.0): 15.0 counted, 5.0 to go; after that, 20.0 CECs every 24 months.",
        "The requirement was met; it is now on track.",
    ]
    req = status(ceclog, "2025-06-01")
    assert (req["track"], req["cycle_track"], req["cycle_start"], req["due"]) == (
        "inspector",
        "inspector",
        "2024-01-01",
        "2025-12-31",
    )
    assert (req["required"], req["counted"], req["remaining"], req["days_left"]) == (
        20.0,
        15.0,
        5.0,
        213,
    )
    assert req["state"] == "on_track"
    assert req["notices"] == [
        "CTI, earned 2025-01-01, puts you on the inspector track: this cycle requires 20.0 CECs "
        "by 2025-12-31; after that, 20.0 CECs every 24 months"
    ]


def test_a_late_class_is_never_dated_after_today_nor_inside_its_lapse(ceclog: Ceclog) -> None:
    """WRT earned 2018-06-01, 9 h in 2020: the cycle to 2022-05-31 lapsed 5.0 short.  On
    2022-11-30 a class dated 2023-05-01 (after today) cannot be applied to the lapse (before
    the fix it was accepted and cured it).  A late class of 2022-11-01 is; editing its date to
    2023-01-01 (after today) is refused, and to 2022-05-01 (inside the lapsed cycle) removes its
    for_cycle and says so: it counts by its date."""
    assert ceclog("init", "--name", "A B", today="2018-06-01").code == 0
    assert ceclog("cert", "add", "WRT", "--earned", "2018-06-01", today="2018-06-01").code == 0
    assert (
        ceclog("add", "Old", "--date", "2020-01-01", "--hours", "9", today="2020-01-01").code == 0
    )
    late = ("add", "Catch-up", "--hours", "5", "--for-cycle", "previous")
    r = ceclog(*late, "--date", "2023-05-01", today="2022-11-30")
    assert r.code == 1
    assert "entry 2 is dated 2023-05-01, after today: a class not taken yet cannot make up" in r.err
    assert status(ceclog, "2022-11-30")["state"] == "overdue"
    r = ceclog(*late, "--date", "2022-11-01", today="2022-11-30")
    assert r.code == 0, r.err
    # 9 + 5 = 14: met, but nothing of it sent to the body yet
    req = status(ceclog, "2022-11-30")
    assert (req["state"], req["lapse"], req["to_submit"]["cycle_due"]) == (
        "to_submit",
        None,
        "2022-05-31",
    )
    r = ceclog("edit", "2", "--date", "2023-01-01", today="2022-11-30")
    assert r.code == 1 and "after today" in r.err
    r = ceclog("edit", "2", "--date", "2022-05-01", today="2022-11-30")
    assert r.code == 0, r.err
    assert (
        "warning: entry 2 is now dated 2022-05-01, not after the cycle ending 2022-05-31 it was "
        "applied to: it counts toward the cycle of its date, and for_cycle is removed" in r.err
    )
    listed = json.loads(ceclog("list", "--json", today="2022-11-30").out)
    assert [(e["id"], e["for_cycle"], e["counted"]) for e in listed] == [
        (1, None, 9.0),
        (2, None, 5.0),
    ]


def test_a_hand_written_late_entry_after_today_cures_nothing(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """The same lapse, written by hand: a class dated 2023-05-01 with for_cycle = 2022-05-31,
    seen on 2022-11-30, counts toward no cycle (with the reason), the requirement stays overdue
    (9 of 14), and `check` names it."""
    body = entry(1, "2020-01-01", "9") + entry(2, "2023-05-01", "5") + "for_cycle = 2022-05-31\n"
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=body)
    req = status(ceclog, "2022-11-30")
    assert req["state"] == "overdue" and req["lapse"]["counted"] == 9.0
    assert req["uncounted"] == [
        {
            "id": 2,
            "reason": "dated 2023-05-01, after today: a class not taken yet cannot make up for "
            "the cycle ending 2022-05-31",
        }
    ]
    found = json.loads(ceclog("check", "--json", today="2022-11-30").out)
    assert "late-in-future" in {f["code"] for f in found}


def test_dates_past_the_last_computable_day_are_refused_clearly(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """`--today 9999-12-31` stopped status, list, plan, export and calendar with exit 70 (a
    cycle running past the year 9999).  Now: one message, exit 1, for each; a ledger date after
    9989-12-31 is an error with its line, and `team` shows that ledger as an error row."""
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")
    for args in (
        ["status"],
        ["list"],
        ["plan"],
        ["export", "--format", "md"],
        ["calendar"],
        ["team", str(ledger_path)],
    ):
        r = ceclog(*args, today="9999-12-31")
        assert r.code == 1, (args, r.err)
        assert "--today '9999-12-31' is after 9989-12-31, the last date ceclog computes" in r.err
    assert ceclog("status", today="9989-12-31").code == 0
    far = ledger_path.parent / "far.toml"
    make_ledger(far, ("WRT", "2023-09-15"), since="2023-09-15", cec_due="9999-12-31")
    r = ceclog("status", ledger=far)
    assert r.code == 1
    assert r.err.startswith(f"error: {far}:8: holder.cec_due: 9999-12-31 is after 9989-12-31")
    r = ceclog("team", str(ledger_path), str(far), "--json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)["rows"]
    assert sorted(row["state"] for row in rows) == ["behind", "error"]  # 0 of 14 on 2026-11-22


def test_a_notice_noted_after_the_day_asked_about_was_not_known_then(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """`--today` before the day a notice was noted: the notice did not exist yet, so the cycles
    are those of the earned dates (Hypothesis found a designation added on such a day moving
    the deadline later: 2013-01-01 to 2015-01-01).  WRT 2012-01-01; notice 2015-01-01 noted
    2013-01-02: on 2012-06-01 the cycle is 2012-01-01 to 2015-12-31, on 2013-06-01 the
    notice's (48 months before 2015-01-02 is 2011-01-02, before WRT: from 2012-01-01)."""
    make_ledger(ledger_path, ("WRT", "2012-01-01"), since="2012-01-01")
    text = ledger_path.read_text().replace(
        "tracking_since = 2012-01-01",
        "tracking_since = 2012-01-01\ncec_due = 2015-01-01\ncec_due_noted = 2013-01-02",
    )
    ledger_path.write_text(text)
    early = status(ceclog, "2012-06-01")
    assert (early["cycle_start"], early["due"], early["notices"]) == (
        "2012-01-01",
        "2015-12-31",
        [],
    )
    later = status(ceclog, "2013-06-01")
    assert (later["cycle_start"], later["due"]) == ("2012-01-01", "2015-01-01")
