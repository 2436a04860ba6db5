"""A crew sheet (an office manager's sheet with a Technician column) is a team's history:
into one ledger only its holder's rows come in; `import --team FOLDER` puts each technician's
rows into their own ledger, all or nothing, with one `undo` per ledger.

Figures worked out by hand from rules/iicrc.toml (1 CEC = 1 hour, 14 CECs every 48 months for
a WRT technician), on 2026-11-30:

- Ana Lima (1001, WRT 2024-03-01; cycle to 2028-02-29) has 7 h of 2025-01-10.  Her rows: 2
  (that class again: skipped), 6 (3 h, written "ana lima"): 7 + 3 = 10.0 counted, 4.0 to go.
- Ben Okafor (1002, WRT 2025-06-01; cycle to 2029-05-31): rows 3 ("Okafor, Ben", 4 h) and
  7 ("BEN OKAFOR", 2.5 h): 6.5 counted.
- Cara Nguyen (1003, WRT 2024-06-01; cycle to 2028-05-31): rows 4 ("Cára Nguyen", 5 h) and 8
  (her registrant ID, 1003; 2 h): 7.0 counted.
- Dan Wu has no ledger: `--create` makes team/dan-wu.toml (rules iicrc, as every ledger in
  team names); with WRT earned 2023-01-15 recorded (cycle to 2027-01-14, 45 days left), row 5
  (10 h) counts 10.0: due soon, 4.0 still needed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog
from crew_makers import HISTORY, TODAY, history, imported_again, make_team, run
from crew_makers import files as _files
from crew_makers import titles as _titles

CREW = (
    "Technician,Date,Course,Hours\n"
    "Ana Lima,2025-01-10,Water restoration,7\n"
    '"Okafor, Ben",2025-09-01,Mold basics,4\n'
    "Cára Nguyen,2024-07-01,Fire restoration,5\n"
    "Dan Wu,2023-05-05,Structural drying,10\n"
    "ana lima,2025-06-15,Odor control,3\n"
    "BEN OKAFOR,2026-02-10,Drying webinar,2.5\n"
    "1003,2025-03-03,Smoke odor,2\n"
)


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A firm's folder of three ledgers, and the office manager's crew sheet beside it."""
    monkeypatch.chdir(tmp_path)
    folder = make_team(tmp_path / "team")
    (tmp_path / "crew.csv").write_text(CREW, encoding="utf-8")
    return folder


def test_a_crew_sheet_into_one_ledger_imports_only_its_holders_rows(
    ceclog: Ceclog, team: Path
) -> None:
    before = _files(team)
    code, out, err = run(ceclog, "import", "crew.csv", ledger="team/ana.toml")
    assert code == 0, err
    assert "Would add 1 entry:\n  row 6: entry 2: 2025-06-15 Odor control (3 h, course)" in out
    assert "row 2: 2025-01-10 Water restoration (7 h, course) = entry 1" in out
    assert (
        "Not imported: 5 rows naming another person than Ana Lima, the ledger's holder:\n"
        "  Ben Okafor: 2 rows (3, 7)\n"
        "  Cára Nguyen: 1 row (4)\n"
        "  Dan Wu: 1 row (5)\n"
        "  1003: 1 row (8)\n"
    ) in out
    assert "import crew.csv --team FOLDER" in err and "not read" not in err
    assert _files(team) == before

    code, out, err = run(ceclog, "import", "crew.csv", "--yes", "--json", ledger="team/ana.toml")
    assert code == 0, err
    doc = json.loads(out)
    assert [a["row"] for a in doc["added"]] == [6] and [s["row"] for s in doc["skipped"]] == [2]
    assert doc["other_people"] == [
        {"name": "Ben Okafor", "rows": ["3", "7"]},
        {"name": "Cára Nguyen", "rows": ["4"]},
        {"name": "Dan Wu", "rows": ["5"]},
        {"name": "1003", "rows": ["8"]},
    ]
    assert _titles(ceclog, "team/ana.toml") == ["Water restoration", "Odor control"]


def test_a_crew_sheet_of_four_technicians_one_new_goes_into_the_team_folder(
    ceclog: Ceclog, team: Path
) -> None:
    before = _files(team)
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create")
    assert code == 0, err
    assert _files(team) == before  # a dry run
    assert out.splitlines() == [
        "Ana Lima -> team/ana.toml: 2 rows",
        "  Would add 1 entry:",
        "    row 6: entry 2: 2025-06-15 Odor control (3 h, course)",
        "  Skipped 1 row already in the ledger:",
        "    row 2: 2025-01-10 Water restoration (7 h, course) = entry 1",
        "Ben Okafor -> team/ben.toml: 2 rows",
        "  Would add 2 entries:",
        "    row 3: entry 1: 2025-09-01 Mold basics (4 h, course)",
        "    row 7: entry 2: 2026-02-10 Drying webinar (2.5 h, course)",
        "Cára Nguyen (also written '1003') -> team/cara/ledger.toml: 2 rows",
        "  Would add 2 entries:",
        "    row 4: entry 1: 2024-07-01 Fire restoration (5 h, course)",
        "    row 8: entry 2: 2025-03-03 Smoke odor (2 h, course)",
        "Dan Wu -> team/dan-wu.toml, a new ledger (rules iicrc, as every ledger in team names): "
        "1 row",
        "  Would add 1 entry:",
        "    row 5: entry 1: 2023-05-05 Structural drying (10 h, course)",
        "Would add 6 entries to 4 ledgers (1 new) for 4 technicians; 1 row already there, "
        "0 held back.",
    ]
    assert "team/dan-wu.toml would be a new ledger for Dan Wu" in err
    assert "cert add CODE --earned DATE" in err
    assert "import crew.csv --team team --create --yes" in err

    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 0, err
    assert "Added 6 entries to 4 ledgers (1 new)" in out
    assert "each ledger keeps its own backup" in err
    new = (team / "dan-wu.toml").read_text()
    assert 'name = "Dan Wu"' in new and 'rules = "iicrc"' in new
    assert f"tracking_since = {TODAY}" in new  # as `init` that day
    assert oct((team / "dan-wu.toml").stat().st_mode & 0o777) == oct(0o600)
    assert history(ceclog) == HISTORY
    imported_again(ceclog, team, "crew.csv")


def test_an_unmatched_name_is_asked_about_and_nothing_is_written(
    ceclog: Ceclog, team: Path
) -> None:
    (team.parent / "crew.csv").write_text(CREW + "Ana Lema,2025-07-01,Typo,1\n", encoding="utf-8")
    before = _files(team)
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--yes")
    assert code == 1
    assert (
        "error: crew.csv: 2 names in the sheet are no ledger's holder in team: 'Dan Wu' (1 row: "
        "5), 'Ana Lema' (1 row: 9; did you mean Ana Lima (team/ana.toml)?); nothing was written"
    ) in err
    assert (
        "the ledgers there: Ana Lima (team/ana.toml); Ben Okafor (team/ben.toml); Cara Nguyen "
        "(team/cara/ledger.toml). Correct the name in the sheet"
    ) in err
    assert "--create" in err
    assert _files(team) == before

    code, out, _ = run(ceclog, "import", "crew.csv", "--team", "team", "--json")
    assert code == 1
    doc = json.loads(out)
    assert doc["unmatched"] == [
        {"name": "Dan Wu", "rows": ["5"]},
        {"name": "Ana Lema", "rows": ["9"]},
    ]
    assert doc["written"] is False and doc["people"] == []
    assert _files(team) == before


def test_a_bad_row_of_one_technician_writes_nothing_to_any_ledger(
    ceclog: Ceclog, team: Path
) -> None:
    sheet = CREW.replace("Smoke odor,2", "Smoke odor,-2") + ",2025-08-01,Whose?,1\n"
    (team.parent / "crew.csv").write_text(sheet, encoding="utf-8")
    before = _files(team)
    code, out, err = run(
        ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes", "--json"
    )
    assert code == 1
    assert "crew.csv:8: 'Hours' cannot be negative, got -2" in err
    assert "crew.csv:9: 'Technician' names no one: whose class is it?" in err
    assert "2 rows cannot be imported; nothing was written to any ledger" in err
    doc = json.loads(out)
    assert [e["row"] for e in doc["errors"]] == [8, 9]
    cara = next(p for p in doc["people"] if p["name"] == "Cára Nguyen")
    assert cara["added"] == [] and [e["row"] for e in cara["errors"]] == [8]
    assert _files(team) == before and not (team / "dan-wu.toml").exists()


def test_a_refused_import_leaves_no_lock_for_a_new_ledger_and_a_lock_takes_no_name(
    ceclog: Ceclog, team: Path
) -> None:
    bad = CREW.replace("Smoke odor,2", "Smoke odor,-2")
    (team.parent / "crew.csv").write_text(bad, encoding="utf-8")
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 1 and "1 row cannot be imported; nothing was written" in err, err
    left = sorted(p.name for p in team.iterdir() if p.name.startswith(".dan"))
    assert left == []  # the existing ledgers' locks may stay: that is their place
    (team / ".dan-wu.toml.lock").write_text("")  # as an older ceclog left it
    (team.parent / "crew.csv").write_text(CREW, encoding="utf-8")
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 0, err
    assert "Dan Wu -> team/dan-wu.toml, a new ledger" in out
    assert not (team / "dan-wu-2.toml").exists()


def test_a_failed_write_midway_puts_back_the_ledgers_already_written(
    ceclog: Ceclog, team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (team / "ana.toml.bak").write_text("an older backup\n")
    before = _files(team)
    cara = os.path.realpath(team / "cara" / "ledger.toml")
    real_replace = os.replace

    def full_disk(src: str, dst: str) -> None:
        if os.fspath(dst) == cara:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 1
    assert (
        "the disk is full; the ledgers written before it were put back, so nothing was changed"
    ) in err
    assert "note:" not in err  # the journal agrees: nothing is left written
    assert _files(team) == before  # Ana's and Ben's ledgers and backups, as they were
    assert not (team / "dan-wu.toml").exists()


def test_undo_reverts_one_technicians_part_of_the_import(ceclog: Ceclog, team: Path) -> None:
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 0, err
    ana = (team / "ana.toml").read_bytes()
    code, out, err = run(ceclog, "undo", ledger="team/ben.toml")
    assert code == 0, err
    assert _titles(ceclog, "team/ben.toml") == []
    assert _titles(ceclog, "team/cara/ledger.toml") == ["Fire restoration", "Smoke odor"]
    assert (team / "ana.toml").read_bytes() == ana
    code, out, err = run(ceclog, "undo", ledger="team/dan-wu.toml")
    assert code == 0, err
    assert _titles(ceclog, "team/dan-wu.toml") == []  # the ledger as `init` makes it
    code, out, err = run(ceclog, "holder", "--json", ledger="team/dan-wu.toml")
    assert json.loads(out)["name"] == "Dan Wu"


def test_json_of_a_team_import(ceclog: Ceclog, team: Path) -> None:
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert {k: doc[k] for k in ("file", "team", "written", "unmatched", "errors")} == {
        "file": "crew.csv",
        "team": "team",
        "written": False,
        "unmatched": [],
        "errors": [],
    }
    people: list[dict[str, Any]] = doc["people"]
    assert [(p["name"], p["ledger"], p["created"], p["rows"]) for p in people] == [
        ("Ana Lima", "team/ana.toml", False, ["2", "6"]),
        ("Ben Okafor", "team/ben.toml", False, ["3", "7"]),
        ("Cára Nguyen", "team/cara/ledger.toml", False, ["4", "8"]),
        ("Dan Wu", "team/dan-wu.toml", True, ["5"]),
    ]
    assert people[0]["names"] == ["Ana Lima"] and people[2]["names"] == ["Cára Nguyen", "1003"]
    assert people[3]["new_ledger"] == "rules iicrc, as every ledger in team names"
    assert [a["row"] for a in people[0]["added"]] == [6]
    assert [s["matches"] for s in people[0]["skipped"]] == [1]
    assert people[0]["added"][0]["imported"] == "crew.csv:6"
    assert all(p["held"] == [] and p["errors"] == [] for p in people)


def test_mistakes_with_a_team_are_refused_before_anything_is_written(
    ceclog: Ceclog, team: Path
) -> None:
    before = _files(team)
    for args, message in [
        (("--create",), "--create goes with --team FOLDER"),
        (("--team", "team", "--rules", "iicrc"), "--rules goes with --create"),
        (("--team", "nowhere"), "nowhere: no such folder"),
    ]:
        code, _, err = run(ceclog, "import", "crew.csv", *args)
        assert code != 0 and message in err, err
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", ledger="team/ana.toml")
    assert code == 2 and "not both" in err

    # a copy of Ben's ledger: whose is it? the import cannot choose
    (team / "ben (copy).toml").write_bytes((team / "ben.toml").read_bytes())
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 1
    assert "'Ben Okafor' is the holder of several ledgers: team/ben (copy).toml and" in err
    (team / "ben (copy).toml").unlink()

    # a ledger that does not read: it could be anyone's, so nothing is done
    (team / "eve.toml").write_text('[holder]\nname = "Eve"\nrules = \n')
    code, _, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create", "--yes")
    assert code == 1 and "cannot tell whose ledger team/eve.toml is" in err
    (team / "eve.toml").unlink()

    # a sheet that says no one's name
    (team.parent / "mine.csv").write_text("Date,Course,Hours\n2025-01-01,A,1\n")
    code, _, err = run(ceclog, "import", "mine.csv", "--team", "team", "--yes")
    assert code == 1 and "no column says whose class each row is" in err
    assert _files(team) == before


def test_new_ledgers_take_the_rules_given_or_most_of_the_team_names(
    ceclog: Ceclog, team: Path
) -> None:
    code, out, err = run(
        ceclog, "import", "crew.csv", "--team", "team", "--create", "--rules", "iicrc-2012"
    )
    assert code == 0, err
    assert "team/dan-wu.toml, a new ledger (rules iicrc-2012, as --rules says)" in out
    (team / "ben.toml").write_text(
        (team / "ben.toml").read_text().replace('rules = "iicrc"', 'rules = "iicrc-2012"')
    )
    code, out, err = run(ceclog, "import", "crew.csv", "--team", "team", "--create")
    assert code == 0, err
    assert "(rules iicrc, as 2 of the 3 ledgers in team name)" in out
