"""A photo is read a second time only for `--yes` (what it takes alone must agree with both
readings); shown or asked about, one reading is enough: the user confirms each value."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger

HEAD = "level page_num block_num par_num line_num word_num left top width height conf text"
WORDS = [
    (100, 100, "Course"),
    (300, 100, "Title:"),
    (700, 100, "Drying"),
    (100, 200, "Completion"),
    (450, 200, "Date:"),
    (700, 200, "03/14/2026"),
    (100, 300, "CEC"),
    (250, 300, "Hours:"),
    (700, 300, "14"),
]


@pytest.fixture
def photo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A photo, and a stand-in tesseract that reads it as WORDS and logs its arguments."""
    tsv = "\t".join(HEAD.split()) + "\n"
    tsv += "".join(f"5\t1\t1\t1\t1\t1\t{x}\t{y}\t{len(t) * 30}\t50\t95\t{t}\n" for x, y, t in WORDS)
    (tmp_path / "out.tsv").write_text(tsv)
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "tesseract"
    log, out = tmp_path / "calls", tmp_path / "out.tsv"
    program.write_text(f'#!/bin/sh\ncat >/dev/null\necho "$@" >> {log}\ncat {out}\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n fake")
    return path


def _modes(tmp_path: Path) -> list[str]:
    calls = (tmp_path / "calls").read_text().splitlines()
    (tmp_path / "calls").unlink()
    return sorted(c.split("--psm ")[1].split()[0] for c in calls)


@pytest.mark.skipif(os.name == "nt", reason="the stand-in tesseract is a shell script")
def test_a_photo_is_read_a_second_time_only_for_yes(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, photo: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2020-01-01"))
    shown = ceclog("add", "--from", str(photo), "--json")
    assert shown.code == 0, shown.err
    assert '"prefilled": "Drying"' in shown.out
    assert _modes(tmp_path) == ["3"]  # one reading (the quick one for the tilt aside)
    written = ceclog("add", "--from", str(photo), "--yes")
    assert written.code == 0, written.err
    assert "read title: 'Drying'" in written.err
    assert _modes(tmp_path) == ["3", "6"]
    assert 'title = "Drying"' in ledger_path.read_text()
