"""Shared test helpers: run the CLI as a user would, on real files in tmp paths."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

import pytest


class _NoFcntl:
    """With CECLOG_TEST_NO_FCNTL=1 (.ci/run's second run), `import fcntl` fails as on Windows,
    so the suite runs ceclog's lock without it (store/platform.py); set before ceclog loads."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name == "fcntl":
            raise ModuleNotFoundError("fcntl is made unavailable (CECLOG_TEST_NO_FCNTL)", name=name)
        return None


if os.environ.get("CECLOG_TEST_NO_FCNTL"):
    sys.meta_path.insert(0, _NoFcntl())
    sys.modules.pop("fcntl", None)

from ceclog.cli import run  # noqa: E402 - after the finder above

TODAY = "2026-11-22"


@dataclass
class Result:
    code: int
    out: str
    err: str


Ceclog = Callable[..., Result]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (SIGKILL and Ctrl-C loops, concurrency, pipes, "
        "pseudo-terminals, Hypothesis fuzzing); CI and the README's test command do",
    )


def pytest_configure(config: pytest.Config) -> None:
    """No cache outside a test: test modules load rules when they are imported, before any
    test's own folders are set (`_clean_env` clears this for each test, so tests do cache)."""
    os.environ["CECLOG_NO_CACHE"] = "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with `python -m pytest --slow` (as CI does)")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("CECLOG_LEDGER", "CECLOG_TODAY", "CECLOG_DEBUG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    # never touch the real user data folder
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("CECLOG_CACHE_DIR", raising=False)
    monkeypatch.delenv("CECLOG_NO_CACHE", raising=False)


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.toml"


@pytest.fixture
def ceclog(capsys: pytest.CaptureFixture[str], ledger_path: Path) -> Ceclog:
    """Run `ceclog --ledger <tmp>/ledger.toml --today 2026-11-22 ARGS...` in-process."""

    def call(*args: str, ledger: Path | None = ledger_path, today: str | None = TODAY) -> Result:
        argv = []
        if ledger is not None:
            argv += ["--ledger", str(ledger)]
        if today is not None:
            argv += ["--today", today]
        capsys.readouterr()
        code = run([*argv, *args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return Result(code, captured.out, captured.err)

    return call


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# The keys every rules file needs besides its tables (tests that write a rules file of their own).
RULES_HEAD = """
name = "mine"
title = "My rules"
source = ["my renewal notice"]
checked = 2026-01-01
effective = "2026"
hours_per_credit = 1
increment = 0.5
"""

LEDGER_HEAD = """\
version = 1

[holder]
name = "Dana Reyes"
registrant_id = "1234567"
rules = "{rules}"
tracking_since = {since}
"""


def make_ledger(
    path: Path,
    *certs: tuple[str, str],
    rules: str = "iicrc",
    since: str = "2020-01-01",
    body: str = "",
    cec_due: str | None = None,
) -> Path:
    text = LEDGER_HEAD.format(rules=rules, since=since)
    if cec_due:
        text += f"cec_due = {cec_due}\n"
    for code, earned in certs:
        text += f'\n[[certifications]]\ncode = "{code}"\nearned = {earned}\n'
    text += textwrap.dedent(body)
    path.write_text(text, encoding="utf-8")
    return path


def undone(before: bytes, given: int) -> bytes:
    """The bytes `undo` puts back for a `make_ledger` file `before` after entries up to ID
    `given` were added to it: the same, remembering the IDs given (`last_entry_id`, which
    version 3 has) as a new last line of the holder's table."""
    text = before.decode("utf-8")
    holder_end = text.index("\n\n", text.index("[holder]")) + 1
    text = f"{text[:holder_end]}last_entry_id = {given}\n{text[holder_end:]}"
    return re.sub(r"\Aversion = [12]\n", "version = 3\n", text).encode("utf-8")
