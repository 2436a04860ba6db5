"""Wordings a fourth reader's certificates printed (a tester's fresh set): a speaker, a host
or a place is no provider; a name stops before its verb; titles and dates in tables without
colons, under captions, after "for attending" or in quotes; hours beside CECs; a paragraph
that wraps its fields.  Each certificate is made as a PDF and read through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, str | None]:
    """What `add --from CERT --json` prefills from a page of `rows`."""
    path = folder / "cert.pdf"
    path.write_bytes(fx.pdf_bytes(fx.Spec("made", [list(rows)], [])))
    result = ceclog("add", "--from", str(path), "--json")
    assert result.code == 0, result.err
    (cert,) = json.loads(result.out)["certificates"]
    return {name: f["prefilled"] for name, f in cert["fields"].items()}


HEAD = "#Certificate of Attendance"


@pytest.mark.parametrize(
    "row",
    [
        [(20, "Presented by:"), (75, "Cheryl Vance, CR, WLS")],
        [(20, "Presented by:"), (75, "Marco Ruiz, WLS")],
        [(20, "Presented by:"), (75, "Dr. Ann Lee, MSc, CMH")],
    ],
)
def test_a_speaker_after_presented_by_is_no_provider(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row
) -> None:
    got = _read(ceclog, tmp_path, HEAD, [(20, "Course Title:"), (75, "Drying Basics")], row)
    assert got["title"] == "Drying Basics"
    assert got["provider"] is None


@pytest.mark.parametrize(
    ("printed", "want"),
    [
        ("Summit Restoration Training, Denver, Colorado", "Summit Restoration Training"),
        ("Lone Star Drying School, Austin, TX", "Lone Star Drying School"),
        ("Gulf Coast Training, LLC", "Gulf Coast Training, LLC"),
    ],
)
def test_a_provider_printed_with_its_city_and_state_is_the_name_alone(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, printed: str, want: str
) -> None:
    got = _read(ceclog, tmp_path, HEAD, [(20, "Presented by:"), (75, printed)])
    assert got["provider"] == want


def test_a_host_the_letterhead_disagrees_with_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _read(
        ceclog,
        tmp_path,
        "#PHOENIX DRYING ACADEMY",
        HEAD,
        [(20, "Course Title:"), (75, "LGR Dehumidification")],
        [(20, "Hosted by:"), (75, "Jon-Don, Roselle, Illinois")],
    )
    assert got["title"] == "LGR Dehumidification"
    assert got["provider"] is None
    alone = _read(ceclog, tmp_path, HEAD, [(20, "Hosted by:"), (75, "Fresh Air Training Center")])
    assert alone["provider"] == "Fresh Air Training Center"


@pytest.mark.parametrize(
    "sentence",
    [
        "This certifies that Elena Kowalczyk participated in the live webinar",
        "This certifies that Elena Kowalczyk attended the seminar",
        "This is to certify that Elena Kowalczyk successfully completed the course",
    ],
)
def test_a_name_in_a_sentence_stops_before_its_verb(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str
) -> None:
    got = _read(ceclog, tmp_path, HEAD, sentence, [(20, "Course Title:"), (75, "Mold Basics")])
    assert got["attendee"] == "Elena Kowalczyk"


def test_an_approval_code_with_an_l_among_capitals_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _read(ceclog, tmp_path, HEAD, [(20, "IICRC Approval #:"), (75, "26-0104-CCl")])
    assert got["approval"] is None
    plain = _read(ceclog, tmp_path, HEAD, [(20, "IICRC Approval #:"), (75, "26-0104-CCI")])
    assert plain["approval"] == "26-0104-CCI"
