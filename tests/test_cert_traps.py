"""Certificates ceclog's author did not write: the traps a second reader found, each a value
that was once prefilled wrong.  The rule is the issue's: never prefill a wrong value (leaving
a field for the user is a miss, not a defect); and where the certificate is plain, read it."""

from __future__ import annotations

import datetime as dt

import pytest

from ceclog.core.certificates.decided import Certificate, same_person
from ceclog.core.certificates.fields import read_certificates
from ceclog.core.certificates.lines import text_line
from ceclog.store.certificate import load_patterns

PATTERNS = load_patterns()


def _one(*rows: str) -> Certificate:
    lines = [text_line(1, n, row) for n, row in enumerate(rows, 1)]
    (cert,) = read_certificates(lines, PATTERNS, None, dt.date(2026, 11, 30))
    return cert


HEAD = ("Certificate of Completion", "Course Title:   Water Damage Restoration")


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        # an address or an opening time is no class length
        ("Restoration Co., 24 Hours Parkway, Austin TX", "hours", None),
        ("Questions? Call our 24 hour hotline 800-555-0100", "hours", None),
        ("Open 7 days, 24 hours", "hours", None),
        ("Credit Hours:   4", "hours", "4"),
        ("Hours of Training: 24", "hours", "24"),
        ("Training Hours: 6", "hours", "6"),
        # a value that is not one plain number is not guessed at
        ("CEC Hours:   90 minutes", "hours", None),
        ("CEC Hours:   1:30", "hours", None),
        ("CEC Hours:   3 1/2", "hours", None),
        ("CEC Hours:   7 hours 30 minutes", "hours", None),
        ("CEC Hours:   7-14", "hours", None),
        ("CEC Hours:   7 / 14", "hours", None),
        ("CEC Hours:   -7", "hours", None),
        # OCR reads a digit of a code as a stroke ("27718" as "2/7718"): the user types it
        ("Course No.:   2/7718", "approval", None),
        ("Course No.:   27718", "approval", "27718"),
        ("Course No.:   WRT/2026/0412", "approval", "WRT/2026/0412"),
        ("CEC Hours:   1,000", "hours", None),
        ("CEC Hours:   7.5", "hours", "7.5"),
        ("CEC Hours:   14 hours", "hours", "14"),
        ("This course is 3 days, 7 hours per day", "hours", None),
        ("7 hrs classroom, 7 hrs field", "hours", None),
        ("awarded 14 CEC hours", "hours", "14"),
        # a maximum and the amount earned on one line: which one is not for ceclog to pick
        ("Up to 14 CECs may be claimed; this attendee earned 7 CECs", "credits", None),
        # CEUs (IACET: 1 CEU = 10 contact hours) are not CECs
        ("Awarded 1.4 CEUs", "credits", None),
        ("CEUs:   1.4", "credits", None),
        ("and is awarded 14 IICRC CECs", "credits", "14"),
        # two dates that are not a range are two dates: the user says which
        ("Date of Completion:   03/15/2026 (exam 03/20/2026)", "date", None),
        ("Date of Completion:   03/15/2026, 03/16/2026", "date", None),
        ("Date of Completion:   March 17-15, 2026", "date", None),
        ("Date of Completion:   March 15-17, 2026", "date", "2026-03-17"),
        ("Date of Completion:   03/15/2026 - 03/17/2026", "date", "2026-03-17"),
        ("Date of Completion:   15-Mar-2026", "date", "2026-03-15"),
        # issue 23: wordings schools print
        ("Date(s) of Training:   March 3-5, 2026", "date", "2026-03-05"),
        ("Dates of Training:   04/14/2026 - 04/16/2026", "date", "2026-04-16"),
        ("Session Date:   April 9, 2026", "date", "2026-04-09"),
        ("Held:   February 16-18, 2026, Denver, CO", "date", "2026-02-18"),
        ("March 3\u20135, 2026", "date", "2026-03-05"),
        ("October 6, 2026 through October 7, 2026", "date", "2026-10-07"),
        ("   October 6, 2026 \u2013 October 8, 2026", "date", "2026-10-08"),
        ("October 7, 2026 through October 6, 2026", "date", None),
        ("Given this 14th day of March, 2026", "date", "2026-03-14"),
        ("has successfully completed Odor Control on September 14, 2025", "date", "2025-09-14"),
        ("Sara Novak has successfully completed HST on 11/27/2025.", "date", "2025-11-27"),
        ("a 19 contact hours course, held March 10-12, 2026", "date", "2026-03-12"),
        ("IICRC Course Approval #:   18-4471", "approval", "18-4471"),
        ("Instructor: Bob Jones | IICRC Approval #: 20-1187", "approval", "20-1187"),
        ("Session Date: 08/19/2026 | Course Approval #: SMT-2211 | Credits: 7", "credits", "7"),
        ("Course #:   RCT-118", "approval", "RCT-118"),
        ("Hosted by:   Fresh Air Training Center", "provider", "Fresh Air Training Center"),
        ("Midwest Academy is an IICRC Approved School (#4471)", "provider", "Midwest Academy"),
        ("21 classroom hours / 3.0 CECs", "credits", "3"),
        ("21 classroom hours / 3.0 CECs", "hours", "21"),
        # a footnote, a sentence after a code
        ("1 CEU = 10 contact hours", "hours", None),
        ("IICRC Approval #: 21-0045. This course meets IICRC criteria.", "approval", "21-0045"),
        # what follows a code is no part of it; a second number is for the user
        ("IICRC Course Approval #: 45-7702 (24 CEC hours)", "approval", "45-7702"),
        # the line's next item, an amount after a dash, is no second number
        ("IICRC School No. 2764 - 14 CECs", "approval", "2764"),
        # "N hours" first on a line of items, the school's after a dash
        ("14 HOURS - IICRC SCHOOL 1733", "hours", "14"),
        ("Call us 24 Hours - 7 Days a Week", "hours", None),
        ("24 Hours - 7 Days a Week", "hours", None),
        ("IICRC School No. 2764 - 14 CECs - 2765", "approval", None),
        ("Approval #:   45-7702 approved for CECs", "approval", "45-7702"),
        ("Approval #:   45-7702 / 45-7703", "approval", None),
        # labels certificates use
        ("IICRC Course #:   C-4471", "approval", "C-4471"),
        # a label and its value in brackets, a column of their own
        ("CECs:  2          (Course # 26-1402)", "approval", "26-1402"),
        ("CEC Approval No.   C-4471", "approval", "C-4471"),
        ("Course ID:   C-4471", "approval", "C-4471"),
        ("Name of Technician:   Jane Smith", "attendee", "Jane Smith"),
        ("Learner:   Jane Smith", "attendee", "Jane Smith"),
        # a second reader's traps: sentences about something else
        ("Note: technicians must earn 14 CECs every four years to renew.", "credits", None),
        ("IICRC awards 1 CEC per hour of approved classroom instruction.", "credits", None),
        ("Prerequisite: WRT certification (19 classroom hours)", "hours", None),
        ("2 days (14 hours), including 4 hours of instruction in the lab.", "hours", None),
        ("Part 1 of 2. The complete program totals 14 contact hours.", "hours", None),
        ("Your next refresher course is to be completed on 03/13/2029.", "date", None),
        ("Approval #:   Pending (submitted 02/01/2026)", "approval", None),
        ("Presented by:   Mike Jones, Lead Instructor", "provider", None),
        ("Participant ID:   100234", "attendee", None),
        ("This is to certify that the individual named below", "attendee", None),
        ("The IICRC certifies that this course meets its criteria.", "attendee", None),
        ("has successfully completed all requirements for", "title", None),
        ("successfully completed on March 13, 2026 the IICRC-approved course", "title", None),
        (
            "has successfully completed Seminar on the 2021 S500 Standard",
            "title",
            "Seminar on the 2021 S500 Standard",
        ),
        ("has successfully completed Odor Control on March 13, 2026", "title", "Odor Control"),
    ],
)
def test_a_value_is_prefilled_only_when_the_certificate_says_it_plainly(
    row: str, field: str, want: str | None
) -> None:
    head = HEAD if field != "title" else HEAD[:1]  # a title case has no other title
    cert = _one(*head, row)
    assert cert.value(field) == want, cert.fields[field]


def test_a_title_after_for_the_completion_of_is_read() -> None:
    cert = _one(
        "Certificate of Achievement", "for the successful completion of", "Fire Restoration"
    )
    assert cert.value("title") == "Fire Restoration"


def test_a_title_wrapped_at_the_line_end_is_not_cut() -> None:
    cert = _one(
        "Certificate of Completion",
        "Ana Costa has successfully completed the course Applied",
        "Structural Drying and Psychrometry",
    )
    assert cert.value("title") is None
    assert cert.fields["title"].why == "may go on to the next line: type it"


def test_a_title_a_pdf_maker_wrapped_is_joined_when_it_cannot_end_there() -> None:
    cert = _one(
        "Certificate of Completion",
        "                             has successfully completed",
        "Understanding the ANSI/IICRC S500 Standard: What",
        "                                    Changed",
        "                                 Date: Nov. 3, 2026",
    )
    assert cert.value("title") == "Understanding the ANSI/IICRC S500 Standard: What Changed"


@pytest.mark.parametrize(
    "rows",
    [
        ("has successfully completed", "Understanding the S500 Standard", "What Changed"),
        ("Course Title:   Understanding the S500 Standard", "What Changed"),
    ],
)
def test_a_title_with_a_line_below_that_may_carry_it_on_is_left_for_the_user(
    rows: tuple[str, ...],
) -> None:
    cert = _one("Certificate of Completion", *rows, "Date:   Nov. 3, 2026")
    assert cert.value("title") is None
    assert cert.fields["title"].why == "may go on to the next line: type it"


@pytest.mark.parametrize(
    "below",
    ["Date:   Nov. 3, 2026", "October 6, 2026", "Session 2 of 3", "CEC Hours:   14"],
)
def test_a_title_with_another_field_below_it_is_read_alone(below: str) -> None:
    cert = _one("Certificate of Completion", "has successfully completed", "Odor Control", below)
    assert cert.value("title") == "Odor Control"


@pytest.mark.parametrize(
    ("rows", "field", "want"),
    [
        (
            ("3 IICRC CECs", "Technicians must earn 14 CECs every four years."),
            "credits",
            "3",
        ),
        (("14 contact hours (1.4 CEUs*)", "* 1 CEU = 10 contact hours"), "hours", "14"),
    ],
)
def test_a_value_about_something_else_is_no_conflict(
    rows: tuple[str, ...], field: str, want: str
) -> None:
    cert = _one(*HEAD, *rows)
    assert cert.value(field) == want, cert.fields[field]


def test_a_column_heading_is_no_value() -> None:
    # "PARTICIPANT" and "DATE" head two columns; the values are on the line below
    cert = _one(*HEAD, "PARTICIPANT            DATE", "Jane Smith             03/15/2026")
    assert cert.value("attendee") in (None, "Jane Smith")
    assert cert.value("date") in (None, "2026-03-15")
    assert not cert.warnings


@pytest.mark.parametrize(
    ("printed", "same"),
    [
        ("SMITH, JANE", True),
        ("Jane Smith, WRT, ASD", True),
        ("Jane Q. Smith", True),
        ("Jäne Smíth", True),
        ("Michael Torres", False),
        ("Jane Smithers", False),
        ("Jane", False),
    ],
)
def test_the_holder_is_recognised_in_the_ways_certificates_print_a_name(
    printed: str, same: bool
) -> None:
    assert same_person(printed, "Jane Smith") is same


def test_a_page_with_no_class_on_it_is_no_certificate() -> None:
    lines = [
        text_line(1, 1, "Dear Jane Smith,"),
        text_line(1, 2, "Please find your certificate enclosed."),
        text_line(2, 1, "Certificate of Completion"),
        text_line(2, 2, "Course Title:   Odor Control"),
        text_line(2, 3, "CEC Hours:   7"),
    ]
    (cert,) = read_certificates(lines, PATTERNS, "Jane Smith")
    assert cert.pages == (2,) and cert.value("title") == "Odor Control"


def test_a_cover_letter_before_the_certificate_is_no_certificate() -> None:
    lines = [
        text_line(1, 1, "November 3, 2026"),
        text_line(1, 2, "Dear Jane Smith,"),
        text_line(1, 3, "Participant:   Jane Smith"),
        text_line(2, 1, "Certificate of Completion"),
        text_line(2, 2, "Course Title:   Odor Control"),
        text_line(2, 3, "CEC Hours:   7"),
    ]
    (cert,) = read_certificates(lines, PATTERNS, "Jane Smith")
    assert cert.number == 1 and cert.pages == (2,) and cert.value("hours") == "7"


def test_a_table_of_classes_is_no_one_value() -> None:
    # a transcript-like certificate: each row a class; no one row is "the" class, so nothing
    # is read as the class (add --from then says so, and how to type the fields)
    rows = [
        "Certificate of Completion",
        "Course                     Date            Hours",
        "Water Damage Restoration   03/10/2026      19",
        "Applied Structural Drying  03/20/2026      21",
    ]
    lines = [text_line(1, n, row) for n, row in enumerate(rows, 1)]
    assert read_certificates(lines, PATTERNS, None, dt.date(2026, 11, 30)) == []


def test_a_completion_date_after_today_is_no_class_taken() -> None:
    cert = _one(*HEAD, "Date of Completion:   2027-01-15")
    assert cert.value("date") is None
    assert "after today" in (cert.fields["date"].why or "")


def test_a_signers_job_title_is_no_course_title() -> None:
    cert = _one(*HEAD, "Name:   Robert Kline", "Title:   Director of Training")
    assert cert.value("title") == "Water Damage Restoration"


def test_a_title_that_runs_on_to_the_next_line_is_not_cut() -> None:
    cert = _one(
        "Certificate of Completion",
        "has successfully completed the course entitled",
        "Fire and Smoke Restoration Technician:",
        "Residential and Commercial Losses",
        "CEC Hours:   14",
    )
    assert cert.value("title") is None
    assert cert.fields["title"].why == "continues on the next line: type it"
