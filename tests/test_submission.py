"""Evidence, submission state, and the csv / json / eml exports parsed back with real parsers."""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import io
import json
import tomllib
from pathlib import Path

import pytest

from conftest import Ceclog, make_ledger

HOSTILE_TITLE = '=HYPERLINK("x")'


@pytest.fixture
def cert_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "My Certificate (1).PDF"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.4 fake certificate \x00\xff bytes")
    return path


def _ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2023-09-15"), since="2023-09-15")


def test_add_with_evidence_copies_the_file_and_records_its_hash(
    ceclog: Ceclog, ledger_path: Path, cert_pdf: Path
) -> None:
    _ledger(ledger_path)
    r = ceclog(
        "add",
        "Drying: Category 3 / Ü",
        "--date",
        "2026-10-01",
        "--hours",
        "7",
        "--evidence",
        str(cert_pdf),
    )
    assert r.code == 0, r.err
    copy = ledger_path.parent / "evidence" / "2026-10-01_1_drying-category-3-u.pdf"
    assert copy.read_bytes() == cert_pdf.read_bytes()
    # the ledger (written 0644 here) is readable by its group: so is the certificate, never
    # by others (an owner-only ledger, as `init` makes, keeps owner-only certificates)
    assert copy.stat().st_mode & 0o777 == 0o640
    entry = tomllib.loads(ledger_path.read_text())["entries"][0]
    assert entry["evidence"] == [
        {
            "file": "evidence/2026-10-01_1_drying-category-3-u.pdf",
            "name": "My Certificate (1).PDF",
            "sha256": hashlib.sha256(cert_pdf.read_bytes()).hexdigest(),
        }
    ]
    assert ceclog("check").code == 0


def test_attach_names_second_file_uniquely_and_refuses_duplicates(
    ceclog: Ceclog, ledger_path: Path, cert_pdf: Path, tmp_path: Path
) -> None:
    _ledger(ledger_path)
    ceclog("add", "Class", "--date", "2026-10-01", "--hours", "7")
    other = tmp_path / "page2.jpg"
    other.write_bytes(b"jpeg")
    assert ceclog("attach", "1", str(cert_pdf), str(other)).code == 0
    second = tmp_path / "second.pdf"
    second.write_bytes(b"another certificate")
    assert ceclog("attach", "1", str(second)).code == 0
    files = sorted(p.name for p in (ledger_path.parent / "evidence").iterdir())
    assert files == ["2026-10-01_1_class-2.pdf", "2026-10-01_1_class.jpg", "2026-10-01_1_class.pdf"]
    before = ledger_path.read_bytes()
    r = ceclog("attach", "1", str(cert_pdf))
    assert r.code == 1 and "already has this file" in r.err
    assert ledger_path.read_bytes() == before


@pytest.mark.parametrize("kind", ["missing", "folder", "huge"])
def test_attach_refuses_bad_files_and_writes_nothing(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, kind: str
) -> None:
    _ledger(ledger_path)
    ceclog("add", "Class", "--date", "2026-10-01", "--hours", "7")
    before = ledger_path.read_bytes()
    target = tmp_path / "x.pdf"
    if kind == "folder":
        target.mkdir()
    if kind == "huge":
        with target.open("wb") as f:
            f.truncate(20 * 1024 * 1024 + 1)
    r = ceclog("attach", "1", str(target))
    assert r.code == 1
    assert {"missing": "no such file", "folder": "is a folder", "huge": "at most 20 MB"}[
        kind
    ] in r.err
    assert ledger_path.read_bytes() == before
    assert not (ledger_path.parent / "evidence").exists()
    r = ceclog("add", "Other", "--hours", "1", "--evidence", str(target))
    assert r.code == 1 and ledger_path.read_bytes() == before


def test_failed_ledger_write_leaves_no_stray_evidence(
    ceclog: Ceclog, ledger_path: Path, cert_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    _ledger(ledger_path)
    before = ledger_path.read_bytes()
    real = os.replace

    def fail_on_ledger(src: str, dst: str) -> None:
        if str(dst) == str(ledger_path):
            raise OSError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_ledger)
    r = ceclog("add", "Class", "--hours", "1", "--evidence", str(cert_pdf))
    assert r.code == 1 and "permission denied" in r.err
    assert ledger_path.read_bytes() == before
    assert list((ledger_path.parent / "evidence").iterdir()) == []


def test_check_reports_missing_and_changed_evidence(
    ceclog: Ceclog, ledger_path: Path, cert_pdf: Path
) -> None:
    _ledger(ledger_path)
    ceclog("add", "A", "--date", "2026-10-01", "--hours", "1", "--evidence", str(cert_pdf))
    ceclog("add", "B", "--date", "2026-10-02", "--hours", "1", "--evidence", str(cert_pdf))
    folder = ledger_path.parent / "evidence"
    (folder / "2026-10-01_1_a.pdf").unlink()
    (folder / "2026-10-02_2_b.pdf").write_bytes(b"edited")
    r = ceclog("check")
    assert r.code == 1
    lines = r.out.splitlines()
    text = ledger_path.read_text().splitlines()
    first = text.index("[[entries.evidence]]") + 1
    second = len(text) - text[::-1].index("[[entries.evidence]]")
    assert (
        f"{ledger_path}:{first}: error: evidence of entry 1 is missing: "
        "evidence/2026-10-01_1_a.pdf" in lines
    )
    assert (
        f"{ledger_path}:{second}: error: evidence of entry 2 has changed since it was "
        "attached: evidence/2026-10-02_2_b.pdf" in lines
    )
    # an export that would attach them is refused
    r = ceclog("export", "--format", "eml")
    assert r.code == 1 and "evidence of entry 1 is missing" in r.err


def test_submit_posted_and_status(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    ceclog("add", "A", "--date", "2026-01-10", "--hours", "3")
    ceclog("add", "B", "--date", "2026-02-10", "--hours", "2.5")
    ceclog("add", "C", "--date", "2026-11-01", "--hours", "1")
    ceclog("add", "D", "--date", "2027-01-01", "--hours", "4", "--planned")
    doc = json.loads(ceclog("status", "--json").out)
    (req,) = doc["requirements"]
    assert (req["counted"], req["submitted"], req["posted"]) == (6.5, 0.0, 0.0)
    assert [w["message"] for w in doc["warnings"] if "not submitted" in w["message"]] == [
        "entry 1 (2026-01-10) is not submitted after 316 days",
        "entry 2 (2026-02-10) is not submitted after 285 days",
    ]
    r = ceclog("status")
    assert "2 completed entries are not submitted after 30 days" in r.err
    assert ceclog("submit", "1", "2", "--on", "2026-03-01").code == 0
    assert ceclog("posted", "1", "--on", "2026-04-01").code == 0
    assert ceclog("posted", "3").code == 0  # posted implies submitted
    req = json.loads(ceclog("status", "--json").out)["requirements"][0]
    assert (req["submitted"], req["posted"]) == (6.5, 4.0)
    assert "technician: of 6.5 counted, 6.5 submitted and 4.0 posted" in ceclog("status").out
    rows = {r["id"]: r for r in json.loads(ceclog("list", "--json").out)}
    assert (rows[1]["submitted"], rows[1]["posted"]) == ("2026-03-01", "2026-04-01")
    assert (rows[3]["submitted"], rows[3]["posted"]) == ("2026-11-22", "2026-11-22")
    # a new posted date says which it replaces
    r = ceclog("posted", "1", "--on", "2026-04-02")
    assert r.code == 0 and "entry 1 was marked posted 2026-04-01; now 2026-04-02" in r.err
    # refused: planned, future date, unknown id, both ids and --all
    before = ledger_path.read_bytes()
    assert ceclog("submit", "4").code == 1
    assert ceclog("submit", "2", "--on", "2026-12-01").code == 1
    assert ceclog("submit", "9").code == 1
    assert ceclog("submit", "1", "--all").code == 2
    assert ceclog("submit").code == 2
    assert ledger_path.read_bytes() == before
    r = ceclog("submit", "--all")
    assert r.code == 0 and "Marked 0 entries" in r.out


def _hostile_ledger(ledger_path: Path, cert_pdf: Path, ceclog: Ceclog) -> None:
    _ledger(ledger_path)
    # a line break can no longer get in (test_names_are_one_line_of_printable_text): one line
    who = ceclog("holder", "--email", "dana@example.com", "--registrant-id", "123 Bcc: evil@x.com")
    assert who.code == 0, who.err
    ceclog(
        "add",
        "--date",
        "2026-09-01",
        "--hours",
        "21",
        "--provider",
        "-cmd|calc",
        "--evidence",
        str(cert_pdf),
        "--",
        HOSTILE_TITLE,
    )
    ceclog("add", "Two Bcc: evil@example.com", "--date", "2026-09-02", "--kind", "booth")
    ceclog(
        "add",
        "<script>alert(1)</script>",
        "--date",
        "2026-09-03",
        "--hours",
        "2.75",
        "--note",
        "@SUM(A1)",
    )


def test_csv_export_neutralises_formulas(ceclog: Ceclog, ledger_path: Path, cert_pdf: Path) -> None:
    _hostile_ledger(ledger_path, cert_pdf, ceclog)
    r = ceclog("export", "--format", "csv")
    assert r.code == 0, r.err
    assert r.out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.out.removeprefix("\ufeff"))))
    assert [row["title"] for row in rows] == [
        "'" + HOSTILE_TITLE,
        "Two Bcc: evil@example.com",
        "<script>alert(1)</script>",
    ]
    assert rows[0]["provider"] == "'-cmd|calc"
    assert rows[2]["notes"] == "'@SUM(A1)"
    assert [(row["hours"], row["counted"]) for row in rows] == [
        ("21", "21.0"),
        ("", "2.0"),
        ("2.75", "2.5"),
    ]
    assert rows[0]["evidence"] == "2026-09-01_1_hyperlink-x.pdf"
    assert rows[1]["explanation"] == "booth: fixed 2 CECs"


def test_json_export(ceclog: Ceclog, ledger_path: Path, cert_pdf: Path) -> None:
    _hostile_ledger(ledger_path, cert_pdf, ceclog)
    out = ledger_path.parent / "record.json"
    r = ceclog("export", "--format", "json", "--output", str(out))
    assert r.code == 0, r.err and r.out == ""
    doc = json.loads(out.read_text())
    assert (doc["format"], doc["version"], doc["generated"]) == ("ceclog-export", 1, "2026-11-22")
    assert doc["period"] == "current cycle, 2023-09-15 to 2027-09-14"
    assert doc["rules"]["source"][0].startswith("https://")
    assert doc["total"] == 25.5
    assert [e["title"] for e in doc["entries"]] == [
        HOSTILE_TITLE,
        "Two Bcc: evil@example.com",
        "<script>alert(1)</script>",
    ]
    assert doc["requirements"][0]["counted"] == 25.5


def test_eml_export_is_a_ready_draft_with_no_header_injection(
    ceclog: Ceclog, ledger_path: Path, cert_pdf: Path
) -> None:
    _hostile_ledger(ledger_path, cert_pdf, ceclog)
    out = ledger_path.parent / "submit.eml"
    r = ceclog(
        "export", "--format", "eml", "--attach", "csv", "--output", str(out), "--mark-submitted"
    )
    assert r.code == 0, r.err
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "renewals@iicrcnet.org"
    assert msg["From"] == "Dana Reyes <dana@example.com>"
    assert msg["Subject"] == "CEC submission: Dana Reyes, registrant ID 123 Bcc: evil@x.com"
    assert msg["Bcc"] is None and msg["X-Unsent"] == "1"
    assert msg["Date"] == "Sun, 22 Nov 2026 00:00:00 +0000"  # RFC 5322: the export day
    assert sorted(msg.keys()) == sorted(
        ["To", "From", "Subject", "Date", "X-Unsent", "Content-Type", "MIME-Version"]
    )
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "  Registrant ID:  123 Bcc: evil@x.com" in text
    assert "  2026-09-02  Two Bcc: evil@example.com" in text
    assert "Total: 25.5 CECs in 3 entries." in text
    files = {p.get_filename(): p.get_content() for p in msg.iter_attachments()}
    assert files["2026-09-01_1_hyperlink-x.pdf"] == cert_pdf.read_bytes()
    transcript = files["dana-reyes_cec-transcript_2026-11-22.csv"]
    assert isinstance(transcript, str) and "'=HYPERLINK" in transcript
    # --mark-submitted marked exactly the exported entries, today
    rows = json.loads(ceclog("list", "--json").out)
    assert [row["submitted"] for row in rows] == ["2026-11-22"] * 3
    r = ceclog("export", "--format", "eml", "--unsubmitted")
    assert r.code == 1 and "no entries to submit" in r.err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "docx"], 2, "Invalid value for '--format': 'docx' is not one of"),
        (["--format", "pdf"], 2, "give --output"),
        (["--format", "csv", "--to", "a@b.com"], 2, "--to goes with --format eml"),
        (["--format", "eml", "--to", "a@b.com, c@d.com"], 1, "not a single email address"),
        (["--format", "eml", "--to", "x@y.com\nBcc: z@w.com"], 1, "not a single email address"),
        (["--format", "csv", "--cycle", "previous"], 1, "there is no previous cycle"),
        (["--format", "csv", "--cycle", "last"], 2, "Invalid value for '--cycle': 'last'"),
    ],
)
def test_export_refusals(
    ceclog: Ceclog, ledger_path: Path, args: list[str], code: int, message: str
) -> None:
    _ledger(ledger_path)
    ceclog("add", "A", "--date", "2026-01-10", "--hours", "3")
    before = ledger_path.read_bytes()
    r = ceclog("export", *args)
    assert (r.code, r.out) == (code, "")
    assert message in r.err
    assert ledger_path.read_bytes() == before


def test_export_never_overwrites_the_ledger(ceclog: Ceclog, ledger_path: Path) -> None:
    _ledger(ledger_path)
    before = ledger_path.read_bytes()
    r = ceclog("export", "--format", "csv", "--output", str(ledger_path))
    assert r.code == 1 and "names the ledger itself" in r.err
    assert ledger_path.read_bytes() == before
