"""The rules-file format: `rules check` lists every problem at FILE:LINE, `rules show` says every
setting in words, an exact hours_per_credit fraction, certification code aliases."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Ceclog, write

ROOT = Path(__file__).parents[1]

BROKEN = """
name = "mine"
title = "My rules"
source = ["my renewal notice"]
checked = 2026-01-01
effective = "2026"
hours_per_credit = 1
increment = 0.5
pool = "holder"
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
        f"{path}:2: error: not valid TOML: Illegal character '\\n' (column 11)"
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
