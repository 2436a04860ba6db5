"""Earned is not done (docs/numbers.md, `to_submit`): a met cycle whose credits have not all reached
the body, with the due date within `due_soon_days`, is `to_submit` in status, JSON, team (table,
at-risk, HTML) and calendar, each saying what to send and how; `--check` exits 3 for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog, make_ledger

SEND = (
    "ceclog export --format eml --unsubmitted --mark-submitted --output submission.eml, then send "
    "that draft"
)


def _entry(n: int, date: str, hours: str) -> str:
    return f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "Class {n}"\nhours = {hours}\n'


def _status(ceclog: Ceclog, today: str) -> dict[str, Any]:
    r = ceclog("status", "--json", today=today)
    assert r.code == 0, r.err
    (req,) = json.loads(r.out)["requirements"]
    return req  # type: ignore[no-any-return]


def _ledger(path: Path) -> Path:
    """WRT earned 2022-06-01: the cycle 2022-06-01 to 2026-05-31; 10 h (2023-01-10) and 4 h
    (2024-03-05) taken, 14.0 of 14.0: met.  Nothing is marked submitted."""
    return make_ledger(
        path,
        ("WRT", "2022-06-01"),
        since="2022-06-01",
        body=_entry(1, "2023-01-10", "10") + _entry(2, "2024-03-05", "4"),
    )


def test_met_but_not_sent_with_33_days_left_is_to_submit(ceclog: Ceclog, ledger_path: Path) -> None:
    """On 2026-04-28, 33 days before 2026-05-31 (within 90): 14 of 14 counted, 0 sent.  Before
    the fix: green `met`, exit 0, and a lapse on 2026-06-01 all the same."""
    _ledger(ledger_path)
    far = _status(ceclog, "2026-01-01")  # 150 days left: met, nothing urgent yet
    assert (far["state"], far["to_submit"]) == ("met", None)
    assert ceclog("status", "--check", today="2026-01-01").code == 0

    req = _status(ceclog, "2026-04-28")
    assert (req["days_left"], req["met"], req["state"]) == (33, True, "to_submit")
    assert req["to_submit"] == {
        "cycle_due": "2026-05-31",
        "sent": 0.0,
        "to_send": 14.0,
        "entries": [1, 2],
        "command": SEND,
    }
    r = ceclog("status", "--check", today="2026-04-28")
    assert r.code == 3
    assert "technician (WRT)  2022-06-01 to 2026-05-31         33" in r.out
    assert r.out.splitlines()[4].endswith("to submit")
    assert (
        "technician: met, but only 0.0 of the 14.0 CECs are marked submitted, and the body counts "
        f"only what it received: send 14.0 more before 2026-05-31 ({SEND})." in r.out
    )

    # 10 sent: 4 more to send; still to submit
    assert ceclog("submit", "1", "--on", "2026-04-28", today="2026-04-28").code == 0
    req = _status(ceclog, "2026-04-28")
    assert req["state"] == "to_submit"
    assert req["to_submit"] == {
        "cycle_due": "2026-05-31",
        "sent": 10.0,
        "to_send": 4.0,
        "entries": [2],
        "command": SEND,
    }
    # all sent: met, exit 0
    assert ceclog("submit", "2", "--on", "2026-04-28", today="2026-04-28").code == 0
    assert _status(ceclog, "2026-04-28")["state"] == "met"
    assert ceclog("status", "--check", today="2026-04-28").code == 0


def test_team_lists_it_at_risk_and_says_what_to_send(ceclog: Ceclog, tmp_path: Path) -> None:
    """Two technicians on 2026-04-28: one met and sent (met), one met and not sent
    (to submit, at risk, with the command that sends)."""
    sent, unsent = tmp_path / "sent.toml", tmp_path / "unsent.toml"
    _ledger(unsent)
    unsent.write_text(unsent.read_text().replace('"1234567"', '"7654321"'))
    _ledger(sent)
    text = sent.read_text().replace("hours = 10\n", "hours = 10\nsubmitted = 2026-01-05\n")
    sent.write_text(text.replace("hours = 4\n", "hours = 4\nposted = 2026-02-01\n"))
    r = ceclog("team", str(sent), str(unsent), "--json", today="2026-04-28")
    assert r.code == 0, r.err
    rows = {Path(row["file"]).name: row for row in json.loads(r.out)["rows"]}
    assert rows["sent.toml"]["state"] == "met"
    assert rows["unsent.toml"]["state"] == "to_submit"
    assert rows["unsent.toml"]["next_action"] == (
        "met but not sent: attach 2 certificates (ceclog attach ID FILE), then submit 14.0 CECs "
        f"more before 2026-05-31 ({SEND})"
    )
    r = ceclog("team", str(sent), str(unsent), "--at-risk", "--json", today="2026-04-28")
    assert [Path(row["file"]).name for row in json.loads(r.out)["rows"]] == ["unsent.toml"]
    r = ceclog("team", str(sent), str(unsent), "--check", today="2026-04-28")
    assert r.code == 3
    assert "at risk: Dana Reyes (" in r.err and (
        f"unsent.toml): to submit: 14.0 CECs earned but not sent, due 2026-05-31 ({SEND})\n"
        in r.err
    )
    html = ceclog("team", str(unsent), "--format", "html", today="2026-04-28").out
    assert '<span class="state s-to_submit">to submit</span>' in html
    assert ".s-to_submit {" in html


def test_the_calendar_says_what_to_send(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    r = ceclog("calendar", today="2026-04-28")
    assert r.code == 0, r.err
    unfolded = r.out.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    assert (
        "14.0 counted, requirement met, but only 0.0 of the 14.0 CECs are marked submitted, and "
        "the body counts only what it received: send 14.0 more before 2026-05-31" in unfolded
    )


def test_following_the_advice_at_a_terminal_never_marks_what_was_not_sent(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice's command, typed at a terminal without --output, printed an email on the
    screen and marked every entry submitted (a new user's report): the body got nothing, and
    status then said met.  Now it is refused, nothing is marked, and the advice names a file."""
    import sys

    _ledger(ledger_path)
    before = ledger_path.read_bytes()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    r = ceclog("export", "--format", "eml", "--unsubmitted", "--mark-submitted", today="2026-04-28")
    assert r.code == 2
    assert r.err == (
        "error: --mark-submitted marks entries sent, but this export would only go to standard "
        "output (the screen or a pipe): give --output FILE.eml and send that file\n"
        "  hint: ceclog export --format eml --unsubmitted --mark-submitted "
        "--output submission.eml\n"
    )
    assert ledger_path.read_bytes() == before
    out = ledger_path.parent / "submission.eml"
    r = ceclog(
        "export",
        "--format",
        "eml",
        "--unsubmitted",
        "--mark-submitted",
        "--output",
        str(out),
        today="2026-04-28",
    )
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(b"To: renewals@iicrcnet.org\r\n")  # a file: CRLF
    assert _status(ceclog, "2026-04-28")["state"] == "met"


def test_a_cycle_that_ended_met_but_not_sent_stays_at_risk(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """WRT 2018-06-01, 14 h in 2020, never marked submitted.  On 2022-05-31 (its due date) it is
    to submit; the day after, the new cycle is on track, but the body never got the 14.0: the
    requirement stays to submit (a new user saw an all-clear, exit 0, that day), until the
    entry is marked submitted, or the renewal-by-email window closes (2024-05-31: after it,
    ceclog cannot tell whether the body renewed; a body that had nothing would have lapsed
    the certification long before)."""
    make_ledger(
        ledger_path, ("WRT", "2018-06-01"), since="2018-06-01", body=_entry(1, "2020-01-01", "14")
    )
    assert _status(ceclog, "2022-05-31")["state"] == "to_submit"
    req = _status(ceclog, "2022-06-01")
    assert (req["cycle_start"], req["state"]) == ("2022-06-01", "to_submit")
    every = (
        "ceclog export --format eml --cycle all --unsubmitted --mark-submitted --output "
        "submission.eml, then send that draft"
    )
    assert req["to_submit"] == {
        "cycle_due": "2022-05-31",
        "sent": 0.0,
        "to_send": 14.0,
        "entries": [1],
        "command": every,
    }
    r = ceclog("status", "--check", today="2022-06-01")
    assert r.code == 3
    assert "technician: ended, NOT SENT  2018-06-01 to 2022-05-31         -1" in r.out
    assert (
        "technician: the cycle 2018-06-01 to 2022-05-31 ended met, but only 0.0 of its 14.0 CECs "
        "are marked submitted: the body may count it as lapsed; send 14.0 before 2024-05-31 "
        f"({every}), or, if you sent them, record it: ceclog submit ID... --on DATE." in r.out
    )
    team = json.loads(
        ceclog("team", str(ledger_path), "--at-risk", "--json", today="2022-06-01").out
    )
    (row,) = team["rows"]
    assert row["state"] == "to_submit"
    assert row["next_action"].startswith(
        "the cycle ending 2022-05-31 ended met but not sent: submit 14.0 CECs (ceclog export"
    )
    assert _status(ceclog, "2024-05-30")["state"] == "to_submit"
    assert _status(ceclog, "2024-05-31")["state"] == "behind"  # 0 of 14 x 12/48 = 3.5
    assert ceclog("submit", "1", "--on", "2022-05-20", today="2022-06-01").code == 0
    assert _status(ceclog, "2022-06-01")["state"] == "on_track"
    assert ceclog("status", "--check", today="2022-06-01").code == 0
