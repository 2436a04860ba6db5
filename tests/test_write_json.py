"""`--json` on every command that writes: one document saying what changed (each record, before
and after, and which fields), the files written, and the backup `ceclog undo` restores.  Run on
a copy of examples/ (entries 1-5; entry 4, Category 3 water losses, 3 credits for WRT, is the
only completed one not yet submitted)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import Ceclog

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "example")
    return tmp_path / "example" / "ledger.toml"


def _doc(ceclog: Ceclog, ledger: Path, *args: str) -> dict[str, Any]:
    r = ceclog(*args, "--json", ledger=ledger)
    assert r.code == 0, r.err
    doc: dict[str, Any] = json.loads(r.out)  # stdout holds the document and nothing else
    return doc


def _summary(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(c["record"], c["key"], c["action"], c["fields"]) for c in doc["changes"]]


def test_rm_json_gives_the_removed_entry_and_the_backup_undo_restores(
    ceclog: Ceclog, example: Path
) -> None:
    before = example.read_bytes()
    doc = _doc(ceclog, example, "rm", "4", "--yes")
    assert doc["command"] == "rm"
    assert doc["ledger"] == str(example)
    fields = ["id", "date", "title", "kind", "credits", "certifications"]
    assert _summary(doc) == [("entry", 4, "removed", fields)]
    removed = doc["changes"][0]["before"]
    assert removed["title"] == "Category 3 water losses: health and safety"
    assert (removed["date"], removed["credits"], removed["hours"]) == ("2026-03-12", 3.0, None)
    assert removed["certifications"] == ["WRT"] and removed["evidence"] == []
    assert doc["changes"][0]["after"] is None
    assert doc["written"] == [{"what": "ledger", "path": str(example)}]
    backup = example.with_name("ledger.toml.bak")
    assert doc["undo"] == {"command": "ceclog undo", "restores": str(backup)}
    assert backup.read_bytes() == before


def test_undo_json_gives_back_what_it_restored_and_undoing_again_redoes(
    ceclog: Ceclog, example: Path
) -> None:
    _doc(ceclog, example, "rm", "4", "--yes")
    doc = _doc(ceclog, example, "undo")
    fields = ["id", "date", "title", "kind", "credits", "certifications"]
    assert _summary(doc) == [("entry", 4, "added", fields)]
    assert doc["written"] == [{"what": "restored", "path": str(example)}]
    assert doc["undo"]["restores"] == str(example) + ".bak"
    assert _summary(_doc(ceclog, example, "undo")) == [("entry", 4, "removed", fields)]


def test_submit_and_posted_json_give_each_date_set(ceclog: Ceclog, example: Path) -> None:
    doc = _doc(ceclog, example, "submit", "--all")
    assert _summary(doc) == [("entry", 4, "changed", ["submitted"])]
    change = doc["changes"][0]
    assert (change["before"]["submitted"], change["after"]["submitted"]) == (None, "2026-11-22")
    doc = _doc(ceclog, example, "posted", "3", "4")
    assert _summary(doc) == [
        ("entry", 3, "changed", ["posted"]),
        ("entry", 4, "changed", ["posted"]),
    ]
    assert [c["after"]["posted"] for c in doc["changes"]] == ["2026-11-22", "2026-11-22"]


def test_a_write_that_changes_nothing_says_so(ceclog: Ceclog, example: Path) -> None:
    r = ceclog("submit", "3", "--json", ledger=example)
    assert r.code == 0
    assert json.loads(r.out) == {
        "command": "submit",
        "ledger": str(example),
        "changes": [],
        "written": [],
        "undo": None,
    }
    assert "entry 3 was already submitted on 2025-05-02; unchanged" in r.err


def test_attach_json_gives_the_certificate_kept_and_the_copy_written(
    ceclog: Ceclog, example: Path
) -> None:
    certificate = example.parent / "cat3.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate\n")
    doc = _doc(ceclog, example, "attach", "4", str(certificate))
    assert _summary(doc) == [("entry", 4, "changed", ["evidence"])]
    (kept,) = doc["changes"][0]["after"]["evidence"]
    assert kept["name"] == "cat3.pdf"
    assert kept["file"].startswith("evidence/2026-03-12_4_")
    assert (example.parent / kept["file"]).read_bytes() == certificate.read_bytes()
    assert [w["what"] for w in doc["written"]] == ["evidence", "ledger"]
    assert doc["written"][0]["path"] == str(example.parent / kept["file"])


def test_cert_add_end_rm_json(ceclog: Ceclog, example: Path) -> None:
    doc = _doc(ceclog, example, "cert", "add", "AMRT", "--earned", "2025-01-01")
    assert doc["command"] == "cert add"
    assert _summary(doc) == [("certification", "AMRT", "added", ["code", "earned"])]
    assert doc["changes"][0]["after"] == {
        "code": "AMRT",
        "earned": "2025-01-01",
        "ended": None,
        "cec_due": None,
        "cec_due_noted": None,
    }
    doc = _doc(ceclog, example, "cert", "end", "AMRT", "--on", "2026-01-01")
    assert _summary(doc) == [("certification", "AMRT", "changed", ["ended"])]
    assert doc["changes"][0]["after"]["ended"] == "2026-01-01"
    doc = _doc(ceclog, example, "cert", "rm", "amrt")
    assert _summary(doc) == [("certification", "AMRT", "removed", ["code", "earned", "ended"])]


def test_holder_json_of_a_change_gives_the_fields_before_and_after(
    ceclog: Ceclog, example: Path
) -> None:
    doc = _doc(ceclog, example, "holder", "--cec-due", "2027-09-14")
    assert _summary(doc) == [("holder", None, "changed", ["cec_due", "cec_due_noted"])]
    change = doc["changes"][0]
    assert (change["before"]["cec_due"], change["after"]["cec_due"]) == (None, "2027-09-14")
    assert change["after"]["cec_due_noted"] == "2026-11-22"
    # without a change, holder --json still prints the holder itself
    assert _doc(ceclog, example, "holder")["cec_due"] == "2027-09-14"


def test_init_json_gives_the_new_holder_and_no_undo(ceclog: Ceclog, tmp_path: Path) -> None:
    ledger = tmp_path / "new" / "ledger.toml"
    doc = _doc(ceclog, ledger, "init", "--name", "Sam Ortiz", "--cec-due", "2027-06-30")
    assert doc["command"] == "init"
    assert _summary(doc) == [
        ("holder", None, "added", ["name", "rules", "cec_due", "cec_due_noted", "tracking_since"])
    ]
    assert doc["changes"][0]["after"]["tracking_since"] == "2026-11-22"
    assert doc["written"] == [{"what": "created", "path": str(ledger)}]
    assert doc["undo"] is None
