"""What an entry's explanation says: a rounding no source states is marked UNCONFIRMED where it
changed the figure; hours counted as hours are not divided by one; `list` names the counted
column apart from the hours of education."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, make_ledger

ROOT = Path(__file__).parents[1]


def _entry(i: int, date: str, title: str, extra: str) -> str:
    return f'\n[[entries]]\nid = {i}\ndate = {date}\ntitle = "{title}"\n{extra}\n'


def _explanations(ceclog: Ceclog) -> dict[int, str]:
    r = ceclog("list", "--json")
    assert r.code == 0, r.err
    return {row["id"]: row["explanation"] for row in json.loads(r.out)}


def test_a_rounding_no_source_states_is_marked_where_it_changed_the_figure(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    """iicrc: 1 CEC = 1 hour; rounding down to halves is UNCONFIRMED.  A 75-minute webinar is
    1.25 h = 1.25, counted 1.0, and says so; a 2 h class is not rounded and says nothing of
    it.  Under a copy of the profile whose [unconfirmed] table no longer lists `increment`,
    the same rounding is said without the mark."""
    body = _entry(1, "2026-02-10", "75 min webinar", 'kind = "webinar"\nhours = 1.25')
    body += _entry(2, "2026-03-10", "Drying", "hours = 2")
    make_ledger(ledger_path, ("WRT", "2024-01-10"), body=body)
    assert _explanations(ceclog) == {
        1: "1.25 h ÷ 1 h per CEC = 1.25; rounded down to 1.0 (steps of 0.5, UNCONFIRMED: no "
        "source states it)",
        2: "2 h ÷ 1 h per CEC = 2.0",
    }
    text = (ROOT / "rules" / "iicrc.toml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("increment = ") and "75-minute" in x)
    (tmp_path / "sourced.toml").write_text(text.replace(line + "\n", ""), encoding="utf-8")
    ledger_path.write_text(ledger_path.read_text().replace('"iicrc"', '"sourced.toml"'))
    assert _explanations(ceclog)[1] == (
        "1.25 h ÷ 1 h per CEC = 1.25; rounded down to 1.0 (steps of 0.5)"
    )


def test_hours_counted_as_hours(ceclog: Ceclog, ledger_path: Path) -> None:
    """florida-mold counts in hours, one per hour of education: "6 h = 6.0 hours", and `list`
    has one column of hours (the education) and one of what counts ("Counted")."""
    body = _entry(1, "2025-03-01", "Water intrusion", 'hours = 6\ntopics = ["water"]')
    body += _entry(2, "2025-04-01", "Report writing", 'hours = 1.25\ntopics = ["report"]')
    make_ledger(ledger_path, ("MRSA", "2024-08-01"), rules="florida-mold", body=body)
    assert _explanations(ceclog) == {
        1: "6 h = 6.0 hours",
        2: "1.25 h = 1.25 hours; rounded down to 1.0 (steps of 0.5, UNCONFIRMED: no source "
        "states it)",
    }
    r = ceclog("list")
    header = r.out.splitlines()[0].split()
    assert header == ["ID", "Date", "Title", "Kind", "Hours", "Counted", "How", "it", "counts"]
    assert r.out.splitlines()[2].split()[-7:] == ["6", "6.0", "6", "h", "=", "6.0", "hours"]
    # a unit other than the hour names its column
    make_ledger(ledger_path, ("WRT", "2024-01-10"), body=body)
    assert ceclog("list").out.splitlines()[0].split()[4:6] == ["Hours", "CECs"]
