"""A school or a firm named after "conducted by", "issued by", "certified by" or "provided by"
(in a sentence, or on a line of its own), read only when the words read as an organisation's
name and the sentence says where the name ends; a person there ("Issued by: Ann Lee") is never
the provider.  Pages generated here as text PDFs, read through `add --from --json`."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

HEAD: list[fx.Row] = [
    "#Certificate of Training",
    [(25, "Course Title:"), (90, "Carpet Repair and Reinstallation")],
    [(25, "Date of Completion:"), (90, "August 11, 2026")],
    [(25, "CEC Hours:"), (90, "7")],
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        (
            ["The class was conducted by Brookhollow Drying Academy on August 11, 2026."],
            "Brookhollow Drying Academy",
        ),
        (["Certified by Kestrel Point Cleaning Institute"], "Kestrel Point Cleaning Institute"),
        (
            [[(25, "Instructor: Wes Ambrose"), (140, "Issued by: Larkspur Restoration Center")]],
            "Larkspur Restoration Center",
        ),
        (
            ["This course was provided by Orchard Lane Training, LLC. Keep this page."],
            "Orchard Lane Training, LLC",
        ),
        (["Issued by Silverton Education Group in Boise."], "Silverton Education Group"),
    ],
)
def test_a_school_after_conducted_issued_certified_or_provided_by_is_the_provider(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str
) -> None:
    got = fx.fields_read(ceclog, tmp_path, [*HEAD, *rows])["provider"]
    assert got["prefilled"] == want


@pytest.mark.parametrize(
    "rows",
    [
        # a person signs: never the provider
        ["Issued by: Marguerite Solberg"],
        [[(25, "Date: 08/11/2026"), (140, "Conducted by: Dale Pruett, CR, WRT")]],
        ["Certified by Amos Whitlock"],
        # the standard's body, a lower-case sentence, no school's word
        ["Certified by the IICRC"],
        ["Provided by IICRC Approved School 4410"],
        ["This record was issued by regional training staff."],
        # the name goes on past the school's word: where it ends is not said
        ["Conducted by Fairhaven Restoration Academy Instructors Guild Members"],
        ["Issued by Kettle Creek Training Center staff and volunteers"],
    ],
)
def test_a_person_or_no_organisations_name_after_by_is_not_the_provider(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row]
) -> None:
    assert fx.fields_read(ceclog, tmp_path, [*HEAD, *rows])["provider"]["prefilled"] is None
