"""The transcript as a PDF on A4 or US Letter (fpdf2, imported only when a PDF is made).

Helvetica (built into every PDF reader) when every text is Latin-1; else a Unicode TrueType
font from the system is embedded when one is found, and failing that Helvetica shows what it
can, characters it lacks replaced (with a warning).  The
output depends only on the Transcript (and the font found): creation date = t.today."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ceclog.core.ledger.words import plural
from ceclog.core.reports.transcript import Transcript
from ceclog.output import bidi, pdf_chart, svg_chart
from ceclog.output.document import (
    NO_CERTIFICATIONS,
    NO_ENTRIES,
    NO_REQUIREMENTS,
    Document,
    EntryView,
    build_document,
)
from ceclog.output.pdf_layout import Lines, Padding, Table, draw_table

if TYPE_CHECKING:
    from fpdf import FPDF


def _font_candidates() -> list[tuple[Path, Path]]:
    """(regular, bold) Unicode fonts, best first (Arial Unicode has no bold: used for both)."""
    home = Path.home()
    dejavu = [
        Path(p)
        for p in (
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu",
            "/usr/share/fonts/dejavu-sans-fonts",
            "/usr/share/fonts/TTF",
            "/Library/Fonts",
            "/usr/local/share/fonts",
        )
    ]
    dejavu += [home / ".local/share/fonts", home / ".fonts", home / "Library/Fonts"]
    pairs = [(d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf") for d in dejavu]
    for folder in ("/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation-sans"):
        name = str(Path(folder, "LiberationSans-"))
        pairs.append((Path(name + "Regular.ttf"), Path(name + "Bold.ttf")))
    for folder in ("/Library/Fonts", "/System/Library/Fonts/Supplemental"):
        pairs.append((Path(folder, "Arial Unicode.ttf"), Path(folder, "Arial Unicode.ttf")))
    return pairs


FONT_CANDIDATES: Callable[[], list[tuple[Path, Path]]] = _font_candidates
FONT_HINT = (
    "install the DejaVu fonts (Debian/Ubuntu: apt install fonts-dejavu-core; Fedora: dnf "
    "install dejavu-sans-fonts; macOS: brew install --cask font-dejavu; or copy DejaVuSans.ttf "
    "and DejaVuSans-Bold.ttf to ~/.local/share/fonts) and export again, or use the HTML export"
)
# readable Latin-1 stand-ins for common characters outside it
_STAND_INS = {
    "\u2014": "-",
    "\u2013": "-",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2026": "...",
    "\u2022": "*",
    "\u2032": "'",
    "\u2033": '"',
    "\u2044": "/",
    "\u2215": "/",
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0152": "OE",
    "\u0153": "oe",
    "\u20ac": "EUR",
    "\u2122": "TM",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}


class _Text:
    """Makes untrusted text printable on one line with the chosen font, counting what it had
    to replace (a string shown twice counts once) and the table cells cut to fit a page."""

    def __init__(self, supported: Callable[[int], bool]) -> None:  # of a code point
        self.supported = supported
        self.replaced = self.shortened = 0
        self.seen: dict[str, None] = {}
        self._done: dict[str, str] = {}

    def _swap(self, char: str) -> str:
        self.replaced += 1
        self.seen[char] = None
        stand_in = _STAND_INS.get(char)
        if stand_in is None:  # an accented letter without its accent: "ź" -> "z"
            decomposed = unicodedata.normalize("NFKD", char)
            stand_in = "".join(c for c in decomposed if not unicodedata.combining(c)) or "?"
        return stand_in if all(self.supported(ord(c)) for c in stand_in) else "?"

    def __call__(self, value: str) -> str:
        if value not in self._done:
            out = []
            for char in bidi.shown(value):
                category = unicodedata.category(char)
                if category in ("Cc", "Zl", "Zp"):  # newlines, tabs: the layout breaks lines
                    out.append(" ")
                elif category != "Cf":  # invisible format characters (zero-width...) go
                    out.append(char if self.supported(ord(char)) else self._swap(char))
            self._done[value] = " ".join("".join(out).split())
        return self._done[value]

    def warnings(self, font: str | None) -> list[str]:
        out = []
        if self.shortened:
            out.append(
                f"the PDF shortened {plural(self.shortened, 'very long text')} (titles, notes) to "
                "fit a page; the Markdown and HTML exports show them in full"
            )
        if self.replaced:
            chars = " ".join(repr(c) for c in list(self.seen)[:8])
            what = f"the PDF replaced {plural(self.replaced, 'character')} that"
            out.append(
                f"{what} its built-in font (Helvetica, Latin-1 only) cannot show ({chars}): "
                + FONT_HINT
                if font is None
                else f"{what} the font {font} cannot show ({chars}) with stand-ins or '?'"
            )
        return out


MARGIN, LINE, PAD = 15.0, 3.6, 1.2  # mm: page margin, table line height, cell padding
MAX_LINES = 40  # of a table cell, so that every row fits on one page
TEXT_WIDTH = 210 - 2 * MARGIN  # mm, of A4: what the column widths below add up to
PAPERS = {"a4": "A4", "letter": "Letter"}  # --paper -> fpdf2's page format


class _Writer:
    def __init__(self, pdf: FPDF, clean: _Text, family: str) -> None:
        self.pdf, self.clean, self.family = pdf, clean, family
        self.lines = Lines(pdf)

    def cut(self) -> None:
        self.clean.shortened += 1

    def fit(self, text: str, width: float, most: int) -> str:
        """`text` cut to `most` lines of `width` mm in the current font (as multi_cell breaks
        them, with its margins), its lines separated by newlines."""
        lines, cut = self.lines.fit(text, width - 2 * self.pdf.c_margin, most)
        if cut:
            self.cut()
        return "\n".join(lines)

    def shorten(self, text: str, width: float) -> str:
        """`text` cut to one line of `width` mm (the current font)."""
        if self.pdf.get_string_width(text) <= width:
            return text
        while text and self.pdf.get_string_width(text + "...") > width:
            text = text[: int(len(text) * 0.9)]
        return text.rstrip() + "..."

    def table(
        self,
        headings: Sequence[str],
        widths: Sequence[float],  # mm on A4, adding up to its text width (180)
        rows: Sequence[Sequence[str]],
        right: Sequence[int] = (),
        borders: bool = True,
        line: float = LINE,
    ) -> None:
        widths = [width * self.pdf.epw / TEXT_WIDTH for width in widths]  # Letter is wider
        if borders:
            spec = Table(widths, line, Padding(1.0, PAD, 1.0, PAD), MAX_LINES, right)
        else:  # label and value, the label in bold; fpdf2's margin where there is no padding
            padding = Padding(0.6, 1.0, 0.6, self.pdf.c_margin)
            spec = Table(widths, line, padding, 30, right, bold=(0,), borders=False)
        draw_table(self.pdf, self.lines, spec, headings, rows, self.family, self.cut)

    def section(self, title: str, empty: str | None = None) -> None:
        pdf = self.pdf
        pdf.ln(4)
        if pdf.will_page_break(22):
            pdf.add_page()
        pdf.set_font(self.family, "B", 12)
        pdf.cell(0, 7, self.shorten(self.clean(title), pdf.epw), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(60, 60, 60)
        pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        pdf.ln(1.5)
        pdf.set_font(self.family, "", 9 if empty else 7.5)
        if empty:
            pdf.multi_cell(0, 5, empty, new_x="LMARGIN", new_y="NEXT")

    def bars(self, doc: Document) -> None:
        """A drawn progress bar per requirement, its figures in words beside it."""
        pdf, family, x, width = self.pdf, self.family, MARGIN + 60, 60.0
        pdf.ln(2)
        for req in doc.requirements:
            if pdf.will_page_break(7):
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_font(family, "B", 8.5)
            pdf.cell(58, 5, self.shorten(self.clean(req.title), 57))
            pdf.set_draw_color(70, 70, 70)
            # fill colours only here: text() draws each line in a colour state of its own
            # while the fill colour differs from the text colour
            with pdf.local_context(fill_color=(255, 255, 255)):
                pdf.rect(x, y + 0.5, width, 4, style="DF")
            if req.percent:
                with pdf.local_context(fill_color=(59, 110, 168)):
                    pdf.rect(x, y + 0.5, width * req.percent / 100, 4, style="F")
                pdf.rect(x, y + 0.5, width, 4, style="D")
            pdf.set_font(family, "", 8.5)
            pdf.set_xy(x + width + 3, y)
            units = self.shorten(self.clean(doc.units), 30)
            label = f"{req.percent}%: {req.counted} of {req.required} {units}, {req.state}"
            pdf.cell(0, 5, label, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)

    def entry_cells(self, v: EntryView) -> list[str]:
        clean = self.clean
        title = clean(v.title) + (f"\nNote: {clean(v.notes)}" if v.notes else "")
        if v.evidence:
            title += "\nEvidence: " + ", ".join(clean(name) for name in v.evidence)
        provider = "\n".join(clean(p) for p in (v.provider, v.approval) if p)
        dates = (f"{w} {d}" for w, d in (("sub.", v.submitted), ("post.", v.posted)) if d)
        return [
            f"{v.date}\n{clean(v.kind)}",
            title,
            provider,
            v.hours,
            v.credits,
            clean(v.explanation),
            clean(v.certifications),
            "\n".join(dates),
        ]

    def decorate(self, doc: Document, produced: str) -> None:
        """Header (holder, ID) and footer (Page N of M) on every page, drawn once all exist."""
        pdf, clean, total = self.pdf, self.clean, self.pdf.pages_count
        pdf.set_auto_page_break(False)
        head = f"{doc.title}: {clean(doc.holder_name)}, registrant ID {clean(doc.registrant_id)}"
        for number in range(1, total + 1):
            pdf.page = number
            pdf.set_font(self.family, "", 7.9)  # a change of size re-emits the font here
            pdf.set_font(self.family, "", 8)
            pdf.set_text_color(90, 90, 90)
            pdf.set_draw_color(160, 160, 160)
            pdf.set_xy(MARGIN, 8)
            pdf.cell(pdf.epw - 40, 4, self.shorten(head, pdf.epw - 42))
            pdf.set_xy(pdf.w - MARGIN - 40, 8)
            pdf.cell(40, 4, f"produced {produced}", align="R")
            pdf.line(MARGIN, 12.5, pdf.w - MARGIN, 12.5)
            pdf.set_xy(MARGIN, pdf.h - 11)
            pdf.cell(pdf.epw, 4, f"Page {number} of {total}", align="C")
        pdf.set_text_color(0, 0, 0)


def _latin1(code: int) -> bool:
    return 0x20 <= code < 0x7F or 0xA0 <= code <= 0xFF


def _texts(value: object) -> Iterator[str]:
    """Every string of a Document (its views, tuples and pairs), to choose the font."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


def _setup_font(pdf: FPDF, texts: Iterator[str]) -> tuple[str, str | None, _Text]:
    """The font family, the file name of the embedded font (None: Helvetica), the cleaner.
    Helvetica, built into every PDF reader, when every text is Latin-1 (parsing and embedding
    a font costs more than the rest of a 200-entry transcript); else a Unicode font."""
    if all(_latin1(ord(ch)) for text in texts for ch in text if ch not in "\n\t"):
        return "helvetica", None, _Text(_latin1)
    for number, (regular, bold) in enumerate(FONT_CANDIDATES()):
        if regular.is_file() and bold.is_file():
            family = f"unicode{number}"  # a fresh name: a failed candidate may be half-added
            try:
                pdf.add_font(family, "", str(regular))
                pdf.add_font(family, "B", str(bold))
            except Exception:  # a broken or unreadable font file: try the next one
                continue
            codes = set(getattr(pdf.fonts[family], "cmap", {}))
            codes &= set(getattr(pdf.fonts[family + "B"], "cmap", {}))
            return family, regular.name, _Text(codes.__contains__)
    return "helvetica", None, _Text(_latin1)


def render(t: Transcript, paper: str = "a4") -> tuple[bytes, list[str]]:
    """The PDF on `paper` ("a4" or "letter"), and warnings for the user (characters
    replaced, texts shortened)."""
    from fpdf import FPDF

    doc = build_document(t)
    pdf = FPDF(orientation="portrait", unit="mm", format=PAPERS[paper])
    pdf.set_margins(MARGIN, 18, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.alias_nb_pages(None)  # type: ignore[arg-type]  # the footer knows the count
    family, font_file, clean = _setup_font(pdf, _texts(doc))
    w = _Writer(pdf, clean, family)
    metadata = _Text(lambda code: True)  # PDF metadata is Unicode, whatever the font
    pdf.set_title(f"{doc.title}: {metadata(doc.holder_name)}")
    pdf.set_author(metadata(doc.holder_name))
    pdf.set_subject(metadata(t.period))
    pdf.set_creator("ceclog")
    pdf.set_lang("en")
    pdf.set_creation_date(dt.datetime.combine(t.today, dt.time(), tzinfo=dt.UTC))
    pdf.add_page()

    pdf.set_font(family, "B", 17)
    pdf.cell(0, 9, doc.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "B", 12)
    who = f"{clean(doc.holder_name)}, registrant ID {clean(doc.registrant_id)}"
    pdf.multi_cell(0, 6, w.fit(who, pdf.epw, 4), align="L", new_x="LMARGIN")
    pdf.ln(2)
    pdf.set_font(family, "", 9)
    facts = [(label, clean(value)) for label, value in doc.facts]
    w.table((), (32, 148), facts, borders=False, line=4.6)

    w.section("Certifications held", None if doc.certifications else NO_CERTIFICATIONS)
    if doc.certifications:
        rows = [[clean(c.code), clean(c.title), c.earned] for c in doc.certifications]
        w.table(("Code", "Certification", "Earned"), (22, 128, 30), rows)

    w.section(doc.requirements_heading, None if doc.requirements else NO_REQUIREMENTS)
    if doc.requirements:
        rows = [
            [
                f"{clean(r.title)}\n({clean(r.covers)})",
                f"{r.start} to\n{r.due}",
                r.required,
                r.counted,
                r.remaining,
                r.submitted,
                r.posted,
                r.state,
            ]
            for r in doc.requirements
        ]
        headings = (
            "Requirement",
            "Cycle",
            "Required",
            "Counted",
            "Remaining",
            "Submitted",
            "Posted",
            "Status",
        )
        w.table(headings, (44, 22, 18, 18, 20, 20, 18, 20), rows, right=(2, 3, 4, 5, 6))
        w.bars(doc)
        pdf_chart.draw(pdf, family, svg_chart.charts_of(t), t.rules.units, clean)

    w.section(doc.entries_heading, None if doc.entries else NO_ENTRIES)
    if doc.entries:
        headings = (
            "Date, kind",
            "Title",
            "Provider, approval",
            "Hours",
            "Counted",
            "How counted",
            "Certs",
            "Submitted, posted",
        )
        pdf.set_font(family, "", 7)
        rows = [w.entry_cells(v) for v in doc.entries]
        w.table(headings, (19, 46, 25, 11, 15, 29, 11, 24), rows, right=(3, 4))
        pdf.ln(2)
        pdf.set_font(family, "B", 10)
        pdf.multi_cell(0, 6, clean(doc.total_line), new_x="LMARGIN", new_y="NEXT")

    w.decorate(doc, str(t.today))
    return bytes(pdf.output()), clean.warnings(font_file)
