"""Wordings a fifth reader's certificates printed: a page of signature lines (each value over
its caption), a school's licence line that starts like a label, and a letterhead whose text
runs into a field printed at the right margin.  Each certificate is made as a PDF and read
through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_corpus as cc
import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, Any]:
    """What `add --from CERT --json` reads from a page of `rows`: each field's prefilled value
    and the texts of its candidates."""
    return fx.fields_read(ceclog, folder, list(rows))


def _prefilled(fields: dict[str, Any]) -> dict[str, str | None]:
    return {name: f["prefilled"] for name, f in fields.items()}


def test_values_over_their_captions_are_read_from_above_never_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """The corpus's page of signature lines (tests/cert_corpus.py)."""
    (cert,) = [c for c in cc.CERTS if c.name == "captions-under-values"]
    fields = _read(ceclog, tmp_path, *cert.page)
    got = _prefilled(fields)
    assert got["attendee"] == "Robert L. Chen III"  # not the title, the line under "Participant"
    assert got["title"] == "Fire and Smoke Restoration Technician"
    assert got["date"] == "2026-08-13"
    assert got["hours"] == "14"
    assert got["approval"] == "FSRT 26-0815"
    hows = [c["how"] for c in fields["attendee"]["candidates"]]
    assert hows == ['caption "Participant", the value above it']


def test_a_table_of_values_over_captions_in_two_columns(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Course Completion",
            [(20, "Priya Ramanathan"), (120, "Applied Structural Drying (ASD)")],
            [(30, "Student"), (140, "Course Title")],
            [(20, "April 14-16, 2026"), (150, "21")],
            [(30, "Dates"), (140, "Classroom Hours")],
            [(20, "ASD-1187-26"), (140, "James Whitfield")],
            [(20, "IICRC Course Approval No."), (150, "Instructor")],
        )
    )
    assert got["attendee"] == "Priya Ramanathan"
    assert got["title"] == "Applied Structural Drying (ASD)"
    assert got["date"] == "2026-04-16"
    assert got["hours"] == "21"
    assert got["approval"] == "ASD-1187-26"


def test_labels_over_their_values_are_still_read_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """The usual layout, a label with its value under it, is no page of captions."""
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Completion",
            "Participant:",
            "Jane Q. Smith",
            "Course Title:",
            "Odor Control Technician",
            "Date of Completion:",
            "May 4, 2026",
        )
    )
    assert (got["attendee"], got["title"], got["date"]) == (
        "Jane Q. Smith",
        "Odor Control Technician",
        "2026-05-04",
    )


def test_labels_without_colons_over_their_values_under_a_letterhead_read_below(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """Each line a lone value over a lone label, as on a page of captions: the last label has
    its value under it, so the labels are over their values (the letterhead is no title)."""
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Summit Restoration Training",
            "Course Title",
            "Odor Control Technician",
            "Date of Completion",
            "May 4, 2026",
        )
    )
    assert (got["title"], got["date"]) == ("Odor Control Technician", "2026-05-04")


def test_a_schools_licence_line_is_no_provider_name(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Lone Star Mold Training Center",
            "TDLR Training Provider License No. MTP0142 - Houston, Texas",
            "Certificate of Completion",
            [(20, "Course Title:"), (75, "Mold Remediation Contractor Refresher")],
            [(20, "Date of Completion:"), (75, "May 19, 2026")],
        )
    )
    assert got["provider"] == "Lone Star Mold Training Center"


def test_a_letterhead_run_into_a_field_at_the_margin_is_parted(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A PDF maker's text layer may run a letterhead into a field printed at its right, with
    no space between ("SafeSite Restoration TrainingDate Issued: ...")."""
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            [(10, "SafeSite Restoration Training"), (56.5, "Date Issued: December 1, 2026")],
            "IICRC Approved School #6630 - Columbus, OH",
            "Certificate of Completion",
            [(20, "Course:"), (75, "Health and Safety Technician (HST)")],
            [(20, "Course Completed:"), (75, "November 19, 2026")],
        )
    )
    assert got["provider"] == "SafeSite Restoration Training"
    assert got["date"] == "2026-11-19"


@pytest.mark.parametrize(
    ("row", "want"),
    [
        ([(20, "IICRC Approval"), (75, "LFT-HLT-1005")], "LFT-HLT-1005"),
        ([(20, "Course Approval"), (75, "AMRT-3307-1026")], "AMRT-3307-1026"),
        ([(20, "IICRC CEC Approval #:"), (75, "2026-EXP-0331")], "2026-EXP-0331"),
        ("IICRC Course Approval: RRT-0922-MFS", "RRT-0922-MFS"),
        ("Approved for 4 IICRC CECs (Approval 26-1104)", "26-1104"),
        ("IICRC CEC: 1 (Approval # IAQA-26-0714-W)", "IAQA-26-0714-W"),
        ("IICRC CEC Approval No. 44102", "44102"),
        ("IICRC Approved School #6630 (Approval #: E-3391)", "E-3391"),
        ([(20, "IICRC Approval"), (75, "Pending")], None),
    ],
)
def test_approval_labels_without_a_number_sign(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str | None
) -> None:
    got = _prefilled(_read(ceclog, tmp_path, "#Certificate of Completion", TITLE, row))
    assert got["approval"] == want


TITLE: fx.Row = [(20, "Course Title:"), (75, "Odor Control Technician")]


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        ([(20, "Technician"), (75, "Sarah-Jane McAllister")], "attendee", "Sarah-Jane McAllister"),
        ([(20, "Name"), (75, "Brian K. Adeyemi")], "attendee", "Brian K. Adeyemi"),
        ([(20, "Student"), (75, "Samantha Ortiz-Reyes")], "attendee", "Samantha Ortiz-Reyes"),
        ([(20, "Licensee:"), (75, "Gregory P. Sutherland")], "attendee", "Gregory P. Sutherland"),
        ([(20, "Instructional Hours"), (75, "8")], "hours", "8"),
        ([(20, "Total Classroom Hours:"), (75, "19")], "hours", "19"),
        ([(20, "Duration"), (75, "2 hours")], "hours", "2"),
        ([(20, "Duration:"), (75, "90 minutes")], "hours", None),
        ([(20, "CEC Value"), (75, "6")], "credits", "6"),
    ],
)
def test_names_and_numbers_in_table_rows_without_colons(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, field: str, want: str | None
) -> None:
    got = _prefilled(_read(ceclog, tmp_path, "#Certificate of Completion", TITLE, row))
    assert got[field] == want


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        (
            ["A 19 contact hours course held March 3-5, 2026 in Raleigh, North Carolina"],
            "2026-03-05",
        ),
        (["Held Thursday, February 26, 2026 at AeroDry HQ, Burnsville, MN"], "2026-02-26"),
        (["Course held 02/23/2026 through 02/25/2026"], "2026-02-25"),
        (["Session held March 5, 2026, 10:00-11:30 AM"], "2026-03-05"),
        (["Monday, September 21 - Tuesday, September 22, 2026"], "2026-09-22"),
        (["March 11 & 12, 2026"], "2026-03-12"),
        ([[(20, "Class Dates:"), (75, "November 17-19, 2026")]], "2026-11-19"),
        ([[(20, "Course Completed:"), (75, "November 19, 2026")]], "2026-11-19"),
        ([[(20, "Completed"), (75, "2026-02-11")]], "2026-02-11"),
        ([[(20, "Date"), (75, "Oct. 5, 2026")]], "2026-10-05"),
        (
            [
                "This letter confirms that the course was held at our facility from Tuesday,",
                "January 13 through Thursday, January 15, 2026.",
            ],
            "2026-01-15",
        ),
    ],
)
def test_dates_held_in_sentences_ranges_and_cells(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str
) -> None:
    got = _prefilled(_read(ceclog, tmp_path, "#Certificate of Completion", TITLE, *rows))
    assert got["date"] == want


DATED: fx.Row = [(20, "Date of Completion:"), (75, "May 4, 2026")]


@pytest.mark.parametrize(
    "lead",
    [
        "for completing the",
        "has satisfactorily completed",
        "has completed 14 hours of instruction and is awarded 14 IICRC CECs for",
        "for attending the live webinar",
        "has completed the Texas Department of Licensing and Regulation approved course",
    ],
)
def test_a_title_on_the_line_after_its_lead(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, lead: str
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Completion",
            "#Jane Q. Smith",
            lead,
            "#Dehumidifier Performance Workshop",
            "",
            DATED,
        )
    )
    assert got["title"] == "Dehumidifier Performance Workshop"


@pytest.mark.parametrize(
    "under",
    [
        "Approved by the IICRC - School 4471 - Spokane, WA",
        "DBPR Provider #0008123 - Tallahassee, FL",
    ],
)
def test_a_letterhead_the_line_under_it_confirms_as_the_school(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, under: str
) -> None:
    got = _prefilled(
        _read(ceclog, tmp_path, "#EMBER RESTORATION SCHOOL", under, "Certificate", TITLE, DATED)
    )
    assert got["provider"] == "EMBER RESTORATION SCHOOL"


def test_hours_as_the_total_instruction_time_in_a_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Completion",
            TITLE,
            DATED,
            "",
            "The course carries 14 CECs. Total instruction time was 15 hours.",
        )
    )
    assert (got["hours"], got["credits"]) == ("15", "14")
    # a line that starts with a label ("Total Instruction") read as a sentence: its number
    got = _prefilled(
        _read(
            ceclog, tmp_path, "#Certificate", TITLE, DATED, "Total instruction time was 15 hours."
        )
    )
    assert got["hours"] == "15"


def test_a_title_carried_on_a_blank_row_below_its_start_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """A held-back tester's set: a double-spaced table whose title wraps onto a line a blank
    row below, right under its start ("Mold-Related Services Continuing Education: Remediation"
    / "Standards and Florida Law") was prefilled cut at the line end, and `--yes` wrote it.
    Such a line may carry the title on: the user types it.  A line elsewhere a blank row
    below (a note at the margin) leaves the title as it is."""
    title = [(20, "Course Title:"), (90, "Mold-Related Services Continuing Education: Remediation")]
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        title,
        "",
        [(90, "Standards and Florida Law")],
    )
    assert fields["title"]["prefilled"] is None
    assert fields["title"]["why_not"] == "may go on to the next line: type it"
    fields = _read(
        ceclog, tmp_path, "#Certificate of Completion", title, "", [(20, "Thank you for attending")]
    )
    assert fields["title"]["prefilled"] == (
        "Mold-Related Services Continuing Education: Remediation"
    )


def test_a_provider_in_a_sentence_is_left_for_the_user(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """ "Presented by the Restoration Experience Convention & Expo education committee." gave
    the sentence's words as the provider, and `--yes` wrote them."""
    said = "Presented by the Restoration Experience Convention & Expo education committee."
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        [(20, "Course Title:"), (75, "Drying Basics")],
        said,
    )
    assert fields["provider"]["prefilled"] is None
    assert [c["problem"] for c in fields["provider"]["candidates"]] == [
        "part of a sentence, not a name: type it"
    ]
