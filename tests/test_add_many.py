"""`ceclog add --from A.pdf B.pdf …` (or a folder): one review table, one confirmed write for
all, undone by one `undo`; --yes writes only the complete rows that no entry duplicates."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger, undone

JANE = 'name = "Jane Smith"'


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def drawer(ceclog: Ceclog, ledger_path: Path, tmp_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', JANE))
    added = ceclog(
        "add", "Water Damage Restoration Technician", "--date", "2026-03-20", "--hours", "19"
    )
    assert added.code == 0, added.err
    folder = tmp_path / "drawer"
    folder.mkdir()
    for name in ("table", "day-first", "no-day", "issued"):
        fx.write(folder, name)
    return folder


TABLE = """\
    File           Date        Title                                Amount  Provider                Why not
--  -------------  ----------  -----------------------------------  ------  ----------------------  --------------------
+1  day-first.pdf  2026-03-25  Odour Control Technician             7 CEC   Restoration Academy UK
+2  issued.pdf     2026-03-28  Commercial Drying Specialist         21 h    -
-3  no-day.pdf     -           Upholstery and Fabric Cleaning       14 h    -                       no date
-4  table.pdf      2026-03-20  Water Damage Restoration Technician  19 h    Dry Right Academy LLC   duplicate of entry 1
"""  # noqa: E501 (the table as printed, one row a line)


def _entries(ledger: Path) -> list[str]:
    return ledger.read_text().split("[[entries]]")[1:]


def test_yes_writes_only_complete_new_rows_in_one_write_that_undo_takes_back(
    ceclog: Ceclog, drawer: Path, ledger_path: Path
) -> None:
    before = ledger_path.read_bytes()
    files = sorted(str(p) for p in drawer.iterdir())
    result = ceclog("add", "--from", *files, "--yes")  # as the shell gives `--from *.pdf`
    assert result.code == 0, result.err
    assert result.err.startswith(TABLE)
    assert "skipped row 3, no-day.pdf: no date" in result.err
    assert "skipped row 4, table.pdf: duplicate of entry 1" in result.err
    assert result.out == (
        "Entry 2: 2026-03-25 Odour Control Technician\n"
        "Entry 3: 2026-03-28 Commercial Drying Specialist\n"
    )
    entries = _entries(ledger_path)
    assert len(entries) == 3
    second, third = entries[1], entries[2]
    assert 'title = "Odour Control Technician"' in second and "date = 2026-03-25" in second
    assert "credits = 7" in second and 'provider = "Restoration Academy UK"' in second
    assert 'file = "evidence/2026-03-25_2_odour-control-technician.pdf"' in second
    assert 'title = "Commercial Drying Specialist"' in third and "date = 2026-03-28" in third
    assert "hours = 21" in third and 'approval = "C-7788"' in third
    kept = ledger_path.parent / "evidence/2026-03-28_3_commercial-drying-specialist.pdf"
    assert kept.read_bytes() == (drawer / "issued.pdf").read_bytes()
    assert ceclog("undo").code == 0
    assert ledger_path.read_bytes() == undone(before, 3)  # both entries gone in one undo


def test_a_folder_is_reviewed_and_written_once_confirmed(
    ceclog: Ceclog, drawer: Path, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ledger_path.read_bytes()
    refused = ceclog("add", "--from", str(drawer))
    assert refused.code == 1 and "not run in a terminal, so nothing was written" in refused.err
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert ceclog("add", "--from", str(drawer)).code == 1
    assert ledger_path.read_bytes() == before
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    result = ceclog("add", "--from", str(drawer))
    assert result.code == 0, result.err
    assert "Write the 2 entries marked +? [y]es, [n]o: " in result.err
    assert [e.split("\n")[3] for e in _entries(ledger_path)] == [
        'title = "Water Damage Restoration Technician"',
        'title = "Odour Control Technician"',
        'title = "Commercial Drying Specialist"',
    ]


def test_json_shows_the_review_and_writes_nothing(
    ceclog: Ceclog, drawer: Path, ledger_path: Path
) -> None:
    before = ledger_path.read_bytes()
    result = ceclog("add", "--from", str(drawer), "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["written"] is False
    rows = {r["file"]: r for r in doc["certificates"]}
    assert rows["table.pdf"]["duplicate_of"] == 1
    assert rows["no-day.pdf"]["missing"] == ["date"]
    assert rows["issued.pdf"]["why_not"] is None
    assert ledger_path.read_bytes() == before
    refused = ceclog("add", "--from", str(drawer), "--json", "--yes")
    assert refused.code == 2


def test_fields_of_one_certificate_are_refused_with_many(ceclog: Ceclog, drawer: Path) -> None:
    result = ceclog("add", "--from", str(drawer), "--date", "2026-01-01", "--yes")
    assert result.code == 2
    assert "with several certificates, only --kind" in result.err


def test_a_certificate_stating_credits_and_hours_shows_and_records_both(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path
) -> None:
    make_ledger(ledger_path, ("WRT", "2020-01-01"))
    folder = tmp_path / "drawer"
    folder.mkdir()
    rows: list[fx.Row] = [
        "#Certificate of Completion",
        [(25, "Course Title:"), (90, "Applied Structural Drying")],
        [(25, "Date of Completion:"), (90, "March 5, 2026")],
        "21 classroom hours / 3.0 CECs",
    ]
    (folder / "asd.pdf").write_bytes(fx.pdf_bytes(fx.Spec("asd", [rows], [])))
    fx.write(folder, "issued")
    result = ceclog("add", "--from", str(folder), "--yes")
    assert result.code == 0, result.err
    table = result.err.splitlines()
    assert table[2].split()[:2] == ["+1", "asd.pdf"] and "  3 CEC (21 h)  " in table[2]
    assert table[3].split()[:2] == ["+2", "issued.pdf"] and "  21 h  " in table[3]
    first = _entries(ledger_path)[0]
    assert "hours = 21" in first and "credits = 3" in first
