"""The command line's own promises: choices checked by the parser (exit 2, listed in --help) and
shell completion that knows commands, choices and check codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger

CECLOG = str(Path(sys.executable).parent / "ceclog")


@pytest.mark.parametrize(
    ("option", "value", "choices"),
    [
        ("--format", "xls", "'csv', 'json', 'md', 'html', 'pdf', 'eml'"),
        ("--cycle", "last", "'current', 'previous', 'all'"),
        ("--attach", "zip", "'pdf', 'csv'"),
    ],
)
def test_export_choices_are_checked_by_the_parser(
    option: str, value: str, choices: str, ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-09-15"))
    args = ["export", "--format", "md", option, value] if option != "--format" else ["export"]
    if option == "--format":
        args += ["--format", value]
    r = ceclog(*args)
    assert r.code == 2
    assert f"Invalid value for '{option}': '{value}' is not one of {choices}" in r.err
    assert ceclog("export", "--format", "MD").code == 0  # any case
    help_text = ceclog("export", "--help").out
    assert "<csv|json|md|html|pdf|eml>" in help_text and "<current|previous|all>" in help_text


def complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_CECLOG_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    out = subprocess.run([CECLOG], env=env, capture_output=True, text=True, check=False)
    return out.stdout.split()


def test_shell_completion() -> None:
    assert complete("ceclog exp") == ["export"]
    assert complete("ceclog export --format ") == ["csv", "json", "md", "html", "pdf", "eml"]
    assert complete("ceclog check date-") == ["date-in-future", "date-order"]
    script = subprocess.run(
        [CECLOG, "--show-completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    assert "_CECLOG_COMPLETE=complete_bash" in script
