"""Learning each school once (add --from): a certificate accepted after a correction teaches
where its school prints each field; the next certificate from that school is read with it,
shown as such, and written only with the same confirmation; --forget drops a school; the
memory is a plain file in the user's data folder (here inside tmp_path)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import NamedTuple

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

SCHOOL = "Harbor Point Academy"


JANE = 'name = "Jane Smith"'


class Terminal(io.StringIO):
    """stdin as a person at a terminal."""

    def isatty(self) -> bool:
        return True


def harbor(title: str, date: str, hours: str, approval: str) -> fx.Spec:
    """A certificate of a school whose date label ("Session Closed:") the reader does not know."""
    page: fx.Page = [
        f"#{SCHOOL}",
        "#Certificate of Completion",
        "",
        [(25, "Student Name:"), (90, "Jane Smith")],
        [(25, "Course Title:"), (90, title)],
        [(25, "Session Closed:"), (90, date)],
        [(25, "CEC Hours:"), (90, hours)],
        [(25, "Approval #:"), (90, approval)],
    ]
    return fx.Spec("harbor", [page], [])


def write(folder: Path, name: str, spec: fx.Spec) -> Path:
    path = folder / name
    path.write_bytes(fx.pdf_bytes(spec))
    return path


FIRST = harbor("Applied Structural Drying", "03/05/2026", "14", "HPA-2026-07")
SECOND = harbor("Odor Control Technician", "04/09/2026", "7", "HPA-2026-11")


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', JANE))
    return path


@pytest.fixture
def schools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "memory" / "schools.toml"
    monkeypatch.setenv("CECLOG_SCHOOLS", str(path))
    return path


def _type(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("".join(a + "\n" for a in answers)))


def _learn_first(ceclog: Ceclog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write(tmp_path, "harbor-1.pdf", FIRST)
    # the date is not read (an unknown label); the provider is only the letterhead's guess
    _type(monkeypatch, "e", "date", "2026-03-05", "e", "provider", "1", "a")
    result = ceclog("add", "--from", str(first))
    assert result.code == 0, result.err
    assert "date      (nothing read)" in result.err


class Learned(NamedTuple):
    ceclog: Ceclog
    ledger: Path
    schools: Path
    tmp_path: Path
    monkeypatch: pytest.MonkeyPatch


@pytest.fixture
def learned(
    ceclog: Ceclog, ledger: Path, schools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Learned:
    """The first certificate of the school accepted after a correction."""
    _learn_first(ceclog, tmp_path, monkeypatch)
    return Learned(ceclog, ledger, schools, tmp_path, monkeypatch)


def test_second_certificate_from_one_school_fills_every_field_the_first_had(
    learned: Learned,
) -> None:
    ceclog, ledger, schools, tmp_path, monkeypatch = learned
    memory = schools.read_text()
    assert f'[schools."{SCHOOL}"]' in memory
    assert 'label = "Session Closed:"' in memory and 'shape = "99/99/9999"' in memory
    assert 'approval_shape = "AAA-9999-99"' in memory and "confirmed = false" in memory
    assert 'learned = "2026-03-05"' in memory
    second = write(tmp_path, "harbor-2.pdf", SECOND)
    _type(monkeypatch, "a")
    result = ceclog("add", "--from", str(second))
    assert result.code == 0, result.err
    said = f"read as on your certificate from {SCHOOL} of 2026-03-05"
    assert "date      2026-04-09" in result.err
    assert f'page 1, line 5: {said} (label "Session Closed")' in result.err
    assert f"provider  {SCHOOL}" in result.err
    assert f"page 1, line 1: {said} (the provider)" in result.err
    text = ledger.read_text()
    entries = text.split("[[entries]]")
    assert len(entries) == 3
    for field in ('title = "Odor Control Technician"', "date = 2026-04-09", "hours = 7"):
        assert field in entries[2]
    assert f'provider = "{SCHOOL}"' in entries[2] and 'approval = "HPA-2026-11"' in entries[2]
    assert f'provider = "{SCHOOL}"' in entries[1] and "date = 2026-03-05" in entries[1]
    assert "confirmed = true" in schools.read_text()  # accepted as read: --yes takes it now


def test_yes_takes_remembered_values_only_once_a_person_confirmed_the_school(
    learned: Learned,
) -> None:
    ceclog, ledger, _schools, tmp_path, monkeypatch = learned
    before = ledger.read_bytes()
    second = write(tmp_path, "harbor-2.pdf", SECOND)
    refused = ceclog("add", "--from", str(second), "--yes")
    assert refused.code == 1
    assert f"not taken: date: remembered from {SCHOOL}: --yes takes" in refused.err
    assert ledger.read_bytes() == before
    _type(monkeypatch, "a")
    assert ceclog("add", "--from", str(second)).code == 0
    third = write(tmp_path, "harbor-3.pdf", harbor("Mold Remediation", "05/12/2026", "3", "X"))
    result = ceclog("add", "--from", str(third), "--yes")
    assert result.code == 0, result.err
    assert "read date: '2026-05-12' (page 1, line 5: read as on your certificate" in result.err
    assert "date = 2026-05-12" in ledger.read_text()


def test_forget_drops_one_school_and_names_the_remembered_ones(learned: Learned) -> None:
    ceclog, _ledger, schools, tmp_path, _monkeypatch = learned
    unknown = ceclog("add", "--forget", "Dry Right Academy")
    assert unknown.code == 1
    assert f"no school 'Dry Right Academy' is remembered (remembered: {SCHOOL})" in unknown.err
    result = ceclog("add", "--forget", SCHOOL.upper())
    assert result.code == 0, result.err
    assert f"forgot {SCHOOL} (learned from harbor-1.pdf of 2026-03-05)" in result.err
    assert SCHOOL not in schools.read_text()
    second = write(tmp_path, "harbor-2.pdf", SECOND)
    shown = ceclog("add", "--from", str(second))
    assert "date      (nothing read)" in shown.err  # forgotten: read as by a stranger


def test_the_memory_lives_in_the_user_data_folder_by_default(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without $CECLOG_SCHOOLS: schools.toml in the user's data folder (the suite points
    XDG_DATA_HOME into tmp_path), never beside the ledger."""
    _learn_first(ceclog, tmp_path, monkeypatch)
    if sys.platform.startswith("linux"):
        assert (tmp_path / "xdg-data" / "ceclog" / "schools.toml").is_file()
    assert not (ledger.parent / "schools.toml").exists()


def test_nothing_is_learned_without_a_correction_or_from_yes(
    ceclog: Ceclog, ledger: Path, schools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = fx.write(tmp_path, "table")
    assert ceclog("add", "--from", str(cert), "--yes").code == 0
    _type(monkeypatch, "a", "y")  # "y": another class, truly (it looks like entry 1)
    assert ceclog("add", "--from", str(cert)).code == 0
    assert not schools.exists()


def test_a_damaged_memory_file_says_where_and_writes_nothing(
    ceclog: Ceclog, ledger: Path, schools: Path, tmp_path: Path
) -> None:
    schools.parent.mkdir()
    schools.write_text("[schools\n")
    before = ledger.read_bytes()
    result = ceclog("add", "--from", str(fx.write(tmp_path, "table")), "--yes")
    assert result.code == 1
    assert f"{schools}: not a valid memory of schools" in result.err
    assert "Traceback" not in result.err
    assert ledger.read_bytes() == before


BLUE = "Blue Ridge Restoration Institute"


def blue_ridge(title: str, date: str) -> fx.Spec:
    """A school whose letterhead, confirmed by its school line, prints its name in capitals."""
    page: fx.Page = [
        f"#{BLUE.upper()}",
        "IICRC Approved School #7731 | Roanoke, VA",
        "#Certificate of Completion",
        [(25, "Student Name:"), (90, "Jane Smith")],
        [(25, "Course Title:"), (90, title)],
        [(25, "Date Completed:"), (90, date)],
        [(25, "CEC Hours:"), (90, "7")],
    ]
    return fx.Spec("blue", [page], [])


def test_the_provider_the_user_corrected_is_the_schools_name_from_then_on(
    ceclog: Ceclog, ledger: Path, schools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path, "blue-1.pdf", blue_ridge("Applied Structural Drying", "11/19/2026"))
    _type(monkeypatch, "e", "provider", BLUE, "a")
    result = ceclog("add", "--from", str(first))
    assert result.code == 0, result.err
    assert f"from {BLUE} read (title, date, hours, provider) in" in result.err
    assert f'provider = "{BLUE}"' in schools.read_text()
    second = write(tmp_path, "blue-2.pdf", blue_ridge("Odor Control Technician", "10/22/2026"))
    _type(monkeypatch, "a")
    result = ceclog("add", "--from", str(second))
    assert result.code == 0, result.err
    said = f"read as on your certificate from {BLUE} of 2026-11-19 (the provider)"
    assert f"provider  {BLUE}\n" in result.err and f"page 1, line 1: {said}" in result.err
    entries = ledger.read_text().split("[[entries]]")
    assert f'provider = "{BLUE}"' in entries[2]
    assert 'title = "Odor Control Technician"' in entries[2]
    memory = schools.read_text()
    assert f'provider = "{BLUE}"' in memory and BLUE.upper() not in memory.replace(
        f'letterhead = "{BLUE.upper()}"', ""
    )
