"""The HTML pages on a phone (under 700 px): the transcript's requirements and entries as cards,
each value after its column's name, and the team page's summary line first, above the rows.
(tests/test_print_pages.py prints them.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from test_team import TODAY, make_team

from ceclog.output.document import REQUIREMENT_HEADINGS
from ceclog.output.html import ENTRY_COLUMNS
from conftest import Ceclog

ROOT = Path(__file__).resolve().parents[1]


def labels(page: str, table: str) -> list[str]:
    """The names the phone stylesheet writes before the cells of `table.{table}`, in order."""
    found = re.findall(rf'table\.{table} td:nth-child\((\d+)\)::before {{ content: "([^"]*)"', page)
    assert [int(n) for n, _ in found] == list(range(1, len(found) + 1))
    return [name for _, name in found]


def test_transcript_rows_are_cards_on_a_phone(ceclog: Ceclog, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.toml"
    shutil.copy(ROOT / "examples" / "ledger.toml", ledger)
    shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "evidence")
    r = ceclog("export", "--format", "html", "--cycle", "all", ledger=ledger)
    assert r.code == 0, r.err
    page = r.out
    assert "@media screen and (max-width: 700px)" in page
    assert labels(page, "requirements") == list(REQUIREMENT_HEADINGS)
    assert labels(page, "entries") == [name for name, _ in ENTRY_COLUMNS]
    # the tables those names are for, with as many cells a row as names
    for table, count in (("requirements", 11), ("entries", 10)):
        body = page.split(f'<table class="{table}">', 1)[1].split("</table>", 1)[0]
        row = body.split("<tbody>", 1)[1].split("</tr>", 1)[0]
        assert row.count("<td") == count


def test_team_summary_comes_first(ceclog: Ceclog, tmp_path: Path) -> None:
    team = make_team(tmp_path / "team")
    r = ceclog("team", str(team), "--format", "html", ledger=None, today=TODAY)
    assert r.code == 0, r.err
    summary = '<p class="summary">1 error, 1 overdue, 2 due soon, 1 behind, 2 on track, 1 met'
    assert r.out.index(summary) < r.out.index("<table") < r.out.index("Ana Lima")
    assert r.out.count("1 error, 1 overdue") == 1
