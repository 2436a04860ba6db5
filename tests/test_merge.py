"""`ceclog merge`: two versions of one ledger joined by meaning; every figure worked out by hand.

The issue's case: from one BASE (entries 1 Water 7 h, 2 Drying 4 h, 3 Mold 3 h), MINE adds
4 Odor 2 h and 5 Thermal 3 h and edits 2 to 5 h; THEIRS removes 3 and adds 4 Thermal 3 h (the
same class as MINE's 5) and 5 Fire 6 h.  Merged three ways: 1 (7), 2 (5), 4 Odor (2), 5 Thermal
(3), 6 Fire (6, THEIRS' 5 under a fresh ID): 5 entries, 23 CECs, each credit once."""

from __future__ import annotations

import datetime as dt
import io
import json
import shlex
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog, make_ledger, undone


def entry(id_: int, date: str, title: str, hours: int, extra: str = "") -> str:
    return f'\n[[entries]]\nid = {id_}\ndate = {date}\ntitle = "{title}"\nhours = {hours}\n{extra}'


WATER = entry(1, "2025-05-04", "Water damage basics", 7)
DRYING = entry(2, "2025-06-09", "Drying refresher", 4)
MOLD = entry(3, "2025-07-01", "Mold class", 3)
ODOR = entry(4, "2026-03-10", "Odor control", 2)
THERMAL_4 = entry(4, "2026-04-02", "Thermal imaging", 3)
THERMAL_5 = entry(5, "2026-04-02", "Thermal imaging", 3)
FIRE = entry(5, "2026-05-05", "Fire restoration", 6)


def ledger(path: Path, *entries: str) -> Path:
    return make_ledger(path, ("WRT", "2024-03-01"), body="".join(entries))


def rows(path: Path) -> list[tuple[int, str, float]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(e["id"], e["title"], float(e["hours"])) for e in data.get("entries", [])]


@pytest.fixture
def copies(tmp_path: Path, ledger_path: Path) -> tuple[Path, Path, Path]:
    """The issue's case: MINE (the ledger), THEIRS and BASE, each in a folder of its own."""
    ledger(ledger_path, WATER, DRYING.replace("hours = 4", "hours = 5"), MOLD, ODOR, THERMAL_5)
    (tmp_path / "other").mkdir()
    theirs = ledger(tmp_path / "other" / "ledger.toml", WATER, DRYING, THERMAL_4, FIRE)
    base = ledger(tmp_path / "base.toml", WATER, DRYING, MOLD)
    return ledger_path, theirs, base


MERGED = [
    (1, "Water damage basics", 7.0),
    (2, "Drying refresher", 5.0),
    (4, "Odor control", 2.0),
    (5, "Thermal imaging", 3.0),
    (6, "Fire restoration", 6.0),
]


def test_copies_edited_apart_merge_three_ways_with_every_credit_once(
    ceclog: Ceclog, copies: tuple[Path, Path, Path]
) -> None:
    mine, theirs, base = copies
    other_bytes, base_bytes = theirs.read_bytes(), base.read_bytes()
    r = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert r.code == 0, r.err
    assert rows(mine) == MERGED
    assert "the same class: entry 4 there is entry 5 (2026-04-02 Thermal imaging) here" in r.out
    assert "6  2026-05-05 Fire restoration (6 h, course) (entry 5 there)" in r.out
    assert "removed (removed in" in r.out and "entry 3 (2025-07-01 Mold class)" in r.out
    assert "took from" not in r.out and "changed on both sides" not in r.out  # 2: here only
    assert "5 entries; completed ones count 23.0 CECs." in ceclog("list").out
    assert ceclog("check").code == 0
    assert theirs.read_bytes() == other_bytes and base.read_bytes() == base_bytes
    merged = mine.read_bytes()
    again = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert "nothing to merge: the ledger was not changed" in again.err
    assert mine.read_bytes() == merged


def test_two_way_keeps_what_only_the_ledger_has_and_says_why(
    ceclog: Ceclog, copies: tuple[Path, Path, Path]
) -> None:
    """Without a base, entry 3 may be a removal there or a class added here: kept, said; and
    entry 2's hours differ (4 there, 5 here): a conflict, decided by --prefer mine."""
    mine, theirs, _ = copies
    r = ceclog("merge", str(mine), str(theirs), "--prefer", "mine", "--yes", ledger=None)
    assert r.code == 0, r.err
    assert rows(mine) == [*MERGED[:2], (3, "Mold class", 3.0), *MERGED[2:]]
    assert "only in the ledger, kept: entry 3 (2025-07-01 Mold class)" in r.out
    assert "give --base FILE" in r.out
    assert "hours: mine 5, theirs 4 -> kept mine" in r.out
    assert "6 entries; completed ones count 26.0 CECs." in ceclog("list").out


def test_a_dry_run_writes_nothing_and_gives_the_command(
    ceclog: Ceclog, copies: tuple[Path, Path, Path]
) -> None:
    mine, theirs, base = copies
    before = mine.read_bytes()
    r = ceclog("merge", str(theirs), "--base", str(base))
    assert r.code == 0, r.err
    assert "to add 1 entry:" in r.out and "to remove (removed in" in r.out
    assert "dry run (no --yes): nothing was written; to merge: ceclog --ledger" in r.err
    assert f"--base {base} --yes" in r.err
    assert mine.read_bytes() == before
    assert not mine.with_name("ledger.toml.bak").exists()


def test_undo_restores_the_ledger_as_it_was(
    ceclog: Ceclog, copies: tuple[Path, Path, Path]
) -> None:
    mine, theirs, base = copies
    before = mine.read_bytes()
    r = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert "was merged into the ledger; `ceclog undo` reverts the merge" in r.err
    assert ceclog("undo").code == 0
    assert mine.read_bytes() == undone(before, 6)


CONFLICT_BASE = (WATER, DRYING)


@pytest.fixture
def conflicting(tmp_path: Path, ledger_path: Path) -> tuple[Path, Path, Path]:
    """Entry 2's hours: 4 in BASE, 5 here, 6 there; THEIRS also marks entry 1 submitted."""
    ledger(ledger_path, WATER, DRYING.replace("hours = 4", "hours = 5"))
    theirs = ledger(
        tmp_path / "theirs.toml",
        WATER + "submitted = 2025-06-01\n",
        DRYING.replace("hours = 4", "hours = 6"),
    )
    return ledger_path, theirs, ledger(tmp_path / "base.toml", *CONFLICT_BASE)


def test_a_field_changed_on_both_sides_is_refused_without_a_terminal(
    ceclog: Ceclog, conflicting: tuple[Path, Path, Path]
) -> None:
    mine, theirs, base = conflicting
    before = mine.read_bytes()
    r = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert r.code == 1
    assert "entry 2 (2025-06-09 Drying refresher): hours: mine 5, theirs 6" in r.err
    assert "1 field changed on both sides (above); nothing was written" in r.err
    assert "--prefer mine or --prefer theirs" in r.err
    assert mine.read_bytes() == before


@pytest.mark.parametrize(("prefer", "hours"), [("mine", 5), ("theirs", 6)])
def test_prefer_decides_the_fields_changed_on_both_sides(
    ceclog: Ceclog, conflicting: tuple[Path, Path, Path], prefer: str, hours: int
) -> None:
    mine, theirs, base = conflicting
    r = ceclog("merge", str(theirs), "--base", str(base), "--prefer", prefer, "--yes")
    assert r.code == 0, r.err
    data = tomllib.loads(mine.read_text(encoding="utf-8"))
    submitted = [e.get("submitted") for e in data["entries"]]
    assert submitted == [dt.date(2025, 6, 1), None]  # changed there only: taken either way
    assert [e["hours"] for e in data["entries"]] == [7, hours]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_field_is_asked(
    ceclog: Ceclog, conflicting: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs, base = conflicting
    monkeypatch.setattr(sys, "stdin", Terminal("x\nt\n"))
    r = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert r.code == 0, r.err
    assert r.err.count("keep mine (m) or take theirs (t)?") == 2  # "x" asked again
    assert rows(mine) == [(1, "Water damage basics", 7.0), (2, "Drying refresher", 6.0)]


def test_json_lists_the_conflicts_undecided(
    ceclog: Ceclog, conflicting: tuple[Path, Path, Path]
) -> None:
    _, theirs, base = conflicting
    r = ceclog("merge", str(theirs), "--base", str(base), "--json")
    doc: dict[str, Any] = json.loads(r.out)
    assert doc["conflicts"] == [
        {
            "key": "entry 2: hours",
            "what": "entry 2 (2025-06-09 Drying refresher)",
            "field": "hours",
            "mine": 5.0,
            "theirs": 6.0,
            "chosen": None,
        }
    ]
    assert doc["taken"] == [{"id": 1, "fields": ["submitted"]}]
    assert (doc["written"], doc["three_way"], doc["same"]) == (False, True, 0)


EVIDENCE = """
[[entries.evidence]]
file = "evidence/{name}"
name = "certificate.pdf"
sha256 = "{sha}"
"""


def test_the_other_copys_certificates_are_kept_never_over_another_file(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    import hashlib

    ledger(ledger_path, WATER)
    (tmp_path / "evidence").mkdir()
    clash = tmp_path / "evidence" / "fire.pdf"
    clash.write_bytes(b"%PDF mine, another class")
    folder = tmp_path / "sam"
    (folder / "evidence").mkdir(parents=True)
    certs = {"fire.pdf": b"%PDF fire certificate", "odor.pdf": b"%PDF odor certificate"}
    for name, data in certs.items():
        (folder / "evidence" / name).write_bytes(data)
    attached = [
        EVIDENCE.format(name=name, sha=hashlib.sha256(data).hexdigest())
        for name, data in certs.items()
    ]
    theirs = ledger(
        folder / "ledger.toml",
        WATER,
        entry(2, "2026-05-05", "Fire restoration", 6, attached[0]),
        entry(3, "2026-03-10", "Odor control", 2, attached[1]),
    )
    r = ceclog("merge", str(theirs), "--yes")
    assert r.code == 0, r.err
    assert "another file has that name here, copied as evidence/fire-2.pdf" in r.out
    assert (tmp_path / "evidence" / "fire-2.pdf").read_bytes() == certs["fire.pdf"]
    assert (tmp_path / "evidence" / "odor.pdf").read_bytes() == certs["odor.pdf"]
    assert clash.read_bytes() == b"%PDF mine, another class"
    data = tomllib.loads(ledger_path.read_text(encoding="utf-8"))
    assert [[ev["file"] for ev in e.get("evidence", [])] for e in data["entries"]] == [
        [],
        ["evidence/fire-2.pdf"],
        ["evidence/odor.pdf"],
    ]
    codes = {f["code"] for f in json.loads(ceclog("check", "--json").out)}
    assert codes & {"evidence-missing", "evidence-changed", "evidence-refused"} == set()


def test_a_broken_other_is_refused_with_its_line(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    ledger(ledger_path, WATER)
    theirs = ledger(tmp_path / "theirs.toml", WATER, DRYING.replace("hours = 4", "hours = ="))
    before = ledger_path.read_bytes()
    r = ceclog("merge", str(theirs), "--yes")
    assert r.code == 1
    line = theirs.read_text().splitlines().index("hours = =") + 1
    assert f"{theirs}:{line}:" in r.err
    assert "does not read as a ledger" in r.err
    assert ledger_path.read_bytes() == before


def test_merging_the_ledger_into_itself_is_refused(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger(ledger_path, WATER)
    r = ceclog("merge", str(ledger_path))
    assert r.code == 1 and "OTHER is the ledger itself" in r.err


def test_certifications_and_the_holder_are_merged_too(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """THEIRS adds ASD and records an email: the certification comes in; the email, absent
    here, differs on both sides without a base: asked, taken with --prefer theirs."""
    ledger(ledger_path, WATER)
    text = ledger_path.read_text(encoding="utf-8")
    theirs = tmp_path / "theirs.toml"
    theirs.write_text(
        text.replace('rules = "iicrc"', 'rules = "iicrc"\nemail = "dana@example.com"')
        + '\n[[certifications]]\ncode = "ASD"\nearned = 2025-01-10\n',
        encoding="utf-8",
    )
    r = ceclog("merge", str(theirs), "--json")
    doc = json.loads(r.out)
    assert doc["certifications"] == ["ASD"]
    assert [(c["key"], c["mine"], c["theirs"]) for c in doc["conflicts"]] == [
        ("holder: email", None, "dana@example.com")
    ]
    assert ceclog("merge", str(theirs), "--prefer", "theirs", "--yes").code == 0
    data = tomllib.loads(ledger_path.read_text(encoding="utf-8"))
    assert data["holder"]["email"] == "dana@example.com"
    assert [c["code"] for c in data["certifications"]] == ["WRT", "ASD"]


def test_the_driver_leaves_ours_as_it_was_when_a_version_does_not_parse(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    base = ledger(tmp_path / "base.toml", WATER)
    ours = ledger(tmp_path / "ours.toml", WATER, DRYING)
    theirs = ledger(tmp_path / "theirs.toml", WATER, MOLD.replace("hours = 3", "hours = ="))
    before = ours.read_bytes()
    r = ceclog("merge-driver", str(base), str(ours), str(theirs), "ledger.toml", ledger=None)
    assert r.code == 1
    line = theirs.read_text().splitlines().index("hours = =") + 1
    assert f"{theirs}:{line}:" in r.err and "(the other side, %B) does not read" in r.err
    assert ours.read_bytes() == before


def test_the_driver_merges_into_ours_keeping_its_comments(ceclog: Ceclog, tmp_path: Path) -> None:
    base = ledger(tmp_path / "base.toml", WATER)
    ours = ledger(tmp_path / "ours.toml", "\n# my own note\n", WATER, DRYING)
    theirs = ledger(tmp_path / "theirs.toml", WATER, MOLD.replace("id = 3", "id = 2"))
    r = ceclog("merge-driver", str(base), str(ours), str(theirs), ledger=None)
    assert r.code == 0, r.err
    assert "# my own note" in ours.read_text(encoding="utf-8")
    assert rows(ours) == [
        (1, "Water damage basics", 7.0),
        (2, "Drying refresher", 4.0),
        (3, "Mold class", 3.0),
    ]


def test_a_class_removed_here_is_said_to_come_back_without_a_base(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """The ledger removed entry 2 (`rm`: last_entry_id = 2); the copy still has it: without a
    base that is an entry to add (as 3), said to be one the ledger gave and removed."""
    ledger(ledger_path, WATER, DRYING)
    assert ceclog("rm", "2", "--yes").code == 0
    theirs = ledger(tmp_path / "theirs.toml", WATER, DRYING)
    r = ceclog("merge", str(theirs))
    assert "3  2025-06-09 Drying refresher (4 h, course) (entry 2 there)" in r.out
    assert "the ledger gave ID 2 and no longer has it: if this class was removed here" in r.out
    assert json.loads(ceclog("merge", str(theirs), "--json").out)["returning"] == [3]


@pytest.mark.parametrize(("prefer", "kept"), [("mine", [1]), ("theirs", [1, 2])])
def test_a_class_removed_here_and_changed_there_is_asked(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path, prefer: str, kept: list[int]
) -> None:
    base = ledger(tmp_path / "base.toml", WATER, DRYING)
    ledger(ledger_path, WATER, DRYING)
    assert ceclog("rm", "2", "--yes").code == 0
    theirs = ledger(tmp_path / "theirs.toml", WATER, DRYING + "submitted = 2025-07-01\n")
    r = ceclog("merge", str(theirs), "--base", str(base), "--yes")
    assert r.code == 1
    assert "entry 2 (2025-06-09 Drying refresher): removed here, changed in OTHER" in r.err
    r = ceclog("merge", str(theirs), "--base", str(base), "--prefer", prefer, "--yes")
    assert r.code == 0, r.err
    assert [e[0] for e in rows(ledger_path)] == kept


def test_two_way_says_a_field_differs_and_offers_commands_that_work(
    ceclog: Ceclog, tmp_path: Path, ledger_path: Path
) -> None:
    """Only the copy changed the provider: without a base ceclog cannot know which side did,
    so it says the field differs (not "changed on both sides"), and the dry run's commands
    are ones that work without a terminal: --prefer mine, --prefer theirs, or --base FILE."""
    ledger(ledger_path, WATER + 'provider = "Jon-Don"\n')
    theirs = ledger(tmp_path / "ben (Office-PC conflicted copy).toml", WATER)
    theirs.write_text(
        ledger_path.read_text(encoding="utf-8").replace("Jon-Don", "Jon-Don Academy"),
        encoding="utf-8",
    )
    r = ceclog("merge", str(ledger_path), str(theirs), ledger=None)
    assert r.code == 0, r.err
    assert "changed on both sides" not in r.out + r.err
    assert (
        "  differs (1; without --base ceclog cannot tell which side changed it):\n"
        "    entry 1 (2025-05-04 Water damage basics): provider: mine Jon-Don, theirs "
        "Jon-Don Academy\n"
    ) in r.out
    commands = [line.split(": ceclog ")[1] for line in r.err.splitlines() if ": ceclog " in line]
    assert [c.rsplit(" ", 3)[1:] for c in commands] == [
        ["--prefer", "mine", "--yes"],
        ["--prefer", "theirs", "--yes"],
    ]
    assert "give --base FILE (the version both started from) for a three-way merge" in r.err
    refused = ceclog("merge", str(ledger_path), str(theirs), "--yes", ledger=None)
    assert refused.code == 1
    assert "1 field differs (above); nothing was written" in refused.err
    for command, provider in zip(commands, ["Jon-Don", "Jon-Don Academy"], strict=True):
        done = ceclog(*shlex.split(command), ledger=None, today=None)
        assert done.code == 0, done.err
        data = tomllib.loads(ledger_path.read_text(encoding="utf-8"))
        assert data["entries"][0]["provider"] == provider
