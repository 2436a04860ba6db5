"""Small cards and photographed pages: a wallet card's small print under the signature is a
sentence, never the school's name; a provider's licence number after "Training Provider" is no
name.  Each card is made as a PDF in our own words and read through the command line, as a
user would (the reading is the same for a photo's OCR lines)."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


CARD: list[fx.Row] = [
    "#Certificate of Completion",
    "This certifies that",
    "#Ines Carvalho",
    "completed Odor Control Technician (OCT)",
    "Completed:   06/09/2026",
    "CECs:   14",
]


@pytest.mark.parametrize(
    ("small_print", "want"),
    [
        # the card's small print: a sentence ending in a word a school's name may end in, and
        # another after it
        ("Keep this card with your record of training. Valid in all states.", None),
        ("Show this card as proof of your education. Not a licence.", None),
        # a school's name under the signature, its small words in lower case, is still read
        ("Harbor Academy of Drying and Cleaning", "Harbor Academy of Drying and Cleaning"),
    ],
)
def test_a_cards_small_print_is_no_school(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, small_print: str, want: str | None
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, *CARD, [(20, "R. Vance"), (150, "Instructor")], "", small_print
    )
    assert got["provider"] == want
    assert got["title"] == "Odor Control Technician (OCT)"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # a state's training provider licence after the caption, no name
        ("Training Provider:   QX40921", None),
        ("Training Provider LIC-20417", None),
        # a name with a number among its words is a name
        ("Training Provider:   Station 51 Training Center", "Station 51 Training Center"),
        ("Training Provider:   Cedar Point Academy", "Cedar Point Academy"),
    ],
)
def test_a_providers_licence_number_is_no_name(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, want: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *CARD, line)
    assert got["provider"] == want


def _paragraph(*lines: str) -> list[fx.Row]:
    return ["#Certificate of Completion", "", *[[(20.0, line)] for line in lines]]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (  # "the course in" a title, the sentence going on with where it was given
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed the IICRC-approved course in Odor Control and Deodorization",
                "Technician presented in Boise, Idaho on June 8-9, 2026, and has earned",
                "fourteen (14) continuing education credits for the class.",
            ),
            "Odor Control and Deodorization Technician",
        ),
        (  # where it was taught ends a title named after "completed"
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed Mold Remediation Fundamentals taught at Lakeside Hall in Boise",
                "on June 9, 2026, and has earned seven (7) continuing education credits",
                "for the class, as the school's records show.",
            ),
            "Mold Remediation Fundamentals",
        ),
        (  # "the course in" a place is no title
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed the course in Boise, Idaho on June 9, 2026, and has earned",
                "seven (7) continuing education credits for the class, as the school's",
                "records show.",
            ),
            None,
        ),
        (
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed the approved course in Twin Falls on June 9, 2026, earning",
                "seven (7) continuing education credits for the class, as the school's",
                "records show.",
            ),
            None,
        ),
    ],
)
def test_a_wrapped_sentence_names_the_course_in_its_subject(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, lines: tuple[str, ...], want: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *_paragraph(*lines))
    assert got["title"] == want


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (  # the days of the class, the sentence going on after them
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed the IICRC-approved course in Odor Control and Deodorization",
                "Technician presented in Boise, Idaho on June 8-9, 2026, and has earned",
                "fourteen (14) continuing education credits for the class.",
            ),
            "2026-06-09",
        ),
        (
            (
                "We hereby confirm that Morgan Ellis has attended and successfully",
                "completed Water Restoration Technician in Boise, Idaho on May 4-5,",
                "2026, earning nineteen (19) continuing education credits for the class, as",
                "the school's records show.",
            ),
            "2026-05-05",
        ),
    ],
)
def test_a_wrapped_sentence_dates_the_class_before_going_on(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, lines: tuple[str, ...], want: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *_paragraph(*lines))
    assert got["date"] == want


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        (  # the name and "completed" end a line: the title is the next
            (
                "This certifies that Morgan Ellis completed",
                "#Confined Space Entry for Restorers",
                "on April 2, 2026",
            ),
            "Confined Space Entry for Restorers",
        ),
        (
            (
                "This certifies that Morgan Ellis has successfully completed",
                "#Confined Space Entry for Restorers",
                "on April 2, 2026",
            ),
            "Confined Space Entry for Restorers",
        ),
        (  # a sentence going on after "completed" names no title on the next line
            (
                "This certifies that the technician named below completed",
                "#Morgan Ellis",
                "on April 2, 2026",
            ),
            None,
        ),
    ],
)
def test_a_title_under_the_line_a_name_and_completed_end(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: tuple[str, ...], want: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Certificate of Completion", "", *rows)
    assert got["title"] == want
