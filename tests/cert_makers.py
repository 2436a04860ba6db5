"""The rest of the corpus of issue 23 (`cert_corpus`): certificates Chromium prints from HTML
(a second PDF generator), the photos (fpdf2 pages at 300 dpi, tilted up to 3 degrees), and
the files made from them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import cert_fixtures as fx
from cert_corpus import CERTS, Cert, _c

HTML_CERTS: list[Cert] = [
    _c(
        "html-dates-of-training",
        [
            "#Gulf Coast Restoration School",
            "#Certificate of Completion",
            [(25, "Participant:"), (90, "Mia Torres")],
            [(25, "Course Title:"), (90, "Applied Microbial Remediation Technician")],
            [(25, "Dates of Training:"), (90, "January 12-14, 2026")],
            [(25, "Course Approval #:"), (90, "AMRT-3340")],
            [(25, "Classroom Hours:"), (90, "21")],
        ],
        "chromium",
        title="Applied Microbial Remediation Technician",
        date="2026-01-14",
        hours="21",
        approval="AMRT-3340",
        attendee="Mia Torres",
        provider="Gulf Coast Restoration School",  # the letterhead, for the user to confirm
    ),
    _c(
        "html-hosted",
        [
            "#Certificate of Attendance",
            [(25, "Attendee Name:"), (90, "Noah Kim")],
            [(25, "Seminar Title:"), (90, "Moisture Mapping Essentials")],
            [(25, "Session Date:"), (90, "9/24/2026")],
            [(25, "Hosted by:"), (90, "Pacific Drying Institute")],
            [(25, "CEC Credits:"), (90, "2")],
        ],
        "chromium",
        title="Moisture Mapping Essentials",
        date="2026-09-24",
        credits="2",
        provider="Pacific Drying Institute",
        attendee="Noah Kim",
    ),
    _c(
        "html-given",
        [
            "#Certificate of Completion",
            [(25, "Course Name:"), (90, "Health and Safety Technician")],
            [(25, "Student:"), (90, "Grace Liu")],
            [(25, "Total Hours:"), (90, "7")],
            [(25, "IICRC Course Approval #:"), (90, "HST-5508")],
            "Given this 2nd day of June, 2026",
        ],
        "chromium",
        title="Health and Safety Technician",
        date="2026-06-02",
        hours="7",
        approval="HST-5508",
        attendee="Grace Liu",
    ),
    _c(
        "html-completed-on",
        [
            "#Certificate of Completion",
            "Elias Berg has successfully completed Odor Control Technician on October 3, 2025",
            [(25, "CECs:"), (90, "14")],
            [(25, "Presented by:"), (90, "Clear Air Academy")],
        ],
        "chromium",
        title="Odor Control Technician",
        date="2025-10-03",
        credits="14",
        provider="Clear Air Academy",
        attendee="Elias Berg",
    ),
    _c(
        "html-pipe",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Carpet Cleaning Technician")],
            [(25, "Instructor: Amy Shaw | IICRC Approval #: CCT-1020")],
            [(25, "Completion Date:"), (90, "07/07/2026")],
            [(25, "CEC Hours:"), (90, "14")],
        ],
        "chromium",
        title="Carpet Cleaning Technician",
        date="2026-07-07",
        hours="14",
        approval="CCT-1020",
    ),
    _c(
        "html-held",
        [
            "#Certificate of Completion",
            [(25, "Class Title:"), (90, "Fire and Smoke Restoration Technician")],
            [(25, "Held:"), (90, "November 4\u20136, 2025")],
            [(25, "Sponsored by:"), (90, "Ember Restoration Training")],
            [(25, "Course #:"), (90, "FSRT-1104")],
            "14 classroom hours / 2.0 CECs",
        ],
        "chromium",
        title="Fire and Smoke Restoration Technician",
        date="2025-11-06",
        hours="14",
        credits="2",
        provider="Ember Restoration Training",
        approval="FSRT-1104",
    ),
    _c(
        "html-footnote",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Lead Safe Work Practices")],
            [(25, "Date of Completion:"), (90, "August 11, 2026")],
            [(25, "Approval #:"), (90, "LSW-0811")],
            "1 CEU = 10 contact hours",
        ],
        "chromium",
        title="Lead Safe Work Practices",
        date="2026-08-11",
        approval="LSW-0811",
    ),
    _c(
        "html-school",
        [
            "#Certificate of Completion",
            [(25, "Course Title:"), (90, "Water Restoration Refresher")],
            [(25, "Completed:"), (90, "March 27, 2026")],
            [(25, "School #:"), (90, "3302")],
            [(25, "Course Approval #:"), (90, "WRR-0327")],
            [(25, "CEC Hours:"), (90, "4")],
        ],
        "chromium",
        title="Water Restoration Refresher",
        date="2026-03-27",
        hours="4",
        approval="WRR-0327",
    ),
]

ALL = CERTS + HTML_CERTS
# photos: pages of the fpdf certificates, each with its tilt (degrees)
PHOTOS: dict[str, float] = {
    "dates-of-training": 1.5,
    "session-date": -2.0,
    "held": 3.0,
    "given-this-day": -1.0,
    "completed-on-sentence": 2.5,
    "pipe-label": -3.0,
    "school-number": 0.8,
    "both-hours-credits": -1.8,
    "letterhead-confirmed": 2.0,
    "table-issue-expiry": -2.6,
    "letterhead-school-line": 1.2,
}


def cert(name: str) -> Cert:
    return next(c for c in ALL if c.name == name)


def html(page: fx.Page) -> str:
    """A page as HTML laid out as fpdf2 lays it out: rows 9 mm apart, columns at x mm."""
    out, y = [], 10.0
    for row in page:
        big = isinstance(row, str) and row.startswith("#")
        style = f"top:{y}mm;font-size:{20 if big else 13}pt;font-weight:{700 if big else 400}"
        if isinstance(row, str):
            text = row.lstrip("#")
            out.append(f'<div style="{style};left:0;width:100%;text-align:center">{text}</div>')
        else:
            out += [f'<div style="{style};left:{x}mm">{t}</div>' for x, t in row]
        y += 12 if big else 9
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>@page{size:letter landscape;"
        "margin:0} body{font-family:'DejaVu Sans',sans-serif} div{position:absolute;"
        "white-space:nowrap}</style></head><body>" + "".join(out) + "</body></html>"
    )


def chromium() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)


def pdf(c: Cert, folder: Path) -> Path:
    """The certificate as a text PDF made by its generator."""
    path = folder / f"{c.name}.pdf"
    if c.maker == "fpdf":
        path.write_bytes(fx.pdf_bytes(fx.Spec(c.name, [c.page], [])))
        return path
    program = chromium()
    assert program is not None
    source = folder / f"{c.name}.html"
    source.write_text(html(c.page), encoding="utf-8")
    subprocess.run(
        [
            program,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            source.as_uri(),
        ],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return path


def photo(name: str, folder: Path) -> Path:
    """The certificate as a 300-dpi photo tilted by its PHOTOS angle."""
    path = folder / f"{name}.jpg"
    path.write_bytes(fx.image(fx.Spec(name, [cert(name).page], []), tilt=PHOTOS[name]))
    return path
