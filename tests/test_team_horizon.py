"""The team's remembered rows hold across days until a date may change them (issue 22: `team`
on a new day recomputed every row, 2.9x `status`): on every day before `valid_until`, the
rows computed on an earlier day, their counts of days worked out again, are the rows computed
afresh that day, across the boundaries the team fixtures cross (a due date, due soon, a
planned class's day, a lapse's renewal deadline, a pace step, an exemption's day)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from test_team import make_team
from test_team_standing import make_crew

from ceclog.core.firm.horizon import moved, valid_until
from ceclog.core.firm.team import Member, Row, member_rows
from ceclog.core.schedule.engine import evaluate
from ceclog.store import reading
from ceclog.store.rules import rules_of
from conftest import Ceclog, make_ledger

DAY = dt.timedelta(days=1)


def _ledgers(tmp_path: Path) -> list[Path]:
    team = make_team(tmp_path / "team")
    crew = make_crew(tmp_path / "crew")
    # a cycle that ended met and not sent (to_submit until 24 months after 2026-05-31)
    unsent = make_ledger(
        tmp_path / "unsent.toml",
        ("WRT", "2022-06-01"),
        since="2022-06-01",
        body='\n[[entries]]\nid = 1\ndate = 2023-01-10\ntitle = "A"\nhours = 14\n',
    )
    names = ["ana", "ben", "cara", "dev", "eve", "finn"]
    return [
        *(team / f"{n}.toml" for n in names),
        team / "hana" / "ledger.toml",
        *(crew / f"{n}.toml" for n in ("lee", "mia", "ned")),
        unsent,
    ]


def _plain(rows: list[Row]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r._asdict().items() if k != "requirement"} for r in rows]


def _walk(path: Path, first: dt.date, last: dt.date) -> int:
    """Every day from `first` to `last`: the rows of the last day they were computed on,
    moved to the day, equal the rows computed that day; how many times they were computed."""
    loaded = reading.load(path, for_edit=False)
    rules = rules_of(loaded, {}).rules
    member = Member(str(path), loaded.ledger, rules)
    day, computed = first, 0
    while day <= last:
        report = evaluate(loaded.ledger, rules, day)
        rows = member_rows(member._replace(report=report), day)
        until = valid_until(loaded.ledger, rules, report)
        assert until > day
        computed += 1
        later = day + DAY
        while later < until and later <= last:
            fresh = member_rows(member, later)
            assert _plain([moved(r, later, rules.units) for r in rows]) == _plain(fresh), (
                f"{path.name}: rows of {day} moved to {later} (valid until {until})"
            )
            later += DAY
        day = later
    return computed


def test_rows_moved_to_a_later_day_are_the_rows_of_that_day(tmp_path: Path) -> None:
    """120 days around 2026-11-30: Hana's due date (2026-11-30), Dev's planned class
    (2026-12-10), Dev's and Mia's due dates (2027-01-14), Ned's exemption, Lee's lapse."""
    first, last = dt.date(2026, 11, 1), dt.date(2027, 2, 28)
    computed = {p.name: _walk(p, first, last) for p in _ledgers(tmp_path)}
    # a row is not recomputed every day: 120 days of Ana's (met, nothing due until 2028)
    # needed at most 3 computations (a pace step on 2027-03-01 is after the span)
    assert computed["ana.toml"] <= 3


@pytest.mark.slow
def test_every_day_of_four_years(tmp_path: Path) -> None:
    for path in _ledgers(tmp_path):
        _walk(path, dt.date(2026, 1, 1), dt.date(2029, 12, 31))


def test_the_next_day_reads_the_rows_back(ceclog: Ceclog, tmp_path: Path) -> None:
    """A run on 2026-11-30 remembers the rows; on 2026-12-01 (no boundary for Ana, Ben, Cara,
    Eve, Finn) their cache files are read, not written again, and the answer is the one
    computed without the cache."""
    os.chdir(tmp_path)
    make_team(tmp_path / "team")
    assert ceclog("team", "team", "--json", ledger=None, today="2026-11-30").code == 0
    folder = tmp_path / "xdg-cache" / "ceclog"
    before = {p: p.read_bytes() for p in folder.glob("team-*.json")}
    assert len(before) == 8
    cached = ceclog("team", "team", "--json", ledger=None, today="2026-12-01").out
    rewritten = [p for p in before if p.read_bytes() != before[p]]
    # Hana's (due 2026-11-30: her cycle ended) changes on 2026-12-01; the others hold
    assert len(rewritten) == 1
    os.environ["CECLOG_NO_CACHE"] = "1"
    try:
        fresh = ceclog("team", "team", "--json", ledger=None, today="2026-12-01").out
    finally:
        del os.environ["CECLOG_NO_CACHE"]
    assert cached == fresh
    rows = {r["file"]: r for r in json.loads(cached)["rows"]}
    assert rows["team/ana.toml"]["days_left"] == 455  # 2028-02-29 - 2026-12-01
    assert rows["team/eve.toml"]["lapse"]["days_overdue"] == 206
