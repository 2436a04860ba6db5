"""A firm's record of its own staff's training ("Employee: ...", "Training: ...", "Duration:
..."), a sentence about the holder under their name (no title), and the class an approver is
named before ("has completed the State DOL-approved training course" / the title), the title
under "participated in the training seminar", and a number ended by a dash between spaces (a
photo's middle dot: "Length: 3 hours - IICRC CECs: 3 - Approval ...").  Each
certificate is made as a PDF and read through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

HOLDER = "Dana Reyes"  # the ledger's holder (conftest.LEDGER_HEAD)


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, Any]:
    return fx.fields_read(ceclog, folder, list(rows))


def _prefilled(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: f["prefilled"] for name, f in fields.items()}


def _certified(ceclog: Ceclog, folder: Path, *rows: fx.Row) -> dict[str, Any]:
    """What a centred certificate of completion for the holder prefills, `rows` under the name."""
    rows = ("#Certificate of Completion", "This certifies that", HOLDER, *rows)
    return _prefilled(_read(ceclog, folder, *rows))


def test_a_firms_staff_training_record_is_read_by_its_captions(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "Harrow Creek Restoration, Inc.",
            "Staff Development Log",
            "#Training Certificate",
            f"Employee: {HOLDER}",
            "Training: Confined Space Entry Awareness",
            "Date: June 9, 2026",
            "Duration: 3 hours",
        )
    )
    assert got["attendee"] == HOLDER
    assert got["title"] == "Confined Space Entry Awareness"
    assert got["date"] == "2026-06-09"
    assert got["hours"] == "3"


def test_a_name_glued_to_a_caption_the_reader_lacks_is_not_the_holders_name(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """'Crew Member: Dana Reyes' under the heading is no name alone on its line, and the
    caption's line under it no title."""
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Training",
        f"Crew Member: {HOLDER}",
        "Topic: Ladder Safety",
        "Date: June 9, 2026",
    )
    assert fields["attendee"]["prefilled"] is None
    assert fields["title"]["prefilled"] is None


def test_a_sentence_under_the_holders_name_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        HOLDER,
        "took part in the chapter's spring meeting and earned 1",
        "IICRC CEC Approval: CE-26-7781",
    )
    assert fields["attendee"]["prefilled"] == HOLDER
    assert fields["title"]["prefilled"] is None


def test_the_title_under_a_class_its_approver_is_named_before(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _certified(
        ceclog,
        tmp_path,
        "has completed the State Licensing Board-approved training course",
        "Mold Assessor Initial Course",
        "May 4-6, 2026",
    )
    assert got["title"] == "Mold Assessor Initial Course"
    assert got["attendee"] == HOLDER


@pytest.mark.parametrize(
    "line",
    [
        "has completed the Gulf Coast Board-approved",
        "has completed the Regional Council Pre-approved",
    ],
)
def test_an_approver_named_before_a_class_is_no_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str
) -> None:
    """The capitalised words after "completed the" end in '-approved': who approved the
    class, never its title (left for the user)."""
    fields = _read(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        f"This certifies that {HOLDER}",
        f"{line} training on May 4, 2026.",
        "Course Hours: 4",
    )
    assert fields["title"]["prefilled"] is None


@pytest.mark.parametrize("duration", ["3 days", "two sessions"])
def test_a_duration_in_days_or_words_is_no_count_of_hours(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, duration: str
) -> None:
    fields = _read(
        ceclog,
        tmp_path,
        "#Training Certificate",
        f"Employee: {HOLDER}",
        "Training: Trench Shoring Basics",
        f"Duration: {duration}",
    )
    assert fields["hours"]["prefilled"] is None


@pytest.mark.parametrize(
    ("line", "hours", "credits"),
    [
        # a photo's middle dots read as dashes: each number ends at its dash
        ("Length: 2 hours - IICRC CECs: 2 - Approval AB-26-7710", "2", "2"),
        ("CE Hours: 6 - CECs: 5 - Reported to the IICRC", "6", "5"),
        # a range, a length in days: no plain number
        ("Length: 2 days - IICRC CECs: 7 - 14", None, None),
    ],
)
def test_a_number_ends_at_a_dash_before_the_lines_next_item(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, hours: str | None, credits: str | None
) -> None:
    got = _prefilled(
        _read(
            ceclog,
            tmp_path,
            "#Certificate of Completion",
            f"This certifies that {HOLDER}",
            "completed Grout Colour Repair on July 8, 2026",
            line,
        )
    )
    assert (got["hours"], got["credits"]) == (hours, credits)


def test_the_title_under_participated_in_the_training_seminar(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = _certified(
        ceclog,
        tmp_path,
        "participated in the training seminar",
        "Dryer Vent Inspection Fundamentals",
        "August 3, 2026 - Online",
    )
    assert (got["title"], got["date"]) == ("Dryer Vent Inspection Fundamentals", "2026-08-03")
