"""Every rejected input: one clear located message, a non-zero exit, and the ledger untouched."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger, write

GOOD_ENTRY = """
[[entries]]
id = 1
date = 2024-01-10
title = "Class"
hours = 7
"""


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2023-01-01"), body=GOOD_ENTRY)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add", "X", "--date", "2024-01-01", "--hours", "-3"], 1, "--hours cannot be negative"),
        (
            ["add", "X", "--date", "2023-02-30", "--hours", "3"],
            1,
            "--date '2023-02-30' is not a real date: February 2023 has 28 days",
        ),
        (["add", "X", "--date", "yesterday", "--hours", "3"], 1, "is not a date"),
        (["add", "X", "--date", "2024-01-01", "--hours", "nan"], 1, "finite number"),
        (["add", "X", "--date", "2024-01-01", "--hours", "1e9"], 1, "is it a typo?"),
        (["add", "X", "--date", "2024-01-01", "--hours", "three"], 1, "is not a number"),
        (["add", "X", "--date", "2024-01-01"], 2, "give --hours H or --credits C"),
        (
            ["add", "X", "--date", "2024-01-01", "--hours", "3", "--cert", "WTR"],
            1,
            "WTR is not a certification known to the iicrc rules",
        ),
        (
            ["add", "X", "--date", "2024-01-01", "--hours", "3", "--kind", "semnar"],
            1,
            "'semnar' is not a kind of activity",
        ),
        (["add", "  ", "--date", "2024-01-01", "--hours", "3"], 1, "the title cannot be empty"),
        # names are one line of printable text; text that shows nothing is empty
        (
            ["add", "\u200b\u200b", "--date", "2024-01-01", "--hours", "3"],
            1,
            "the title cannot be empty: it has only invisible characters (U+200B ZERO WIDTH SPACE)",
        ),
        (
            ["add", "Line1\nLine2", "--date", "2024-01-01", "--hours", "3"],
            1,
            "the title must be one line: it has a line break; write it on one line",
        ),
        (
            ["add", "X", "--date", "2024-01-01", "--hours", "3", "--provider", "Acme\x1b[2J"],
            1,
            "--provider must not contain control characters: it has an escape code (U+001B); "
            "remove it",
        ),
        (["edit", "1", "--title", "\ufeff \u2060"], 1, "--title cannot be empty: it has only"),
        (["edit", "1", "--event", "Expo\t2026"], 1, "--event must not contain control characters"),
        (
            ["holder", "--name", "Dana\x1b[31mRED"],
            1,
            "--name must not contain control characters: it has an escape code (U+001B)",
        ),
        (["holder", "--registrant-id", "123\nBcc: x@y.com"], 1, "--registrant-id must be one line"),
        (
            ["holder", "--email", "dana@"],
            1,
            "--email 'dana@' is not an email address: nothing after the @ (write it like "
            "dana.reyes@example.com)",
        ),
        (["holder", "--email", "dana example.com"], 1, "is not an email address: it has no @"),
        (
            ["holder", "--email", "a@b"],
            1,
            "--email 'a@b' is not an email address: the part after the @ is not a domain",
        ),
        (["add", "X", "--date", "2024-01-01", "--hours", "3", "--topic", "a/b"], 1, "topic"),
        (["cert", "add", "WRT", "--earned", "2024-01-01"], 1, "WRT is already recorded"),
        (["cert", "add", "ASD", "--earned", "2024-13-01"], 1, "is not a date"),
        (["edit", "1", "--hours", "-1"], 1, "cannot be negative"),
        (["edit", "1", "--clear", "title"], 2, "--clear takes one of"),
        (["rm", "7", "--yes"], 1, "there is no entry 7"),
        (["--today", "2026-02-29", "status"], 1, "February 2026 has 28 days"),
    ],
)
def test_rejected_input_leaves_ledger_unchanged(
    ceclog: Ceclog, ledger: Path, args: list[str], code: int, message: str
) -> None:
    before = ledger.read_bytes()
    r = ceclog(*args)
    assert r.code == code, r.err
    assert message in r.err
    assert r.out == ""
    assert ledger.read_bytes() == before
    assert not Path(str(ledger) + ".bak").exists()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("version = 1\n[holder\nname = 'x'\n", 2, "not valid TOML"),
        (
            "version = 1\n\n[holder]\nname = 'x'\ntracking_since = 2023-02-30\n",
            5,
            "not valid TOML: Invalid date or datetime",
        ),
        (
            "version = 1\n\n[holder]\nname = 'x'\ntracking_since = '2023-01-01'\n",
            5,
            'holder.tracking_since: must be a date, got "2023-01-01"',
        ),
        (
            "version = 1\n\n[holder]\nnme = 'x'\ntracking_since = 2023-01-01\n",
            4,
            "holder: unknown key 'nme'",
        ),
        (  # a value as the author wrote it, never as Python shows it
            "version = 1\n\n[holder]\nname = 'x'\ntracking_since = 2023-01-01T08:00:00\n",
            5,
            "holder.tracking_since: must be a date, got 2023-01-01T08:00:00",
        ),
        (
            "version = 1\n\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            '\n[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = "t"\nhours = 1e400\n',
            11,
            "entry 1: hours: must be at most 1000, got 1E+400",
        ),
        (
            "version = '1'\n\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n",
            1,
            'version: must be a whole number, got "1"\n  hint: write it without quotes, like '
            "version = 7",
        ),
        (
            "version = 99\n\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n",
            None,
            "written by a newer ceclog",
        ),
        (
            "version = 1\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            "[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = 't'\nhours = -7\n",
            9,
            "entry 1: hours: must be at least 0, got -7",
        ),
        (
            "version = 1\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            "[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = 't'\nhours = nan\n",
            9,
            "finite number",
        ),
        (
            "version = 1\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            "[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = 't'\n"
            "[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = 'u'\n",
            10,
            "two entries have id = 1",
        ),
        ("", 1, "the ledger file is empty"),
        (
            "version = 1\n[holder]\nname = 'x'\nemail = 'dana@'\ntracking_since = 2023-01-01\n",
            4,
            "holder.email: is not an email address: nothing after the @",
        ),
        (
            'version = 1\n[holder]\nname = "Dana\\nReyes"\ntracking_since = 2023-01-01\n',
            3,
            "holder.name: must be one line: it has a line break; write it on one line",
        ),
        (
            "version = 1\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            '[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = "t\\u001b[31m"\nhours = 7\n',
            8,
            "entry 1: title: must not contain control characters: it has an escape code (U+001B)",
        ),
        (
            "version = 1\n[holder]\nname = 'x'\ntracking_since = 2023-01-01\n"
            '[[entries]]\nid = 1\ndate = 2024-01-01\ntitle = "\\u200B\\uFEFF"\nhours = 7\n',
            8,
            "entry 1: title: cannot be empty: it has only invisible characters (U+200B ZERO WIDTH "
            "SPACE, U+FEFF ZERO WIDTH NO-BREAK SPACE)",
        ),
    ],
)
def test_broken_ledger_is_reported_with_its_line_and_never_written(
    ceclog: Ceclog, ledger_path: Path, text: str, line: int | None, message: str
) -> None:
    write(ledger_path, text)
    before = ledger_path.read_bytes()
    for args in (
        ["status"],
        ["add", "X", "--hours", "1"],
        ["cert", "add", "ASD", "--earned", "2024-01-01"],
    ):
        r = ceclog(*args)
        assert r.code == 1, (args, r.err)
        where = f"{ledger_path}:{line}:" if line else f"{ledger_path}:"
        assert r.err.startswith(f"error: {where}"), r.err
        assert message in r.err
        assert ledger_path.read_bytes() == before
    r = ceclog("check")
    assert r.code == 1 and message in r.out


def test_binary_garbage_ledger(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger_path.write_bytes(b"version = 1\n\xff\xfe\x00garbage")
    r = ceclog("status")
    assert r.code == 1
    assert f"{ledger_path}:2: not UTF-8 text" in r.err


def test_broken_rules_file_is_reported_with_its_line(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    rules = tmp_path / "my-rules.toml"
    shipped = (Path(__file__).parents[1] / "rules" / "iicrc.toml").read_text()
    rules.write_text(shipped.replace("hours_per_credit = 1 ", "hours_per_credit = 0 "))
    make_ledger(ledger_path, ("WRT", "2023-01-01"), rules="my-rules.toml")
    r = ceclog("status")
    assert r.code == 1
    line = (
        shipped.splitlines().index(
            next(ln for ln in shipped.splitlines() if ln.startswith("hours_per_credit"))
        )
        + 1
    )
    assert r.err.startswith(f"error: {rules}:{line}: hours_per_credit: must be more than 0")
    rules.write_text(shipped.replace('"WRT",\n]', '"WRT", "XYZ",\n]'))
    r = ceclog("status")
    assert "covers XYZ, which is not in [certifications]" in r.err
    rules.unlink()
    r = ceclog("status")
    assert f"{rules}: rules file not found" in r.err


def test_missing_ledger_says_which_file_and_how_to_start(ceclog: Ceclog, ledger_path: Path) -> None:
    r = ceclog("status")
    assert r.code == 1
    assert r.err.startswith(f"error: {ledger_path}: no ledger here")
    assert f"ceclog --ledger {ledger_path} init" in r.err
    assert not ledger_path.exists()


def test_a_missing_ledger_named_by_path_says_how_to_create_it_there(
    ceclog: Ceclog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ceclog init` alone would create the default ledger, not the one named: the hint names
    the path, quoted for the shell, and running it creates that very file."""
    missing = tmp_path / "new folder" / "it's mine.toml"
    r = ceclog("status", ledger=missing)
    assert r.code == 1
    command = f"ceclog --ledger {shlex.quote(str(missing))} init --name 'Your Name'"
    assert f"  hint: create one with `{command}`, or point --ledger" in r.err
    monkeypatch.setenv("CECLOG_LEDGER", str(missing))
    assert f"`{command}`" in ceclog("list", ledger=None).err
    monkeypatch.delenv("CECLOG_LEDGER")
    default = ceclog("status", ledger=None).err  # the default place: `ceclog init` creates it
    assert "  hint: create one with `ceclog init --name 'Your Name'`" in default
    words = shlex.split(command)[1:]
    created = ceclog(*words[2:], ledger=Path(words[1]))
    assert created.code == 0 and missing.is_file()
    then = f"`ceclog --ledger {shlex.quote(str(missing))} cert add WRT --earned 2022-06-01`"
    assert created.out.endswith(f"Next: record a certification, e.g. {then}.\n")


def test_ledger_is_a_folder(ceclog: Ceclog, tmp_path: Path) -> None:
    r = ceclog("status", ledger=tmp_path)
    assert r.code == 1 and "is a folder" in r.err


def test_check_lists_every_problem_of_an_invalid_ledger(ceclog: Ceclog, ledger_path: Path) -> None:
    write(
        ledger_path,
        """\
        version = 1
        [holder]
        name = "A B"
        tracking_since = 2026-11-22
        [[entries]]
        id = "1"
        date = 2026-01-01
        title = "x"
        hours = "7"
        planned = "yes"
        certifications = "WRT"
        """,
    )
    r = ceclog("check")
    assert r.code == 1
    p = str(ledger_path)
    assert [ln for ln in r.out.splitlines() if not ln.startswith("  hint")] == [
        f'{p}:6: error: entries[0].id: must be a whole number, got "1"',
        f'{p}:9: error: entries[0].hours: must be a number, got "7"',
        f'{p}:10: error: entries[0].planned: must be true or false, got "yes"',
        f'{p}:11: error: entries[0].certifications: must be a list, got "WRT"',
    ]
    assert "  hint: write numbers without quotes, like hours = 3.5" in r.out
    assert "4 errors, 0 warnings" in r.err


def test_notes_may_have_lines_and_a_new_ledger_refuses_a_bad_email(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """Notes are free text: line breaks and tabs are kept (not escape codes); `init --email`
    checks the address as `holder --email` does, and writes nothing when it is not one."""
    r = ceclog("add", "X", "--date", "2024-01-01", "--hours", "1", "--note", "one\n\ttwo")
    assert r.code == 0, r.err
    assert 'notes = "one\\n\\ttwo"' in ledger.read_text(encoding="utf-8")
    assert ceclog("check", "--json").code == 0
    r = ceclog("edit", "2", "--note", "bell\x07")
    assert r.code == 1 and "--note must not contain control characters: it has a control" in r.err
    new = tmp_path / "new.toml"
    r = ceclog("init", "--name", "Dana Reyes", "--email", "dana@example", ledger=new)
    assert (r.code, r.out) == (1, "")
    assert "the part after the @ is not a domain such as example.com" in r.err
    assert not new.exists()
    r = ceclog("init", "--name", "Dana Reyes", "--email", "dana.reyes@example.com", ledger=new)
    assert r.code == 0 and 'email = "dana.reyes@example.com"' in new.read_text(encoding="utf-8")


def test_a_mistyped_ledger_path_leaves_no_file_behind(ceclog: Ceclog, tmp_path: Path) -> None:
    """`--ledger typo.toml add ...` left `.typo.toml.lock` in the folder: a change to a ledger
    that is not there writes nothing at all, not even a lock."""
    folder = tmp_path / "work"
    folder.mkdir()
    commands = (
        ["add", "X", "--hours", "2"],
        ["submit", "--all"],
        ["cert", "add", "WRT", "--earned", "2024-01-01"],
        ["holder", "--name", "Y"],
    )
    for args in commands:
        r = ceclog(*args, ledger=folder / "typo.toml")
        assert r.code == 1 and "no ledger here" in r.err, r.err
    assert list(folder.iterdir()) == []
