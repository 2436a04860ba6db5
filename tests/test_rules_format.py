"""The rules-file format: `rules check` lists every problem at FILE:LINE, `rules show` says every
setting in words, an exact hours_per_credit fraction, certification code aliases."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import RULES_HEAD, Ceclog, write

ROOT = Path(__file__).parents[1]

BROKEN = (
    RULES_HEAD
    + """pool = "holder"
due_soon_day = 90

[kinds.course]
description = "a class"
fixed = -1

[certifications]
WRT = "Water Damage Restoration Technician"

[[tracks]]
name = "technician"
title = "Technicians"
certifications = ["WRT", "XYZ"]
credits = 14
cycle_months = 48
"""
)


def test_rules_check_lists_every_problem_at_its_line(ceclog: Ceclog, tmp_path: Path) -> None:
    path = write(tmp_path / "mine.toml", BROKEN)
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{path}:9: error: unknown key 'due_soon_day'",
        "  hint: did you mean 'due_soon_days'?",
        f"{path}:13: error: kinds.course.fixed: must be at least 0, got -1",
        f"{path}:21: error: track 'technician' covers XYZ, which is not in [certifications]",
        '  hint: add XYZ = "its name" to [certifications], or correct the code',
    ]
    assert r.err == "3 errors\n"
    r = ceclog("rules", "check", str(path), "--json", ledger=None)
    assert r.code == 1
    assert [(f["line"], f["code"]) for f in json.loads(r.out)] == [
        (9, "unknown-key"),
        (13, "invalid-value"),
        (21, "invalid-value"),
    ]


def test_a_ledger_naming_broken_rules_reports_the_first_problem_and_the_count(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    from conftest import make_ledger

    write(tmp_path / "mine.toml", BROKEN)
    make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"), rules="mine.toml")
    r = ceclog("status")
    assert r.code == 1
    assert f"{tmp_path / 'mine.toml'}:9: unknown key 'due_soon_day' (and 2 more problems)" in r.err


def test_rules_check_bad_toml_missing_file_and_folder(ceclog: Ceclog, tmp_path: Path) -> None:
    path = write(tmp_path / "syntax.toml", 'name = "x"\ntitle = "a\n')
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.code == 1
    assert r.out.splitlines()[0] == (
        f"{path}:2: error: not valid TOML: a string is not closed (a quote is missing)"
    )
    r = ceclog("rules", "check", str(tmp_path / "none.toml"), ledger=None)
    assert r.code == 1
    assert r.out.startswith(f"{tmp_path / 'none.toml'}: error: rules file not found\n")
    r = ceclog("rules", "check", str(tmp_path), ledger=None)
    assert r.code == 1
    assert r.out == f"{tmp_path}: error: is a folder, not a rules file\n"


def test_rules_check_a_valid_file_says_so_in_one_line(ceclog: Ceclog) -> None:
    for name, tracks, certs in (("iicrc", 3, 29), ("iicrc-2012", 3, 29)):
        path = ROOT / "rules" / f"{name}.toml"
        r = ceclog("rules", "check", str(path), ledger=None)
        assert r.code == 0, r.out
        assert (
            r.out
            == f"{path}: valid rules profile {name} ({tracks} tracks, {certs} certifications)\n"
        )


def test_rules_show_says_every_setting_in_words(ceclog: Ceclog) -> None:
    r = ceclog("rules", "show", "iicrc", ledger=None)
    assert r.code == 0
    lines = [line.rstrip() for line in r.out.splitlines()]
    for expected in (
        "unit           1 CEC = 1 h of education (plural: CECs)",
        "rounding       down to steps of 0.5",
        "event cap      none",
        "pool           one requirement for all your certifications",
        "cycles start   on the earned date",
        "due soon       within 90 days of the due date",
        "pace           behind is judged in whole steps of 12 months",
        "after a lapse  renew until 24 months after the due date, then reinstate",
        "default kind   course",
        "  booth       registering at the IICRC booth at an applicable trade show "
        "[fixed 2 CECs, whatever the hours]",
        "  master: 14.0 CECs every 24 months — MTC, MWR, MFSR, MSR",
        "no requirement: MRS",
        "  CMT = CCMT",
        "  Q2: Manufacturer training (workshop, 3 h)",
    ):
        assert expected in lines, expected
    doc = json.loads(ceclog("rules", "show", "iicrc", "--json", ledger=None).out)
    assert doc["aliases"] == {"CMT": "CCMT"}
    assert doc["pace_months"] == 12 and doc["hours_per_credit"] == 1.0


def test_an_alias_is_recorded_as_its_code_and_counts_there(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    from conftest import make_ledger

    make_ledger(ledger_path)
    r = ceclog("cert", "add", "cmt", "--earned", "2024-01-01")
    assert r.code == 0, r.err
    assert r.out.splitlines()[0] == (
        "Recorded CCMT (Commercial Carpet Maintenance Technician; CMT is another name for it), "
        "earned 2024-01-01."
    )
    assert 'code = "CCMT"' in ledger_path.read_text()
    assert (
        ceclog("add", "Carpet care", "--hours", "3", "--cert", "CMT", "--date", "2025-01-01").code
        == 0
    )
    doc = json.loads(ceclog("status", "--json").out)
    (req,) = doc["requirements"]
    assert (req["track"], req["certifications"], req["counted"]) == ("technician", ["CCMT"], 3.0)
    entry = json.loads(ceclog("list", "--json").out)[0]
    assert entry["certifications"] == ["CCMT"]
    # the alias names it in the other commands too
    assert ceclog("cert", "end", "CMT", "--on", "2026-01-01").code == 0
    assert "ended = 2026-01-01" in ledger_path.read_text()
    r = ceclog("cert", "rm", "cmt")
    assert r.code == 0 and r.out.startswith("Removed CCMT.")


def test_an_alias_written_in_a_ledger_is_an_error_naming_the_code(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    from conftest import make_ledger

    make_ledger(ledger_path, ("CMT", "2024-01-01"))
    r = ceclog("check", "unknown-code")
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{ledger_path}:10: error: certification CMT is not known to the iicrc rules",
        "  hint: CMT is another name for CCMT in the iicrc rules: write CCMT",
    ]


def test_an_alias_must_name_a_code_and_not_be_one(ceclog: Ceclog, tmp_path: Path) -> None:
    shipped = (ROOT / "rules" / "iicrc.toml").read_text()
    path = tmp_path / "mine.toml"
    path.write_text(shipped.replace('CMT = "CCMT"', 'CMT = "CCMX"\nWRT = "CCMT"'))
    r = ceclog("rules", "check", str(path), ledger=None)
    assert r.code == 1
    line = shipped.splitlines().index('CMT = "CCMT"') + 1
    assert r.out.splitlines() == [
        f"{path}:{line}: error: alias CMT names CCMX, which is not in [certifications]",
        "  hint: an alias names the code it stands for, one of [certifications]",
        f"{path}:{line + 1}: error: alias WRT is itself a code in [certifications]",
        "  hint: remove the alias, or the code from [certifications]",
    ]


def test_hours_per_credit_as_an_exact_fraction(ceclog: Ceclog, tmp_path: Path) -> None:
    from conftest import make_ledger

    shipped = (ROOT / "rules" / "iicrc.toml").read_text()
    rules = shipped.replace("hours_per_credit = 1 ", 'hours_per_credit = "50/60" ')
    (tmp_path / "mine.toml").write_text(rules.replace("increment = 0.5", "increment = 0.1"))
    make_ledger(
        tmp_path / "ledger.toml",
        ("WRT", "2024-01-01"),
        rules="mine.toml",
        body='\n[[entries]]\nid = 1\ndate = 2025-01-01\ntitle = "One hour"\nhours = 1\n',
    )
    for _ in range(2):  # validated, then read back from the cache
        entry = json.loads(ceclog("list", "--json").out)[0]
        assert entry["counted"] == 1.2  # 60 minutes of 50-minute contact hours
        assert entry["explanation"] == "1 h ÷ 5/6 h per CEC = 1.2"
    doc = json.loads(ceclog("rules", "show", str(tmp_path / "mine.toml"), "--json").out)
    assert doc["hours_per_credit"] == 5 / 6
    shown = ceclog("rules", "show", str(tmp_path / "mine.toml")).out.splitlines()
    assert "unit           1 CEC = 5/6 h of education (plural: CECs)" in shown
    (tmp_path / "mine.toml").write_text(rules.replace('"50/60"', '"50/0"'))
    r = ceclog("rules", "check", str(tmp_path / "mine.toml"))
    line = shipped.splitlines().index(
        next(ln for ln in shipped.splitlines() if ln.startswith("hours_per_credit"))
    )
    assert r.code == 1
    assert r.out == (
        f"{tmp_path / 'mine.toml'}:{line + 1}: error: hours_per_credit: '50/0' is not a number "
        'or a fraction: write 1, 0.5 or "50/60" (hours per credit)\n'
    )
