"""A crew sheet (an office manager's sheet with a Technician column) is a team's history:
into one ledger only its holder's rows come in.

The sheet names Ana Lima (rows 2 and 6, "ana lima"), Ben Okafor (3, "Okafor, Ben"; 7, "BEN
OKAFOR"), Cara Nguyen (4, "Cára Nguyen"; 8, her registrant ID 1003) and Dan Wu (5).  Ana's
ledger has the class of row 2 already.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Ceclog

TODAY = "2026-11-30"
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


def _ledger(name: str, rid: str, earned: str, entries: str = "") -> str:
    return (
        f'version = 1\n\n[holder]\nname = "{name}"\nregistrant_id = "{rid}"\nrules = "iicrc"\n'
        f'tracking_since = 2020-01-01\n\n[[certifications]]\ncode = "WRT"\nearned = {earned}\n'
        + entries
    )


ANA_CLASS = '\n[[entries]]\nid = 1\ndate = 2025-01-10\ntitle = "Water restoration"\nhours = 7\n'


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A firm's folder of three ledgers, and the office manager's crew sheet beside it."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "ana.toml").write_text(_ledger("Ana Lima", "1001", "2024-03-01", ANA_CLASS))
    (folder / "ben.toml").write_text(_ledger("Ben Okafor", "1002", "2025-06-01"))
    (folder / "cara").mkdir()  # a folder per technician works too
    (folder / "cara" / "ledger.toml").write_text(_ledger("Cara Nguyen", "1003", "2024-06-01"))
    (tmp_path / "crew.csv").write_text(CREW, encoding="utf-8")
    return folder


def run(ceclog: Ceclog, *args: str, ledger: str | None = None) -> tuple[int, str, str]:
    r = ceclog(*args, ledger=Path(ledger) if ledger else None, today=TODAY)
    return r.code, r.out, r.err


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _titles(ceclog: Ceclog, ledger: str) -> list[str]:
    code, out, err = run(ceclog, "list", "--json", ledger=ledger)
    assert code == 0, err
    return [e["title"] for e in json.loads(out)]


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
    assert "into each person's own ledger" in err and "not read" not in err
    assert _files(team) == before

    code, out, err = run(ceclog, "import", "crew.csv", "--yes", "--json", ledger="team/ana.toml")
    assert code == 0, err
    doc = json.loads(out)
    assert [a["row"] for a in doc["added"]] == [6] and [s["row"] for s in doc["skipped"]] == [2]
    assert doc["other_people"] == [
        {"name": "Ben Okafor", "rows": [3, 7]},
        {"name": "Cára Nguyen", "rows": [4]},
        {"name": "Dan Wu", "rows": [5]},
        {"name": "1003", "rows": [8]},
    ]
    assert _titles(ceclog, "team/ana.toml") == ["Water restoration", "Odor control"]
