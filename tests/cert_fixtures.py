"""Certificates made for the tests and the bench: text PDFs in different layouts (fpdf2), and
the same pages as degraded 300-dpi photos and scans (Pillow, fixed seeds), each with the
fields a careful reader finds on it (`truth`: None where nothing may be prefilled)."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A page is a list of rows, top to bottom: a string is centred; a list of (x in mm, text) is
# placed on one row; "" is a blank row.  Big rows start with "#".
Row = str | list[tuple[float, str]]
Page = list[Row]
ENTRY = ("title", "date", "hours", "credits", "provider", "approval")


@dataclass
class Spec:
    name: str
    pages: list[Page]
    truth: list[dict[str, str | None]]  # per certificate: what must be prefilled (or None)
    note: str = ""
    attendee: list[str | None] = field(default_factory=list)


def _t(
    title: str | None = None,
    date: str | None = None,
    hours: str | None = None,
    credits: str | None = None,
    provider: str | None = None,
    approval: str | None = None,
) -> dict[str, str | None]:
    return dict(
        title=title, date=date, hours=hours, credits=credits, provider=provider, approval=approval
    )


CENTRED: Page = [
    "#Restoration Training Co.",
    "#Certificate of Completion",
    "",
    "This certifies that",
    "#Jane Q. Smith",
    "has successfully completed",
    "#Applied Structural Drying",
    "",
    [(20, "Date of Completion:"), (75, "03/14/2026"), (150, "Approval #:"), (185, "C-5521")],
    [(20, "CEC Hours:"), (75, "14"), (150, "Instructor:"), (185, "Bob Jones")],
]
TABLE: Page = [
    "#Dry Right Academy",
    "#Certificate of Completion",
    "",
    [(30, "Student Name:"), (95, "Jane Smith")],
    [(30, "Course Title:"), (95, "Water Damage Restoration Technician")],
    [(30, "Training Provider:"), (95, "Dry Right Academy LLC")],
    [(30, "Completion Date:"), (95, "March 20, 2026")],
    [(30, "Course Hours:"), (95, "19")],
    [(30, "IICRC Approval #:"), (95, "18-1234")],
]
DAY_FIRST: Page = [
    "#Certificate of Attendance",
    "",
    [(25, "Name:"), (70, "Jane Smith")],
    [(25, "Course:"), (70, "Odour Control Technician")],
    [(25, "Date of Completion:"), (80, "25/03/2026")],
    [(25, "CECs:"), (70, "7")],
    [(25, "Provider:"), (70, "Restoration Academy UK")],
]
ISSUED: Page = [
    "#Certificate of Completion",
    "",
    [(25, "Attendee:"), (80, "Jane Smith")],
    [(25, "Course Title:"), (80, "Commercial Drying Specialist")],
    [(25, "Date Issued:"), (80, "04/02/2026"), (140, "Completion Date:"), (190, "03/28/2026")],
    [(25, "Expiration Date:"), (80, "03/28/2028")],
    [(25, "Contact Hours:"), (80, "21")],
    [(25, "Approval Number:"), (80, "C-7788")],
]
BOOTH: Page = [
    "#Experience Convention 2026",
    "#Booth Sign-In",
    "",
    [(25, "Name:"), (70, "Jane Smith")],
    [(25, "Course:"), (70, "IICRC Booth Visit")],
    [(25, "Date:"), (70, "October 2, 2026")],
    [(25, "Location:"), (70, "Las Vegas, NV")],
]
RANGE: Page = [
    "#Certificate of Completion",
    "This is to certify that Jane Smith has successfully completed",
    "#Applied Microbial Remediation Technician",
    "a 21 CEC hours course",
    [(25, "Course Dates:"), (80, "March 12-14, 2026")],
    [(25, "Presented by:"), (80, "Mold Masters Institute")],
]
AMBIGUOUS: Page = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (80, "Odor Control Technician")],
    [(25, "Date of Completion:"), (80, "03/04/2026")],
    [(25, "CEC Hours:"), (80, "14")],
]
SENTENCE: Page = [
    "#Fire Academy",
    "#Certificate of Achievement",
    "This is to certify that",
    "#María José Núñez",
    "has successfully completed the course entitled",
    "#Fire and Smoke Restoration Technician",
    "and is awarded 14 IICRC CECs",
    "Completed on the 5th day of May, 2026",
]
CONFLICT: Page = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (80, "Carpet Cleaning Technician")],
    [(25, "Date of Completion:"), (80, "2026-02-10")],
    [(25, "Course Hours:"), (80, "7")],
    [(25, "Total Hours:"), (80, "14")],
]
NO_DAY: Page = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (80, "Upholstery and Fabric Cleaning")],
    [(25, "Completed:"), (80, "March 2026")],
    [(25, "CEC Hours:"), (80, "14")],
]
STACKED: Page = [
    "#Certificate of Completion",
    "",
    [(25, "Course Title"), (150, "Date of Completion")],
    [(25, "Health and Safety Technician"), (150, "June 3, 2026")],
    "",
    [(25, "Approval No."), (150, "Hours")],
    [(25, "HST-2026-09"), (150, "7")],
]
SECOND: Page = [
    "#Restoration Training Co.",
    "#Certificate of Completion",
    "This certifies that",
    "#Jane Smith",
    "has successfully completed",
    "#Odor Control Technician",
    [(20, "Date of Completion:"), (75, "04/22/2026"), (150, "Approval #:"), (185, "C-5530")],
    [(20, "CEC Hours:"), (75, "14")],
]
HALF_A: Page = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (80, "Water Restoration Refresher")],
    [(25, "Date of Completion:"), (80, "January 15, 2026"), (150, "CEC Hours:"), (190, "4")],
    "",
]
HALF_B: Page = [
    "#Certificate of Completion",
    [(25, "Course Title:"), (80, "Mold Remediation Refresher")],
    [(25, "Date of Completion:"), (80, "January 16, 2026"), (150, "CEC Hours:"), (190, "3")],
]

# the letterhead a name: prefilled, for the user to confirm
CENTRED_TRUTH = _t(
    "Applied Structural Drying",
    "2026-03-14",
    "14",
    provider="Restoration Training Co.",
    approval="C-5521",
)
SPECS: list[Spec] = [
    Spec(
        "centred",
        [CENTRED],
        [CENTRED_TRUTH],
        "phrases and labels; the letterhead a name, prefilled for the user to confirm",
        ["Jane Q. Smith"],
    ),
    Spec(
        "table",
        [TABLE],
        [
            _t(
                "Water Damage Restoration Technician",
                "2026-03-20",
                "19",
                provider="Dry Right Academy LLC",
                approval="18-1234",
            )
        ],
        "a label table",
    ),
    Spec(
        "day-first",
        [DAY_FIRST],
        [
            _t(
                "Odour Control Technician",
                "2026-03-25",
                credits="7",
                provider="Restoration Academy UK",
            )
        ],
        "25/03/2026: day first",
    ),
    Spec(
        "issued",
        [ISSUED],
        [_t("Commercial Drying Specialist", "2026-03-28", "21", approval="C-7788")],
        "issued, completed and expiry dates",
    ),
    Spec(
        "booth",
        [BOOTH],
        [_t("IICRC Booth Visit", "2026-10-02")],
        "a booth sign-in without hours; a generic Date: label",
    ),
    Spec(
        "range",
        [RANGE],
        [
            _t(
                "Applied Microbial Remediation Technician",
                "2026-03-14",
                "21",
                provider="Mold Masters Institute",
            )
        ],
        "a date range: its last day",
    ),
    Spec(
        "ambiguous",
        [AMBIGUOUS],
        [_t("Odor Control Technician", "2026-03-04", "14")],
        "03/04/2026 reads two ways: read month first, for the user to confirm",
    ),
    Spec(
        "sentence",
        [SENTENCE],
        [
            _t(
                "Fire and Smoke Restoration Technician",
                "2026-05-05",
                credits="14",
                provider="Fire Academy",
            )
        ],
        "everything in phrases; accents",
        ["María José Núñez"],
    ),
    Spec(
        "conflict",
        [CONFLICT],
        [_t("Carpet Cleaning Technician", "2026-02-10", None)],
        "two hours that disagree: neither prefilled",
    ),
    Spec(
        "no-day",
        [NO_DAY],
        [_t("Upholstery and Fabric Cleaning", None, "14")],
        "a completion date with no day",
    ),
    Spec(
        "stacked",
        [STACKED],
        [_t("Health and Safety Technician", "2026-06-03", "7", approval="HST-2026-09")],
        "values under their labels",
    ),
    Spec(
        "two-pages",
        [CENTRED, SECOND],
        [
            CENTRED_TRUTH,
            _t(
                "Odor Control Technician",
                "2026-04-22",
                "14",
                provider="Restoration Training Co.",
                approval="C-5530",
            ),
        ],
        "two certificates, one per page",
    ),
    Spec(
        "two-on-a-page",
        [HALF_A + HALF_B],
        [
            _t("Water Restoration Refresher", "2026-01-15", "4"),
            _t("Mold Remediation Refresher", "2026-01-16", "3"),
        ],
        "two certificates on one page",
    ),
]
IMAGE_SPECS = ("centred", "table", "day-first", "issued", "range", "stacked")


def pdf_bytes(spec: Spec) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="letter")
    pdf.set_creation_date(__import__("datetime").datetime(2026, 1, 1))
    fonts = "Helvetica"  # Latin-1: every text here fits
    for page in spec.pages:
        pdf.add_page()
        for row in page:
            big = isinstance(row, str) and row.startswith("#")
            pdf.set_font(fonts, "B" if big else "", 20 if big else 13)
            if isinstance(row, str):
                pdf.cell(
                    0, 12 if big else 9, row.lstrip("#"), align="C", new_x="LMARGIN", new_y="NEXT"
                )
                continue
            y = pdf.get_y()
            for x, text in row:
                pdf.set_xy(x, y)
                pdf.cell(0, 9, text)
            pdf.set_xy(pdf.l_margin, y + 9)
    return bytes(pdf.output())


def _font(size: int) -> object:
    from PIL import ImageFont

    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ):
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def image(
    spec: Spec, page: int = 0, seed: int = 1, fmt: str = "JPEG", tilt: float | None = None
) -> bytes:
    """One page as a degraded 300-dpi photo: a slight tilt (or `tilt` degrees), blur, noise,
    JPEG artefacts."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    dpi = 300
    width, height = int(11 * dpi), int(8.5 * dpi)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    mm = dpi / 25.4
    y = 10 * mm
    for row in spec.pages[page]:
        big = isinstance(row, str) and row.startswith("#")
        font = _font(int((20 if big else 13) * dpi / 72))
        step = (12 if big else 9) * mm
        if isinstance(row, str):
            text = row.lstrip("#")
            if text:
                w = draw.textlength(text, font=font)  # type: ignore[arg-type]
                draw.text(((width - w) / 2, y), text, fill=rng.randint(0, 60), font=font)  # type: ignore[arg-type]
        else:
            for x, text in row:
                draw.text((x * mm, y), text, fill=rng.randint(0, 60), font=font)  # type: ignore[arg-type]
        y += step
    angle = rng.uniform(-0.6, 0.6)
    img = img.rotate(
        angle if tilt is None else tilt, resample=Image.Resampling.BICUBIC, fillcolor=235
    )
    img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.8, 1.4)))
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    img = Image.blend(img, noise, rng.uniform(0.10, 0.16))  # Pillow's own noise has no seed
    out = io.BytesIO()
    img.save(out, fmt, dpi=(dpi, dpi), **({"quality": 55} if fmt == "JPEG" else {}))
    return out.getvalue()


def scanned_pdf(spec: Spec, seed: int = 1) -> bytes:
    """A PDF of page images and no text layer, as a scanner makes."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="letter")
    for n in range(len(spec.pages)):
        pdf.add_page()
        pdf.image(io.BytesIO(image(spec, n, seed + n)), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def spec(name: str) -> Spec:
    return next(s for s in SPECS if s.name == name)


def write(folder: Path, name: str, kind: str = "pdf", seed: int = 1) -> Path:
    """Write the fixture `name` as "pdf", "jpg", "png" or "scan" (an image-only PDF)."""
    s = spec(name)
    data = {
        "pdf": lambda: pdf_bytes(s),
        "jpg": lambda: image(s, 0, seed),
        "png": lambda: image(s, 0, seed, "PNG"),
        "scan": lambda: scanned_pdf(s, seed),
    }[kind]()
    path = folder / f"{name}.{'pdf' if kind == 'scan' else kind}"
    path.write_bytes(data)
    return path


def fields_read(ceclog: Callable[..., Any], folder: Path, page: Page) -> dict[str, Any]:
    """What `ceclog add --from CERT --json` reads from a one-page PDF of `page` (made in
    `folder`): each field's reading, its prefilled value, candidates and why not."""
    path = folder / "cert.pdf"
    path.write_bytes(pdf_bytes(Spec("made", [page], [])))
    return fields_of(ceclog, path)


def fields_of(ceclog: Callable[..., Any], path: Path) -> dict[str, Any]:
    """What `ceclog add --from PATH --json` reads from a one-certificate file."""
    result = ceclog("add", "--from", str(path), "--json")
    assert result.code == 0, result.err
    (cert,) = json.loads(result.out)["certificates"]
    fields: dict[str, Any] = cert["fields"]
    return fields


def prefilled(ceclog: Callable[..., Any], folder: Path, *rows: Row) -> dict[str, Any]:
    """What `ceclog add --from CERT --json` prefills from a one-page PDF of `rows` (made in
    `folder`), field by field, with the whole reading of each field under "_"."""
    fields = fields_read(ceclog, folder, list(rows))
    return {name: f["prefilled"] for name, f in fields.items()} | {"_": fields}
