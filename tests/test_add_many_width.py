"""The review of `add --from FOLDER` on a real terminal (a pseudo-terminal, so Rich draws it):
at 80 and 120 columns a row per certificate, its cells under their headings, the date and the
reason a row is held back whole; the columns left out are named under the table."""

from __future__ import annotations

import re
from pathlib import Path

import cert_fixtures as fx
import pytest
from test_terminal import on_terminal

from conftest import Ceclog, make_ledger

pytestmark = pytest.mark.slow  # a ceclog process on a pseudo-terminal per test

LGR: fx.Page = [
    "#Certificate of Completion",
    "",
    [(25, "Student Name:"), (95, "Jane Smith")],
    [(25, "Course Title:"), (95, "Low Grain Refrigerant Dehumidifier Operation for Large Loss")],
    [(25, "Training Provider:"), (95, "DRYMAX EQUIPMENT TRAINING ACADEMY")],
    [(25, "Completion Date:"), (95, "October 14, 2026")],
    [(25, "CEC Credits:"), (95, "3")],
    [(25, "Course Hours:"), (95, "21")],
]
ROW = re.compile(r"^ ([+-]\d) ")


@pytest.fixture
def folder(ceclog: Ceclog, ledger_path: Path, tmp_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', 'name = "Jane Smith"'))
    added = ceclog(
        "add", "Water Damage Restoration Technician", "--date", "2026-03-20", "--hours", "19"
    )
    assert added.code == 0, added.err
    folder = tmp_path / "certs"
    folder.mkdir()
    for n, name in enumerate(("day-first", "table", "no-day", "issued"), 1):
        fx.write(folder, name).rename(folder / f"0{n}-{name}.pdf")
    (folder / "05-drymax-lgr.pdf").write_bytes(fx.pdf_bytes(fx.Spec("lgr", [LGR], [])))
    (folder / "06-scanner-output-2026-11-02-page-0001.pdf").write_bytes(b"not a pdf")
    return folder


@pytest.mark.parametrize("columns", [80, 120])
def test_the_review_fits_the_terminal_a_row_a_certificate(
    columns: int, folder: Path, ledger_path: Path, tmp_path: Path
) -> None:
    args = ["--ledger", str(ledger_path), "--today", "2026-11-22", "add", "--from", str(folder)]
    out = on_terminal(args, columns, tmp_path)
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    head = next(line for line in lines if "File" in line and "Why not" in line)
    rows = {m.group(1): line for line in lines if (m := ROW.match(line))}
    assert list(rows) == ["+1", "-2", "-3", "+4", "+5", "-6"]
    date, amount, why = head.index("Date"), head.index("Amount"), head.index("Why not")
    # each row's cells start under their heading, the date never cut
    assert [rows[n][date : date + 10] for n in rows] == [
        "2026-03-25",
        "2026-03-20",
        "-         ",
        "2026-03-28",
        "2026-10-14",
        "-         ",
    ]
    assert rows["+1"][amount:].startswith("7 CEC ")
    assert rows["+5"][amount:].startswith("3 CEC (21 h) ")  # whole, not "3 CEC" then "(21 h)"
    assert rows["-2"][why:].rstrip() == "duplicate of entry 1"
    assert rows["-3"][why:].rstrip() == "no date"
    assert rows["-6"][why:].startswith("is not a PDF")
    assert rows["-6"][head.index("File") :].startswith("06-scanner…-0001.pdf ")
    if columns == 80:
        assert "Provider" not in head and "DRYMAX" not in out and "Odour" not in out
        assert (
            "title and provider not shown at 80 columns: widen the terminal or use --json" in lines
        )
    else:
        provider = head.index("Provider")
        assert rows["+5"][provider:].startswith("DRYMAX")
        assert "not shown" not in out


def test_with_every_row_written_the_reasons_column_gives_its_room_to_the_provider(
    ledger_path: Path, tmp_path: Path
) -> None:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', 'name = "Jane Smith"'))
    folder = tmp_path / "certs"
    folder.mkdir()
    (folder / "lgr.pdf").write_bytes(fx.pdf_bytes(fx.Spec("lgr", [LGR], [])))
    fx.write(folder, "issued").rename(folder / "issued.pdf")
    args = ["--ledger", str(ledger_path), "--today", "2026-11-22", "add", "--from", str(folder)]
    lines = on_terminal(args, 80, tmp_path).splitlines()
    head = next(line for line in lines if "File" in line)
    assert "Why not" not in head
    row = next(line for line in lines if ROW.match(line) and "lgr.pdf" in line)
    # the room an empty reasons' column took (its heading's 7 and 3 of rule) shows the provider
    assert row[head.index("Title") :].startswith("Low Grain Refr…   3 CEC (21 h)")
    assert row[head.index("Provider") :].startswith("DRYMAX EQUIPM…")
    assert "not shown" not in "\n".join(lines)


def _cert(title: str | None, credits: str, hours: str) -> fx.Page:
    rows: fx.Page = ["#Certificate of Completion", [(25, "Student Name:"), (95, "Jane Smith")]]
    if title:
        rows.append([(25, "Course Title:"), (95, title)])
    rows += [
        [(25, "Training Provider:"), (95, "Cascade Restoration Training Institute")],
        [(25, "Completion Date:"), (95, "March 5, 2026")],
        [(25, "CEC Credits:"), (95, credits)],
        [(25, "Course Hours:"), (95, hours)],
    ]
    return rows


def test_an_amount_with_its_hours_is_never_broken_inside_its_cell(
    ledger_path: Path, tmp_path: Path
) -> None:
    """A narrow terminal takes room from the title and the provider, never from inside "7 CEC
    (7 h)": each row stays one line."""
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', 'name = "Jane Smith"'))
    folder = tmp_path / "certs"
    folder.mkdir()
    pages = {
        "c1": _cert("WRT-101 Water Damage Restoration Technician", "14", "19"),
        "c2": _cert("Applied Structural Drying Technician", "14", "21"),
        "c3": _cert(None, "7", "7"),
    }
    for name, page in pages.items():
        (folder / f"{name}.pdf").write_bytes(fx.pdf_bytes(fx.Spec(name, [page], [])))
    args = ["--ledger", str(ledger_path), "--today", "2026-11-22", "add", "--from", str(folder)]
    lines = on_terminal(args, 80, tmp_path).splitlines()
    head = next(line for line in lines if "File" in line and "Amount" in line)
    body = lines[lines.index(head) + 2 : lines.index(head) + 5]
    assert [ROW.match(line) is not None for line in body] == [True, True, True]
    amounts = [line[head.index("Amount") :].split("   ")[0] for line in body]
    assert amounts == ["14 CEC (19 h)", "14 CEC (21 h)", "7 CEC (7 h)"]
