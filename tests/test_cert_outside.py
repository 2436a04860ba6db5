"""Certificates from outside IICRC schools (manufacturers, online platforms, state licensing CE,
in-house records), generated as text PDFs and read through `add --from --json` as a user would:
how their sentences and forms give the class's date and title, and what they must not give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

TOP: list[fx.Row] = [
    "#Northfield Equipment Co.",
    "#Certificate of Training",
    [(25, "Attendee:"), (90, "Robin Vale")],
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, rows: list[fx.Row]) -> dict[str, Any]:
    return fx.fields_read(ceclog, folder, [*TOP, *rows])


@pytest.mark.parametrize(
    ("row", "want"),
    [
        # the days a class was conducted, as "held" gives them
        ("conducted October 5-7, 2026 at Springfield, Illinois", "2026-10-07"),
        ("Conducted on Friday, August 14, 2026 in our training center", "2026-08-14"),
        # "on this the ... day of": the words of a formal certificate
        ("Signed and sealed on this the 3rd day of February, 2026.", "2026-02-03"),
    ],
)
def test_a_date_in_a_sentence_of_where_and_when(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] == want


@pytest.mark.parametrize(
    "row",
    [
        "Next class conducted October 5-7, 2026 in Springfield",  # another class
        "The next course will be conducted on March 2, 2027",
    ],
)
def test_a_date_of_another_class_is_no_date(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] is None


@pytest.mark.parametrize(
    ("row", "want"),
    [
        # an online platform's line: the date in figures after "on"
        ("Course completed online on 2026-03-30 \u00b7 Training hours: 10", "2026-03-30"),
        ("Robin Vale attended the live webinar on 04/16/2026.", "2026-04-16"),
    ],
)
def test_a_date_in_figures_after_on_in_a_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] == want


@pytest.mark.parametrize(
    "row",
    [
        "Report printed on 2026-04-01 by the training portal",  # the day it was printed
        "This record was generated on 04/16/2026.",
        "Certificate expires on 2028-03-30",
        "The class was given on 03/12/2026 - 03/14/2026 in Peoria.",  # never a range's first day
    ],
)
def test_a_date_in_figures_that_is_not_the_class_s(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] is None


@pytest.mark.parametrize(
    ("row", "want"),
    [
        # what follows a date is another clause: the class's length, what it included
        ("held on May 12, 2026 in Akron, Ohio - 6 hours including a hands-on lab", "2026-05-12"),
        ("completed the module on 2026-05-12, including the final quiz.", "2026-05-12"),
    ],
)
def test_a_date_in_a_sentence_that_goes_on_about_the_class(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] == want


@pytest.mark.parametrize(
    "row",
    [
        # what comes before a date still says it is about something else
        "The next session will be held on May 12, 2026 including a lab",
        "Renewal is due on 2026-05-12, including the fee.",
    ],
)
def test_a_date_whose_sentence_says_first_it_is_another(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] is None


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Training topic", "Ladder Safety and Fall Protection"),
        ("Training module", "Documenting Mitigation Jobs for Adjusters"),
    ],
)
def test_a_firm_s_training_record_names_its_topic_or_module(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, label: str, value: str
) -> None:
    rows: list[fx.Row] = [[(25, label), (90, value)], [(25, "Duration"), (90, "2 hours")]]
    assert _read(ceclog, tmp_path, rows)["title"]["prefilled"] == value


def test_a_sentence_about_training_modules_names_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    rows: list[fx.Row] = ["Training modules are assigned by your branch manager."]
    assert _read(ceclog, tmp_path, rows)["title"]["prefilled"] is None


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        (  # the title ends at "on" and a date in figures
            [
                "This certifies that Robin Vale has successfully completed the online course",
                "Drying Equipment Setup and Monitoring on 2026-02-09, including all lessons",
                "and the final quiz, with a passing score of eighty percent or better.",
            ],
            "Drying Equipment Setup and Monitoring",
        ),
        (  # ... and at what the class consisted of, after a comma
            [
                "This certifies that Robin Vale has successfully completed the course Drying",
                "Equipment Setup and Monitoring, consisting of six (6) hours of classroom",
                "instruction and a written examination, given at our Akron training center.",
            ],
            "Drying Equipment Setup and Monitoring",
        ),
        (  # never words in small letters before it: no title
            [
                "This certifies that Robin Vale has successfully completed the requirements",
                "of the equipment programme, consisting of six (6) hours of classroom",
                "instruction and a written examination, given at our Akron training center.",
            ],
            None,
        ),
    ],
)
def test_a_title_in_a_paragraph_ends_where_its_sentence_goes_on(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row], want: str | None
) -> None:
    assert _read(ceclog, tmp_path, rows)["title"]["prefilled"] == want


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("2026-05-14 16:22", "2026-05-14"),  # an LMS's completion stamp: the date and its time
        ("05/14/2026 09:05:31", "2026-05-14"),
        ("2026-05-14 1 6:22", None),  # a digit apart from the time: OCR split something
        ("1 1/19/2026 16:22", None),  # a digit apart from the date
    ],
)
def test_a_date_stamped_with_its_time_of_day(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, value: str, want: str | None
) -> None:
    rows: list[fx.Row] = [[(25, "Completion Date:"), (90, value)]]
    assert _read(ceclog, tmp_path, rows)["date"]["prefilled"] == want


@pytest.mark.parametrize(
    ("row", "want"),
    [
        ("June 9-11, 2026  *  Wichita, Kansas  *  21 classroom hours", "2026-06-11"),
        ("August 4, 2026 * 3 hours", "2026-08-04"),
        ("Valid until June 9, 2028 * renew online", None),  # not a line's first item
        ("* June 9, 2026 *", None),  # a date between asterisks, nothing after it
    ],
)
def test_a_date_as_the_first_of_a_line_s_items_parted_by_asterisks(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str | None
) -> None:
    assert _read(ceclog, tmp_path, [row])["date"]["prefilled"] == want


def test_a_label_s_value_in_small_letters_only_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    rows: list[fx.Row] = [
        "Robin Vale",
        "completed the product course",
        "Moisture Meter Calibration Basics",
        [(25, "Session:"), (90, "live online")],  # how the course was given, not its title
    ]
    title = _read(ceclog, tmp_path, rows)["title"]
    assert title["prefilled"] == "Moisture Meter Calibration Basics"
    (refused,) = [c for c in title["candidates"] if c["value"] == "live online"]
    assert refused["problem"] == "no capital letter in it: not a title"


def test_a_session_in_small_letters_alone_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    rows: list[fx.Row] = [[(25, "Session:"), (90, "self-paced, on demand")]]
    assert _read(ceclog, tmp_path, rows)["title"]["prefilled"] is None


@pytest.mark.parametrize(
    ("after", "want"),
    [
        ("Lead in Construction Awareness", "Lead in Construction Awareness"),
        ("described on the back of this card.", None),  # a sentence's rest, no title
        ([(25, "Course Date:"), (90, "2026-04-02")], None),  # a form's row, no title
    ],
)
def test_a_regulation_s_requirements_completed_for_the_course_on_the_next_line(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, after: fx.Row, want: str | None
) -> None:
    rows: list[fx.Row] = [
        "has completed the training requirements of 29 CFR 1926.62 for the course",
        after,
    ]
    assert _read(ceclog, tmp_path, rows)["title"]["prefilled"] == want


@pytest.mark.parametrize(
    ("row", "want"),
    [
        # a label's value that goes on as a sentence: the name without its words
        ([(25, "Awarded to"), (90, "Morgan Ellis for attending")], "Morgan Ellis"),
        ([(25, "Presented to:"), (90, "Morgan Ellis in recognition of")], "Morgan Ellis"),
        # words in small letters inside it: no name
        ([(25, "Participant:"), (90, "Morgan and the crew")], None),
        # a surname's small words are the name's
        ([(25, "Participant:"), (90, "Ana de la Cruz")], "Ana de la Cruz"),
        ([(25, "Participant:"), (90, "Pieter van Dijk")], "Pieter van Dijk"),
    ],
)
def test_an_attendee_label_s_value_is_a_name_not_a_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, row: fx.Row, want: str | None
) -> None:
    rows: list[fx.Row] = ["#Northfield Equipment Co.", [(25, "Course:"), (90, "Pump Basics")], row]
    assert fx.fields_read(ceclog, tmp_path, rows)["attendee"]["prefilled"] == want
