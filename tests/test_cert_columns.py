"""Certificates whose fields stand in columns: a row of headings over a table of sessions names
no class ("Date   Session   Presenter   Hours"), while a row that pairs each label with its value
("Course   Odor Control   Instructor   Lee") still gives them.  Each certificate is made as a
PDF and read through the command line."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


HEAD = "#Certificate of Attendance"  # the one heading of every page here


@pytest.mark.parametrize(
    "heads",
    [
        [(20, "Date"), (50, "Session"), (150, "Presenter"), (220, "Hours")],
        [(20, "Course"), (120, "Speaker"), (180, "Date"), (220, "CECs")],
    ],
)
def test_a_row_of_headings_over_sessions_gives_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, heads: fx.Row
) -> None:
    rows: list[fx.Row] = [
        HEAD,
        [(20, "Attendee:"), (60, "Morgan Ellis")],
        heads,
        [(20, "May 4"), (50, "Drying Wood Floors"), (150, "R. Osei"), (220, "1.0")],
        [(20, "May 5"), (50, "Carpet Pad Decisions"), (150, "T. Marsh"), (220, "1.0")],
    ]
    got = fx.prefilled(ceclog, tmp_path, *rows)
    assert got["title"] is None
    assert got["attendee"] == "Morgan Ellis"


def test_a_row_pairing_labels_with_values_still_gives_them(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    row = [(20, "Course"), (60, "Odor Control Basics"), (150, "Instructor"), (190, "Lee Park")]
    got = fx.prefilled(
        ceclog, tmp_path, HEAD, row, [(20, "Date of Completion:"), (90, "May 4, 2026")]
    )
    assert got["title"] == "Odor Control Basics"
    assert got["date"] == "2026-05-04"


@pytest.mark.parametrize(
    ("rows", "field", "want"),
    [
        # a trade show's presentation, an online course's module
        ([[(20, "Presentation:"), (70, "Tile Floor Moisture")]], "title", "Tile Floor Moisture"),
        (
            [[(20, "Module:"), (70, "Documenting Water Losses")]],
            "title",
            "Documenting Water Losses",
        ),
        # the kind of class with a word or two before it, its title on the next line
        (
            ["for attending the morning breakout session", "Drying Hardwood Stairs"],
            "title",
            "Drying Hardwood Stairs",
        ),
        (
            ["has successfully completed the self-paced course", "Odor Control Basics"],
            "title",
            "Odor Control Basics",
        ),
        (
            ["has completed the IICRC-approved course of study", "Upholstery Cleaning"],
            "title",
            "Upholstery Cleaning",
        ),
        (
            ["for participation in the NADCA education program", "Duct Sealing Methods"],
            "title",
            "Duct Sealing Methods",
        ),
        # its initials after a label; a length in words and figures; a module's duration
        ([[(20, "Continuing Education Hours (CEH):"), (110, "6")]], "hours", "6"),
        (["a course of five (5) hours of online instruction"], "hours", "5"),
        ([[(20, "Duration:"), (70, "2.5 hours (recorded webinar)")]], "hours", "2.5"),
        # a session's length ending its sentence; a transcript's sums
        (["Length of session: 3 hours."], "hours", "3"),
        ([[(20, "Total hours attended"), (120, "4.5")]], "hours", "4.5"),
        ([[(20, "Total IICRC CECs:"), (70, "4")]], "credits", "4"),
        # other classes offered on the page are none of this one's
        ([[(20, "IICRC CECs"), (70, "3")], "Also available: Grout Repair (1 CEC)"], "credits", "3"),
        # the day it was given at a place, or presented at one
        (["Given at Tulsa, Oklahoma, this 9th day of June, 2026."], "date", "2026-06-09"),
        (["Presented June 9, 2026 in Tulsa, Oklahoma"], "date", "2026-06-09"),
    ],
)
def test_wordings_of_titles_lengths_and_days(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], field: str, want: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, HEAD, [(20, "Attendee:"), (60, "Morgan Ellis")], *rows)
    assert got[field] == want, got["_"][field]


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # the page says who, of itself, before the verb
        (
            ["This document confirms that Dana Whitfield attended the in-house class"],
            "Dana Whitfield",
        ),
        (["This certificate verifies that Dana Whitfield completed the webinar"], "Dana Whitfield"),
        # alone over "has satisfactorily completed" or "completed all requirements of"
        (["Dana Whitfield", "has satisfactorily completed the course"], "Dana Whitfield"),
        (["Dana Whitfield", "completed all requirements of", "Drying Basics"], "Dana Whitfield"),
        # never a school's sentence about the attendee named elsewhere
        (["The Academy confirms that the technician named above attended"], None),
    ],
)
def test_the_attendee_in_more_wordings(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, HEAD, [(20, "Course Title:"), (80, "Odor Basics")], *rows)
    assert got["attendee"] == want, got["_"]["attendee"]


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        # a length in minutes, a share of a day, a date it was presented with no place
        ([[(20, "Duration:"), (70, "90 minutes")]], "hours"),
        (["consisting of seven (7) hours per day of classroom instruction"], "hours"),
        (["This certificate presented March 1, 2027."], "date"),
    ],
)
def test_wordings_that_give_no_value(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], field: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, HEAD, [(20, "Attendee:"), (60, "Morgan Ellis")], *rows)
    assert got[field] is None, got["_"][field]


@pytest.mark.parametrize(
    ("caption", "field"),
    [
        ("Training Provider Accreditation No.", "provider"),
        ("Training Provider License #", "provider"),
        ("Course Approval Number", "title"),
        ("Course ID", "title"),
    ],
)
def test_a_caption_that_starts_with_a_label_and_names_a_number_gives_no_value(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, caption: str, field: str
) -> None:
    # the label's words start a longer caption; its value, a number, stands in the next column
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Training",
        [(30, "Student Name"), (120, "Morgan Ellis")],
        [(30, caption), (120, "MTP0088")],
        [(30, "Date Completed"), (120, "July 18, 2025")],
    )
    assert got[field] is None, got["_"][field]
    assert (got["attendee"], got["date"]) == ("Morgan Ellis", "2025-07-18")


def test_a_form_whose_captions_are_a_sentence_s_words_reads_the_values_beside_them(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    # an office's own training record: the sentence down the left, the values to its right
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#In-House Training Certificate",
        [(30, "This certifies that"), (120, "Morgan Ellis")],
        [(30, "completed the in-house training"), (120, "Respirator Fit and Care")],
        [(30, "on"), (120, "Mar 9 2026")],
        [(30, "length of training"), (120, "2 hours")],
        [(30, "trainer"), (120, "Lee Park, Safety Coordinator")],
    )
    assert (got["attendee"], got["title"], got["date"], got["hours"]) == (
        "Morgan Ellis",
        "Respirator Fit and Care",
        "2026-03-09",
        "2",
    )


@pytest.mark.parametrize(
    "right",
    [
        "Date: May 4, 2026",  # a label's line in the other column: its own, not the caption's
        "5 CECs awarded",  # a phrase of its own
    ],
)
def test_a_column_beside_a_caption_holding_its_own_label_or_phrase_is_not_its_value(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, right: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        [(30, "This certifies that"), (120, right)],
        "Morgan Ellis",
        [(30, "Course:"), (60, "Odor Control Basics")],
    )
    assert got["attendee"] in (None, "Morgan Ellis"), got["_"]["attendee"]
    assert got["title"] == "Odor Control Basics"
