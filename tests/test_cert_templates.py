"""Wordings of certificates made from templates (word-processor and design-tool templates,
learning-platform exports, state agencies' forms, makers' and distributors' classes): the
title after "for successfully completing" or "took part in the", never a course "above"; the
attendee after "Be it known that", without the credentials after the name; a lone signature
line's captions; a US state's agency that says the page writes the month first; hours counted
as CEHs; a number that ends a sentence.  Each page is made as a PDF and read through the command
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
    ("rows", "want"),
    [
        (
            ["FOR SUCCESSFULLY COMPLETING", "#Carpet Repair and Reinstallation"],
            "Carpet Repair and Reinstallation",
        ),
        (
            ["for successfully completing the", "#Odor Control Technician"],
            "Odor Control Technician",
        ),
        (["who took part in the", "#Hardwood Floor Drying Clinic"], "Hardwood Floor Drying Clinic"),
        (
            ["and participated in this", "#Contents Cleaning Essentials"],
            "Contents Cleaning Essentials",
        ),
        (
            ["has met all requirements for", "#Commercial Drying Specialist"],
            "Commercial Drying Specialist",
        ),
        (
            ["has fulfilled the requirements of the", "#Trauma Scene Cleanup"],
            "Trauma Scene Cleanup",
        ),
    ],
)
def test_a_title_on_the_line_after_the_wording_that_announces_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str], want: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Certificate of Completion", "#Dana Okafor", *rows)
    assert got["title"] == want


@pytest.mark.parametrize(
    "sentence",
    [
        "has satisfactorily completed the above course and passed its final test.",
        "has successfully completed the following course of study with distinction.",
        "has successfully completed the foregoing program in full.",
    ],
)
def test_a_course_named_elsewhere_on_the_page_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        "#Dana Okafor",
        sentence,
        [(25, "Completion Date:"), (90, "June 2, 2026")],
    )
    assert got["title"] is None


@pytest.mark.parametrize(
    ("lead", "name", "want"),
    [
        ("Be it known that", "Rafael Quintero", "Rafael Quintero"),
        ("This is to confirm that", "Mei-Ling Zhou", "Mei-Ling Zhou"),
        ("This certifies that", "Lena Ortiz, CMR", "Lena Ortiz"),
        ("This certifies that", "Abel Ferreira, CR, WLS", "Abel Ferreira"),
        # a generation is part of the name
        ("This certifies that", "Samuel Price, III", "Samuel Price, III"),
        ("This certifies that", "Victor Hale, Jr.", "Victor Hale, Jr."),
    ],
)
def test_the_attendee_after_more_wordings_and_without_credentials(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, lead: str, name: str, want: str
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, "#Certificate of Training", lead, f"#{name}", "has completed"
    )
    assert got["attendee"] == want


@pytest.mark.parametrize("signature", ["Signature", "Lead Instructor Signature"])
def test_a_lone_signature_line_reads_the_date_over_its_caption(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, signature: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Achievement",
        "#Omar Haddad",
        "for completing",
        "#Ceiling and Wall Drying",
        [(30, "September 30, 2026"), (150, "T. Brandt")],
        [(40, "Date"), (150, signature)],
    )
    assert got["date"] == "2026-09-30"


def test_a_lone_line_of_captions_without_a_signature_reads_nothing(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """One line of short words under one of values may be anything (a table's last row, a
    heading): only a signature's caption says it is a line of captions."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Achievement",
        "#Omar Haddad",
        "for completing",
        "#Ceiling and Wall Drying",
        [(30, "September 30, 2026"), (150, "Dayton Branch")],
        [(40, "Date"), (150, "Location")],
    )
    assert got["date"] is None


@pytest.mark.parametrize(
    ("agency", "want"),
    [
        ("Approved by the Ohio Department of Commerce", "2026-04-05"),
        ("Registered with the New Jersey State Department of Health", "2026-04-05"),
        # no state named: the date still reads two ways (read month first, to confirm)
        ("Approved by the Department of Labor", "unconfirmed"),
    ],
)
def test_a_us_state_agency_named_says_the_month_comes_first(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, agency: str, want: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        agency,
        [(25, "Course Title:"), (90, "Lead Renovator Refresher")],
        [(25, "Course Completion Date:"), (90, "04/05/2026")],
    )
    assert got["date"] == "2026-04-05"
    (date,) = got["_"]["date"]["candidates"]
    assert (date["unconfirmed"] is not None) is (want == "unconfirmed")


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        ([(25, "Date/Time:"), (90, "Friday, March 6, 2026, 1:00 PM")], "date", "2026-03-06"),
        ([(25, "Hours Earned:"), (90, "5")], "hours", "5"),
        ([(25, "Total Hours Earned:"), (90, "12.5")], "hours", "12.5"),
        ("Participants earn 1.5 CEHs for this session", "hours", "1.5"),
        ("NADCA CEH value: 1 CEH per hour attended", "hours", None),
        ([(25, "IICRC CECs Earned:"), (90, "11.")], "credits", "11"),
        ([(25, "CECs:"), (90, "3.5.")], "credits", "3.5"),
        ([(25, "CECs:"), (90, "3.")], "credits", "3"),
        ([(25, "CECs:"), (90, "2 or 3.")], "credits", None),
    ],
)
def test_more_labels_and_a_number_ending_its_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, field: str, want: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        [(25, "Course Title:"), (90, "Duct Cleaning Basics")],
        row,
    )
    assert got[field] == want


@pytest.mark.parametrize(
    ("letterhead", "want"),
    [
        ("Bluewater Restoration Supplies", "Bluewater Restoration Supplies"),
        ("Ridgeline Drying Equipment", "Ridgeline Drying Equipment"),
        # a class's name, not a firm's
        ("Drying Equipment Workshop", None),
    ],
)
def test_a_distributor_or_a_maker_in_the_letterhead(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, letterhead: str, want: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        f"#{letterhead}",
        "#Certificate of Attendance",
        [(25, "Course Title:"), (90, "Air Mover Placement")],
        [(25, "Course Date:"), (90, "May 4, 2026")],
    )
    assert got["provider"] == want


@pytest.mark.parametrize(("blank", "want"), [(1, "Lead Abatement Supervisor Refresher"), (4, None)])
def test_a_title_under_the_heading_with_its_labels_a_few_blank_rows_lower(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, blank: int, want: str | None
) -> None:
    """A form's title stands under its heading with some space before its labels; a line far
    above them is not told from a motto or a banner."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Training",
        "#Lead Abatement Supervisor Refresher",
        *[""] * blank,
        [(25, "Trainee:"), (90, "Joaquin Serrano")],
        [(25, "Course Date:"), (90, "June 3, 2026")],
    )
    assert got["title"] == want
