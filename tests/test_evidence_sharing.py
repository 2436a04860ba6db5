"""Ledgers kept side by side in one folder share its `evidence/` folder: no ledger may ever
write over another's certificate, or clean up another's files in progress."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import TODAY, Ceclog, make_ledger

CECLOG = str(Path(sys.executable).parent / "ceclog")
ENTRY = """
[[entries]]
id = 1
date = 2024-01-02
title = "Water class"
hours = 3
"""


def _recorded(ledger: Path) -> list[dict[str, str]]:
    data = tomllib.loads(ledger.read_text(encoding="utf-8"))
    return [ev for e in data.get("entries", []) for ev in e.get("evidence", [])]


@pytest.mark.slow
def test_concurrent_attaches_into_ledgers_of_one_folder_never_share_a_file(
    tmp_path: Path,
) -> None:
    for round_ in range(3):
        folder = tmp_path / f"company-{round_}"
        folder.mkdir()
        runs = []
        for i in range(6):  # 3 technicians attach, 3 record a new class with its certificate
            cert = tmp_path / f"cert-{round_}-{i}.pdf"
            cert.write_bytes(f"%PDF certificate of technician {i}, round {round_}\n".encode() * 50)
            if i % 2 == 0:
                ledger = make_ledger(folder / f"t{i}.toml", ("WRT", "2023-01-01"), body=ENTRY)
                args = ["attach", "1", str(cert)]
            else:  # the new entry gets id 1 too, and the same date and title
                ledger = make_ledger(folder / f"t{i}.toml", ("WRT", "2023-01-01"))
                args = [
                    "add",
                    "Water class",
                    "--date",
                    "2024-01-02",
                    "--hours",
                    "3",
                    "--evidence",
                    str(cert),
                ]
            runs.append((ledger, cert, [CECLOG, "--ledger", str(ledger), "--today", TODAY, *args]))
        procs = [
            subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for *_, argv in runs
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert (proc.returncode, err) == (0, b"")
        files = []
        for ledger, cert, _ in runs:
            [record] = _recorded(ledger)
            data = (folder / record["file"]).read_bytes()
            assert data == cert.read_bytes()
            assert record["sha256"] == hashlib.sha256(data).hexdigest()
            files.append(record["file"])
        assert len(set(files)) == len(runs), files
        assert sorted(p.name for p in folder.rglob("*.tmp")) == []
        assert len(list((folder / "evidence").iterdir())) == len(runs)


def test_a_ledger_cleans_up_only_its_own_temporary_files(ceclog: Ceclog, tmp_path: Path) -> None:
    a = make_ledger(tmp_path / "a.toml", ("WRT", "2023-01-01"), body=ENTRY)
    b = make_ledger(tmp_path / "b.toml", ("WRT", "2023-01-01"), body=ENTRY)
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    assert ceclog("attach", "1", str(cert), ledger=a).code == 0
    evidence = tmp_path / "evidence"
    # what a killed `ceclog --ledger a.toml` leaves behind, in the folder and in evidence/
    stale_a = [tmp_path / ".a.toml.0123a_7z.tmp", evidence / ".a.toml.ba987654.tmp"]
    # not a.toml's: an export named a.toml.x in progress, and a name a.toml never writes
    others = [
        tmp_path / ".a.toml.x.0123456789ab.tmp",
        evidence / ".a.toml.x.0123456789ab.tmp",
        tmp_path / ".a.toml.0123456789.tmp",
    ]
    stale_b = evidence / ".b.toml.01234567.tmp"
    for path in [*stale_a, *others, stale_b]:
        path.write_bytes(b"partial")
    assert ceclog("edit", "1", "--title", "B changed", ledger=b).code == 0
    assert ceclog("attach", "1", str(cert), ledger=b).code == 0
    assert not stale_b.exists()
    assert all(p.exists() for p in stale_a + others)  # b.toml's writes leave a.toml's alone
    assert ceclog("edit", "1", "--title", "A changed", ledger=a).code == 0
    assert [p for p in stale_a if p.exists()] == []  # removed by a.toml's next write
    assert all(p.exists() for p in others)


def test_evidence_already_recorded_keeps_working(ceclog: Ceclog, tmp_path: Path) -> None:
    """A file recorded before (any name, in evidence/) stays as it is; a new file never takes
    its name, even when the file itself is missing."""
    (tmp_path / "evidence").mkdir()
    old = tmp_path / "evidence" / "2024-01-02_1_water-class.pdf"
    old.write_bytes(b"old certificate")
    sha = hashlib.sha256(b"old certificate").hexdigest()
    body = ENTRY + (
        f'\n[[entries.evidence]]\nfile = "evidence/{old.name}"\nname = "c.pdf"\nsha256 = "{sha}"\n'
    )
    a = make_ledger(tmp_path / "a.toml", ("WRT", "2023-01-01"), body=body)
    b = make_ledger(tmp_path / "b.toml", ("WRT", "2023-01-01"), body=body)
    old.unlink()  # a.toml's copy is lost: its name stays reserved all the same
    cert = tmp_path / "new.pdf"
    cert.write_bytes(b"new certificate")
    r = ceclog("attach", "1", str(cert), ledger=a)
    assert r.code == 0, r.err
    assert r.out == "Attached new.pdf to entry 1 as evidence/2024-01-02_1_water-class-2.pdf\n"
    assert [ev["file"] for ev in _recorded(a)] == [f"evidence/{old.name}", r.out.split()[-1]]
    r = ceclog("attach", "1", str(cert), ledger=b)
    assert r.out == "Attached new.pdf to entry 1 as evidence/2024-01-02_1_water-class-3.pdf\n"
    assert sorted(os.listdir(tmp_path / "evidence")) == [
        "2024-01-02_1_water-class-2.pdf",
        "2024-01-02_1_water-class-3.pdf",
    ]


def test_a_file_is_never_replaced_even_when_the_lock_did_not_hold(
    ceclog: Ceclog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a file system where locks do not work: another ledger's file appears after the
    names were listed.  Its name is taken exclusively, so the new file gets the next one."""
    from ceclog.store import evidence

    ledger = make_ledger(tmp_path / "a.toml", ("WRT", "2023-01-01"), body=ENTRY)
    (tmp_path / "evidence").mkdir()
    theirs = tmp_path / "evidence" / "2024-01-02_1_water-class.pdf"
    theirs.write_bytes(b"another technician's certificate")
    monkeypatch.setattr(evidence, "_taken", lambda ledger, base: set())  # the listing missed it
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"mine")
    r = ceclog("attach", "1", str(cert), ledger=ledger)
    assert r.out == "Attached cert.pdf to entry 1 as evidence/2024-01-02_1_water-class-2.pdf\n"
    assert theirs.read_bytes() == b"another technician's certificate"
    assert (tmp_path / "evidence" / "2024-01-02_1_water-class-2.pdf").read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == []
