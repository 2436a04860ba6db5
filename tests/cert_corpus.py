"""Certificates as schools print them (issue 23): the wordings a first reading missed and the
traps it fell into: the pages fpdf2 makes (`cert_makers` adds pages Chromium prints from
HTML, the photos, and makes the files).  Each has its truth: the fields printed on it and the
value a careful reader takes from each (None: printed, but not to be prefilled)."""

from __future__ import annotations

from dataclasses import dataclass

import cert_fixtures as fx

FIELDS = ("title", "date", "hours", "credits", "provider", "approval", "attendee")
Truth = dict[str, str | None]


@dataclass
class Cert:
    name: str
    page: fx.Page
    truth: Truth  # printed fields only
    maker: str = "fpdf"  # or "chromium"
    tilt: float = 0.0  # a photo's tilt, degrees (photos only)


def _c(name: str, page: fx.Page, maker: str = "fpdf", **truth: str | None) -> Cert:
    return Cert(name, page, dict(truth), maker)


CERTS: list[Cert] = [
    _c(
        "dates-of-training",
        [
            "#Dry Right Academy",
            "#Certificate of Completion",
            "This certifies that",
            "#Carlos Mendez",
            "has successfully completed",
            "#Water Damage Restoration Technician",
            [(25, "Date(s) of Training:"), (90, "March 3-5, 2026")],
            [(25, "IICRC Course Approval #:"), (90, "18-4471")],
            [(25, "19 classroom hours")],
        ],
        title="Water Damage Restoration Technician",
        date="2026-03-05",
        hours="19",
        approval="18-4471",
        attendee="Carlos Mendez",
        provider="Dry Right Academy",  # the letterhead, for the user to confirm
    ),
    _c(
        "session-date",
        [
            "#Certificate of Attendance",
            [(25, "Participant Name:"), (90, "Dana Whitfield")],
            [(25, "Course Title:"), (90, "Odor Control Technician")],
            [(25, "Session Date:"), (90, "April 9, 2026")],
            [(25, "Hosted by:"), (90, "Fresh Air Training Center")],
            [(25, "CECs:"), (90, "14")],
        ],
        title="Odor Control Technician",
        date="2026-04-09",
        credits="14",
        provider="Fresh Air Training Center",
        attendee="Dana Whitfield",
    ),
    _c(
        "held",
        [
            "#Certificate of Completion",
            "awarded to",
            "#Priya Raman",
            "for completing",
            "#Applied Microbial Remediation Technician",
            [(25, "Held:"), (90, "February 16-18, 2026, Denver, CO")],
            [(25, "Sponsored by:"), (90, "Rocky Mountain Restoration School")],
            [(25, "Course #:"), (90, "AMRT-2026-02")],
            [(25, "Contact Hours:"), (90, "21")],
        ],
        title="Applied Microbial Remediation Technician",
        date="2026-02-18",
        hours="21",
        attendee="Priya Raman",
        provider="Rocky Mountain Restoration School",
        approval="AMRT-2026-02",
    ),
    _c(
        "bare-range",
        [
            "#Fire Academy",
            "#Certificate of Achievement",
            "Presented to",
            "#Owen Gallagher",
            "for the successful completion of",
            "#Fire and Smoke Restoration Technician",
            "March 3-5, 2026",
            "14 IICRC CECs",
        ],
        title="Fire and Smoke Restoration Technician",
        date="2026-03-05",
        credits="14",
        attendee="Owen Gallagher",
        provider="Fire Academy",  # the letterhead, for the user to confirm
    ),
    _c(
        "given-this-day",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Carpet Cleaning Technician")],
            [(25, "Awarded to:"), (90, "Lena Fischer")],
            [(25, "CEC Hours:"), (90, "14")],
            "Given this 14th day of March, 2026",
        ],
        title="Carpet Cleaning Technician",
        date="2026-03-14",
        hours="14",
        attendee="Lena Fischer",
    ),
    _c(
        "completed-on-sentence",
        [
            "#Certificate of Completion",
            "This is to certify that",
            "#Marcus Lee",
            "has successfully completed Commercial Drying Specialist on September 14, 2025",
            [(25, "Credit Hours:"), (90, "21")],
            [(25, "Approval #:"), (90, "C-9912")],
        ],
        title="Commercial Drying Specialist",
        date="2025-09-14",
        hours="21",
        approval="C-9912",
        attendee="Marcus Lee",
    ),
    _c(
        "completed-on-numeric",
        [
            "#Certificate of Completion",
            "Sara Novak has successfully completed Health and Safety Technician on 11/27/2025.",
            [(25, "CECs Awarded:"), (90, "7")],
            [(25, "Provider:"), (90, "SafeSite Learning")],
        ],
        title="Health and Safety Technician",
        date="2025-11-27",
        credits="7",
        provider="SafeSite Learning",
        attendee="Sara Novak",
    ),
    _c(
        "pipe-label",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Upholstery and Fabric Cleaning Technician")],
            [(25, "Instructor: Bob Jones | IICRC Approval #: 20-1187")],
            [(25, "Completion Date: 05/22/2026 | CEC Hours: 14")],
        ],
        title="Upholstery and Fabric Cleaning Technician",
        date="2026-05-22",
        hours="14",
        approval="20-1187",
    ),
    _c(
        "school-number",
        [
            "#Clean Trust Institute",
            "#Certificate of Completion",
            [(25, "Student Name:"), (90, "Tom Okafor")],
            [(25, "Course Title:"), (90, "Rug Cleaning Technician")],
            [(25, "Completion Date:"), (90, "June 2, 2026")],
            [(25, "IICRC Approved School #:"), (90, "S-2044")],
            [(25, "Course #:"), (90, "RCT-118")],
            [(25, "Hours:"), (90, "21")],
        ],
        title="Rug Cleaning Technician",
        date="2026-06-02",
        hours="21",
        approval="RCT-118",
        attendee="Tom Okafor",
        provider="Clean Trust Institute",  # the letterhead, for the user to confirm
    ),
    _c(
        "school-hash",
        [
            "#Certificate of Completion",
            [(25, "Course Name:"), (90, "Structural Drying Refresher")],
            [(25, "School #:"), (90, "4410"), (150, "Course Approval #:"), (200, "C-3307")],
            [(25, "Date Completed:"), (90, "2026-01-22")],
            [(25, "CEC Hours:"), (90, "4")],
        ],
        title="Structural Drying Refresher",
        date="2026-01-22",
        hours="4",
        approval="C-3307",
    ),
    _c(
        "both-hours-credits",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Applied Structural Drying")],
            [(25, "Dates of Training:"), (90, "04/14/2026 - 04/16/2026")],
            "21 classroom hours / 3.0 CECs",
        ],
        title="Applied Structural Drying",
        date="2026-04-16",
        hours="21",
        credits="3",
    ),
    _c(
        "ceu-footnote",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Mold Awareness for Technicians")],
            [(25, "Completion Date:"), (90, "02/13/2026")],
            [(25, "CEUs:"), (90, "0.7")],
            "1 CEU = 10 contact hours",
        ],
        title="Mold Awareness for Technicians",
        date="2026-02-13",
    ),
    _c(
        "wrapped-title",
        [
            "#Certificate of Completion",
            "This certifies that Ana Costa has successfully completed the course Applied",
            "Structural Drying and Psychrometry for Restoration Technicians",
            [(25, "Completion Date:"), (90, "October 8, 2025")],
            [(25, "CEC Hours:"), (90, "14")],
        ],
        title="Applied Structural Drying and Psychrometry for Restoration Technicians",
        attendee="Ana Costa",
        date="2025-10-08",
        hours="14",
    ),
    _c(
        "approval-runs-on",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Water Restoration Refresher")],
            [(25, "Completion Date:"), (90, "January 15, 2026")],
            "IICRC Approval #: 21-0045. This course meets IICRC continuing education criteria.",
            [(25, "CEC Hours:"), (90, "7")],
        ],
        title="Water Restoration Refresher",
        date="2026-01-15",
        hours="7",
        approval="21-0045",
    ),
    _c(
        "presented-by-line",
        [
            "#Certificate of Completion",
            "Presented by Northern Restoration Institute",
            [(25, "Class Title:"), (90, "Trauma and Crime Scene Technician")],
            [(25, "Training Date:"), (90, "07/21/2026")],
            [(25, "Contact Hours:"), (90, "14")],
        ],
        title="Trauma and Crime Scene Technician",
        date="2026-07-21",
        hours="14",
        provider="Northern Restoration Institute",
    ),
    _c(
        "signature-block",
        [
            "#Certificate of Completion",
            [(25, "Name:"), (90, "Julia Brandt")],
            [(25, "Course:"), (90, "Carpet Repair and Reinstallation Technician")],
            [(25, "Completed:"), (90, "03/30/2026")],
            [(25, "CECs Earned:"), (90, "14")],
            "",
            [(25, "_______________________"), (150, "_______________________")],
            [(25, "Director, Pro Carpet Academy"), (150, "Lead Instructor")],
        ],
        title="Carpet Repair and Reinstallation Technician",
        date="2026-03-30",
        credits="14",
        attendee="Julia Brandt",
    ),
    _c(
        "letterhead-confirmed",
        [
            "#Midwest Restoration Academy",
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Odor Control Technician")],
            [(25, "Completion Date:"), (90, "May 4, 2026")],
            [(25, "CEC Hours:"), (90, "14")],
            "Midwest Restoration Academy is an IICRC Approved School (#4471)",
        ],
        title="Odor Control Technician",
        date="2026-05-04",
        hours="14",
        provider="Midwest Restoration Academy",
    ),
    _c(
        "table-issue-expiry",
        [
            "#Certificate of Training",
            [(25, "Learner Name:"), (90, "Henry Ward")],
            [(25, "Course Title:"), (90, "Commercial Carpet Maintenance Technician")],
            [(25, "Date of Training:"), (90, "2026-02-26")],
            [(25, "Date Issued:"), (90, "2026-03-02")],
            [(25, "Expiration Date:"), (90, "2030-02-26")],
            [(25, "IICRC Course Approval #:"), (90, "CCMT-7781")],
            [(25, "CE Hours:"), (90, "7")],
        ],
        title="Commercial Carpet Maintenance Technician",
        date="2026-02-26",
        hours="7",
        approval="CCMT-7781",
        attendee="Henry Ward",
    ),
    _c(
        "two-columns-pipe",
        [
            "#Certificate of Completion",
            [(25, "Course: Stone, Masonry and Ceramic Tile Cleaning")],
            [(25, "Session Date: 08/19/2026 | Course Approval #: SMT-2211 | Credits: 7")],
        ],
        title="Stone, Masonry and Ceramic Tile Cleaning",
        date="2026-08-19",
        credits="7",
        approval="SMT-2211",
    ),
    _c(
        "in-sentence-hours",
        [
            "#Certificate of Completion",
            "This is to certify that",
            "#Ray Donovan",
            "has attended the course entitled",
            "#Water Damage Restoration Technician",
            "a 19 contact hours course, held March 10-12, 2026",
            [(25, "IICRC Approval Number:"), (90, "WRT-0310")],
        ],
        title="Water Damage Restoration Technician",
        date="2026-03-12",
        hours="19",
        approval="WRT-0310",
        attendee="Ray Donovan",
    ),
    # a third reader's wordings: the letterhead the page confirms as the school, a title after
    # the kind of class ("attended the education session"), the attendee after "presented to"
    # or above "has completed"
    _c(
        "letterhead-school-line",
        [
            "#Summit Cleaning Institute",
            "IICRC Approved School #7731 | Denver, CO",
            "#Certificate of Training",
            "This certificate is presented to",
            "#Lucia Moreno",
            "for completing the manufacturer's course",
            "#Dehumidifier Sizing and Placement",
            "Given this 9th day of April, 2026",
            "CEC Hours: 7",
        ],
        title="Dehumidifier Sizing and Placement",
        date="2026-04-09",
        hours="7",
        provider="Summit Cleaning Institute",
        approval="7731",  # the school's number, no course approval printed: for you to confirm
        attendee="Lucia Moreno",
    ),
    _c(
        "acronym-letterhead",
        [
            "#IAQA",
            "Indoor Air Quality Association | Rockville, MD",
            "#Certificate of Completion",
            "#Noah Brandt",
            "has completed the IAQA webinar",
            "#Mold Sampling Basics",
            "Date of Completion: June 18, 2026",
            "IAQA CEH: 2    IICRC CECs: 2",
            "IICRC Approval No. 33-0717",
        ],
        title="Mold Sampling Basics",
        date="2026-06-18",
        credits="2",
        provider="Indoor Air Quality Association",
        approval="33-0717",
        attendee="Noah Brandt",
    ),
    _c(
        "signature-initials",
        [
            "#Pacific Restoration Association",
            "Seattle, WA",
            "#Certificate of Attendance",
            "This certifies that",
            "#Emma Wu",
            "attended the education session",
            "#Thermal Imaging for Water Losses",
            "Session Date: September 24, 2026",
            "1.5 IICRC CECs",
            "",
            [(25, "Karen Liu"), (150, "PRA Director of Education")],
        ],
        title="Thermal Imaging for Water Losses",
        date="2026-09-24",
        credits="1.5",
        provider="Pacific Restoration Association",
        attendee="Emma Wu",
    ),
]

# (cert4) wordings of a tester's fresh set: a speaker, a host and a place are no provider; a
# name in a sentence stops before its verb
CERTS += [
    _c(
        "speaker-presented-by",
        [
            "#THE EXPERIENCE",
            "Session Attendance Certificate",
            [(25, "Name:"), (90, "Dana Whitfield")],
            [(25, "Course Title:"), (90, "Contents Pack-Out Documentation")],
            [(25, "Presented by:"), (90, "Cheryl Vance, CR, WLS")],
            [(25, "Session Date:"), (90, "September 24, 2026")],
        ],
        title="Contents Pack-Out Documentation",
        date="2026-09-24",
        provider=None,
        attendee="Dana Whitfield",
    ),
    _c(
        "host-not-letterhead",
        [
            "#PHOENIX DRYING ACADEMY",
            "Certificate of Attendance",
            "This certifies that Kevin Brandt attended the course",
            [(25, "Course Title:"), (90, "LGR Dehumidification Strategies")],
            [(25, "Hosted by:"), (90, "Jon-Don, Roselle, Illinois")],
            [(25, "Course Date:"), (90, "March 14, 2026")],
        ],
        title="LGR Dehumidification Strategies",
        date="2026-03-14",
        provider="PHOENIX DRYING ACADEMY",  # the host gives way to the letterhead, to confirm
        attendee="Kevin Brandt",
    ),
    _c(
        "provider-city-state",
        [
            "#Certificate of Course Completion",
            "This certifies that Hannah Greene participated in the live class",
            [(25, "Course Title:"), (90, "Odor Control Technician")],
            [(25, "Presented by:"), (90, "Summit Restoration Training, Denver, Colorado")],
            [(25, "Date:"), (90, "May 19-20, 2026")],
        ],
        title="Odor Control Technician",
        date="2026-05-20",
        provider="Summit Restoration Training",
        attendee="Hannah Greene",
    ),
]

# (cert4) tables without colons, titles below their lead or in quotes, dates in sentences and
# lines of their own, hours beside the CECs, an agency before a label
CERTS += [
    _c(
        "table-no-colons",
        [
            "#Dri-Eaz Training Center",
            "CERTIFICATE OF TRAINING",
            [(25, "Student Name"), (90, "Keisha Monroe")],
            [(25, "Course"), (90, "Applied Structural Drying (ASD)")],
            [(25, "Dates"), (90, "04/14/2026 - 04/16/2026")],
            [(25, "Classroom Hours"), (90, "21")],
            [(25, "CECs"), (90, "21")],
            [(25, "Course Approval No.:"), (90, "25-0412-ASD")],
        ],
        title="Applied Structural Drying (ASD)",
        date="2026-04-16",
        hours="21",
        credits="21",
        approval="25-0412-ASD",
        attendee="Keisha Monroe",
        provider="Dri-Eaz Training Center",  # the letterhead, for the user to confirm
    ),
    _c(
        "for-attending-below",
        [
            "#Certificate of Attendance",
            "awarded to",
            "#Thomas Nguyen",
            "for attending",
            "#Restoration Project Management",
            "Saturday, June 13, 2026",
            "8 Hours \u00b7 8 CECs",
            "Awarded 8 IICRC CECs \u00b7 CEC Approval # 26-0613-RPM",
        ],
        title="Restoration Project Management",
        date="2026-06-13",
        hours="8",
        credits="8",
        approval="26-0613-RPM",
        attendee="Thomas Nguyen",
    ),
    _c(
        "webinar-two-digit-years",
        [
            "#Certificate of Participation",
            "This certifies that Elena Kowalczyk participated in the live webinar",
            "#Mold in HVAC Systems",
            [(25, "Webinar Date"), (90, "06/01/26 - 06/02/26")],
            [(25, "TDLR Course Approval #:"), (90, "MAT-0412")],
            [(25, "Course Length:"), (90, "4 hours")],
        ],
        title="Mold in HVAC Systems",
        date="2026-06-02",
        hours="4",
        approval="MAT-0412",
        attendee="Elena Kowalczyk",
    ),
    _c(
        "quoted-title-on-date",
        [
            "#Certificate of Completion",
            'Miguel Santos completed the workshop "Restoration Drying" on April 2, 2026.',
            "The workshop comprised 6 hours of instruction.",
        ],
        title="Restoration Drying",
        date="2026-04-02",
        hours="6",
        attendee="Miguel Santos",
    ),
]

# (cert4) a wall of text: one paragraph whose sentences wrap the date and the approval number
CERTS += [
    _c(
        "wall-of-text",
        [
            "#GULF COAST TRAINING, LLC",
            "Certificate of Continuing Education",
            "This is to certify that Priya Raghunathan attended and completed the 7-hour",
            'continuing education course "Mold Best Practices" presented on the 7th of',
            "February, 2026, and is hereby awarded seven (7) Continuing Education Credits (CECs)",
            "toward the renewal of IICRC certification. IICRC CEC Approval Number:",
            "26-0119-MRB.",
        ],
        title="Mold Best Practices",
        date="2026-02-07",
        hours="7",
        credits="7",
        approval="26-0119-MRB",
        attendee="Priya Raghunathan",
        provider="GULF COAST TRAINING, LLC",  # the letterhead, for the user to confirm
    ),
]

# (cert4) what OCR makes of a middle dot (a dash) and of IICRC (an I dropped)
CERTS += [
    _c(
        "dash-for-dot",
        [
            "#Certificate of Training",
            [(25, "Course Title:"), (90, "Bio-Recovery Technician Course")],
            [(25, "Session Date:"), (90, "1/27/2026")],
            "8 hours - CECs: 8",
            "Credit: 1 Hour - 1 ICRC CEC",
        ],
        title="Bio-Recovery Technician Course",
        date="2026-01-27",
        hours=None,
        credits=None,
    ),
]

# (cert5) a page of signature lines: each value over its caption; a school's licence line
# under the letterhead; a letterhead whose text runs into a field at the right margin
CERTS += [
    _c(
        "captions-under-values",
        [
            "#Certificate of Completion",
            "#Robert L. Chen III",
            "Participant",
            "Fire and Smoke Restoration Technician",
            "Course Completed",
            [(20, "12 - 13 August 2026"), (150, "14")],
            [(20, "Date(s) of Course"), (145, "Contact Hours")],
            [(20, "FSRT 26-0815"), (145, "Nora Vance")],
            [(20, "IICRC Course Approval Number"), (145, "Approved Instructor")],
        ],
        title="Fire and Smoke Restoration Technician",
        date="2026-08-13",
        hours="14",
        approval="FSRT 26-0815",
        attendee="Robert L. Chen III",
    ),
    _c(
        "licence-line-and-glued-letterhead",
        [
            [(10, "Lone Star Mold Training Center"), (61.3, "Date Issued: June 1, 2026")],
            "TDLR Training Provider License No. MTP0142 - Houston, Texas",
            "#Certificate of Completion",
            [(20, "Course Title:"), (75, "Mold Remediation Contractor Refresher")],
            [(20, "Course Completed:"), (75, "May 19, 2026")],
        ],
        title="Mold Remediation Contractor Refresher",
        date="2026-05-19",
        provider="Lone Star Mold Training Center",
    ),
]

# (cert5) a table without colons: names, hours and credits in cells; approvals with no "#"
CERTS += [
    _c(
        "vendor-table-no-colons",
        [
            "#Certificate of Training",
            [(15, "Technician"), (70, "Sarah-Jane McAllister")],
            [(15, "Course"), (70, "Carrier Documentation Standards")],
            [(15, "Completion Date"), (70, "09/14/2026")],
            [(15, "Instructional Hours"), (70, "3")],
            [(15, "CEC Value"), (70, "3")],
            [(15, "IICRC CEC Approval"), (70, "26-7731-IC")],
        ],
        title="Carrier Documentation Standards",
        date="2026-09-14",
        hours="3",
        credits="3",
        approval="26-7731-IC",
        attendee="Sarah-Jane McAllister",
    ),
    _c(
        "approval-in-parentheses",
        [
            "#Certificate of Training",
            "awarded to",
            "#Kevin R. Marsh",
            [(20, "Course Title:"), (75, "Dehumidifier Performance Workshop")],
            [(20, "Date of Completion:"), (75, "February 26, 2026")],
            "Approved for 4 IICRC CECs (Approval 26-1104)",
        ],
        title="Dehumidifier Performance Workshop",
        date="2026-02-26",
        credits="4",
        approval="26-1104",
        attendee="Kevin R. Marsh",
    ),
]

# (cert5) dates in sentences: "held" with what follows it, a range "from ... through ..."
CERTS += [
    _c(
        "held-with-weekday",
        [
            "#Certificate of Training",
            "awarded to",
            "#Maria J. Ortega",
            "for completing the course: Trauma and Crime Scene Technician",
            "",
            "Course held 02/23/2026 through 02/25/2026 at our Tampa facility",
            "21 Contact Hours",
        ],
        title="Trauma and Crime Scene Technician",
        date="2026-02-25",
        hours="21",
        attendee="Maria J. Ortega",
    ),
    _c(
        "two-days-with-ampersand",
        [
            "#Certificate of Completion",
            [(20, "Course Title:"), (75, "Commercial Carpet Maintenance Technician")],
            "March 11 & 12, 2026",
            "14 IICRC CECs",
        ],
        title="Commercial Carpet Maintenance Technician",
        date="2026-03-12",
        credits="14",
    ),
]

# (cert5) a title on the line after its lead: "for completing the", "is awarded ... CECs for"
CERTS += [
    _c(
        "for-completing-the",
        [
            "#AeroDry Equipment Academy",
            "#Certificate of Training",
            "awarded to",
            "#Kevin R. Marsh",
            "for completing the",
            "#Dehumidifier Performance and Psychrometry Workshop",
            "Held Thursday, February 26, 2026 at AeroDry HQ, Burnsville, MN",
        ],
        title="Dehumidifier Performance and Psychrometry Workshop",
        date="2026-02-26",
        attendee="Kevin R. Marsh",
        provider="AeroDry Equipment Academy",  # the letterhead, for the user to confirm
    ),
    _c(
        "awarded-cecs-for",
        [
            "#CERTIFICATE",
            "#Tomasz Wisniewski",
            "has completed 14 hours of instruction and is awarded 14 IICRC CECs for",
            "#Carpet Repair and Reinstallation Technician (RRT)",
            "Monday, September 21 - Tuesday, September 22, 2026",
            "IICRC Course Approval: RRT-0922-MFS",
        ],
        title="Carpet Repair and Reinstallation Technician (RRT)",
        date="2026-09-22",
        hours="14",
        credits="14",
        approval="RRT-0922-MFS",
        attendee="Tomasz Wisniewski",
    ),
]

# (cert5) a letterhead over "Approved by the IICRC": the school (that line approves nothing)
CERTS += [
    _c(
        "approved-by-the-iicrc",
        [
            "#EMBER RESTORATION SCHOOL",
            "Approved by the IICRC - School 4471 - Spokane, WA",
            "Certificate of Completion",
            [(20, "Course Title:"), (75, "Fire and Smoke Restoration Technician")],
            [(20, "Date of Completion:"), (75, "August 13, 2026")],
            "Total instruction time was 14 hours.",
        ],
        title="Fire and Smoke Restoration Technician",
        date="2026-08-13",
        hours="14",
        provider="EMBER RESTORATION SCHOOL",
    ),
]
