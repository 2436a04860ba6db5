"""What `status` and the commands that change the schedule say in words, where an independent
check of 54 hand-computed scenarios found them wrong or alarming although the figures were
right: a renewal window that had passed, two licences whose lines could not be told apart, a
later cycle's new length left unsaid, a "not met" for a period nobody owes anything for, the
send command for a body without a submission address."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, make_ledger


def _entry(n: int, date: str, hours: str, extra: str = "") -> str:
    return f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "Class {n}"\nhours = {hours}\n{extra}'


def test_after_the_reinstatement_date_no_renewal_by_email_is_offered(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT 2018-06-01, 9 h by 2022-05-31: lapsed 5.0 short; renewal by email until 2022-05-31 +
    24 months = 2024-05-31.  On 2025-01-01 (581 days after the lapse) that date has passed:
    status says reinstatement is required and no longer offers a late class."""
    make_ledger(
        ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=_entry(1, "2019-01-10", "9")
    )
    before = ceclog("status", today="2024-01-01").out
    assert "renew by email before 2024-05-31, after that the body requires reinstatement" in before
    assert "--for-cycle previous" in before
    r = ceclog("status", today="2025-01-01")
    assert (
        "technician: OVERDUE: the cycle 2018-06-01 to 2022-05-31 ended 946 days ago, 5.0 CECs "
        "short; since 2024-05-31 the body requires reinstatement, not renewal." in r.out
    )
    assert "renew by email before" not in r.out and "--for-cycle previous" not in r.out
    assert "technician: ask the body how to reinstate" in r.out


def test_two_licences_are_named_each_in_its_lines(ceclog: Ceclog, ledger_path: Path) -> None:
    """Texas, one requirement per licence: MAC and MRC earned 2023-05-01, both 8 h every 24
    months, due on the second anniversary, 2025-05-01.  Each line under the table names its
    licence (both began `licence:` before)."""
    make_ledger(
        ledger_path,
        ("MAC", "2023-05-01"),
        ("MRC", "2023-05-01"),
        rules="texas-mold",
        since="2023-05-01",
        body=_entry(1, "2024-06-01", "8", 'certifications = ["MAC"]\n'),
    )
    out = ceclog("status", today="2024-07-01").out
    assert "licence (MAC): requirement met for the cycle ending 2025-05-01." in out
    assert "licence (MRC): 8.0 hours still needed by 2025-05-01 (in 304 days)." in out
    r = ceclog(
        "add", "Class", "--date", "2024-06-15", "--hours", "2", "--cert", "MRC", today="2024-07-01"
    )
    assert "  licence (MAC): 8.0 of 8.0 hours counted" in r.out
    assert "  licence (MRC): 2.0 of 8.0 hours counted" in r.out


def test_a_stricter_track_too_late_to_shorten_the_cycle_says_what_follows(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT 2019-01-10: the cycle ends 2023-01-09.  MWR earned 2022-12-01 would end it on
    2024-11-30, later: the cycle keeps its due date, and after it 14.0 every 24 months (cert
    add said nothing of it before)."""
    make_ledger(ledger_path, ("WRT", "2019-01-10"), since="2019-01-10")
    r = ceclog("cert", "add", "MWR", "--earned", "2022-12-01", today="2023-01-01")
    assert r.out.splitlines()[2:] == [
        "Your cycle 2019-01-10 to 2023-01-09 keeps its due date; after it, 14.0 CECs every 24 "
        "months (was 14.0 every 48 months)."
    ]


def test_a_period_before_a_notice_is_not_called_unmet(ceclog: Ceclog, ledger_path: Path) -> None:
    """WRT 2017-04-01; the notice's due date 2022-06-30 (noted 2019-01-01): its cycle starts 48
    months before, 2018-07-01, 15 months after WRT was earned; the stretch before it is not
    judged.  Status calls it a period, not judged, without "not met"."""
    body = '\n[[entries]]\nid = 1\ndate = 2017-05-01\ntitle = "A"\nhours = 3\n'
    make_ledger(ledger_path, ("WRT", "2017-04-01"), since="2017-04-01", body=body)
    r = ceclog("holder", "--cec-due", "2022-06-30", today="2019-01-01")
    assert r.out.splitlines()[:3] == [
        "Your cycle 2017-04-01 to 2021-03-31 now ends on 2018-06-30, which has passed: 3.0 of "
        "14.0 CECs, not judged (it lies before the cycle of your renewal notice), so entry 1 in "
        "it counts toward no deadline.",
        "Now due: 14.0 CECs by 2022-06-30 (the cycle 2018-07-01 to 2022-06-30): 0.0 counted, "
        "14.0 to go; after that, 14.0 CECs every 48 months.",
        "The requirement was behind; it is now on track.",
    ]
    out = ceclog("status", today="2019-01-01").out
    assert "technician (WRT)  2018-07-01 to 2022-06-30" in out
    assert (
        "technician: previous period 2017-04-01 to 2018-06-30: 3.0 CECs counted; not judged (it "
        "lies before the cycle of your renewal notice)." in out
    )
    assert "not met" not in out


def test_a_first_stretch_of_weeks_before_a_notice_is_part_of_its_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT earned 2022-06-01; 7 h on 2022-06-15 and 7 h on 2023-07-15: met for the cycle ending
    2026-05-31.  On 2024-01-02 the notice gives 2026-06-30 (rounded to a month's end): 48 months
    before is 2022-07-01, so the first 30 days would be a period of their own and the June 2022
    class would count toward no deadline (a new user's report).  A first stretch of less than a
    year is part of the notice's cycle: 2022-06-01 to 2026-06-30, 14.0 of 14.0, met.  A
    corrected notice, 2026-03-31, ends it earlier; `--cec-due none`, on 2026-05-31 again."""
    body = (
        '\n[[entries]]\nid = 1\ndate = 2022-06-15\ntitle = "Drying"\nhours = 7\n'
        '\n[[entries]]\nid = 2\ndate = 2023-07-15\ntitle = "Odor"\nhours = 7\n'
    )
    make_ledger(ledger_path, ("WRT", "2022-06-01"), since="2022-06-01", body=body)
    r = ceclog("holder", "--cec-due", "2026-06-30", today="2024-01-02")
    assert r.out.splitlines()[0] == (
        "Your cycle 2022-06-01 to 2026-05-31 now ends later, on 2026-06-30, and requires 14.0 "
        "CECs: met; after that, 14.0 CECs every 48 months."
    )
    out = ceclog("status", today="2024-01-02").out
    assert "technician (WRT)  2022-06-01 to 2026-06-30" in out
    assert "requirement met for the cycle ending 2026-06-30" in out
    r = ceclog("holder", "--cec-due", "2026-03-31", today="2024-01-03")
    assert r.out.splitlines()[0] == (
        "Your cycle 2022-06-01 to 2026-06-30 now ends earlier, on 2026-03-31, and requires 14.0 "
        "CECs: met; after that, 14.0 CECs every 48 months."
    )
    r = ceclog("holder", "--cec-due", "none", today="2024-01-03")
    assert r.out.splitlines()[0] == (
        "Your cycle 2022-06-01 to 2026-03-31 now ends later, on 2026-05-31, and requires 14.0 "
        "CECs: met; after that, 14.0 CECs every 48 months."
    )


def test_a_body_without_a_submission_address_is_sent_a_transcript(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """Texas publishes no submission address: a met licence not sent 60 days before its due date
    is told to export a PDF transcript, not to email it."""
    make_ledger(
        ledger_path,
        ("MRW", "2023-05-01"),
        rules="texas-mold",
        since="2023-05-01",
        body=_entry(1, "2024-06-01", "4"),
    )
    r = ceclog("status", "--json", today="2025-03-01")
    (req,) = json.loads(r.out)["requirements"]
    assert req["state"] == "to_submit"
    assert req["to_submit"]["command"] == (
        "ceclog export --format pdf --unsubmitted --mark-submitted --output FILE.pdf, then send "
        "it as the body asks"
    )


def test_a_class_dated_after_today_counts_once_its_day_has_come(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT 2022-06-01, 10 h on 2023-01-10.  On 2025-05-01 a class of 4 h dated 2025-06-10 is
    recorded without --planned: it is not earned yet, so 10.0 of 14.0 (it counted, and showed
    met with exit 0, as a new user found); on 2025-06-10 it counts: 14.0, met."""
    make_ledger(
        ledger_path, ("WRT", "2022-06-01"), since="2022-06-01", body=_entry(1, "2023-01-10", "10")
    )
    r = ceclog(
        "add", "Drying next month", "--date", "2025-06-10", "--hours", "4", today="2025-05-01"
    )
    assert r.code == 0, r.err
    assert (
        "  counts 0.0 CECs: counts toward no cycle: dated 2025-06-10, after today: it counts once "
        "taken (still to come? ceclog edit 2 --planned)" in r.out
    )
    (req,) = json.loads(ceclog("status", "--json", today="2025-05-01").out)["requirements"]
    assert (req["counted"], req["met"], req["uncounted"][0]["id"]) == (10.0, False, 2)
    (req,) = json.loads(ceclog("status", "--json", today="2025-06-10").out)["requirements"]
    assert (req["counted"], req["met"], req["uncounted"]) == (14.0, True, [])


def test_old_classes_entered_after_init_can_be_judged_from_an_earlier_tracking_start(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """A new user's report: `init` on 2026-12-07 (tracking from that day), WRT earned 2022-06-01,
    then the certificates of that first cycle entered: 8.5 h on 2024-03-01.  The cycle
    2022-06-01 to 2026-05-31 ended before tracking started, so it is not judged, and `add` must
    not call it "5.5 CECs still short" while `status` says not judged.  Status says how to have
    it judged; `holder --tracking-since 2022-06-01` then judges it: 8.5 of 14.0, OVERDUE 5.5
    short, and says so as it changes.  A start after today is
    refused, and `init --tracking-since` sets it from the first day."""
    today = "2026-12-07"
    ceclog("init", "--name", "Tess Ng", today=today)
    ceclog("cert", "add", "WRT", "--earned", "2022-06-01", today=today)
    r = ceclog("add", "Old refresher", "--date", "2024-03-01", "--hours", "8.5", today=today)
    assert r.code == 0, r.err
    assert (
        "  technician: the cycle ending 2026-05-31 now has 8.5 of 14.0 CECs: not judged (it "
        "ended before this ledger's tracking started (2026-12-07))" in r.out.splitlines()
    )
    assert "still short" not in r.out
    r = ceclog("status", "--check", today=today)
    assert r.code == 0
    assert (
        "technician: if this ledger holds every class you took since 2022-06-01, `ceclog holder "
        "--tracking-since 2022-06-01` judges that period." in r.out.splitlines()
    )
    r = ceclog("holder", "--tracking-since", "2026-12-08", today=today)
    assert r.code != 0 and "--tracking-since 2026-12-08 is after today (2026-12-07)" in r.err
    r = ceclog("holder", "--tracking-since", "2022-06-01", today=today)
    assert r.code == 0, r.err
    assert "You are now OVERDUE: the cycle 2022-06-01 to 2026-05-31 ended 5.5 CECs short" in r.out
    assert "tracking_since  2022-06-01" in r.out
    r = ceclog("status", "--check", "--json", today=today)
    assert r.code == 4  # overdue
    req = json.loads(r.out)["requirements"][0]
    assert req["state"] == "overdue"
    other = ledger_path.with_name("other.toml")
    r = ceclog("init", "--name", "Ann Lee", "--tracking-since", "2020-01-01", ledger=other)
    assert "tracking from 2020-01-01" in r.out
    assert "tracking_since = 2020-01-01" in other.read_text()
