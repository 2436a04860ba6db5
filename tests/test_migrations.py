"""The ledger format's versions: an older file is upgraded on read, one step at a time; a file
gets a newer version number only with its first use of a newer key; a newer file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceclog.core.ledger.models import LEDGER_VERSION
from ceclog.errors import LedgerError
from ceclog.store import migrations
from conftest import Ceclog, make_ledger

V1 = """\
# a ledger written by ceclog 0.1 (format version 1)
version = 1   # keep me

[holder]
name = "Dana Reyes"
tracking_since = 2023-09-15

[[certifications]]
code = "WRT"
earned = 2023-09-15

[[certifications]]
code = "MWR"
earned = 2025-05-10
"""


def test_a_version_1_file_is_read_through_the_migrations(ceclog: Ceclog, ledger_path: Path) -> None:
    ledger_path.write_text(V1)
    assert migrations.upgrade({"version": 1}, V1, ledger_path) == {"version": LEDGER_VERSION}
    r = ceclog("status")
    assert r.code == 0, r.err
    assert "2027-05-09" in r.out  # read as the current format: MWR shortens the cycle


def test_a_change_keeps_version_1_until_a_newer_key_is_used(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger_path.write_text(V1)
    assert ceclog("add", "Class", "--date", "2026-01-10", "--hours", "2").code == 0
    assert ceclog("holder", "--name", "Dana R.").code == 0
    text = ledger_path.read_text()
    assert "version = 1   # keep me\n" in text  # an older ceclog still reads it
    assert ceclog("cert", "end", "MWR", "--on", "2026-06-01").code == 0  # `ended`: version 2
    text = ledger_path.read_text()
    assert "version = 2   # keep me\n" in text and "ended = 2026-06-01" in text
    assert text.startswith("# a ledger written by ceclog 0.1 (format version 1)\n")
    assert ceclog("check").code == 0


def test_a_newer_or_impossible_version_is_refused(ceclog: Ceclog, ledger_path: Path) -> None:
    for version, words in ((LEDGER_VERSION + 1, "written by a newer ceclog"), (0, "is not a")):
        make_ledger(ledger_path, ("WRT", "2023-09-15"))
        ledger_path.write_text(
            ledger_path.read_text().replace("version = 1", f"version = {version}")
        )
        before = ledger_path.read_bytes()
        r = ceclog("add", "X", "--hours", "1")
        assert r.code == 1 and words in r.err and "ledger.toml:1:" in r.err
        assert ledger_path.read_bytes() == before
    with pytest.raises(LedgerError):
        migrations.upgrade({"version": 99}, "version = 99\n", ledger_path)


def test_every_version_has_a_step_to_the_next() -> None:
    assert sorted(migrations.STEPS) == list(range(1, LEDGER_VERSION))
    assert max(migrations.ADDED) == LEDGER_VERSION


def test_a_version_3_file_is_read_and_gets_version_4_with_its_first_event(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger_path.write_text(V1.replace("version = 1", "version = 3"))
    assert migrations.upgrade({"version": 3}, "", ledger_path) == {"version": LEDGER_VERSION}
    assert migrations.version_needed({"entries": [{"event": "Expo"}]}) == 4
    assert ceclog("add", "Class", "--date", "2026-01-10", "--hours", "2").code == 0
    assert "version = 3   # keep me\n" in ledger_path.read_text()
    assert (
        ceclog("add", "Day 1", "--date", "2026-01-11", "--hours", "2", "--event", "Expo").code == 0
    )
    assert "version = 4   # keep me\n" in ledger_path.read_text()


def test_a_version_5_file_is_read_and_gets_version_6_with_its_first_assertion(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger_path.write_text(V1.replace("version = 1", "version = 5"))
    assert migrations.upgrade({"version": 5}, "", ledger_path) == {"version": LEDGER_VERSION}
    assert migrations.version_needed({"assertions": [{"date": "2026-01-01"}]}) == 6
    assert ceclog("add", "Class", "--date", "2026-01-10", "--hours", "2").code == 0
    assert "version = 5   # keep me\n" in ledger_path.read_text()  # no assertion: still 5
    r = ceclog("reconcile", "--portal", "0", "--record")
    assert r.code == 0, r.err
    assert "version = 6   # keep me\n" in ledger_path.read_text()
    # a version 6 file with an assertion reads back through every command
    assert ceclog("status").code == 0 and ceclog("check").code == 0
