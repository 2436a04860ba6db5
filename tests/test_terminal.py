"""What people see on a real terminal (a pseudo-terminal, so Rich draws the tables): at 80
columns and wider, the due date and the state always show in full."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_ledger

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

pytestmark = pytest.mark.slow  # a ceclog process on a pseudo-terminal per test


def on_terminal(
    args: list[str], columns: int, tmp_path: Path, no_color: bool = False, raw: bool = False
) -> str:
    """Run ceclog with its stdout and stderr on a pseudo-terminal `columns` wide (escape codes
    removed unless `raw`)."""
    exe = shutil.which("ceclog", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "ceclog"]
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "COLUMNS": str(columns),
        "LINES": "50",
        "TERM": "xterm",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    proc = subprocess.Popen([*command, *args], stdout=slave, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return text if raw else ANSI.sub("", text)


@pytest.mark.parametrize("columns", [50, 80, 100, 160])
def test_status_shows_due_date_and_state_in_full(columns: int, tmp_path: Path) -> None:
    ledger = ROOT / "examples" / "ledger.toml"
    out = on_terminal(
        ["--ledger", str(ledger), "--today", "2026-11-22", "status"], columns, tmp_path
    )
    assert "2027-09-14" in out.split("2023-09-15")[-1]  # in the table, or its rows as blocks
    assert "on track" in out
    if columns >= 80:
        assert "─" in out  # drawn by Rich: a real terminal table
    assert all(len(line) <= columns for line in out.splitlines())


@pytest.mark.parametrize("columns", [44, 80, 120])
def test_a_lapse_shows_both_cycles_in_full_at_80_columns(columns: int, tmp_path: Path) -> None:
    path = make_ledger(
        tmp_path / "l.toml",
        ("WRT", "2018-06-01"),
        since="2018-06-01",
        body='\n[[entries]]\nid = 1\ndate = 2019-01-10\ntitle = "Class"\nhours = 9\n',
    )
    out = on_terminal(["--ledger", str(path), "--today", "2022-11-30", "status"], columns, tmp_path)
    table = out.split("\ntechnician: OVERDUE")[0]
    for day in ("2022-05-31", "2026-05-31"):
        assert day in table
    assert "OVERDUE" in table and "on track" in table
    assert all(len(line) <= columns for line in out.splitlines())


def test_no_color_wraps_between_words_at_80_columns(tmp_path: Path) -> None:
    """NO_COLOR printed the pipe's one-line layout on a terminal, which cut it mid-word."""
    ledger = ROOT / "examples" / "ledger.toml"
    args = ["--ledger", str(ledger), "--today", "2026-11-22", "list"]
    out = on_terminal(args, 80, tmp_path, no_color=True, raw=True)
    assert "\x1b[" not in out.replace("\x1b[?", "")  # no colour (a cursor query is no colour)
    assert all(len(line) <= 80 for line in out.splitlines())
    assert {"Structural", "refresher"} <= {w for line in out.splitlines() for w in line.split()}


def test_color_never_on_a_terminal_prints_no_escape_codes(tmp_path: Path) -> None:
    ledger = ROOT / "examples" / "ledger.toml"
    args = ["--ledger", str(ledger), "--today", "2026-11-22", "--color", "never", "status"]
    out = on_terminal(args, 100, tmp_path, raw=True)
    assert "\x1b[" not in out and "on track" in out and "─" in out


def test_color_always_colours_a_pipe(tmp_path: Path) -> None:
    exe = shutil.which("ceclog", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "ceclog"]
    ledger = ROOT / "examples" / "ledger.toml"
    args = ["--ledger", str(ledger), "--today", "2026-11-22", "status"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    piped = subprocess.run([*command, *args], capture_output=True, text=True, env=env)
    always = [*command, *args, "--color", "always"]
    coloured = subprocess.run(always, capture_output=True, text=True, env=env)
    assert "\x1b[" not in piped.stdout
    assert "\x1b[" in coloured.stdout
