"""A justified paragraph as a PDF's layout gives it: its words two spaces apart, one gap wider
where a name is set in bold, a label's words in small letters running on in its sentence, and
the class's length after the title ("... course consisting of 21 classroom hours").  Each
certificate is made as a PDF in our own words and read through the command line, as a user
would; a line's own reading is checked where the spacing is the point."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from ceclog.core.certificates.lines import text_line
from conftest import Ceclog, make_ledger

LEFT = 20.0


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _spread(text: str) -> str:
    """A line of a justified paragraph: its words two spaces apart (a wider gap kept wider)."""
    return "  ".join(text.split(" "))


def test_a_name_standing_wider_apart_in_a_justified_line_is_read_in_its_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """The holder's name in bold stands a little wider apart from the sentence's words: the
    line is still one sentence, its name the attendee, its title never the next line's words
    run on into the sentence."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Achievement",
        [(LEFT, _spread("We are pleased to certify that  Dana Whitfield has successfully"))],
        [(LEFT, _spread("completed the Commercial Drying Specialist course consisting of 21"))],
        [(LEFT, _spread("classroom hours of lectures and drying exercises in our lab,"))],
        [(LEFT, "and may now sit the certification examination.")],
        "",
        "Given on the 3rd day of June, 2026",
    )
    assert got["attendee"] == "Dana Whitfield", got["_"]["attendee"]
    assert got["title"] == "Commercial Drying Specialist", got["_"]["title"]
    assert got["date"] == "2026-06-03"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        # the sentence runs on through the wider gap: one column, single-spaced
        (
            "This  is  to  certify  that    Dana  Whitfield  has  completed  the",
            "This is to certify that Dana Whitfield has completed the",
        ),
        (
            "awarded  to    Dana  Whitfield  for  attending  the  two-day  seminar",
            "awarded to Dana Whitfield for attending the two-day seminar",
        ),
        # two columns: capitalised words on both sides of the gap, a label's colon before it,
        # a gap wider than a bold name makes, two wider gaps
        (
            "Lead  Instructor  Signature  Line    Training  Director  Signature",
            "Lead  Instructor  Signature  Line    Training  Director  Signature",
        ),
        (
            "Course  of  the  day  was  Drying:    room  one  and  two",
            "Course  of  the  day  was  Drying:    room  one  and  two",
        ),
        (
            "This  is  to  certify  that         Dana  Whitfield  has  completed  the",
            "This  is  to  certify  that         Dana  Whitfield  has  completed  the",
        ),
        (
            "This  is  to  certify  that    Dana  Whitfield    has  completed  the",
            "This  is  to  certify  that    Dana  Whitfield    has  completed  the",
        ),
    ],
)
def test_one_wider_gap_in_a_justified_line_parts_no_columns(printed: str, read: str) -> None:
    assert text_line(1, 1, printed).text == read


@pytest.mark.parametrize(
    ("rest", "hours"),
    [
        # a label's words in small letters going on with the sentence broken off above
        ("classroom hours of lectures and practical drying work in our Salem lab.", "14"),
        ("contact hours of lectures and practical drying work in our Salem lab.", "14"),
    ],
)
def test_a_labels_words_in_small_letters_go_on_with_the_sentence_above(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rest: str, hours: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Point Restoration School",
        [(LEFT, _spread("This is to certify that Dana Whitfield has attended a course with 14"))],
        [(LEFT, _spread(rest))],
        "Course: Odor Control Technician",
        "Date: June 3, 2026",
    )
    assert got["hours"] == hours, got["_"]["hours"]
    assert got["title"] == "Odor Control Technician"


def test_a_label_under_a_finished_sentence_is_read_as_a_label(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Point Restoration School",
        [(LEFT, _spread("This is to certify that Dana Whitfield has attended our drying class."))],
        [(LEFT, "classroom hours: 6")],
        "Course: Odor Control Technician",
    )
    assert got["hours"] == "6", got["_"]["hours"]


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # the class's length after the title ends it; a kind in small letters is not the title's
        (
            "completed the Commercial Drying Specialist course consisting of 21",
            "Commercial Drying Specialist",
        ),
        (
            "completed the Commercial Drying Specialist Course, totaling 21",
            "Commercial Drying Specialist Course",
        ),
        (
            "completed the Commercial Drying Specialist program comprising twenty-one (21)",
            "Commercial Drying Specialist",
        ),
        # what the class consisted of, no length: where the title ends is not told
        ("completed the Commercial Drying Specialist course consisting of drying", None),
    ],
)
def test_a_title_in_a_sentence_ends_before_the_length_of_its_class(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Point Restoration School",
        [(LEFT, _spread("We are pleased to certify that Dana Whitfield has successfully"))],
        [(LEFT, _spread(sentence))],
        [
            (
                LEFT,
                _spread("classroom hours of lectures and practical drying work in our Salem lab,"),
            )
        ],
        [(LEFT, "and may now sit the certification examination.")],
    )
    assert got["title"] == title, got["_"]["title"]


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        # a separator glyph with no character between columns, as a PDF's layout gives it
        (
            "4 Hours  \x7f  4 IICRC CECs  \x7f  Course #26-4410",
            "4 Hours   4 IICRC CECs   Course #26-4410",
        ),
        ("4 Hours \x7f 4 IICRC CECs", "4 Hours   4 IICRC CECs"),
    ],
)
def test_a_glyph_with_no_character_between_columns_parts_them(printed: str, read: str) -> None:
    assert text_line(1, 1, printed).text == read
