"""A title named inside a sentence, its words capitalised, and the sentence going on after it
("attended X, presented by ...", "has completed X, an eight-hour course"); the holder named
under "is hereby presented to" or over "attended the session"; a name followed by what the
sentence says of the person (a licence and its number).  Each certificate is made as a PDF in
our own words and read through the command line, as a user would."""

from __future__ import annotations

from pathlib import Path

import cert_fixtures as fx
import pytest

from conftest import Ceclog, make_ledger

LEFT = 20.0  # a paragraph's lines start at the left margin


@pytest.fixture
def ledger(ledger_path: Path) -> Path:
    return make_ledger(ledger_path, ("WRT", "2020-01-01"))


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Rosa Delgado attended Hardwood Floor Drying & Cavity Injection, presented by",
            "Hardwood Floor Drying & Cavity Injection",
        ),
        (
            "The named student has completed Crawlspace Moisture Control, a six-hour course",
            "Crawlspace Moisture Control",
        ),
        (  # a lowercase kind of class after the title is no part of it
            "who has completed the IICRC Upholstery Cleaning Technician (UCT) course held",
            "IICRC Upholstery Cleaning Technician (UCT)",
        ),
        (  # the title's small words are its own
            "Rosa Delgado attended Mold Awareness for Flooring Installers, presented by",
            "Mold Awareness for Flooring Installers",
        ),
        # where the title ends is not told: left for the user
        ("Rosa Delgado attended Level 2 of the drying program that the school offered", None),
        ("Rosa Delgado has completed the Texas Department of Licensing approved course", None),
        ("Rosa Delgado attended the IICRC-approved class taught by our senior staff", None),
        ("Rosa Delgado has completed the following course and passed its final test", None),
        # a length before the title, a school's name before the kind of class, a title with a
        # comma that goes on capitalised: none is read this way
        ("Rosa Delgado has completed the 2-day Upholstery Cleaning Technician course", None),
        ("Rosa Delgado has completed the Harbor Point Academy course in floor drying", None),
        ("Rosa Delgado completed Lead Renovation, Repair and Painting Refresher at", None),
    ],
)
def test_a_title_named_in_a_sentence_ends_where_the_sentence_goes_on(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, sentence: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Prairie Drying School",
        "Certificate of Attendance",
        [(LEFT, sentence)],
        [(LEFT, "Prairie Drying School on 12 May 2026, for 6 contact hours of instruction.")],
    )
    assert got["title"] == title, got["_"]["title"]
    assert (got["date"], got["hours"]) == ("2026-05-12", "6")


def test_the_holder_under_is_hereby_presented_to(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Lakeshore Restoration Institute",
        "#Certificate of Achievement",
        "#is hereby presented to",
        "#Tomasz Wisniewski-Hart",
        "#for successfully completing",
        "#Commercial Drying Specialist",
        "#June 2, 2026",
    )
    assert got["attendee"] == "Tomasz Wisniewski-Hart"


@pytest.mark.parametrize("verb", ["attended the session", "attended the webinar", "attended"])
def test_the_holder_over_a_line_that_says_they_attended(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, verb: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Booth Seminar Series",
        "#CERTIFICATE OF ATTENDANCE",
        "#K.L. Ambrose",
        f"#{verb}",
        "#Reading Moisture Meters Right",
        "#Held: Feb 25, 2026",
    )
    assert got["attendee"] == "K.L. Ambrose"


@pytest.mark.parametrize(
    ("after", "name"),
    [
        ("Texas Mold Remediation Contractor License RMC1234, attended", "Imani Okoro"),
        ("Registrant No. 55102, attended", "Imani Okoro"),
        ("IICRC Certified Firm owner, attended", "Imani Okoro"),
        # a surname first, its given names after the comma: the whole name, as printed
        ("Grace T., attended", "Okoro, Grace T."),
    ],
)
def test_what_a_sentence_says_of_the_person_after_the_name_is_left_out(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, after: str, name: str
) -> None:
    who = "Okoro" if name.startswith("Okoro") else "Imani Okoro"
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Gulf Coast Mold Academy",
        "#CERTIFICATE OF CONTINUING EDUCATION",
        [(LEFT, f"This is to certify that {who}, {after} and completed the course named below")],
        [(LEFT, "on October 6, 2026, for a total of 14 contact hours of instruction.")],
    )
    assert got["attendee"] == name, got["_"]["attendee"]


@pytest.mark.parametrize(
    ("second", "then", "title"),
    [
        # a centred title broken in two, a date right under it
        (
            "Restoration Technician",
            "March 3-4, 2026",
            "Fire and Smoke Damage Restoration Technician",
        ),
        (  # or a line of labels
            "Restoration Technician",
            "Date of Completion: March 4, 2026",
            "Fire and Smoke Damage Restoration Technician",
        ),
        # a place, a person, a kind of class alone, words of no class: where the title ends is
        # not told
        ("Spokane, Washington", "March 3-4, 2026", None),
        ("Marisol Okonkwo", "March 3-4, 2026", None),
        ("Online Course", "March 3-4, 2026", None),
        ("What Changed", "March 3-4, 2026", None),
        # nothing under it ends the title: a third line may carry it on too
        ("Restoration Technician", "Specialist Program", None),
    ],
)
def test_a_centred_title_broken_in_two_is_read_whole_when_a_date_ends_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, second: str, then: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Larchmont Drying School",
        "#Certificate of Completion",
        "#has satisfactorily completed the approved course",
        "#Fire and Smoke Damage",
        f"#{second}",
        f"#{then}",
        "#14 IICRC CECs",
    )
    assert got["title"] == title, got["_"]["title"]
    assert got["credits"] == "14"


@pytest.mark.parametrize(
    ("second", "title"),
    [
        ("Update", "Drying Wood Floors Best Practices and Moisture Mapping: S500 2021 Update"),
        ("Module Two", None),  # no word of a class: where the title ends is not told
    ],
)
def test_a_centred_title_s_last_word_under_it_is_read_over_blank_rows_to_its_table(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, second: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "presented to",
        "#Dana Reyes",
        "for completion of",
        "Drying Wood Floors Best Practices and Moisture Mapping: S500 2021",
        second,
        "",
        "",
        "",
        [(20, "Date"), (90, "Hours"), (150, "Approval")],
        [(20, "May 7, 2026"), (90, "3"), (150, "CEH-26-001")],
    )
    assert (got["title"], got["date"], got["hours"]) == (title, "2026-05-07", "3")


@pytest.mark.parametrize(
    "top",
    [
        "Harbor Raleigh, North Carolina Safety Institute",  # two columns run together
        "O Harbor Safety Training",  # a logo's ring read as a letter
        "Manufacturer Training",  # who gives a kind of class, no name
    ],
)
def test_a_letterhead_that_may_not_be_a_name_is_only_a_guess(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        f"#{top}",
        "Certificate of Completion",
        "Course Title: Confined Space Entry",
        "Date of Completion: May 4, 2026",
    )
    assert got["provider"] is None
    assert [c["kind"] for c in got["_"]["provider"]["candidates"]] == ["guess"]


def test_a_letterhead_of_no_word_is_no_provider_even_beside_an_approval(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        [(20, "-d"), (120, "Approved Mold Training Provider #MT-0093")],
        "Certificate of Completion",
        "Course Title: Mold Assessment Refresher",
        "Date of Completion: May 4, 2026",
    )
    assert got["provider"] is None


def test_an_approval_number_in_brackets_ends_before_the_closing_bracket(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Completion",
        "Course Title: Mold Assessment Refresher",
        "Date of Completion: May 4, 2026",
        # a bracket that opens on the line above and closes after the number
        "Approved by the Texas Department of Licensing and Regulation (TDLR",
        "Course # 30551)",
    )
    assert (got["approval"], got["date"]) == ("30551", "2026-05-04")


@pytest.mark.parametrize(
    ("spaced", "word"),
    [
        (
            "N O R T H W I N D   R E S T O R AT I O N   A C A D E M Y",
            "NORTHWIND RESTORATION ACADEMY",
        ),
        ("C   E R T I F I C A T E", "CERTIFICATE"),  # a small-capitals initial apart
        ("C e r t i f i c a t e   o f   T r a i n i n g", "Certificate of Training"),
        ("I am a b", "I am a b"),  # words of one or two letters
        ("J R Smith", "J R Smith"),  # initials
        ("A B C D", "A B C D"),  # too short to tell
        ("N O R T H W I N D   12", "NORTHWIND   12"),  # the next column stays where it was
        ("B A R L O W   &   S O N S   D R Y I N G", "BARLOW & SONS DRYING"),  # an "&" apart
        ("Barlow   &   Sons", "Barlow   &   Sons"),  # words set as words
        ("K E S T R E L   T R A I N I N G   C O .", "KESTREL TRAINING CO."),  # its full stop
    ],
)
def test_letter_spaced_words_are_words(spaced: str, word: str) -> None:
    from ceclog.core.certificates.lines import unspaced

    assert " ".join(unspaced(spaced).split()) == " ".join(word.split())
    assert len(unspaced(spaced)) == len(spaced)
    if "12" in spaced:
        assert unspaced(spaced).index("12") == spaced.index("12")


def test_a_letter_spaced_letterhead_under_a_browsers_print_header_is_read(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "11/30/26, 4:05 PM",
        "N O R T H W I N D   R E S T O R A T I O N   A C A D E M Y",
        "Certificate of Completion",
        "Course Title: Confined Space Entry",
        "Date of Completion: May 4, 2026",
    )
    assert got["provider"] == "NORTHWIND RESTORATION ACADEMY"
    assert got["_"]["provider"]["candidates"][0]["unconfirmed"] is not None
    assert got["date"] == "2026-05-04"


@pytest.mark.parametrize(
    ("line", "approval", "unconfirmed"),
    [
        # a school's number where no course approval is printed: prefilled, for you to confirm
        ("IICRC Approved School #:   S-2044", "S-2044", True),
        ("School #:   4410", "4410", True),
        ("IICRC Approved School No. 5512  |  88 Pier Rd, Erie, PA 16507", "5512", True),
        # a course approval on the page wins, and is taken
        ("IICRC Approved Course #AB-1234  \u00b7  IICRC Approved School #5512", "AB-1234", False),
        ("School #: 2291  |  Course Approval #: FSRT-2291", "FSRT-2291", False),
    ],
)
def test_a_schools_number_is_the_approval_only_to_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, approval: str, unconfirmed: bool
) -> None:
    rows: list[fx.Row] = [
        "#Certificate of Completion",
        "Course Title: Odor Control Technician",
        "Date of Completion: May 4, 2026",
        "CEC Hours: 14",
        line,
    ]
    got = fx.prefilled(ceclog, tmp_path, *rows)
    assert got["approval"] == approval
    chosen = next(c for c in got["_"]["approval"]["candidates"] if c["value"] == approval)
    why = "the school's number, where no course approval is printed"
    assert chosen["unconfirmed"] == (why if unconfirmed else None)
    cert = tmp_path / "cert.pdf"
    result = ceclog("add", "--from", str(cert), "--yes", "--cert", "WRT")
    assert result.code == 0, result.err
    written = ledger.read_text()
    assert (f'approval = "{approval}"' in written) is not unconfirmed
    if unconfirmed:
        assert f"not taken: approval {approval!r}: {why}; check it and give --approval" in (
            result.err.replace("\n", " ")
        )


def test_a_schools_number_under_a_tables_heading_is_only_to_confirm(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """ "School #" heading a table's column is the same label: its number is prefilled for you
    to confirm, never written by --yes (before, a heading dropped that and --yes wrote it)."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Completion",
        [(20, "Course"), (100, "Date"), (140, "School #")],
        [(20, "Odor Control Technician"), (100, "May 4, 2026"), (140, "3317")],
        "CEC Hours: 14",
    )
    assert got["approval"] == "3317"
    why = "the school's number, where no course approval is printed"
    assert got["_"]["approval"]["candidates"][0]["unconfirmed"] == why
    result = ceclog("add", "--from", str(tmp_path / "cert.pdf"), "--yes", "--cert", "WRT")
    assert result.code == 0, result.err
    assert "approval" not in ledger.read_text()
    assert 'title = "Odor Control Technician"' in ledger.read_text()


CEB = "Crawlspace Encapsulation Basics"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (f"upon completion of {CEB}", CEB),
        (f"in recognition of completing {CEB}", CEB),
        (f"is awarded this certificate for {CEB} (CEB).", f"{CEB} (CEB)"),  # no full stop
        (f"has completed 6 hours of training in {CEB}", CEB),
        (f'successfully completed the training course "{CEB}"', CEB),
        (f"Training Course: {CEB}", CEB),
        (f"Course Name/Title: {CEB}", CEB),
        # a title that goes on in small words, a label's rest: none
        ("upon completion of the IICRC exam", None),
        ("upon completion of this course, the student may sit the exam", None),
        (f"Course Name / Subject: {CEB}", None),
    ],
)
def test_more_wordings_of_a_title(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, title: str | None
) -> None:
    got = fx.prefilled(ceclog, tmp_path, "#Certificate of Completion", "Name: Dana Reyes", line)
    assert got["title"] == title, got["_"]["title"]


def test_a_letter_spaced_letterhead_with_an_ampersand_is_read_whole(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "C R E S T V I E W   M O L D   &   A I R   I N S T I T U T E",
        "Certificate of Completion",
        "Course Title: Confined Space Entry",
        "Date of Completion: May 4, 2026",
    )
    assert got["provider"] == "CRESTVIEW MOLD & AIR INSTITUTE"


@pytest.mark.parametrize(
    ("line", "provider"),
    [
        # a department after a dash, the next sentence: no part of the name
        (
            "Presented by Keystone Drying Supply - Training Department",
            "Keystone Drying Supply",
        ),
        (
            "Presented by: Keystone Drying Supply. Keep this for your records.",
            "Keystone Drying Supply",
        ),
        (
            "Presented by: Keystone Drying Supply, Inc. Keep this card.",
            "Keystone Drying Supply, Inc.",
        ),
        # a sentence's words are still none
        ("Presented by the expo education committee. Keep this card.", None),
    ],
)
def test_a_providers_name_ends_at_a_dash_or_its_sentence(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, provider: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Attendance",
        "Course Title: Antimicrobial Label Basics",
        "Date of Completion: May 4, 2026",
        line,
    )
    assert got["provider"] == provider, got["_"]["provider"]


@pytest.mark.parametrize(
    ("top", "provider"),
    [
        # an event's name on top: its host is the provider
        ("GULF STATES RESTORATION EXPO", "Gulf States Restoration Association"),
        # a firm's name on top: the host (a distributor) gives way to it
        ("Keystone Drying Academy", "Keystone Drying Academy"),
    ],
)
def test_a_host_gives_way_to_a_schools_letterhead_never_to_an_events(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, top: str, provider: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        f"#{top}",
        "Booth CEC Slip",
        "Session:   Reading Psychrometric Charts",
        "Date:   Oct 22, 2026",
        f"Hosted by Gulf States Restoration Association. {top.title()} thanks you.",
    )
    assert got["provider"] == provider, got["_"]["provider"]


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        (["Attendee: Pat Holder", "Event: Great Lakes Flooring Summit 2026"], None),
        (["Attendee: Pat Holder", "Event Name: Great Lakes Flooring Summit 2026"], None),
        (["Attendee: Pat Holder", "Conference: Mountain West Restoration Forum"], None),
        # a programme's class, where nothing else names one
        (["Attendee: Pat Holder", "Program: Preferred Vendor Program - Estimating Basics"], None),
        (
            [
                "Program: Preferred Vendor Program",
                "Module: Moisture Documentation Standards",
                "Attendee: Pat Holder",
            ],
            "Moisture Documentation Standards",
        ),
        # a session or a presentation named on the page is the title: the event is its host
        (
            [
                "Event: Great Lakes Flooring Summit 2026",
                "Session: Subfloor Moisture Mapping",
                "Attendee: Pat Holder",
            ],
            "Subfloor Moisture Mapping",
        ),
        (
            [
                "Conference: Mountain West Restoration Forum",
                "Presentation: Ozone Safety on the Job",
                "Attendee: Pat Holder",
            ],
            "Ozone Safety on the Job",
        ),
    ],
)
def test_an_event_or_a_program_names_the_title_where_nothing_better_does(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, rows: list[str], title: str | None
) -> None:
    lines: list[fx.Row] = ["#Certificate of Attendance", *rows, "Date: May 14, 2026"]
    got = fx.fields_read(ceclog, tmp_path, lines)["title"]["prefilled"]
    assert got == (title or rows[1].split(": ", 1)[1])


def test_a_person_under_a_providers_label_whose_value_is_far_off_is_no_provider(
    ceclog: Ceclog, ledger: Path, tmp_path: Path
) -> None:
    """Under a label whose own line holds another column's words far off, a date's or a
    number's value may stand in its column (its kind tells it); a signer's name under
    "School:" is no school."""
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "Certificate of Completion",
        "Course Title: Smoke Odor Counteraction",
        "Date of Completion: May 4, 2026",
        [(20, "School:"), (120, "see the seal below")],
        [(20, "Marta Lindqvist"), (120, "Instructor")],
    )
    assert got["provider"] != "Marta Lindqvist"


@pytest.mark.parametrize(
    ("line", "field", "want"),
    [
        ("Produced by Gulf Trade Events, Inc.", "provider", "Gulf Trade Events, Inc."),
        ("Organized by Gulf Trade Events", "provider", "Gulf Trade Events"),
        # a caption's word before the number is no part of it
        ("IICRC Approval:   Course 22640", "approval", "22640"),
        ("IICRC Approval:   No. 22640", "approval", "22640"),
        ("IICRC Approval:   WRT 2211", "approval", "WRT 2211"),  # a code with a word first
    ],
)
def test_an_events_producer_and_an_approval_after_a_captions_word(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, line: str, field: str, want: str
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Certificate of Attendance",
        "Session: Flood Cuts and Drying Goals",
        "Date: October 22, 2026",
        line,
    )
    assert got[field] == want, got["_"][field]


@pytest.mark.parametrize(
    ("salutation", "name"),
    [
        ("Dear Morgan Ellis:", "Morgan Ellis"),
        ("Congratulations, Morgan Ellis. Our records show that you completed", "Morgan Ellis"),
        ("Dear Mr. Ellis:", None),  # a surname alone is no one's whole name
        ("Dear Valued Contractor,", None),  # no person: a word of no name
    ],
)
def test_a_letter_s_salutation_names_its_attendee(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, salutation: str, name: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#Harbor Point Vendor Network",
        "Training Completion Acknowledgment",
        [(LEFT, salutation)],
        [(LEFT, "the required network training module listed below.")],
        [(30, "Module:"), (60, "Program Guidelines and Estimating Standards")],
        [(30, "Duration:"), (60, "3 hours")],
    )
    assert got["attendee"] == name, got["_"]["attendee"]
    assert got["title"] == "Program Guidelines and Estimating Standards"


@pytest.mark.parametrize(
    ("over", "title"),
    [
        ("Water Restoration Technician", "Water Restoration Technician"),
        ("Odor Control Refresher", "Odor Control Refresher"),
        # a heading, a kind of class alone, a school: no title
        ("Certificate of Completion", None),
        ("Online Course", None),
        ("Harbor Point Restoration Institute", None),
    ],
)
def test_a_diploma_s_title_over_the_words_that_award_it(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, over: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        "#H A R B O R   P O I N T   R E S T O R A T I O N   I N S T I T U T E",
        f"#{over}",
        "is hereby awarded to",
        "#Dana Reyes",
        "for completion of the IICRC-approved course held in Mobile, Alabama",
        "September 14 - 16, 2026",
        "19 hours of instruction  |  19 CECs  |  IICRC School #5120",
    )
    assert (got["title"], got["attendee"], got["date"]) == (title, "Dana Reyes", "2026-09-16")


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("Participant", "OSHA 10-Hour Construction Industry Outreach Training"),
        ("Student", "OSHA 10-Hour Construction Industry Outreach Training"),
        ("Instructor", None),  # a signer's caption: the name over it is no attendee's
    ],
)
def test_the_title_under_the_holder_s_name_and_its_caption(
    ceclog: Ceclog, ledger: Path, tmp_path: Path, caption: str, title: str | None
) -> None:
    got = fx.prefilled(
        ceclog,
        tmp_path,
        [(20, "Harbor Point Safety Group"), (180, "Outreach Training Program")],
        "#Certificate of Completion",
        "Dana Reyes",
        caption,
        "OSHA 10-Hour Construction Industry Outreach Training",
        [(60, "Completed: 07/31/2026"), (150, "Total Hours: 10")],
    )
    assert (got["title"], got["date"], got["hours"]) == (title, "2026-07-31", "10")
