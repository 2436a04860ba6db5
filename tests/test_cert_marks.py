"""What a page's print adds to its words: a justified paragraph's wide word spacing, a logo's
letters or mark before the school's name, a trademark sign, a caption running into a number's
label; and how a booth card names the firm whose booth gave the session.  Each certificate is
made as a PDF in our own words and read through the command line, as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import cert_fixtures as fx
import pytest

from ceclog.core.certificates.fields import read_certificates
from ceclog.core.certificates.lines import text_line
from ceclog.store.certificate import load_patterns
from conftest import Ceclog, make_ledger


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _justified(*lines: str) -> list[fx.Row]:
    """A paragraph's lines at the left margin, as a justified paragraph prints them: each
    word two spaces apart but the last line's."""
    *spread, last = lines
    return [*([(20.0, "  ".join(ln.split()))] for ln in spread), [(20.0, last)]]


@pytest.mark.parametrize(
    ("length", "held"),
    [
        ("two-day", "conducted at our Dayton, Ohio training facility on May 11-12, 2026, and"),
        ("14-hour", "held at our Dayton, Ohio training facility on May 11-12, 2026, and"),
    ],
)
def test_a_justified_paragraph_is_read_as_its_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, length: str, held: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Point Restoration School",
        "#Certificate",
        *_justified(
            f"This is to certify that Dana Reyes has satisfactorily completed the {length}",
            "course of study entitled Upholstery and Fabric Cleaning Technician (UFT)",
            held,
            "is hereby awarded fourteen (14) Continuing Education Credits.",
        ),
    )
    assert got["title"] == "Upholstery and Fabric Cleaning Technician (UFT)", got["_"]["title"]
    assert (got["date"], got["credits"], got["attendee"]) == ("2026-05-12", "14", "Dana Reyes")


def test_a_table_row_two_spaces_apart_stays_columns(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    # a form's label and value a little apart: no paragraph, the label still reads its value
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        [(20, "Student:"), (45, "Dana Reyes")],
        [(20, "Course:"), (45, "Odor Control Technician")],
        [(20, "Date:"), (45, "May 12, 2026")],
    )
    assert (got["title"], got["date"]) == ("Odor Control Technician", "2026-05-12")


@pytest.mark.parametrize(
    ("top", "provider"),
    [
        # a logo's letters, the initials of the name beside them
        ([(20, "HP"), (40, "Harbor Point Restoration School")], "Harbor Point Restoration School"),
        ([(20, "LRS"), (40, "LAKESIDE RESTORATION SCHOOL")], "LAKESIDE RESTORATION SCHOOL"),
        # up to three letters are a logo's, its initials or not
        ([(20, "QX"), (40, "Harbor Point Restoration School")], "Harbor Point Restoration School"),
        (
            [(20, "HPRS"), (40, "Harbor Point Restoration School")],
            "Harbor Point Restoration School",
        ),
    ],
)
def test_a_logo_before_the_letterhead_is_no_part_of_the_school(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: fx.Row, provider: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        top,
        [(20, "IICRC Approved School")],
        "#Certificate of Completion",
        [(20, "Student:"), (60, "Dana Reyes")],
        [(20, "Course:"), (60, "Odor Control Technician")],
    )
    assert got["provider"] == provider, got["_"]["provider"]


def _read(*rows: str) -> dict[str, str | None]:
    """What the reader prefills from lines of a PDF's text (signs no PDF font of the tests'
    prints: a logo's triangle, the trademark sign)."""
    lines = [text_line(1, n, row) for n, row in enumerate(rows, 1)]
    (cert,) = read_certificates(lines, load_patterns(), None, dt.date(2026, 11, 30))
    return {f: cert.value(f) for f in ("title", "provider", "date")}


@pytest.mark.parametrize(
    ("top", "course"),
    [
        # a logo's mark before the name, a trademark sign after a word of it
        ("\u25b2 MoistureMap Pro", "Job Documentation"),
        (
            "MoistureMap\u2122 Pro      Certified User Program",
            "MoistureMap\u00ae Pro Job Documentation",
        ),
        (
            "MoistureMap \u00ae Pro      Certified User Program",
            "MoistureMap\u2122 Pro Job Documentation",
        ),
    ],
)
def test_a_logo_s_mark_or_a_trademark_sign_is_no_part_of_a_name_or_a_title(
    top: str, course: str
) -> None:
    got = _read(
        top,
        "Certified User",
        "Student:   Dana Reyes",
        f"Course:   {course}",
        "Date:   May 12, 2026",
        "MoistureMap Pro, Inc. \u00b7 12 Market St, Denver, CO 80202",
    )
    want = course.replace("\u00ae", "").replace("\u2122", "")
    assert got == {"title": want, "provider": "MoistureMap Pro", "date": "2026-05-12"}


@pytest.mark.parametrize(
    ("line", "provider"),
    [
        ("Presented at the booth of Lakeside Restoration Supply", "Lakeside Restoration Supply"),
        ("At the booth of Lakeside Restoration Supply", "Lakeside Restoration Supply"),
    ],
)
def test_a_booth_card_names_the_firm_whose_booth_gave_the_session(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, provider: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        [(20, "Great Lakes Restoration Show 2026"), (120, "Booth 212")],
        "#Certificate of Session Attendance",
        "Dana Reyes",
        "attended the education session",
        "Drying Hardwood Stairs",
        "Date: 2026-04-08",
        line,
        "Education Program Coordinator",
    )
    assert got["provider"] == provider, got["_"]["provider"]
    assert got["title"] == "Drying Hardwood Stairs"


def test_a_sentence_under_a_signature_names_no_school(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    # the school under a signature is prefilled to confirm; a line that is a sentence's verb
    # and its words ("Hosted by ...") is none, the phrase that reads it aside
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "Dana Reyes",
        "attended the education session",
        "Drying Hardwood Stairs",
        "Date: 2026-04-08",
        "Recorded at the Lakeside Restoration Center",
        "Education Program Coordinator",
    )
    assert got["provider"] is None, got["_"]["provider"]


def test_a_letter_spaced_name_keeps_the_comma_before_its_legal_form() -> None:
    got = _read(
        "H A R B O R   P O I N T   S U P P L Y ,   I N C .",
        "Certificate of Training",
        "Student:   Dana Reyes",
        "Course:   Low Grain Refrigerant Dehumidifiers",
        "Date:   May 12, 2026",
        "Lee Park, Training Manager, Harbor Point Supply, Inc.",
    )
    assert got["provider"] == "HARBOR POINT SUPPLY, INC."


@pytest.mark.parametrize(
    "top",
    [
        # a logo's shape in a column of its own before the name
        "\u25cf   H A R B O R   P O I N T   T R A I N I N G   O N L I N E",
        "         \u271a      H A R B O R   P O I N T   T R A I N I N G   O N L I N E",
        # the name's words in spaced capitals, a wide gap between two of them
        "   H A R B O R P O I N T           T R A I N I N G   O N L I N E",
    ],
)
def test_a_letter_spaced_letterhead_is_read_past_a_logo_and_wide_gaps(top: str) -> None:
    got = _read(
        top,
        "Certificate of Completion",
        "Student:   Dana Reyes",
        "Course:   Odor Control Technician",
        "Date:   May 12, 2026",
    )
    assert got["provider"] in ("HARBOR POINT TRAINING ONLINE", "HARBORPOINT TRAINING ONLINE")


@pytest.mark.parametrize(
    ("top", "provider"),
    [
        # the page's acronym says where the letter spacing lost a gap between two words
        (
            "S U M M I T A I R   D U C T   C L E A N E R S   A S S O C I A T I O N",
            "SUMMIT AIR DUCT CLEANERS ASSOCIATION",
        ),
        # it says a word is two, not where ("NATION ALAIR" reads as well): not told
        ("N A T I O N A L A I R   D U C T   C L E A N E R S   A S S O C I A T I O N", None),
    ],
)
def test_a_letterhead_whose_letter_spacing_lost_a_word_gap_is_parted_by_its_acronym(
    top: str, provider: str | None
) -> None:
    acronym = "".join(w[0] for w in (provider or "NATIONAL AIR DUCT CLEANERS ASSOCIATION").split())
    got = _read(
        top,
        "Continuing Education Certificate",
        "Student:   Dana Reyes",
        "Course:   Duct Sealing Methods",
        "Date:   May 12, 2026",
        f"{acronym} CEH Program \u00b7 Keep this certificate for your renewal.",
    )
    assert got["provider"] == provider
