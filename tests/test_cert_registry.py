"""The certificate reader's fields are declared in one place, `core.cert_registry`, and their
words in one file, `data/cert_patterns.toml`: a field added there (and only there) is read,
shown and in `--json`; a wording added to the file alone is read; the file cannot name a field
or a key the registry does not know; every field `add --from` prefills is declared once."""

from __future__ import annotations

import inspect
import json
import tomllib
from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from ceclog.cli.entries import add
from ceclog.core.certificates import patterns as cert_patterns
from ceclog.core.certificates.fields import read_certificates
from ceclog.core.certificates.lines import text_line
from ceclog.core.certificates.patterns import compile_patterns
from ceclog.core.certificates.registry import (
    ENTRY_FIELDS,
    REGISTRY,
    TEXT,
    FieldReader,
    Registry,
    Role,
)
from ceclog.errors import InputError
from ceclog.store import certificate
from conftest import Ceclog, make_ledger

ROOM = fx.Spec(
    "room",
    [
        [
            "#Restoration Training Co.",
            "#Certificate of Completion",
            "",
            [(20, "Course Title:"), (75, "Applied Structural Drying")],
            [(20, "Date of Completion:"), (75, "03/14/2026")],
            [(20, "CEC Hours:"), (75, "14")],
            [(20, "Room Number:"), (75, "B-12")],
        ]
    ],
    [{}],
)


def _raw() -> dict[str, Any]:
    with certificate.PATTERNS.open("rb") as handle:
        return tomllib.load(handle)


def test_a_field_declared_in_the_registry_and_the_patterns_file_alone_is_read_and_shown(
    ceclog: Ceclog, ledger_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up field, "room", is one FieldReader and one [fields.room] section: nothing else
    changes, and `add --from` reads it, shows it in its table and in --json."""
    ledger = make_ledger(ledger_path, ("WRT", "2020-01-01"))
    before = ledger.read_bytes()
    cert = tmp_path / "room.pdf"
    cert.write_bytes(fx.pdf_bytes(ROOM))
    patterns = tmp_path / "cert_patterns.toml"
    words = '\n[fields.room]\nlabels = ["Room Number"]\n'
    patterns.write_text(certificate.PATTERNS.read_text(encoding="utf-8") + words, "utf-8")
    monkeypatch.setattr(certificate, "PATTERNS", patterns)

    refused = ceclog("add", "--from", str(cert), "--json")  # the registry does not know it yet
    assert refused.code == 1 and "unknown field 'room'" in refused.err

    monkeypatch.setattr(
        cert_patterns, "REGISTRY", REGISTRY.plus(FieldReader("room", TEXT, Role.READ))
    )
    result = ceclog("add", "--from", str(cert), "--json")
    assert result.code == 0, result.err
    fields = json.loads(result.out)["certificates"][0]["fields"]
    assert list(fields) == [*REGISTRY.names(), "room"]
    assert fields["room"]["prefilled"] == "B-12"
    (read,) = fields["room"]["candidates"]
    assert (read["how"], read["page"], read["line"]) == ('label "Room Number"', 1, 6)
    assert fields["title"]["prefilled"] == "Applied Structural Drying"

    shown = ceclog("add", "--from", str(cert))  # no terminal: the table, nothing written
    assert shown.code == 1
    assert "  room      B-12" in shown.err.splitlines()
    assert "  title     Applied Structural Drying" in shown.err.splitlines()
    assert ledger.read_bytes() == before


def test_a_wording_added_to_the_patterns_file_alone_is_read() -> None:
    lines = [text_line(1, 1, "Course Topic:   Mold Remediation"), text_line(1, 2, "CEC Hours: 7")]
    (before,) = read_certificates(lines, compile_patterns(_raw(), "shipped"), None)
    assert before.value("title") is None
    raw = _raw()
    raw["fields"]["title"]["labels"].append("Course Topic")
    (after,) = read_certificates(lines, compile_patterns(raw, "edited"), None)
    assert after.value("title") == "Mold Remediation"
    assert after.fields["title"].prefill is not None
    assert after.fields["title"].prefill.how == 'label "Course Topic"'


@pytest.mark.parametrize(
    ("field", "key", "said"),
    [
        ("room", "labels", "edited: unknown field 'room'"),
        ("title", "lables", "edited: [fields.title] has no key 'lables'"),
        ("provider", "not_end", "edited: [fields.provider] has no key 'not_end'"),
    ],
)
def test_the_patterns_file_names_only_fields_and_keys_the_registry_reads(
    field: str, key: str, said: str
) -> None:
    raw = _raw()
    raw["fields"].setdefault(field, {})[key] = ["Room Number"]
    with pytest.raises(InputError) as err:
        compile_patterns(raw, "edited")
    assert err.value.message == said


def test_every_field_add_prefills_is_declared_once_with_its_words_and_is_an_option_of_add() -> None:
    sections = _raw()["fields"]
    assert sorted(sections) == sorted(REGISTRY.names())  # each declared field has its words
    assert all(sections[f].get("labels") or sections[f].get("phrases") for f in sections)
    assert ENTRY_FIELDS == ("title", "date", "hours", "credits", "provider", "approval")
    options = inspect.signature(add).parameters
    assert [f for f in ENTRY_FIELDS if f not in options] == []
    with pytest.raises(ValueError, match="fields declared twice: date"):
        REGISTRY.plus(FieldReader("date", TEXT))
    with pytest.raises(ValueError, match=r"shown_why goes with Role\.SHOWN"):
        Registry((FieldReader("seen", TEXT, Role.SHOWN),))
