"""A firm's folder of technicians' ledgers, for the tests of crew sheets (`import --team`, and a
crew sheet into one ledger): Ana Lima (1001, WRT 2024-03-01, one class of 7 h on 2025-01-10),
Ben Okafor (1002, WRT 2025-06-01) and Cara Nguyen (1003, WRT 2024-06-01, in a folder of her
own), all under rules/iicrc.toml; how the tests run ceclog on them, on 2026-11-30; and the
history `ceclog team` shows once the tests' crew sheets (CSV or workbook) are imported, with
a new ledger for Dan Wu (its figures are worked out in tests/test_import_crew.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Ceclog

TODAY = "2026-11-30"
ANA_CLASS = '\n[[entries]]\nid = 1\ndate = 2025-01-10\ntitle = "Water restoration"\nhours = 7\n'


def ledger_text(name: str, rid: str, earned: str, entries: str = "") -> str:
    return (
        f'version = 1\n\n[holder]\nname = "{name}"\nregistrant_id = "{rid}"\nrules = "iicrc"\n'
        f'tracking_since = 2020-01-01\n\n[[certifications]]\ncode = "WRT"\nearned = {earned}\n'
        + entries
    )


def make_team(folder: Path) -> Path:
    """The three ledgers in `folder` (created)."""
    folder.mkdir()
    (folder / "ana.toml").write_text(ledger_text("Ana Lima", "1001", "2024-03-01", ANA_CLASS))
    (folder / "ben.toml").write_text(ledger_text("Ben Okafor", "1002", "2025-06-01"))
    (folder / "cara").mkdir()  # a folder per technician works too
    (folder / "cara" / "ledger.toml").write_text(ledger_text("Cara Nguyen", "1003", "2024-06-01"))
    return folder


def run(ceclog: Ceclog, *args: str, ledger: str | None = None) -> tuple[int, str, str]:
    r = ceclog(*args, ledger=Path(ledger) if ledger else None, today=TODAY)
    return r.code, r.out, r.err


def files(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (but locks), to show that nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def classes(ceclog: Ceclog, ledger: str) -> list[tuple[str, str, float | None]]:
    """Each entry of `ledger` (as `list` orders them): its date, title and hours."""
    code, out, err = run(ceclog, "list", "--json", ledger=ledger)
    assert code == 0, err
    return [(e["date"], e["title"], e["hours"]) for e in json.loads(out)]


def titles(ceclog: Ceclog, ledger: str) -> list[str]:
    code, out, err = run(ceclog, "list", "--json", ledger=ledger)
    assert code == 0, err
    return [e["title"] for e in json.loads(out)]


HISTORY = {
    "Ana Lima": ("team/ana.toml", "2028-02-29", 10.0, 4.0, "on_track"),
    "Ben Okafor": ("team/ben.toml", "2029-05-31", 6.5, 7.5, "on_track"),
    "Cara Nguyen": ("team/cara/ledger.toml", "2028-05-31", 7.0, 7.0, "on_track"),
    "Dan Wu": ("team/dan-wu.toml", "2027-01-14", 10.0, 4.0, "due_soon"),
}


def history(ceclog: Ceclog) -> dict[str, tuple[Any, ...]]:
    """Each one's file, due date, counted, still needed and state, as `ceclog team` shows them
    once Dan Wu's new ledger has his certification (WRT, earned 2023-01-15)."""
    code, _, err = run(
        ceclog, "cert", "add", "WRT", "--earned", "2023-01-15", ledger="team/dan-wu.toml"
    )
    assert code == 0, err
    code, out, err = run(ceclog, "team", "team", "--json")
    assert code == 0, err
    rows = {r["name"]: r for r in json.loads(out)["rows"]}
    return {
        n: (r["file"], r["due"], r["counted"], r["remaining"], r["state"]) for n, r in rows.items()
    }


def imported_again(ceclog: Ceclog, team: Path, sheet: str) -> None:
    """The same sheet again adds nothing anywhere, and makes no second ledger for Dan Wu."""
    before = files(team)
    code, out, err = run(ceclog, "import", sheet, "--team", "team", "--create", "--yes")
    assert code == 0, err
    assert "Added 0 entries to 0 ledgers for 4 technicians; 7 rows already there" in out
    assert files(team) == before
