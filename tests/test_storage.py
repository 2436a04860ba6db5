"""The file itself: hand layout kept, atomic replace, backups, locks, permissions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceclog.core.ledger.text import blank
from conftest import TODAY, Ceclog, make_ledger, write

HAND_WRITTEN = """\
# My CEC record: kept by hand since 2023.
version = 1

[holder]
name = "Dana Reyes"   # as on my IICRC profile
tracking_since = 2023-01-01

[[certifications]]
code = "WRT"
earned = 2023-01-01

# ---- classes ----
[[entries]]
id = 1
date = 2024-03-14
title = "Applied Structural Drying"
hours   =   21      # three days
certifications = [ "WRT" ]

# ---- end of classes: keep this comment below them ----
# renewal notice expected 2027
"""


def test_add_keeps_comments_above_and_below_the_entries(ceclog: Ceclog, ledger_path: Path) -> None:
    write(ledger_path, HAND_WRITTEN)
    r = ceclog("add", "Webinar", "--date", "2024-05-01", "--hours", "2", "--kind", "webinar")
    assert r.code == 0, r.err
    text = ledger_path.read_text()
    head, rest = HAND_WRITTEN.split("\n# ---- end of classes")
    assert text == (
        head + "\n"
        "[[entries]]\n"
        "id = 2\n"
        "date = 2024-05-01\n"
        'title = "Webinar"\n'
        'kind = "webinar"\n'
        "hours = 2\n"
        "\n# ---- end of classes" + rest
    )
    # the backup is the previous version, byte for byte
    assert Path(f"{ledger_path}.bak").read_text() == HAND_WRITTEN


def test_edit_keeps_the_layout_of_unchanged_keys(ceclog: Ceclog, ledger_path: Path) -> None:
    write(ledger_path, HAND_WRITTEN)
    assert ceclog("edit", "1", "--hours", "14").code == 0
    text = ledger_path.read_text()
    assert "hours   =   14      # three days\n" in text
    assert text.replace("=   14", "=   21") == HAND_WRITTEN
    assert ceclog("rm", "1", "--yes").code == 0
    text = ledger_path.read_text()
    assert "# ---- classes ----" in text and "# renewal notice expected 2027" in text
    assert "[[entries]]" not in text


def test_cert_and_holder_changes_keep_comments(ceclog: Ceclog, ledger_path: Path) -> None:
    write(ledger_path, HAND_WRITTEN)
    assert ceclog("cert", "add", "ASD", "--earned", "2024-02-02").code == 0
    assert ceclog("holder", "--registrant-id", "777").code == 0
    text = ledger_path.read_text()
    assert 'name = "Dana Reyes"   # as on my IICRC profile\n' in text
    assert '[[certifications]]\ncode = "ASD"\nearned = 2024-02-02\n' in text
    assert text.index('code = "ASD"') < text.index("# ---- classes ----")
    assert 'registrant_id = "777"' in text
    for line in HAND_WRITTEN.splitlines():
        if line.startswith("#"):
            assert line in text


def test_inline_tables_fall_back_to_a_rewrite_with_a_warning(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    write(
        ledger_path,
        """\
        version = 1
        holder = { name = "D", tracking_since = 2023-01-01 }
        entries = [ { id = 1, date = 2024-01-01, title = "A", hours = 1 } ]
        """,
    )
    r = ceclog("add", "B", "--date", "2024-01-02", "--hours", "1")
    assert r.code == 0
    assert "comments and layout were not kept" in r.err
    data = tomllib.loads(ledger_path.read_text())
    assert [e["title"] for e in data["entries"]] == ["A", "B"]
    assert Path(f"{ledger_path}.bak").read_text().startswith("version = 1\nholder = {")


def test_failed_replace_leaves_original_and_no_temp_file(
    ceclog: Ceclog, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    before = ledger_path.read_bytes()
    real_replace = os.replace

    def full_disk(src: str, dst: str) -> None:
        if str(dst) == str(ledger_path):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    r = ceclog("add", "X", "--date", "2024-01-01", "--hours", "1")
    assert r.code == 1
    assert "could not save the ledger: the disk is full; nothing was changed" in r.err
    assert ledger_path.read_bytes() == before
    assert sorted(p.name for p in ledger_path.parent.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    ledger_path.parent.chmod(0o500)
    try:
        r = ceclog("add", "X", "--date", "2024-01-01", "--hours", "1")
    finally:
        ledger_path.parent.chmod(0o700)
    assert r.code == 1 and "permission denied" in r.err


def test_existing_permissions_are_kept(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path, ("WRT", "2023-01-01"))
    ledger_path.chmod(0o640)
    assert ceclog("add", "X", "--date", "2024-01-01", "--hours", "1").code == 0
    assert 'title = "X"' in ledger_path.read_text()
    assert ledger_path.stat().st_mode & 0o777 == 0o640
    # a ledger reached through a symbolic link: tests/test_foreign_files.py


# Any text a name may hold: one line with no control characters, showing something (not only
# spaces and invisible characters, as `core.text.blank` defines them); a note also has tabs
# and line breaks.
TEXT = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda s: not blank(s))
NOTE = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"),
    min_size=1,
    max_size=60,
).filter(lambda s: not blank(s))


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=TEXT, provider=TEXT, note=NOTE)
def test_any_text_reads_back_identical(
    ceclog: Ceclog, ledger_path: Path, title: str, provider: str, note: str
) -> None:
    write(ledger_path, HAND_WRITTEN)
    r = ceclog(
        "add",
        "--date",
        "2025-01-01",
        "--hours",
        "1",
        "--provider",
        provider,
        "--note",
        note,
        "--",
        title,
    )
    assert r.code == 0, r.err
    rows = json.loads(ceclog("list", "--json").out)
    assert (rows[-1]["title"], rows[-1]["provider"], rows[-1]["notes"]) == (title, provider, note)
    # what the command line built (without Pydantic) passes the file schema read afresh
    os.environ["CECLOG_NO_CACHE"] = "1"
    try:
        assert ceclog("check").code == 0
    finally:
        del os.environ["CECLOG_NO_CACHE"]
    text = ledger_path.read_text()
    assert text.startswith(HAND_WRITTEN.split("\n# ---- end")[0])
    assert text.endswith("# renewal notice expected 2027\n")


def test_lone_surrogates_are_refused(ceclog: Ceclog, ledger_path: Path) -> None:
    make_ledger(ledger_path)
    before = ledger_path.read_bytes()
    r = ceclog("add", "bad \udcff title", "--hours", "1")
    assert r.code == 1 and "not valid text" in r.err
    assert ledger_path.read_bytes() == before


@pytest.mark.parametrize(("command", "imported"), [("status", False), ("add", True)])
def test_tomli_w_is_imported_only_to_write(tmp_path: Path, command: str, imported: bool) -> None:
    """Start-up time: reading a ledger never loads the TOML writer."""
    ledger = make_ledger(tmp_path / "ledger.toml", ("WRT", "2023-01-01"))
    argv = ["--ledger", str(ledger), "--today", TODAY, command]
    argv += ["Class", "--date", "2024-01-02", "--hours", "1"] if command == "add" else []
    code = (
        "import sys; from ceclog.cli import run; code = run(sys.argv[1:]); "
        "print('tomli_w' in sys.modules, code, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CECLOG_NO_CACHE": "1", "NO_COLOR": "1"},
    )
    assert out.stderr.splitlines()[-1] == f"{imported} 0"
