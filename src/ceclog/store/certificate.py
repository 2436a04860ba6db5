"""A certificate file as lines of text, for `ceclog add --from`.  What the file is comes from
its first bytes, never its name: a PDF's text layer is read with pypdf in layout mode (label
and value stay on one line); a photo or scan (JPEG, PNG), and a PDF page with no text but an
image, go to the system's `tesseract` program, whose TSV output gives each word a confidence.
HEIC and other formats are refused with what to export instead.

The only module that imports pypdf (import-linter holds it), and only when a certificate is
read: no other command's start-up grows."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ceclog.core.certificates.lines import Line, ocr_line, text_line
from ceclog.core.certificates.patterns import Patterns, compile_patterns
from ceclog.errors import InputError, Location
from ceclog.store.evidence import Incoming

PATTERNS = Path(__file__).resolve().parents[1] / "data" / "cert_patterns.toml"
OCR_TIMEOUT = 120  # seconds for one page
TYPE_IT = 'ceclog add "TITLE" --date YYYY-MM-DD --hours H'
INSTALL = (
    "Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract; Windows: "
    "the UB Mannheim build of Tesseract, its folder added to PATH"
)
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


def read_certificate(item: Incoming) -> CertText:
    """The lines of the certificate `item` holds (read by `evidence.read_incoming`)."""
    where = Location(item.source)
    if not item.data:
        raise InputError("is empty", where=where, hint="give the certificate file itself")
    try:
        if kind_of(item.data) == "image":
            return CertText(_ocr(item.data, 1, item.source), (1,))
        return _pdf(item)
    except InputError as exc:
        exc.where = exc.where or where
        raise


def _pdf(item: Incoming) -> CertText:
    import logging
    import warnings

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes are not the user's
    damaged = InputError(
        "is damaged or not a complete PDF: its pages cannot be read",
        hint=f"download or export it again, or type the fields: {TYPE_IT}",
    )
    lines: list[Line] = []
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
                lines += _ocr(max(images, key=len), number, item.source)
    if not lines:
        raise InputError(
            "has no text and no image to read",
            hint=f"type the fields: {TYPE_IT}",
        )
    return CertText(lines, tuple(ocr))


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


MAX_PIXELS = 60_000_000  # a letter page at 600 dpi is 34 million


def _upright(image: bytes, page: int) -> bytes:
    """The image as a person sees it: a phone's photo stored sideways with an EXIF
    orientation tag is turned upright (tesseract ignores the tag); one too large to read is
    refused before tesseract spends minutes on it."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(image)) as opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise InputError(
                    f"page {page} is an image of {width}x{height} pixels: too large to read",
                    hint="scan or export it at 300 dpi (a letter page is about 2550x3300 "
                    f"pixels), or type the fields: {TYPE_IT}",
                )
            if opened.getexif().get(0x0112, 1) in (1, None):
                return image
            turned = ImageOps.exif_transpose(opened)
            out = io.BytesIO()
            turned.save(out, "PNG")
            return out.getvalue()
    except InputError:
        raise
    except Exception:  # not an image Pillow opens: tesseract says what it makes of it
        return image


def _ocr(image: bytes, page: int, source: Path) -> list[Line]:
    program = shutil.which("tesseract")
    if program is None:
        raise InputError(
            f"cannot read {source.name}: the OCR program tesseract is not installed",
            where=None,
            hint=f"install it ({INSTALL}), or type the fields: {TYPE_IT}",
        )
    image = _upright(image, page)
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", "--psm", "3", "tsv"],
            input=image,
            capture_output=True,
            timeout=OCR_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            f"tesseract took over {OCR_TIMEOUT} s on page {page}",
            hint=f"give a smaller scan, or type the fields: {TYPE_IT}",
        ) from None
    except OSError as exc:
        raise InputError(f"cannot run tesseract: {exc.strerror or exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise InputError(
            f"tesseract could not read page {page}: {said[-1] if said else done.returncode}",
            hint=f"give a PDF, JPEG or PNG that opens in an image viewer, or type the fields: "
            f"{TYPE_IT}",
        )
    return rows_of(done.stdout.decode(errors="replace"), page)


def rows_of(tsv: str, page: int) -> list[Line]:
    """tesseract's words grouped into the rows they sit on, left to right.  Its own lines
    follow a tilted photo's slope, so they are kept whole; lines of one row (its blocks split a
    row's columns apart) are joined when their centres are within half a text height.  A gap
    wider than the text is high marks a new column."""
    lines: dict[tuple[str, ...], list[tuple[float, float, float, float, float, str]]] = {}
    now: dict[tuple[str, ...], tuple[str, ...]] = {}  # tesseract's line: the part being read
    for text in tsv.splitlines()[1:]:
        cells = text.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (float(c) for c in cells[6:10])
        word = (top + height / 2, height, left, left + width, float(cells[10]), cells[11])
        key = now.setdefault(tuple(cells[1:5]), (*cells[1:5], "0"))
        prev = lines[key][-1] if key in lines else None
        if prev is not None and abs(word[0] - prev[0]) > max(word[1], prev[1]):
            key = now[tuple(cells[1:5])] = (*cells[1:5], str(len(lines)))  # another row
        lines.setdefault(key, []).append(word)
    ordered = sorted(lines.values(), key=lambda ws: sum(w[0] for w in ws) / len(ws))
    rows: list[list[tuple[float, float, float, float, float, str]]] = []
    for words in ordered:
        centre = sum(w[0] for w in words) / len(words)
        if rows:
            last = sum(w[0] for w in rows[-1]) / len(rows[-1])
            height = max(w[1] for w in rows[-1] + words)
            if abs(centre - last) <= 0.5 * height:
                rows[-1] += words
                continue
        rows.append(list(words))
    out = []
    for number, row in enumerate(rows, 1):
        row.sort(key=lambda w: w[2])
        height = sorted(w[1] for w in row)[len(row) // 2]
        parts = [
            (w[5], w[4], i > 0 and w[2] - row[i - 1][3] > 1.2 * height) for i, w in enumerate(row)
        ]
        out.append(ocr_line(page, number, parts))
    return out
