"""The commands driven as a user drives them: real ledger files, exact output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger


def test_init_creates_owner_only_ledger_and_refuses_to_overwrite(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    r = ceclog("init", "--name", "Dana Reyes", "--registrant-id", "1234567")
    assert r.code == 0, r.err
    assert ledger_path.stat().st_mode & 0o777 == 0o600
    text = ledger_path.read_text()
    assert 'name = "Dana Reyes"' in text
    assert "tracking_since = 2026-11-22" in text
    before = ledger_path.read_bytes()
    r = ceclog("init", "--name", "Someone Else")
    assert r.code == 1
    assert "already exists" in r.err
    assert ledger_path.read_bytes() == before


def test_init_with_unknown_rules_suggests_profiles(ceclog: Ceclog, ledger_path: Path) -> None:
    r = ceclog("init", "--name", "D", "--rules", "iicrc-2013")
    assert r.code == 1
    assert "no rules profile named 'iicrc-2013'" in r.err
    assert "did you mean iicrc-2012" in r.err
    assert not ledger_path.exists()


def test_first_session_workflow(ceclog: Ceclog, ledger_path: Path) -> None:
    assert ceclog("init", "--name", "Dana", "--rules", "iicrc-2012").code == 0
    r = ceclog("cert", "add", "wrt", "--earned", "2024-06-01")
    assert r.code == 0, r.err
    assert "Recorded WRT (Water Damage Restoration Technician), earned 2024-06-01." in r.out
    assert "technician track: 2.0 CECs every 48 months" in r.out

    r = ceclog(
        "add",
        "Three-day convention",
        "--date",
        "2025-03-01",
        "--hours",
        "21",
        "--kind",
        "conference",
        "--cert",
        "WRT",
        "--topic",
        "drying",
    )
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "Entry 1: 2025-03-01 Three-day convention",
        "  counts 2.0 CECs: 21 h ÷ 7 h per CEC = 3.0; capped at 2 per event",
        "  technician: 2.0 of 2.0 CECs counted, 0.0 remaining, due 2028-05-31 (met)",
    ]
    r = ceclog("add", "Half-day workshop", "--date", "2025-04-01", "--hours", "3.5")
    assert "Entry 2: 2025-04-01 Half-day workshop" in r.out
    assert "counts 0.5 CECs: 3.5 h ÷ 7 h per CEC = 0.5" in r.out
    assert "2.5 of 2.0 CECs counted" in r.out

    r = ceclog("list", "--json")
    rows = json.loads(r.out)
    assert [row["id"] for row in rows] == [1, 2]
    assert rows[0] == {
        "id": 1,
        "date": "2025-03-01",
        "title": "Three-day convention",
        "kind": "conference",
        "hours": 21.0,
        "credits": None,
        "provider": None,
        "approval": None,
        "topics": ["drying"],
        "certifications": ["WRT"],
        "notes": None,
        "planned": False,
        "submitted": None,
        "posted": None,
        "for_cycle": None,
        "evidence": [],
        "counted": 2.0,
        "explanation": "21 h ÷ 7 h per CEC = 3.0; capped at 2 per event",
    }


def test_status_json_shape_and_numbers(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(
        ledger_path,
        ("WRT", "2023-09-15"),
        since="2023-09-15",
        body="""
        [[entries]]
        id = 1
        date = 2024-02-09
        title = "Workshop"
        kind = "workshop"
        hours = 4

        [[entries]]
        id = 2
        date = 2024-10-02
        title = "Booth"
        kind = "booth"

        [[entries]]
        id = 3
        date = 2025-04-17
        title = "Webinar"
        kind = "webinar"
        hours = 2.75

        [[entries]]
        id = 4
        date = 2027-03-10
        title = "OCT"
        hours = 7
        planned = true
        """,
    )
    r = ceclog("status", "--json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["today"] == "2026-11-22"
    assert doc["holder"]["name"] == "Dana Reyes"
    assert doc["rules"]["name"] == "iicrc"
    assert doc["rules"]["checked"] == "2026-12-07"
    (req,) = doc["requirements"]
    # 4 + 2 (booth, fixed) + 2.5 (2.75 rounded down) = 8.5; planned 7 -> projected 15.5
    # day 1164 of 1461: pace 14 * 1164 / 1461 = 11.15 > 8.5 -> behind
    assert {
        k: req[k]
        for k in (
            "track",
            "certifications",
            "cycle_start",
            "due",
            "days_left",
            "required",
            "counted",
            "remaining",
            "projected",
            "state",
            "previous",
        )
    } == {
        "track": "technician",
        "certifications": ["WRT"],
        "cycle_start": "2023-09-15",
        "due": "2027-09-14",
        "days_left": 296,
        "required": 14.0,
        "counted": 8.5,
        "remaining": 5.5,
        "projected": 15.5,
        "state": "behind",
        "previous": None,
    }
    assert ceclog("status", "--check").code == 3


def test_status_table_plain_in_a_pipe(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")
    r = ceclog("status")
    assert r.code == 0
    assert "\x1b[" not in r.out
    assert "technician (WRT)" in r.out
    assert "2023-09-15 to 2027-09-14" in r.out
    assert "[..........]   0%" in r.out
    assert "behind" in r.out
    assert "14.0 CECs still needed by 2027-09-14 (in 296 days)" in r.out


def test_status_check_exit_codes(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2022-06-01"), since="2022-06-01")
    assert ceclog("status", "--check", today="2022-06-01").code == 0  # on track: day 0
    assert ceclog("status", "--check", today="2022-06-02").code == 0  # nobody is behind in
    assert ceclog("status", "--check", today="2023-05-31").code == 0  # the first year
    assert ceclog("status", "--check", today="2023-06-01").code == 3  # behind: 0 < 14 * 12/48
    assert ceclog("status", "--check", today="2026-04-01").code == 3  # due soon
    r = ceclog("status", "--check", today="2026-06-01")
    assert r.code == 4  # the cycle ended unmet
    assert "OVERDUE" in r.out
    ceclog("add", "Big class", "--date", "2022-08-01", "--hours", "14", today="2022-08-02")
    assert ceclog("status", "--check", today="2026-01-01").code == 0  # met, 150 days left
    # met, but nothing sent to the body with 60 days left: to submit (docs/numbers.md)
    r = ceclog("status", "--check", today="2026-04-01")
    assert r.code == 3
    assert "to submit" in r.out
    assert ceclog("submit", "1", "--on", "2026-04-01", today="2026-04-01").code == 0
    assert ceclog("status", "--check", today="2026-04-01").code == 0  # met, and sent


def test_check_reports_located_findings(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(
        ledger_path,
        ("WRT", "2023-01-01"),
        body="""
        [[entries]]
        id = 1
        date = 2027-01-01
        title = "From the future"
        hours = 7
        certifications = ["ASD"]

        [[entries]]
        id = 2
        date = 2024-01-01
        title = "Odd kind"
        kind = "seminar"
        hours = 7
        """,
    )
    r = ceclog("check")
    assert r.code == 1
    lines = [ln for ln in r.out.splitlines() if not ln.startswith("  hint")]
    p = str(ledger_path)
    assert lines == [
        f"{p}:13: warning: entry 1 has no evidence (certificate) attached",
        f"{p}:15: warning: entry 1 is completed but dated 2027-01-01, in the future",
        f"{p}:18: warning: entry 1 is for ASD, a certification you do not hold",
        f"{p}:20: warning: entry 2 (2024-01-01) is not submitted after 1056 days",
        f"{p}:20: warning: entry 2 has no evidence (certificate) attached",
        f"{p}:24: error: entry 2 has kind 'seminar', unknown to the iicrc rules",
    ]
    assert "1 error, 5 warnings" in r.err
    # status refuses to compute from a ledger with errors
    r = ceclog("status")
    assert r.code == 1
    assert f"{p}:24: entry 2 has kind 'seminar'" in r.err
    assert "ceclog check" in r.err


def test_check_ok(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    r = ceclog("check")
    assert (r.code, r.out.strip()) == (0, f"{ledger_path}: ok")


def test_cert_list_and_rm(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), ("MRS", "2021-05-05"))
    rows = json.loads(ceclog("cert", "list", "--json").out)
    assert rows == [
        {
            "code": "WRT",
            "title": "Water Damage Restoration Technician",
            "earned": "2023-01-01",
            "ended": None,
            "cec_due": None,
            "track": "technician",
        },
        {
            "code": "MRS",
            "title": "Mold Removal Specialist",
            "earned": "2021-05-05",
            "ended": None,
            "cec_due": None,
            "track": None,
        },
    ]
    assert ceclog("cert", "rm", "mrs").code == 0
    assert [c["code"] for c in json.loads(ceclog("cert", "list", "--json").out)] == ["WRT"]
    r = ceclog("cert", "rm", "MRS")
    assert (r.code, "MRS is not recorded" in r.err) == (1, True)


def test_unknown_certification_code_suggests_close_ones(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path)
    before = ledger_path.read_bytes()
    r = ceclog("cert", "add", "WTR", "--earned", "2024-01-01")
    assert r.code == 1
    assert "WTR is not a certification known to the iicrc rules" in r.err
    assert "did you mean WRT or MWR? every code: ceclog rules show iicrc" in r.err
    assert f"ledger: {ledger_path}" in r.err
    assert ledger_path.read_bytes() == before


def test_edit_and_rm(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    ceclog("add", "Class", "--date", "2024-01-01", "--hours", "7", "--provider", "ACME")
    r = ceclog("edit", "1", "--hours", "3", "--clear", "provider", "--planned")
    assert r.code == 0, r.err
    (row,) = json.loads(ceclog("list", "--json").out)
    assert (row["hours"], row["provider"], row["planned"], row["counted"]) == (3.0, None, True, 3.0)
    assert ceclog("edit", "1").code == 2  # nothing to change
    r = ceclog("edit", "9", "--hours", "1")
    assert r.code == 1 and "there is no entry 9" in r.err
    r = ceclog("rm", "1")  # stdin is not a terminal: refuses without --yes
    assert r.code == 1 and "--yes" in r.err
    assert ceclog("rm", "1", "--yes").code == 0
    assert json.loads(ceclog("list", "--json").out) == []


def test_rm_declined_at_the_question_is_no_error(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answering no is the user's choice: `nothing was written` without `error:`, exit 1 (the
    command did not do what it was asked), as `add --from` quit at its prompt."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    ceclog("add", "Class", "--date", "2024-01-01", "--hours", "7")
    before = ledger_path.read_bytes()
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    r = ceclog("rm", "1")
    assert r.code == 1
    assert r.err == "Remove entry 1: 2024-01-01 Class? [y/N]: nothing was written\n"
    assert r.out == ""
    assert ledger_path.read_bytes() == before


def test_list_filters(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), ("ASD", "2023-01-01"))
    ceclog("add", "A", "--date", "2024-01-01", "--hours", "1", "--cert", "WRT")
    ceclog("add", "B", "--date", "2024-06-01", "--hours", "1", "--cert", "ASD")
    ceclog("add", "C", "--date", "2025-01-01", "--hours", "1")
    ids = lambda *a: [r["id"] for r in json.loads(ceclog("list", "--json", *a).out)]  # noqa: E731
    assert ids() == [1, 2, 3]
    assert ids("--since", "2024-06-01") == [2, 3]
    assert ids("--until", "2024-06-01") == [1, 2]
    assert ids("--cert", "asd") == [2]


def test_rules_list_and_show(ceclog: Ceclog) -> None:
    rows = json.loads(ceclog("rules", "list", "--json", ledger=None).out)
    assert [r["name"] for r in rows] == [
        "acac",
        "florida-mold",
        "iicrc",
        "iicrc-2012",
        "nadca-ascs",
        "ria",
        "texas-mold",
    ]
    doc = json.loads(ceclog("rules", "show", "iicrc-2012", "--json", ledger=None).out)
    assert (doc["hours_per_credit"], doc["increment"], doc["event_cap"]) == (7.0, 0.5, 2.0)
    assert doc["source"][0].startswith("https://www.randrmagonline.com/")
    r = ceclog("rules", "show", "iicrc", ledger=None)
    assert "1 CEC = 1 h of education" in r.out
    assert "booth" in r.out and "fixed 2" in r.out


def test_holder_records_due_date_from_renewal_notice(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2018-06-01"), since="2022-01-01")
    assert json.loads(ceclog("status", "--json").out)["requirements"][0]["state"] == "overdue"
    r = ceclog("holder", "--cec-due", "2027-03-31")
    assert r.code == 0, r.err
    assert "cec_due = 2027-03-31" in ledger_path.read_text()
    req = json.loads(ceclog("status", "--json").out)["requirements"][0]
    assert (req["cycle_start"], req["due"], req["state"]) == ("2023-04-01", "2027-03-31", "behind")


def test_version_and_help(ceclog: Ceclog) -> None:
    r = ceclog("--version", ledger=None, today=None)
    assert r.out.startswith("ceclog ")
    r = ceclog("--help", ledger=None, today=None)
    assert r.code == 0 and "status" in r.out


def test_wrong_flag_is_a_usage_error(ceclog: Ceclog) -> None:
    r = ceclog("status", "--frobnicate")
    assert r.code == 2
    assert "--frobnicate" in r.err


def test_default_ledger_location_and_env(
    ceclog: Ceclog, tmp_path: Path, monkeypatch: object
) -> None:
    r = ceclog("status", ledger=None)
    assert r.code == 1
    assert str(tmp_path / "xdg-data" / "ceclog" / "ledger.toml") in r.err
    assert "ceclog init" in r.err


def test_env_ledger_and_today(ceclog: Ceclog, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = make_ledger(tmp_path / "other.toml", ("WRT", "2022-06-01"))
    monkeypatch.setenv("CECLOG_LEDGER", str(path))
    monkeypatch.setenv("CECLOG_TODAY", "2026-05-31")
    doc = json.loads(ceclog("status", "--json", ledger=None, today=None).out)
    assert (doc["today"], doc["requirements"][0]["days_left"]) == ("2026-05-31", 0)
    monkeypatch.setenv("CECLOG_TODAY", "2026-02-30")
    r = ceclog("status", ledger=None, today=None)
    assert r.code == 1 and "February 2026 has 28 days" in r.err


def test_example_ledger_is_valid(ceclog: Ceclog) -> None:
    example = Path(__file__).parents[1] / "examples" / "ledger.toml"
    r = ceclog("check", ledger=example)
    assert r.code == 0, r.out + r.err
    doc = json.loads(ceclog("status", "--json", ledger=example).out)
    (req,) = doc["requirements"]
    # 4 (workshop) + 2 (booth) + 2.5 (webinar) + 3 (stated) = 11.5; planned 7
    assert (req["counted"], req["projected"], req["state"]) == (11.5, 18.5, "on_track")


def test_rm_never_frees_an_id(ceclog: Ceclog, ledger_path: Path) -> None:
    """Removing the last entry records its ID (`last_entry_id`): the next class gets a new ID,
    so a planned class's calendar UID never passes to another class."""
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    ceclog("add", "A", "--date", "2024-01-01", "--hours", "1")
    ceclog("add", "B", "--date", "2024-02-01", "--hours", "1")
    assert ceclog("rm", "2", "--yes").code == 0
    assert "last_entry_id = 2" in ledger_path.read_text()
    assert ledger_path.read_text().startswith("version = 3")
    r = ceclog("add", "C", "--date", "2024-03-01", "--hours", "1")
    assert r.code == 0 and "Entry 3:" in r.out
    assert ceclog("rm", "1", "--yes").code == 0  # not the highest: nothing more to record
    assert "last_entry_id = 2" in ledger_path.read_text()
    assert [e["id"] for e in json.loads(ceclog("list", "--json").out)] == [3]
    assert ceclog("rm", "3", "--yes").code == 0
    assert ceclog("add", "D", "--date", "2024-04-01", "--hours", "1").out.startswith("Entry 4:")


def test_holder_fee_due(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    assert ceclog("holder", "--fee-due", "3-1").code == 0
    assert 'fee_due = "03-01"' in ledger_path.read_text()
    assert json.loads(ceclog("holder", "--json").out)["fee_due"] == "03-01"
    assert "fee_due" in ceclog("holder").out
    for bad in ("02-30", "13-01", "0301", "march 1"):
        r = ceclog("holder", "--fee-due", bad)
        assert r.code == 1 and "--fee-due" in r.err, (bad, r.err)
    assert 'fee_due = "03-01"' in ledger_path.read_text()
    assert ceclog("holder", "--fee-due", "02-29").code == 0  # last day of February elsewhere
    assert ceclog("holder", "--fee-due", "none").code == 0
    assert "fee_due" not in ledger_path.read_text()


def test_global_options_may_follow_the_command(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """`ceclog status --today D --ledger L`, as people type it, was 'No such option: --today
    (Possible options: --date)' for add; the global options are read wherever they stand."""
    make_ledger(ledger_path, ("WRT", "2022-06-01"), since="2022-06-01")
    first = ceclog(
        "--ledger", str(ledger_path), "--today", "2024-01-01", "status", ledger=None, today=None
    )
    after = ceclog(
        "status", "--today", "2024-01-01", f"--ledger={ledger_path}", ledger=None, today=None
    )
    assert after.code == first.code == 0 and after.out == first.out
    r = ceclog(
        "add",
        "Class",
        "--hours",
        "2",
        "--today",
        "2024-01-01",
        "--date",
        "2023-12-01",
        ledger=ledger_path,
        today=None,
    )
    assert r.code == 0, r.err
    assert "technician: 2.0 of 14.0 CECs counted" in r.out
