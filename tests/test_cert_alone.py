"""Titles and names printed alone on their lines, told by the lines around them: a caption
alone over its value ("Course" / the title), a table's row of values under its row of
captions, a name over a line that is only its verb ("attended"); and the layouts where the
same lines say nothing sure, left for the user.  Each certificate is made as a PDF and read
through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, Any]:
    return fx.fields_read(ceclog, folder, list(rows))


def _prefilled(fields: dict[str, Any]) -> dict[str, str | None]:
    return {name: f["prefilled"] for name, f in fields.items()}


@pytest.mark.parametrize("gap", [False, True])
def test_captions_alone_each_over_its_value_are_read_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, gap: bool
) -> None:
    """An online school's stack: "Learner" / the name / "Course" / the title, no colons (a
    blank row between a caption and its value or not)."""
    blank: list[fx.Row] = [""] if gap else []
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Completion",
            "",
            [(20, "LEARNER")],
            *blank,
            [(20, "Marcus Delgado")],
            "",
            [(20, "Course")],
            *blank,
            [(20, "Documenting Water Losses with Moisture Maps")],
            "",
            [(20, "Completion Date")],
            [(20, "2026-03-18")],
        )
    )
    assert got["attendee"] == "Marcus Delgado"
    assert got["title"] == "Documenting Water Losses with Moisture Maps"
    assert got["date"] == "2026-03-18"


def test_a_caption_alone_under_a_line_of_text_reads_nothing_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A signature line's caption under the name it captions: the title below it is no
    student's name, and the name above it may be the student's or not (one caption alone is
    no page of captions): both left for the user."""
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        "",
        "Marcus Delgado",
        "Student",
        "",
        "Documenting Water Losses with Moisture Maps",
        "",
        "Completion Date: 2026-03-18",
    )
    assert fields["attendee"]["candidates"] == []
    assert fields["title"]["candidates"] == []
    assert fields["date"]["prefilled"] == "2026-03-18"


def test_a_row_of_values_under_a_row_of_captions_is_read_by_column(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A convention's table: captions, then one row of values, its date a phrase of its own
    (a weekday before it), which keeps no other column from being read."""
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Session Attendance Record",
            "",
            [(15, "Attendee"), (70, "Session"), (175, "Date"), (245, "CEC")],
            [
                (15, "Marcus Delgado"),
                (70, "Drying Hardwood Floors"),
                (175, "Thursday, April 9, 2026"),
                (245, "2"),
            ],
            "",
            "IICRC CEC Approval #: 26-0409-HWF",
        )
    )
    assert got["attendee"] == "Marcus Delgado"
    assert got["title"] == "Drying Hardwood Floors"
    assert got["date"] == "2026-04-09"


def test_a_course_alone_in_a_table_after_a_sentence_that_names_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A sentence that names no title ('has completed the following course of study.'): the
    table's "Course" cell does, with no conflict."""
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Training",
        "The technician named below has completed the following course of study.",
        [(30, "Technician Name"), (120, "Marcus Delgado")],
        [(30, "Course"), (120, "Upholstery Cleaning Basics")],
        [(30, "Dates"), (120, "05/12/2026 - 05/13/2026")],
    )
    assert fields["title"]["prefilled"] == "Upholstery Cleaning Basics"
    assert fields["title"]["why_not"] is None


@pytest.mark.parametrize("verb", ["attended", "has successfully completed"])
def test_a_name_over_a_line_that_is_only_the_verb_is_the_attendee(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, verb: str
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Attendance",
            "Marcus Delgado",
            verb,
            "Drying Hardwood Floors",
            "April 9, 2026",
        )
    )
    assert got["attendee"] == "Marcus Delgado"


@pytest.mark.parametrize("verb", ["attended", "has successfully completed"])
def test_the_name_over_the_verb_in_its_own_column_is_the_attendee(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, verb: str
) -> None:
    """A two-column page: the left column's last line (a place) is right over the verb's line
    but not over the verb; the name over the verb is a line higher, beside the left column."""
    fields = _read(
        ceclog,
        tmp_path,
        [(20, "Gulf States Restoration"), (150, "Certificate of Attendance")],
        [(20, "Spring Conference"), (150, "Marcus Delgado")],
        [(20, "Mobile, Alabama")],
        [(150, verb)],
        [(150, "Drying Hardwood Floors")],
        [(150, "Date: April 9, 2026")],
    )
    assert fields["attendee"]["prefilled"] == "Marcus Delgado"


@pytest.mark.parametrize("verb", ["attended", "has successfully completed"])
def test_text_over_the_verb_in_another_column_is_no_attendee(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, verb: str
) -> None:
    """Nothing over the verb but the heading, two lines up: the left column's lines beside
    and under it name no one."""
    fields = _read(
        ceclog,
        tmp_path,
        [(20, "Gulf States Restoration"), (150, "Certificate of Attendance")],
        [(20, "Spring Conference")],
        [(20, "Mobile, Alabama")],
        [(150, verb)],
        [(150, "Drying Hardwood Floors")],
        [(150, "Date: April 9, 2026")],
    )
    assert fields["attendee"]["candidates"] == []


# the ledger's holder (tests/conftest.py LEDGER_HEAD), and someone else
HOLDER, OTHER = "Dana Reyes", "Marcus Delgado"


@pytest.mark.parametrize(
    ("heading", "after"),
    [
        (["#Certificate of Achievement"], ["Upholstery Cleaning Technician", "June 2, 2026"]),
        (["#CERTIFICATE", "of Course Completion"], ["Upholstery Cleaning Technician (UCT)", ""]),
        (["#Certificate of Attendance"], ["Upholstery Cleaning Technician", "UCT", "6/2/2026"]),
    ],
)
def test_the_holder_stacked_under_the_heading_over_the_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, heading: list[str], after: list[str]
) -> None:
    """Heading, the holder's name, the title, each alone on its line, then a date (its title's
    initials alone between them or not) or a labelled line: the name and the title."""
    fields = _read(
        ceclog,
        tmp_path,
        *heading,
        HOLDER.upper() if len(heading) > 1 else HOLDER,
        *after,
        "Presented by: Lakeshore Cleaning School",
        "Course Hours: 14",
    )
    got = _prefilled(fields)
    assert got["attendee"] == (HOLDER.upper() if len(heading) > 1 else HOLDER)
    assert got["title"] == after[0]
    assert [c["how"] for c in fields["title"]["candidates"]] == ["the line under the holder's name"]


@pytest.mark.parametrize(
    "rows",
    [
        # someone else's name: neither is sure
        [OTHER, "Upholstery Cleaning Technician", "June 2, 2026"],
        # the holder's firm under the name, then the title: no line under the name is the title
        [HOLDER, "Reyes Carpet Care LLC", "Upholstery Cleaning Technician", "June 2, 2026"],
        # a title wrapped on two lines: its first line is no title
        [HOLDER, "Upholstery and Fine Fabric Cleaning", "Technician Program", "June 2, 2026"],
        # the date right under the name: no title
        [HOLDER, "June 2, 2026", "Course Hours: 14"],
        # a school's name under the name
        [HOLDER, "Lakeshore Cleaning Academy", "June 2, 2026"],
        # a sentence's words under the name, no title alone
        [HOLDER, "completed the 3-day Upholstery Cleaning Technician course", "June 2, 2026"],
    ],
)
def test_a_stack_that_is_not_heading_name_title_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str]
) -> None:
    fields = _read(ceclog, tmp_path, "#Certificate of Completion", *rows, "Course Hours: 14")
    assert fields["title"]["candidates"] == []
    assert fields["attendee"]["prefilled"] == (HOLDER if rows[0] == HOLDER else None)


def test_a_caption_course_is_the_titles_and_course_number_the_approvals(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """Values over their captions: "Course" captions the title ("Course #" would caption the
    approval number)."""
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Course Completion",
        [(20, OTHER), (140, "Upholstery Cleaning Technician")],
        [(30, "Student"), (150, "Course")],
        [(20, "June 1-2, 2026"), (150, "UCT-0602")],
        [(30, "Course Dates"), (150, "Course #")],
    )
    got = _prefilled(fields)
    assert got["title"] == "Upholstery Cleaning Technician"
    assert got["approval"] == "UCT-0602"
    assert got["attendee"] == OTHER


@pytest.mark.parametrize(
    ("printed", "prefilled"),
    [("Jose Ortiz", "José Ortiz"), ("José Ortiz", "José Ortiz"), ("Josie Ortiz", "Josie Ortiz")],
)
def test_the_holders_name_printed_without_its_accents_is_the_holders(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, printed: str, prefilled: str
) -> None:
    """OCR often drops a name's accents: the name that differs from the holder's by them alone
    is prefilled as the ledger spells it; any other difference is kept, as read."""
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(HOLDER, "José Ortiz"), "utf-8")
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        f"This certifies that {printed}",
        "has successfully completed Upholstery Cleaning Technician",
    )
    assert fields["attendee"]["prefilled"] == prefilled


def test_for_attending_the_ending_its_line_takes_the_title_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Attendance",
            "presented to",
            OTHER,
            "for attending the",
            "Hardwood Floor Drying Forum",
            "May 20, 2026",
        )
    )
    assert got["title"] == "Hardwood Floor Drying Forum"
    assert got["attendee"] == OTHER


@pytest.mark.parametrize("subtitle", [[], ["Approved under the State Mold Rules, Chapter 12", ""]])
def test_a_title_alone_under_the_heading_over_the_labels(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, subtitle: list[str]
) -> None:
    """A state course's page: the heading, the title alone (a subtitle under it or not), then
    the labels, the student's among them."""
    fields = _read(
        ceclog,
        tmp_path,
        "#CERTIFICATE OF COMPLETION",
        "Mold Remediation Supervisor Refresher Course",
        *subtitle,
        "Student: Marcus Delgado",
        "Course Date: May 4, 2026",
    )
    assert fields["title"]["prefilled"] == "Mold Remediation Supervisor Refresher Course"
    assert fields["attendee"]["prefilled"] == OTHER


@pytest.mark.parametrize(
    "rows",
    [
        # a kind of class and nothing more
        ["IICRC Approved Continuing Education Course", "Student: Marcus Delgado"],
        # a school's name
        ["Harbor Restoration Training", "Student: Marcus Delgado"],
        # no attendee named by a label: the line may be the name's place
        ["Mold Remediation Supervisor Refresher Course", "Course Date: May 4, 2026"],
        # the title named by its label: the line under the heading is something else's
        ["Texas Mold Worker Course", "Student: Marcus Delgado", "Course Title: Mold Remediation"],
    ],
)
def test_a_line_under_the_heading_that_may_not_be_the_title_is_left(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str]
) -> None:
    fields = _read(ceclog, tmp_path, "#CERTIFICATE OF COMPLETION", *rows, "Course Hours: 8")
    hows = [c["how"] for c in fields["title"]["candidates"]]
    assert not any(h.startswith("the line under") for h in hows)
    assert fields["title"]["prefilled"] in (None, "Mold Remediation")


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        ([OTHER, "completed", "Drying Hardwood Floors", "Completed on: May 4, 2026"], True),
        # a title wrapped on two lines: its first line is no title
        ([OTHER, "completed", "Drying Hardwood", "Floors and Stairs", "May 4, 2026"], False),
        # "Completed" alone with no name over it: a date's caption
        (["Drying Hardwood Floors", "", "", "Completed", "May 4, 2026"], False),
    ],
)
def test_the_title_under_a_name_and_completed_alone(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str], title: bool
) -> None:
    fields = _read(ceclog, tmp_path, "#Certificate of Training", *rows, "CECs: 3")
    hows = [c["how"] for c in fields["title"]["candidates"]]
    assert ("the line under the name and its verb" in hows) is title
    assert fields["title"]["prefilled"] == ("Drying Hardwood Floors" if title else None)


@pytest.mark.parametrize(
    ("said", "name", "after"),
    [
        ("awarded to", HOLDER, ["Grout and Tile Cleaning Seminar", "March 4, 2026 · Reno, NV"]),
        ("presented to", OTHER, ["Deodorization Fundamentals", "Course Hours: 6"]),
        ("is hereby granted to", HOLDER, ["Carpet Repair and Reinstallation", "11/02/2026"]),
    ],
)
def test_the_title_alone_under_a_name_a_wording_named(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, said: str, name: str, after: list[str]
) -> None:
    """ "awarded to" / the name alone on its line / the title alone on its line / a date or a
    labelled line: the line under the name is the title, whoever the name is."""
    fields = _read(ceclog, tmp_path, "#Certificate of Attendance", said, name, *after)
    assert _prefilled(fields)["title"] == after[0]
    assert [c["how"] for c in fields["title"]["candidates"]] == [
        "the line under the holder's name, alone on its line"
    ]


@pytest.mark.parametrize(
    "after",
    [
        ["Reno, Nevada", "March 4, 2026"],  # a place under the name
        ["Sparks, NV", "March 4, 2026"],
        ["Grout and Tile Cleaning Seminar", "for showing great care in the field"],  # no date
        ["Harbor Restoration Academy", "March 4, 2026"],  # a school
    ],
)
def test_a_line_under_a_named_holder_that_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, after: list[str]
) -> None:
    fields = _read(ceclog, tmp_path, "#Certificate of Attendance", "awarded to", HOLDER, *after)
    assert fields["title"]["candidates"] == []
    assert _prefilled(fields)["attendee"] == HOLDER
