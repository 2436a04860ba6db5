"""Reading a certificate's fields: every rule of `core.cert_fields` and `core.cert_dates`, on
generated certificates (text PDFs in 13 layouts; degraded 300-dpi photos and scans for OCR)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import cert_fixtures as fx
import pytest

from ceclog.core.certificates.dates import read_date
from ceclog.core.certificates.decided import Certificate, same_person, taken_by_yes
from ceclog.core.certificates.fields import read_certificates
from ceclog.core.certificates.lines import Line, ocr_line, text_line
from ceclog.store.certificate import load_patterns, read_certificate
from ceclog.store.evidence import read_incoming

PATTERNS = load_patterns()
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed (.ci/run installs it)"
)


def _read(path: Path, holder: str | None = "Jane Smith") -> list[Certificate]:
    text = read_certificate(read_incoming(path))
    return read_certificates(text.lines, PATTERNS, holder)


def _lines(*rows: str) -> list[Line]:
    return [text_line(1, n, row) for n, row in enumerate(rows, 1)]


def _one(*rows: str, holder: str | None = None) -> Certificate:
    (cert,) = read_certificates(_lines(*rows), PATTERNS, holder)
    return cert


def _check(certs: list[Certificate], spec: fx.Spec) -> None:
    assert len(certs) == len(spec.truth), spec.name
    for cert, truth in zip(certs, spec.truth, strict=True):
        assert {f: cert.value(f) for f in fx.ENTRY} == truth, spec.name


@pytest.mark.parametrize("spec", fx.SPECS, ids=lambda s: s.name)
def test_every_field_of_every_text_pdf_is_right_and_nothing_wrong_is_prefilled(
    spec: fx.Spec, tmp_path: Path
) -> None:
    _check(_read(fx.write(tmp_path, spec.name)), spec)


def test_each_value_says_where_it_came_from_and_how(tmp_path: Path) -> None:
    (cert,) = _read(fx.write(tmp_path, "centred"))
    title = cert.fields["title"].prefill
    assert title is not None
    assert (title.page, title.line, title.kind) == (1, 6, "phrase")
    assert title.words == ("Applied", "Structural", "Drying")
    assert title.how == 'phrase "has successfully completed…", value on the next line'
    assert title.confidence is None  # a text layer
    date = cert.fields["date"].prefill
    assert date is not None
    assert (date.text, date.value, date.how) == (
        "03/14/2026",
        "2026-03-14",
        'label "Date of Completion"',
    )


def test_a_letterhead_that_reads_as_a_name_is_prefilled_for_the_user_to_confirm(
    tmp_path: Path,
) -> None:
    (cert,) = _read(fx.write(tmp_path, "centred"))
    provider = cert.fields["provider"]
    assert provider.prefill is not None and provider.why is None
    assert [(c.value, c.kind, c.unconfirmed) for c in provider.candidates] == [
        ("Restoration Training Co.", "letterhead", "the letterhead, not confirmed by the page")
    ]
    assert "provider" not in taken_by_yes(cert)  # --yes never takes it
    assert taken_by_yes(cert)["title"] == "Applied Structural Drying"


@pytest.mark.parametrize(
    "top",
    [
        "Dri-Eaz",  # one word: a brand, a logo's text
        "Jordan Ellis, CR",  # a person
        "Hardwood Floor Drying Workshop",  # a class, though it ends no name
        "Mold Awareness Training",  # a class's name ending as a school's would
        "Continuing Education",  # a heading
        "with thanks to the Dryline Institute",  # a sentence's words
    ],
)
def test_a_letterhead_that_reads_as_no_name_is_only_a_guess(top: str) -> None:
    cert = _one(top, "Certificate of Completion", "Course Title: Drying")
    provider = cert.fields["provider"]
    assert provider.prefill is None
    assert [c.kind for c in provider.candidates] == ["guess"]
    assert provider.why == "only a guess: type it"


def test_conflicting_labelled_values_prefill_nothing_and_show_all() -> None:
    cert = _one("Course Title: Drying", "Course Hours: 7", "Total Hours: 14")
    hours = cert.fields["hours"]
    assert hours.prefill is None
    assert [c.value for c in hours.candidates] == ["7", "14"]
    assert hours.why == "conflicting values (7; 14): say which"
    agree = _one("Course Title: Drying", "Course Hours: 14", "for 14 CEC hours")
    assert agree.value("hours") == "14"  # a label and a phrase that agree


@pytest.mark.parametrize(
    ("text", "value", "note"),
    [
        ("03/14/2026", dt.date(2026, 3, 14), None),
        ("14/03/2026", dt.date(2026, 3, 14), "read day first"),
        ("2026-03-14", dt.date(2026, 3, 14), None),
        ("14.03.2026", dt.date(2026, 3, 14), None),
        ("March 14, 2026", dt.date(2026, 3, 14), None),
        ("Mar. 14th 2026", dt.date(2026, 3, 14), None),
        ("14 March 2026", dt.date(2026, 3, 14), None),
        ("the 14th day of March, 2026", dt.date(2026, 3, 14), None),
        ("03/14/26", dt.date(2026, 3, 14), None),
        ("03/03/2026", dt.date(2026, 3, 3), None),  # both readings are the same day
        ("March 12-14, 2026", dt.date(2026, 3, 14), "a range, 2026-03-12 to 2026-03-14"),
        ("12 \u2013 14 March 2026", dt.date(2026, 3, 14), "a range"),
        ("03/12/2026 - 03/14/2026", dt.date(2026, 3, 14), "a range"),  # 03/14 settles the order
        ("March 30 to April 2, 2026", None, None),  # no year on its first day: not a format
    ],
)
def test_dates_are_read_with_explicit_formats(
    text: str, value: dt.date | None, note: str | None
) -> None:
    got = read_date(text)
    if text.startswith("March 30 to"):
        assert got.value == dt.date(2026, 4, 2)  # the last day is still a plain date
        return
    assert got.value == value
    assert (note is None and not got.notes) or any(note in n for n in got.notes if note)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("03/04/2026", "reads two ways: 2026-03-04 (month first) or 2026-04-03 (day first)"),
        ("March 2026", "has no day"),
        ("03/2026", "has no day"),
        ("Feb 30, 2026", "no such day"),
        ("TBA", "no date in it"),
        ("1 1/19/2026", "'1 1/19/2026' has a digit apart from the date"),  # OCR split 11/19
        ("11/1 9/2026", "'11/1 9/2026' has a digit apart from the date"),
        ("11/19/20 26", "'11/19/20 26' has a digit apart from the date"),
    ],
)
def test_dates_that_are_not_one_day_are_no_date(text: str, problem: str) -> None:
    got = read_date(text)
    assert got.value is None
    assert got.problem is not None and problem in got.problem
    cert = _one("Course Title: Drying", f"Date of Completion: {text}")
    if "two ways" in problem:  # read month first, for the user to confirm: test below
        return
    assert cert.value("date") is None
    assert cert.fields["date"].why == got.problem


def test_a_date_that_reads_two_ways_shows_both_readings() -> None:
    """Nothing on the page says which: read month first, the US way, for the user to confirm
    (--yes never takes it), both readings shown."""
    cert = _one("Course Title: Drying", "Date of Completion: 03/04/2026")
    (cand,) = cert.fields["date"].candidates
    assert cand.readings == ("2026-03-04", "2026-04-03")
    assert cert.value("date") == "2026-03-04"
    assert cand.unconfirmed is not None and "day first it is 2026-04-03" in cand.unconfirmed
    assert "date" not in taken_by_yes(cert)


def test_the_completion_date_wins_over_issue_and_expiry_dates() -> None:
    cert = _one(
        "Date Issued: 04/13/2026   Completion Date: 03/28/2026",
        "Expiration Date: 03/28/2028",
        "Course Title: Drying",
    )
    assert cert.value("date") == "2026-03-28"
    assert [c.value for c in cert.fields["issued"].candidates] == ["2026-04-13"]
    assert [c.value for c in cert.fields["expires"].candidates] == ["2028-03-28"]
    assert cert.value("issued") is None and cert.value("expires") is None
    only_issued = _one("Course Title: Drying", "Date Issued: 04/02/2026")
    assert only_issued.value("date") is None  # an issue date is never the class's date
    generic = _one("Course Title: Drying", "Date: 01/25/2026", "Date of Completion: 01/24/2026")
    assert generic.value("date") == "2026-01-24"  # a generic "Date:" only when nothing better


def test_cec_hours_are_hours_and_cecs_are_credits() -> None:
    cert = _one("Course Title: Drying", "This course is approved for 14 CEC hours")
    assert (cert.value("hours"), cert.value("credits")) == ("14", None)
    cert = _one("Course Title: Drying", "and is awarded 7 IICRC CECs")
    assert (cert.value("hours"), cert.value("credits")) == (None, "7")
    cert = _one("Course Title: Drying", "CECs: 3.5")
    assert cert.value("credits") == "3.5"


def test_labels_need_a_column_start_and_short_ones_a_colon() -> None:
    cert = _one("Course Title: Drying", "This course covers the date and hours of drying")
    assert cert.value("date") is None and cert.value("hours") is None


def test_the_attendee_is_compared_with_the_holder_accents_and_case_aside() -> None:
    rows = ("This certifies that", "María José Núñez", "has successfully completed", "Drying")
    assert _one(*rows, holder="maria jose NUNEZ").warnings == ()
    assert _one(*rows, holder="Dana Reyes").warnings == (
        "the certificate is for 'María José Núñez', not 'Dana Reyes', the ledger's holder: "
        "is it yours?",
    )
    assert same_person("Jane Q. Smith", "jane smith")
    assert not same_person("Jane Smith", "John Smith")


def test_ocr_words_below_the_threshold_mark_their_value() -> None:
    lines = [
        ocr_line(1, 1, [("Course", 96, False), ("Title:", 95, False), ("Drying", 93, True)]),
        ocr_line(1, 2, [("CEC", 95, False), ("Hours:", 96, False), ("14", 41, True)]),
    ]
    (cert,) = read_certificates(lines, PATTERNS, None)
    hours = cert.fields["hours"].prefill
    assert hours is not None and hours.low and hours.confidence == 41
    assert "OCR confidence 41 (below 75)" in hours.notes
    title = cert.fields["title"].prefill
    assert title is not None and not title.low and title.confidence == 93


def test_two_certificates_in_one_file_are_told_apart(tmp_path: Path) -> None:
    certs = _read(fx.write(tmp_path, "two-pages"))
    assert [c.pages for c in certs] == [(1,), (2,)]
    certs = _read(fx.write(tmp_path, "two-on-a-page"))
    assert [c.value("title") for c in certs] == [
        "Water Restoration Refresher",
        "Mold Remediation Refresher",
    ]


@needs_tesseract
@pytest.mark.parametrize(("name", "kind"), [("table", "jpg"), ("stacked", "png")])
def test_photos_are_read_by_ocr(name: str, kind: str, tmp_path: Path) -> None:
    certs = _read(fx.write(tmp_path, name, kind))
    _check(certs, fx.spec(name))
    title = certs[0].fields["title"].prefill
    assert title is not None and title.confidence is not None and title.confidence > 75


@needs_tesseract
def test_a_scanned_pdf_page_is_read_by_ocr(tmp_path: Path) -> None:
    path = fx.write(tmp_path, "day-first", "scan")
    text = read_certificate(read_incoming(path))
    assert text.ocr_pages == (1,)
    _check(read_certificates(text.lines, PATTERNS, None), fx.spec("day-first"))


@needs_tesseract
def test_a_photo_stored_sideways_with_its_orientation_tag_is_read_upright(
    tmp_path: Path,
) -> None:
    import io

    from PIL import Image

    # as a phone stores it: the pixels turned a quarter, the EXIF tag saying how to show them
    upright = Image.open(io.BytesIO(fx.image(fx.spec("table"))))
    stored = upright.rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90 degrees clockwise to view"
    path = tmp_path / "sideways.jpg"
    stored.save(path, "JPEG", quality=90, exif=exif)
    _check(_read(path), fx.spec("table"))


@needs_tesseract
def test_an_image_too_large_to_read_is_refused_before_ocr(tmp_path: Path) -> None:
    from PIL import Image

    from ceclog.errors import InputError

    path = tmp_path / "huge.png"
    Image.new("1", (9000, 9000), 1).save(path)  # 81 million pixels, a small file
    with pytest.raises(InputError, match="9000x9000 pixels: too large to read"):
        read_certificate(read_incoming(path))
