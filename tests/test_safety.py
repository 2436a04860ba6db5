"""Safety of the records: a read-only ledger is never changed; a backup is kept under a dated
name only when the ledger lost records outside ceclog, and those copies are bounded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger

BODY = """
[[entries]]
id = 1
date = 2024-01-02
title = "Water class"
hours = 3
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


CHANGES = [
    ("add", "X", "--date", "2024-01-01", "--hours", "1"),
    ("add", "X", "--date", "2024-01-01", "--hours", "1", "--evidence", "{cert}"),
    ("edit", "1", "--title", "Y"),
    ("rm", "1", "--yes"),
    ("submit", "1"),
    ("posted", "1"),
    ("attach", "1", "{cert}"),
    ("holder", "--name", "Sam"),
    ("cert", "add", "ASD", "--earned", "2024-01-01"),
    ("cert", "rm", "WRT"),
    ("undo",),
    ("export", "--format", "csv", "--mark-submitted", "--output", "{out}"),
]


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o440], ids=oct)
@pytest.mark.parametrize("args", CHANGES, ids=lambda a: "-".join(a[:3]))
def test_a_read_only_ledger_is_never_changed(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, mode: int, args: tuple[str, ...]
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    assert ceclog("edit", "1", "--hours", "4").code == 0  # a backup for undo
    cert = tmp_path / "outside" / "cert.pdf"
    cert.parent.mkdir()
    cert.write_bytes(b"%PDF certificate")
    out = tmp_path / "outside" / "export.csv"
    ledger_path.chmod(mode)
    before = _files(tmp_path)
    argv = [a.format(cert=cert, out=out) for a in args]
    r = ceclog(*argv)
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"error: {ledger_path}: the ledger is read-only (mode {mode:o}); nothing was changed\n"
        f"  hint: make it writable (chmod u+w {ledger_path}) or work on a copy\n"
    )
    assert _files(tmp_path) == before  # no write, no backup, no temp or lock file, no export
    assert ledger_path.stat().st_mode & 0o777 == mode


def test_a_writable_ledger_is_changed_and_reading_a_read_only_one_works(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=BODY)
    ledger_path.chmod(0o644)
    assert ceclog("edit", "1", "--title", "Y").code == 0
    ledger_path.chmod(0o444)
    for args in (("status",), ("list",), ("check",), ("holder",), ("export", "--format", "csv")):
        r = ceclog(*args)
        assert r.code == 0, (args, r.err)
    assert os.access(ledger_path, os.R_OK)


def _later(path: Path, seconds: float = 60) -> None:
    """As if `path` had been changed `seconds` after ceclog wrote it (a hand edit, a sync)."""
    stat = path.stat()
    os.utime(path, (stat.st_atime + seconds, stat.st_mtime + seconds))


def _lose_last_entry(path: Path) -> None:
    """Remove the ledger's last [[entries]] table outside ceclog (a truncated file)."""
    text = path.read_text()
    path.write_text(text[: text.rindex("\n[[entries]]")] + "\n")
    _later(path)


def test_removing_with_ceclog_keeps_no_dated_backup_and_warns_nothing(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """`rm`, `cert rm`, `undo` shrink the ledger on purpose, and the next changes replace the
    larger backup: nothing to warn about, no `.bak-TIME` copy."""
    body = "".join(BODY.replace("id = 1", f"id = {i}") for i in range(1, 6))
    make_ledger(ledger_path, ("WRT", "2023-01-01"), ("ASD", "2023-01-01"), body=body)
    runs = [
        ("rm", "5", "--yes"),
        ("rm", "4", "--yes"),
        ("cert", "rm", "ASD"),
        ("holder", "--email", "dana@example.com"),
        ("edit", "1", "--title", "W"),
        ("add", "New", "--date", "2024-01-01", "--hours", "1"),
        ("undo",),
        ("edit", "2", "--hours", "1"),
        ("submit", "1"),
    ]
    for args in runs:
        r = ceclog(*args)
        assert (r.code, r.err) == (0, ""), (args, r.err)
        _later(ledger_path, 5)  # a few seconds pass between commands: nothing is judged by them
        _later(Path(f"{ledger_path}.bak"), 5)
    assert sorted(p.name for p in ledger_path.parent.glob("ledger.toml*")) == [
        "ledger.toml",
        "ledger.toml.bak",
    ]


def test_dated_backups_are_copies_and_at_most_five_are_kept(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "".join(BODY.replace("id = 1", f"id = {i}") for i in range(1, 11))
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body=body)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")  # a shared file system without hard links

    monkeypatch.setattr(os, "link", no_links)
    backups = []
    for n in range(8):  # each time the ledger loses an entry outside ceclog, then ceclog writes
        assert ceclog("edit", "1", "--hours", str(n + 4)).code == 0
        backups.append(Path(f"{ledger_path}.bak").read_bytes())
        _lose_last_entry(ledger_path)
    r = ceclog("edit", "1", "--hours", "20")
    assert r.code == 0
    # each run after the first found the backup with the entry the ledger had lost: kept
    dated = [p for p in ledger_path.parent.iterdir() if p.name.startswith("ledger.toml.bak-")]
    assert sorted(p.read_bytes() for p in dated) == sorted(backups[-5:])  # the newest 5
    assert all(p.stat().st_nlink == 1 for p in dated)
    assert r.err == (
        f"warning: {ledger_path} lacks 1 entry (3) that its backup has, removed since ceclog "
        f"last wrote it: the backup is kept as {max(dated)} (delete that copy if the removal "
        "was yours)\n"
    )


def test_an_undone_add_leaves_its_id_taken(ceclog: Ceclog, ledger_path: Path) -> None:
    """After `add` and `undo`, the next `add` gets a new ID: the undone one may already be in a
    calendar's UID or a certificate's file name.  The restored version records it as
    `last_entry_id` (its comments kept); undo again (a redo) needs nothing recorded."""
    make_ledger(ledger_path, ("WRT", "2023-01-01"), body="# kept\n" + BODY)
    assert ceclog("add", "B", "--date", "2024-02-01", "--hours", "1").out.startswith("Entry 2:")
    r = ceclog("undo")
    assert r.code == 0, r.err
    assert "Entry IDs up to 2 stay taken (last_entry_id = 2): the next new entry gets 3." in r.out
    text = ledger_path.read_text(encoding="utf-8")
    assert "last_entry_id = 2\n" in text and "# kept\n" in text and "\nid = 2" not in text
    assert ceclog("add", "C", "--date", "2024-03-01", "--hours", "1").out.startswith("Entry 3:")
    assert "last_entry_id = 3" in ceclog("undo").out
    redo = ceclog("undo")
    assert "stay taken" not in redo.out and "(2 entries, 1 certification)" in redo.out
    assert ceclog("add", "D", "--date", "2024-04-01", "--hours", "1").out.startswith("Entry 4:")


def test_undo_restores_a_backup_it_cannot_edit_in_place_as_it_was(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    """A holder written inline cannot take `last_entry_id` in place: the backup is restored
    byte for byte (never rewritten without its comments) and the warning says what to add."""
    ledger_path.write_text(
        'version = 1\n# mine\nholder = { name = "Dana Reyes", tracking_since = 2020-01-01 }\n'
        '\n[[certifications]]\ncode = "WRT"\nearned = 2023-01-01\n',
        encoding="utf-8",
    )
    before = ledger_path.read_bytes()
    assert ceclog("add", "A", "--date", "2024-01-01", "--hours", "1").code == 0
    r = ceclog("undo")
    assert r.code == 0 and ledger_path.read_bytes() == before
    assert r.err == (
        "warning: entry IDs up to 1 were given since this version, and it could not be changed "
        "in place to remember them: add `last_entry_id = 1` to the holder's table, so that no "
        "new entry takes one of them\n"
    )
