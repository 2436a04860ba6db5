"""A certificate file as lines of text, for `ceclog add --from`.  What the file is comes from
its first bytes, never its name: a PDF's text layer is read with pypdf in layout mode (label
and value stay on one line); a photo or scan (JPEG, PNG), and a PDF page with no text but an
image, go to the system's `tesseract` program (`store.ocr`), whose TSV output gives each word a
confidence.
HEIC and other formats are refused with what to export instead.

The only module that imports pypdf (import-linter holds it), and only when a certificate is
read: no other command's start-up grows."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceclog.core.certificates.lines import Line, text_line
from ceclog.core.certificates.patterns import Patterns, compile_patterns
from ceclog.errors import InputError, Location
from ceclog.store.evidence import Incoming
from ceclog.store.ocr import TYPE_IT as TYPE_IT
from ceclog.store.ocr import read_page

PATTERNS = Path(__file__).resolve().parents[1] / "data" / "cert_patterns.toml"
HEIC_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
    b"avif",
}
OTHER = {  # first bytes of formats people may have, and what to do instead
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": "a BMP image",
    b"PK\x03\x04": "a ZIP file (a Word or OpenDocument file?)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF document",
}


@dataclass(frozen=True)
class CertText:
    lines: list[Line]
    ocr_pages: tuple[int, ...]  # the pages read by OCR (their values carry confidences)
    # OCR pages read a second way (None: read once, as nothing is taken without asking)
    second: list[Line] | None = field(default_factory=list)


def load_patterns() -> Patterns:
    """The patterns that find fields (`data/cert_patterns.toml`, shipped in the package)."""
    import tomllib

    with PATTERNS.open("rb") as handle:
        return compile_patterns(tomllib.load(handle), str(PATTERNS))


def kind_of(data: bytes) -> str:
    """ "pdf", "image", or an InputError saying what the file is and what to export instead."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image"
    if data[4:8] == b"ftyp" and data[8:12] in HEIC_BRANDS:
        raise InputError(
            "is a HEIC/HEIF photo (an iPhone's format), which ceclog cannot read",
            hint="export it as JPEG (Photos: File > Export, or share it as 'Most Compatible'; "
            "iPhone: Settings > Camera > Formats > Most Compatible) and give that file",
        )
    what = next((name for magic, name in OTHER.items() if data.startswith(magic)), None)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        what = "a WebP image"
    raise InputError(
        f"is {what or 'not a PDF, JPEG or PNG file'}: ceclog reads certificates as PDF, JPEG "
        "or PNG",
        hint=f"save or export it as PDF (or a photo as JPEG), or type the fields: {TYPE_IT}",
    )


def read_certificate(item: Incoming, *, second: bool = True) -> CertText:
    """The lines of the certificate `item` holds (read by `evidence.read_incoming`); a photo's
    second reading only when `second` (what `--yes` takes must agree with it)."""
    where = Location(item.source)
    if not item.data:
        raise InputError("is empty", where=where, hint="give the certificate file itself")
    try:
        if kind_of(item.data) == "image":
            read = read_page(item.data, 1, item.source, second)
            return CertText(read.first, (1,), read.second)
        return _pdf(item, second)
    except InputError as exc:
        exc.where = exc.where or where
        raise


def _pdf(item: Incoming, again: bool) -> CertText:
    import logging
    import warnings

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes are not the user's
    damaged = InputError(
        "is damaged or not a complete PDF: its pages cannot be read",
        hint=f"download or export it again, or type the fields: {TYPE_IT}",
    )
    lines: list[Line] = []
    second: list[Line] | None = [] if again else None
    ocr: list[int] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(item.data))
            _decrypt(reader)
            pages = list(reader.pages)  # a damaged file fails here, with one message
        except InputError:
            raise
        except Exception:  # pypdf raises many kinds on a damaged file: all mean the same here
            raise damaged from None
        for number, page in enumerate(pages, 1):
            try:
                text = page.extract_text(extraction_mode="layout")
                images = [] if text.strip() else [im.data for im in page.images]
            except Exception:
                raise damaged from None
            if text.strip():  # lines numbered as a person counts them: blank ones aside
                rows = [(r, row) for r, row in enumerate(text.splitlines(), 1) if row.strip()]
                lines += [text_line(number, n, row, r) for n, (r, row) in enumerate(rows, 1)]
            elif images:
                ocr.append(number)
                read = read_page(max(images, key=len), number, item.source, again)
                lines += read.first
                if second is not None and read.second is not None:
                    second += read.second
    if not lines:
        raise InputError(
            "has no text and no image to read",
            hint=f"type the fields: {TYPE_IT}",
        )
    return CertText(lines, tuple(ocr), second)


def _decrypt(reader: Any) -> None:
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")  # a PDF locked only against editing opens without one
    except Exception:  # an unknown scheme, or AES without the cryptography package
        opened = 0
    if not opened:
        raise InputError(
            "is encrypted (it needs a password to open)",
            hint=f"print it to a new PDF without a password, or type the fields: {TYPE_IT}",
        )
