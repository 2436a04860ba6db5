"""Wordings a third reader's certificates printed (generated here as text PDFs and read through
`add --from --json`, as a user would): the school named in the letterhead that the page
confirms, a title on the line after the kind of class ("attended the education session"), and
the attendee after "This certificate is presented to" or above "has completed"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

BODY: list[fx.Row] = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (90, "Odor Control Technician")],
    [(25, "Date of Completion:"), (90, "May 4, 2026")],
    [(25, "CEC Hours:"), (90, "14")],
]


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


def _read(ceclog: Ceclog, folder: Path, page: fx.Page) -> dict[str, Any]:
    return fx.fields_read(ceclog, folder, page)


@pytest.mark.parametrize(
    ("top", "bottom", "want", "how"),
    [
        (
            ["#Restoration Training Co.", "IICRC Approved School #1234   Dayton, OH"],
            [],
            "Restoration Training Co.",
            "the letterhead, with 'IICRC Approved School #1234' next to it",
        ),
        (
            ["#Empire Environmental Training, Inc.", "NYS DOL Approved Mold Training Provider #3"],
            [],
            "Empire Environmental Training, Inc.",
            "the letterhead, with 'NYS DOL Approved Mold Training Provider #3' next to it",
        ),
        (
            ["#Gulf Coast Training, LLC", "TDLR Mold Training Provider License No. MTP0452"],
            [],
            "Gulf Coast Training, LLC",
            "the letterhead, with 'TDLR Mold Training Provider License No. MTP0452' next to it",
        ),
        (
            ["#CEC Online Academy", "www.cec-online-academy.example"],
            ["Registrar", "CEC Online Academy"],
            "CEC Online Academy",
            "the letterhead, its name again on the page",
        ),
        (
            ["#Legend Brands University", "Burlington, WA"],
            ["Tom Walters", "Senior Technical Trainer, Legend Brands"],
            "Legend Brands University",
            "the letterhead, its name again, as 'Legend Brands' on the page",
        ),
        (
            ["#Restoration Industry Association", "Mount Laurel, NJ"],
            [[(25, "Karen Liu, CR"), (150, "RIA Director of Education")]],
            "Restoration Industry Association",
            "the letterhead, its initials 'RIA' on the page",
        ),
        (  # an event's name with its year, signed without it
            ["#Gulf Coast Restoration Expo 2026", "Biloxi Convention Center"],
            [[(25, "Ray Tran"), (150, "Gulf Coast Restoration Expo")]],
            "Gulf Coast Restoration Expo 2026",
            "the letterhead, its name again, without its year, as 'Gulf Coast Restoration Expo'"
            " on the page",
        ),
        (  # a heading after a dash (en or em dash too) on its line is no part of the name
            ["#Harbor Drying Institute - Certificate of Attendance"],
            ["Harbor Drying Institute, 12 Pier Rd., Eureka, CA"],
            "Harbor Drying Institute",
            "the letterhead, its name again on the page",
        ),
        (
            ["#DryTrack Software - Webinar Certificate"],
            ["DryTrack Software  \u00b7  Boise, Idaho"],
            "DryTrack Software",
            "the letterhead, its name again on the page",
        ),
        (  # a name in spaced capitals, a column a word, is read whole
            [[(60, "SUMMIT"), (100, "DRYING"), (140, "ACADEMY")], "Reno, Nevada"],
            [[(25, "Ray Tran"), (150, "Summit Drying Academy")]],
            "SUMMIT DRYING ACADEMY",
            "the letterhead, its name again on the page",
        ),
        (
            ["H A R B O R   C A R P E T   I N S T I T U T E", "Eureka, California"],
            [[(25, "Ray Tran"), (150, "HCI Director")]],
            "HARBOR CARPET INSTITUTE",
            "the letterhead, its initials 'HCI' on the page",
        ),
        (
            ["#NADCA", "National Air Duct Cleaners Association | Mount Laurel, NJ"],
            [],
            "National Air Duct Cleaners Association",
            "the letterhead 'NADCA' spelled out on the line below",
        ),
    ],
)
def test_a_letterhead_the_page_confirms_is_the_provider(
    ceclog: Ceclog,
    ledger: Path,
    tmp_path: Path,
    top: list[fx.Row],
    bottom: list[fx.Row],
    want: str,
    how: str,
) -> None:
    provider = _read(ceclog, tmp_path, [*top, *BODY, "", *bottom])["provider"]
    assert provider["prefilled"] == want, provider
    assert [(c["value"], c["kind"], c["how"]) for c in provider["candidates"]] == [
        (want, "letterhead", how)
    ]


@pytest.mark.parametrize(
    "top",
    [
        ["#Kelly Restoration", "Live Online Webinar Series"],  # nothing confirms it, no name
        ["#IICRC", "Acme Academy   IICRC Approved School #12"],  # a logo: the approving body
        ["#IICRC", "Institute of Inspection, Cleaning and Restoration Certification"],
        # a dash before a heading parts a name only: a class's words stay no school's name
        ["#Water Damage Restoration - Certificate of Completion"],
        # spaced capitals of a class, or a word of no capitals among them: no name
        [[(60, "WATER"), (100, "DAMAGE"), (140, "RESTORATION")]],
        [[(60, "SUMMIT"), (100, "Drying"), (140, "ACADEMY")], "Reno, Nevada"],
        ["#Pine Valley - Spring Drying Workshop"],  # no heading after the dash: whole
    ],
)
def test_a_letterhead_nothing_confirms_or_that_approves_stays_a_guess(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: list[fx.Row]
) -> None:
    page: fx.Page = [*top, *BODY, "14 IICRC CECs", "IICRC Course Approval #:   45-1234"]
    provider = _read(ceclog, tmp_path, page)["provider"]
    assert provider["prefilled"] is None
    assert [c["kind"] for c in provider["candidates"]] == ["guess"]


def test_a_provider_a_label_names_wins_over_a_confirmed_letterhead(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    page: fx.Page = [
        "#Acme Academy",
        "IICRC Approved School #12",
        *BODY,
        [(25, "Presented by:"), (90, "Best Training LLC")],
    ]
    assert _read(ceclog, tmp_path, page)["provider"]["prefilled"] == "Best Training LLC"


@pytest.mark.parametrize(
    "sentence",
    [
        "attended the education session",
        "has completed the NADCA webinar",
        "for completing the manufacturer's course",
        "attended the booth demonstration",
        "has completed the online training",
    ],
)
def test_a_title_on_the_line_after_the_kind_of_class_is_read(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str
) -> None:
    page: fx.Page = [
        "#Certificate of Attendance",
        "This certifies that",
        "#Jane Smith",
        sentence,
        "#Moisture Mapping for Insurance Claims",
        "Session Date: September 24, 2026",
        "1.5 IICRC CECs",
    ]
    title = _read(ceclog, tmp_path, page)["title"]
    assert title["prefilled"] == "Moisture Mapping for Insurance Claims", title


def test_the_title_under_presented_to_a_name_for_completing(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    page: fx.Page = ["#Certificate of Completion", "Presented to Jane Smith for completing"]
    page += ["#Moisture Mapping for Insurance Claims", "Date: September 24, 2026"]
    got = _read(ceclog, tmp_path, page)
    assert got["title"]["prefilled"] == "Moisture Mapping for Insurance Claims"
    assert got["attendee"]["prefilled"] == "Jane Smith"


@pytest.mark.parametrize(
    "rows",
    [
        ["This certificate is presented to", "#Jane Smith", "for completing the course"],
        ["#Jane Smith", "has completed the NADCA webinar"],
        ["#Jane Q. Smith", "has successfully completed"],
        # on one line, the name stops before what it is for (a tester's photo gave "Miguel
        # Santos for completing the Dri-Eaz Restoration Drying")
        ["This certificate is presented to Jane Smith for completing the Dri-Eaz workshop"],
        # the name under who recognises it, over what it is for
        ["Northgate Drying Supply recognizes", "#Jane Smith", "for attending the seminar"],
        # a label's name with the sentence going on after it
        [[(20, "Presented to:"), (60, "Jane Smith for completing")]],
        # ... or a licence's number in brackets after it
        [[(20, "Licensee:"), (60, "Jane Smith (MRSR 3127)")]],
        # a sentence that starts with the name and what the person did
        ["Jane Smith has completed the online course"],
        ["Jane Smith completed the company's annual training"],
        ["#Jane Smith", "for successfully completing"],
        ["#Jane Smith", "for the successful completion of the workshop"],
        ["#Jane Smith", "for participation in"],
    ],
)
def test_the_attendee_presented_to_or_above_has_completed_is_read(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[fx.Row]
) -> None:
    page: fx.Page = ["#Certificate of Training", *rows, "#Drying Equipment Essentials"]
    page += ["Given this 14th day of March, 2026", "CEC Hours: 7"]
    attendee = _read(ceclog, tmp_path, page)["attendee"]
    want = "Jane Q. Smith" if "#Jane Q. Smith" in rows else "Jane Smith"
    assert attendee["prefilled"] == want, attendee
    assert {c["value"] for c in attendee["candidates"]} == {want}


@pytest.mark.parametrize(
    ("page", "field"),
    [
        (  # the heading above "has successfully completed" is no one's name
            [
                "#Certificate of Completion",
                "has successfully completed",
                "#Odor Control Technician",
                "Date of Completion: May 4, 2026",
            ],
            "attendee",
        ),
        (  # a school's sentence about itself names no attendee
            [
                "#Certificate of Completion",
                "Northgate Training Academy has completed its IICRC audit",
                "#Odor Control Technician",
                "Date of Completion: May 4, 2026",
            ],
            "attendee",
        ),
        (  # a firm's name over what the class was for is who gave it, not who attended
            [
                "#Certificate of Attendance",
                "#Northgate Supply, Inc.",
                "for attending the seminar",
                "#Odor Control Technician",
                "Date of Completion: May 4, 2026",
            ],
            "attendee",
        ),
        (  # a course's initials on the page do not make the course its provider
            [
                "#Applied Structural Drying",
                "#Certificate of Completion",
                "Date of Completion: May 4, 2026",
                "CEC Hours: 14",
                "Counts toward the ASD certification",
            ],
            "provider",
        ),
    ],
)
def test_a_page_that_only_looks_like_these_wordings_prefills_nothing(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, page: fx.Page, field: str
) -> None:
    assert _read(ceclog, tmp_path, page)[field]["prefilled"] is None


UNCONFIRMED = "the letterhead, not confirmed by the page"


@pytest.mark.parametrize(
    ("top", "want"),
    [
        (["#Harborline Restoration Online"], "Harborline Restoration Online"),
        (["#Tidewater Drying Academy of Virginia"], "Tidewater Drying Academy of Virginia"),
        (["#Crestview Supply Co."], "Crestview Supply Co."),
        (["#QUARRY HILL CLEANING INSTITUTE"], "QUARRY HILL CLEANING INSTITUTE"),
        (["#Northfork Drying Group", "Live Online Webinar Series"], "Northfork Drying Group"),
        # set on two lines at the left, the heading in a column beside them
        (
            [
                [(20, "Granite State Cleaning &")],
                [(20, "Restoration"), (110, "Certificate of Attendance")],
                [(20, "Association")],
            ],
            "Granite State Cleaning & Restoration Association",
        ),
        (
            [[(20, "Granite State Cleaning &")], [(20, "Restoration Association")]],
            "Granite State Cleaning & Restoration Association",
        ),
        # a field's line printed above the letterhead at the right margin
        ([[(150, "Certificate ID: GX-8812")], "#Brightwater Learning"], "Brightwater Learning"),
    ],
)
def test_a_letterhead_that_reads_as_a_schools_or_firms_name_is_prefilled_to_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: list[fx.Row], want: str
) -> None:
    provider = _read(ceclog, tmp_path, [*top, *BODY])["provider"]
    assert provider["prefilled"] == want, provider
    assert [(c["value"], c["kind"], c["unconfirmed"]) for c in provider["candidates"]] == [
        (want, "letterhead", UNCONFIRMED)
    ]


@pytest.mark.parametrize(
    "top",
    [
        ["#Water Damage Restoration Technician"],  # a course's name
        ["#Applied Structural Drying Workshop"],  # ends in no name's word, and a class's
        ["#Advanced Mold Awareness Training"],  # a class's words, though it ends a school's way
        ["#Pat Rivera, WRT, ASD"],  # a person
        ["#Dri-Eaz"],  # one word
        [[(20, "Granite State")], [(20, "Restoration Services")]],  # two lines, still no name
    ],
)
def test_a_letterhead_that_reads_as_no_schools_name_is_not_prefilled(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: list[fx.Row]
) -> None:
    provider = _read(ceclog, tmp_path, [*top, *BODY])["provider"]
    assert provider["prefilled"] is None, provider
    assert all(c["unconfirmed"] is None for c in provider["candidates"])


def test_yes_never_writes_a_letterhead_the_page_does_not_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    _read(ceclog, tmp_path, ["#Harborline Restoration Online", *BODY])
    cert = tmp_path / "cert.pdf"
    result = ceclog("add", "--from", str(cert), "--yes")
    assert result.code == 0, result.err
    assert (
        "not taken: provider 'Harborline Restoration Online': the letterhead, not confirmed by "
        "the page; check it and give --provider\n" in result.err
    )
    text = ledger.read_text()
    assert 'title = "Odor Control Technician"' in text and "provider" not in text


def test_a_folder_with_yes_never_writes_a_letterhead_the_page_does_not_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    drawer = tmp_path / "drawer"
    drawer.mkdir()
    read = _read(ceclog, tmp_path, ["#Harborline Restoration Online", *BODY])
    assert read["provider"]["prefilled"] == "Harborline Restoration Online"  # to confirm
    (tmp_path / "cert.pdf").rename(drawer / "cert.pdf")
    result = ceclog("add", "--from", str(drawer), "--yes")
    assert result.code == 0, result.err
    text = ledger.read_text()
    assert 'title = "Odor Control Technician"' in text
    assert "provider" not in text
