"""Every command that changes a ledger, run as a user would on a copy of `examples/` (ledger and
evidence): each succeeds, leaves a ledger `ceclog check` finds no error in, keeps the evidence
records it does not mean to change, and keeps the ledger's comments."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog

EXAMPLES = Path(__file__).parents[1] / "examples"
LEDGER = Path("examples/ledger.toml")  # relative: the commands run from the copy's parent


def _comments(text: str) -> list[str]:
    """Every comment of the file: whole comment lines and the comments after values."""
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            out.append(line.strip())
        elif " # " in line:
            out.append(line[line.index(" # ") :].strip())
    return out


def _evidence() -> dict[int, list[dict[str, Any]]]:
    data = tomllib.loads(LEDGER.read_text(encoding="utf-8"))
    return {e["id"]: e.get("evidence", []) for e in data["entries"]}


class Example:
    """The copied examples folder, with checks after each command."""

    def __init__(self, ceclog: Ceclog) -> None:
        self.ceclog = ceclog
        self.comments = _comments(LEDGER.read_text(encoding="utf-8"))

    def run(self, *args: str, evidence_of: tuple[int, ...] = ()) -> str:
        """Run a changing command; only the entries `evidence_of` may change their evidence."""
        before = _evidence()
        text_before = LEDGER.read_bytes()
        r = self.ceclog(*args, ledger=LEDGER)
        assert r.code == 0, (args, r.err)
        assert LEDGER.read_bytes() != text_before, f"{args} changed nothing"
        found = self.ceclog("check", "--json", ledger=LEDGER)
        assert found.code == 0, (args, found.out, found.err)
        errors = [f for f in json.loads(found.out) if f["severity"] == "error"]
        assert errors == [], (args, errors)
        after = _evidence()
        for entry_id in set(before) & set(after) - set(evidence_of):
            assert after[entry_id] == before[entry_id], (args, entry_id)
        for records in after.values():  # every recorded file is there, byte for byte
            for ev in records:
                data = (LEDGER.parent / ev["file"]).read_bytes()
                assert hashlib.sha256(data).hexdigest() == ev["sha256"]
        assert _comments(LEDGER.read_text(encoding="utf-8")) == self.comments, args
        return r.out + r.err


@pytest.fixture
def example(ceclog: Ceclog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Example:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return Example(ceclog)


# every entry of the sample, with a date one day later (still in the same cycle)
ENTRIES = {1: "2024-02-10", 2: "2024-10-03", 3: "2025-04-18", 4: "2026-03-13", 5: "2027-03-11"}


@pytest.mark.parametrize("entry_id", sorted(ENTRIES))
def test_edit_every_field_of_every_sample_entry(example: Example, entry_id: int) -> None:
    ex = example
    out = ex.run("edit", str(entry_id), "--title", f"Renamed {entry_id}")
    assert f"Entry {entry_id}: " in out and f"Renamed {entry_id}" in out
    ex.run("edit", str(entry_id), "--date", ENTRIES[entry_id])
    ex.run("edit", str(entry_id), "--hours", "5")
    if entry_id in (1,):  # the only sample entry with notes
        ex.run("edit", str(entry_id), "--clear", "notes")
    if entry_id == 5:  # the planned one
        ex.run("edit", "5", "--completed")
        ex.run("edit", "5", "--planned")
    elif entry_id in (1, 2, 3):  # submitted: a class sent to the body cannot be planned
        before = LEDGER.read_bytes()
        r = ex.ceclog("edit", str(entry_id), "--planned", ledger=LEDGER)
        assert r.code == 1 and "is planned: it cannot be submitted or posted" in r.err
        assert LEDGER.read_bytes() == before
    else:
        ex.run("edit", str(entry_id), "--planned")
        ex.run("edit", str(entry_id), "--completed")
    entries = tomllib.loads(LEDGER.read_text())["entries"]
    entry = next(e for e in entries if e["id"] == entry_id)
    assert entry["title"] == f"Renamed {entry_id}" and str(entry["date"]) == ENTRIES[entry_id]
    assert entry["hours"] == 5 and "notes" not in entry


def test_every_other_changing_command_on_the_sample(example: Example, tmp_path: Path) -> None:
    ex = example
    certs = []
    for i in range(3):
        cert = tmp_path / f"certificate-{i}.pdf"
        cert.write_bytes(b"%PDF-1.4 certificate " + bytes([i]) * 100)
        certs.append(cert)
    old_1 = _evidence()[1]

    out = ex.run("attach", "1", str(certs[0]), evidence_of=(1,))
    assert "Attached certificate-0.pdf to entry 1 as evidence/2024-02-09_1_" in out
    assert _evidence()[1][: len(old_1)] == old_1 and len(_evidence()[1]) == len(old_1) + 1
    ex.run("attach", "4", str(certs[1]), evidence_of=(4,))
    assert [ev["name"] for ev in _evidence()[4]] == ["certificate-1.pdf"]

    assert "Marked 1 entry submitted on 2026-11-21: 4." in ex.run(
        "submit", "4", "--on", "2026-11-21"
    )
    assert "posted on 2026-11-20" in ex.run("posted", "3", "--on", "2026-11-20")

    out = ex.run(
        "add",
        "Odor Control",
        "--date",
        "2026-11-20",
        "--hours",
        "14",
        "--cert",
        "WRT",
        "--evidence",
        str(certs[2]),
        evidence_of=(6,),
    )
    assert "Entry 6: 2026-11-20 Odor Control" in out
    assert [ev["name"] for ev in _evidence()[6]] == ["certificate-2.pdf"]

    out = ex.run(
        "export", "--format", "eml", "--unsubmitted", "--mark-submitted", "--output", "x.eml"
    )
    assert "marked 1 entry submitted on 2026-11-22" in out
    eml = Path("x.eml").read_bytes()
    assert b"2026-11-20_6_odor-control.pdf" in eml

    ex.run("rm", "6", "--yes", evidence_of=(6,))
    assert 6 not in _evidence()
    ex.run("undo", evidence_of=(6,))
    assert [ev["name"] for ev in _evidence()[6]] == ["certificate-2.pdf"]

    ex.run("holder", "--name", "Dana Reyes-Ortiz")
    ex.run("cert", "add", "FSRT", "--earned", "2025-01-10")
    ex.run("cert", "rm", "FSRT")
    data = tomllib.loads(LEDGER.read_text())
    assert data["holder"]["name"] == "Dana Reyes-Ortiz"
    assert [c["code"] for c in data["certifications"]] == ["WRT", "ASD"]

    # the commands of the cycle rules: a designation, its end, a renewal notice
    out = ex.run("cert", "add", "MWR", "--earned", "2025-05-10")
    assert "Your cycle 2023-09-15 to 2027-09-14 now ends earlier, on 2027-05-09" in out
    out = ex.run("cert", "end", "MWR", "--on", "2026-01-01")
    ex.run("holder", "--cec-due", "2027-09-14")
    data = tomllib.loads(LEDGER.read_text())
    assert data["certifications"][-1] == {
        "code": "MWR",
        "earned": dt.date(2025, 5, 10),
        "ended": dt.date(2026, 1, 1),
    }
    assert (data["holder"]["cec_due"], data["holder"]["cec_due_noted"]) == (
        dt.date(2027, 9, 14),
        dt.date(2026, 11, 22),
    )
