"""Ctrl-C at any moment: never a traceback from ceclog, exit 130 with one line saying what was
written, and the ledger and evidence either as before or as after, with nothing left over."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import ceclog
from conftest import TODAY, make_ledger

pytestmark = pytest.mark.slow  # ~30 s of Ctrl-C loops in subprocesses

CECLOG = str(Path(sys.executable).parent / "ceclog")
PACKAGE = str(Path(ceclog.__file__).parent)  # where the frames of ceclog's own code are
EXAMPLES = Path(__file__).parents[1] / "examples"
NOTHING = "ceclog: interrupted; nothing was written"


def _interrupt(argv: list[str], delay: float) -> tuple[int, str]:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode()


def _before_ceclog_ran(code: int, err: str) -> bool:
    """Interrupted before ceclog's handler was installed: while the interpreter starts (killed
    by the signal, or CPython's own report of a Ctrl-C in `site` or while it checks argv[0]),
    in the `import re` of the console script pip generates, or in the first lines of
    ceclog/__main__.py, which install the handler.  Only then may a traceback appear."""
    if code == -signal.SIGINT and err == "":
        return True
    if code == 1 and err == "KeyboardInterrupt\n":  # CPython's own line, before any module ran
        return True
    frames = [line for line in err.splitlines() if line.startswith("  File ")]
    # ceclog's own files, by the package's folder: not any path with `/ceclog/` in it, which a
    # checkout in a folder named ceclog (the default of `git clone`) puts in every frame
    ours = [f for f in frames if f.startswith(f'  File "{PACKAGE}{os.sep}')]
    loading = (f'{PACKAGE}{os.sep}__init__.py"', f'{PACKAGE}{os.sep}__main__.py"')
    return bool(frames) and all(
        any(name in f for name in loading) and f.endswith("in <module>") for f in ours
    )


def test_a_checkout_named_ceclog_is_not_taken_for_ceclog_itself() -> None:
    """Python's own report of a Ctrl-C while the console script imports `re`, in a checkout at
    ~/ceclog (its venv inside): before ceclog ran.  A frame of ceclog's own code is after."""
    venv = "/home/dana/ceclog/.venv"
    early = (
        "Traceback (most recent call last):\n"
        f'  File "{venv}/bin/ceclog", line 3, in <module>\n'
        "    import re\n"
        '  File "/usr/lib/python3.11/re/__init__.py", line 124, in <module>\n'
        "KeyboardInterrupt\n"
    )
    assert _before_ceclog_ran(1, early)
    late = early.replace(
        "KeyboardInterrupt",
        f'  File "{PACKAGE}{os.sep}cli{os.sep}context.py", line 9, in load\nKeyboardInterrupt',
    )
    assert not _before_ceclog_ran(1, late)


def _delays(first: tuple[int, ...], codes: list[int]) -> Iterator[int]:
    """The delays (ms) to interrupt after: `first`, then longer ones, growing by half, while no
    run was interrupted inside ceclog yet (on a loaded machine the interpreter alone may take
    longer than the first ones), up to 10 s."""
    yield from first
    ms = first[-1]
    while 130 not in codes and ms < 10_000:
        ms = ms * 3 // 2
        yield ms


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def test_ctrl_c_at_any_moment_of_a_report(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    ledger = tmp_path / "examples" / "ledger.toml"
    before = ledger.read_bytes()
    argv = [CECLOG, "--ledger", str(ledger), "--today", TODAY, "status"]
    codes = []
    for ms in _delays((5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 120, 150, 200, 300), codes):
        code, err = _interrupt(argv, ms / 1000)
        codes.append(code)
        if _before_ceclog_ran(code, err):
            continue
        assert "Traceback" not in err, (ms, err)
        assert code in (0, 130), (ms, code, err)
        if code == 130:  # the warnings may have been printed before
            assert err.splitlines()[-1] == NOTHING and err.count("interrupted") == 1
        assert ledger.read_bytes() == before
    assert 130 in codes and _leftovers(tmp_path) == []


def test_ctrl_c_at_any_moment_of_a_change(tmp_path: Path) -> None:
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    codes = []
    for i, ms in enumerate(_delays((5, 10, 20, 40, 60, 80, 100, 120, 150, 200, 300, 400), codes)):
        before = ledger.read_bytes()
        title = f"Class {i}"
        argv = [
            CECLOG,
            "--ledger",
            str(ledger),
            "--today",
            TODAY,
            "add",
            title,
            "--date",
            "2024-01-02",
            "--hours",
            "1",
            "--evidence",
            str(cert),
        ]
        code, err = _interrupt(argv, ms / 1000)
        codes.append(code)
        after = ledger.read_bytes()
        entries = tomllib.loads(after.decode())["entries"] if b"[[entries]]" in after else []
        if after != before:  # the new version: the old one plus the new entry and its copy
            assert after.startswith(before.rstrip(b"\n")) and entries[-1]["title"] == title
        assert _leftovers(tmp_path) == []
        recorded = {ev["file"] for e in entries for ev in e.get("evidence", [])}
        on_disk = {f"evidence/{p.name}" for p in (tmp_path / "evidence").glob("*")}
        assert on_disk == recorded  # a copy the ledger does not name was removed again
        if _before_ceclog_ran(code, err):
            continue
        assert "Traceback" not in err, (ms, err)
        assert code in (0, 130), (ms, code, err)
        if code == 130:
            copy = tmp_path / entries[-1]["evidence"][0]["file"] if after != before else None
            assert err.splitlines()[-1] == (
                f"ceclog: interrupted; the ledger {ledger} was saved and the certificate "
                f"{copy} was copied before the interrupt (`ceclog undo` restores the previous "
                "version)"
                if after != before
                else NOTHING
            )
    assert 130 in codes


SELF_INTERRUPT = """
import os, signal, sys
from ceclog.cli import run

target = int(sys.argv[1])
calls = 0

def wrap(module, name):
    real = getattr(module, name)
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        result = real(*args, **kwargs)
        if calls == target:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right after this file operation
        return result
    setattr(module, name, wrapper)

for module, name in ((os, "open"), (os, "fsync"), (os, "replace"), (os, "fchmod"),
                     (os, "unlink")):
    wrap(module, name)
sys.exit(run(sys.argv[2:]))
"""


def test_ctrl_c_after_each_file_operation_of_a_write(tmp_path: Path) -> None:
    """Deterministically: SIGINT right after each file operation of `add --evidence` (a run
    makes about 30: the last targets let it finish), each in a folder of its own, all at once."""
    script = tmp_path / "self_interrupt.py"
    script.write_text(SELF_INTERRUPT)
    runs = []
    for target in range(1, 41):
        folder = tmp_path / f"after-{target}"
        folder.mkdir()
        ledger = make_ledger(folder / "ledger.toml", ("WRT", "2023-01-01"))
        cert = folder / "cert.pdf"
        cert.write_bytes(b"%PDF certificate")
        argv = [
            sys.executable,
            str(script),
            str(target),
            "--ledger",
            str(ledger),
            "--today",
            TODAY,
            "add",
            "K",
            "--date",
            "2024-01-02",
            "--hours",
            "1",
            "--evidence",
            str(cert),
        ]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        runs.append((target, folder, ledger, ledger.read_bytes(), proc))
    outcomes = set()
    for target, folder, ledger, before, proc in runs:
        _, raw_err = proc.communicate(timeout=120)
        err = raw_err.decode()
        assert "Traceback" not in err and proc.returncode in (0, 130), (target, err)
        after = ledger.read_bytes()
        changed = after != before
        entries = tomllib.loads(after.decode()).get("entries", [])
        assert [e["title"] for e in entries] == (["K"] if changed else []), target
        if changed:
            assert after.startswith(before.rstrip(b"\n"))
        assert _leftovers(folder) == [], target
        for e in entries:  # every copy the ledger names is there, and no other
            for ev in e["evidence"]:
                data = (folder / ev["file"]).read_bytes()
                assert hashlib.sha256(data).hexdigest() == ev["sha256"]
        assert len(list((folder / "evidence").glob("*"))) == len(entries), target
        if proc.returncode == 130:
            copy = folder / "evidence" / "2024-01-02_1_k.pdf"
            assert err.splitlines()[-1] == (
                f"ceclog: interrupted; the ledger {ledger} was saved and the certificate "
                f"{copy} was copied before the interrupt (`ceclog undo` restores the previous "
                "version)"
                if changed
                else NOTHING
            ), target
        outcomes.add((proc.returncode, changed))
    assert outcomes == {(130, False), (130, True), (0, True)}


def test_a_ctrl_c_python_cannot_raise_is_not_printed_while_a_command_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A Ctrl-C that lands in an import lock's callback reaches sys.unraisablehook, which
    CPython prints as "Exception ignored in ..." with a traceback (seen once in CI at 80 ms);
    while a command runs it is dropped, any other unraisable error still reported."""
    from types import SimpleNamespace

    from ceclog.cli.guard import Interrupts

    seen = []
    before = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        with Interrupts().installed():
            for exc in (KeyboardInterrupt(), ValueError("other")):
                sys.unraisablehook(SimpleNamespace(exc_value=exc))  # type: ignore[arg-type]
        assert sys.unraisablehook == seen.append  # restored after the command
    finally:
        sys.unraisablehook = before
    assert [type(u.exc_value) for u in seen] == [ValueError]
