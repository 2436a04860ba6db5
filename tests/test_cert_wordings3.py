"""Wordings schools print around a certificate's fields, in our own words: "has attended and
completed" over the title.  Each certificate is made as a PDF and read through the command
line, as a user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("has attended and completed", "Fire and Smoke Restoration Technician"),
        ("attended and successfully completed", "Fire and Smoke Restoration Technician"),
    ],
)
def test_attended_and_completed_over_the_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, said: str, title: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Northgate Drying College",
        "Certificate of Completion",
        "This certifies that",
        "#Dana Whitfield",
        said,
        "#Fire and Smoke Restoration Technician",
        "held June 1-3, 2026 in Duluth, Minnesota",
    )
    assert got["title"] == title, got["_"]["title"]


def test_attended_and_completed_over_a_label_names_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Northgate Drying College",
        "Dana Whitfield has attended and completed",
        "Date: June 3, 2026",
    )
    assert got["title"] is None, got["_"]["title"]
