"""Tables of the PDF transcript, laid out here rather than by fpdf2's `table()`.

fpdf2 breaks a table cell's text into lines character by character, measuring the line again
at every character, and does it twice per cell (once to size the row, once to draw it): most
of the time of a long transcript went there.  Here every cell is broken into lines once, the
widths of characters and words cached per font (words repeat a lot in a transcript), and each
line is drawn with `FPDF.text()`.  The layout is fpdf2's: the same column widths, padding,
line positions, line breaks (at newlines and spaces; inside a word only when it is wider than
the cell), borders, heading fill and page breaks (a row is never split; the headings are
repeated at the top of each page)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from fpdf import FPDF

TOLERANCE = 1e-9  # mm; as fpdf2's: a line this much wider than its cell still fits
HEADING_FILL = (232, 232, 232)
CUT = " [...]"


class Lines:
    """Breaks text into lines of the PDF's current font, caching the width of every word."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._cache: dict[tuple[str, str, float], dict[str, float]] = {}

    def _widths(self) -> dict[str, float]:
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        widths = self._cache.get(key)
        if widths is None:
            widths = self._cache[key] = {}
        return widths

    def _measure(self, widths: dict[str, float], text: str) -> float:
        """The width of `text`, the sum of its characters' as fpdf2 measures it (no kerning or
        text shaping is used), caching both."""
        total = 0.0
        for char in text:
            size = widths.get(char)
            if size is None:
                size = widths[char] = self.pdf.get_string_width(char)
            total += size
        widths[text] = total
        return total

    def width(self, text: str) -> float:
        """The width of `text` (mm) in the current font."""
        widths = self._widths()
        found = widths.get(text)
        return self._measure(widths, text) if found is None else found

    def wrap(self, text: str, width: float) -> list[str]:
        """`text` broken into lines at most `width` mm wide, as fpdf2's `multi_cell` breaks it:
        at each newline, at spaces, and inside a word only when the word is wider than a line.
        No lines for an empty text."""
        if not text:
            return []
        widths = self._widths()
        measure = self._measure
        limit = width + TOLERANCE
        space = widths.get(" ") or measure(widths, " ")
        out: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                size = widths.get(word)
                if size is None:
                    size = measure(widths, word)
                if line:
                    if used + space + size <= limit:
                        line.append(word)
                        used += space + size
                        continue
                    out.append(" ".join(line))
                if size <= limit:
                    line, used = [word], size
                    continue
                piece, used = "", 0.0  # a word wider than a line: broken between characters
                for char in word:
                    size = widths[char]
                    if piece and used + size > limit:
                        out.append(piece)
                        piece, used = "", 0.0
                    piece += char
                    used += size
                line = [piece]
            out.append(" ".join(line))  # a newline ends a line, even an empty one
        if not out[-1]:  # the text ended in a newline, or a space that broke the line (dropped)
            out.pop()
        return out

    def fit(self, text: str, width: float, most: int) -> tuple[list[str], bool]:
        """The lines of `text` in `width` mm, cut to `most` lines (at least 2) ending in
        " [...]"; whether it was cut."""
        lines = self.wrap(text, width)
        if len(lines) <= most:
            return lines, False
        last = self.wrap(lines[most - 2].rstrip() + CUT, width)
        return lines[: most - 2] + last, True


class Padding(NamedTuple):
    top: float
    right: float
    bottom: float
    left: float


class Table(NamedTuple):
    widths: Sequence[float]  # mm, from the left margin
    line: float  # mm, the height of a line of text
    padding: Padding
    most: int  # lines of a cell (at least 2); the rest is cut, so that every row fits on a page
    right: Sequence[int] = ()  # the columns aligned right
    bold: Sequence[int] = ()  # the columns in bold (the headings always are)
    borders: bool = True


class _Row(NamedTuple):
    cells: list[list[str]]  # the lines of each cell
    height: float
    heading: bool


class _Drawing:
    """One table being drawn: rows are laid out first (their heights known), then drawn."""

    def __init__(self, pdf: FPDF, lines: Lines, spec: Table, family: str) -> None:
        self.pdf, self.lines, self.spec, self.family = pdf, lines, spec, family
        self.size, self.style = pdf.font_size_pt, ""
        pdf.set_font(family, "", self.size)
        self.inner = [width - spec.padding.left - spec.padding.right for width in spec.widths]
        self.bold = set(spec.bold)
        self.top = 0.0  # of the table's part on the current page

    def font(self, heading: bool, column: int) -> None:  # set_font only on a change
        style = "B" if heading or column in self.bold else ""
        if style != self.style:
            self.style = style
            self.pdf.set_font(self.family, style, self.size)

    def layout(self, cells: Sequence[str], heading: bool, cut: Callable[[], None]) -> _Row:
        spec, out = self.spec, []
        for column, (text, width) in enumerate(zip(cells, self.inner, strict=True)):
            self.font(heading, column)
            cell, was_cut = self.lines.fit(text, width, spec.most)
            if was_cut:
                cut()
            out.append(cell)
        most = max(map(len, out), default=0)
        pad = spec.padding.top + spec.padding.bottom
        return _Row(out, most * spec.line + pad if most else spec.line, heading)

    def columns(self) -> None:
        """The lines between the columns of the table's part on this page (drawn once for all
        its rows: each row has only its outline)."""
        pdf = self.pdf
        if self.spec.borders and pdf.y > self.top:
            x = pdf.l_margin
            for width in self.spec.widths[:-1]:
                x += width
                pdf.line(x, self.top, x, pdf.y)

    def new_page(self) -> None:
        self.columns()
        self.pdf.add_page()
        self.top = self.pdf.y

    def draw(self, row: _Row) -> None:
        pdf, spec, lines = self.pdf, self.spec, self.lines
        width = sum(spec.widths)
        if row.heading and spec.borders:
            with pdf.local_context(fill_color=HEADING_FILL):
                pdf.rect(pdf.l_margin, pdf.y, width, row.height, style="DF")
        elif spec.borders:
            pdf.rect(pdf.l_margin, pdf.y, width, row.height, style="D")
        x, top = pdf.l_margin, pdf.y + spec.padding.top + 0.5 * spec.line
        for column, (cell, width) in enumerate(zip(row.cells, spec.widths, strict=True)):
            if cell:
                self.font(row.heading, column)
                base = top + 0.3 * pdf.font_size  # the baseline of the first line, as fpdf2's
                if column in spec.right:
                    for number, text in enumerate(cell):
                        left = x + width - spec.padding.right - lines.width(text)
                        pdf.text(left, base + number * spec.line, text)
                else:
                    for number, text in enumerate(cell):
                        pdf.text(x + spec.padding.left, base + number * spec.line, text)
            x += width
        pdf.ln(row.height)


def draw_table(
    pdf: FPDF,
    lines: Lines,
    spec: Table,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    family: str,
    cut: Callable[[], None],
) -> None:
    """Draws the table at the left margin from the current position, in the current font size;
    `cut()` is called for each cell cut to `spec.most` lines."""
    table = _Drawing(pdf, lines, spec, family)
    head = table.layout(headings, True, cut) if headings else None
    body = [table.layout(cells, False, cut) for cells in rows]
    first = (head.height if head else 0.0) + (body[0].height if body else 0.0)
    if pdf.will_page_break(first):  # the headings never alone at the bottom of a page
        pdf.add_page()
    table.top = pdf.y
    if head:
        table.draw(head)
    for row in body:
        if pdf.will_page_break(row.height):  # a row is never split
            table.new_page()
            if head:
                table.draw(head)
        table.draw(row)
    table.columns()
    table.font(False, -1)
