"""Where a value stops: the holder's name alone under the heading before the completion
sentence's verb goes on ("Dana Reyes attended the" / the title), and a table's or a form's
value whose words go on under it: a word broken off at the cell's edge left for the user, never
cut short; a cell wrapped back to the line's start joined when the form's next labelled row
stands under it.  Pages generated here as text PDFs, read
through `add --from --json`."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Dana Reyes attended the", "Dana Reyes"),
        ("Dana Reyes has completed the", "Dana Reyes"),
        ("Dana de la Reyes attended the", "Dana de la Reyes"),  # a name's small words stay
    ],
)
def test_the_name_alone_under_the_heading_stops_before_the_sentence_going_on(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, name: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        line,
        "Autumn Drying Workshop",
        "October 3, 2026",
        "Contact hours: 5",
    )
    assert got["attendee"] == name
    assert got["title"] == "Autumn Drying Workshop"


@pytest.mark.parametrize(
    ("cell", "under", "title"),
    [
        ("Crawlspace Encapsulation Fundam", "entals for Technicians", None),  # a word broken off
        ("Crawlspace Encapsulation", "Module Two", "Crawlspace Encapsulation"),  # another row's
    ],
)
def test_a_table_cell_going_on_under_it_in_small_letters_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, cell: str, under: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Continuing Education",
        [(20, "COURSE TITLE"), (150, "CE HOURS")],
        [(20, cell), (150, "6")],
        [(20, under)],
        [(20, "DATE COMPLETED"), (150, "DELIVERY")],
        [(20, "June 9, 2026"), (150, "Classroom")],
    )
    assert (got["title"], got["hours"]) == (title, "6")
    if title is None:
        assert got["_"]["title"]["why_not"] == "may go on to the next line: type it"


@pytest.mark.parametrize(
    ("under", "then", "title"),
    [
        # the cell wrapped back to the line's start, the form's next labelled row under it
        (
            [(20, "Refresher for Supervisors")],
            [(20, "Course Date:"), (60, "7/21/2026")],
            "Crawlspace Moisture Control Refresher for Supervisors",
        ),
        (
            [(20, "Refresher (Part 2)")],
            [(20, "Course Date:"), (60, "7/21/2026")],
            "Crawlspace Moisture Control Refresher (Part 2)",
        ),
        # nothing under it to say it is no row of its own: left for the user
        ([(20, "Refresher for Supervisors")], [(20, "Keep this record on file.")], None),
        # not a title's words (a sentence of its own), or a broken word: left for the user
        ([(20, "Held at the training center")], [(20, "Course Date:"), (60, "7/21/2026")], None),
        ([(20, "isors Refresher")], [(20, "Course Date:"), (60, "7/21/2026")], None),
        # no word of a class in it: a title's words, or a row of its own (a name)?
        ([(20, "Morgan Ellis")], [(20, "Course Date:"), (60, "7/21/2026")], None),
        # a label under the value: the value ends on its line
        ([(20, "Course Date:"), (60, "7/21/2026")], "", "Crawlspace Moisture Control"),
        # a date alone under it, the form's dated line: no title's words
        (
            [(20, "May 20, 2026")],
            [(20, "Keep this record on file.")],
            "Crawlspace Moisture Control",
        ),
        ([(20, "07/21/2026")], [(20, "CECs:"), (60, "4")], "Crawlspace Moisture Control"),
    ],
)
def test_a_form_value_wrapped_back_to_the_label_column_is_joined_between_labelled_rows(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    under: list[tuple[int, str]],
    then: fx.Row,
    title: str | None,
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Training",
        [(20, "Trainee:"), (60, "Dana Reyes"), (150, "Location:"), (190, "Albany")],
        [(20, "Course:"), (60, "Crawlspace Moisture Control")],
        [*under, (150, "Provider ID: QX-0042")],
        then,
        [(20, "Training Hours:"), (60, "4")],
    )
    assert (got["title"], got["hours"]) == (title, "4")
    if title is None:
        assert got["_"]["title"]["why_not"] == "may go on to the next line: type it"


@pytest.mark.parametrize(
    ("number", "after", "want"),
    [
        ("26-", "0418. Keep this as proof.", None),  # the rest in the next line of its column
        ("26-0418", "Keep this as proof.", "26-0418"),
    ],
)
def test_an_approval_number_broken_off_at_a_dash_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, number: str, after: str, want: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "Course Title: Antimicrobial Label Compliance",
        "Date of Completion: May 4, 2026",
        [(20, "This seminar covered label law,"), (150, f"IICRC Course No. {number}")],
        [(20, "dwell times and equipment."), (150, after)],
    )
    assert got["approval"] == want


@pytest.mark.parametrize(
    ("granted", "done"),
    [
        ("is hereby granted to", "for completing the course of study"),
        ("This certificate is granted to", "for completion of the program of instruction"),
    ],
)
def test_granted_to_names_the_attendee_and_a_course_of_study_the_title_under_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, granted: str, done: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Achievement",
        granted,
        "Dana Reyes",
        done,
        "Upholstery Cleaning Technician",
        "Course Hours: 14",
    )
    assert (got["attendee"], got["title"]) == ("Dana Reyes", "Upholstery Cleaning Technician")


@pytest.mark.parametrize(
    ("values", "read"),
    [
        # one row of captions, each under a value of its kind: read from above
        ([(40, "January 9, 2026"), (130, "30"), (200, "3.0")], ("2026-01-09", "30")),
        # a value that is not its caption's kind: the row is not read at all
        ([(40, "January 9, 2026"), (130, "Thirty"), (200, "3.0")], (None, None)),
        # no date among them: one row alone says too little
        ([(40, "Online"), (130, "30"), (200, "3.0")], (None, None)),
    ],
)
def test_one_row_of_captions_under_values_of_their_kind_is_read(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, values: fx.Row, read: tuple[str | None, ...]
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        "Dana Reyes",
        "has successfully completed",
        "Confined Space Entry Awareness",
        values,
        [(40, "Date of Completion"), (130, "Contact Hours"), (200, "CEUs")],
    )
    assert (got["date"], got["hours"]) == read
    assert got["title"] == "Confined Space Entry Awareness"


@pytest.mark.parametrize(
    "lead",
    [
        "has completed the 16-hour training course",
        "having attended the two-day course of instruction in",
        "has completed the course of study",
    ],
)
def test_a_length_or_course_of_instruction_before_the_line_end_takes_the_title_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, lead: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        "This certifies that",
        "Dana Reyes",
        lead,
        "Crawlspace Mold Remediation Practices",
        "Course Hours: 16",
    )
    assert got["title"] == "Crawlspace Mold Remediation Practices"


@pytest.mark.parametrize(
    ("left", "title"),
    [
        ("NO. 2210", "Odor Control Technician"),  # a badge's number in the left column
        ("Founded 1998", "Odor Control Technician"),
        ("", "Odor Control Technician"),  # nothing beside it: the title right under
    ],
)
def test_a_sentence_s_title_under_it_skips_a_line_of_the_other_column(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, left: str, title: str
) -> None:
    under: fx.Row = [(20, left)] if left else ""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        [(20, "HARBOR POINT"), (110, "Be it known that")],
        [(120, "Dana Reyes")],
        [(20, "APPROVED SCHOOL"), (90, "having attended the course of instruction in")],
        under,
        [(100, "Odor Control Technician")],
        [(20, "COURSE")],
        [(20, "OCT"), (100, "Given this 4th day of May, 2026.")],
    )
    assert (got["title"], got["date"], got["attendee"]) == (title, "2026-05-04", "Dana Reyes")
