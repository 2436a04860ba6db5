"""Files ceclog names and writes stay valid wherever the folder is opened (Windows refuses some
names; Windows and macOS take two names differing only in case for one file), and a ledger
with Windows line ends (CRLF) is written back with them, byte for byte."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ceclog.store import crew, names
from conftest import Ceclog, make_ledger

ENTRY = """
[[entries]]
id = 1
date = 2024-01-02
title = "Water class"
kind = "course"
hours = 3
provider = "Restoration Training Co."
"""
STEM = "evidence/2024-01-02_1_water-class"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CON", "CON_"),
        ("con.toml", "con_.toml"),
        ("Nul.tar.gz", "Nul_.tar.gz"),
        ("com1.pdf", "com1_.pdf"),
        ("LPT9", "LPT9_"),
        ("com\u00b9.pdf", "com\u00b9_.pdf"),
        ("console.pdf", "console.pdf"),
        ('a<b>c:d"e/f\\g|h?i*j\tk.pdf', "a-b-c-d-e-f-g-h-i-j-k.pdf"),
        ("report. . ", "report"),
        ("...", "file"),
        ("2024-01-02_1_water-class.pdf", "2024-01-02_1_water-class.pdf"),
    ],
)
def test_portable_names(name: str, expected: str) -> None:
    assert names.portable(name) == expected


def test_same_names_as_windows_and_macos_compare_them() -> None:
    assert names.same("Cert.PDF") == names.same("cert.pdf")
    assert names.same("Re\u0301sume\u0301.pdf") == names.same("R\u00e9sum\u00e9.pdf")  # NFD, NFC
    assert names.same("cert-2.pdf") != names.same("cert.pdf")


def _attach(ceclog: Ceclog, tmp_path: Path, *sources: tuple[str, bytes]) -> list[str]:
    """Attach files named and holding `sources` to entry 1; the evidence names recorded."""
    paths = []
    for i, (name, data) in enumerate(sources):
        folder = tmp_path / f"from-{i}"
        folder.mkdir()
        paths.append(folder / name)
        paths[-1].write_bytes(data)
    result = ceclog("attach", "1", *map(str, paths))
    assert result.code == 0, result.err
    ledger = tomllib.loads((tmp_path / "ledger.toml").read_text(encoding="utf-8"))
    return [ev["file"] for ev in ledger["entries"][0]["evidence"]]


def test_certificates_named_cert_and_cert_get_two_names_windows_keeps_apart(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    make_ledger(tmp_path / "ledger.toml", body=ENTRY)
    files = _attach(ceclog, tmp_path, ("Cert.pdf", b"%PDF one"), ("cert.PDF", b"%PDF two"))
    assert files == [f"{STEM}.pdf", f"{STEM}-2.pdf"]
    assert (tmp_path / files[0]).read_bytes() == b"%PDF one"
    assert (tmp_path / files[1]).read_bytes() == b"%PDF two"


def test_a_name_differing_only_in_case_from_a_file_there_is_not_used(
    ceclog: Ceclog, tmp_path: Path
) -> None:
    """The folder holds `...Water-Class.PDF` (copied in by hand, or by a ledger beside): on
    Linux a second file `...water-class.pdf` could be made, which Windows and a Mac would
    see as the same one."""
    make_ledger(tmp_path / "ledger.toml", body=ENTRY)
    (tmp_path / "evidence").mkdir()
    theirs = tmp_path / "evidence" / "2024-01-02_1_Water-Class.PDF"
    theirs.write_bytes(b"%PDF theirs")
    assert _attach(ceclog, tmp_path, ("cert.pdf", b"%PDF mine")) == [f"{STEM}-2.pdf"]
    assert theirs.read_bytes() == b"%PDF theirs"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("scan.\u20ac", STEM),  # nothing left of the extension: no bare dot at the end
        ("scan.pd\u00b2", f"{STEM}.pd"),  # only ASCII letters and digits
        ("scan.p:d?f", f"{STEM}.pdf"),
        ("scan.jpeg ", f"{STEM}.jpeg"),
        ("CON", STEM),
        ("scan.verylongextension", f"{STEM}.verylonge"),
    ],
)
def test_an_extension_windows_would_refuse_is_made_valid(
    ceclog: Ceclog, tmp_path: Path, source: str, expected: str
) -> None:
    make_ledger(tmp_path / "ledger.toml", body=ENTRY)
    assert _attach(ceclog, tmp_path, (source, b"%PDF scan")) == [expected]
    assert (tmp_path / expected).read_bytes() == b"%PDF scan"


def test_a_team_ledger_for_a_technician_named_con_is_not_a_windows_device(tmp_path: Path) -> None:
    assert crew.free_path(tmp_path, "Con", set()) == tmp_path / "con_.toml"
    assert crew.free_path(tmp_path, "Aux", set()) == tmp_path / "aux_.toml"
    assert crew.free_path(tmp_path, "Connor Lee", set()) == tmp_path / "connor-lee.toml"


CRLF_LEDGER = (
    b"version = 3\r\n\r\n# Dana's ledger, kept on the office PC\r\n[holder]\r\n"
    b'name = "Dana Reyes"\r\nrules = "iicrc"\r\ntracking_since = 2020-01-01\r\n\r\n'
    b'[[certifications]]\r\ncode = "WRT"\r\nearned = 2024-03-01\r\n\r\n'
    b"# notes at the end stay at the end\r\n"
)
CRLF_ENTRY = (
    b'\r\n[[entries]]\r\nid = 1\r\ndate = 2026-10-01\r\ntitle = "Drying Basics"\r\n'
    b'kind = "course"\r\nhours = 3\r\n'
)


def test_a_crlf_ledger_is_written_back_with_crlf_byte_for_byte(
    ceclog: Ceclog, ledger_path: Path
) -> None:
    ledger_path.write_bytes(CRLF_LEDGER)
    add = ("add", "Drying Basics", "--date", "2026-10-01", "--hours", "3", "--kind", "course")
    assert ceclog(*add).code == 0
    assert ledger_path.read_bytes() == CRLF_LEDGER + CRLF_ENTRY
    assert ceclog("edit", "1", "--hours", "4").code == 0
    assert ledger_path.read_bytes() == CRLF_LEDGER + CRLF_ENTRY.replace(b"= 3", b"= 4")
    assert ceclog("holder", "--email", "dana@example.com").code == 0
    with_email = CRLF_LEDGER.replace(
        b"2020-01-01\r\n", b'2020-01-01\r\nemail = "dana@example.com"\r\n'
    )
    assert ledger_path.read_bytes() == with_email + CRLF_ENTRY.replace(b"= 3", b"= 4")
    assert ceclog("rm", "1", "--yes").code == 0
    assert ceclog("undo").code == 0  # the entry back; the ID it had given stays given
    assert b"\n" not in ledger_path.read_bytes().replace(b"\r\n", b"")
    assert (ledger_path.parent / "ledger.toml.bak").read_bytes().count(b"\r\n") > 10
    assert b"\n" not in (ledger_path.parent / "ledger.toml.bak").read_bytes().replace(b"\r\n", b"")
