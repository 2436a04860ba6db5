"""Records people lose certifications over: concurrent writers, crashes, full disks, backups."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger, undone

ENTRY = """
[[entries]]
id = {i}
date = 2024-01-{day:02d}
title = "Class {i}"
hours = 1
"""


def _big_ledger(path: Path, n: int) -> Path:
    body = "".join(ENTRY.format(i=i, day=i % 28 + 1) for i in range(1, n + 1))
    return make_ledger(path, ("WRT", "2023-01-01"), body=body)


def _env(ledger: Path) -> dict[str, str]:
    return {**os.environ, "CECLOG_LEDGER": str(ledger), "CECLOG_TODAY": "2026-11-22"}


def _add(title: str) -> list[str]:
    return [sys.executable, "-m", "ceclog", "add", title, "--date", "2024-02-01", "--hours", "1"]


@pytest.mark.slow
def test_twenty_concurrent_adds_lose_nothing(tmp_path: Path) -> None:
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    procs = [
        subprocess.Popen(
            _add(f"Class {i}"), env=_env(ledger), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for i in range(20)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    data = tomllib.loads(ledger.read_text())
    assert sorted(e["id"] for e in data["entries"]) == list(range(1, 21))
    assert sorted(e["title"] for e in data["entries"]) == sorted(f"Class {i}" for i in range(20))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_before_or_after(tmp_path: Path) -> None:
    ledger = _big_ledger(tmp_path / "ledger.toml", 1500)
    rng = random.Random(4)
    start = time.perf_counter()
    subprocess.run(_add("timing"), env=_env(ledger), check=True, capture_output=True)
    duration = time.perf_counter() - start
    for attempt in range(16):
        before = ledger.read_bytes()
        n_before = len(tomllib.loads(before.decode())["entries"])
        proc = subprocess.Popen(
            _add(f"Crash {attempt}"),
            env=_env(ledger),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.1) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = ledger.read_bytes()
        entries = tomllib.loads(after.decode())["entries"]  # always parses
        if after == before:
            assert len(entries) == n_before
        else:  # exactly one write happened: the old entries plus the new one
            assert len(entries) == n_before + 1
            assert entries[-1]["title"] == f"Crash {attempt}"
            assert after.startswith(before.rstrip(b"\n"))
    subprocess.run(_add("after"), env=_env(ledger), check=True, capture_output=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert tomllib.loads(ledger.read_text())["entries"][-1]["title"] == "after"


KILLER = """
import os, signal, sys
from ceclog.cli import run

target = int(sys.argv[1])
calls = 0

def wrap(module, name, after):
    real = getattr(module, name)
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls == target and not after:
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(*args, **kwargs)
        if calls == target and after:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    setattr(module, name, wrapper)

after = target % 2 == 0
for module, name in ((os, "open"), (os, "fsync"), (os, "replace"), (os, "fchmod")):
    wrap(module, name, after)
sys.exit(run(sys.argv[2:]))
"""


@pytest.mark.slow
def test_sigkill_at_every_step_of_a_write(tmp_path: Path) -> None:
    """Kill the writer just before or just after each file operation of a save: the ledger
    is always the old or the new version, and the next run removes the leftovers."""
    ledger = _big_ledger(tmp_path / "ledger.toml", 50)
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    outcomes = set()
    for target in range(1, 25):
        before = ledger.read_bytes()
        n_before = len(tomllib.loads(before.decode())["entries"])
        proc = subprocess.run(
            [sys.executable, str(script), str(target), "add", f"K{target}", "--hours", "1"],
            env=_env(ledger),
            capture_output=True,
            check=False,
        )
        entries = tomllib.loads(ledger.read_text())["entries"]
        assert len(entries) in (n_before, n_before + 1)
        if len(entries) == n_before:
            assert ledger.read_bytes() == before
        else:
            assert entries[-1]["title"] == f"K{target}"
        outcomes.add((proc.returncode, len(entries) - n_before))
        leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if leftovers:
            outcomes.add(("temp left",))
    assert (-signal.SIGKILL, 0) in outcomes and (-signal.SIGKILL, 1) in outcomes
    assert ("temp left",) in outcomes  # some kills did land between temp file and rename
    subprocess.run(_add("after"), env=_env(ledger), check=True, capture_output=True)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    ("where", "err", "message"),
    [
        ("open_temp", errno.EROFS, "the file system is read-only"),
        ("open_temp", errno.EACCES, "permission denied"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EIO, "Input/output error"),
        ("replace", errno.EDQUOT, "the disk quota is exhausted"),
    ],
)
def test_write_faults_give_a_clear_error_and_keep_the_original(
    ceclog: Ceclog,
    ledger_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    err: int,
    message: str,
) -> None:
    from ceclog.store import files

    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    before = ledger_path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    target = {
        "open_temp": (files, "open_temp"),
        "fsync": (os, "fsync"),
        "replace": (os, "replace"),
    }[where]
    monkeypatch.setattr(*target, fail)
    r = ceclog("add", "X", "--date", "2024-01-01", "--hours", "1")
    assert r.code == 1
    assert r.err.startswith(f"error: {ledger_path}: could not save the ledger: {message}")
    assert "nothing was changed" in r.err
    monkeypatch.undo()
    assert ledger_path.read_bytes() == before
    assert [p.name for p in ledger_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_undo_restores_the_previous_version_and_redoes(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    versions = [ledger_path.read_bytes()]
    for i in range(4):
        assert ceclog("add", f"C{i}", "--date", "2024-01-01", "--hours", "1").code == 0
        versions.append(ledger_path.read_bytes())
    r = ceclog("undo")
    assert r.code == 0, r.err
    assert "Restored the previous version" in r.out and "(3 entries, 1 certification)" in r.out
    assert ledger_path.read_bytes() == undone(versions[3], 4)  # ID 4 stays taken
    assert ceclog("undo").code == 0  # again: redo
    assert ledger_path.read_bytes() == versions[4]


def test_backup_is_never_replaced_by_a_smaller_ledger(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    for i in range(3):
        ceclog("add", f"C{i}", "--date", "2024-01-01", "--hours", "1")
    full = ledger_path.read_bytes()
    ceclog("add", "C3", "--date", "2024-01-01", "--hours", "1")  # backup: 3 entries
    bak = Path(f"{ledger_path}.bak")
    assert bak.read_bytes() == full
    # the ledger loses its entries by accident (a bad hand edit, a minute later), then ceclog
    # writes
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    later = ledger_path.stat().st_mtime + 60
    os.utime(ledger_path, (later, later))
    r = ceclog("add", "Only one", "--date", "2024-01-01", "--hours", "1")
    assert r.code == 0
    kept = [p for p in ledger_path.parent.iterdir() if p.name.startswith("ledger.toml.bak-")]
    assert len(kept) == 1 and kept[0].read_bytes() == full
    assert r.err == (
        f"warning: {ledger_path} lacks 3 entries (1, 2, 3) that its backup has, removed since "
        f"ceclog last wrote it: the backup is kept as {kept[0]} (delete that copy if the "
        "removal was yours)\n"
    )


def test_a_hand_edit_that_breaks_the_ledger_points_at_undo_and_undo_says_what_it_takes_back(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """The backup is the version before ceclog's last change (`rm 2` here): undo after a broken
    hand edit restores it, so entry 2 comes back; it says so, and keeps the broken text."""
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    for n in (1, 2, 3):
        assert ceclog("add", f"Class {n}", "--date", f"2024-0{n}-01", "--hours", "1").code == 0
    assert ceclog("rm", "2", "--yes").code == 0
    text = ledger_path.read_text()
    line = text.splitlines().index('title = "Class 3"') + 1
    broken = text.replace('title = "Class 3"', 'title = "Class 3')
    ledger_path.write_text(broken)
    for command in ("status", "list"):
        r = ceclog(command)
        assert r.code == 1
        assert r.err.startswith(
            f"error: {ledger_path}:{line}: not valid TOML: a string is not closed (a quote is "
            "missing)\n  hint: end the value with the quote it starts with, on the same line"
        )
        assert (
            "or run `ceclog undo`: it restores the version before the last change ceclog made "
            "(that change is taken back too) and keeps this broken text as "
            "ledger.toml.broken-TIME"
        ) in r.err
    r = ceclog("undo")
    assert r.code == 0
    assert "Restored the previous version" in r.out and "(3 entries, 1 certification)" in r.out
    assert r.err.splitlines()[1] == (
        "warning: this also takes back the last change ceclog made before the broken edit (the "
        "backup is the version before it): entry 2 is back"
    )
    (kept,) = [p for p in ledger_path.parent.iterdir() if ".broken-" in p.name]
    assert kept.read_text() == broken
    assert [e["id"] for e in json.loads(ceclog("list", "--json").out)] == [1, 2, 3]


def test_undo_refuses_an_unparseable_backup_and_keeps_a_broken_ledger(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    r = ceclog("undo")
    assert r.code == 1 and "there is no backup to restore" in r.err
    ceclog("add", "C", "--date", "2024-01-01", "--hours", "1")
    bak = Path(f"{ledger_path}.bak")
    good_backup = bak.read_bytes()
    bak.write_text("version = [broken\n")
    before = ledger_path.read_bytes()
    r = ceclog("undo")
    assert r.code == 1 and "the backup does not parse, so it was not restored" in r.err
    assert ledger_path.read_bytes() == before
    bak.write_bytes(good_backup)
    ledger_path.write_text("garbage = [\n")
    r = ceclog("undo")
    assert r.code == 0 and "the ledger did not parse; it is kept as" in r.err
    assert ledger_path.read_bytes() == good_backup
    broken = [p for p in ledger_path.parent.iterdir() if ".broken-" in p.name]
    assert [p.read_text() for p in broken] == ["garbage = [\n"]
