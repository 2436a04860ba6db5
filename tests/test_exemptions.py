"""Exemptions a body allows, recorded by the holder with the fact they rest on (docs/numbers.md,
state `exempt`): what is refused, what the commands say, and that nothing else changes.  The
rules are the iicrc profile with two exemptions added (a test profile, not a body's)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, make_ledger

RULES_DIR = Path(__file__).parent.parent / "rules"
EXEMPTIONS = """
[exemptions.ten-years]
description = "certification held continuously for 10 years"
source = "a test"
since = 2024-07-01
held_years = 10

[exemptions.emeritus]
description = "emeritus status granted by the body"
"""


def _ledger(path: Path, earned: str = "2014-03-01") -> Path:
    rules = (RULES_DIR / "iicrc.toml").read_text(encoding="utf-8") + EXEMPTIONS
    (path.parent / "exempting.toml").write_text(rules, encoding="utf-8")
    return make_ledger(path, ("WRT", earned), rules="exempting.toml", since="2024-01-01")


def test_what_an_exemption_needs_is_refused_clearly_and_nothing_is_written(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    _ledger(ledger_path)
    before = ledger_path.read_bytes()
    cases = [
        (
            ["--exempt", "retired", "--fact", "x"],
            "the iicrc rules allow no exemption 'retired'",
        ),
        (["--exempt", "emeritus"], "an exemption rests on a fact: give it with --fact"),
        (["--exempt", "emeritus", "--fact", "x", "--exempt-since", "2027-01-01"], "after today"),
        (["--fact", "x"], "--fact, --exempt-since and --exempt-cert go with --exempt NAME"),
    ]
    for args, message in cases:
        r = ceclog("holder", *args, today="2026-06-15")
        assert r.code in (1, 2), r.err
        assert message in r.err, r.err
        assert ledger_path.read_bytes() == before


def test_an_exemption_in_force_then_removed(ceclog: Ceclog, ledger_path: Path) -> None:
    """WRT since 2014-03-01: ten years reached 2024-03-01, the rule in force from 2024-07-01;
    recorded on 2026-06-15 it is in force from that day.  The ledger becomes format 7; `plan`
    has nothing to plan; `holder --exempt none` puts the deadline back."""
    _ledger(ledger_path)
    r = ceclog("holder", "--exempt", "ten-years", "--fact", "no gap since 2014", today="2026-06-15")
    assert r.code == 0, r.err
    text = ledger_path.read_text(encoding="utf-8")
    assert "version = 7" in text
    assert (
        '[[exemptions]]\nname = "ten-years"\nfact = "no gap since 2014"\nsince = 2026-06-15' in text
    )
    (req,) = json.loads(ceclog("status", "--json", today="2026-06-15").out)["requirements"]
    assert (req["state"], req["exempt"]["since"]) == ("exempt", "2026-06-15")
    r = ceclog("plan", today="2026-06-15")
    assert "no deadline is owed, nothing to plan" in r.out
    r = ceclog("holder", "--exempt", "none", today="2026-06-16")
    assert r.code == 0, r.err
    assert "No exemption is recorded: every requirement owes its deadlines." in r.out
    assert "The requirement was exempt; it is now" in r.out
    (req,) = json.loads(ceclog("status", "--json", today="2026-06-16").out)["requirements"]
    assert (req["state"], req["exempt"]) != ("exempt", None) and req["exempt"] is None


def test_a_hand_written_exemption_is_checked(ceclog: Ceclog, ledger_path: Path) -> None:
    """Written by hand: one the rules do not allow is an error at its line; one whose ten years
    are not reached (WRT since 2019-05-20: 2029-05-20) is a warning naming the day, and the
    requirement is not exempt."""
    _ledger(ledger_path, earned="2019-05-20")
    text = ledger_path.read_text(encoding="utf-8")
    text += '\n[[exemptions]]\nname = "ten-years"\nfact = "held since 2019"\nsince = 2025-01-01\n'
    ledger_path.write_text(text.replace("version = 1", "version = 7"), encoding="utf-8")
    found = json.loads(ceclog("check", "--json", today="2026-06-15").out)
    (warning,) = [f for f in found if f["code"] == "exemption-not-yet"]
    assert "in force only from 2029-05-20" in warning["message"]
    (req,) = json.loads(ceclog("status", "--json", today="2026-06-15").out)["requirements"]
    assert req["state"] != "exempt"
    ledger_path.write_text(text.replace('"ten-years"', '"retired"'), encoding="utf-8")
    r = ceclog("check", today="2026-06-15")
    assert r.code == 1
    assert "error: exemption retired: the iicrc rules allow no exemption 'retired'" in r.out
