"""Dates, hours and credits as certificates print them (generated as text PDFs and read through
`add --from --json`, as a user would): a numeric date that reads two ways, read as the page
says it is from (a US address, a UK postcode) or, saying nothing, the one way not after today;
a table of one row under its headings; a number with a remark after it; hours as one item of a
line; a line that starts with "Completed" and its date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from ceclog.core.certificates.order import date_order
from conftest import Ceclog, make_ledger

TOP: list[fx.Row] = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (90, "Odor Control Technician")],
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, rows: list[fx.Row]) -> dict[str, Any]:
    return fx.fields_read(ceclog, folder, [*TOP, *rows])


def _date(where: str, date: str) -> list[fx.Row]:
    return [where, [(25, "Course Date:"), (90, date)]]


@pytest.mark.parametrize(
    ("rows", "want", "note"),
    [
        (
            _date("8900 Research Blvd, Suite 310, Austin, TX 78758", "05/09/2026"),
            "2026-05-09",
            "month first: a US address on the page (TX 78758)",
        ),
        (
            _date("Approved Training Provider - Albany, NY", "8/4/2026"),
            "2026-08-04",
            "month first: a US city and state on the page (Albany, NY)",
        ),
        (
            _date("Phone: (614) 555-0100", "10/02/2026"),
            "2026-10-02",
            "month first: a US phone number on the page ((614) 555-0100)",
        ),
        (
            _date("12 Market Street, Leeds LS1 6DT", "05/09/2026"),
            "2026-09-05",
            "day first: a UK postcode on the page (LS1 6DT)",
        ),
        (  # a range: its last day, read month first
            _date("Austin, TX 78758", "05/04/2026 - 05/05/2026"),
            "2026-05-05",
            "month first: a US address on the page (TX 78758)",
        ),
        (  # a state by its name, with its ZIP code or after its city
            _date("Dallas, Texas 75201", "05/09/2026"),
            "2026-05-09",
            "month first: a US address on the page (Texas 75201)",
        ),
        (
            _date("Held in Grand Rapids, Michigan", "05/09/2026"),
            "2026-05-09",
            "month first: a US city and state on the page (Grand Rapids, Michigan)",
        ),
        (  # the page's own date that reads one way only says how it writes them, first
            [[(25, "Issued:"), (90, "05/21/2026")], *_date("Leeds LS1 6DT", "05/09/2026")],
            "2026-05-09",
            "month first: a date that reads month first only on the page (05/21/2026)",
        ),
        (
            [[(25, "Issued:"), (90, "21/05/2026")], *_date("Online course", "05/09/2026")],
            "2026-09-05",
            "day first: a date that reads day first only on the page (21/05/2026)",
        ),
        (  # a range whose dash runs into both dates
            _date("Austin, TX 78758", "05/04/2026-05/05/2026"),
            "2026-05-05",
            "month first: a US address on the page (TX 78758)",
        ),
        (  # nothing says: day first, Dec 11, is after today (2026-11-22)
            _date("Online course", "11/12/2026"),
            "2026-11-12",
            "month first: the other way, 2026-12-11, is after today",
        ),
    ],
)
def test_a_date_that_reads_two_ways_is_read_as_the_page_says(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str, note: str
) -> None:
    date = _read(ceclog, tmp_path, rows)["date"]
    assert date["prefilled"] == want
    assert any(note in c["notes"] for c in date["candidates"] if c["value"] == want)


@pytest.mark.parametrize(
    "rows",
    [
        # (nothing says where it is from: read month first, to confirm; test_holder_dates)
        _date("100 King St W, Toronto, ON M5V 2T6", "05/09/2026"),  # Canada: both ways
        _date("Phone: (416) 555-0100", "05/09/2026"),  # a Canadian area code
        ["Austin, TX 78758", *_date("Printed in the United Kingdom", "05/09/2026")],  # both
        _date("Albany, WA", "05/09/2026"),  # Western Australia's too: needs its ZIP code
        _date("Austin, TX 78758", "1 1/09/2026"),  # a digit apart (OCR): never prefilled
        # the page's own dates read both ways: nothing says
        [[(25, "Issued:"), (90, "05/21/2026 21/05/2026")], *_date("Online", "05/09/2026")],
    ],
)
def test_a_date_that_reads_two_ways_is_left_when_the_page_does_not_settle_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row]
) -> None:
    assert _read(ceclog, tmp_path, rows)["date"]["prefilled"] is None


def test_evidence_of_where_a_page_is_from() -> None:
    assert date_order(["Tampa, FL 33609"]) == ("md", "a US address on the page (FL 33609)")
    assert date_order(["Perth WA 6000"]) == ("dm", "an Australian address on the page (WA 6000)")
    assert date_order(["Burlington, WA", "Tel. 555-0100"]) is None
    assert date_order(["New England Restoration", "Portland, ME"]) == (
        "md",
        "a US city and state on the page (Portland, ME)",
    )
    assert date_order(["Call 1-876-555-0100"]) is None  # Jamaica: not the US
    assert date_order(["U.S. Department of Labor"]) == (
        "md",
        "the United States named on the page (U.S.)",
    )
    assert date_order(["OSHA 30-Hour Outreach"]) == ("md", "a US agency named on the page (OSHA)")
    assert date_order(["Ask us. Sorted."]) is None  # "us." is no U.S.


def test_a_table_of_one_row_under_its_headings_is_read_column_for_column(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    rows: list[fx.Row] = [
        [(20, "Attendee"), (75, "Completed"), (125, "Time in course"), (170, "CEC")],
        [(20, "Jane Smith"), (75, "2026-03-25"), (125, "3.0 hours"), (170, "1.5")],
    ]
    fields = _read(ceclog, tmp_path, rows)
    assert fields["date"]["prefilled"] == "2026-03-25"
    assert fields["credits"]["prefilled"] == "1.5"
    assert fields["hours"]["prefilled"] is None  # "Time in course" is no label


def test_a_table_of_more_rows_gives_no_value_from_its_headings(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    rows: list[fx.Row] = [
        [(20, "Session"), (100, "Date"), (170, "CEC")],
        [(20, "Drying Basics"), (100, "2026-03-24"), (170, "1.5")],
        [(20, "Mold Basics"), (100, "2026-03-25"), (170, "2")],
    ]
    fields = _read(ceclog, tmp_path, rows)
    assert fields["date"]["prefilled"] is None
    assert fields["credits"]["prefilled"] is None


@pytest.mark.parametrize(
    ("row", "field", "want"),
    [
        ([(25, "CE Hours:"), (90, "4.0 (Laws & Rules)")], "hours", "4"),
        ([(25, "IICRC CEC:"), (90, "1 (Approval # IAQ-26-0714)")], "credits", "1"),
        ("Webinar \u00b7 Tuesday, July 14, 2026 \u00b7 1.5 hours", "hours", "1.5"),
        ([(25, "CE Hours:"), (90, "14 (pending)")], "hours", None),
        ([(25, "CE Hours:"), (90, "3 (days)")], "hours", None),
        ([(25, "CEC Credits:"), (90, "2 (CEUs)")], "credits", None),
        ("Open to all \u00b7 24 hours per day", "hours", None),
    ],
)
def test_a_number_with_a_remark_or_as_an_item_of_a_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, field: str, want: str | None
) -> None:
    assert _read(ceclog, tmp_path, [row])[field]["prefilled"] == want


@pytest.mark.parametrize(
    "label",
    [
        "Date(s):",
        "Awarded:",
        "Date Awarded:",
        "Completion:",
        "Training Completed:",
        "Dates Held:",
        "Attendance Date:",
        "Course End Date:",
    ],
)
def test_the_dates_offices_type_on_a_certificates_form(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, label: str
) -> None:
    rows: list[fx.Row] = [[(25, label), (90, "March 23-25, 2026")], "Printed April 2, 2026"]
    date = _read(ceclog, tmp_path, rows)["date"]
    assert date["prefilled"] == "2026-03-25"
    assert date["candidates"][0]["how"] == f'label "{label.rstrip(":")}"'


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Number of Hours:", "hours"),
        ("Hours Awarded:", "hours"),
        ("Total Credits:", "credits"),
        ("Continuing Education Credits:", "credits"),
        ("CEC's:", "credits"),
        ("CECs Approved:", "credits"),
        ("Number of CECs:", "credits"),
    ],
)
def test_the_amounts_offices_type_on_a_certificates_form(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, label: str, field: str
) -> None:
    got = _read(ceclog, tmp_path, [[(25, label), (90, "7")], "Printed April 2, 2026"])
    assert got[field]["prefilled"] == "7"
    assert got[field]["candidates"][0]["how"] == f'label "{label.rstrip(":")}"'
    # a CEU is no CEC
    ceus = _read(ceclog, tmp_path, [[(25, label), (90, "0.7 CEUs")]])
    assert ceus["credits"]["prefilled"] is None


@pytest.mark.parametrize(
    ("row", "want"),
    [
        ("Completed August 4, 2026", "2026-08-04"),
        ("Completed the 9th day of October, 2026", "2026-10-09"),
        ("Completed September 15, 2026 \u00b7 6 hours", "2026-09-15"),
        ("Successfully completed 05/12/2026", "2026-05-12"),
        ("Completed 2 June 2026", "2026-06-02"),
    ],
)
def test_a_line_starting_with_completed_and_its_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str, want: str
) -> None:
    assert _read(ceclog, tmp_path, ["Pat Holder", row])["date"]["prefilled"] == want


@pytest.mark.parametrize(
    "row",
    [
        "Prerequisite completed August 4, 2026",  # not the line's start: another class's
        "Completed August 2026",  # no day
        "Completed 05/12/2026 - 05/14/2026",  # a range's first day
        "Completed August 4 - 6, 2026",
    ],
)
def test_completed_and_a_date_elsewhere_is_no_completion_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str
) -> None:
    got = _read(ceclog, tmp_path, ["Pat Holder", row])["date"]["prefilled"]
    assert got not in ("2026-08-04", "2026-05-12")


@pytest.mark.parametrize(
    ("row", "want"),
    [
        ("October 29 - November 2, 2026", "2026-11-02"),  # a range across two months
        ("Sept. 28 through Oct. 1, 2026", "2026-10-01"),
        ("Held the 9th of April, 2026, at the Union Hall", "2026-04-09"),  # day before month
        ("held Friday, the 21st day of August, 2026 in Boise", "2026-08-21"),
    ],
)
def test_a_range_across_months_alone_and_held_the_day_of_a_month(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str, want: str
) -> None:
    assert _read(ceclog, tmp_path, ["Pat Holder", row])["date"]["prefilled"] == want


@pytest.mark.parametrize(
    "row",
    [
        "October 29 - November 2, 2026 and Spokane",  # not alone on its line
        "Certified since March 4 - April 2, 2026",
        "Threshold held 12 of 40 points in 2026",  # no month after 'of'
    ],
)
def test_a_range_in_a_line_of_other_words_is_no_range_alone(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: str
) -> None:
    got = _read(ceclog, tmp_path, ["Pat Holder", row])["date"]["prefilled"]
    assert got not in ("2026-11-02", "2026-04-02")


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # another column's value far off on the label's line, the date under the label
        ([[(20, "DATE COMPLETED"), (120, "RSR 4410")], [(20, "June 9, 2026")]], "2026-06-09"),
        ([[(20, "Completion Date"), (120, "Room 12B")], [(20, "06/19/2026")]], "2026-06-19"),
        # under the label no date, or the label's own value next to it: nothing from below
        ([[(20, "DATE COMPLETED"), (120, "RSR 4410")], [(20, "Fort Myers, Florida")]], None),
        ([[(20, "Date Completed: pending")], [(20, "June 9, 2026")]], None),
    ],
)
def test_a_dates_label_beside_another_columns_value_takes_the_one_under_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str | None
) -> None:
    got = fx.fields_read(ceclog, tmp_path, ["#Certificate of Completion", "Pat Holder", *rows])
    assert got["date"]["prefilled"] == want
