"""Sentences that name a class the way schools' letters and diplomas word them: a justified
paragraph whose words stand two or three spaces apart, a class's length or approver before its
kind ("the two-day course of study entitled"), a range of days in a sentence ("on May 4 and 5,
2026"), "This acknowledges that", a name followed by the firm the person works for, a course's
IICRC number in brackets, "(12) contact hours".  Each certificate is made as a PDF in our own
words and read through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

LEFT = 20.0


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _justified(*words: str) -> str:
    """A line of a justified paragraph as a PDF's layout gives it: words two spaces apart."""
    return "  ".join(words)


def test_a_justified_paragraph_is_read_as_one_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """Its words two or three spaces apart, each line one sentence's piece: the name, the
    title after "the two-day course of study entitled" (up to "conducted at"), the range of
    days in it."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Northgate Drying College",
        "Diploma",
        [
            (
                LEFT,
                _justified(
                    "This",
                    "is",
                    "to",
                    "certify",
                    "that",
                    " Dana",
                    "Whitfield",
                    "has",
                    "satisfactorily",
                    "completed",
                    "the",
                    "two-day",
                ),
            )
        ],
        [
            (
                LEFT,
                _justified(
                    "course",
                    "of",
                    "study",
                    "entitled",
                    "Commercial",
                    "Drying",
                    "Specialist",
                    "(CDS)",
                ),
            )
        ],
        [
            (
                LEFT,
                _justified(
                    "conducted",
                    "at",
                    "the",
                    "college's",
                    "Duluth",
                    "drying",
                    "lab",
                    "on",
                    "May",
                    "11-12,",
                ),
            )
        ],
        [(LEFT, "2026, and is hereby awarded fourteen (14) Continuing Education Credits.")],
    )
    assert got["title"] == "Commercial Drying Specialist (CDS)"  # never "two-day"
    assert (got["date"], got["attendee"], got["credits"]) == ("2026-05-12", "Dana Whitfield", "14")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # the approver's name and "course of instruction" before the line's end: the title is
        # the next line
        ("has satisfactorily completed the IICRC course of instruction", "Odor Control Basics"),
        ("having fulfilled the requirements of the three-day course", "Odor Control Basics"),
        ("FOR COMPLETING THE ON-DEMAND ONLINE COURSE", "Odor Control Basics"),
    ],
)
def test_a_sentence_naming_the_kind_of_class_takes_the_title_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str, title: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Riverbend Cleaning Institute",
        "Certificate of Completion",
        "Dana Whitfield",
        sentence,
        "#Odor Control Basics",
        "Completed: June 3, 2026",
    )
    assert got["title"] == title
    assert got["title"] != sentence


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        (
            "This letter confirms that you attended our Drying Workshop on May 4 and 5, 2026.",
            "2026-05-05",
        ),
        (
            "This letter confirms that you attended our Drying Workshop on June 8-9, 2026.",
            "2026-06-09",
        ),
    ],
)
def test_a_range_of_days_in_a_sentence_is_the_class_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str, date: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Harbor Drying Supply", sentence)
    assert got["date"] == date


def test_a_date_after_presented_and_a_bullet_is_the_class_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Drying Supply",
        "attended the session",
        "#Dehumidifier Sizing in Practice",
        "Presented August 19, 2026  \u00b7  Tulsa, Oklahoma",
    )
    assert got["date"] == "2026-08-19"


@pytest.mark.parametrize(
    "rows",
    [
        ["This certificate acknowledges that", "Dana Whitfield", "was present for the session"],
        [
            "Harbor Drying Supply certifies that Dana Whitfield of Whitfield Restoration LLC",
            "completed the course",
        ],
    ],
)
def test_an_acknowledged_attendee_and_a_name_before_their_firm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str]
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, "#Harbor Drying Supply", *rows, "#Dehumidifier Sizing in Practice"
    )
    assert got["attendee"] == "Dana Whitfield"


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("The workshop was approved for 7 CECs (IICRC Course #26-4410).", "approval", "26-4410"),
        (
            "It was approved for 7 CECs as IICRC Course No. 26-4410 this year.",
            "approval",
            "26-4410",
        ),
        # the course's number in brackets after its CECs
        ("Date: June 3, 2026 - 4 hours - 4 IICRC CECs (Course #26-4410)", "approval", "26-4410"),
        ("Earned: 2 CECs (Course No. 26-4410)", "approval", "26-4410"),
        # no "#" or "No.": a number in a sentence, not the course's approval
        ("Every IICRC course 2026 offered here earns CECs.", "approval", None),
        ("Earned: 2 CECs (course 2026 edition)", "approval", None),
        ("Drying Basics, a course of twelve (12) contact hours, given in Tulsa.", "hours", "12"),
        # a rate, not the class's length
        ("Drying Basics, with eight (8) contact hours per day, given in Tulsa.", "hours", None),
    ],
)
def test_a_courses_number_and_its_hours_in_a_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str, field: str, value: str | None
) -> None:
    """A course's IICRC number with its "#" or "No.", and contact hours written out and in
    figures ("twelve (12) contact hours")."""
    got = fx.prefilled(
        ceclog, tmp_path, "#Harbor Drying Supply", sentence, "Completed: June 3, 2026"
    )
    assert got[field] == value


def test_a_courses_number_broken_off_at_a_hyphen_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A course's number broken off at a column's end ("IICRC Course No. 2026-", "0193." under
    it): "2026" is no approval."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Drying Supply",
        "Completed: June 3, 2026",
        [
            (LEFT, "This seminar covered dwell times."),
            (140, "7 IICRC CECs, IICRC Course No. 2026-"),
        ],
        [(LEFT, "Keep this certificate."), (140, "0193. Presented with the manufacturer.")],
    )
    assert got["approval"] is None


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        # the sentence's rest in small letters is no title; the exam's course is on the next line
        (
            [
                "This is to certify that Dana Whitfield has successfully completed the course and",
                "passed the final examination for:",
                "",
                "#Odor Control Basics",
            ],
            "Odor Control Basics",
        ),
        # what the class was, after a comma, ends the title in a paragraph
        (
            [
                "This document certifies that Dana Whitfield attended and completed the course",
                "Odor Control Basics for Crew Leaders, a class of six (6) contact hours, given",
                "in Tulsa on the 3rd day of June, 2026.",
            ],
            "Odor Control Basics for Crew Leaders",
        ),
        # a letter's sentence broken over two lines, the second ending it with a full stop
        (
            [
                "Thank you for coming to Tulsa. This letter confirms that you attended our Odor",
                "Control Basics Workshop on June 2-3, 2026.",
            ],
            "Odor Control Basics Workshop",
        ),
        # a title alone under its sentence, no full stop: not joined to it
        (
            ["This is to certify that Dana Whitfield has successfully completed", "Odor Control"],
            "Odor Control",
        ),
    ],
)
def test_where_a_letters_sentence_names_its_class(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str], title: str
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, "#Harbor Drying Supply", *rows, "", "Completed: June 3, 2026"
    )
    assert got["title"] == title


@pytest.mark.parametrize(
    ("cells", "hours"),
    [
        # a dash alone in a column between the hours and the CECs parts them as a bar does
        ([(60, "12 Hours"), (90, "-"), (110, "12 CECs"), (140, "-"), (160, "School #4410")], "12"),
        # and the CECs with their label beside the hours
        ([(60, "12 Hours"), (100, "IICRC CECs: 12")], "12"),
        # no CECs after the dash: "N hours" alone is no class length
        ([(60, "Open 24 hours"), (100, "-"), (120, "7 days a week")], None),
    ],
)
def test_hours_beside_the_cecs_past_a_mark_alone_in_its_column(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, cells: list[tuple[float, str]], hours: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Harbor Drying Supply", "Completed: June 3, 2026", cells)
    assert got["hours"] == hours


def test_a_heading_with_its_abbreviations_full_stop_labels_the_cell_under_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """ "IICRC Course No." heading a column of a one-row table is the approval's label."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Drying Supply",
        [(20, "Course"), (110, "Date"), (150, "CECs"), (180, "IICRC Course No.")],
        [
            (20, "Dehumidifier Sizing in Practice"),
            (110, "06/03/2026"),
            (150, "2"),
            (180, "26-4410"),
        ],
    )
    assert (got["title"], got["credits"], got["approval"]) == (
        "Dehumidifier Sizing in Practice",
        "2",
        "26-4410",
    )


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # a form of two columns, each caption with its value beside it in the next column
        (
            [
                [(20, "Employee"), (90, "Dana Whitfield")],
                [(20, "Training"), (90, "Thermal Imaging for Moisture Mapping")],
            ],
            {"attendee": "Dana Whitfield", "title": "Thermal Imaging for Moisture Mapping"},
        ),
        # "Training hours   32": a label of its own words, no title "hours"
        ([[(20, "Training hours"), (90, "32")]], {"title": None, "hours": "32"}),
    ],
)
def test_a_firms_training_record_names_the_employee_and_the_training(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    rows: list[list[tuple[float, str]]],
    want: dict[str, str | None],
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Whitfield Restoration Services",
        "Training Record",
        *rows,
        [(20, "Date"), (90, "June 3, 2026")],
    )
    assert {field: got[field] for field in want} == want


@pytest.mark.parametrize(
    ("dear", "says", "attendee"),
    [
        (
            "Dear Dana,",
            "This letter confirms that you attended our Drying Workshop.",
            "Dana Whitfield",
        ),
        (
            "Dear Ms. Whitfield:",
            "We confirm that you completed our Drying Workshop.",
            "Dana Whitfield",
        ),
        # the salutation names someone else: no name is taken
        ("Dear Colleague,", "This letter confirms that you attended our Drying Workshop.", None),
        # the letter never says the reader took the class
        ("Dear Dana,", "Our Drying Workshop is offered again in the spring.", None),
    ],
)
def test_a_letter_names_its_attendee_in_the_address_its_salutation_names(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, dear: str, says: str, attendee: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Drying Supply",
        "October 20, 2026",
        "",
        "Dana Whitfield",
        "Whitfield Restoration LLC",
        "12 Elm Street",
        "Salem, OR 97301",
        "",
        dear,
        "",
        says,
        "Workshop date: June 3, 2026",
    )
    assert got["attendee"] == attendee


def test_a_letters_thanks_name_the_class_and_its_session_its_length_and_day(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Bayline Mutual Insurance",
        "Dear Dana Whitfield,",
        "Thank you for completing Moisture Mapping for Program Vendors. Our records show",
        "you attended the full 1.5-hour session on 2026-07-22, and it is on your profile.",
    )
    assert got["title"] == "Moisture Mapping for Program Vendors"
    assert (got["date"], got["hours"]) == ("2026-07-22", "1.5")
