"""Shell completion: a TAB offers what the ledger holds (entry IDs, certification codes) and what
its rules know (kinds, codes, profiles), in each shell's form, read without loading the command
line; `--show-completion SHELL` prints that shell's script whatever shell runs ceclog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceclog import completion
from conftest import Ceclog

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ledger.toml"


def bash(monkeypatch: pytest.MonkeyPatch, line: str) -> list[str]:
    """What bash offers for `line` (the cursor at its end), as Typer's bash script asks."""
    words = line.split()
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) if line.endswith(" ") else len(words) - 1))
    text, code = completion.answer("complete_bash")
    assert code == 0
    return text.splitlines()


@pytest.fixture(autouse=True)
def _example_ledger(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CECLOG_LEDGER", str(EXAMPLE))


def test_entry_ids_come_from_the_ledger(monkeypatch: pytest.MonkeyPatch) -> None:
    assert bash(monkeypatch, "ceclog edit ") == ["1", "2", "3", "4", "5"]
    assert bash(monkeypatch, "ceclog rm ") == ["1", "2", "3", "4", "5"]
    assert bash(monkeypatch, "ceclog attach ") == ["1", "2", "3", "4", "5"]
    assert bash(monkeypatch, "ceclog submit 1 3 ") == ["2", "4", "5"]  # not those given
    assert bash(monkeypatch, "ceclog edit 4 --kind ") == [
        "course",
        "online",
        "webinar",
        "workshop",
        "event",
        "conference",
        "booth",
        "other",
    ]


def test_the_ledger_named_by_ledger_is_the_one_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        'version = 3\n[holder]\nname = "S"\ntracking_since = 2024-01-01\n\n'
        '[[entries]]\nid = 7\ndate = 2025-01-02\ntitle = "Odor control"\nhours = 2\n',
        encoding="utf-8",
    )
    assert bash(monkeypatch, f"ceclog --ledger {other} posted ") == ["7"]
    assert bash(monkeypatch, f"ceclog posted --ledger={other} ") == ["7"]


def test_certification_codes_held_or_known_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    assert bash(monkeypatch, "ceclog cert rm ") == ["WRT", "ASD"]  # the ledger's
    assert bash(monkeypatch, "ceclog cert end A") == ["ASD"]
    assert bash(monkeypatch, "ceclog cert add AM") == ["AMRT", "AMRS"]  # the rules'
    assert bash(monkeypatch, "ceclog list --cert ") == ["WRT", "ASD"]


def test_rules_profiles_commands_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = sorted(p.stem for p in (EXAMPLE.parents[1] / "rules").glob("*.toml"))
    assert bash(monkeypatch, "ceclog rules show ") == shipped
    assert bash(monkeypatch, "ceclog status --rules iicrc") == ["iicrc", "iicrc-2012"]
    assert bash(monkeypatch, "ceclog ce") == ["cert"]
    assert bash(monkeypatch, "ceclog cert ") == ["add", "list", "rm", "end"]
    assert bash(monkeypatch, "ceclog --color ") == ["auto", "always", "never"]
    assert "--mark-submitted" in bash(monkeypatch, "ceclog export --m")
    assert bash(monkeypatch, "ceclog check dup") == [
        "duplicate",
        "duplicate-entry",
        "duplicate-certificate",
    ]


def test_a_file_is_left_to_the_shell_and_a_broken_ledger_completes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert bash(monkeypatch, "ceclog import ") == []  # bash's -o default: file names
    broken = tmp_path / "broken.toml"
    broken.write_text("[holder\nname = 'x'\n", encoding="utf-8")
    monkeypatch.setenv("CECLOG_LEDGER", str(broken))
    assert bash(monkeypatch, "ceclog edit ") == []
    monkeypatch.setenv("CECLOG_LEDGER", str(tmp_path / "missing.toml"))
    assert bash(monkeypatch, "ceclog cert rm ") == []


def test_zsh_and_fish_get_values_with_their_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "ceclog edit ")
    text, _ = completion.answer("complete_zsh")
    assert text.startswith("_arguments '*: :((")
    assert '"4":"2026-03-12 Category 3 water losses\\\\: health and safety"' in text
    monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    text, _ = completion.answer("complete_fish")
    assert "3\t2025-04-17 Moisture mapping with thermal imaging (webinar)" in text.splitlines()
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "ceclog import ")
    assert completion.answer("complete_zsh")[0] == "_files"


def test_a_tab_loads_neither_typer_nor_rich_nor_pydantic() -> None:
    """The whole start-up (~0.2 s) was paid on each TAB: now only the standard library."""
    code = (
        "import os, sys\n"
        "from ceclog.__main__ import main\n"
        "heavy = lambda: sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'click', 'rich', 'pydantic', 'platformdirs'})\n"
        "os._exit = lambda code: (print(heavy(), code), sys.stdout.flush(), sys.exit(0))\n"
        "main()\n"
    )
    env = {
        **os.environ,
        "CECLOG_LEDGER": str(EXAMPLE),
        "_CECLOG_COMPLETE": "complete_bash",
        "COMP_WORDS": "ceclog edit ",
        "COMP_CWORD": "2",
    }
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.splitlines() == ["1", "2", "3", "4", "5", "[] 0"], out.stderr


def test_show_completion_prints_the_script_of_the_shell_named(
    ceclog: Ceclog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHELL", "/bin/bash")
    zsh = ceclog("--show-completion", "zsh")
    assert zsh.code == 0
    assert zsh.out.startswith("#compdef ceclog\n")
    assert "_CECLOG_COMPLETE=complete_zsh" in zsh.out
    fish = ceclog("--show-completion=fish")
    assert fish.out.startswith("complete --command ceclog")
    assert (
        "complete -o default -F _ceclog_completion ceclog"
        in ceclog("--show-completion", "bash").out
    )
    wrong = ceclog("--show-completion", "tcsh")
    assert wrong.code == 2
    assert "no completion for the shell 'tcsh'" in wrong.err


def test_the_table_a_tab_reads_is_valid_json_with_every_command() -> None:
    table = json.loads(completion.TABLE.read_text(encoding="utf-8"))
    from ceclog.cli import COMMAND_MODULES

    assert sorted(table["commands"]) == sorted(COMMAND_MODULES)


def test_an_instruction_other_than_complete_prints_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMP_WORDS", "ceclog edit ")
    monkeypatch.setenv("COMP_CWORD", "2")
    assert completion.answer("source_bash") == ("", 1)
    assert completion.answer("complete_tcsh") == ("", 1)
    assert completion.answer("complete_bash") == ("1\n2\n3\n4\n5", 0)
