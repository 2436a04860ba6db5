"""`ceclog team` hides no lapse, no credits earned and not sent, no exemption (issue 22): a crew
of three on 2026-11-30, every format.  Figures worked out by hand:

- Lee Park (WRT 2022-04-01, iicrc: 14 CECs every 48 months, renewal by email up to 24 months
  after a due date): the cycle 2022-04-01 to 2026-03-31 ended with 3.0 of 14.0, 11.0 short;
  2026-03-31 to 2026-11-30 is 30+31+30+31+31+30+31+30 = 244 days overdue; renew before
  2028-03-31.  The current cycle, 2026-04-01 to 2030-03-31, has 1217 days left: before the fix
  the row showed only those figures (Due 2030-03-31, 1217 days left, 0.0 counted).
- Mia Rossi (WRT 2023-01-15): the cycle to 2027-01-14, 45 days left (within 90): 10 h sent and
  4 h (entry 2) not: met, to submit 4.0.
- Ned Alvarez (florida-mold, MRSA 2012-03-01): ten years reached 2022-03-01, the rule in force
  from 2024-07-01, recorded from 2025-01-10: exempt since 2025-01-10.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog

TODAY = "2026-11-30"
SEND = (
    "ceclog export --format eml --unsubmitted --mark-submitted --output submission.eml, then send "
    "that draft"
)
LEE_ACTION = (
    "lapsed: take 11.0 CECs for the cycle ending 2026-03-31 and renew by email before "
    "2028-03-31; plan 14.0 CECs by 2030-03-31"
)
MIA_ACTION = (
    "met but not sent: attach 1 certificate (ceclog attach ID FILE), then submit 4.0 CECs more "
    f"before 2027-01-14 ({SEND})"
)
NED_ACTION = (
    "exempt since 2025-01-10 (ten-years: licence held continuously for 10 years without "
    "discipline: no continuing education owed); you recorded: licensed without a gap since 2012"
)
HEAD = 'version = {v}\n\n[holder]\nname = "{name}"\nregistrant_id = "{rid}"\nrules = "{rules}"\n'
ENTRY = '\n[[entries]]\nid = {}\ndate = {}\ntitle = "{}"\nhours = {}\n'


def _ledger(path: Path, name: str, rid: str, code: str, earned: str, body: str, **kw: str) -> None:
    head = HEAD.format(v=kw.get("v", "1"), name=name, rid=rid, rules=kw.get("rules", "iicrc"))
    cert = f'\n[[certifications]]\ncode = "{code}"\nearned = {earned}\n'
    path.write_text(head + "tracking_since = 2020-01-01\n" + cert + body, encoding="utf-8")


def make_crew(folder: Path) -> Path:
    folder.mkdir()
    lee = ENTRY.format(1, "2024-06-10", "Drying basics", 3) + "submitted = 2024-06-12\n"
    _ledger(folder / "lee.toml", "Lee Park", "2001", "WRT", "2022-04-01", lee)
    mia = ENTRY.format(1, "2024-05-05", "Structural drying", 10) + "submitted = 2024-05-20\n"
    mia += ENTRY.format(2, "2026-10-02", "Odor control", 4)
    _ledger(folder / "mia.toml", "Mia Rossi", "2002", "WRT", "2023-01-15", mia)
    ned = (
        '\n[[exemptions]]\nname = "ten-years"\nfact = "licensed without a gap since 2012"\n'
        "since = 2025-01-10\n"
    )
    _ledger(
        folder / "ned.toml",
        "Ned Alvarez",
        "MRSA1234",
        "MRSA",
        "2012-03-01",
        ned,
        rules="florida-mold",
        v="7",
    )
    return folder


@pytest.fixture
def crew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_crew(tmp_path / "crew")


def _run(ceclog: Ceclog, *args: str) -> tuple[int, str, str]:
    r = ceclog("team", "crew", *args, ledger=None, today=TODAY)
    return r.code, r.out, r.err


def _rows(ceclog: Ceclog) -> dict[str, dict[str, Any]]:
    code, out, err = _run(ceclog, "--json")
    assert code == 0, err
    return {row["name"]: row for row in json.loads(out)["rows"]}


def test_json_has_the_lapse_what_to_send_and_the_exemption(ceclog: Ceclog, crew: Path) -> None:
    rows = _rows(ceclog)
    assert list(rows) == ["Lee Park", "Mia Rossi", "Ned Alvarez"]
    lee, mia, ned = rows.values()
    # the current cycle's figures stay where they were; the lapse is its own object
    assert (lee["due"], lee["days_left"], lee["counted"], lee["state"]) == (
        "2030-03-31",
        1217,
        0.0,
        "overdue",
    )
    assert lee["lapse"] == {
        "cycle_start": "2022-04-01",
        "due": "2026-03-31",
        "required": 14.0,
        "counted": 3.0,
        "remaining": 11.0,
        "days_overdue": 244,
        "reinstate_by": "2028-03-31",
    }
    assert (lee["to_submit"], lee["exempt"], lee["next_action"]) == (None, None, LEE_ACTION)
    assert (mia["state"], mia["due"], mia["days_left"], mia["unsubmitted"]) == (
        "to_submit",
        "2027-01-14",
        45,
        4.0,
    )
    assert mia["to_submit"] == {
        "cycle_due": "2027-01-14",
        "sent": 10.0,
        "to_send": 4.0,
        "entries": [2],
        "command": SEND,
        "send_by": "2027-01-14",
    }
    assert (mia["lapse"], mia["exempt"], mia["next_action"]) == (None, None, MIA_ACTION)
    assert (ned["state"], ned["due"], ned["days_left"], ned["next_action"]) == (
        "exempt",
        None,
        None,
        NED_ACTION,
    )
    assert ned["exempt"] == {
        "name": "ten-years",
        "description": "licence held continuously for 10 years without discipline: no "
        "continuing education owed",
        "source": "www2.myfloridalicense.com/mold-related-services/hot-topics/ (SB 382)",
        "fact": "licensed without a gap since 2012",
        "since": "2025-01-10",
    }
    assert (ned["lapse"], ned["to_submit"]) == (None, None)


def test_the_plain_table_shows_the_lapse_not_the_next_cycle(ceclog: Ceclog, crew: Path) -> None:
    code, out, _ = _run(ceclog)
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[2] == (
        "Technician Registrant Certifications Track Due Days left Required Counted Still needed "
        "Planned Projected Unsubmitted State Next action"
    )
    # the lapsed cycle: its due date, 244 days overdue, 3.0 of 14.0, 11.0 missing
    assert (
        lines[4]
        == f"Lee Park 2001 WRT technician 2026-03-31 -244 14.0 3.0 11.0 OVERDUE {LEE_ACTION}"
    )
    assert lines[5] == (
        "Mia Rossi 2002 WRT technician 2027-01-14 45 14.0 14.0 0.0 0.0 14.0 4.0 to submit "
        + MIA_ACTION
    )
    # exempt: no deadline (-), nothing needed
    assert lines[6] == f"Ned Alvarez MRSA1234 MRSA licence - - 14.0 0.0 exempt {NED_ACTION}"
    assert lines[-1] == "1 overdue, 1 to submit, 1 exempt; 3 technicians in 3 files"


@pytest.mark.parametrize("columns", [80, 120])
def test_a_terminal_80_and_120_wide_shows_each_in_full(
    columns: int, crew: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table Rich draws on a terminal: the due dates, days and states in full, no line
    wider than the terminal, a table and not blocks (the exemption's source, a 58-character
    address in the next action, made it blocks at 80 columns)."""
    import datetime as dt

    from ceclog.core.firm import team
    from ceclog.output import team as view
    from ceclog.output.terminal import Out
    from ceclog.store import discover
    from ceclog.store.team import Reader

    monkeypatch.setenv("COLUMNS", str(columns))
    today = dt.date.fromisoformat(TODAY)
    found = discover.find(["crew"])
    rows = team.arrange([row for f in found for row in Reader(today).rows(f)])
    buffer = io.StringIO()
    view.table(Out(buffer, rich=True), rows, team.counts(rows), len(found), today)
    lines = buffer.getvalue().splitlines()
    assert all(len(line) <= columns for line in lines)
    assert any(set(line) == {"─"} for line in lines)  # a table
    cells = {
        line.split()[1]: line.split()
        for line in lines
        if line.startswith(" ") and line.split()[1:2] in (["Park"], ["Rossi"], ["Alvarez"])
    }
    assert "2026-03-31" in cells["Park"] and "-244" in cells["Park"] and "OVERDUE" in cells["Park"]
    assert "2030-03-31" not in cells["Park"] and "1217" not in cells["Park"]
    assert "2027-01-14" in cells["Rossi"] and "45" in cells["Rossi"]
    assert " ".join(cells["Rossi"]).count("to submit") == 1
    assert cells["Alvarez"].count("-") == 2 and "exempt" in cells["Alvarez"]


def test_markdown_and_html_show_the_lapse_and_the_others(ceclog: Ceclog, crew: Path) -> None:
    code, md, _ = _run(ceclog, "--format", "md")
    assert code == 0
    assert (
        f"| Lee Park | 2001 | WRT | 2026-03-31 | \\-244 | 14.0 | 3.0 | 11.0 |  | OVERDUE | "
        f"{LEE_ACTION} | crew/lee.toml |" in md
    )
    assert (
        f"| Mia Rossi | 2002 | WRT | 2027-01-14 | 45 | 14.0 | 14.0 | 0.0 | 0.0 | to submit | "
        f"{MIA_ACTION} | crew/mia.toml |" in md
    )
    assert (
        f"| Ned Alvarez | MRSA1234 | MRSA | \\- | \\- | 14.0 | 0.0 |  |  | exempt | {NED_ACTION} | "
        "crew/ned.toml |" in md
    )
    code, page, _ = _run(ceclog, "--format", "html")
    assert code == 0
    lee, mia, ned = (part.split("</tr>")[0] for part in page.split("<tr>")[2:5])
    assert (
        '<td data-label="Due" class="date"><div>2026-03-31<div class="file">renew before '
        "2028-03-31</div></div></td>" in lee
    )
    assert '<td data-label="Days left" class="num"><div>-244</div></td>' in lee
    assert '<td data-label="Remaining" class="num"><div>11.0</div></td>' in lee
    assert 'aria-label="3.0 of 14.0 (21%)"' in lee and "<div>2030-03-31</div>" not in lee
    assert '<span class="state s-to_submit">to submit</span>' in mia and SEND in mia
    assert '<td data-label="Due" class="date"><div>2027-01-14</div></td>' in mia
    assert '<td data-label="Due" class="date"><div>-</div></td>' in ned
    assert '<span class="state s-exempt">exempt</span>' in ned and 'class="bar' not in ned
    assert "licensed without a gap since 2012" in ned


def test_csv_has_the_lapse_what_to_send_and_the_exemption(ceclog: Ceclog, crew: Path) -> None:
    code, out, _ = _run(ceclog, "--format", "csv")
    assert code == 0
    lines = out.removeprefix("\ufeff").split("\r\n")
    assert lines[0].endswith(
        ",error,lapse_due,days_overdue,lapse_missing,reinstate_by,to_send,send_by,exempt"
    )
    assert lines[1] == (
        "crew/lee.toml,Lee Park,2001,WRT,technician,2026-04-01,2030-03-31,1217,14.0,0.0,14.0,0.0,"
        f"0.0,0.0,overdue,{LEE_ACTION},,2026-03-31,244,11.0,2028-03-31,,,"
    )
    assert lines[2] == (
        "crew/mia.toml,Mia Rossi,2002,WRT,technician,2023-01-15,2027-01-14,45,14.0,14.0,0.0,0.0,"
        f'14.0,4.0,to_submit,"{MIA_ACTION}",,,,,,4.0,2027-01-14,'
    )
    assert lines[3].startswith("crew/ned.toml,Ned Alvarez,MRSA1234,MRSA,licence,2026-08-01,,,14.0")
    assert lines[3].endswith(f",exempt,{NED_ACTION},,,,,,,,ten-years")


def test_check_names_the_lapse_and_what_to_send(ceclog: Ceclog, crew: Path) -> None:
    code, _, err = _run(ceclog, "--check")
    assert code == 4
    assert err.splitlines() == [
        "at risk: Lee Park (crew/lee.toml): overdue since 2026-03-31 (244 days), 11.0 CECs short "
        "for the cycle 2022-04-01 to 2026-03-31; renew by email before 2028-03-31",
        "at risk: Mia Rossi (crew/mia.toml): to submit: 4.0 CECs earned but not sent, due "
        f"2027-01-14 ({SEND})",
    ]
    code, out, _ = _run(ceclog, "--at-risk", "--json")
    assert [row["name"] for row in json.loads(out)["rows"]] == ["Lee Park", "Mia Rossi"]


def test_the_remembered_rows_keep_the_lapse_and_the_rest(ceclog: Ceclog, crew: Path) -> None:
    first = _run(ceclog, "--json")[1]
    assert _run(ceclog, "--json")[1] == first  # from the cache
    assert _run(ceclog, "--check")[2].startswith("at risk: Lee Park (crew/lee.toml): overdue since")


def test_a_cycle_ended_met_and_not_sent_shows_that_cycle(ceclog: Ceclog, tmp_path: Path) -> None:
    """Uma (WRT 2018-06-01) took 14 h in 2019, never marked submitted; on 2022-06-01 the cycle
    2018-06-01 to 2022-05-31 ended met (1 day ago) with 0.0 sent: to submit, 14.0 to send before
    2024-05-31 (24 months on).  Before the fix the row showed the next cycle: Due 2026-05-31,
    1460 days left, 14.0 still needed."""
    os.chdir(tmp_path)
    body = ENTRY.format(1, "2019-01-10", "Water", 14)
    _ledger(tmp_path / "uma.toml", "Uma Berg", "3001", "WRT", "2018-06-01", body)
    r = ceclog("team", "uma.toml", ledger=None, today="2022-06-01")
    row = r.out.splitlines()[4]
    assert row.split()[:12] == [
        "Uma",
        "Berg",
        "3001",
        "WRT",
        "technician",
        "2022-05-31",
        "-1",
        "14.0",
        "14.0",
        "0.0",
        "14.0",
        "to",
    ]
    md = ceclog("team", "uma.toml", "--format", "md", ledger=None, today="2022-06-01").out
    assert "| Uma Berg | 3001 | WRT | 2022-05-31 | \\-1 | 14.0 | 14.0 | 0.0 |  | to submit |" in md
    page = ceclog("team", "uma.toml", "--format", "html", ledger=None, today="2022-06-01").out
    assert (
        '<td data-label="Due" class="date"><div>2022-05-31<div class="file">send before '
        "2024-05-31</div></div></td>" in page
    )
    (doc,) = json.loads(ceclog("team", "uma.toml", "--json", ledger=None, today="2022-06-01").out)[
        "rows"
    ]
    every = SEND.replace("--format eml", "--format eml --cycle all")
    assert (doc["due"], doc["days_left"], doc["state"]) == ("2026-05-31", 1460, "to_submit")
    assert doc["to_submit"] == {
        "cycle_due": "2022-05-31",
        "sent": 0.0,
        "to_send": 14.0,
        "entries": [1],
        "command": every,
        "send_by": "2024-05-31",
    }
    r = ceclog("team", "uma.toml", "--check", ledger=None, today="2022-06-01")
    assert r.code == 3
    assert r.err == (
        "at risk: Uma Berg (uma.toml): to submit: the cycle ending 2022-05-31 ended met but not "
        f"sent: send 14.0 CECs before 2024-05-31 ({every})\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 120])
def test_on_a_real_terminal(columns: int, tmp_path: Path) -> None:
    """`ceclog team` on a pseudo-terminal 80 and 120 wide: a drawn table, no line wider, the
    lapse's due date and days, Mia's due date and Ned's '-' in full."""
    from test_terminal import on_terminal

    crew = make_crew(tmp_path / "crew")
    out = on_terminal(["--today", TODAY, "team", str(crew)], columns, tmp_path)
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert any(set(line.strip()) == {"─"} for line in lines)
    rows = {
        line.split()[1]: line.split()
        for line in lines
        if line[:1] == " " and line.split() and line.split()[0] in ("Lee", "Mia", "Ned")
    }
    assert {"2026-03-31", "-244", "11.0", "OVERDUE"} <= set(rows["Park"])
    assert {"2027-01-14", "45", "to"} <= set(rows["Rossi"])
    assert rows["Alvarez"].count("-") == 2 and "exempt" in rows["Alvarez"]
