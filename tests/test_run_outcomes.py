"""How a run ends when something goes wrong: a bug says truthfully what was written; a closed
pipe never changes the exit code; Ctrl-C never shows a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger, undone

BODY = """
[[entries]]
id = 1
date = 2024-01-02
title = "Water class"
hours = 3
"""
REPORT = "Run the command again with --debug and report what it prints."


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_bug_before_anything_is_written_says_so(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ceclog.store import ledger as storage

    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    before = ledger_path.read_bytes()
    monkeypatch.setattr(storage, "new_text_for", _boom)  # making the new text fails
    r = ceclog("edit", "1", "--title", "X")
    assert (r.code, r.out) == (70, "")
    assert r.err == (
        f"ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; nothing was "
        f"written. {REPORT}\n"
    )
    assert ledger_path.read_bytes() == before
    assert not Path(f"{ledger_path}.bak").exists()


def _after_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    """The output printed after a save fails (a bug in rendering)."""
    from ceclog.output import terminal

    monkeypatch.setattr(terminal.Out, "print", _boom)
    monkeypatch.setattr(terminal.Out, "table", _boom)
    monkeypatch.setattr(terminal.Out, "hang", _boom)


def test_a_bug_after_the_save_says_the_ledger_was_saved(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    before = ledger_path.read_bytes()
    _after_saving(monkeypatch)
    r = ceclog("add", "Mold class", "--date", "2024-02-01", "--hours", "2")
    assert (r.code, r.out) == (70, "")
    assert r.err == (
        "ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; the ledger "
        f"{ledger_path} was saved before the error (`ceclog undo` restores the previous "
        "version). Please report it.\n"
    )
    assert 'title = "Mold class"' in ledger_path.read_text()
    monkeypatch.undo()
    assert ceclog("undo").code == 0
    assert ledger_path.read_bytes() == undone(before, 2)


def test_a_bug_after_the_save_names_every_file_written(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    _after_saving(monkeypatch)
    r = ceclog("attach", "1", str(cert))
    copy = tmp_path / "evidence" / "2024-01-02_1_water-class.pdf"
    assert r.err == (
        "ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; the ledger "
        f"{ledger_path} was saved and the certificate {copy} was copied before the error "
        "(`ceclog undo` restores the previous version). Please report it.\n"
    )
    assert copy.read_bytes() == cert.read_bytes()
    out = tmp_path / "out.csv"
    r = ceclog("export", "--format", "csv", "--mark-submitted", "--output", str(out))
    assert r.err == (
        "ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; the ledger "
        f"{ledger_path} was saved and the export {out} was written before the error "
        "(`ceclog undo` restores the previous version). Please report it.\n"
    )
    r = ceclog("undo")
    assert r.err == (
        "ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; the ledger "
        f"{ledger_path} was restored from its backup before the error (`ceclog undo` restores "
        "the previous version). Please report it.\n"
    )
    new = tmp_path / "new.toml"
    r = ceclog("init", "--name", "Sam", ledger=new)
    assert r.err == (
        "ceclog: internal error: RuntimeError: boom\n  This is a bug in ceclog; the new ledger "
        f"{new} was created before the error. Please report it.\n"
    )


def test_a_refused_save_notes_what_was_written_all_the_same(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    real_replace = os.replace

    def full_disk(src: str, dst: str) -> None:
        if str(dst) == str(ledger_path):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    out = tmp_path / "out.csv"
    r = ceclog("export", "--format", "csv", "--mark-submitted", "--output", str(out))
    assert r.code == 1
    assert r.err == (
        f"error: {ledger_path}: could not save the ledger: the disk is full; nothing was changed\n"
        "  hint: free some space or fix the folder's permissions, then run the command again\n"
        f"  note: the export {out} was written before the error\n"
    )
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    r = ceclog("attach", "1", str(cert))  # the copy is removed again: nothing to note
    assert r.code == 1 and "note:" not in r.err
    assert list((tmp_path / "evidence").iterdir()) == []


# --- a closed pipe ----------------------------------------------------------------------------

CECLOG = str(Path(sys.executable).parent / "ceclog")
HEAD = 'version = 1\n[holder]\nname = "D"\ntracking_since = 2021-06-01\n'
OLD_CLASSES = "".join(  # 2,000 hours in the previous cycle, submitted but not documented
    f'\n[[entries]]\nid = {i}\ndate = 2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}\ntitle = "Class {i}"\n'
    "hours = 1\nsubmitted = 2024-01-01\n"
    for i in range(1, 2001)
)
THIS_CYCLE = '\n[[entries]]\nid = 2001\ndate = 2026-02-01\ntitle = "Big"\ncredits = 14\n'


@pytest.fixture(scope="module")
def piped_ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pipes")
    # WRT 2017-06-01: the cycle 2021-06-01 to 2025-05-31 is met by the 2,000 old classes; in
    # the one from 2025-06-01, a full year has passed by 2026-11-22 (pace 14 x 12/48 = 3.5)
    cert = '[[certifications]]\ncode = "WRT"\nearned = 2017-06-01\n'
    behind = folder / "behind.toml"  # nothing yet in the cycle that started 2025-06-01
    behind.write_text(HEAD + cert + OLD_CLASSES)
    fine = folder / "fine.toml"
    fine.write_text(HEAD + cert + OLD_CLASSES + THIS_CYCLE)
    return {"behind": behind, "fine": fine}


@pytest.mark.slow
@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize(
    ("ledger", "args", "code", "early"),
    [  # early: the reader goes away before ceclog writes; else it reads one line (`| head -1`)
        pytest.param("behind", ["status", "--check"], 3, True, id="status-check-behind"),
        pytest.param("fine", ["status", "--check"], 0, True, id="status-check-fine"),
        pytest.param("behind", ["status", "--check", "--json"], 3, False, id="json-behind"),
        pytest.param("fine", ["status", "--check", "--json"], 0, False, id="json-fine"),
        pytest.param("fine", ["list"], 0, False, id="list"),
        pytest.param("fine", ["export", "--format", "csv", "--cycle", "all"], 0, False, id="csv"),
        pytest.param(None, ["--version"], 0, True, id="version"),
        pytest.param(None, ["--help"], 0, True, id="help"),
    ],
)
def test_a_closed_pipe_never_changes_the_exit_code(
    piped_ledgers: dict[str, Path],
    ledger: str | None,
    args: list[str],
    code: int,
    early: bool,
    unbuffered: bool,
) -> None:
    argv = [CECLOG, *args]
    if ledger is not None:
        argv[1:1] = ["--ledger", str(piped_ledgers[ledger]), "--today", "2026-11-22"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    expected = subprocess.run(argv, env=env, capture_output=True, check=False)
    assert expected.returncode == code
    if early:
        read_end, write_end = os.pipe()
        os.close(read_end)
        proc = subprocess.Popen(argv, env=env, stdout=write_end, stderr=subprocess.PIPE)
        os.close(write_end)
        _, err = proc.communicate(timeout=60)
    else:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline() == expected.stdout.splitlines(keepends=True)[0]
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=60)
    assert (proc.returncode, err.decode()) == (code, expected.stderr.decode())
