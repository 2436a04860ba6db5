"""`ceclog rules show` says the format's newer keys in words (fixed periods, the first period,
the due day, one certification per entry, exemptions, a kind's topic, a track's minimum class
length), cycles as long as the tracks', and every UNCONFIRMED fact next to what it concerns,
with its reason; `--json` carries the same keys."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from conftest import RULES_HEAD, Ceclog, write

ROOT = Path(__file__).parents[1]
PAD = " " * 15  # under the values of the settings ("after a lapse" and two spaces)
EXEMPTIONS = "exemptions (recorded by a holder, with the fact they rest on: no deadline is owed):"


def _lines(ceclog: Ceclog, name: str) -> list[str]:
    r = ceclog("rules", "show", name, ledger=None)
    assert r.code == 0, r.err
    return [line.rstrip() for line in r.out.splitlines()]


def _from(lines: list[str], start: str, count: int) -> list[str]:
    """The line that starts with `start` and the `count` lines after it."""
    at = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[at : at + count + 1]


def test_florida_fixed_periods_first_period_and_exemption(ceclog: Ceclog) -> None:
    lines = _lines(ceclog, "florida-mold")
    assert "effective      Fla. Admin. Code ch. 61-31, effective 2014-01-31" in lines
    assert _from(lines, "cycles start", 3) == [
        "cycles start   every 2 years from 08-01 in 2024, 2026, ... (fixed periods)",
        "first period   a holder first certified partway through a period owes the full "
        "requirement in it",
        f"{PAD}UNCONFIRMED: no source states what a licensee first licensed inside a period owes "
        "at the first renewal; the full 14 hours is the earlier deadline",
        "due date       the day before the next cycle starts",
    ]
    assert _from(lines, "certifications:", 1)[1] == (
        "  UNCONFIRMED: MRSA and MRSR are the prefixes of Florida licence numbers, not codes the "
        "DBPR publishes"
    )
    assert _from(lines, EXEMPTIONS, 2)[1:] == [
        "  ten-years  licence held continuously for 10 years without discipline: no continuing "
        "education owed [held 10 years without a break, in force from 2024-07-01]",
        "    source: www2.myfloridalicense.com/mold-related-services/hot-topics/ (SB 382)",
    ]


def test_calendar_cycles_are_as_long_as_the_tracks(ceclog: Ceclog) -> None:
    """RIA's cycles are 3 years from 1 July, NADCA's one year: not "on 07-01 each year"."""
    assert _from(_lines(ceclog, "ria"), "cycles start", 0) == [
        "cycles start   every 3 years from 07-01 (the first on or after the earned date)"
    ]
    assert _from(_lines(ceclog, "nadca-ascs"), "cycles start", 1) == [
        "cycles start   every year from 07-01 (the first on or after the earned date)",
        f"{PAD}UNCONFIRMED: no source states that the first certification year starts on the "
        "first 1 July after certification (NADCA's renewal page gives an example that "
        "contradicts its July-June year)",
    ]


def test_texas_due_day_one_licence_per_course_and_the_workers_course(ceclog: Ceclog) -> None:
    lines = _lines(ceclog, "texas-mold")
    assert _from(lines, "pool", 3) == [
        "pool           one requirement per certification",
        "entries        an entry counts for one certification only, the one it names",
        "cycles start   on the earned date",
        "due date       the anniversary of the licence's effective date, itself the last valid "
        "day (the next cycle starts the day after)",
    ]
    assert _from(lines, "submit to", 1)[1] == (
        f"{PAD}UNCONFIRMED: sources disagree on sending certificates: TDLR's page says with the "
        "renewal application, 16 TAC §78.25(g)(2) only when audited; no address is published"
    )
    assert _from(lines, "  worker:", 1) == [
        "  worker: 4.0 hours every 24 months — MRW",
        "    at least one completed class of 4 h or more per cycle (shorter classes do not add "
        "up to it)",
    ]


def test_acac_attestation_topic_titles_and_emeritus(ceclog: Ceclog) -> None:
    lines = _lines(ceclog, "acac")
    assert _from(lines, "  attestation", 1) == [
        "  attestation  attestation that you remain active in the field (ACAC grants 10 credits "
        "per cycle) [fixed 10 credits, whatever the hours, at most 10 credits per cycle, counts "
        "toward field-experience]",
        "  field        hours of field work: not credited by ACAC (record the attestation "
        "instead) [at most 0 credits per entry]",
    ]
    assert _from(lines, "  CMRS", 2) == [
        "  CMRS   Council-certified Microbial Remediation Supervisor",
        "  CMR    Council-certified Microbial Remediator",
        "    UNCONFIRMED: the facts checked say CMR is likely the Microbial Remediator, no more",
    ]
    assert _from(lines, "entries", 1) == [
        "entries        an entry counts for one certification only, the one it names",
        f"{PAD}UNCONFIRMED: no source says whether one class counts for several certifications; "
        "the cautious reading: each needs its own credits",
    ]
    assert _from(lines, EXEMPTIONS, 2)[1:] == [
        "  emeritus  emeritus status granted by ACAC: no recertification credits owed",
        "    source: acac.org/procedures",
    ]


def test_iicrc_marks_a_key_inside_a_kind(ceclog: Ceclog) -> None:
    assert _from(_lines(ceclog, "iicrc"), "  booth", 1) == [
        "  booth       registering at the IICRC booth at an applicable trade show [fixed 2 CECs, "
        "whatever the hours]",
        "    UNCONFIRMED (fixed): 2 CEC hours for registering at the IICRC booth comes from one "
        "secondary source only (tygartmedia), per show",
    ]


def test_every_unconfirmed_fact_of_a_shipped_profile_is_shown(ceclog: Ceclog) -> None:
    for path in sorted((ROOT / "rules").glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))["unconfirmed"]
        text = "\n".join(_lines(ceclog, path.stem))
        assert text.count("UNCONFIRMED") == len(table), path.stem
        for why in table.values():
            assert f"UNCONFIRMED: {why}" in text or f"): {why}" in text, (path.stem, why)
        doc = json.loads(ceclog("rules", "show", path.stem, "--json", ledger=None).out)
        assert doc["unconfirmed"] == table


RULES = (
    RULES_HEAD
    + """pool = "certification"
anchor = "calendar"
cycle_start = "01-01"
reference_year = 2024
first_period = "none"
due = "anniversary"

[kinds.course]
description = "a class"
topic = "water"

[certifications]
WRT = "Water Damage Restoration Technician"
MWR = "Master Water Restorer"

[[tracks]]
name = "master"
title = "Masters"
certifications = ["MWR"]
credits = 14
cycle_months = 24
min_course_hours = 3.5

[[tracks]]
name = "technician"
title = "Technicians"
certifications = ["WRT"]
credits = 14
cycle_months = 48
topics = { water = 6 }

[exemptions.retired]
description = "retired from the trade"

[unconfirmed]
"tracks.technician.topics.water" = "a guess"
plan = "no year of classes is published"
"""
)


def test_a_profile_of_ones_own_in_words_and_json(ceclog: Ceclog, tmp_path: Path) -> None:
    """Fixed periods of two lengths, nothing owed in a first period begun partway, each entry
    counting for each certification it names, and an UNCONFIRMED fact with nothing to show it
    next to (no planning seed): listed at the end."""
    path = write(tmp_path / "mine.toml", RULES)
    lines = _lines(ceclog, str(path))
    assert _from(lines, "entries", 3) == [
        "entries        an entry counts for each certification it names (all, if none)",
        "cycles start   every 2 years from 01-01 in 2024, 2026, ... (master); every 4 years from "
        "01-01 in 2024, 2028, ... (technician) (fixed periods)",
        "first period   a holder first certified partway through a period owes nothing in it "
        "(the first requirement is the next full period)",
        "due date       the anniversary of the licence's effective date, itself the last valid "
        "day (the next cycle starts the day after)",
    ]
    assert "  course  a class [counts toward water]" in lines
    assert _from(lines, "  master:", 1)[1] == (
        "    at least one completed class of 3.5 h or more per cycle (shorter classes do not add "
        "up to it)"
    )
    assert _from(lines, "    at least 6.0 in water", 1)[1] == (
        "    UNCONFIRMED (topics.water): a guess"
    )
    assert _from(lines, EXEMPTIONS, 1)[1] == "  retired  retired from the trade"
    assert lines[-2:] == [
        "unconfirmed (no published source states these):",
        "  plan: UNCONFIRMED: no year of classes is published",
    ]
    doc = json.loads(ceclog("rules", "show", str(path), "--json", ledger=None).out)
    assert (doc["reference_year"], doc["first_period"], doc["due"]) == (2024, "none", "anniversary")
    assert doc["entries_per_certification"] is False
    assert doc["kinds"]["course"]["topic"] == "water"
    assert [t["min_course_hours"] for t in doc["tracks"]] == [3.5, None]
    assert doc["exemptions"] == {
        "retired": {
            "description": "retired from the trade",
            "source": None,
            "since": None,
            "held_years": None,
        }
    }
    assert doc["unconfirmed"] == {
        "tracks.technician.topics.water": "a guess",
        "plan": "no year of classes is published",
    }
    # the keys of before are all still there, with their values
    assert doc["cycle_start"] == "01-01" and doc["kinds"]["course"]["fixed"] is None
