"""Wordings of held-back tester sets that prefilled a wrong value (one written by `--yes`):
a title wrapped across a paragraph of two lines, a name followed by ", who ...", a label
whose neighbour on its line is another column's heading, and a range run into the next cell.
Each certificate is made as a PDF in our own words and read through the command line, as a
user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

LEFT = 20.0  # a paragraph's lines start at the left margin


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def test_a_title_wrapped_in_a_two_line_paragraph_ends_at_its_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Lakeview Cleaning Academy",
        "Certificate",
        [(LEFT, "This certifies that Maria Lopez has successfully completed Upholstery Cleaning")],
        [(LEFT, "Technician (UCT) on March 12, 2026, earning 14 IICRC CECs. IICRC Course")],
        [(LEFT, "Approval # 26-1234.")],
    )
    assert got["title"] == "Upholstery Cleaning Technician (UCT)"  # not "Upholstery Cleaning"
    assert (got["date"], got["credits"], got["attendee"]) == ("2026-03-12", "14", "Maria Lopez")


@pytest.mark.parametrize(
    ("second", "title"),
    [
        # the sentence ends the title: "... Drying." then another sentence
        (
            "Drying. The course included a practical drying exercise in our lab.",
            "Applied Structural Drying",
        ),
        # what it earned ends it
        (
            "Drying, earning 21 IICRC CECs toward certification and renewal.",
            "Applied Structural Drying",
        ),
        # the rest of a sentence, not a title's words: where the title ends is not told
        ("Drying and a practical exercise in the drying lab of the school.", None),
        ("Drying with hands-on practice for restoration technicians everywhere", None),
    ],
)
def test_where_a_paragraphs_title_ends_is_taken_only_from_its_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, second: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Completion",
        [
            (
                LEFT,
                "This is to certify that Owen Marsh has successfully completed Applied Structural",
            )
        ],
        [(LEFT, second)],
    )
    assert got["title"] == title


@pytest.mark.parametrize(
    "row",
    [
        "This certificate is presented to Tomás Ibarra, who has completed the drying course",
        "This certifies that Tomás Ibarra, who attended all sessions, has earned 7 CECs",
    ],
)
def test_a_name_ends_before_a_clause_about_the_person(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "Certificate of Attendance", row)
    assert got["attendee"] == "Tomás Ibarra"


def test_a_labels_neighbour_that_is_another_columns_heading_is_no_value(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A heading row over cells that do not pair with it (three values under two headings):
    "Held" beside the label "Course" is the next column's heading, not a course named Held;
    the course is the cell under its label."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Completion",
        [(20, "Course"), (150, "Held")],
        [(20, "Odor Control Technician"), (120, "July 28, 2026"), (200, "Springfield")],
    )
    assert [c["value"] for c in got["_"]["title"]["candidates"]] == ["Odor Control Technician"]
    assert got["title"] == "Odor Control Technician"


def test_a_range_whose_other_end_runs_into_the_next_column_gives_no_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A US address settles the order of "06/10/2025", but the range's other end reads as no
    date ("06/12/2025" run into the next cell's 21): the first day alone is no class's date."""
    fields = fx.fields_read(
        ceclog,
        tmp_path,
        [
            "#Front Range Drying School",
            "4410 Brighton Blvd, Denver, CO 80216",
            "Course Dates:   06/10/2025 - 06/12/202521",
        ],
    )
    assert fields["date"]["prefilled"] is None
    assert fields["date"]["why_not"] == "'06/12/202521' reads as no date: type the date"


def test_a_value_ends_at_a_middle_dot_before_another_item(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A footer's "Presented by" runs on into small print after a middle dot: the provider
    is the first item (`--yes` once wrote the whole line as the provider)."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Session Attendance Certificate",
        "Session:   Drying Hardwood Floors",
        "Presented by Harbor Expo Partners \u00b7 Keep this certificate for your records.",
    )
    assert got["provider"] == "Harbor Expo Partners"


@pytest.mark.parametrize(
    ("second", "title"),
    [
        # the next line goes on with a capitalised word: the title may go on, it is not cut
        ("Refresher course on May 2, 2026.", None),
        # a clause starts with a small word: the title ended with its line
        ("on May 2, 2026.", "Applied Structural Drying"),
    ],
)
def test_a_sentence_broken_mid_way_over_a_short_line_is_not_cut(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, second: str, title: str | None
) -> None:
    first = "This certifies that Ana Ruiz successfully completed the 4-hour Lead Safety Renovator"
    if title is not None:
        first = "This certifies that Ana Ruiz has successfully completed Applied Structural Drying"
    got = fx.prefilled(
        ceclog, tmp_path, "Certificate of Completion", [(LEFT, first)], [(LEFT, second)]
    )
    assert (got["title"], got["date"]) == (title, "2026-05-02")


CANVA = [
    "#CERTIFICATE OF ACHIEVEMENT",
    "#Mireille Duval",
    "AWARDED TO",
    "#Applied Microbial Remediation Technician",
    "PROGRAM",
    [(20, "03/18/2026"), (120, "21 CECs"), (200, "Approval #40517")],
    [(20, "COMPLETED"), (120, "IICRC CREDITS"), (200, "IICRC COURSE")],
]


def test_values_over_their_captions_a_row_or_more_apart_read_from_above(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A template's big values, each over a small caption ("AWARDED TO", "PROGRAM"): the name
    is above "AWARDED TO", never the title below it."""
    got = fx.prefilled(ceclog, tmp_path, *CANVA)
    assert (got["attendee"], got["title"]) == (
        "Mireille Duval",
        "Applied Microbial Remediation Technician",
    )


@pytest.mark.parametrize(
    "value",
    ["Carpet Cleaning Technician (CCT)", "Water Restoration Course", "Estimating Essentials"],
)
def test_a_course_title_is_never_taken_as_the_attendees_name(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, value: str
) -> None:
    got = fx.prefilled(
        ceclog, tmp_path, "Certificate of Achievement", "THIS CERTIFICATE IS PRESENTED TO", value
    )
    assert got["attendee"] is None


def test_a_title_over_a_cell_word_alone_may_go_on_and_is_not_cut(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """ "Technician" alone under a title is a table's cell word, and also the title's last word
    wrapped onto its own line: the title is left for the user, never prefilled cut short."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Completion",
        "This is to certify that",
        "#Jun Park",
        "has satisfactorily completed",
        "#Applied Microbial Remediation",
        "#Technician",
        "September 14-16, 2026",
    )
    assert (got["title"], got["date"]) == (None, "2026-09-16")


@pytest.mark.parametrize(
    "wording", ["in recognition of completing", "upon successful completion of the"]
)
def test_a_title_on_the_line_under_a_wording_that_ends_its_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, wording: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Diploma",
        "Awarded to",
        "#Jun Park",
        wording,
        "#Upholstery & Fabric Cleaning Technician (UFT)",
        "September 9-10, 2026 - 14 classroom hours",
    )
    assert got["title"] == "Upholstery & Fabric Cleaning Technician (UFT)"
    assert (got["date"], got["hours"]) == ("2026-09-10", "14")


def test_a_title_over_a_dates_caption_alone_ends_on_its_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A stack of captions, each over its value: "DATE" alone under the title is the next
    caption, never the title's last word (as "Technician" may be)."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#CERTIFICATE OF COMPLETION",
        "STUDENT",
        "#JUN PARK",
        "CLASS",
        "#CARPET CLEANING TECHNICIAN",
        "DATE",
        "#JULY 15-16, 2026",
    )
    assert (got["title"], got["date"]) == ("CARPET CLEANING TECHNICIAN", "2026-07-16")


def test_a_schools_sentence_that_confirms_names_no_attendee(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Training",
        "Name:   Jo Park",
        "Harbor Drying confirms that the technician named above completed factory training.",
    )
    assert got["attendee"] == "Jo Park"  # not "conflicting values" with "the technician ..."


@pytest.mark.parametrize(
    ("rows", "field", "want"),
    [
        # "Training" is no person's name: no conflict with the name the label gives
        (
            ("Participant:   Rosa Lind", "This certifies that Training has been completed."),
            "attendee",
            "Rosa Lind",
        ),
        # a speaker with credentials is no school: the label's school stands
        (
            ("Training Provider:   Bayside Drying Academy", "Presented by: Cheryl Vance, CR, WLS"),
            "provider",
            "Bayside Drying Academy",
        ),
        # two names a check takes: still a conflict, the user says which
        (
            ("Participant:   Rosa Lind", "This certifies that Rosa Lindqvist has completed"),
            "attendee",
            None,
        ),
    ],
)
def test_a_value_its_fields_check_refuses_is_no_conflict(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    rows: tuple[str, ...],
    field: str,
    want: str | None,
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "Certificate of Completion", *rows)
    assert got[field] == want


SIGNED: list[fx.Row] = [
    "#Certificate of Completion",
    "This certifies that",
    "#Ines Carvalho",
    "has successfully completed",
    "#Odor Control Technician",
    "Date of Completion:   June 9, 2026",
    "CECs Awarded:   14",
    [(20, "Dana Pratt"), (150, "Ruth Ames")],
]


@pytest.mark.parametrize(
    ("block", "want"),
    [
        # the school under the owner's name, or after a role and a comma
        ([[(20, "Lead Instructor"), (150, "Harbor Carpet Academy")]], "Harbor Carpet Academy"),
        (
            [[(20, "Instructor"), (150, "Owner, Tidewater Drying Institute")]],
            "Tidewater Drying Institute",
        ),
        # two organisations: which gave the class is not told
        ([[(20, "Harbor Carpet Academy"), (150, "Tidewater Drying Institute")]], None),
        # a membership is no school
        ([[(20, "Instructor"), (150, "Member of the Restoration Industry Association")]], None),
        # a person or a role is no school
        ([[(20, "Instructor"), (150, "Director of Education")]], None),
        # a role after a person's name and a comma is no school either
        ([[(20, "Instructor"), (150, "Lena Marsh, Director of Education")]], None),
        ([[(20, "Omar Reyes, Manager of Training Programs"), (150, "Instructor")]], None),
    ],
)
def test_the_school_under_a_signature_is_prefilled_to_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, block: list[fx.Row], want: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, *SIGNED, *block)
    assert got["provider"] == want
    if want is not None:
        (c,) = [c for c in got["_"]["provider"]["candidates"] if c["value"] == want]
        assert c["unconfirmed"] == "the school under a signature, not confirmed by the page"


def test_yes_never_writes_the_school_under_a_signature(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    fx.prefilled(
        ceclog, tmp_path, *SIGNED, [(20, "Lead Instructor"), (150, "Harbor Carpet Academy")]
    )
    result = ceclog("add", "--from", str(tmp_path / "cert.pdf"), "--yes")
    assert result.code == 0, result.err
    assert "not taken: provider 'Harbor Carpet Academy': the school under a signature" in result.err
    assert 'title = "Odor Control Technician"' in ledger.read_text()
    assert "provider" not in ledger.read_text()


def test_a_labelled_provider_wins_over_the_school_under_a_signature(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        *SIGNED[:-1],
        "Training Provider:   Bayside Drying Academy",
        [(20, "Lead Instructor"), (150, "Harbor Carpet Academy")],
    )
    assert got["provider"] == "Bayside Drying Academy"


@pytest.mark.parametrize(
    ("last", "date"),
    [("2026-05-15.", "2026-05-15"), ("May 15, 2026.", "2026-05-15")],
)
def test_a_sentence_whose_last_line_is_only_its_date_is_read_whole(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, last: str, date: str
) -> None:
    """ "... the online course Grout Sealing Basics on" / "2026-05-15.": one sentence, the
    title ending before "on" and its date read (before, "Grout Sealing Basics on" was cut
    short and the date left)."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Online Learning",
        "#Certificate of Completion",
        [(LEFT, "Maria Lopez completed the online course Grout Sealing Basics on")],
        [(LEFT, last)],
        [(LEFT, "Credits: 3 IICRC CECs")],
    )
    assert (got["title"], got["date"]) == ("Grout Sealing Basics", date)


def test_a_title_under_hours_of_instruction_in_and_the_day_on_a_line_of_its_own(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    page: list[fx.Row] = ["#Ridgeline Restoration Training", "certifies that"]
    got = fx.prefilled(
        ceclog,
        tmp_path,
        *page,
        "#Maria Lopez",
        "has completed 14 hours of instruction in",
        "#Upholstery Cleaning Technician",
        "this 19th day of February, 2026",
    )
    assert (got["title"], got["hours"]) == ("Upholstery Cleaning Technician", "14")
    assert got["date"] == "2026-02-19"


def test_an_event_attended_with_its_year_first_and_its_days_after_a_comma(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "We certify that",
        "#Jun Park",
        "attended the 2026 Northern Cleaning Expo & Trade Show, May 4-6, 2026, Fargo, ND",
        "IICRC CECs earned: 2",
    )
    assert got["title"] == "2026 Northern Cleaning Expo & Trade Show"
    assert (got["date"], got["credits"]) == ("2026-05-06", "2")


def test_for_attending_an_approvers_course_ending_its_line_and_instructional_hours(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "is presented to",
        "#Jun Park",
        "for attending the IICRC course",
        "#Applied Structural Drying",
        "Dates: August 4-6, 2026",
        "Total instructional hours: 21",
    )
    assert (got["title"], got["hours"]) == ("Applied Structural Drying", "21")
