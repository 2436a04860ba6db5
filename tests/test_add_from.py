"""`ceclog add --from CERT`: confirmation before any write (accept, edit, abort), --yes
without a terminal, the refusals (no tesseract, HEIC and other formats, encrypted or damaged
PDFs), and undo restoring the ledger byte for byte."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import TODAY, Ceclog, make_ledger, undone

JANE = 'name = "Jane Smith"'


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    path = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    path.write_text(path.read_text().replace('name = "Dana Reyes"', JANE))
    return path


class Terminal(io.StringIO):
    """stdin as a person at a terminal, typing `answers`."""

    def isatty(self) -> bool:
        return True


def _type(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("".join(a + "\n" for a in answers)))


def _unchanged(ledger: Path, before: bytes) -> None:
    assert ledger.read_bytes() == before
    assert not (ledger.parent / "evidence").exists() or not any(
        (ledger.parent / "evidence").iterdir()
    )
    assert not ledger.with_name(ledger.name + ".bak").exists()


def test_without_a_terminal_nothing_is_written_unless_yes(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    before = ledger.read_bytes()
    cert = fx.write(tmp_path, "centred")
    result = ceclog("add", "--from", str(cert))
    assert result.code == 1
    assert "error: not run in a terminal, so nothing was written" in result.err
    assert "title     Applied Structural Drying" in result.err
    assert 'page 1, line 7: label "Date of Completion"' in result.err
    assert "provider  Restoration Training Co.\n" in result.err
    assert "! page 1, line 1: the letterhead, read as a name; not confirmed: check it" in result.err
    assert result.out == ""
    _unchanged(ledger, before)


def test_yes_writes_labelled_and_phrase_values_echoes_them_and_undo_restores(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    before = ledger.read_bytes()
    cert = fx.write(tmp_path, "centred")
    result = ceclog("add", "--from", str(cert), "--yes", "--cert", "WRT")
    assert result.code == 0, result.err
    assert "read title: 'Applied Structural Drying' (page 1, line 6: phrase" in result.err
    assert "read date: '2026-03-14' (page 1, line 7: label \"Date of Completion\")" in result.err
    assert (
        "not taken: provider 'Restoration Training Co.': the letterhead, not confirmed by the "
        "page; check it and give --provider" in result.err
    )
    assert result.out.startswith("Entry 1: 2026-03-14 Applied Structural Drying\n")
    text = ledger.read_text()
    assert 'title = "Applied Structural Drying"' in text
    assert "hours = 14" in text and 'approval = "C-5521"' in text
    assert "provider" not in text  # a letterhead is never written without the user
    assert 'file = "evidence/2026-03-14_1_applied-structural-drying.pdf"' in text
    kept = ledger.parent / "evidence/2026-03-14_1_applied-structural-drying.pdf"
    assert kept.read_bytes() == cert.read_bytes()
    assert ceclog("undo").code == 0
    # as before, remembering that ID 1 was given (the certificate's copy is named with it)
    assert ledger.read_bytes() == undone(before, 1)


def test_options_on_the_command_line_win_over_what_was_read(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    cert = fx.write(tmp_path, "centred")
    result = ceclog(
        "add",
        "Drying, day 2",
        "--from",
        str(cert),
        "--yes",
        "--date",
        "2026-03-15",
        "--provider",
        "RTC",
    )
    assert result.code == 0, result.err
    text = ledger.read_text()
    assert 'title = "Drying, day 2"' in text and "date = 2026-03-15" in text
    assert 'provider = "RTC"' in text and "hours = 14" in text


def test_yes_never_takes_a_date_that_reads_two_ways(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    before = ledger.read_bytes()
    cert = fx.write(tmp_path, "ambiguous")
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 1
    why = "read month first, the US way, as nothing on the page says (day first it is 2026-04-03)"
    assert f"not taken: date '2026-03-04': {why}; check it and give --date" in result.err
    assert "`ceclog holder --dates month-first` reads such dates that way" in result.err
    assert "error: no date could be taken from" in result.err and "hint: give --date" in result.err
    _unchanged(ledger, before)
    assert ceclog("add", "--from", str(cert), "--yes", "--date", "2026-04-03").code == 0
    assert "date = 2026-04-03" in ledger.read_text()


def test_a_booth_sign_in_without_hours(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    cert = fx.write(tmp_path, "booth")
    refused = ceclog("add", "--from", str(cert), "--yes")
    assert refused.code == 2 and "give --hours H or --credits C" in refused.err
    result = ceclog("add", "--from", str(cert), "--yes", "--kind", "booth")
    assert result.code == 0, result.err
    assert 'title = "IICRC Booth Visit"' in ledger.read_text()


def test_two_certificates_need_pick(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    before = ledger.read_bytes()
    cert = fx.write(tmp_path, "two-pages")
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 1
    assert "  1: 2026-03-14  Applied Structural Drying  (page 1)" in result.err
    assert "  2: 2026-04-22  Odor Control Technician  (page 2)" in result.err
    assert "holds 2 certificates (above); nothing was written" in result.err
    assert "hint: choose one with --pick N, or review them all in one table: `ceclog add" in (
        " ".join(result.err.split())
    )
    _unchanged(ledger, before)
    alone = tmp_path / "alone"
    alone.mkdir()
    cert.rename(alone / cert.name)
    review = ceclog("add", "--from", str(alone), "--json")
    rows = json.loads(review.out)["certificates"]
    assert [(r["number"], r["fields"]["title"]) for r in rows] == [
        (1, "Applied Structural Drying"),
        (2, "Odor Control Technician"),
    ]
    cert = (alone / cert.name).rename(cert)
    assert ceclog("add", "--from", str(cert), "--yes", "--pick", "3").code == 2
    assert ceclog("add", "--from", str(cert), "--yes", "--pick", "2").code == 0
    assert 'title = "Odor Control Technician"' in ledger.read_text()


def test_json_prints_the_candidates_and_writes_nothing(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    import json

    before = ledger.read_bytes()
    cert = fx.write(tmp_path, "issued")
    result = ceclog("add", "--from", str(cert), "--json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["read"] == "text"
    fields = doc["certificates"][0]["fields"]
    assert fields["date"]["prefilled"] == "2026-03-28"
    # "04/02/2026" reads two ways; the page's "03/28/2026" reads month first only: so is it
    (issued,) = fields["issued"]["candidates"]
    assert (fields["issued"]["prefilled"], issued["value"]) == (None, "2026-04-02")  # shown
    assert "month first only on the page (03/28/2026)" in issued["notes"][-1]
    (hours,) = fields["hours"]["candidates"]
    assert hours["how"] == 'label "Contact Hours"' and hours["words"] == ["21"]
    _unchanged(ledger, before)
    assert ceclog("add", "--from", str(cert), "--json", "--yes").code == 2


def test_the_prompt_accepts(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _type(monkeypatch, "a")
    result = ceclog("add", "--from", str(fx.write(tmp_path, "table")))
    assert result.code == 0, result.err
    assert "Write this entry? [a]ccept, [e]dit a field, [q]uit: " in result.err
    text = ledger.read_text()
    assert 'title = "Water Damage Restoration Technician"' in text
    assert 'provider = "Dry Right Academy LLC"' in text and "hours = 19" in text


def test_the_prompt_edits_a_field_then_accepts(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the date reads two ways, read month first to confirm: choose reading 2; hours typed
    _type(monkeypatch, "e", "date", "2", "e", "hours", "seven", "e", "hours", "7", "a")
    result = ceclog("add", "--from", str(fx.write(tmp_path, "ambiguous")))
    assert result.code == 0, result.err
    assert "  1) 2026-03-04\n  2) 2026-04-03" in result.err
    assert "not changed: hours 'seven' is not a number" in result.err
    text = ledger.read_text()
    assert "date = 2026-04-03" in text and "hours = 7" in text


def test_the_prompt_takes_a_date_as_the_certificate_prints_it_when_it_reads_one_way(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dates = ("05/09/2026", "next week", "11/31/2026", "11/19/2026")
    _type(monkeypatch, *(a for d in dates for a in ("e", "date", d)), "a")
    result = ceclog("add", "--from", str(fx.write(tmp_path, "ambiguous")))
    assert result.code == 0, result.err
    assert (
        "not changed: the date '05/09/2026' reads two ways: 2026-05-09 (month first) or "
        "2026-09-05 (day first); write it as YYYY-MM-DD: 2026-05-09 or 2026-09-05"
    ) in result.err
    iso = "write it as YYYY-MM-DD, e.g. 2026-11-19"
    assert f"not changed: the date 'next week' is not a date; {iso}" in result.err
    assert f"not changed: the date: '11/31/2026' is no date (no such day); {iso}" in result.err
    assert "date = 2026-11-19" in ledger.read_text()


@pytest.mark.parametrize("answers", [("q",), ()], ids=["quit", "end-of-input"])
def test_the_prompt_aborts(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: tuple[str, ...],
) -> None:
    before = ledger.read_bytes()
    _type(monkeypatch, *answers)
    result = ceclog("add", "--from", str(fx.write(tmp_path, "centred")))
    assert result.code == 1
    assert result.err.endswith("[q]uit: nothing was written\n")  # a choice, not an error
    assert "error" not in result.err
    _unchanged(ledger, before)


def test_the_prompt_chooses_among_certificates(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _type(monkeypatch, "2", "a")
    result = ceclog("add", "--from", str(fx.write(tmp_path, "two-on-a-page")))
    assert result.code == 0, result.err
    assert 'title = "Mold Remediation Refresher"' in ledger.read_text()


def test_a_holder_name_mismatch_is_a_warning(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    result = ceclog("add", "--from", str(fx.write(tmp_path, "sentence")), "--yes")
    assert result.code == 0, result.err
    assert "warning: the certificate is for 'María José Núñez', not 'Jane Smith'" in result.err


REFUSED = {
    "photo.heic": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "is a HEIC/HEIF photo"),
    "scan.gif": (b"GIF89a\x01\x00\x01\x00", "is a GIF image: ceclog reads certificates as PDF"),
    "cert.docx": (b"PK\x03\x04\x14\x00", "is a ZIP file (a Word or OpenDocument file?)"),
    "notes.txt": (b"Course Title: Drying\n", "is not a PDF, JPEG or PNG file"),
    "empty.pdf": (b"", "is empty"),
    "cut.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "is damaged or not a complete PDF"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_formats_and_damaged_files_are_refused_in_one_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, name: str
) -> None:
    before = ledger.read_bytes()
    data, message = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = ceclog("add", "--from", str(path), "--yes")
    assert result.code == 1
    assert result.err.startswith(f"error: {path}: {message}")
    assert len([ln for ln in result.err.splitlines() if not ln.startswith("  ")]) == 1
    _unchanged(ledger, before)


def test_an_encrypted_pdf_is_refused(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    import pypdf

    before = ledger.read_bytes()
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(fx.pdf_bytes(fx.spec("centred"))))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = ceclog("add", "--from", str(path), "--yes")
    assert result.code == 1
    assert result.err.startswith(f"error: {path}: is encrypted (it needs a password to open)")
    _unchanged(ledger, before)


def test_without_tesseract_a_photo_is_refused_with_the_install_command(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ledger.read_bytes()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really decoded")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = ceclog("add", "--from", str(photo), "--yes")
    assert result.code == 1
    assert result.err == (
        f"error: {photo}: cannot read photo.jpg: the OCR program tesseract is not installed\n"
        "  hint: install it (Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew "
        "install tesseract; Windows: the UB Mannheim build of Tesseract, its folder added to "
        'PATH), or type the fields: ceclog add "TITLE" --date YYYY-MM-DD --hours H\n'
    )
    _unchanged(ledger, before)


def _fake_tesseract(folder: Path, script: str) -> None:
    folder.mkdir()
    program = folder / "tesseract"
    program.write_text("#!/bin/sh\ncat >/dev/null\n" + script)
    program.chmod(program.stat().st_mode | stat.S_IXUSR)


COLUMNS = "level page_num block_num par_num line_num word_num left top width height conf text"
TSV = "\t".join(COLUMNS.split()) + "\n"


def _word(x: int, y: int, text: str, conf: int) -> str:
    return f"5\t1\t1\t1\t1\t1\t{x}\t{y}\t{len(text) * 30}\t50\t{conf}\t{text}\n"


def test_a_low_confidence_ocr_value_is_never_taken_by_yes(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = [
        (100, 100, "Course", 96),
        (300, 100, "Title:", 95),
        (700, 100, "Drying", 94),
        (100, 200, "Completion", 96),
        (450, 200, "Date:", 95),
        (700, 200, "03/14/2026", 92),
        (100, 300, "CEC", 95),
        (250, 300, "Hours:", 96),
        (700, 300, "14", 38),
    ]
    tsv = TSV + "".join(_word(*w) for w in words)
    (tmp_path / "out.tsv").write_text(tsv)
    _fake_tesseract(tmp_path / "bin", f"cat {tmp_path / 'out.tsv'}\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n fake")
    result = ceclog("add", "--from", str(photo), "--yes")
    assert result.code == 2  # no hours taken: the low one was not
    assert "not taken: hours '14': read by OCR with low confidence" in result.err
    assert "OCR confidence 38" in result.err
    result = ceclog("add", "--from", str(photo), "--yes", "--hours", "14")
    assert result.code == 0, result.err
    assert "read title: 'Drying' (page 1, line 1: label \"Course Title\", OCR confidence 94)" in (
        result.err
    )


def test_a_tesseract_failure_is_one_clear_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = ledger.read_bytes()
    _fake_tesseract(tmp_path / "bin", "echo 'Error in pixReadMem: Unknown format' >&2\nexit 1\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 broken")
    result = ceclog("add", "--from", str(photo), "--yes")
    assert result.code == 1
    assert result.err.startswith(
        f"error: {photo}: tesseract could not read page 1: Error in pixReadMem: Unknown format"
    )
    _unchanged(ledger, before)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_photo_is_added_with_yes(ceclog: Ceclog, ledger: Path, tmp_path: Path) -> None:
    result = ceclog("add", "--from", str(fx.write(tmp_path, "range", "jpg")), "--yes")
    assert result.code == 0, result.err
    text = ledger.read_text()
    assert 'title = "Applied Microbial Remediation Technician"' in text
    assert "date = 2026-03-14" in text and "hours = 21" in text
    assert 'file = "evidence/2026-03-14_1_applied-microbial-remediation-technician.jpg"' in text


@pytest.mark.slow
def test_a_real_terminal_is_asked_and_answered(ledger: Path, tmp_path: Path) -> None:
    """A pseudo-terminal: the prompt appears, 'a' accepts, the entry is written."""
    import pty
    import select

    cert = fx.write(tmp_path, "centred")
    master, slave = pty.openpty()
    env = {**os.environ, "CECLOG_TODAY": TODAY, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ceclog", "--ledger", str(ledger), "add", "--from", str(cert)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    answered = False
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not answered and b"[q]uit: " in seen:
            os.write(master, b"a\n")
            answered = True
    assert proc.wait(30) == 0, seen.decode(errors="replace")
    os.close(master)
    assert b"Entry 1: 2026-03-14 Applied Structural Drying" in seen
    assert 'title = "Applied Structural Drying"' in ledger.read_text()
