"""`ceclog reconcile`: the body's record against the ledger.  The figures are worked out by hand
in the comments (iicrc rules: 1 h = 1 CEC, steps of 0.5; WRT earned 2022-06-01 with a 48-month
cycle: 2022-06-01 to 2026-05-31, then 2026-06-01 to 2030-05-31; today 2026-11-22)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import docs_pages
from ceclog.core.ledger.models import Certification, Entry, Holder, Ledger
from ceclog.core.reconcile.compare import find_target, reconcile
from ceclog.core.schedule.engine import evaluate
from ceclog.store.rules import load_rules
from conftest import Ceclog, make_ledger

ENTRIES = """
[[entries]]
id = 1
date = 2023-01-10
title = "Water restoration refresher"
hours = 4
submitted = 2023-01-20
posted = 2023-02-01

[[entries]]
id = 2
date = 2024-03-05
title = "Thermal imaging"
hours = 2.5
submitted = 2024-03-10
posted = 2024-04-30

[[entries]]
id = 3
date = 2025-06-01
title = "Mold remediation update"
hours = 3
submitted = 2025-06-05

[[entries]]
id = 4
date = 2026-05-20
title = "Drying science"
hours = 1.5
submitted = 2026-05-25
posted = 2026-06-10

[[entries]]
id = 5
date = 2026-07-01
title = "Odor control"
hours = 2
submitted = 2026-07-02
posted = 2026-08-01

[[entries]]
id = 6
date = 2026-08-10
title = "Safety webinar"
hours = 1
submitted = 2026-08-11

[[entries]]
id = 7
date = 2026-09-01
title = "Contents cleaning"
hours = 2
submitted = 2026-09-02

[[entries]]
id = 8
date = 2026-09-15
title = "Carpet repair"
hours = 3
submitted = 2026-09-16
"""


def ledger(path: Path, body: str = ENTRIES, rules: str = "iicrc") -> Path:
    return make_ledger(path, ("WRT", "2022-06-01"), rules=rules, body=body)


def rec(ceclog: Ceclog, *args: str) -> tuple[int, dict[str, object]]:
    r = ceclog("reconcile", *args, "--json")
    assert r.code in (0, 1), r.err
    return r.code, json.loads(r.out)


def test_an_entry_posted_on_the_assertion_day_counts_the_day_after_does_not(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger(ledger_path)
    # end of 2024-04-30: entry 1 (4.0, posted 2023-02-01) + entry 2 (2.5, posted that day) = 6.5
    code, doc = rec(ceclog, "--track", "technician", "--portal", "6.5", "--on", "2024-04-30")
    assert code == 0 and doc["agrees"] is True and doc["difference"] == 0.0
    assert doc["ceclog"] == {"posted": 6.5, "posted_entries": [1, 2], "submitted_not_posted": []}
    assert doc["cycle"] == {"start": "2022-06-01", "due": "2026-05-31"}
    # the day before it was posted: only entry 1, 4.0; the body's 6.5 is 2.5 more, which entry 2
    # (submitted 2024-03-10, not posted by then) makes up
    code, doc = rec(ceclog, "--portal", "6.5", "--on", "2024-04-29")
    assert code == 1 and doc["difference"] == 2.5 and doc["ceclog"]["posted"] == 4.0
    assert doc["explanations"] == [
        {
            "entries": [2],
            "credits": 2.5,
            "kind": "not_marked_posted",
            "command": "ceclog posted 2 --on 2024-04-29",
        }
    ]


def test_an_assertion_in_a_new_cycle_sees_only_that_cycle(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger(ledger_path)
    # last day of the old cycle: 4.0 + 2.5 = 6.5 (entry 4 is posted only on 2026-06-10)
    assert rec(ceclog, "--portal", "6.5", "--on", "2026-05-31")[0] == 0
    # first day of the new cycle: nothing of it is posted yet (entry 5 is posted 2026-08-01)
    code, doc = rec(ceclog, "--portal", "0", "--on", "2026-06-01")
    assert code == 0 and doc["cycle"] == {"start": "2026-06-01", "due": "2030-05-31"}
    assert doc["ceclog"]["posted"] == 0.0
    # on 2026-08-01: entry 5 alone, 2.0 (the old cycle's 6.5 and entry 4's 1.5 are not in it)
    code, doc = rec(ceclog, "--portal", "2", "--on", "2026-08-01")
    assert code == 0 and doc["ceclog"]["posted_entries"] == [5]


def test_one_several_and_no_explanations(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger(ledger_path)
    # today, new cycle: posted 2.0 (entry 5); submitted, not posted: 6 (1.0), 7 (2.0), 8 (3.0)
    code, doc = rec(ceclog, "--portal", "3")  # +1.0: entry 6 alone
    assert code == 1 and [x["entries"] for x in doc["explanations"]] == [[6]]
    assert doc["ceclog"]["submitted_not_posted"] == [6, 7, 8]
    code, doc = rec(ceclog, "--portal", "5")  # +3.0: entry 8, or entries 6 and 7
    assert [x["entries"] for x in doc["explanations"]] == [[8], [6, 7]]
    assert doc["explanations"][1]["command"] == "ceclog posted 6 7 --on 2026-11-22"
    code, doc = rec(ceclog, "--portal", "8")  # +6.0: 6 + 7 + 8 = 1 + 2 + 3
    assert [x["entries"] for x in doc["explanations"]] == [[6, 7, 8]]
    code, doc = rec(ceclog, "--portal", "2.5")  # +0.5: no entry counts 0.5
    assert code == 1 and doc["explanations"] == []
    r = ceclog("reconcile", "--portal", "2.5")
    assert "the body may know a class ceclog does not" in r.out and "ceclog add" in r.out
    # the body shows less: 0.0 is 2.0 less, entry 5 is marked posted and the body lacks it
    code, doc = rec(ceclog, "--portal", "0")
    assert doc["difference"] == -2.0
    assert doc["explanations"][0]["entries"] == [5]
    assert doc["explanations"][0]["kind"] == "posted_not_shown"
    # the fix it names is a real command: clearing the posted date makes the figures agree
    assert doc["explanations"][0]["command"] == "ceclog edit 5 --clear posted"
    assert ceclog("edit", "5", "--clear", "posted").code == 0
    assert rec(ceclog, "--portal", "0")[0] == 0


def test_a_capped_event_is_counted_differently_from_what_it_states(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # iicrc-2012: 7 h per CEC, at most 2 per event.  Entry 1 states 3 credits, counts 2.0
    # (capped); entry 2, 7 h, counts 1.0.  Posted: 2.0 + 1.0 = 3.0
    body = """
[[entries]]
id = 1
date = 2026-07-10
title = "Convention"
kind = "event"
credits = 3
submitted = 2026-07-11
posted = 2026-08-01

[[entries]]
id = 2
date = 2026-07-20
title = "Class"
hours = 7
submitted = 2026-07-21
posted = 2026-08-01
"""
    ledger(ledger_path, body, rules="iicrc-2012")
    code, doc = rec(ceclog, "--portal", "3")
    assert code == 0
    # the body shows 4.0: 1.0 more, what entry 1 states beyond what it counts (3 - 2)
    code, doc = rec(ceclog, "--portal", "4")
    assert doc["explanations"] == [
        {"entries": [1], "credits": 1.0, "kind": "counted_differently", "command": None}
    ]
    r = ceclog("reconcile", "--portal", "4")
    assert "entry 1 (2026-07-10 Convention) states 3.0 and counts 2.0" in r.out
    assert "capped at 2 per event" in r.out


def test_usage_errors_exit_2_and_write_nothing(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger(ledger_path)
    before = ledger_path.read_bytes()
    for args, words in [
        (["--portal", "-1"], "cannot be negative"),
        (["--portal", "abc"], "is not a number"),
        ([], "--portal N"),
        (["--portal", "1", "--track", "nope"], "track 'nope'"),
        (["--portal", "1", "--track", "master"], "no certification of the master track"),
        (["--portal", "1", "--cert", "ASD"], "ASD is not recorded"),
        (["--portal", "1", "--on", "2027-01-01"], "after today"),
        (["--portal", "1", "--source", "x"], "go with --record"),
        # exit 1 means "the figures differ": a bad date or a missing file must not look like it
        (["--portal", "1", "--on", "2026-02-30"], "February 2026 has 28 days"),
        (["--transcript", "gone.csv"], "--transcript gone.csv: no such file"),
        (["--portal", "1", "--transcript", "gone.csv"], "not both"),
    ]:
        r = ceclog("reconcile", *args)
        assert r.code == 2, (args, r.err)
        assert words in r.err, (args, r.err)
    assert ledger_path.read_bytes() == before


HAND = """
# my own note about the portal  (kept)
[[entries]]
id = 1
date = 2026-07-01
title = "Odor control"
hours = 2   # two hours
submitted = 2026-07-02
posted = 2026-08-01
"""


def test_record_appends_one_undoable_assertion_keeping_comments(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    ledger(ledger_path, HAND)
    ledger_path.write_text(ledger_path.read_text().replace("version = 1", "version = 5"))
    before = ledger_path.read_bytes()
    shot = tmp_path / "portal.png"
    shot.write_bytes(b"\x89PNG screenshot")
    r = ceclog(
        "reconcile",
        "--portal",
        "2",
        "--on",
        "2026-11-01",
        "--record",
        "--source",
        "IICRC portal",
        "--evidence",
        str(shot),
    )
    assert r.code == 0, r.err
    text = ledger_path.read_text()
    assert "# my own note about the portal  (kept)" in text and "hours = 2   # two hours" in text
    assert "version = 6\n" in text  # its first assertion makes the file version 6
    assert text.endswith(
        '[[assertions]]\ndate = 2026-11-01\ntrack = "technician"\nposted = 2\n'
        'source = "IICRC portal"\n\n[[assertions.evidence]]\n'
        'file = "evidence/2026-11-01_assertion_technician.png"\nname = "portal.png"\n'
        f'sha256 = "{__import__("hashlib").sha256(shot.read_bytes()).hexdigest()}"\n'
    )
    assert (tmp_path / "evidence" / "2026-11-01_assertion_technician.png").is_file()
    assert ceclog("check").code == 0
    # the same figure of the same day again: nothing is written, nothing is copied
    recorded = ledger_path.read_bytes()
    r = ceclog("reconcile", "--portal", "2", "--on", "2026-11-01", "--record")
    assert r.code == 0 and "already recorded" in r.err and ledger_path.read_bytes() == recorded
    assert ceclog("undo").code == 0
    assert ledger_path.read_bytes() == before


def test_a_broken_reconciliation_is_a_warning_at_its_line_and_an_error_with_strict(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger(ledger_path, HAND)
    assert ceclog("reconcile", "--portal", "2", "--on", "2026-11-01", "--record").code == 0
    # a later edit moves the posted date after the assertion: ceclog now counts 0.0 by then
    ledger_path.write_text(
        ledger_path.read_text().replace("posted = 2026-08-01", "posted = 2026-11-05")
    )
    line = ledger_path.read_text().splitlines().index("posted = 2") + 1
    r = ceclog("check")
    assert r.code == 0
    assert (
        f"{ledger_path}:{line}: warning: assertion of 2026-11-01 (technician): the body showed "
        "2.0 CECs posted, ceclog counts 0.0 posted by then: a difference of +2.0"
    ) in r.out
    assert "ceclog reconcile --track technician --portal 2.0 --on 2026-11-01" in r.out
    r = ceclog("check", "--strict")
    assert r.code == 1 and f"{ledger_path}:{line}: error: assertion of 2026-11-01" in r.out
    r = ceclog("status")  # reports are never blocked
    assert r.code == 0 and "assertion" in r.err


def test_bad_assertions_are_refused_at_their_line(ceclog: Ceclog, ledger_path: Path) -> None:
    for assertion, words in [
        ('date = 2026-11-01\ntrack = "technician"\nposted = -1', "must be at least 0"),
        ('date = 2026-11-01\ntrack = "technician"\nposted = "8"', "must be a number"),
        ('date = "2026-11-01"\ntrack = "technician"\nposted = 8', "must be a date"),
        ('date = 2026-11-01\ntrack = "technician"\ncert = "WRT"\nposted = 8', "not both"),
        ("date = 2026-11-01\nposted = 8", "not both"),
        ('date = 2026-11-01\ntrack = "wizard"\nposted = 8', "track 'wizard'"),
        ('date = 2026-11-01\ncert = "XYZ"\nposted = 8', "XYZ is not known"),
    ]:
        ledger(ledger_path, HAND + "\n[[assertions]]\n" + assertion + "\n")
        line = ledger_path.read_text().splitlines().index("[[assertions]]") + 1
        r = ceclog("check")
        assert r.code == 1, (assertion, r.out)
        where = [ln for ln in r.out.splitlines() if words in ln]
        assert where, (assertion, r.out)
        number = int(where[0].split(":")[1])
        assert line <= number <= line + 4, (assertion, r.out)


def test_status_nudges_when_it_is_time_to_reconcile(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger(ledger_path, HAND)
    # no assertion and the due date (2030-05-31) is far: nothing to say
    assert "reconcile" not in ceclog("status").err
    # due 2026-05-31 seen from 2026-01-01: 150 days, never checked
    r = ceclog("status", today="2026-01-01")
    assert "due in 150 days, and ceclog was never checked against the body's record" in r.err
    assert "ceclog reconcile --track technician --portal N" in r.err
    # and the same reminder in status --json, under "reminders" (none when far from due)
    doc = json.loads(ceclog("status", "--json", today="2026-01-01").out)
    assert len(doc["reminders"]) == 1 and "due in 150 days" in doc["reminders"][0]
    assert json.loads(ceclog("status", "--json").out)["reminders"] == []
    # an assertion of 2026-08-01, and entry 2 submitted since (2026-08-20); 113 days later
    extra = (
        '\n[[entries]]\nid = 2\ndate = 2026-08-15\ntitle = "X"\nhours = 1\nsubmitted = 2026-08-20\n'
        '\n[[assertions]]\ndate = 2026-08-01\ntrack = "technician"\nposted = 2\n'
    )
    ledger(ledger_path, HAND + extra)
    r = ceclog("status")
    assert "entries were submitted since you last checked" in r.err and "113 days ago" in r.err
    assert "entries were submitted since" not in ceclog("status", today="2026-10-01").err


TRANSCRIPT_LEDGER = """
[[entries]]
id = 1
date = 2026-07-01
title = "Odor control"
hours = 2
submitted = 2026-07-02
posted = 2026-08-01

[[entries]]
id = 2
date = 2026-07-01
title = "Odor control"
hours = 2
submitted = 2026-07-02
posted = 2026-08-01

[[entries]]
id = 3
date = 2026-08-10
title = "Safety webinar"
hours = 1
submitted = 2026-08-11

[[entries]]
id = 4
date = 2026-09-01
title = "Contents cleaning"
hours = 2
"""


def test_a_transcript_matches_repeats_one_to_one(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    ledger(ledger_path, TRANSCRIPT_LEDGER)
    csv = tmp_path / "transcript.csv"
    # two identical classes on the transcript, two in the ledger: each matches one
    csv.write_text(
        "Date,Course,CECs\n07/01/2026,Odor Control,2\n07/01/2026,Odor Control,2\n"
        "08/11/2026,Safety webinar,1\n",
        encoding="utf-8",
    )
    r = ceclog("reconcile", "--transcript", str(csv))  # 07/01: July 1st or 7 January?
    assert r.code == 1 and "read two ways" in r.err
    (tmp_path / "us.toml").write_text('[dates]\ndate = "MM/DD/YYYY"\n')
    code, doc = rec(ceclog, "--transcript", str(csv), "--map", str(tmp_path / "us.toml"))
    rows = [(r["status"], r["entry"], r["line"] and r["line"]["row"]) for r in doc["rows"]]
    assert rows == [
        ("agrees", 1, 2),
        ("agrees", 2, 3),
        ("not_marked_posted", 3, 4),  # within 3 days, equal credits
        ("never_submitted", 4, None),
    ]
    # body: 2 + 2 + 1 = 5.0 in the cycle; ceclog: 4.0 posted: +1.0, entry 3
    assert code == 1 and doc["difference"] == 1.0 and doc["explanations"][0]["entries"] == [3]
    assert doc["body"] == {"posted": 5.0, "source": "transcript.csv"}
    # three on the transcript against two in the ledger: one is unknown to ceclog
    csv.write_text(
        "Date,Course,CECs\n07/01/2026,Odor Control,2\n07/01/2026,Odor Control,2\n"
        "07/01/2026,Odor Control,2\n",
        encoding="utf-8",
    )
    code, doc = rec(ceclog, "--transcript", str(csv), "--map", str(tmp_path / "us.toml"))
    statuses = [(r["status"], r["entry"]) for r in doc["rows"]]
    assert statuses[:3] == [("agrees", 1), ("agrees", 2), ("unknown", None)]
    unknown = doc["rows"][2]
    assert unknown["command"] == 'ceclog add "Odor Control" --date 2026-07-01 --credits 2.0'
    assert ("awaiting_body", 3) in statuses and ("never_submitted", 4) in statuses
    r = ceclog("reconcile", "--transcript", str(csv), "--map", str(tmp_path / "us.toml"))
    assert "unknown to ceclog: row 4: 2026-07-01 Odor Control 2.0" in r.out


def test_a_transcript_that_agrees_exits_0_and_other_credits_are_named(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    ledger(ledger_path, TRANSCRIPT_LEDGER.split("[[entries]]\nid = 3")[0])
    csv = tmp_path / "t.csv"
    csv.write_text(
        "Date;Title;Credits;Approval\n2026-07-01;Odor control;2;\n2026-07-01;Odor control;2;\n"
    )
    assert ceclog("reconcile", "--transcript", str(csv)).code == 0
    csv.write_text("Date;Title;Credits\n2026-07-01;Odor control;2\n2026-07-01;Odor control;1,5\n")
    code, doc = rec(ceclog, "--transcript", str(csv))
    assert code == 1
    other = [r for r in doc["rows"] if r["status"] == "other_credits"]
    assert len(other) == 1 and other[0]["command"] == "ceclog edit 2 --credits 1.5"


PERIOD_LEDGER = """
[[entries]]
id = 1
date = 2026-07-01
title = "Odor control"
hours = 2
submitted = 2026-07-02
posted = 2026-08-01

[[entries]]
id = 2
date = 2026-07-10
title = "Thermal imaging"
hours = 1.9
submitted = 2026-07-11
posted = 2026-08-01

[[entries]]
id = 3
date = 2026-08-10
title = "Safety webinar"
credits = 1
submitted = 2026-08-11
posted = 2026-09-01

[[entries]]
id = 4
date = 2025-03-01
title = "Old class"
hours = 3
submitted = 2025-03-02
posted = 2025-04-01
"""


def test_a_transcript_is_compared_over_the_figures_period_and_stated_credits(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    # cycle 2026-06-01..2030-05-31; --on 2026-10-01.  Entry 2 states 1.9 h and counts 1.5
    # (rounded down to 0.5); entry 4 counts in the previous cycle
    ledger(ledger_path, PERIOD_LEDGER)
    csv = tmp_path / "t.csv"
    csv.write_text(
        "Date,Title,Credits\n"
        "2026-07-01,Odor Control,2\n"  # entry 1: agrees
        "2026-07-11,Thermal Imaging Basics,1.9\n"  # entry 2, a day off, as it states
        "2026-08-10,Safety webinar,1.5\n"  # entry 3 (counts 1): other credits
        "2026-10-15,Later class,2\n"  # after --on: not compared
        "2025-03-01,Old class,3\n",  # the previous cycle: not compared
        encoding="utf-8",
    )
    code, doc = rec(ceclog, "--transcript", str(csv), "--on", "2026-10-01")
    rows = [(r["status"], r["entry"], r["line"] and r["line"]["row"]) for r in doc["rows"]]
    assert rows == [
        ("other_period", None, 6),
        ("agrees", 1, 2),
        ("counted_differently", 2, 3),
        ("other_credits", 3, 4),
        ("other_period", None, 5),
    ]
    commands = {r["entry"]: r["command"] for r in doc["rows"] if r["entry"]}
    assert commands == {1: None, 2: None, 3: "ceclog edit 3 --credits 1.5"}  # no edit fixes 2
    # body: 2 + 1.9 + 1.5 = 5.4 in the cycle up to 2026-10-01; ceclog: 2 + 1.5 + 1 = 4.5
    assert code == 1 and (doc["body"]["posted"], doc["ceclog"]["posted"]) == (5.4, 4.5)
    # the same classes as ceclog counts them, and a later one: the figures agree, exit 0
    csv.write_text(
        "Date,Title,Credits\n2026-07-01,Odor Control,2\n2026-07-10,Thermal imaging,1.5\n"
        "2026-08-10,Safety webinar,1\n2026-10-15,Later class,2\n",
        encoding="utf-8",
    )
    code, doc = rec(ceclog, "--transcript", str(csv), "--on", "2026-10-01")
    assert code == 0 and doc["agrees"] and doc["rows"][-1]["status"] == "other_period"
    r = ceclog("reconcile", "--transcript", str(csv), "--on", "2026-10-01")
    assert "outside the cycle up to that day (not compared): row 5" in r.out


def test_transcript_errors_name_every_bad_row_and_nothing_is_printed_before_an_error(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    ledger(ledger_path, PERIOD_LEDGER)
    before = ledger_path.read_bytes()
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "Date,Title,Credits\n2026-13-45,A,1\n2026-07-01,B,x\n2026-07-02,C,1\n2026-07-03,,1\n"
    )
    r = ceclog("reconcile", "--transcript", str(csv))
    assert r.code == 1 and r.out == ""
    assert r.err.splitlines()[:3] == [
        "error: bad.csv:2: '2026-13-45' is not a date",
        "bad.csv:3: credits 'x' is not a number",
        "bad.csv:5: the title is empty",
    ]
    r = ceclog("reconcile", "--transcript", str(csv), "--map", "gone.toml")
    assert r.code == 2 and "--map gone.toml: no such file" in r.err
    r = ceclog("reconcile", "--portal", "4.5", "--record", "--evidence", "gone.png")
    assert r.code == 1 and r.out == "" and "gone.png" in r.err
    assert ledger_path.read_bytes() == before


def test_a_transcript_explains_only_by_entries_no_line_agrees_with(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    # entry 5 counts 2 like entry 1; the transcript lists 1, 2 and 3 but not 5, nor entry 6,
    # which the ledger says was submitted on 2026-10-05 (after --on) and posted 2026-10-20
    more = (
        '\n[[entries]]\nid = 5\ndate = 2026-07-20\ntitle = "Drying"\nhours = 2\n'
        "submitted = 2026-07-21\nposted = 2026-08-01\n"
        '\n[[entries]]\nid = 6\ndate = 2026-09-20\ntitle = "Mold"\nhours = 1\n'
        "submitted = 2026-10-05\nposted = 2026-10-20\n"
    )
    ledger(ledger_path, PERIOD_LEDGER + more)
    csv = tmp_path / "t.csv"
    csv.write_text(
        "Date,Title,Credits\n2026-07-01,Odor Control,2\n2026-07-10,Thermal imaging,1.5\n"
        "2026-08-10,Safety webinar,1.7\n2026-09-20,Mold,1\n",
        encoding="utf-8",
    )
    code, doc = rec(ceclog, "--transcript", str(csv), "--on", "2026-10-01")
    assert code == 1
    # body 2 + 1.5 + 1.7 + 1 = 6.2; ceclog posted by then 2 + 1.5 + 1 + 2 = 6.5: -0.3.  No
    # entry makes up 0.3; entry 1 (2.0, agreed) is never offered as an explanation
    assert doc["difference"] == -0.3 and doc["explanations"] == []
    status = {r["entry"]: (r["status"], r["command"]) for r in doc["rows"] if r["entry"]}
    assert status[1] == ("agrees", None)
    assert status[5] == ("posted_not_on_transcript", "ceclog edit 5 --clear posted")
    # 1.7 stated would count 1.5 (steps of 0.5): no edit reaches the body's 1.7
    assert status[3] == ("other_credits", None)
    # credited by the body; the ledger says it was submitted only after --on: no posted fix
    assert status[6] == ("not_marked_posted", None)
    # without the line of entry 3, the body shows 2.0 less... entry 5 alone, not entry 1
    csv.write_text(
        "Date,Title,Credits\n2026-07-01,Odor Control,2\n2026-07-10,Thermal imaging,1.5\n"
        "2026-08-10,Safety webinar,1\n",
        encoding="utf-8",
    )
    _, doc = rec(ceclog, "--transcript", str(csv), "--on", "2026-10-01")
    assert doc["difference"] == -2.0 and [x["entries"] for x in doc["explanations"]] == [[5]]


def test_one_figure_per_day_and_requirement_is_recorded(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger(ledger_path, PERIOD_LEDGER)
    assert ceclog("reconcile", "--portal", "4.5", "--on", "2026-10-01", "--record").code == 0
    before = ledger_path.read_bytes()
    r = ceclog("reconcile", "--portal", "5", "--on", "2026-10-01", "--record")
    assert r.code == 1 and r.out == ""
    assert "an assertion of 2026-10-01 for technician already says the body showed 4.5" in r.err
    assert ledger_path.read_bytes() == before


# --- properties (Hypothesis) ---------------------------------------------------------------


START = dt.date(2022, 6, 1)  # WRT earned: cycles 2022-06-01..2026-05-31, 2026-06-01..2030-05-31
TODAY = dt.date(2026, 11, 22)
SPAN = (TODAY - START).days


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[Ledger, str, dt.date, int]:
    rules = draw(st.sampled_from(["iicrc", "iicrc-2012"]))
    entries = []
    for n in range(1, draw(st.integers(1, 10)) + 1):
        day = START + dt.timedelta(days=draw(st.integers(0, SPAN)))
        halves = draw(st.integers(0, 40))
        amount = {"credits" if draw(st.booleans()) else "hours": Decimal(halves) / 2}
        kind = draw(st.sampled_from(["course", "event", "online"]))
        event = draw(st.sampled_from([None, "Expo"]))  # shared events: the cycle-wide cap
        posted = None
        if draw(st.booleans()):
            posted = min(TODAY, day + dt.timedelta(days=draw(st.integers(0, 400))))
        entries.append(
            Entry(
                id=n,
                date=day,
                title=f"Class {n}",
                kind=kind,
                event=event,
                submitted=day,
                posted=posted,
                **amount,
            )
        )
    ledger = Ledger(
        version=6,
        holder=Holder(name="D", rules=rules, tracking_since=START),
        certifications=[Certification(code="WRT", earned=START)],
        entries=entries,
    )
    on = START + dt.timedelta(days=draw(st.integers(0, SPAN)))
    return ledger, rules, on, draw(st.integers(1, len(entries)))


@settings(max_examples=80, deadline=None)
@given(ledgers())
def test_an_assertion_of_ceclogs_own_figure_agrees_and_one_flip_moves_it_by_its_count(
    case: tuple[Ledger, str, dt.date, int],
) -> None:
    ledger, name, on, flip = case
    rules = load_rules(name).rules
    report = evaluate(ledger, rules, TODAY)
    target = find_target(report, rules, ledger, "technician", None)
    assert not isinstance(target, str)
    own = reconcile(report, target, ledger, rules, on, Decimal(0)).figure.posted
    before = reconcile(report, target, ledger, rules, on, own)
    assert before.agrees and before.difference == 0
    # flip one entry: posted by `on` -> not posted; not posted by then -> posted on `on`
    entry = ledger.entries[flip - 1]
    if entry.date > on:
        return  # a class after the day cannot have been posted by then
    was = entry.posted is not None and entry.posted <= on
    flipped = ledger.with_entry(replace(entry, posted=None if was else on))
    report2 = evaluate(flipped, rules, TODAY)
    target2 = find_target(report2, rules, flipped, "technician", None)
    assert not isinstance(target2, str)
    after = reconcile(report2, target2, flipped, rules, on, own)
    cycle = next(r for r in report.requirements[0].history if r.cycle.holds(on))
    counted = report.counted(entry.id) if entry.id in cycle.counted_ids else Decimal(0)
    assert after.difference - before.difference == (counted if was else -counted)


def test_the_docs_example_is_what_ceclog_prints(ceclog: Ceclog) -> None:
    root = Path(__file__).parent.parent
    r = ceclog(
        "reconcile",
        "--portal",
        "8.5",
        "--on",
        "2026-11-20",
        ledger=root / "examples" / "ledger.toml",
    )
    assert r.code == 1
    assert r.out in docs_pages.page("reconcile.md")


TEXAS = """
[[entries]]
id = 1
date = 2025-06-01
title = "Assessment update"
hours = 4
certifications = ["MAT"]
submitted = 2025-06-02
posted = 2025-07-01

[[entries]]
id = 2
date = 2026-03-01
title = "Remediation practice"
hours = 3
certifications = ["MRC"]
submitted = 2026-03-02
posted = 2026-04-01

[[entries]]
id = 3
date = 2026-09-01
title = "Containment"
hours = 2
certifications = ["MRC"]
submitted = 2026-09-02

[[assertions]]
date = 2026-05-01
cert = "MAT"
posted = 4
"""


def test_one_requirement_per_licence_is_reconciled_licence_by_licence(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    # texas-mold: one requirement per licence (pool = "certification"), 1 hour = 1 hour
    make_ledger(
        ledger_path, ("MAT", "2025-03-01"), ("MRC", "2026-01-15"), rules="texas-mold", body=TEXAS
    )
    # MAT: entry 1, 4 h, posted 2025-07-01: the body's 4 agrees
    code, doc = rec(ceclog, "--cert", "MAT", "--portal", "4")
    assert code == 0 and doc["track"] == "MAT" and doc["ceclog"]["posted_entries"] == [1]
    # the licence expires on the second anniversary (16 TAC §78.21(c)): due 2027-03-01
    assert doc["cycle"] == {"start": "2025-03-01", "due": "2027-03-01"}
    # MRC: entry 2 posted (3 h); entry 3 submitted, not posted; the body's 5 is 2 more: entry 3
    code, doc = rec(ceclog, "--cert", "MRC", "--portal", "5")
    assert code == 1 and doc["ceclog"]["posted"] == 3.0 and doc["difference"] == 2.0
    assert [x["entries"] for x in doc["explanations"]] == [[3]]
    # the track covers two requirements here: the licence must be named
    r = ceclog("reconcile", "--track", "licence", "--portal", "4")
    assert r.code == 2 and "name one with" in r.err
    # the MAT assertion (2026-05-01, 205 days ago) agrees, and only an MRC entry was submitted
    # since: no reminder for MAT; MRC is due 2028-01-15, far off: none for it either
    assert "assertion-failed" not in ceclog("check").out
    assert json.loads(ceclog("status", "--json").out)["reminders"] == []
