"""No class counted twice: `add --from CERT` of a certificate the ledger has (its file attached,
or the same class), plain `add` of the same class, `attach` of a file another entry has, and
`check`/`status` on a ledger that already holds such a pair (`core.ledger.duplicates`)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

JANE = 'name = "Jane Smith"'
WDR = "Water Damage Restoration Technician"  # table.pdf: 2026-03-20, 19 h


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', JANE))
    return path


def _entries(ledger: Path) -> list[str]:
    return ledger.read_text().split("[[entries]]")[1:]


def test_add_from_yes_refuses_a_certificate_already_attached(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    cert = fx.write(tmp_path, "table")
    assert ceclog("add", "--from", str(cert), "--yes").code == 0
    before = ledger.read_bytes()
    evidence = sorted((tmp_path / "evidence").iterdir())
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 1
    assert (
        f"error: {cert}: this looks like entry 1 (the same certificate file, attached to it as "
        "evidence/2026-03-20_1_water-damage-restoration-technician.pdf); nothing was written"
    ) in result.err
    assert (
        "hint: if it truly is another class (taken twice, or the file holds both), add it by "
        f"hand: ceclog add '{WDR}' --date 2026-03-20 --hours 19 --evidence {cert}"
    ) in result.err
    assert result.out == ""
    assert ledger.read_bytes() == before
    assert sorted((tmp_path / "evidence").iterdir()) == evidence  # no copy left behind


def test_add_from_yes_refuses_the_same_class_typed_by_hand(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    # typed without the certificate: the same date, title (case and spacing aside) and hours
    typed = ("water damage  restoration TECHNICIAN", "--date", "2026-03-20", "--hours", "19")
    assert ceclog("add", *typed).code == 0
    before = ledger.read_bytes()
    result = ceclog("add", "--from", str(fx.write(tmp_path, "table")), "--yes")
    assert result.code == 1
    assert "this looks like entry 1 (same date, title and amount); nothing was written" in (
        result.err
    )
    assert ledger.read_bytes() == before


def test_add_from_at_a_terminal_says_what_it_repeats_and_asks(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = fx.write(tmp_path, "table")
    assert ceclog("add", "--from", str(cert), "--yes").code == 0
    before = ledger.read_bytes()
    monkeypatch.setattr(sys, "stdin", Terminal("a\nn\nq\n"))  # accept, then no, then quit
    result = ceclog("add", "--from", str(cert))
    assert result.code == 1
    said = (
        "warning: this looks like entry 1 (the same certificate file, attached to it as "
        "evidence/2026-03-20_1_water-damage-restoration-technician.pdf): one class counted "
        "twice, unless this is another class"
    )
    assert said in result.err
    assert result.err.index(said) < result.err.index("Write this entry?")
    assert "Write it although it looks like a duplicate? [y]es, [n]o: " in result.err
    assert result.err.endswith("[q]uit: nothing was written\n")
    assert ledger.read_bytes() == before
    monkeypatch.setattr(sys, "stdin", Terminal("a\ny\n"))  # a second class, truly
    result = ceclog("add", "--from", str(cert))
    assert result.code == 0, result.err
    assert result.out.startswith(f"Entry 2: 2026-03-20 {WDR}\n")
    assert "looks like entry 1" not in result.err.split("[y]es, [n]o: ")[-1]  # said once
    assert len(_entries(ledger)) == 2


def test_add_warns_of_the_same_class_and_not_of_another_class_that_day(
    ceclog: Ceclog, ledger: Path
) -> None:
    first = ("LGR Dehumidifier Workshop", "--date", "2026-10-14", "--hours", "7")
    assert ceclog("add", *first).code == 0
    other = ceclog("add", "Odor Control", "--date", "2026-10-14", "--hours", "7")
    longer = ceclog("add", "LGR Dehumidifier Workshop", "--date", "2026-10-14", "--hours", "8")
    assert "looks like" not in other.err + longer.err  # two classes on one day are normal
    again = ceclog("add", "lgr dehumidifier  workshop", "--date", "2026-10-14", "--hours", "7")
    assert again.code == 0  # written: the user may have taken it twice
    assert again.err.splitlines() == [
        "warning: entry 4 looks like entry 1 (same date, title and amount); if it is the same "
        "class, `ceclog rm 4`"
    ]
    assert again.out.startswith("Entry 4: 2026-10-14 lgr dehumidifier  workshop\n")


def test_attach_warns_of_a_file_another_entry_has(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    cert = fx.write(tmp_path, "table")
    assert ceclog("add", "--from", str(cert), "--yes").code == 0
    assert ceclog("add", "Odor Control", "--date", "2026-03-21", "--hours", "7").code == 0
    result = ceclog("attach", "2", str(cert))
    assert result.code == 0
    assert result.out == "Attached table.pdf to entry 2 as evidence/2026-03-21_2_odor-control.pdf\n"
    assert result.err == (
        "warning: entry 2 looks like entry 1 (the same certificate file, attached to it as "
        "evidence/2026-03-20_1_water-damage-restoration-technician.pdf): one certificate proves "
        "one class; if it is the wrong file, `ceclog undo`\n"
    )
    other = fx.write(tmp_path, "centred")
    assert ceclog("attach", "2", str(other)).err == ""


SHA = "ab" * 32
EVIDENCE = f'[[entries.evidence]]\nfile = "evidence/a.pdf"\nname = "a.pdf"\nsha256 = "{SHA}"\n'


def _entry(n: int, title: str, date: str, hours: str, extra: str = "") -> str:
    return (
        f'\n[[entries]]\nid = {n}\ndate = {date}\ntitle = "{title}"\nhours = {hours}\n'
        f"submitted = 2026-11-01\n{extra}"
    )


def test_check_and_status_find_entries_counted_twice(ceclog: Ceclog, ledger: Path) -> None:
    (ledger.parent / "evidence").mkdir()
    (ledger.parent / "evidence" / "a.pdf").write_bytes(b"x")  # its hash differs: an error too
    body = (
        _entry(1, "LGR Dehumidifier Workshop", "2026-10-14", "7")
        + _entry(2, "Odor Control", "2026-10-14", "7")  # another class that day
        + _entry(3, "LGR dehumidifier workshop", "2026-10-14", "7")  # the same: 1
        + _entry(4, "Applied Structural Drying", "2026-09-01", "14", EVIDENCE)
        + _entry(5, "Applied Structural Drying", "2026-09-02", "7", EVIDENCE)  # 4's file
        + _entry(6, "Applied Microbial Remediation", "2026-09-01", "7", EVIDENCE)  # a second
    )  # certificate of 4's file (one file may hold several: other titles are not flagged)
    ledger.write_text(ledger.read_text() + body)
    lines = ledger.read_text().splitlines()
    line_of = {n: lines.index(f"id = {n}") for n in range(1, 7)}  # "[[entries]]" is above it
    found = json.loads(ceclog("check", "duplicate-entry", "duplicate-certificate", "--json").out)
    assert [(f["code"], f["line"], f["severity"]) for f in found] == [
        ("duplicate-entry", line_of[3], "warning"),
        ("duplicate-certificate", line_of[5], "warning"),
    ]
    assert found[0]["message"] == (
        "entry 3 looks like entry 1 (same date, title and amount): counted twice"
    )
    assert found[0]["hint"].startswith("if it is the same class, `ceclog rm 3`")
    assert found[1]["message"] == (
        "entry 5 looks like entry 4 (the same certificate file, attached to it as "
        "evidence/a.pdf): counted twice"
    )
    status = ceclog("status")
    assert "warning: 1 entry repeats an earlier one (same date, title and amount): ceclog " in (
        status.err
    )
    assert "warning: 1 entry has the certificate file of an earlier one: ceclog check " in (
        status.err
    )


def test_add_from_several_holds_back_a_file_attached_under_another_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    cert = fx.write(tmp_path, "table")
    typed = ("WDRT class", "--date", "2026-03-20", "--hours", "19", "--evidence", str(cert))
    assert ceclog("add", *typed).code == 0
    folder = tmp_path / "drawer"
    folder.mkdir()
    (folder / "table.pdf").write_bytes(cert.read_bytes())
    fx.write(folder, "centred")
    result = ceclog("add", "--from", str(folder), "--yes")
    assert result.code == 0, result.err
    assert "skipped row 2, table.pdf: duplicate of entry 1 (the same certificate file)" in (
        result.err
    )
    assert result.out == "Entry 2: 2026-03-14 Applied Structural Drying\n"
