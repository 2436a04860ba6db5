"""The PDF transcript's paper: `--paper letter|a4`, and without it Letter where the locale's
territory uses it (core/reports/paper.py), A4 elsewhere.  Page sizes in points, read back with
pypdf: Letter 8.5 x 11 in = 612 x 792; A4 210 x 297 mm = 595.28 x 841.89."""

from __future__ import annotations

import email
from io import BytesIO
from pathlib import Path

import pytest

from ceclog.core.reports.paper import default_paper, territory
from conftest import Ceclog, make_ledger

LETTER, A4 = (612.0, 792.0), (595.28, 841.89)


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({}, "a4"),
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "fil_PH.UTF-8"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8@euro"}, "a4"),
        ({"LANG": "C.UTF-8"}, "a4"),
        ({"LANG": "POSIX"}, "a4"),
        ({"LANG": "en"}, "a4"),
        # LC_PAPER says which paper, over LANG; LC_ALL over both; an empty one is not set
        ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_IE.UTF-8"}, "a4"),
        ({"LC_ALL": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),
        ({"LC_ALL": "en_US", "LC_PAPER": "de_DE", "LANG": "de_DE"}, "letter"),
        ({"LC_ALL": "", "LC_PAPER": "", "LANG": "en_CA.UTF-8"}, "letter"),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "a4"),
        ({"LANG": "en-us"}, "letter"),
    ],
)
def test_default_paper_follows_the_locales_territory(environ: dict[str, str], paper: str) -> None:
    assert default_paper(environ) == paper


def test_territory_of_a_locale_name() -> None:
    assert territory("en_US.UTF-8") == "US"
    assert territory("sr_RS@latin") == "RS"
    assert territory("C") == territory("") == ""


def page_size(data: bytes) -> tuple[float, float]:
    from pypdf import PdfReader

    sizes = {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in PdfReader(BytesIO(data)).pages
    }
    (size,) = sizes  # every page the same
    return size


@pytest.fixture
def dana(ledger_path: Path) -> Path:
    body = '\n[[entries]]\nid = 1\ndate = 2026-03-12\ntitle = "Odor control"\nhours = 7\n'
    return make_ledger(ledger_path, ("WRT", "2024-06-01"), body=body)


@pytest.mark.parametrize(
    ("args", "environ", "size"),
    [
        (["--paper", "letter"], {"LANG": "de_DE.UTF-8"}, LETTER),
        (["--paper", "A4"], {"LC_ALL": "en_US.UTF-8"}, A4),
        ([], {"LANG": "en_US.UTF-8"}, LETTER),
        ([], {"LC_PAPER": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, A4),
        ([], {}, A4),
    ],
)
def test_pdf_transcript_page_size(
    ceclog: Ceclog,
    dana: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    environ: dict[str, str],
    size: tuple[float, float],
) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "t.pdf"
    r = ceclog("export", "--format", "pdf", "--cycle", "all", *args, "--output", str(out))
    assert r.code == 0, r.err
    assert page_size(out.read_bytes()) == size


def test_the_emails_pdf_takes_the_paper_too(ceclog: Ceclog, dana: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.eml"
    args = ("--cycle", "all", "--to", "renewals@example.com", "--output", str(out))
    assert ceclog("export", "--format", "eml", "--paper", "letter", *args).code == 0
    message = email.message_from_bytes(out.read_bytes())
    (pdf,) = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    data = pdf.get_payload(decode=True)
    assert isinstance(data, bytes) and page_size(data) == LETTER


def test_paper_goes_with_a_pdf_only(ceclog: Ceclog, dana: Path) -> None:
    r = ceclog("export", "--format", "html", "--paper", "a4")
    assert r.code == 2 and "--paper goes with --format pdf" in r.err
    assert ceclog("export", "--format", "pdf", "--paper", "legal", "-o", "x.pdf").code == 2
