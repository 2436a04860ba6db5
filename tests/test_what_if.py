"""`ceclog status --rules OTHER [--compare]`: the same ledger judged under another profile; the
ledger is never changed.  Figures by hand (WRT earned 2023-05-10: cycle to 2027-05-09, 48
months, today 2026-11-30 = 160 days left, 3 full years of pace):

- iicrc (1 CEC = 1 h, a booth visit fixed 2): 7 h + booth 2 + 3.5 h = 12.5 of 14.0; pace
  14 x 36/48 = 10.5 <= 12.5: on track.
- iicrc-2012 (1 CEC = 7 h, steps of 0.5, at most 2 per event, no fixed booth value): 7 h = 1.0,
  the booth visit records no hours = 0.0, 3.5 h = 0.5: 1.5 of 2.0; pace 2 x 36/48 = 1.5: on
  track.
"""

from __future__ import annotations

import json
from pathlib import Path

import docs_pages
from conftest import Ceclog, make_ledger

TODAY = "2026-11-30"
BODY = """
[[entries]]
id = 1
date = 2024-06-01
title = "Water restoration"
hours = 7

[[entries]]
id = 2
date = 2025-02-01
title = "IICRC booth"
kind = "booth"

[[entries]]
id = 3
date = 2026-03-10
title = "Odor control online"
kind = "online"
hours = 3.5
"""


def test_status_under_other_rules(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=BODY)
    before = ledger_path.read_bytes()
    r = ceclog("status", "--rules", "iicrc-2012", "--json", today=TODAY)
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    assert doc["what_if"] == {"rules": "iicrc-2012", "ledger_rules": "iicrc"}
    (req,) = doc["requirements"]
    assert (req["required"], req["counted"], req["remaining"], req["state"]) == (
        2.0,
        1.5,
        0.5,
        "on_track",
    )
    # the booth visit has no value under 2012: said, with its line, not refused
    assert (
        "warning: under the rules iicrc-2012: " in r.err
        and ":19: entry 2 records neither hours nor credits" in r.err
    )
    r = ceclog("status", "--rules", "iicrc-2012", today=TODAY)
    assert r.out.startswith(
        "what if: judged under the rules iicrc-2012; the ledger's own rules are iicrc, and "
        "nothing is changed\n"
    )
    assert ledger_path.read_bytes() == before


def test_compare_side_by_side(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=BODY)
    before = ledger_path.read_bytes()
    r = ceclog("status", "--rules", "iicrc-2012", "--compare", today=TODAY)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    rows = [" ".join(line.split()) for line in lines[4:6]]
    assert rows == [
        "iicrc technician (WRT) 2023-05-10 to 2027-05-09 160 14.0 CECs 12.5 1.5 [########..] 89% "
        "on track",
        "iicrc-2012 technician (WRT) 2023-05-10 to 2027-05-09 160 2.0 CECs 1.5 0.5 [#######...] "
        "75% on track",
    ]
    assert lines[-1] == (
        "technician: under iicrc 12.5 of 14.0 CECs by 2027-05-09, on track; under iicrc-2012 "
        "1.5 of 2.0 CECs by 2027-05-09, on track"
    )
    r = ceclog("status", "--rules", "iicrc-2012", "--compare", "--json", today=TODAY)
    doc = json.loads(r.out)
    assert [p["rules"]["name"] for p in doc["profiles"]] == ["iicrc", "iicrc-2012"]
    assert [p["requirements"][0]["counted"] for p in doc["profiles"]] == [12.5, 1.5]
    assert len(doc["differences"]) == 1
    # a rules file of one's own, relative to the current folder
    rules = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    mine = rules.replace('name = "iicrc"', 'name = "strict"').replace(
        "credits = 14\ncycle_months = 48", "credits = 16\ncycle_months = 48"
    )
    (ledger_path.parent / "strict.toml").write_text(mine)
    r = ceclog(
        "status", "--rules", str(ledger_path.parent / "strict.toml"), "--compare", today=TODAY
    )
    assert "under strict 12.5 of 16.0 CECs by 2027-05-09" in r.out
    assert ledger_path.read_bytes() == before


def test_what_if_mistakes(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=BODY)
    r = ceclog("status", "--compare", today=TODAY)
    assert r.code == 2 and "--compare needs --rules NAME|PATH" in r.err
    r = ceclog("status", "--rules", "iicrc-2013", today=TODAY)
    assert r.code == 1 and "no rules profile named 'iicrc-2013'" in r.err
    assert "did you mean iicrc-2012" in r.err


def test_docs_compare_sample_is_what_ceclog_prints(ceclog: Ceclog, ledger_path: Path) -> None:
    sample = docs_pages.sample("$ ceclog --today 2026-11-30 status --rules iicrc-2012 --compare\n")
    make_ledger(ledger_path, ("WRT", "2023-05-10"), body=BODY)
    r = ceclog("status", "--rules", "iicrc-2012", "--compare", today=TODAY)
    assert r.out == sample
